"""Jinja phrase templates (number line, date line, lead-agency line, recipients, draft marker)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from jinja2.environment import Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.profiles.bytecode import bytecode_cache
from chuongtrinh.resources import templates_dir


class _ConfinedLoader(FileSystemLoader):
    """A file loader that refuses a template whose real path (symlinks followed) leaves its folder.

    FileSystemLoader already refuses '..' in a template name; a symlink inside a user's template
    folder would still lead out of it."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        roots = [os.path.realpath(folder) for folder in self.searchpath]
        if not any(os.path.commonpath([real, root]) == root for root in roots):
            raise TemplateNotFound(template)
        return source, filename, uptodate


@cache
def _environment(search_path: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    # Sandboxed and strict: a user's own template can neither reach Python internals
    # nor silently print nothing for a misspelt variable.
    return ImmutableSandboxedEnvironment(
        loader=_ConfinedLoader([str(p) for p in search_path]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=bytecode_cache(),  # compiled once, not every run
    )


class TemplateFailure(ChuongtrinhError):
    """A phrase template failed, located in the template; the layout adds which YAML value fed
    it (`key`) before it reaches the user."""

    def __init__(self, diagnostic: Diagnostic, variables: tuple[str, ...] = ()) -> None:
        super().__init__([diagnostic])
        self.diagnostic = diagnostic
        self.key: tuple[str | int, ...] = ()
        self.variables = variables


def _template_line(trace: TracebackType | None, filename: str, default: int = 1) -> int:
    """The line of `filename` where a render failed: Jinja maps template frames back to the
    template file, so the deepest frame of that file holds it."""
    line = default
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == filename:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def _failure(template: str, exc: Exception, variables: tuple[str, ...] = ()) -> TemplateFailure:
    file = getattr(exc, "filename", None) or template
    if isinstance(exc, TemplateNotFound):
        diagnostic = Diagnostic(
            file,
            1,
            1,
            "template-not-found",
            f"không tìm thấy mẫu '{exc.name}' trong thư mục mẫu",
            "mẫu chỉ được dùng các tệp nằm trong thư mục mẫu của nó",
        )
        return TemplateFailure(diagnostic, variables)
    line = _template_line(exc.__traceback__, file, getattr(exc, "lineno", None) or 1)
    message = exc.message if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    diagnostic = Diagnostic(file, line, 1, "template-error", f"lỗi mẫu câu chữ: {message}")
    return TemplateFailure(diagnostic, variables)


def render(template: str, extra_dirs: Sequence[Path] = (), **values: Any) -> str:
    """Render one phrase template to text (surrounding blank lines stripped).

    A template that fails (a syntax error, an unknown name, a refused attribute or file) raises
    TemplateFailure, a ChuongtrinhError located at the template's line, never a traceback."""
    env = _environment((*extra_dirs, templates_dir()))
    try:
        compiled = env.get_template(template)
    except TemplateError as exc:
        raise _failure(template, exc) from None
    try:
        return compiled.render(**values).strip("\n")
    except Exception as exc:  # a user's template may fail in any way; report, never crash
        raise _failure(compiled.filename or template, exc, tuple(values)) from None

"""Jinja phrase templates (number line, date line, lead-agency line, recipients, draft marker)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from jinja2.environment import Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
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
    )


def render(template: str, extra_dirs: Sequence[Path] = (), **values: Any) -> str:
    """Render one phrase template to text (surrounding blank lines stripped).

    A template that fails (a syntax error, an unknown name, a refused attribute or file) is
    reported as a diagnostic at its line, never as a traceback."""
    env = _environment((*extra_dirs, templates_dir()))
    try:
        compiled = env.get_template(template)
    except TemplateError as exc:
        raise ChuongtrinhError([_diagnostic(template, exc)]) from None
    try:
        return compiled.render(**values).strip("\n")
    except TemplateError as exc:
        raise ChuongtrinhError([_diagnostic(compiled.filename or template, exc)]) from None


def _template_line(file: str, exc: TemplateError) -> int:
    """The template line an error came from: Jinja puts template lines into the traceback."""
    line = getattr(exc, "lineno", None) or 1
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == file:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def _diagnostic(template: str, exc: TemplateError) -> Diagnostic:
    file = getattr(exc, "filename", None) or template
    line = _template_line(file, exc)
    if isinstance(exc, TemplateNotFound):
        return Diagnostic(
            file,
            1,
            1,
            "template-not-found",
            f"không tìm thấy mẫu '{exc.name}' trong thư mục mẫu",
            "mẫu chỉ được dùng các tệp nằm trong thư mục mẫu của nó",
        )
    return Diagnostic(file, line, 1, "template-error", f"lỗi mẫu câu chữ: {exc.message}")

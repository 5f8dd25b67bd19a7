"""Jinja phrase templates (number line, date line, lead-agency line, recipients, draft marker)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from chuongtrinh.resources import templates_dir


@cache
def _environment(search_path: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    # Sandboxed and strict: a user's own template can neither reach Python internals
    # nor silently print nothing for a misspelt variable.
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in search_path]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


class TemplateFailure(Exception):
    """A phrase template failed: where in the template, and (set by the layout) which YAML
    value fed it."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message
        self.key: tuple[str | int, ...] = ()
        self.variables: tuple[str, ...] = ()


def _template_line(trace: TracebackType | None, filename: str) -> int:
    """The line of `filename` where a render failed: Jinja maps template frames back to the
    template file, so the deepest frame of that file holds it."""
    line = 1
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == filename:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def render(template: str, extra_dirs: Sequence[Path] = (), **values: Any) -> str:
    """Render one phrase template to text (surrounding blank lines stripped)."""
    env = _environment((*extra_dirs, templates_dir()))
    try:
        loaded = env.get_template(template)
    except TemplateSyntaxError as exc:
        raise TemplateFailure(exc.filename or template, exc.lineno, exc.message or "") from None
    except TemplateError as exc:
        raise TemplateFailure(template, 1, str(exc)) from None
    try:
        return loaded.render(**values).strip("\n")
    except Exception as exc:  # a user's template may fail in any way; report, never crash
        filename = loaded.filename or template
        line = _template_line(exc.__traceback__, filename)
        failure = TemplateFailure(filename, line, f"{type(exc).__name__}: {exc}")
        failure.variables = tuple(values)
        raise failure from None

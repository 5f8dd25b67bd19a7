"""Jinja phrase templates (number line, date line, lead-agency line, recipients, draft marker)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from jinja2.environment import Environment

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.profiles import confine
from chuongtrinh.profiles.budget import for_render
from chuongtrinh.profiles.bytecode import bytecode_cache
from chuongtrinh.profiles.sandbox import BoundedSandbox, TemplateLimit
from chuongtrinh.resources import templates_dir

# A phrase template is a few lines; a bigger file is not one (and would be read whole).
MAX_TEMPLATE_BYTES = 256 * 1024


class _ConfinedLoader(FileSystemLoader):
    """A file loader for .j2 files only, whose real path (symlinks followed) stays in its folder.

    FileSystemLoader already refuses '..' in a template name; a symlink inside a user's template
    folder would still lead out of it, and `{% include %}` could read any other file of the
    folder (a profile, a key): only regular .j2 files of a modest size are templates."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if not template.endswith(".j2"):
            raise TemplateNotFound(template)
        for folder in self.searchpath:  # the first folder that has it is the one used
            path = Path(folder) / template
            if path.exists():
                if not _readable(path, Path(folder)):
                    raise TemplateNotFound(template)
                break
        return super().get_source(environment, template)


def _readable(path: Path, folder: Path) -> bool:
    """A template file inside its folder (symlinks followed), regular, not too big."""
    inside = confine.within(path, folder) and confine.regular_file(path)
    return inside and path.stat().st_size <= MAX_TEMPLATE_BYTES


@cache
def _environment(search_path: tuple[Path, ...]) -> BoundedSandbox:
    # Sandboxed, bounded and strict: a user's own template can neither reach Python internals,
    # nor use the machine up, nor silently print nothing for a misspelt variable.
    return BoundedSandbox(
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
    if isinstance(exc, TemplateLimit):
        diagnostic = Diagnostic(
            file, line, 1, "template-limit", f"mẫu câu chữ vượt giới hạn: {exc}", _LIMIT_HINT
        )
        return TemplateFailure(diagnostic, variables)
    message = exc.message if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    diagnostic = Diagnostic(file, line, 1, "template-error", f"lỗi mẫu câu chữ: {message}")
    return TemplateFailure(diagnostic, variables)


_LIMIT_HINT = (
    "một mẫu câu chỉ in vài dòng: bỏ vòng lặp lồng nhau, range() lớn, phép nhân chuỗi hay số lớn"
)


def render(template: str, extra_dirs: Sequence[Path] = (), **values: Any) -> str:
    """Render one phrase template to text (surrounding blank lines stripped).

    A template that fails (a syntax error, an unknown name, a refused attribute or file) raises
    TemplateFailure, a ChuongtrinhError located at the template's line, never a traceback."""
    env = _environment((*extra_dirs, templates_dir()))
    try:
        compiled = env.get_template(template)
    except (TemplateError, RecursionError) as exc:  # deep nesting overflows jinja's parser
        raise _failure(template, exc) from None
    try:
        with for_render():
            return compiled.render(**values).strip("\n")
    except Exception as exc:  # a user's template may fail in any way; report, never crash
        raise _failure(compiled.filename or template, exc, tuple(values)) from None

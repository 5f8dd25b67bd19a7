"""Jinja phrase templates (number line, date line, lead-agency line, recipients, draft marker)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
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


def render(template: str, extra_dirs: Sequence[Path] = (), **values: Any) -> str:
    """Render one phrase template to text (surrounding blank lines stripped)."""
    env = _environment((*extra_dirs, templates_dir()))
    return env.get_template(template).render(**values).strip("\n")

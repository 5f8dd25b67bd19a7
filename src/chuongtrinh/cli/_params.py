"""Option and argument values converted without pydantic, where that is plain.

typer 0.29 converts every parameter of the command that runs through a pydantic TypeAdapter
built on the spot (its `_adapters` layer): ~40 ms of a cold `build` or `validate`, more than
the work on a two-page programme. The types this CLI uses — Path, str, int, a StrEnum and lists
of them — are converted here directly. Anything else, and any value that does not convert
cleanly (a bad number, an unknown choice, an unreadable path), goes to typer's own conversion,
so typer's messages and edge cases stay as they are. With a typer that converts otherwise
(before 0.29), nothing is changed.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

try:
    from typer._coercion import RuntimeParam, build_runtime_param

    HAS_ADAPTERS = True
except ImportError:  # pragma: no cover - an older typer converts without pydantic
    HAS_ADAPTERS = False

_NO = object()  # "not plain": typer's conversion decides


def _path(value: Any, info: Any) -> Any:
    """A Path when typer's default path checks (readable if it exists) would pass."""
    flags = (info.exists, info.resolve_path, info.allow_dash, info.writable, info.path_type)
    if any(flag not in (False, None) for flag in flags) or not (info.file_okay and info.dir_okay):
        return _NO
    if not isinstance(value, str) or not value:
        return _NO
    if os.path.exists(value) and not os.access(value, os.R_OK):
        return _NO
    return Path(value)


def _number(value: Any, info: Any) -> Any:
    if info.clamp or not isinstance(value, str) or not (value.isascii() and value.isdigit()):
        return _NO
    number = int(value)
    too_small = info.min is not None and number < info.min
    too_large = info.max is not None and number > info.max
    return _NO if too_small or too_large else number


def _choice(annotation: type[Enum], value: Any, info: Any, ctx: Any) -> Any:
    if isinstance(value, annotation):
        return value
    if not info.case_sensitive or getattr(ctx, "token_normalize_func", None) is not None:
        return _NO
    return next((member for member in annotation if str(member.value) == value), _NO)


def _convert(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """`value` as `annotation`, or _NO when the conversion is not a plain one."""
    if getattr(info, "parser", None) is not None:
        return _NO
    if get_origin(annotation) is list:
        if not isinstance(value, list | tuple):
            return _NO
        items = [_convert(get_args(annotation)[0], info, item, ctx) for item in value]
        return _NO if any(item is _NO for item in items) else items
    if annotation is str:
        return value if isinstance(value, str) else _NO
    if annotation is Path:
        return _path(value, info)
    if annotation is int:
        return _number(value, info)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(annotation, value, info, ctx)
    return _NO


if HAS_ADAPTERS:

    class _Plain(RuntimeParam):
        """typer's runtime conversion of one parameter, done directly when it is plain."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            converted = _convert(self.annotation, self.parameter_info, value, ctx)
            if converted is _NO:
                typers = build_runtime_param(param.type_descriptor)
                return typers._coerce_value(value, param=param, ctx=ctx)
            return converted


def plain_conversion(params: list[Any]) -> list[Any]:
    """Give each of a command's parameters the direct conversion (once; before it runs)."""
    if not HAS_ADAPTERS:
        return params
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", _NO) is not None:
            continue
        info = descriptor.parameter_info
        param._runtime_param = _Plain(parameter_info=info, annotation=descriptor.annotation)
    return params

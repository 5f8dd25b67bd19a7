"""The empty document a programme is written into: made once per process, rule set and set of
roles, with python-docx (`docx/blank.py`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from chuongtrinh.docx import package
from chuongtrinh.docx.package import Blank
from chuongtrinh.profiles.models import Profile

_MEMO: dict[tuple[str, tuple[str, ...], str], Blank] = {}


def blank(profile: Profile, roles: tuple[str, ...]) -> Blank:
    """The styled, page-set-up empty document of `profile` with a style for each of `roles`
    (core properties dated from SOURCE_DATE_EPOCH)."""
    key = (repr(_canonical(profile)), roles, package.source_date().isoformat())
    found = _MEMO.get(key)
    if found is None:
        from chuongtrinh.docx import blank as making

        found = _MEMO[key] = making.make(profile, roles)
    return found


def _canonical(value: Any) -> Any:
    """Plain, ordered data with the same content (pydantic's serialiser would build schemas)."""
    if isinstance(value, BaseModel):
        return (type(value).__qualname__, tuple((k, _canonical(v)) for k, v in value))
    if isinstance(value, dict):
        return tuple((k, _canonical(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    return value

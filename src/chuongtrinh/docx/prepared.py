"""The empty document a programme is written into: made once per rule set and set of roles —
kept in this process, else read from the disk cache (`chuongtrinh.profiles.cache`), else made with
python-docx (`docx/blank.py`, the only time a build imports python-docx)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from chuongtrinh.docx import package
from chuongtrinh.docx.package import Blank
from chuongtrinh.profiles import cache
from chuongtrinh.profiles.models import Profile

# What a blank's making depends on besides the rule set: these modules and libraries.
_MAKERS = ("docx/prepared.py", "docx/blank.py", "docx/oxml.py", "docx/package.py", "docx/reference")
_LIBRARIES = ("docx", "lxml")


_MEMO: dict[str, Blank] = {}


def blank(profile: Profile, roles: tuple[str, ...]) -> Blank:
    """The styled, page-set-up empty document of `profile` with a style for each of `roles`
    (core properties dated from SOURCE_DATE_EPOCH)."""
    when = package.source_date().isoformat()
    key = cache.digest([fingerprint(profile), *roles, when])
    found = _MEMO.get(key)
    if found is None:
        stamp = cache.code_stamp(_MAKERS, _LIBRARIES)
        found = cache.cached("blank", stamp, key, lambda: _make(profile, roles), Blank)
        _MEMO[key] = found
    return found


def _make(profile: Profile, roles: tuple[str, ...]) -> Blank:
    from chuongtrinh.docx import blank as making

    return making.make(profile, roles)


# Rule sets are frozen and loaded once per process: each one's digest is made once too.
_FINGERPRINTS: dict[int, tuple[Profile, str]] = {}


def fingerprint(profile: Profile) -> str:
    """A digest of everything in `profile`, the same in every process."""
    known = _FINGERPRINTS.get(id(profile))
    if known is None or known[0] is not profile:
        known = _FINGERPRINTS[id(profile)] = (profile, cache.digest([repr(_canonical(profile))]))
    return known[1]


def _canonical(value: Any) -> Any:
    """Plain, ordered data with the same content (pydantic's serialiser would build schemas)."""
    if isinstance(value, BaseModel):
        return (type(value).__qualname__, tuple((k, _canonical(v)) for k, v in value))
    if isinstance(value, dict):
        return tuple((k, _canonical(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    return value

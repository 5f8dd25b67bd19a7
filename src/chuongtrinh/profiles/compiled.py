"""Rule sets compiled once: a profile file's data (after `extends`) validated into a `Profile`
the first time, then read back from the disk cache (see `chuongtrinh.profiles.cache`).

Validating the rule sets built 13 pydantic models' schemas and checked every built-in profile
on every run (~25 ms of a cold build); a cache hit only unpickles them, and the models are
declared with `defer_build` so that their schemas are built only when something validates.
The key is the profile's data itself (so any edit of the file, or of a file it extends, is a
new entry), this package's version and the source of the models and of this module. A
built-in rule set is keyed by the bytes of all the built-in profile files instead, so that a
hit reads no YAML at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from chuongtrinh.profiles import cache
from chuongtrinh.profiles.models import Profile

_MAKERS = (
    "profiles/models.py",
    "profiles/parts.py",
    "profiles/bounds.py",
    "profiles/confine.py",
    "profiles/compiled.py",
)
_LIBRARIES = ("pydantic", "pydantic_core")


def compiled(data: dict[str, Any]) -> Profile:
    """`data` (a profile file's, with what it extends merged in) as a validated Profile;
    raises pydantic's ValidationError as `Profile.model_validate` does."""
    stamp = cache.code_stamp(_MAKERS, _LIBRARIES)
    key = cache.digest([repr(data)])
    return cache.cached("profile", stamp, key, lambda: Profile.model_validate(data), Profile)


def builtin(name: str, folder: Path, make: Callable[[], Profile]) -> Profile:
    """The built-in rule set `name` of `folder`, made by `make` when it is not in the cache."""
    files = sorted(folder.glob("*.yaml"))
    key = cache.digest([name, *(part for f in files for part in (f.name, f.read_bytes()))])
    stamp = cache.code_stamp(_MAKERS, _LIBRARIES)
    return cache.cached("profile", stamp, f"builtin-{key}", make, Profile)

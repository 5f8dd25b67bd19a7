"""A disk cache for what stays the same from run to run: compiled rule sets, the styled empty
document of a rule set, the phrase templates' byte-code.

Entries live in `$CHUONGTRINH_CACHE_DIR`, else `$XDG_CACHE_HOME/chuongtrinh`, else
`~/.cache/chuongtrinh` (`CHUONGTRINH_CACHE_DIR=off` turns the cache off). Each kind of value
has a subfolder named by a stamp of the code that makes it (this package's version, the
source of the modules concerned, the libraries it is pickled with), and each entry there is
named by a digest of its inputs' content; so an edit of any of them makes a new entry, never
a stale hit, and a new stamp's folder replaces the old one. A folder that cannot be made or
written, or an entry that cannot be read back, costs only the time of making the value again:
the cache never changes what a build writes or says.

The folder must belong to the user and not be writable by others: an entry is a pickle, and
reading one runs code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

from chuongtrinh import __version__

T = TypeVar("T")
OFF = "off"
_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def folder() -> Path | None:
    """The cache folder, made when missing; None when off, unusable or not safely ours."""
    chosen = os.environ.get("CHUONGTRINH_CACHE_DIR", "").strip()
    if chosen.lower() == OFF:
        return None
    if not chosen:
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        chosen = os.path.join(base, "chuongtrinh")
    path = Path(chosen)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = path.stat()
    except OSError:
        return None
    owner = getattr(os, "getuid", lambda: found.st_uid)()
    shared = found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != owner or shared:
        return None
    return path


def digest(parts: Iterable[str | bytes]) -> str:
    """A digest of `parts` (each length-prefixed, so that no two lists of parts collide)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@cache
def code_stamp(modules: tuple[str, ...], libraries: tuple[str, ...]) -> str:
    """What a cached value's making depends on besides its input: this package's version, the
    source of `modules` (paths inside the package, e.g. 'docx/blank.py', or folders), and the
    installed `libraries` (each one's place, size and time, which an upgrade changes)."""
    parts: list[str | bytes] = [__version__, sys.version]
    for module in modules:
        path = _PACKAGE / module
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            parts += [file.relative_to(_PACKAGE).as_posix(), file.read_bytes()]
    for library in libraries:
        spec = find_spec(library)
        origin = spec.origin if spec is not None else None
        if origin is None:
            parts.append(f"{library}: missing")
            continue
        found = os.stat(origin)
        parts.append(f"{library}: {origin} {found.st_size} {found.st_mtime_ns}")
    return digest(parts)


def kind_folder(kind: str, stamp: str) -> Path | None:
    """The folder of one kind of value made by code of `stamp`, made when missing (and then
    the same kind's folders of other stamps removed); None when there is no usable cache."""
    base = folder()
    if base is None:
        return None
    path = base / f"{kind}-{stamp}"
    if path.is_dir():
        return path
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        return path if path.is_dir() else None
    except OSError:
        return None
    for old in base.glob(f"{kind}-*"):
        if old != path and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    return path


def load(kind: str, stamp: str, key: str) -> Any | None:
    """The value stored under `key`, or None when there is none or it cannot be read."""
    base = folder()
    if base is None:
        return None
    try:
        return pickle.loads((base / f"{kind}-{stamp}" / f"{key}.pickle").read_bytes())
    except Exception:  # missing, truncated, damaged: make it again
        return None


def store(kind: str, stamp: str, key: str, value: Any) -> None:
    """Keep `value` under `key`, atomically; a folder that refuses it is no error."""
    path = kind_folder(kind, stamp)
    if path is None:
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=path, prefix=".new-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path / f"{key}.pickle")
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError):
        return


def cached(kind: str, stamp: str, key: str, make: Callable[[], T], accept: type[T]) -> T:
    """The value under `key` when there is one of type `accept`, else `make()` stored."""
    found = load(kind, stamp, key)
    if isinstance(found, accept):
        return found
    value = make()
    store(kind, stamp, key, value)
    return value

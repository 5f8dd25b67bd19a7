"""Phrase templates compiled once: Jinja's byte-code of each template is kept in the disk
cache (`chuongtrinh.profiles.cache`), so that a run loads code instead of lexing, parsing and compiling
every template it renders.

Jinja checks each entry against the template's source; the folder is named by this package's
version, the source of the modules that set the environment up and Jinja's own version, which
Jinja's entries do not record.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from chuongtrinh.profiles import cache

_MAKERS = (
    "profiles/phrases.py",
    "profiles/bytecode.py",
    # The sandbox decides how operators and calls compile (intercepted binops): its code is
    # part of what the byte-code was made by.
    "profiles/sandbox.py",
    "profiles/budget.py",
)
_LIBRARIES = ("jinja2",)


class _Forgiving(FileSystemBytecodeCache):
    """Jinja's file cache, where an entry that cannot be read is a miss and a folder that
    refuses a new one is no error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # truncated or damaged: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def bytecode_cache() -> BytecodeCache | None:
    """The cache for the phrase environment, or None when there is no usable cache folder."""
    folder = cache.kind_folder("jinja", cache.code_stamp(_MAKERS, _LIBRARIES))
    return _Forgiving(str(folder)) if folder is not None else None

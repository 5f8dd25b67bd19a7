"""`fix-encoding`: a YAML file rewritten as UTF-8 NFC text, lines typed in TCVN3 or VNI converted.

A file that is not text (a Word file, a PDF…) is refused before anything is written; a file
rewritten in place is first copied to `FILE.bak` (`FILE.2.bak`, … when that exists), with its
own mode, so a wrong conversion can always be undone.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from chuongtrinh.build.output import Replace, write_atomic
from chuongtrinh.source import encodings
from chuongtrinh.source.decode import is_utf16, read_bytes, to_unicode


@dataclass
class FixResult:
    """A file `fix-encoding` read, the file it wrote, what it changed, and the backup kept."""

    source: Path
    output: Path
    changes: list[str]
    backup: Path | None = None


@dataclass
class Fixed:
    """What `fix` made of the bytes: the UTF-8 text and each kind of change, in words."""

    text: str
    changes: list[str]


def fix(raw: bytes, file: str = "<bytes>") -> Fixed:
    """Text bytes → UTF-8 NFC text with legacy lines converted, and what was changed; bytes
    that are not text (a Word file, a PDF) raise ChuongtrinhError about `file`."""
    text, encoding = to_unicode(raw, file)
    changes = [f"tệp 8 bit ({encoding}) → UTF-8"] if encoding else []
    if raw[:3] == b"\xef\xbb\xbf" or is_utf16(raw):
        changes.append("bỏ dấu BOM / UTF-16 → UTF-8")
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        changes.append("chữ tổ hợp (NFD) → dựng sẵn (NFC)")
    fixed, counts = encodings.fix_lines(normal)
    changes += [f"{n} dòng {encodings.NAMES[enc]} → Unicode" for enc, n in sorted(counts.items())]
    return Fixed(fixed, changes)


def backup_name(path: Path) -> Path:
    """`FILE.bak`, or `FILE.2.bak`, `FILE.3.bak` … : the first name not taken."""
    candidate = path.with_name(f"{path.name}.bak")
    number = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.{number}.bak")
        number += 1
    return candidate


def fix_file(path: Path, output: Path | None = None, overwrite: bool = False) -> FixResult:
    """Convert `path` in place (a backup kept) or into `output` (never over another file
    without `overwrite`, never over `path` itself: that is in place)."""
    raw = read_bytes(path)
    fixed = fix(raw, str(path))
    data = fixed.text.encode("utf-8")
    in_place = output is None or (output.exists() and os.path.samefile(output, path))
    if not in_place:
        assert output is not None
        write_atomic(output, data, Replace(inputs=(path,), force=overwrite))
        return FixResult(path, output, fixed.changes)
    if not fixed.changes:
        return FixResult(path, path, [])
    backup = backup_name(path)
    write_atomic(backup, raw, Replace(), mode=os.stat(path).st_mode & 0o777)
    write_atomic(path, data)
    return FixResult(path, path, fixed.changes, backup)

"""`fix-encoding`: a YAML file rewritten as UTF-8 NFC text, lines typed in TCVN3 or VNI converted.

Bytes that are no text (a Word file, a PDF…) are refused before anything is converted; the
file itself is written by `build.output.rewrite`, which keeps a backup.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from chuongtrinh.source import encodings
from chuongtrinh.source.decode import is_utf16, to_unicode


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

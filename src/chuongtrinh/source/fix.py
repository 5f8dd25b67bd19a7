"""`fix-encoding`: a YAML file rewritten as UTF-8 NFC text, lines typed in TCVN3 or VNI converted."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from chuongtrinh.source import encodings
from chuongtrinh.source.decode import is_utf16, to_unicode


@dataclass
class FixResult:
    """A file `fix-encoding` read, the file it wrote, and what it changed."""

    source: Path
    output: Path
    changes: list[str]


@dataclass
class Fixed:
    """What `fix` made of the bytes: the UTF-8 text and each kind of change, in words."""

    text: str
    changes: list[str]


def fix(raw: bytes) -> Fixed:
    """Any input bytes → UTF-8 NFC text with legacy lines converted, and what was changed."""
    text, encoding = to_unicode(raw)
    changes = [f"tệp 8 bit ({encoding}) → UTF-8"] if encoding else []
    if raw[:3] == b"\xef\xbb\xbf" or is_utf16(raw):
        changes.append("bỏ dấu BOM / UTF-16 → UTF-8")
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        changes.append("chữ tổ hợp (NFD) → dựng sẵn (NFC)")
    fixed, counts = encodings.fix_lines(normal)
    changes += [f"{n} dòng {encodings.NAMES[enc]} → Unicode" for enc, n in sorted(counts.items())]
    return Fixed(fixed, changes)

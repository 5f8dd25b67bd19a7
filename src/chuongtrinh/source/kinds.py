"""What a file that is not a YAML text is: a Word document, a PDF, an image, a zip…

Read from its first bytes, so that a .docx given to `validate` is called a Word file (not
"TCVN3 text"), and `fix-encoding` never rewrites one as text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from chuongtrinh.errors import ChuongtrinhError, Diagnostic

_IMPORT = "dùng 'chuongtrinh import {file}' để chuyển sang tệp YAML"
_NOT_TEXT = "lệnh này cần tệp YAML (văn bản UTF-8)"
# Bytes no text file has (NUL to BS, SO to SUB, FS to US): beyond this share of the first
# 4 KB of something that is not UTF-8, it is a binary file, not text in an 8-bit code page.
_CONTROL = frozenset([*range(0, 9), *range(14, 27), *range(28, 32)])
_BINARY_SHARE = 0.05


@dataclass(frozen=True)
class Kind:
    """A kind of file that is not a program: what to call it, and what to do instead."""

    name: str
    hint: str

    def diagnostic(self, file: str) -> Diagnostic:
        message = f"đây là {self.name}, không phải tệp YAML chương trình"
        return Diagnostic(file, 1, 1, "not-text", message, self.hint.format(file=file))


WORD = Kind("tệp Word (.docx)", _IMPORT)
WORD_97 = Kind("tệp Word 97–2003 (.doc)", _IMPORT)
OPEN_DOCUMENT = Kind("tệp OpenDocument (.odt)", _IMPORT)
RTF = Kind("tệp RTF", _IMPORT)
PDF = Kind(
    "tệp PDF",
    "PDF không chuyển ngược được; tìm tệp Word gốc (.docx, .doc) rồi dùng 'chuongtrinh import'",
)
ZIP = Kind("tệp nén (zip: Excel, PowerPoint hoặc thư mục nén)", _NOT_TEXT)
BROKEN_ZIP = Kind("tệp nén hỏng hoặc bị cắt (có thể là tệp .docx hỏng)", _NOT_TEXT)
IMAGE = Kind("tệp ảnh", _NOT_TEXT)
BINARY = Kind("tệp nhị phân", _NOT_TEXT)


def _zip_kind(raw: bytes) -> Kind | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return BROKEN_ZIP
    if "word/document.xml" in names:
        return WORD
    if "content.xml" in names and "mimetype" in names:
        return OPEN_DOCUMENT
    return ZIP


def sniff(raw: bytes) -> Kind | None:
    """The kind of file `raw` is, when it is known not to be text.

    Each kind asks for more than a few leading bytes (a zip's directory, the OLE byte-order
    mark at offset 28, a PDF's '%%EOF'…), so a text with a few stray bytes in front is
    still read as text and its bytes reported where they are."""
    if raw.startswith(b"PK\x03\x04"):
        return _zip_kind(raw)
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and raw[28:30] == b"\xfe\xff":
        return WORD_97  # OLE2 compound file, as Word 97–2003 saves
    if raw.startswith(b"%PDF-") and b"%%EOF" in raw[-2048:]:
        return PDF
    if raw.startswith(b"{\\rtf") and raw.rstrip().endswith(b"}"):
        return RTF
    if raw.startswith(b"\x89PNG\r\n\x1a\n") and raw[12:16] == b"IHDR":
        return IMAGE
    if raw.startswith(b"\xff\xd8\xff") and raw[6:10] in (b"JFIF", b"Exif"):
        return IMAGE
    return None


def looks_binary(raw: bytes) -> bool:
    """Many bytes no text has (checked only once the bytes are known not to be UTF-8)."""
    sample = raw[:4096]
    return bool(sample) and sum(b in _CONTROL for b in sample) > _BINARY_SHARE * len(sample)


def refuse(raw: bytes, file: str) -> None:
    """Raise, saying what the file is, when `raw` is a known kind that is not text."""
    kind = sniff(raw)
    if kind is not None:
        raise ChuongtrinhError([kind.diagnostic(file)])

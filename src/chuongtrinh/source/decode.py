"""Bytes → text: the one reading path of every command (UTF-8, BOM, UTF-16, legacy 8-bit)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.source import encodings as legacy
from chuongtrinh.source import kinds

# Input size limit in bytes; CHUONGTRINH_MAX_MB overrides it (a 20,000-item program is ~5 MB).
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


def max_bytes() -> int:
    """The input size limit in force (CHUONGTRINH_MAX_MB, else 16 MB)."""
    setting = os.environ.get("CHUONGTRINH_MAX_MB", "").strip()
    try:
        return int(float(setting) * 1024 * 1024) if setting else DEFAULT_MAX_BYTES
    except ValueError:
        return DEFAULT_MAX_BYTES


def too_big(file: str, size: int) -> Diagnostic:
    limit = max_bytes()
    return Diagnostic(
        file,
        1,
        1,
        "too-large",
        f"tệp quá lớn: {_megabytes(size)}, giới hạn là {_megabytes(limit)}",
        "tách thành nhiều chương trình, hoặc đặt biến môi trường CHUONGTRINH_MAX_MB",
    )


def _megabytes(size: int) -> str:
    """16 MB, 5,4 MB, 812 KB: the way a Vietnamese reader writes sizes."""
    if size < 1048576:
        return f"{round(size / 1024)} KB"
    return f"{size / 1048576:.{0 if size % 1048576 == 0 else 1}f} MB".replace(".", ",")


_OS_ERRORS_VI: dict[type[OSError], str] = {
    IsADirectoryError: "đây là thư mục, không phải tệp",
    PermissionError: "không có quyền đọc",
    FileNotFoundError: "không tìm thấy tệp",
}


def read_bytes(path: Path) -> bytes:
    """An input file's bytes, within the size limit; a located error when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes():
            raise ChuongtrinhError([too_big(str(path), size)])
        return path.read_bytes()
    except OSError as exc:  # a folder, no permission, a file removed meanwhile
        reason = _OS_ERRORS_VI.get(type(exc), exc.strerror or type(exc).__name__)
        raise ChuongtrinhError(
            [Diagnostic(str(path), 1, 1, "cannot-read", f"không đọc được tệp: {reason}")]
        ) from None


def read_text(path: Path) -> str:
    """Read a YAML file: UTF-8 (with or without a byte-order mark) or UTF-16; bad bytes located."""
    return decode(read_bytes(path), str(path))


def decode(raw: bytes, file: str = "<bytes>") -> str:
    """Bytes → text: UTF-8, UTF-8 with BOM, UTF-16 (BOM or not); else say what it looks like
    (a Word file, a PDF, an 8-bit code page…)."""
    kinds.refuse(raw, file)
    utf16 = _utf16(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: report it as not UTF-8 below
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if utf16 is None and kinds.looks_binary(raw):  # broken UTF-16 is text gone wrong
            raise ChuongtrinhError([kinds.BINARY.diagnostic(file)]) from None
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        name = guess_encoding(raw)
        hint = (
            f"chạy 'chuongtrinh fix-encoding {file}' để chuyển sang UTF-8, hoặc lưu lại tệp với"
            " bảng mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)"
        )
        raise ChuongtrinhError(
            [
                Diagnostic(
                    file,
                    line,
                    col,
                    "not-utf8",
                    f"tệp không phải văn bản UTF-8; có vẻ là bảng mã {name}",
                    hint,
                )
            ]
        ) from None


def is_utf16(raw: bytes) -> bool:
    return _utf16(raw) is not None


def _utf16(raw: bytes) -> str | None:
    """'utf-16' when the bytes start with its BOM or look like it (every other byte zero)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = raw[:400]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        return "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
    return None


WINDOWS_1258 = "Windows-1258 (tiếng Việt của Windows)"
LATIN_1 = "Windows-1252 (Latin-1), không có chữ tiếng Việt"


def guess_encoding(raw: bytes) -> str:
    """Which legacy encoding non-UTF-8 bytes look like: TCVN3, VNI, Windows-1258 or Latin-1."""
    windows = unicodedata.normalize("NFC", raw.decode("cp1258", "replace"))
    if legacy.reads_as_unicode_vietnamese(windows):
        return WINDOWS_1258
    counts = legacy.fix_lines(raw.decode("latin-1"))[1]
    if counts:
        return legacy.NAMES[max(counts, key=lambda enc: counts[enc])]
    return LATIN_1


def to_unicode(raw: bytes, file: str = "<bytes>") -> tuple[str, str | None]:
    """Text bytes in any encoding → NFC text, and the 8-bit encoding they were in (if any);
    bytes that are no text at all (a Word file, a PDF) raise, saying what they are."""
    try:
        return decode(raw, file), None
    except ChuongtrinhError as exc:
        if exc.diagnostics[0].code != "not-utf8":
            raise  # a Word file, a PDF, an image: no code page makes text of it
        name = guess_encoding(raw)
    codec = "cp1258" if name == WINDOWS_1258 else "latin-1"
    return unicodedata.normalize("NFC", raw.decode(codec, "replace")), name

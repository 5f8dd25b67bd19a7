"""Rules on the characters themselves: Vietnamese in decomposed form (NFD) and text in a
legacy 8-bit encoding (TCVN3, VNI), which TCVN 6909:2001 (Unicode, precomposed) rules out."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from chuongtrinh.source import encodings

RULE = "TCVN 6909:2001 (chữ Unicode dựng sẵn)"


def legacy_font(fonts: Iterable[str]) -> str | None:
    """The first TCVN3 or VNI font among `fonts` (.VnTime, VNI-Times), if any."""
    found = encodings.legacy_fonts(fonts)
    return found[0] if found else None


def problems(texts: Iterable[str]) -> Iterator[tuple[int, str, str]]:
    """(paragraph number, code, message) for each paragraph whose text is decomposed or reads
    as a legacy encoding."""
    for n, text in enumerate(texts, start=1):
        if text.isascii():
            continue
        if not unicodedata.is_normalized("NFC", text):
            yield (
                n,
                "nfd",
                "chữ tiếng Việt ở dạng tổ hợp (NFD), dấu tách khỏi chữ; chuyển sang dạng dựng sẵn (NFC)",
            )
        elif (encoding := encodings.detect(text)) is not None:
            yield (
                n,
                "legacy-text",
                f"chữ mã {encodings.NAMES[encoding]}, không phải Unicode; chuyển mã sang Unicode",
            )

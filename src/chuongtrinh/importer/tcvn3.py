"""Text typed in the legacy Vietnamese fonts turned into Unicode, run by run.

Word stores such text as the 8-bit characters at the font's code points: 'Ch\\xadng' printed in
'.VnTime' (TCVN3/ABC) reads 'Chương'; 'Chöông' in 'VNI-Times' reads the same. Only runs in
such a font are converted, so Unicode text beside them is never touched. The tables are the
ones `chuongtrinh fix-encoding` uses (`chuongtrinh.legacy`)."""

from __future__ import annotations

from chuongtrinh.source import encodings as legacy


def encoding_of(font: str | None) -> str | None:
    """TCVN3 for the '.Vn…' fonts, VNI for the 'VNI-…' fonts, else None."""
    if not font:
        return None
    if font.startswith(".Vn"):
        return legacy.TCVN3
    if font.upper().startswith("VNI"):
        return legacy.VNI
    return None


def to_unicode(text: str, font: str) -> str:
    """`text` as typed in the legacy font `font`; TCVN3's capital fonts ('…H') print capitals."""
    encoding = encoding_of(font)
    if encoding is None:
        return text
    converted = legacy.convert(text, encoding)
    return converted.upper() if encoding == legacy.TCVN3 and font.endswith("H") else converted

"""Text typed in the TCVN3 (ABC) fonts ('.VnTime', '.VnArial', … and their capital forms
'.VnTimeH' …) turned into Unicode.

Word stores such text as the Latin-1 characters at the font's code points: 'Ch\\xadng'
printed in .VnTime reads 'Chương'. Only runs in a TCVN3 font are converted, so Unicode text
beside them is never touched. VNI fonts ('VNI-Times') are recognised but not converted here
(see `legacy_fonts`)."""

from __future__ import annotations

# TCVN 5712:1993 VN3: lower-case letters with marks at 0xA8–0xFE, and the seven capitals
# that have a code of their own (Ă Â Đ Ê Ô Ơ Ư) at 0xA1–0xA7.
_LOWER = {
    0xB5: "à", 0xB8: "á", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBE: "ắ", 0xBC: "ẳ", 0xBD: "ẵ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xCA: "ấ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xD0: "é", 0xCE: "ẻ", 0xCF: "ẽ", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD5: "ế", 0xD3: "ể", 0xD4: "ễ", 0xD6: "ệ",
    0xD7: "ì", 0xDD: "í", 0xD8: "ỉ", 0xDC: "ĩ", 0xDE: "ị",
    0xDF: "ò", 0xE3: "ó", 0xE1: "ỏ", 0xE2: "õ", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE8: "ố", 0xE6: "ổ", 0xE7: "ỗ", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xED: "ớ", 0xEB: "ở", 0xEC: "ỡ", 0xEE: "ợ",
    0xEF: "ù", 0xF3: "ú", 0xF1: "ủ", 0xF2: "ũ", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF8: "ứ", 0xF6: "ử", 0xF7: "ữ", 0xF9: "ự",
    0xFA: "ỳ", 0xFD: "ý", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA7: "Đ", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư",
}  # fmt: skip
_TABLE = str.maketrans({chr(code): letter for code, letter in _LOWER.items()})


def is_tcvn3(font: str | None) -> bool:
    return bool(font) and str(font).startswith(".Vn")


def to_unicode(text: str, font: str) -> str:
    """`text` as typed in the TCVN3 font `font`; the capital fonts ('…H') print capitals."""
    converted = text.translate(_TABLE)
    return converted.upper() if font.endswith("H") else converted

"""The labels this tool prints before headings and items ('B.', '2.1.', 'a)', '+', 'Phần thứ
hai', '14h00 - 14h15:') read back as the `danh_so`/`kieu_muc` style that prints them."""

from __future__ import annotations

import re

from chuongtrinh.layout import numbering

# A label and the text after it, in a paragraph this tool wrote as a heading or an item.
LABELLED = re.compile(
    r"^(?P<label>[A-ZĐ]\.|[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ][.)]|\(\d+\)|\d+\)|[-+*•–])"
    r"\s+(?P<rest>\S.*)$",
    re.S,
)
# An agenda's time slot as khung-gio.j2 writes it: the time in bold, then ':'; who presents
# in italic parentheses at the end.
# The time is a clock time ('14h00', '7 giờ 30', '8:00'): not a bold '1. Nội dung:'.
TIME_SLOT = re.compile(
    r"^\*\*(?P<when>[^*]*\d\s*(?:h|giờ|g|:)\s*\d*[^*]*?):\*\*\s+(?P<rest>\S.*)$", re.S
)
# The same typed without bold, in an agenda: '- 14h00 - 14h15: Khai mạc', '7h30: Đón đại biểu'.
_CLOCK = r"\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}(?:’|')?"
PLAIN_SLOT = re.compile(
    rf"^(?:[-–+•]\s*)?(?P<when>{_CLOCK}(?:\s*[-–]\s*{_CLOCK})?)\s*[:.]\s+(?P<rest>\S.*)$", re.S
)
PRESENTER = re.compile(r"^(?P<text>.*\S)\s+\(\*(?P<who>[^*]+)\*\)$", re.S)
_ROMAN_LETTERS = set("IVXLCDM")


def style_of(label: str, before: str | None = None) -> str:
    """The style that prints `label` ('2.1.' → '1.1.', 'c)' → 'a)'); `before` is the style of
    the label before it at the same place, which tells 'C.' (A., B., C.) from 'C.' (100)."""
    if label in numbering.BULLETS or label == "–":
        return "-" if label == "–" else label
    if label.startswith("("):
        return "(1)"
    if label[0].isdigit():
        dots = label.count(".")
        return "1)" if label.endswith(")") else "1." + "1." * (dots - 1)
    if label[0].islower() or label[0] == "đ":
        return "a" + label[-1]
    letter = label[:-1]
    if len(letter) == 1 and (before == "A." or letter not in _ROMAN_LETTERS or letter == "D"):
        return "A."
    return "I." if before in (None, "I.") and set(letter) <= _ROMAN_LETTERS else "A."


def part(label: str) -> bool:
    """'Phần thứ hai': a part's label on a line of its own."""
    return numbering.is_part(re.sub(r"thứ .*$", "thứ nhất", label))

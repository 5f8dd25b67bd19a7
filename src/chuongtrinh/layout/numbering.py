"""Labels for headings and items: I., 1., a), (1), -, + … generated, never typed."""

from __future__ import annotations

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def letter(number: int) -> str:
    """a, b, … z, then aa, ab … (Vietnamese practice skips no letters in program lists)."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def label(style: str, number: int) -> str:
    """The label of the `number`-th (1-based) entry in `style`: 'I.', '1.', '(1)', '1)', 'a)', '-'."""
    if style in ("-", "+", "•"):
        return style
    if style.startswith("I"):
        return roman(number) + style[1:]
    if style.startswith("a"):
        return letter(number) + style[1:]
    if style.startswith("(1"):
        return f"({number}{style[2:]}"
    if style.startswith("1"):
        return f"{number}{style[1:]}"
    raise ValueError(f"unknown numbering style {style!r}")


def is_counted(style: str) -> bool:
    """Whether items in `style` carry numbers a lead-agency line can refer to."""
    return style not in ("-", "+", "•")

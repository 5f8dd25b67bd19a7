"""Labels for headings and items: A., I., 1., 2.1., a), (1), -, +, Phần thứ nhất … generated,
never typed."""

from __future__ import annotations

from collections.abc import Sequence

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
BULLETS = ("-", "+", "*", "•")
TIME_SLOT = "thoi-gian"  # the item's time is its label (an agenda's "14h00 - 14h15:")
_ORDINAL = "thứ nhất"  # 'Phần thứ nhất': ordinal words, on a line of their own
_DIGITS = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


# The Vietnamese alphabet, as points of a legal or administrative text run (NĐ 30, Phụ lục I:
# "chữ cái tiếng Việt"): a), b), c), d), đ), e), g) … — real files 15–17 in shared/real.
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letter(number: int, alphabet: str = VIETNAMESE_LETTERS) -> str:
    """a, b, c, d, đ, e, g … y, then aa, ab …; Word's own lowerLetter counts in LATIN_LETTERS."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, len(alphabet))
        out = alphabet[rest] + out
    return out


def ordinal(number: int) -> str:
    """'nhất', 'hai', 'tư', 'mười một', 'hai mươi mốt' … as in 'Phần thứ …' (1–99)."""
    if number == 1:
        return "nhất"
    if number == 4:
        return "tư"
    tens, ones = divmod(number, 10)
    if not tens:
        return _DIGITS[ones]
    head = "mười" if tens == 1 else f"{_DIGITS[tens]} mươi"
    tail = {0: "", 1: "mốt" if tens > 1 else "một", 4: "tư" if tens > 1 else "bốn", 5: "lăm"}
    last = tail.get(ones, _DIGITS[ones])
    return f"{head} {last}".strip()


def is_part(style: str) -> bool:
    """Whether a heading label stands on a line of its own above the title ('Phần thứ nhất')."""
    return style.endswith(_ORDINAL)


def label(style: str, number: int, parents: Sequence[int] = ()) -> str:
    """The label of the `number`-th (1-based) entry in `style`; a decimal style takes the
    numbers of its numbered ancestors (`parents`, outermost first): '1.1.' under 2. is '2.1.'."""
    if style in BULLETS or style == TIME_SLOT:
        return "" if style == TIME_SLOT else style
    if is_part(style):
        return style.removesuffix(_ORDINAL) + "thứ " + ordinal(number)
    if style.startswith("1.1"):
        depth = style.count("1") - 1
        numbers = [*parents[len(parents) - depth :], number] if depth else [number]
        return ".".join(str(n) for n in numbers) + "."
    if style.startswith("I"):
        return roman(number) + style[1:]
    if style.startswith("A"):
        return letter(number).upper() + style[1:]
    if style.startswith("a"):
        return letter(number) + style[1:]
    if style.startswith("(1"):
        return f"({number}{style[2:]}"
    if style.startswith("1"):
        return f"{number}{style[1:]}"
    raise ValueError(f"unknown numbering style {style!r}")


def is_counted(style: str) -> bool:
    """Whether items in `style` carry numbers a lead-agency line can refer to."""
    return style not in BULLETS and style != TIME_SLOT


def by_depth(first: Sequence[str], more: Sequence[str]) -> tuple[str, ...]:
    """Item labels by depth: those asked for, then the rule set's for deeper items that are not
    among them yet (a '-' list's sub-items take '+')."""
    return (*first, *(style for style in more if style not in first))


def at(labels: Sequence[str], depth: int) -> str:
    """The label of `depth` (0-based); past the end, the last one."""
    return labels[min(depth, len(labels) - 1)]

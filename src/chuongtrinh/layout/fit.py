"""Header lines measured against their columns: a date line wider than its column is wrapped by
Word ("ngày 01 tháng / 12 năm 2026"), a long issuing body leaves a word alone on a line.

Each line is measured with the advance widths of Times New Roman (font_widths.py) at its style's
size and emphasis, and wrapped at spaces as Word does. The date and number lines must hold on
one line; the names of the bodies may take two (offices print them so), but not leave a word
alone. Warned, neither shrunk nor widened: the sizes and the column widths are the rule set's,
and the clerk can shorten a place name or break a body's name where it reads well (`ten` as a
list of lines). A rule set in another font is not measured.
"""

from __future__ import annotations

from collections.abc import Iterator

from chuongtrinh.errors import Diagnostic
from chuongtrinh.layout.blocks import Columns, Document, Para
from chuongtrinh.layout.font_widths import UNITS_PER_EM, WIDTHS
from chuongtrinh.profiles.models import Profile
from chuongtrinh.source.located import Located, Path_

_FONT = "Times New Roman"
_MM_PER_PT = 25.4 / 72
# Where the value of a header line is typed, by the role of its paragraph.
_TYPED: dict[str, Path_] = {  # the roles measured
    "superior": ("co_quan", "cap_tren"),
    "issuer": ("co_quan", "ten"),
    "date": ("dia_danh",),  # what makes it long
    "number": ("so",),
}
_ONE_LINE = {"date", "number"}
_HINTS = {
    "date": "rút gọn địa danh (dia_danh), hoặc nới cột phải của phần đầu (header.widths_mm"
    " trong bộ quy tắc riêng, --profile)",
    "superior": "tự xuống dòng ở chỗ hợp nghĩa: ghi cap_tren thành danh sách các dòng"
    " ('- …' mỗi dòng)",
    "issuer": "tự xuống dòng ở chỗ hợp nghĩa: ghi ten thành danh sách các dòng ('- …' mỗi dòng)",
}


def _widths(bold: bool, italic: bool) -> dict[str, int]:
    style = {(False, False): "regular", (True, False): "bold", (False, True): "italic"}
    table = WIDTHS[style.get((bold, italic), "bold_italic")]
    return {char: width for width, chars in table.items() for char in chars}


_TABLES = {(b, i): _widths(b, i) for b in (False, True) for i in (False, True)}


def width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """How wide `text` is set in Times New Roman (a character not in the table counts as 'n')."""
    table = _TABLES[(bold, italic)]
    units = sum(table.get(char, table["n"]) for char in text)
    return units / UNITS_PER_EM * size_pt * _MM_PER_PT


def wrapped(text: str, column_mm: float, size_pt: float, bold: bool, italic: bool) -> list[str]:
    """`text` broken into the lines Word makes of it in a column `column_mm` wide (at spaces;
    a word wider than the column stays whole)."""
    lines: list[str] = []
    for word in text.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and width_mm(joined, size_pt, bold, italic) <= column_mm:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def header_warnings(document: Document, profile: Profile, located: Located) -> list[Diagnostic]:
    """A warning for each header line that does not fit on one line of its column."""
    if profile.font.name != _FONT:
        return []
    found = []
    for para, column in _header_lines(document, profile):
        if para.role not in _TYPED:
            continue  # the banner and motto are the rule set's own
        style = profile.style(para.role)
        size, bold, italic = (
            style.size_pt or profile.font.size_pt,
            bool(style.bold),
            bool(style.italic),
        )
        for line in para.text.split("\n"):
            lines = wrapped(line, column, size, bold, italic)
            alone = len(lines) > 1 and " " not in lines[-1]
            if alone or (len(lines) > 1 and para.role in _ONE_LINE):
                found.append(_warning(located, para, line, lines, column))
    return found


def _header_lines(document: Document, profile: Profile) -> Iterator[tuple[Para, float]]:
    for block in document.blocks:
        if isinstance(block, Columns) and block.role == "header":
            left, right = profile.header.widths_mm
            yield from ((para, left) for para in block.left)
            yield from ((para, right) for para in block.right)


def _warning(
    located: Located, para: Para, line: str, lines: list[str], column: float
) -> Diagnostic:
    path = _TYPED.get(para.role) or para.key
    alone = " (một chữ đứng riêng một dòng)" if " " not in lines[-1] else ""
    return located.diagnostic(
        path,
        "header-wraps",
        f"dòng '{line}' rộng hơn cột {column:g} mm của phần đầu văn bản nên bị ngắt thành"
        f" {len(lines)} dòng: '{lines[0]}' / '{' / '.join(lines[1:])}'{alone}",
        _HINTS.get(para.role, "rút gọn dòng này"),
        severity="warning",
    )

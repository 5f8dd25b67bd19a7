"""A rule set's date line ('Đồng Tháp, ngày 05 tháng 02 năm 2023', from its template) as the
patterns each reader looks for a date with: whole, anywhere in a line, in running text, a
draft's year alone, or typed in figures instead."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chuongtrinh.profiles.templated import Phrase, compiled, free

# A date in figures, 05/02/2023: not a phrase of any rule set, but what is typed instead.
FIGURES = r"(?P<ngay>\d{1,2})/(?P<thang>\d{1,2})/(?P<nam>\d{4})"
_FIGURES_ANY = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"  # 05/02/2023, 05-02-2023, 05.02.2023
_FOUND = {"dia_danh": free(","), "ngay": r"\d*", "thang": r"\d*", "nam": r"\d{4}"}
_IN_TEXT: dict[str, str | None] = {"ngay": r"\d{1,2}", "thang": r"\d{1,2}", "nam": r"\d{4}"}

Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Dates:
    """Groups 'dia_danh', 'ngay', 'thang' and 'nam' wherever a pattern has them."""

    line: Patterns  # a whole date line, as typed ('Hà Nội , ngày 5 tháng 02 năm 2023')
    in_line: Patterns  # a full date anywhere in a line ('… ngày 05 tháng 02 năm 2023')
    line_start: Patterns  # where a place's date begins: ', ngày' or ', 05/02/2023'
    in_figures: Patterns  # a place's date in figures, ending a line (', ngày 05/02/2023')
    year_only: Patterns  # a draft's line, the year alone (', ngày     tháng     năm 2023')
    month_only: Patterns  # the day alone left blank (', ngày      tháng 3 năm 2026')
    # Dates in running text, one space apart, in the order lint reads them: '05/02/2023',
    # 'ngày 05 tháng 02 năm 2023', 'tháng 02 năm 2023' or 'tháng 02/2023'.
    in_text: Patterns

    @classmethod
    def of(cls, dates: Sequence[Phrase]) -> Dates:
        """The patterns of date lines rendered with marks for dia_danh, ngay, thang, nam."""

        def each(build: Callable[[Phrase], str]) -> Patterns:
            return compiled(build(date) for date in dates)

        year_only = {**_IN_TEXT, "ngay": None, "thang": None}
        month_only = {**_IN_TEXT, "ngay": None}
        return cls(
            line=each(lambda d: rf"^\s*+{d.regex(_FOUND, loose=True)}\s*+$"),
            in_line=each(lambda d: d.from_word_before("ngay").regex(_IN_TEXT, loose=True)),
            line_start=each(lambda d: rf",\s*+(?:{_word(d, 'ngay')}\b|{_FIGURES_ANY})"),
            in_figures=each(lambda d: rf",\s*+(?:{_word(d, 'ngay')}\s*+)?{FIGURES}\s*+$"),
            year_only=each(lambda d: rf"{d.after('dia_danh').regex(year_only, loose=True)}\s*+$"),
            month_only=each(lambda d: rf"{d.after('dia_danh').regex(month_only, loose=True)}\s*+$"),
            in_text=compiled(
                [rf"(?<![\d/]){FIGURES}(?![\d/])", *(p for d in dates for p in _in_text(d))]
            ),
        )


def _in_text(date: Phrase) -> list[str]:
    """'ngày 5 tháng 2 năm 2023'; 'tháng 2 năm 2023' or 'tháng 2/2023'."""
    month = date.from_word_before("thang")
    head = month.until("thang").regex(_IN_TEXT, space=" ")
    words = month.between("thang", "nam").regex({}, space=" ")
    return [
        rf"\b{date.from_word_before('ngay').regex(_IN_TEXT, space=' ')}",
        rf"\b{head}(?:/| {words} )(?P<nam>\d{{4}})",
    ]


def _word(date: Phrase, group: str) -> str:
    """The word that names a value ('ngày' before the day)."""
    return re.escape(date.from_word_before(group).words()[0])

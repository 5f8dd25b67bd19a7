"""The period a programme covers, and moving it on: "tháng 02 năm 2023" → "tháng 3 năm 2023",
"năm 2024" → "năm 2025", by the rule set's padding of months."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chuongtrinh.errors import UsageError

# Keys whose text names the program's period ("tháng 02 năm 2023").
PERIOD_KEYS = ("trich_yeu", "mo_dau", "ket_luan")

# "tháng 02 năm 2023", "tháng 2/2023", "tháng 02-2023", "Tháng 12 năm 2023"
_PERIOD = re.compile(
    r"(?P<word>tháng)(?P<gap>\s+)(?P<month>\d{1,2})(?P<sep>\s+năm\s+|/|-)(?P<year>\d{4})\b",
    re.IGNORECASE,
)
# The year of a yearly program: "năm 2024", "tháng 3/2024", "quý II/2024"
_YEAR = re.compile(r"(?P<lead>\bnăm\s+|/)(?P<year>\d{4})\b", re.IGNORECASE)


class ScaffoldError(UsageError):
    """A request `new` cannot carry out; the message is for the user (Vietnamese)."""


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2023-03' or '03/2023'."""
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text) or re.fullmatch(
            r"\s*(\d{1,2})/(\d{4})\s*", text
        )
        if match is None:
            raise ScaffoldError(f"tháng không hợp lệ: '{text}'; viết dạng 2023-03")
        first, second = (int(g) for g in match.groups())
        year, month = (first, second) if first > 12 else (second, first)
        if not 1 <= month <= 12:
            raise ScaffoldError(f"tháng không hợp lệ: '{text}'; tháng từ 1 đến 12")
        return cls(year, month)

    @classmethod
    def after(cls, day: dt.date) -> Month:
        """The month after the one `day` falls in."""
        return cls(day.year + day.month // 12, day.month % 12 + 1)

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def minus(self, other: Month) -> int:
        """Months from `other` to this month."""
        return (self.year - other.year) * 12 + self.month - other.month

    def day(self, wanted: int) -> dt.date:
        """Day `wanted` of this month, or its last day when the month is shorter."""
        last = calendar.monthrange(self.year, self.month)[1]
        return dt.date(self.year, self.month, min(wanted, last))


def _month_text(month: int, written: str, pad_months: tuple[int, ...]) -> str:
    """The new month as the source writes months: always padded, never, or by the rule."""
    old = int(written)
    padded = written.startswith("0") and len(written) == 2
    if padded and old not in pad_months:
        return f"{month:02d}"  # the office pads every month
    if not padded and old in pad_months:
        return str(month)  # the office pads none
    return f"{month:02d}" if month in pad_months else str(month)


def move_period(text: str, old: Month, new: Month, pad_months: tuple[int, ...]) -> str:
    """`text` with every mention of the month `old` ("tháng 02 năm 2023") naming `new`."""

    def replace(match: re.Match[str]) -> str:
        if Month(int(match["year"]), int(match["month"])) != old:
            return match[0]
        month = _month_text(new.month, match["month"], pad_months)
        return f"{match['word']}{match['gap']}{month}{match['sep']}{new.year}"

    return _PERIOD.sub(replace, text)


def source_month(data: Mapping[str, Any]) -> Month | None:
    """The month a program covers: the first month named in its summary, else its date's."""
    for key in PERIOD_KEYS:
        match = _PERIOD.search(str(data.get(key) or ""))
        if match:
            return Month(int(match["year"]), int(match["month"]))
    day = data.get("ngay")
    return Month(day.year, day.month) if isinstance(day, dt.date) else None


def source_period(data: Mapping[str, Any]) -> Month | int | None:
    """A month for a monthly program; a year (int) when the summary names only a year."""
    month = source_month(data)
    summary_month = _PERIOD.search(str(data.get("trich_yeu") or ""))
    year = _YEAR.search(str(data.get("trich_yeu") or ""))
    if year and not summary_month:
        return int(year["year"])
    if month is None and isinstance(data.get("ngay"), int):
        return int(data["ngay"])
    return month


def move_year(text: str, old: int, new: int) -> str:
    """`text` with the program's year `old` ("năm 2024", "tháng 3/2024") made `new`, and the
    years next to it moved alike ("báo cáo năm 2023", "dự toán năm 2025"); older dates
    ("Kết luận … ngày 28/3/2014") and spans ("nhiệm kỳ 2020 - 2025") stay."""

    def replace(match: re.Match[str]) -> str:
        year = int(match["year"])
        return f"{match['lead']}{year + new - old}" if abs(year - old) <= 1 else match[0]

    return _YEAR.sub(replace, text)

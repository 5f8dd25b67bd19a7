"""Next month's (or year's) program from the last one: YAML in, YAML out, comments kept.

The round trip goes through ruamel.yaml, so the office's comments, key order, quoting and
folded paragraphs survive; only the period, the date, the number and (on request) the items
change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from chuongtrinh.profiles import choose as profiles
from chuongtrinh.scaffold.period import (
    PERIOD_KEYS,
    Month,
    ScaffoldError,
    move_period,
    move_year,
    source_period,
)
from chuongtrinh.scaffold.roundtrip import RoundTrip, clear_items, map_strings, replace_scalar

# Keys a year move leaves alone: names, signature, recipients, the number and the date itself.
_YEAR_KEEPS = frozenset({"he_thong", "loai", "co_quan", "so", "ngay", "noi_nhan", "ky"})
# "thang-02-2023", "thang_2_2023", "2023-02" in a file name
_NAME_PERIOD = re.compile(r"(?P<month>\d{1,2})(?P<sep>[-_.])(?P<year>\d{4})")


@dataclass(frozen=True)
class NextOptions:
    month: Month | None = None  # a monthly program's new month; default: the next one
    year: int | None = None  # a yearly program's new year; default: the next one
    keep_items: bool = False
    blank_date: bool = False


@dataclass(frozen=True)
class NextProgram:
    text: str
    old: Month | int  # a month, or a yearly program's year
    new: Month | int


def _pad_months(data: CommentedMap, day: dt.date) -> tuple[int, ...]:
    """Which months take a leading zero, from the rule set the program names (FORMAT.md:
    both rule sets pad the same months; 'dang' stands in for one not shipped yet)."""
    system = str(data.get("he_thong") or "dang")
    profile = profiles.resolve(system, day) or profiles.resolve("dang", day)
    assert profile is not None, "the dang profiles ship with the package"
    return profile.date.pad_months


def next_program(text: str, options: NextOptions) -> NextProgram:
    """Next period's program from `text`: period moved, date moved or blank, number blank, a
    numbered draft ('du_thao: 2') a first draft again."""
    doc = RoundTrip(text)
    data = doc.data
    old = source_period(data)
    if old is None:
        raise ScaffoldError(
            "không tìm thấy tháng hoặc năm của chương trình nguồn (trong trich_yeu hoặc ngay)"
        )
    new: Month | int
    if isinstance(old, Month):
        if options.year is not None and options.month is None:
            raise ScaffoldError(f"đây là chương trình tháng ({old.month}/{old.year}): dùng --thang")
        new = options.month or old.shift(1)
        _move_month(data, old, new)
        months = new.minus(old)
    else:
        if options.month is not None and options.year is None:
            raise ScaffoldError(f"đây là chương trình năm {old}: dùng --nam")
        new = options.year or old + 1
        for key in data:
            if key not in _YEAR_KEEPS:
                data[key] = map_strings(data[key], lambda t: move_year(t, old, new))
        months = 12 * (new - old)
    _set_date(data, months, blank=options.blank_date)
    if "so" in data:
        data["so"] = None
    if isinstance(data.get("du_thao"), int) and not isinstance(data["du_thao"], bool):
        data["du_thao"] = True  # next period's is a first draft: "Dự thảo", not "lần 2"
    if not options.keep_items:
        clear_items(data.get("noi_dung"))
    return NextProgram(doc.dump(), old, new)


def _move_month(data: CommentedMap, old: Month, new: Month) -> None:
    pad_months = _pad_months(data, new.day(1))
    for key in PERIOD_KEYS:
        if key in data:
            data[key] = replace_scalar(data[key], lambda t: move_period(t, old, new, pad_months))


def _set_date(data: CommentedMap, months: int, *, blank: bool) -> None:
    """The date moves as far as the period did (a program dated the 25th of the month before
    stays so; a yearly draft dated by its year alone moves a year); `blank` leaves the year."""
    day = data.get("ngay")
    if isinstance(day, int) and not isinstance(day, bool):
        data["ngay"] = day + months // 12
    elif isinstance(day, dt.date):
        moved = Month(day.year, day.month).shift(months)
        data["ngay"] = moved.year if blank else moved.day(day.day)


def next_name(source: Path, result: NextProgram) -> Path:
    """`thang-02-2023.yaml` → `thang-03-2023.yaml`, `…-2024.yaml` → `…-2025.yaml` (same
    folder); a name without the period gets one."""
    old, new = result.old, result.new
    if isinstance(old, int) and isinstance(new, int):
        stem = re.sub(rf"(?<!\d){old}(?!\d)", str(new), source.stem)
        stem = stem if stem != source.stem else f"{source.stem}-{new}"
        return source.with_name(stem + source.suffix)
    assert isinstance(new, Month)

    def replace(match: re.Match[str]) -> str:
        if Month(int(match["year"]), int(match["month"])) != old:
            return match[0]
        return f"{new.month:0{len(match['month'])}d}{match['sep']}{new.year}"

    stem = _NAME_PERIOD.sub(replace, source.stem)
    if stem == source.stem:
        stem = f"thang-{new.month:02d}-{new.year}"
    return source.with_name(stem + source.suffix)

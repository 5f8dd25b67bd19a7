"""Next month's program from last month's, and starter files: YAML in, YAML out, comments kept.

The round trip goes through ruamel.yaml, so the office's comments, key order, quoting and
folded paragraphs survive; only the period, the date, the number and (on request) the items
change.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from chuongtrinh.errors import UsageError
from chuongtrinh.profiles import choose as profiles
from chuongtrinh.resources import templates_dir

# Keys whose text names the program's period ("tháng 02 năm 2023").
PERIOD_KEYS = ("trich_yeu", "mo_dau", "ket_luan")

# "tháng 02 năm 2023", "tháng 2/2023", "tháng 02-2023", "Tháng 12 năm 2023"
_PERIOD = re.compile(
    r"(?P<word>tháng)(?P<gap>\s+)(?P<month>\d{1,2})(?P<sep>\s+năm\s+|/|-)(?P<year>\d{4})\b",
    re.IGNORECASE,
)
# The year of a yearly program: "năm 2024", "tháng 3/2024", "quý II/2024"
_YEAR = re.compile(r"(?P<lead>\bnăm\s+|/)(?P<year>\d{4})\b", re.IGNORECASE)
# Keys a year move leaves alone: names, signature, recipients, the number and the date itself.
_YEAR_KEEPS = frozenset({"he_thong", "loai", "co_quan", "so", "ngay", "noi_nhan", "ky"})
# "thang-02-2023", "thang_2_2023", "2023-02" in a file name
_NAME_PERIOD = re.compile(r"(?P<month>\d{1,2})(?P<sep>[-_.])(?P<year>\d{4})")


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


def _replace_scalar(value: Any, change: Callable[[str], str]) -> Any:
    """A changed copy of a string scalar that keeps its YAML style (folded, literal, quoted)."""
    if not isinstance(value, str):
        return value
    old = str(value)
    text = change(old)
    if text == old:
        return value
    copy: Any = text if type(value) is str else type(value)(text)
    folds = getattr(value, "fold_pos", None)
    if folds:
        # A folded paragraph breaks its lines at these offsets: keep them on the same words.
        first = next((n for n, (a, b) in enumerate(zip(old, text, strict=False)) if a != b), 0)
        copy.fold_pos = [p if p < first else p + len(text) - len(old) for p in folds]
    return copy


def source_month(data: CommentedMap) -> Month | None:
    """The month a program covers: the first month named in its summary, else its date's."""
    for key in PERIOD_KEYS:
        match = _PERIOD.search(str(data.get(key) or ""))
        if match:
            return Month(int(match["year"]), int(match["month"]))
    day = data.get("ngay")
    return Month(day.year, day.month) if isinstance(day, dt.date) else None


def source_period(data: CommentedMap) -> Month | int | None:
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


def _map_strings(node: Any, change: Callable[[str], str]) -> Any:
    """`node` with `change` applied to every string in it, YAML styles kept."""
    if isinstance(node, CommentedMap):
        for key in node:
            node[key] = _map_strings(node[key], change)
        return node
    if isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = _map_strings(item, change)
        return node
    return _replace_scalar(node, change)


def _clear_items(sections: Any) -> None:
    """Empty every section's items (`muc`), sub-sections included; headings and text stay."""
    if not isinstance(sections, CommentedSeq):
        return
    for section in sections:
        if not isinstance(section, CommentedMap):
            continue
        items = section.get("muc")
        if isinstance(items, CommentedSeq) and items:
            # The blank line after a section hangs on its last item: keep it on the key.
            trailing = items.ca.items.get(len(items) - 1, [None])[0]
            section["muc"] = CommentedSeq()
            if trailing is not None:
                section.ca.items["muc"] = [None, None, trailing, None]
        _clear_items(section.get("noi_dung"))


class RoundTrip:
    """A YAML file loaded for editing and dumped back with its indentation and comments."""

    def __init__(self, text: str) -> None:
        try:
            _, sequence, offset = load_yaml_guess_indent(text)
            self.yaml = YAML()
            self.yaml.preserve_quotes = True
            self.yaml.width = 4096  # never re-wrap the office's lines
            self.yaml.indent(mapping=2, sequence=sequence or 2, offset=offset or 0)
            data = self.yaml.load(text)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (dòng {mark.line + 1})" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ScaffoldError(
                f"tệp nguồn không đọc được{where}: {problem}; chạy chuongtrinh validate để xem"
            ) from None
        if not isinstance(data, CommentedMap):
            raise ScaffoldError(
                "tệp nguồn không phải một chương trình (cần các dòng 'khoa: giá trị')"
            )
        self.data: CommentedMap = data

    def dump(self) -> str:
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        return stream.getvalue()


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
    """Next period's program from `text`: period moved, date moved or blank, number blank."""
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
                data[key] = _map_strings(data[key], lambda t: move_year(t, old, new))
        months = 12 * (new - old)
    _set_date(data, months, blank=options.blank_date)
    if "so" in data:
        data["so"] = None
    if not options.keep_items:
        _clear_items(data.get("noi_dung"))
    return NextProgram(doc.dump(), old, new)


def _move_month(data: CommentedMap, old: Month, new: Month) -> None:
    pad_months = _pad_months(data, new.day(1))
    for key in PERIOD_KEYS:
        if key in data:
            data[key] = _replace_scalar(data[key], lambda t: move_period(t, old, new, pad_months))


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


STARTER_YEAR = 2026


def starters_dir() -> Path:
    return templates_dir() / "starters"


def starter_names() -> list[str]:
    """The kinds of office a starter file exists for (dang-thang, dang-nam, nha-nuoc, chi-bo)."""
    return sorted(p.stem for p in starters_dir().glob("*.yaml"))


def starter(name: str, month: Month) -> str:
    """A commented starter file for one kind of office, dated in `month`."""
    path = starters_dir() / f"{name}.yaml"
    if not path.is_file():
        raise ScaffoldError(f"không có mẫu '{name}'; các mẫu: {', '.join(starter_names())}")
    # The starters are written for January of STARTER_YEAR, which names no other year.
    raw = path.read_text(encoding="utf-8").replace(str(STARTER_YEAR), str(month.year))
    return next_program(raw, NextOptions(month, month.year, keep_items=True)).text

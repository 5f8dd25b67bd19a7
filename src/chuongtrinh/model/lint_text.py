"""Warnings about how text is typed, over every string of a program: the ones reviewers mark
in red (a date without its zero, two spaces, a space before a comma, a quote never closed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from chuongtrinh.errors import Diagnostic
from chuongtrinh.profiles.models import DateRules, Profile
from chuongtrinh.profiles.recognise import phrasebook
from chuongtrinh.source.located import Located, Path_

# Keys whose values are codes or dates the tool formats itself, not running text.
_NOT_TEXT = {"he_thong", "loai", "so", "ngay", "du_thao", "trinh_bay", "kieu_muc", "viet_tat"}
_NOT_TEXT |= {"danh_so", "dong_chu_tri", "khong_in"}

_DIGIT = re.compile(r"\d")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
# A space before , ; : ! ? ) or a full stop (not before "..." or "./."); and what it needs.
_SPACE_BEFORE = re.compile(r"(?<=\S) +(?P<p>[,;:!?)]|\.(?![./]))")
_SPACE_THEN_MARK = re.compile(" [,;:!?).]")


def strings(located: Located) -> Iterator[tuple[Path_, str]]:
    """Every string value of the loaded file with its path, in file order."""

    def walk(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, child in value.items():
                if key not in _NOT_TEXT:
                    yield from walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from walk(child, (*path, index))

    yield from walk(located.data, ())


def check(located: Located, profile: Profile) -> list[Diagnostic]:
    """The typing warnings of every string of the file."""
    dating = _Dates(profile.date, phrasebook(profile).dates.in_text)
    found: list[Diagnostic] = []
    for path, text in strings(located):
        for rule in (_padding, _spacing, _quotes):
            found += rule(located, path, text, dating)
    return found


@dataclass(frozen=True)
class _Dates:
    """The rule set's padding, and the forms a date is typed in ('5/2/2023', 'ngày 5 tháng 2
    năm 2023', 'tháng 2/2023'), from its date template."""

    rules: DateRules
    forms: tuple[re.Pattern[str], ...]


def _warn(
    located: Located, path: Path_, index: int, code: str, message: str, hint: str
) -> Diagnostic:
    return located.diagnostic(path, code, message, hint, index=index, severity="warning")


def _padding(located: Located, path: Path_, text: str, dating: _Dates) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    dates = dating.rules
    if _DIGIT.search(text) is None:  # no date without a figure: most strings end here
        return found
    # Which characters a date already found covers: one mark each, so a text of 100,000
    # dates is checked in one pass (a list of spans searched for each date was quadratic).
    covered = bytearray(len(text))
    for pattern in dating.forms:
        for match in pattern.finditer(text):
            at = match.start()
            if covered[at]:
                continue  # "tháng 2 năm 2023" inside "ngày 5 tháng 2 năm 2023"
            covered[at : match.end()] = b"\x01" * (match.end() - at)
            expected = _padded(match, dates)
            if expected is not None:
                message = (
                    f"ngày tháng viết chưa đúng thể thức: '{match.group(0)}', cần viết '{expected}'"
                )
                found.append(
                    _warn(located, path, at, "date-padding", message, _padding_hint(dates))
                )
    return found


def _padded(match: re.Match[str], dates: DateRules) -> str | None:
    """The date `match` found written as the rule set pads it; None when it already is (or
    is no date)."""
    groups = match.groupdict()
    month = int(groups["thang"])
    day = int(groups.get("ngay") or 10)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    want_day, want_month = dates.padded(day, month)
    typed = match.group(0)
    expected = typed
    # Right to left, so a replaced day does not move the month's place.
    for name, want in (("thang", want_month), ("ngay", want_day)):
        if groups.get(name) is not None and groups[name] != want:
            start, end = (i - match.start() for i in match.span(name))
            expected = expected[:start] + want + expected[end:]
    return expected if expected != typed else None


def _padding_hint(dates: DateRules) -> str:
    months = ", ".join(str(m) for m in dates.pad_months)
    return (
        f"ngày dưới {dates.pad_day_below} và tháng {months} viết thêm số 0 ở đầu"
        " (05/02/2023, tháng 01), các tháng khác không (15/3/2023)"
    )


def _spacing(located: Located, path: Path_, text: str, dating: _Dates) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if "  " not in text and _SPACE_THEN_MARK.search(text) is None:
        return found
    for match in _DOUBLE_SPACE.finditer(text):
        found.append(
            _warn(
                located,
                path,
                match.start(),
                "double-space",
                f"{len(match.group(0))} dấu cách liền nhau",
                "chỉ để một dấu cách giữa hai từ",
            )
        )
    for match in _SPACE_BEFORE.finditer(text):
        mark = match.group("p")
        found.append(
            _warn(
                located,
                path,
                match.start(),
                "space-before-punct",
                f"dấu cách trước dấu '{mark}'",
                f"viết '{mark}' liền sau chữ đứng trước",
            )
        )
    return found


_QUOTE = re.compile("[“”]")


def _quotes(located: Located, path: Path_, text: str, dating: _Dates) -> list[Diagnostic]:
    depth, first_open = 0, -1
    curly = "“" in text or "”" in text
    for match in _QUOTE.finditer(text) if curly else ():
        index, char = match.start(), match.group(0)
        if char == "“":
            first_open = index if depth == 0 else first_open
            depth += 1
        elif char == "”":
            if depth == 0:
                return [_unbalanced(located, path, index, "dấu đóng ngoặc kép ” không có dấu mở “")]
            depth -= 1
    if depth:
        return [_unbalanced(located, path, first_open, "dấu mở ngoặc kép “ chưa được đóng bằng ”")]
    if text.count('"') % 2:
        return [_unbalanced(located, path, text.rfind('"'), 'dấu ngoặc kép " chưa được đóng')]
    return []


def _unbalanced(located: Located, path: Path_, index: int, message: str) -> Diagnostic:
    return _warn(
        located,
        path,
        index,
        "unbalanced-quote",
        message,
        "thêm dấu ngoặc kép còn thiếu, hoặc bỏ dấu thừa",
    )

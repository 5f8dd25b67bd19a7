"""The value types the models share: text, lines, labels, dates and the draft flag."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError


def _scalar_to_text(value: Any) -> Any:
    """Numbers typed where text is expected ('so: 36', '- 2024') are text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _one_or_many(value: Any) -> Any:
    """A single string stands for a list of one."""
    return (
        [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value
    )


def _joined_lines(value: Any) -> Any:
    """A list of lines typed for one paragraph is that paragraph with its line breaks."""
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return "\n".join(str(v).strip() for v in value)
    return value


# `json_schema_input_type` tells the JSON Schema what the YAML may hold before the validators
# turn it into the model's type ('so: 36', 'ten: …' for a list of one line).
_NonEmpty = Annotated[str, StringConstraints(min_length=1)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_scalar_to_text, json_schema_input_type=_NonEmpty | int | float),
]
Lines = Annotated[
    list[Text], BeforeValidator(_one_or_many, json_schema_input_type=Text | list[Text])
]
# One paragraph typed as one line, a `|` block or a list of its lines: its breaks are kept.
BrokenText = Annotated[
    Text, BeforeValidator(_joined_lines, json_schema_input_type=Text | list[Text])
]


def _label(value: Any) -> Any:
    """YAML reads an unquoted `1.` as the number 1.0 (and `1.1` as 1.1): the label meant."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {1: "1.", 1.1: "1.1."}.get(value, value)
    return value


# The labels of headings (`danh_so`) and items (`kieu_muc`), generated, never typed.
_HeadingLabel = Literal[
    "A.",
    "I.",
    "1.",
    "1.1.",
    "1.1.1.",
    "a)",
    "a.",
    "(1)",
    "1)",
    "-",
    "+",
    "*",
    "•",
    "Phần thứ nhất",
]
_ItemLabel = Literal[
    "-", "+", "*", "•", "(1)", "1.", "1)", "a)", "a.", "1.1.", "1.1.1.", "A.", "I.", "thoi-gian"
]
HeadingLabel = Annotated[_HeadingLabel, BeforeValidator(_label)]
ItemLabel = Annotated[_ItemLabel, BeforeValidator(_label)]
ItemLabels = ItemLabel | list[ItemLabel]
LeadLines = Literal["nhom", "moi-muc", "khong"]


def item_labels(style: ItemLabels | None) -> tuple[str, ...]:
    """`kieu_muc` as the labels of items by depth ('-' → ('-',))."""
    if style is None:
        return ()
    return (style,) if isinstance(style, str) else tuple(style)


def style_text(style: ItemLabels | None) -> str | None:
    """`kieu_muc` as one line of text (for the diff)."""
    return None if style is None else ", ".join(item_labels(style))


def _new_list() -> list[Any]:
    return []


def empty_list(**field: Any) -> Any:
    """A field whose default is an empty list, made for each model: pydantic deep-copies a
    `[]` default for every model it makes (two per item, ~70 % of validating a long
    programme), and calls a factory for much less. The JSON Schema still says `[]`. The
    factory is a function of ours, not `list`: pydantic reads its signature, and reading
    a builtin's costs ~1.4 M instructions a field."""
    return Field(default_factory=_new_list, json_schema_extra={"default": []}, **field)


class Model(BaseModel):
    # Schemas are built when something validates: a build validates one Program, whose
    # schema holds the others', so building each model's own validator and serialiser when
    # its class is made (9 of them) only slowed every start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


@dataclass(frozen=True)
class YearMonth:
    """A known month with the day left blank: 'ngày      tháng 3 năm 2026'."""

    year: int
    month: int

    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


ProgramDate = dt.date | YearMonth | int

_DMY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_MONTH = (re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$"), re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$"))


def _month(text: str) -> YearMonth | None:
    """'2026-03' or '03/2026'."""
    for n, pattern in enumerate(_MONTH):
        match = pattern.match(text)
        if match:
            year, month = (match.group(1), match.group(2)) if n == 0 else match.group(2, 1)
            if not 1 <= int(month) <= 12:
                raise PydanticCustomError(
                    "bad_date", "tháng không tồn tại: {value}", {"value": text}
                )
            return YearMonth(int(year), int(month))
    return None


def program_date(value: Any) -> ProgramDate:
    """A date; a month with the day left blank; or a bare year for a draft whose day and
    month are still blank."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (dt.date, YearMonth)):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and len(text) == 4:
            return int(text)
        month = _month(text)
        if month is not None:
            return month
        match = _DMY.match(text)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
        match = _ISO.match(text)
        parts = (match.group(1), match.group(2), match.group(3)) if match else parts
        if parts:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise PydanticCustomError(
                    "bad_date", "ngày không tồn tại: {value}", {"value": text}
                ) from None
    raise PydanticCustomError(
        "bad_date",
        "ngày không hợp lệ: {value}; viết dạng 2023-02-01, tháng 2023-02 (ngày để trống),"
        " hoặc chỉ năm (2023) cho bản dự thảo",
        {"value": value},
    )


def year_of(day: ProgramDate) -> int:
    return day if isinstance(day, int) else day.year


def draft_flag(value: Any) -> bool | int:
    """`true` → 'Dự thảo'; a number n ≥ 1 → 'Dự thảo lần n'."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, int) and value >= 1:
        return value
    raise PydanticCustomError(
        "bad_draft",
        "du_thao phải là true/false hoặc số lần dự thảo (1, 2, 3…), không phải '{value}'",
        {"value": value},
    )

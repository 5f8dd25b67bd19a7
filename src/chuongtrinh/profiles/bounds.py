"""The building blocks of a rule set's models: their strict, frozen base (`Data`), bounded values
(sizes, lengths, spacing), ranges of them, and the names of phrase templates (confined to the
template folders)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from chuongtrinh.profiles.confine import relative_problem

# Bounds of what Word can show (a page side up to 22 in, spacing up to 1584 pt, type up to
# 1638 pt, a border up to 6 pt, a border's gap up to 31 pt): beyond them, or at NaN or infinity,
# the file is refused by Word or LibreOffice, or the writer fails.
_PAGE_MM = 558.8
_SPACING_PT = 1584.0


def bounded(low: float, high: float, *, above: bool = False) -> Any:
    """A finite number from `low` (excluded when `above`) to `high`."""
    if above:
        return Field(gt=low, le=high, allow_inf_nan=False)
    return Field(ge=low, le=high, allow_inf_nan=False)


Size = Annotated[float, bounded(0, _PAGE_MM, above=True)]  # a page side, a column (mm)
Length = Annotated[float, bounded(0, _PAGE_MM)]  # a margin, a distance (mm)
Offset = Annotated[float, bounded(-_PAGE_MM, _PAGE_MM)]  # an indent, negative into the margin
Spacing = Annotated[float, bounded(0, _SPACING_PT)]  # space before or after (pt)
LinePt = Annotated[float, bounded(0, _SPACING_PT, above=True)]  # a line's height (pt)
FontPt = Annotated[float, bounded(0, 1638, above=True)]
BorderPt = Annotated[float, bounded(0, 6)]
Share = Annotated[float, bounded(0, 1000, above=True)]  # a table column's share of the width


def _ordered(pair: tuple[float, float]) -> tuple[float, float]:
    """A range is written low first."""
    if pair[0] > pair[1]:
        raise PydanticCustomError(
            "range",
            "khoảng phải ghi số nhỏ trước: [{low}, {high}]",
            {"low": pair[1], "high": pair[0]},
        )
    return pair


# What the rule texts allow where the builder uses one value (NĐ 30: quốc hiệu 12–13 pt).
SizeRange = Annotated[tuple[FontPt, FontPt], AfterValidator(_ordered)]
MarginRange = Annotated[tuple[Length, Length], AfterValidator(_ordered)]


def _template_name(name: str) -> str:
    """A phrase template is a .j2 file inside the template folders, named relative to them."""
    problem = relative_problem(name)
    if problem is not None or not name.endswith(".j2"):
        raise PydanticCustomError(
            "template-name",
            "mẫu câu phải là tên một tệp .j2 trong thư mục mẫu ({problem})",
            {"problem": problem or "không có đuôi .j2"},
        )
    return name


TemplateName = Annotated[str, AfterValidator(_template_name)]


class Data(BaseModel):
    """The base of every model of a rule set: unknown keys refused, values frozen."""

    # Schemas are built when something validates: a rule set read back from the cache
    # (profiles/compiled.py) never is, and skips the ~20 ms of building them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

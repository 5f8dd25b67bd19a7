"""The models of a rule set (profile): page, fonts, styles, labels, punctuation, phrases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

Align = Literal["left", "center", "right", "justify"]
LineRule = Literal["single", "at_least", "exact"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Style(_Data):
    """How one role of paragraph looks; every field is optional so styles can build on each other."""

    based_on: str | None = None
    size_pt: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    caps: bool | None = None
    align: Align | None = None
    first_line_mm: float | None = None
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_rule: LineRule | None = None
    line_pt: float | None = None
    keep_with_next: bool | None = None
    rule_mm: float | None = None  # a centred line of this length drawn under the paragraph
    rule_pt: float | None = None  # its thickness
    box_mm: float | None = None  # a box of this width round the paragraph, at the right margin
    # Set apart from the flow at this distance above the bottom edge of the page it falls on
    # (HD 05: "Không phổ biến…" on the last page, 10 mm from the bottom).
    page_bottom_mm: float | None = None


class Margins(_Data):
    top: float
    bottom: float
    left: float
    right: float


class Page(_Data):
    width_mm: float
    height_mm: float
    margin_mm: Margins
    header_mm: float
    footer_mm: float


class Font(_Data):
    name: str
    size_pt: float
    lang: str
    # The height of one line as a multiple of the font size (Times New Roman's single line is
    # about 1.15 em; 1.3 leaves room for Vietnamese stacked marks): sizes a frame of one line.
    line_height: float


class Drawing(_Data):
    """Lines the styles draw: the rule under a paragraph and the box round a draft marker."""

    rule_pt: float  # thickness when a style draws a rule or a box without its own rule_pt
    box_space_pt: int  # the gap between a box and its text


class Defaults(_Data):
    """Word's document defaults: what a paragraph gets when nobody chose a style for it."""

    space_after_pt: float
    line_rule: LineRule
    line_pt: float | None = None  # with at_least or exact


class HeaderRules(_Data):
    widths_mm: tuple[float, float]
    indent_mm: float = 0
    banner: str
    motto: str | None = None  # the State's tiêu ngữ under the national title
    star: str  # "*" under a Party issuer; empty where the issuer's rule is a line instead
    date_gap_lines: int = 0
    draft_on_top: bool = (
        False  # the draft marker above the header (State practice), not under the number
    )


class ClosingRules(_Data):
    widths_mm: tuple[float, float]
    indent_mm: float = 0
    signing_lines: int
    label_underline: bool
    keep_together: bool = False  # the recipients/signature row never split across pages


class Labels(_Data):
    recipients: str
    lead_agency: str
    draft: str
    archive: str = "Lưu"  # the last recipient line: "- Lưu Đảng uỷ."


class Punctuation(_Data):
    recipient: str
    recipient_last: str
    body_end: str
    # None: each căn cứ stays as typed (HD 36); otherwise every one but the last ends so.
    grounds: str | None = None
    grounds_last: str | None = None
    grounds_prefix: str = ""


class DateRules(_Data):
    pad_day_below: int
    pad_months: tuple[int, ...]

    def day_text(self, day: int) -> str:
        """'05' or '15': a leading zero below `pad_day_below`."""
        return f"{day:02d}" if day < self.pad_day_below else str(day)

    def month_text(self, month: int) -> str:
        """'02' or '3': a leading zero for the months in `pad_months`."""
        return f"{month:02d}" if month in self.pad_months else str(month)

    def padded(self, day: int, month: int) -> tuple[str, str]:
        """Day and month as the rule set writes them: 'ngày 05 tháng 02', 'ngày 15 tháng 3'."""
        return self.day_text(day), self.month_text(month)


class LintRules(_Data):
    """Limits of the warnings `validate` gives (data, so an office may tune them)."""

    max_item_chars: int = 1000


class Numbering(_Data):
    nested_headings: tuple[str, ...]
    flat_headings: tuple[str, ...]
    item: str


class Phrases(_Data):
    number: str
    date: str
    draft: str
    lead_agency: str
    recipients: str


class TableColumn(_Data):
    title: str
    width: float  # a share of the text width; the shares are scaled so the table fits it


class TableRules(_Data):
    """The items of `trinh_bay: bang`: which fields become columns, their titles and shares."""

    columns: dict[str, TableColumn]
    default: tuple[str, ...]
    border_pt: float
    padding_mm: float


class Profile(_Data):
    """A complete rule set, after `extends` has been applied."""

    name: str
    family: str
    source: str
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    kinds: dict[str, str]
    page: Page
    font: Font
    drawing: Drawing
    defaults: Defaults
    header: HeaderRules
    closing: ClosingRules
    labels: Labels
    separator: str
    punctuation: Punctuation
    date: DateRules
    numbering: Numbering
    phrases: Phrases
    table: TableRules
    # Issuer abbreviations this version names (for hints), and those it no longer allows.
    issuers: dict[str, str] = Field(default_factory=dict)
    dropped_issuers: tuple[str, ...] = ()
    # A folder of phrase templates that replace the built-in ones of the same name; written
    # relative to the profile file, stored absolute.
    templates: Path | None = None
    styles: dict[str, Style] = Field(default_factory=dict)
    # Signature authority prefixes the rule set allows (T/M, K/T… or TM., KT.…); empty: any.
    authority_prefixes: tuple[str, ...] = ()
    lint: LintRules = LintRules()

    # Resolved styles by role: the layout and the writer ask for a role's style once per
    # paragraph, and folding a based_on chain copies models.
    _resolved: dict[str, Style] = PrivateAttr(default_factory=dict)

    def style(self, role: str) -> Style:
        """The style of `role` with its `based_on` chain folded in."""
        found = self._resolved.get(role)
        if found is None:
            found = self._resolved[role] = _resolve_style(self.styles, role)
        return found

    def in_force_on(self, day: dt.date) -> bool:
        starts = self.in_force_from is None or self.in_force_from <= day
        return starts and (self.in_force_until is None or day <= self.in_force_until)


def _resolve_style(styles: dict[str, Style], role: str, seen: tuple[str, ...] = ()) -> Style:
    if role in seen:
        raise ValueError(f"style '{role}' is based on itself: {' → '.join((*seen, role))}")
    style = styles[role]
    if style.based_on is None:
        return style
    parent = _resolve_style(styles, style.based_on, (*seen, role))
    own = style.model_dump(exclude_none=True, exclude={"based_on"})
    return parent.model_copy(update=own)

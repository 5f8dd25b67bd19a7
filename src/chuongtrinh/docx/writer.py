"""Layout blocks → .docx bytes: the body written as XML in one pass into the rule set's empty
document (`docx/prepared.py`); every size and font comes from the profile.

A new kind of block is a method here that writes it with the helpers of `docx/body.py`, and a
branch in `_Writer.block`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chuongtrinh.docx import body, package
from chuongtrinh.docx.package import DOCUMENT_PART, Blank
from chuongtrinh.docx.prepared import blank
from chuongtrinh.layout.blocks import Block, Columns, Document, Para, Row, Table
from chuongtrinh.profiles.models import ClosingRules, Profile, Style

_TWIPS_PER_MM = 1440 / 25.4

# Called after each paragraph is written with its w:p and the w:r elements written for each of
# the layout paragraph's runs; the redline uses it to record tracked changes (docx/tracked.py).
Decorate = Callable[[Any, Para, list[list[Any]]], None]
# Called after each table row of a `Table` block is written, with its w:tr and the layout row
# (the redline marks inserted and deleted rows).
DecorateRow = Callable[[Any, Row], None]


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def _drawn_width(rules: Style) -> tuple[str, float] | None:
    """Where a rule (centred) or a box (at the right margin) the style draws goes, and its
    length."""
    if rules.box_mm:
        return ("right", rules.box_mm)
    return ("center", rules.rule_mm) if rules.rule_mm else None


class _Writer:
    def __init__(
        self,
        profile: Profile,
        prepared: Blank,
        decorate: Decorate | None = None,
        decorate_row: DecorateRow | None = None,
    ) -> None:
        self.profile = profile
        self.prepared = prepared
        self.decorate = decorate
        self.decorate_row = decorate_row
        self.root = body.parse(prepared.document)
        self.body = self.root[0]
        # The section properties close the body: taken out now, put back after the blocks.
        self.section = self.body[-1]
        self.body.remove(self.section)
        roles = prepared.style_ids
        self.rules = {role: profile.style(role) for role in roles}
        self.drawn = {role: _drawn_width(rules) for role, rules in self.rules.items()}
        page = profile.page
        self.text_width_mm = page.width_mm - page.margin_mm.left - page.margin_mm.right

    def block(self, block: Block) -> None:
        if isinstance(block, Columns):
            self.columns(block)
        elif isinstance(block, Table):
            self.table(block)
        else:
            self.paragraph(self.body, block, self.text_width_mm)

    def paragraph(self, parent: body.Element, para: Para, width_mm: float) -> None:
        """`para` at the end of `parent` (the body or a cell `width_mm` wide)."""
        p = body.paragraph(parent, self.prepared.style_ids[para.role])
        rules = self.rules[para.role]
        if rules.page_bottom_mm is not None:
            self.page_bottom(p, rules)
        drawn = self.drawn[para.role]
        if drawn:  # a rule or box narrower than its column: indent it from the sides
            place, length = drawn
            spare = body.mm_twips(max(0.0, width_mm - length))
            half = body.mm_twips(max(0.0, (width_mm - length) / 2))
            body.indent(p, spare if place == "right" else half, 0 if place == "right" else half)
        made: list[list[Any]] = []
        for run in para.runs:
            elements: list[Any] = []
            for n, piece in enumerate(run.text.split("\n")):
                if n:
                    elements.append(body.append_break_run(p))
                if piece:
                    elements.append(body.append_run(p, piece, run.bold, run.italic, run.underline))
            made.append(elements)
        if self.decorate is not None:
            self.decorate(p, para, made)

    def page_bottom(self, p: body.Element, rules: Style) -> None:
        """A frame one line high whose bottom is `page_bottom_mm` above the page's edge."""
        page = self.profile.page
        font = self.profile.font
        line_mm = (rules.size_pt or font.size_pt) * 25.4 / 72 * font.line_height
        top_mm = page.height_mm - (rules.page_bottom_mm or 0) - line_mm
        body.frame(p, _twips(self.text_width_mm), _twips(top_mm), _twips(line_mm))

    def columns(self, block: Columns) -> None:
        """The borderless two-column table of the header or the closing."""
        rules = self.profile.header if block.role == "header" else self.profile.closing
        widths = rules.widths_mm
        tbl = self.grid(widths, rules.indent_mm, 0, 0)
        keep = isinstance(rules, ClosingRules) and rules.keep_together
        tr = body.row(tbl, cant_split=keep)
        for paras, width in zip((block.left, block.right), widths, strict=True):
            self.cell(tr, paras, width)

    def table(self, block: Table) -> None:
        """A bordered table: header row repeated on every page, no row split across pages,
        a group or note row merged across all columns."""
        rules = self.profile.table
        widths = block.widths_mm
        tbl = self.grid(widths, 0, rules.padding_mm, rules.border_pt)
        for row in block.rows:
            tr = body.row(tbl, cant_split=True, header=row.kind == "header")
            if len(row.cells) == 1 and len(widths) > 1:
                self.cell(tr, row.cells[0], sum(widths), span=len(widths))
            else:
                for paras, width in zip(row.cells, widths, strict=True):
                    self.cell(tr, paras, width)
            if self.decorate_row is not None:
                self.decorate_row(tr, row)

    def grid(
        self, widths: tuple[float, ...], indent_mm: float, padding_mm: float, border_pt: float
    ) -> body.Element:
        """An empty fixed-layout table with columns `widths` (mm) wide."""
        columns = [body.mm_twips(width) for width in widths]
        width, indent, padding = _twips(sum(widths)), _twips(indent_mm), _twips(padding_mm)
        return body.table(self.body, width, indent, padding, border_pt, columns)

    def cell(
        self, tr: body.Element, paras: tuple[Para, ...], width_mm: float, span: int = 1
    ) -> None:
        tc = body.cell(tr, body.mm_twips(width_mm), span)
        for para in paras:
            self.paragraph(tc, para, width_mm)
        body.close_cell(tc)

    def bytes(self) -> bytes:
        self.body.append(self.section)
        entries = list(self.prepared.entries)
        document = package.deflate(DOCUMENT_PART, body.serialize(self.root))
        entries.insert(self.prepared.document_at, document)
        return package.zip_bytes(entries, package.source_date())


def render(
    document: Document,
    profile: Profile,
    decorate: Decorate | None = None,
    decorate_row: DecorateRow | None = None,
) -> bytes:
    """The .docx bytes of a laid-out program (`decorate` may amend each paragraph written,
    `decorate_row` each row of an items table)."""
    roles = tuple(sorted({p.role for p in document.paragraphs()} | {"page_number"}))
    writer = _Writer(profile, blank(profile, roles), decorate, decorate_row)
    for block in document.blocks:
        writer.block(block)
    return writer.bytes()

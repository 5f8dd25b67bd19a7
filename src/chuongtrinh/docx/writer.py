"""Layout blocks → .docx bytes with python-docx; every size and font comes from the profile."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from chuongtrinh.docx import oxml, package
from chuongtrinh.layout.blocks import Columns, Document, Para, Row, Table
from chuongtrinh.profiles.models import ClosingRules, Drawing, Profile, Style

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_TWIPS_PER_MM = 1440 / 25.4
STYLE_PREFIX = "CT "


def style_name(role: str) -> str:
    """The Word paragraph style that carries a layout role (e.g. 'CT body')."""
    return STYLE_PREFIX + role


def _apply_style(style: ParagraphStyle, rules: Style, drawing: Drawing) -> None:
    font = style.font
    if rules.size_pt is not None:
        font.size = Pt(rules.size_pt)
    font.bold = bool(rules.bold)
    font.italic = bool(rules.italic)
    font.underline = bool(rules.underline)
    fmt = style.paragraph_format
    fmt.alignment = _ALIGN[rules.align or "left"]
    fmt.first_line_indent = Mm(rules.first_line_mm or 0)
    fmt.space_before = Pt(rules.space_before_pt or 0)
    fmt.space_after = Pt(rules.space_after_pt or 0)
    if rules.line_rule == "at_least" and rules.line_pt:
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        fmt.line_spacing = Pt(rules.line_pt)
    elif rules.line_rule == "exact" and rules.line_pt:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(rules.line_pt)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = bool(rules.keep_with_next)
    if rules.rule_mm:
        oxml.bottom_rule(style.element.get_or_add_pPr(), rules.rule_pt or drawing.rule_pt)
    if rules.box_mm:
        oxml.box(
            style.element.get_or_add_pPr(), rules.rule_pt or drawing.rule_pt, drawing.box_space_pt
        )


def _setup_styles(document: WordDocument, profile: Profile, roles: Iterable[str]) -> None:
    styles = document.styles
    run_defaults = oxml.default_run_properties(styles.element)
    oxml.set_fonts(run_defaults, profile.font.name)
    oxml.set_language(run_defaults, profile.font.lang)
    defaults = profile.defaults
    oxml.plain_paragraph_defaults(
        styles.element,
        profile.font.size_pt,
        defaults.space_after_pt,
        defaults.line_rule,
        defaults.line_pt,
    )
    normal = styles["Normal"]
    normal.font.name = profile.font.name
    normal.font.size = Pt(profile.font.size_pt)
    oxml.set_fonts(normal.element.get_or_add_rPr(), profile.font.name)
    for role in roles:
        style = styles.add_style(style_name(role), WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _apply_style(style, profile.style(role), profile.drawing)


def _setup_page(document: WordDocument, profile: Profile) -> None:
    page = profile.page
    section = document.sections[0]
    section.page_width = Mm(page.width_mm)
    section.page_height = Mm(page.height_mm)
    section.top_margin = Mm(page.margin_mm.top)
    section.bottom_margin = Mm(page.margin_mm.bottom)
    section.left_margin = Mm(page.margin_mm.left)
    section.right_margin = Mm(page.margin_mm.right)
    section.header_distance = Mm(page.header_mm)
    section.footer_distance = Mm(page.footer_mm)
    # Page numbers from page 2: a first-page header of its own, left empty.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.style = document.styles[style_name("page_number")]
    oxml.page_number_field(header._p)


# Called after each paragraph is written with its w:p and the w:r elements written for each of
# the layout paragraph's runs; the redline uses it to record tracked changes (docx/tracked.py).
Decorate = Callable[[Any, Para, list[list[Any]]], None]
# Called after each table row of a `Table` block is written, with its w:tr and the layout row
# (the redline marks inserted and deleted rows).
DecorateRow = Callable[[Any, Row], None]


def _fill(paragraph: Paragraph, para: Para, style: ParagraphStyle) -> list[list[Any]]:
    """Write `para` into `paragraph`; the w:r elements made for each run, run by run."""
    # The style id straight onto w:pStyle: python-docx's `paragraph.style = …` looks the
    # default style up on every call, which made a 2,000-row table take seconds.
    paragraph._p.style = style.style_id
    p = paragraph._p
    made: list[list[Any]] = []
    for run in para.runs:
        elements: list[Any] = []
        for n, piece in enumerate(run.text.split("\n")):
            if n:
                elements.append(oxml.append_break_run(p))
            if piece:
                elements.append(oxml.append_run(p, piece, run.bold, run.italic, run.underline))
        made.append(elements)
    return made


def _drawn_width(rules: Style) -> tuple[str, float] | None:
    """Where a rule (centred) or a box (at the right margin) the style draws goes, and its
    length."""
    if rules.box_mm:
        return ("right", rules.box_mm)
    return ("center", rules.rule_mm) if rules.rule_mm else None


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


# The styled, page-set-up empty document of each (profile, roles), as package bytes: a batch or
# `--watch` process sets styles up once and then only re-reads ~12 KB of XML per document.
_PREPARED: dict[tuple[str, tuple[str, ...]], bytes] = {}


def _prepared(profile: Profile, roles: tuple[str, ...]) -> WordDocument:
    key = (profile.model_dump_json(), roles)
    if key not in _PREPARED:
        document = docx.Document(package.reference())
        _setup_styles(document, profile, roles)
        _setup_page(document, profile)
        _PREPARED[key] = package.to_bytes(document)
    return docx.Document(io.BytesIO(_PREPARED[key]))


class _Writer:
    def __init__(
        self,
        profile: Profile,
        roles: Iterable[str],
        decorate: Decorate | None = None,
        decorate_row: DecorateRow | None = None,
    ) -> None:
        self.profile = profile
        self.decorate = decorate
        self.decorate_row = decorate_row
        roles = tuple(roles)
        self.document: WordDocument = _prepared(profile, roles)
        # Paragraphs go before the body's sectPr, found once (python-docx searches for it anew
        # on every add_paragraph, which makes a long program quadratic).
        self.body_end = self.document.element.body.sectPr
        self.styles = {role: self.document.styles[style_name(role)] for role in roles}
        self.drawn = {role: _drawn_width(profile.style(role)) for role in roles}
        page = profile.page
        self.text_width_mm = page.width_mm - page.margin_mm.left - page.margin_mm.right

    def fill(self, paragraph: Paragraph, para: Para, width_mm: float) -> None:
        made = _fill(paragraph, para, self.styles[para.role])
        if self.decorate is not None:
            self.decorate(paragraph._p, para, made)
        rules = self.profile.style(para.role)
        if rules.page_bottom_mm is not None:
            self.page_bottom(paragraph, rules)
        drawn = self.drawn[para.role]
        if drawn:  # a rule or box narrower than its column: indent it from the sides
            place, length = drawn
            spare = Mm(max(0.0, width_mm - length))
            half = Mm(max(0.0, (width_mm - length) / 2))
            fmt = paragraph.paragraph_format
            fmt.left_indent = spare if place == "right" else half
            fmt.right_indent = Mm(0) if place == "right" else half

    def page_bottom(self, paragraph: Paragraph, rules: Style) -> None:
        """A frame one line high whose bottom is `page_bottom_mm` above the page's edge."""
        page = self.profile.page
        font = self.profile.font
        line_mm = (rules.size_pt or font.size_pt) * 25.4 / 72 * font.line_height
        top_mm = page.height_mm - (rules.page_bottom_mm or 0) - line_mm
        oxml.page_bottom_frame(
            paragraph._p.get_or_add_pPr(),
            _twips(self.text_width_mm),
            _twips(top_mm),
            _twips(line_mm),
        )

    def paragraph(self, para: Para) -> None:
        new = oxml.paragraph_before(self.body_end)
        self.fill(Paragraph(new, self.document), para, self.text_width_mm)

    def columns(self, block: Columns) -> None:
        rules = self.profile.header if block.role == "header" else self.profile.closing
        table = self.grid(1, rules.widths_mm, rules.indent_mm)
        oxml.remove_borders(table._tbl)
        row = table.rows[0]
        if isinstance(rules, ClosingRules) and rules.keep_together:
            oxml.cant_split(row._tr)
        for cell, paras, width in zip(
            row.cells, (block.left, block.right), rules.widths_mm, strict=True
        ):
            self.cell(cell, paras, width)

    def table(self, block: Table) -> None:
        """A bordered table: header row repeated on every page, no row split across pages,
        a group or note row merged across all columns."""
        rules = self.profile.table
        table = self.grid(len(block.rows), block.widths_mm, 0, rules.padding_mm)
        oxml.set_borders(table._tbl, rules.border_pt)
        for row, word_row in zip(block.rows, table.rows, strict=True):
            oxml.cant_split(word_row._tr)
            if row.kind == "header":
                oxml.repeat_header(word_row._tr)
            cells = word_row.cells
            if len(row.cells) == 1 and len(cells) > 1:
                cells = [cells[0].merge(cells[-1])]
                widths: tuple[float, ...] = (sum(block.widths_mm),)
            else:
                widths = block.widths_mm
            for cell, paras, width in zip(cells, row.cells, widths, strict=True):
                self.cell(cell, paras, width)
            if self.decorate_row is not None:
                self.decorate_row(word_row._tr, row)

    def grid(
        self, rows: int, widths: tuple[float, ...], indent_mm: float, padding_mm: float = 0
    ) -> WordTable:
        """An empty fixed-layout table of `rows` rows and columns `widths` (mm) wide."""
        table: WordTable = self.document.add_table(rows=rows, cols=len(widths))
        table.autofit = False
        oxml.fixed_layout(table._tbl, _twips(sum(widths)), _twips(indent_mm), _twips(padding_mm))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        return table

    def cell(self, cell: _Cell, paras: tuple[Para, ...], width_mm: float) -> None:
        cell.width = Mm(width_mm)
        for n, para in enumerate(paras):
            target = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            self.fill(target, para, width_mm)

    def bytes(self) -> bytes:
        return package.to_bytes(self.document)


def render(
    document: Document,
    profile: Profile,
    decorate: Decorate | None = None,
    decorate_row: DecorateRow | None = None,
) -> bytes:
    """The .docx bytes of a laid-out program (`decorate` may amend each paragraph written,
    `decorate_row` each row of an items table)."""
    roles = sorted({p.role for p in document.paragraphs()} | {"page_number"})
    writer = _Writer(profile, roles, decorate, decorate_row)
    for block in document.blocks:
        if isinstance(block, Columns):
            writer.columns(block)
        elif isinstance(block, Table):
            writer.table(block)
        else:
            writer.paragraph(block)
    return writer.bytes()

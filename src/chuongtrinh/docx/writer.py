"""Layout blocks → .docx bytes with python-docx; every size and font comes from the profile."""

from __future__ import annotations

import io
from collections.abc import Iterable

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from chuongtrinh.docx import oxml, package
from chuongtrinh.layout.blocks import Columns, Document, Para
from chuongtrinh.profiles import Profile, Style

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


def _apply_style(style: ParagraphStyle, rules: Style) -> None:
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


def _setup_styles(document: WordDocument, profile: Profile, roles: Iterable[str]) -> None:
    styles = document.styles
    defaults = oxml.default_run_properties(styles.element)
    oxml.set_fonts(defaults, profile.font.name)
    oxml.set_language(defaults, profile.font.lang)
    oxml.plain_paragraph_defaults(styles.element, profile.font.size_pt)
    normal = styles["Normal"]
    normal.font.name = profile.font.name
    normal.font.size = Pt(profile.font.size_pt)
    oxml.set_fonts(normal.element.get_or_add_rPr(), profile.font.name)
    for role in roles:
        style = styles.add_style(style_name(role), WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _apply_style(style, profile.style(role))


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


def _fill(paragraph: Paragraph, para: Para, style: ParagraphStyle) -> None:
    # The style id directly: python-docx's `paragraph.style =` scans every style for the
    # default one on each call, which was a third of a two-page build.
    paragraph._p.style = style.style_id
    for run in para.runs:
        for n, piece in enumerate(run.text.split("\n")):
            if n:
                paragraph.add_run().add_break()
            if not piece:
                continue
            word_run = paragraph.add_run(piece)
            # Only what differs from the paragraph style is written on the run.
            if run.bold:
                word_run.bold = True
            if run.italic:
                word_run.italic = True
            if run.underline:
                word_run.underline = True


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
    def __init__(self, profile: Profile, roles: Iterable[str]) -> None:
        self.profile = profile
        roles = tuple(roles)
        self.document: WordDocument = _prepared(profile, roles)
        # Paragraphs go before the body's sectPr, found once (python-docx searches for it anew
        # on every add_paragraph, which makes a long program quadratic).
        self.body_end = self.document.element.body.sectPr
        self.styles = {role: self.document.styles[style_name(role)] for role in roles}

    def paragraph(self, para: Para) -> None:
        new = oxml.paragraph_before(self.body_end)
        _fill(Paragraph(new, self.document), para, self.styles[para.role])

    def columns(self, block: Columns) -> None:
        rules = self.profile.header if block.role == "header" else self.profile.closing
        widths = rules.widths_mm
        table = self.document.add_table(rows=1, cols=2)
        table.autofit = False
        oxml.remove_borders(table._tbl)
        oxml.fixed_layout(
            table._tbl, round(sum(widths) * _TWIPS_PER_MM), round(rules.indent_mm * _TWIPS_PER_MM)
        )
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        cells = table.rows[0].cells
        for cell, paras, width in zip(cells, (block.left, block.right), widths, strict=True):
            cell.width = Mm(width)
            self.cell(cell, paras)

    def cell(self, cell: _Cell, paras: tuple[Para, ...]) -> None:
        for n, para in enumerate(paras):
            target = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            _fill(target, para, self.styles[para.role])

    def bytes(self) -> bytes:
        return package.to_bytes(self.document)


def render(document: Document, profile: Profile) -> bytes:
    """The .docx bytes of a laid-out program."""
    roles = sorted({p.role for p in document.paragraphs()} | {"page_number"})
    writer = _Writer(profile, roles)
    for block in document.blocks:
        if isinstance(block, Columns):
            writer.columns(block)
        else:
            writer.paragraph(block)
    return writer.bytes()

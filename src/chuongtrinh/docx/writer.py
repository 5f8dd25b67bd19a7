"""Layout blocks → .docx bytes: the body written as XML text in one pass (docx/body.py) into the
rule set's empty document (docx/prepared.py); every size and font comes from the profile.

A new kind of block is a method here that writes it with body.py's helpers, and a branch in
`_Writer.block`. With Decorate hooks (the redline), the written body is read back as lxml
elements, handed to the hooks in the order it was written, and serialised again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chuongtrinh.docx import body, package, sections
from chuongtrinh.docx.package import DOCUMENT_PART, Blank
from chuongtrinh.docx.prepared import blank
from chuongtrinh.layout.blocks import Annex, Block, Columns, Document, Merge, Para, Row, Table
from chuongtrinh.profiles.models import (
    ClosingRules,
    Profile,
    Style,
)

_TWIPS_PER_MM = 1440 / 25.4

# Called after each paragraph is written with its w:p and the w:r elements written for each of
# the layout paragraph's runs; the redline uses it to record tracked changes (docx/tracked.py).
Decorate = Callable[[Any, Para, list[list[Any]]], None]
# Called after each table row of a `Table` block is written, with its w:tr and the layout row
# (the redline marks inserted and deleted rows).
DecorateRow = Callable[[Any, Row | Columns], None]


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def _drawn_width(rules: Style) -> tuple[str, float] | None:
    """Where a rule (centred) or a box (at the right margin) the style draws goes, and its
    length."""
    if rules.box_mm:
        return ("right", rules.box_mm)
    return ("center", rules.rule_mm) if rules.rule_mm else None


class _Writer:
    def __init__(self, profile: Profile, prepared: Blank) -> None:
        self.profile = profile
        self.prepared = prepared
        self.out: list[str] = []
        # What was written, for the hooks: ("p", n, para, w:r per run) for the n-th w:p,
        # ("tr", n, row) for the n-th w:tr (rows of the header and closing carry no row).
        self.written: list[tuple[Any, ...]] = []
        self.paragraphs = self.rows = 0
        self.rules = {role: profile.style(role) for role in prepared.style_ids}
        self.drawn = {role: _drawn_width(rules) for role, rules in self.rules.items()}
        self.text_width_mm = profile.page.text_width_mm()
        # The properties of the section being written (they end it); None: the first one's.
        self.first_section = sections.first_section(prepared.tail)
        self.section: str | None = None

    def block(self, block: Block) -> None:
        if isinstance(block, Columns):
            self.columns(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Annex):
            self.annex(block)
        else:
            self.paragraph(block, self.text_width_mm)

    def annex(self, block: Annex) -> None:
        """A section of its own: its opening paragraph ends the section before (with that
        section's properties), then the annex's blocks on a page `landscape` or not."""
        self.paragraph(block.opening, self.text_width_mm, self.section or self.first_section)
        self.section = sections.annex_section(self.first_section, block.landscape)
        self.text_width_mm = self.profile.page.text_width_mm(block.landscape)
        for inner in block.blocks:
            self.block(inner)

    def paragraph(self, para: Para, width_mm: float, section: str = "") -> None:
        """`para` in the body or in a cell `width_mm` wide; `section`: the properties of the
        section it ends."""
        rules = self.rules[para.role]
        properties = self.page_bottom(rules) if rules.page_bottom_mm is not None else ""
        drawn = self.drawn[para.role]
        if drawn:  # a rule or box narrower than its column: indent it from the sides
            place, length = drawn
            spare = body.mm_twips(max(0.0, width_mm - length))
            half = body.mm_twips(max(0.0, (width_mm - length) / 2))
            right = place == "right"
            properties += body.indent(spare if right else half, 0 if right else half)
        properties += section  # w:sectPr comes last in w:pPr
        out = self.out
        out.append(body.paragraph_start(self.prepared.style_ids[para.role], properties))
        made: list[int] = []
        for run in para.runs:
            count = 0
            for n, piece in enumerate(run.text.split("\n")):
                if n:
                    out.append(body.BREAK_RUN)
                    count += 1
                if piece:
                    out.append(body.run(piece, run.bold, run.italic, run.underline))
                    count += 1
            made.append(count)
        out.append(body.PARAGRAPH_END)
        self.written.append(("p", self.paragraphs, para, made))
        self.paragraphs += 1

    def page_bottom(self, rules: Style) -> str:
        """A frame one line high whose bottom is `page_bottom_mm` above the page's edge."""
        page = self.profile.page
        font = self.profile.font
        line_mm = (rules.size_pt or font.size_pt) * 25.4 / 72 * font.line_height
        top_mm = page.height_mm - (rules.page_bottom_mm or 0) - line_mm
        return body.frame(_twips(self.text_width_mm), _twips(top_mm), _twips(line_mm))

    def columns(self, block: Columns) -> None:
        """The borderless two-column table of the header or the closing."""
        rules = self.profile.two_columns(block.role)
        widths = rules.widths_mm
        self.grid(widths, rules.indent_mm, 0, 0)
        keep = isinstance(rules, ClosingRules) and rules.keep_together
        self.row_start(keep, False)
        self.written.append(("tr", self.rows - 1, block))
        for paras, width in zip((block.left, block.right), widths, strict=True):
            self.cell(paras, width)
        self.out += [body.ROW_END, body.TABLE_END]

    def table(self, block: Table) -> None:
        """A bordered table: header row repeated on every page, no row split across pages,
        a group or note row merged across all columns."""
        rules = self.profile.table
        widths = block.widths_mm
        self.grid(widths, 0, rules.padding_mm, rules.border_pt)
        for row in block.rows:
            self.row_start(True, row.kind == "header")
            if row.merges:
                self.merged_cells(row, widths)
            elif len(row.cells) == 1 and len(widths) > 1:
                self.cell(row.cells[0], sum(widths), span=len(widths))
            else:
                for paras, width in zip(row.cells, widths, strict=True):
                    self.cell(paras, width)
            self.out.append(body.ROW_END)
            self.written.append(("tr", self.rows - 1, row))
        self.out.append(body.TABLE_END)

    def merged_cells(self, row: Row, widths: tuple[float, ...]) -> None:
        """Cells spanning grid columns (`Merge.span`) and merged down (`Merge.down`)."""
        column = 0
        for paras, merge in zip(row.cells, row.merges, strict=True):
            width = sum(widths[column : column + merge.span])
            self.cell(paras, width, merge)
            column += merge.span

    def grid(
        self, widths: tuple[float, ...], indent_mm: float, padding_mm: float, border_pt: float
    ) -> None:
        """The start of a fixed-layout table with columns `widths` (mm) wide."""
        columns = [body.mm_twips(width) for width in widths]
        width, indent, padding = _twips(sum(widths)), _twips(indent_mm), _twips(padding_mm)
        self.out.append(body.table_start(width, indent, padding, border_pt, columns))

    def row_start(self, cant_split: bool, header: bool) -> None:
        self.out.append(body.row_start(cant_split, header))
        self.rows += 1

    def cell(self, paras: tuple[Para, ...], width_mm: float, span: int | Merge = 1) -> None:
        merge = span if isinstance(span, Merge) else Merge(span)
        self.out.append(body.cell_start(body.mm_twips(width_mm), merge.span, merge.down))
        for para in paras:
            self.paragraph(para, width_mm)
        if not paras:  # a cell must hold a paragraph
            self.out.append(body.EMPTY_PARAGRAPH)
            self.paragraphs += 1
        self.out.append(body.CELL_END)

    def document_xml(self) -> bytes:
        tail = self.prepared.tail
        if self.section is not None:  # the last section is an annex's
            tail = sections.with_last_section(tail, self.section)
        return b"".join((self.prepared.head, "".join(self.out).encode(), tail))

    def decorated(self, decorate: Decorate | None, decorate_row: DecorateRow | None) -> bytes:
        """document.xml read back, handed to the hooks in the order it was written, and
        serialised again."""
        from chuongtrinh.docx import tree

        root = tree.parse(self.document_xml())
        paragraphs, rows = tree.in_order(root, "p"), tree.in_order(root, "tr")
        for kind, n, *what in self.written:
            if kind == "p" and decorate is not None:
                para, counts = what
                found = tree.runs(paragraphs[n])
                made = []
                for count in counts:
                    made.append(found[:count])
                    found = found[count:]
                decorate(paragraphs[n], para, made)
            elif kind == "tr" and decorate_row is not None:
                decorate_row(rows[n], what[0])
        return tree.serialize(root)

    def bytes(self, document_xml: bytes) -> bytes:
        entries = list(self.prepared.entries)
        entries.insert(self.prepared.document_at, package.deflate(DOCUMENT_PART, document_xml))
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
    writer = _Writer(profile, blank(profile, roles))
    for block in document.blocks:
        writer.block(block)
    if decorate is None and decorate_row is None:
        return writer.bytes(writer.document_xml())
    return writer.bytes(writer.decorated(decorate, decorate_row))

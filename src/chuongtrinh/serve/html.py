"""Layout blocks → HTML: the blocks the .docx writer reads, never the model, so the page in the
browser holds the .docx's text line for line.

One method per kind of block (`_Html.block`); a new kind of block is one more method. A document
is drawn as page sections (`PageSection`), each a flow of blocks on sheets of one page size and
orientation: the body on the profile's page, then each annex (`Annex` block) on sheets of its own,
turned sideways when it is landscape, as the .docx's Word sections are. The browser cuts each flow
into sheets (assets/paginate.js), page numbers running on from one flow to the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Literal

from chuongtrinh.layout.blocks import Annex, Block, Columns, Document, Merge, Para, Row, Table
from chuongtrinh.profiles.models import Page, Profile
from chuongtrinh.serve.css import page_variables, role_class, stylesheet

Orientation = Literal["portrait", "landscape"]
# How a revision mark (docx.tracked.Mark) shows: inserted and moved-to words underlined,
# deleted and moved-from ones struck through, as Word and LibreOffice show tracked changes.
_MARK_TAGS = {"ins": "ins", "del": "del", "moveTo": "ins", "moveFrom": "del"}


def _no_mark(*_: object) -> str:
    return ""


@dataclass(frozen=True)
class Marks:
    """What to show on top of the text: a class for a paragraph (a diagnostic, a whole
    paragraph inserted), a revision mark for each run, a mark for a table row."""

    para: Callable[[Para], str] = _no_mark
    run: Callable[[Para, int], str] = _no_mark
    row: Callable[[Row], str] = _no_mark


@dataclass(frozen=True)
class PageSection:
    """Blocks that flow over sheets of one size and orientation."""

    page: Page
    blocks: tuple[Block, ...]
    orientation: Orientation = "portrait"


def page_sections(document: Document, profile: Profile) -> list[PageSection]:
    """The document's page sections: the body on the profile's page, then one per annex. An
    annex's opening paragraph ends the section before it, as in the .docx (the paragraph that
    holds that section's properties); a landscape sheet keeps the margins where they are."""
    page = profile.page
    sideways = page.model_copy(update={"width_mm": page.height_mm, "height_mm": page.width_mm})
    sections: list[PageSection] = []
    flow: list[Block] = []
    orientation: Orientation
    page_now, orientation = page, "portrait"
    for block in document.blocks:
        if not isinstance(block, Annex):
            flow.append(block)
            continue
        sections.append(PageSection(page_now, (*flow, block.opening), orientation))
        flow = list(block.blocks)
        page_now = sideways if block.landscape else page
        orientation = "landscape" if block.landscape else "portrait"
    sections.append(PageSection(page_now, tuple(flow), orientation))
    return sections


def key_text(key: tuple[str | int, ...]) -> str:
    """A paragraph's YAML path as the page names it: 'noi_dung.0.muc.2'."""
    return ".".join(str(part) for part in key)


def _attribute(name: str, value: str) -> str:
    return f' {name}="{escape(value)}"' if value else ""


class _Html:
    def __init__(self, profile: Profile, marks: Marks) -> None:
        self.profile = profile
        self.marks = marks

    def block(self, block: Block) -> str:
        if isinstance(block, Columns):
            return self.columns(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Annex):  # page_sections gives an annex a flow of its own
            return "".join(self.block(inner) for inner in block.blocks)
        return self.para(block)

    def para(self, para: Para) -> str:
        classes = " ".join(filter(None, (role_class(para.role), self.marks.para(para))))
        rules = self.profile.style(para.role)
        attributes = _attribute("class", classes) + _attribute("data-key", key_text(para.key))
        if rules.page_bottom_mm is not None:
            attributes += _attribute("data-page-bottom", f"{rules.page_bottom_mm:g}")
        if rules.keep_with_next:
            attributes += _attribute("data-keep-next", "1")
        runs = "".join(self.run(para, n) for n in range(len(para.runs)))
        return f"<p{attributes}>{runs}</p>"

    def run(self, para: Para, index: int) -> str:
        run = para.runs[index]
        if not run.text:
            return ""
        text = "<br>".join(escape(line, quote=False) for line in run.text.split("\n"))
        emphasis = " ".join(
            name for name, on in (("b", run.bold), ("i", run.italic), ("u", run.underline)) if on
        )
        if emphasis:
            text = f'<span class="{emphasis}">{text}</span>'
        mark = self.marks.run(para, index)
        if mark in _MARK_TAGS:
            tag = _MARK_TAGS[mark]
            move = ' class="move"' if mark.startswith("move") else ""
            text = f"<{tag}{move}>{text}</{tag}>"
        return text

    def cells(self, tag: str, cells: tuple[tuple[Para, ...], ...], span: int) -> str:
        colspan = f' colspan="{span}"' if len(cells) == 1 and span > 1 else ""
        return "".join(
            f"<{tag}{colspan}>{''.join(self.para(p) for p in cell)}</{tag}>" for cell in cells
        )

    def merged_cells(self, tag: str, row: Row, below: list[Row]) -> str:
        """Cells spanning columns (colspan) and merged down (rowspan: the rows under it whose
        cell in that grid column continues the merge; those cells are not drawn). An empty
        cell holds an empty paragraph, as Word's does."""
        out, column = [], 0
        for paras, merge in zip(row.cells, row.merges, strict=True):
            here, column = column, column + merge.span
            if merge.down == "continue":
                continue
            attributes = f' colspan="{merge.span}"' if merge.span > 1 else ""
            if merge.down == "restart":  # centred down its rows, as the .docx sets it
                attributes += f' rowspan="{1 + _continued(below, here)}" class="merged"'
            inner = "".join(self.para(p) for p in paras) or "<p></p>"
            out.append(f"<{tag}{attributes}>{inner}</{tag}>")
        return "".join(out)

    def grid(self, kind: str, widths: tuple[float, ...], indent_mm: float = 0) -> str:
        """A fixed-layout table's opening and its column widths."""
        style = f"width: {sum(widths):g}mm; margin-left: {indent_mm:g}mm"
        columns = "".join(f'<col style="width: {w:g}mm">' for w in widths)
        return f'<table class="{kind}" style="{style}"><colgroup>{columns}</colgroup>'

    def columns(self, block: Columns) -> str:
        """The header, 'Kính gửi:' or the closing: two borderless columns, never split across
        sheets."""
        rules = self.profile.two_columns(block.role)
        head = self.grid(f"columns {role_class(block.role)}", rules.widths_mm, rules.indent_mm)
        return f"{head}<tr>{self.cells('td', (block.left, block.right), 2)}</tr></table>"

    def row(self, row: Row, span: int, below: list[Row]) -> str:
        classes = " ".join(filter(None, (f"row-{row.kind}", self.marks.row(row))))
        tag = "th" if row.kind == "header" else "td"
        cells = (
            self.merged_cells(tag, row, below) if row.merges else self.cells(tag, row.cells, span)
        )
        return f'<tr class="{classes}">{cells}</tr>'

    def table(self, block: Table) -> str:
        """Items or an annex's table, bordered; header rows in <thead>, which the sheets
        repeat; merged cells as colspan and rowspan."""
        span, rows = len(block.widths_mm), list(block.rows)
        drawn = [self.row(r, span, rows[n + 1 :]) for n, r in enumerate(rows)]
        head = "".join(d for d, r in zip(drawn, rows, strict=True) if r.kind == "header")
        body = "".join(d for d, r in zip(drawn, rows, strict=True) if r.kind != "header")
        return f"{self.grid('items', block.widths_mm)}<thead>{head}</thead><tbody>{body}</tbody></table>"


def _continued(rows: list[Row], column: int) -> int:
    """How many of `rows`, from the first, continue a merge down in grid `column`."""
    count = 0
    for row in rows:
        if _merge_at(row, column).down != "continue":
            break
        count += 1
    return count


def _merge_at(row: Row, column: int) -> Merge:
    """The merge of the cell that starts at grid `column` of `row` (none: no merge)."""
    start = 0
    for merge in row.merges:
        if start == column:
            return merge
        start += merge.span
    return Merge()


def render(document: Document, profile: Profile, marks: Marks | None = None) -> str:
    """The document as `<div class="doc">`: its stylesheet and one flow per page section."""
    drawer = _Html(profile, marks or Marks())
    roles = {para.role for para in document.paragraphs()}
    css = stylesheet(profile, roles, ".doc")
    flows = []
    for section in page_sections(document, profile):
        blocks = "".join(drawer.block(block) for block in section.blocks)
        style = escape(page_variables(section.page))
        flows.append(
            f'<section class="flow" data-orientation="{section.orientation}" '
            f'style="{style}">{blocks}</section>'
        )
    return f'<div class="doc"><style>{css}</style>{"".join(flows)}</div>'

"""Layout blocks → HTML: the blocks the .docx writer reads, never the model, so the page in the
browser holds the .docx's text line for line.

One method per kind of block (`_Html.block`); a new kind of block is one more method. A document
is drawn as page sections (`PageSection`), each a flow of blocks on sheets of one page size and
orientation: today every document is one portrait section of the profile's page; an annex in
landscape would be a second section. The browser cuts each flow into sheets (assets/paginate.js).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Literal

from chuongtrinh.layout.blocks import Block, Columns, Document, Para, Row, Table
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
    """The document's page sections: one, on the profile's page, until blocks carry their own."""
    return [PageSection(profile.page, document.blocks)]


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

    def grid(self, kind: str, widths: tuple[float, ...], indent_mm: float = 0) -> str:
        """A fixed-layout table's opening and its column widths."""
        style = f"width: {sum(widths):g}mm; margin-left: {indent_mm:g}mm"
        columns = "".join(f'<col style="width: {w:g}mm">' for w in widths)
        return f'<table class="{kind}" style="{style}"><colgroup>{columns}</colgroup>'

    def columns(self, block: Columns) -> str:
        """The header or the closing: two borderless columns, never split across sheets."""
        rules = self.profile.header if block.role == "header" else self.profile.closing
        head = self.grid(f"columns {role_class(block.role)}", rules.widths_mm, rules.indent_mm)
        return f"{head}<tr>{self.cells('td', (block.left, block.right), 2)}</tr></table>"

    def row(self, row: Row, span: int) -> str:
        classes = " ".join(filter(None, (f"row-{row.kind}", self.marks.row(row))))
        tag = "th" if row.kind == "header" else "td"
        return f'<tr class="{classes}">{self.cells(tag, row.cells, span)}</tr>'

    def table(self, block: Table) -> str:
        """Items as a bordered table; header rows in <thead>, which the sheets repeat."""
        span = len(block.widths_mm)
        head = "".join(self.row(r, span) for r in block.rows if r.kind == "header")
        body = "".join(self.row(r, span) for r in block.rows if r.kind != "header")
        return f"{self.grid('items', block.widths_mm)}<thead>{head}</thead><tbody>{body}</tbody></table>"


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

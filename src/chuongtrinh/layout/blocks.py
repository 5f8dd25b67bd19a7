"""Layout blocks: what the page holds, independent of .docx (the writer and the diff read these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis; '\\n' inside `text` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False

    def __post_init__(self) -> None:
        # A carriage return (alone, or before a line feed) ends a line too. Written as it
        # was, it reached w:t as '&#13;', and LibreOffice refuses a tracked change holding one.
        if "\r" in self.text:
            object.__setattr__(self, "text", self.text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True)
class Para:
    """One paragraph in a role the profile styles (body, heading_1, recipient, …)."""

    role: str
    runs: tuple[Run, ...]
    key: tuple[str | int, ...] = field(default=(), compare=False)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Columns:
    """A borderless two-column table: the header (body | banner) or the closing (recipients | signature)."""

    role: str
    left: tuple[Para, ...]
    right: tuple[Para, ...]


RowKind = Literal["header", "group", "note", "item"]
# How a cell joins the cells below it: first of a merge down, covered by the one above, or not.
Down = Literal["", "restart", "continue"]


@dataclass(frozen=True)
class Merge:
    """How far one cell reaches: `span` grid columns across, and whether it is merged down."""

    span: int = 1
    down: Down = ""


@dataclass(frozen=True)
class Row:
    """One row of a table; a row of one cell spans every column (a group or note row).
    `merges` gives each cell's reach when cells are merged (an annex); empty: one column each."""

    kind: RowKind
    cells: tuple[tuple[Para, ...], ...]
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True)
class Table:
    """Items laid out as a bordered table that fills the text width (`trinh_bay: bang`)."""

    widths_mm: tuple[float, ...]
    rows: tuple[Row, ...]

    def paragraphs(self) -> list[Para]:
        return [para for row in self.rows for cell in row.cells for para in cell]


@dataclass(frozen=True)
class Annex:
    """An annex: a Word section of its own from a new page, `landscape` or portrait, opened by
    `opening` (the empty paragraph that ends the section before it)."""

    landscape: bool
    opening: Para
    blocks: tuple[Para | Table, ...]

    def paragraphs(self) -> list[Para]:
        out = [self.opening]
        for block in self.blocks:
            out.extend(block.paragraphs() if isinstance(block, Table) else (block,))
        return out


Block = Para | Columns | Table | Annex


@dataclass(frozen=True)
class Document:
    """The whole program as blocks, in reading order."""

    blocks: tuple[Block, ...]

    def paragraphs(self) -> list[Para]:
        """Every paragraph in reading order (left column before right)."""
        out: list[Para] = []
        for block in self.blocks:
            if isinstance(block, Columns):
                out.extend(block.left)
                out.extend(block.right)
            elif isinstance(block, Table | Annex):
                out.extend(block.paragraphs())
            else:
                out.append(block)
        return out

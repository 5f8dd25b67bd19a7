"""The .docx as units in reading order: paragraphs (with style, emphasis runs and Word's
automatic number, if any) and tables (rows of cells of paragraphs)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from chuongtrinh.docx import props
from chuongtrinh.docx.grid import cell_rows, distinct
from chuongtrinh.docx.reader import run_text
from chuongtrinh.docx.untrusted import name_of, open_document, values_read
from chuongtrinh.importer import tcvn3
from chuongtrinh.layout import numbering


@dataclass
class Piece:
    """A stretch of text with the emphasis Word gives it."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    """One paragraph: its number in reading order (1-based), its style name, its runs."""

    number: int
    style: str
    pieces: list[Piece]
    auto_label: str = ""  # what Word's automatic numbering (numPr) prints before the text
    fonts: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def role(self) -> str | None:
        """The layout role of a paragraph this tool wrote ('CT body' → 'body')."""
        return self.style[3:] if self.style.startswith("CT ") else None

    @property
    def all_bold(self) -> bool:
        shown = [p for p in self.pieces if p.text.strip()]
        return bool(shown) and all(p.bold for p in shown)

    @property
    def all_italic(self) -> bool:
        shown = [p for p in self.pieces if p.text.strip()]
        return bool(shown) and all(p.italic for p in shown)


@dataclass
class Cell:
    paras: list[Para]
    span: int = 1

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()


@dataclass
class Grid:
    """A table: rows of distinct cells (a merged cell counted once)."""

    rows: list[list[Cell]] = field(default_factory=list)

    def paras(self) -> list[Para]:
        return [p for row in self.rows for cell in row for p in cell.paras]


Unit = Para | Grid


def _style_flag(paragraph: Paragraph, name: str) -> bool:
    for style in props.paragraph_chain(paragraph):
        value = getattr(style.font, name)
        if value is not None:
            return bool(value)
    return False


class _Numbers:
    """Word's automatic numbering: the label each numbered paragraph shows."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            return  # none, or several numbering parts (python-docx's ValueError): no labels
        abstract: dict[str, dict[str, tuple[str, str]]] = {}
        for node in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in node.iterchildren(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                levels[lvl.get(qn("w:ilvl"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for level, value in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = value

    def label(self, paragraph: Paragraph) -> str:
        path = f"{qn('w:pPr')}/{qn('w:numPr')}"
        num_pr = paragraph._p.find(path)
        for style in props.paragraph_chain(paragraph):  # numbering given by the style (List Number)
            if num_pr is not None:
                break
            num_pr = style.element.find(path)
        num = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_pr is None or num is None or num.get(qn("w:val")) in (None, "0"):
            return ""
        num_id = str(num.get(qn("w:val")))
        ilvl = num_pr.find(qn("w:ilvl"))
        level = str(ilvl.get(qn("w:val"))) if ilvl is not None else "0"
        if not (level.isdecimal() and int(level) < 9):  # Word has levels 0–8; others show none
            return ""
        fmt, text = self.formats.get((num_id, level), ("decimal", "%1."))
        counts = self.counters.setdefault(num_id, [0] * 9)
        depth = int(level)
        counts[depth] += 1
        for deeper in range(depth + 1, 9):
            counts[deeper] = 0
        n = counts[depth]
        if fmt == "bullet":
            return "+" if depth else "-"
        shown = {
            "upperRoman": numbering.roman(n),
            "lowerRoman": numbering.roman(n).lower(),
            "lowerLetter": numbering.letter(n),
            "upperLetter": numbering.letter(n).upper(),
        }.get(fmt, str(n))
        return text.replace(f"%{depth + 1}", shown)


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.count = 0
        self.numbers = _Numbers(document)

    def para(self, paragraph: Paragraph) -> Para:
        self.count += 1
        style_bold = _style_flag(paragraph, "bold")
        style_italic = _style_flag(paragraph, "italic")
        pieces: list[Piece] = []
        fonts: set[str] = set()
        for child in paragraph._p.iterchildren():
            if child.tag != qn("w:r"):
                continue
            run = Run(child, paragraph)
            bold = style_bold if run.bold is None else bool(run.bold)
            italic = style_italic if run.italic is None else bool(run.italic)
            text = run_text(child)
            if run.font.name:
                fonts.add(run.font.name)
                text = tcvn3.to_unicode(text, run.font.name)
            pieces.append(Piece(text, bold, italic))
        style = props.paragraph_style(paragraph)
        name = style.name if style is not None else ""
        return Para(self.count, name or "", pieces, self.numbers.label(paragraph), frozenset(fonts))

    def grid(self, table: Table) -> Grid:
        grid = Grid()
        for row in cell_rows(table):
            grid.rows.append(
                [
                    Cell([self.para(p) for p in cell.paragraphs], span)
                    for cell, span in distinct(row)
                ]
            )
        return grid

    def units(self) -> Iterator[Unit]:
        for child in self.document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                yield self.para(Paragraph(child, self.document))
            elif child.tag == qn("w:tbl"):
                yield self.grid(Table(child, self.document))


def read(source: str | Path | IO[bytes]) -> list[Unit]:
    """Every paragraph and table of the body, in reading order."""
    document = open_document(source)
    with values_read(name_of(source)):
        return list(_Reader(document).units())

"""The .docx as units in reading order: paragraphs (with style, emphasis runs and Word's
automatic number, if any) and tables (rows of cells of paragraphs)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from chuongtrinh.docx import props
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
    # 'ngang' or 'doc' when the paragraph ends a Word section (holds its w:sectPr; the last
    # paragraph of the body ends the last section): the orientation of the pages it ends.
    ends_section: str = ""

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
    """A cell: its paragraphs, the grid columns it spans, and how it merges down ('restart'
    for the first of a merge, 'continue' for a cell the one above covers: no text of its own)."""

    paras: list[Para]
    span: int = 1
    down: str = ""

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


def _style_flag(style: Any, name: str) -> bool:
    for base in props.style_chain(style):
        value = getattr(base.font, name)
        if value is not None:
            return bool(value)
    return False


class _Numbers:
    """Word's automatic numbering: the label each numbered paragraph shows."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[str, list[int]] = {}
        self.starts: dict[tuple[str, str], int] = {}  # (abstract, level) → its first number
        self.abstract_of: dict[str, str] = {}
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
                start = lvl.find(qn("w:start"))
                levels[lvl.get(qn("w:ilvl"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                )
                if start is not None:
                    self.starts[(node.get(qn("w:abstractNumId")), lvl.get(qn("w:ilvl")))] = int(
                        start.get(qn("w:val"), "1")
                    )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            self.abstract_of[num.get(qn("w:numId"))] = ref.get(qn("w:val"))
            for level, value in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = value

    def label(self, paragraph: Paragraph, style: Any) -> str:
        """The label Word shows before `paragraph` (of `style`, looked up once by the reader)."""
        path = f"{qn('w:pPr')}/{qn('w:numPr')}"
        num_pr = paragraph._p.find(path)
        for base in props.style_chain(style):  # numbering given by the style (List Number)
            if num_pr is not None:
                break
            num_pr = base.element.find(path)
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
        first = self.starts.get((self.abstract_of.get(num_id, ""), level), 1)
        counts[depth] = counts[depth] + 1 if counts[depth] else first
        for deeper in range(depth + 1, 9):
            counts[deeper] = 0
        if fmt == "bullet":
            return "+" if depth else "-"
        # '%1.%2.': each level's number in its own format ('2.1.' under '2.').
        for at in range(depth, -1, -1):
            shown = self.formats.get((num_id, str(at)), ("decimal", ""))[0]
            text = text.replace(f"%{at + 1}", _shown(shown, max(counts[at], 1)))
        return text


def _shown(fmt: str, n: int) -> str:
    return {
        "upperRoman": numbering.roman(n),
        "lowerRoman": numbering.roman(n).lower(),
        "lowerLetter": numbering.letter(n, numbering.LATIN_LETTERS),
        "upperLetter": numbering.letter(n, numbering.LATIN_LETTERS).upper(),
    }.get(fmt, str(n))


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.count = 0
        self.numbers = _Numbers(document)
        self.styles: dict[str, Any] = {}  # style id → style
        self.emphasis: dict[str, tuple[bool, bool]] = {}  # style id → (bold, italic)

    def para(self, paragraph: Paragraph) -> Para:
        self.count += 1
        # A style is looked up by id through the whole styles part: once a paragraph, and
        # its emphasis once a style (a 34-page report took 2 s in these look-ups alone).
        key = props.paragraph_style_id(paragraph._p) or ""  # the style id the paragraph names
        if key not in self.styles:
            self.styles[key] = paragraph.style
        style: Any = self.styles[key]
        if key not in self.emphasis:
            self.emphasis[key] = (_style_flag(style, "bold"), _style_flag(style, "italic"))
        style_bold, style_italic = self.emphasis[key]
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
            # Decomposed (NFD) Vietnamese, as some editors save it: read as the composed form.
            text = unicodedata.normalize("NFC", text)
            pieces.append(Piece(text, bold, italic))
        name = style.name if style is not None else ""
        label = self.numbers.label(paragraph, style)
        return Para(self.count, name or "", pieces, label, frozenset(fonts))

    def grid(self, table: Table) -> Grid:
        """Each `w:tc` once; a cell merged down from the row above is read empty (Word shows
        the text above there), not as a copy of it."""
        grid = Grid()
        for tr in table._tbl.tr_lst:
            cells: list[Cell] = []
            for tc in tr.tc_lst:
                down = tc.vMerge or ""
                paras = [] if down == "continue" else _Cell(tc, table).paragraphs
                cells.append(Cell([self.para(p) for p in paras], tc.grid_span, down))
            grid.rows.append(cells)
        return grid

    def units(self) -> Iterator[Unit]:
        last: Para | None = None
        for child in self.document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                last = self.para(Paragraph(child, self.document))
                last.ends_section = _orientation(child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}"))
                yield last
            elif child.tag == qn("w:tbl"):
                yield self.grid(Table(child, self.document))
            elif child.tag == qn("w:sectPr") and last is not None and not last.ends_section:
                last.ends_section = _orientation(child)  # the last section, if it holds any


def _orientation(section: Any) -> str:
    """'ngang' for a landscape section (w:orient, or a page wider than tall), 'doc' for a
    portrait one, '' for no section properties."""
    if section is None:
        return ""
    size = section.find(qn("w:pgSz"))
    if size is None:
        return "doc"
    wide = int(size.get(qn("w:w"), 0) or 0) > int(size.get(qn("w:h"), 0) or 0)
    return "ngang" if wide or size.get(qn("w:orient")) == "landscape" else "doc"


def read(source: str | Path | IO[bytes]) -> list[Unit]:
    """Every paragraph and table of the body, in reading order."""
    document = open_document(source)
    with values_read(name_of(source)):
        return list(_Reader(document).units())

"""A .docx read back as plain lines in reading order (tables left column before right)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from chuongtrinh.docx.untrusted import name_of, open_document, values_read


def paragraphs(
    source: str | Path | IO[bytes] | bytes, file: str | None = None
) -> Iterator[Paragraph]:
    """Every paragraph of the body, table cells included, in the order a reader meets them."""
    yield from body_paragraphs(open_document(source, file))


def body_paragraphs(document: Document) -> Iterator[Paragraph]:
    """`paragraphs` of a document already open."""
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield from _table_paragraphs(Table(child, document))


def _table_paragraphs(table: Table) -> Iterator[Paragraph]:
    """Each cell once: a cell spanning columns is one `w:tc`, and one merged down from the
    row above (`w:vMerge` without 'restart') shows that cell's text, read there already."""
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            if tc.vMerge != "continue":
                yield from _Cell(tc, table).paragraphs


_R = qn("w:r")
_HYPERLINK = qn("w:hyperlink")
# What python-docx's Run.text joins (each element's str() is its text: w:t its content, w:tab
# "\t", w:br "\n" …), found by tag instead of an XPath compiled again for every run.
_RUN_TEXT = frozenset(qn(f"w:{tag}") for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def run_text(r: Any) -> str:
    """`Run.text` of a w:r element, without XPath."""
    return "".join([str(child) for child in r.iterchildren() if child.tag in _RUN_TEXT])


def paragraph_text(paragraph: Paragraph) -> str:
    """`Paragraph.text`, without XPath: python-docx's costs 150 µs a paragraph, 15 s for
    100,000 paragraphs."""
    parts = []
    for child in paragraph._p.iterchildren():
        if child.tag == _R:
            parts.append(run_text(child))
        elif child.tag == _HYPERLINK:
            parts += [run_text(r) for r in child.iterchildren(_R)]
    return "".join(parts)


def lines(source: str | Path | IO[bytes] | bytes, file: str | None = None) -> list[str]:
    """The text of each paragraph (line breaks inside one split into lines)."""
    with values_read(file or name_of(source)):
        return [line for p in paragraphs(source, file) for line in paragraph_text(p).split("\n")]

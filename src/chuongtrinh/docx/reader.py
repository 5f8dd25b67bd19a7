"""A .docx read back as plain lines in reading order (tables left column before right)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph


def paragraphs(source: str | Path | IO[bytes]) -> Iterator[Paragraph]:
    """Every paragraph of the body, table cells included, in the order a reader meets them."""
    yield from body_paragraphs(docx.Document(str(source) if isinstance(source, Path) else source))


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


def lines(source: str | Path | IO[bytes]) -> list[str]:
    """The text of each paragraph (line breaks inside one split into lines)."""
    return [line for p in paragraphs(source) for line in p.text.split("\n")]

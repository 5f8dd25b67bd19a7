"""A .docx read back as plain lines in reading order (tables left column before right)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
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
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            yield from cell.paragraphs


def lines(source: str | Path | IO[bytes]) -> list[str]:
    """The text of each paragraph (line breaks inside one split into lines)."""
    return [line for p in paragraphs(source) for line in p.text.split("\n")]

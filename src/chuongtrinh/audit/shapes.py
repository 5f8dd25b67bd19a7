"""What a paragraph of a checked .docx is by its shape: numbered by Word, a heading of the
outline, a cell of a table of items and its role there."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh.docx import props

_ROMAN = re.compile(r"^[IVXLC]+\.\s")
_ARABIC = re.compile(r"^\d+\.\s")  # "1. …", not "1.1. …"
_HEADING = re.compile(r"^([IVXLC]+\.\s|\d+\.\s.{0,110}$)")  # "I. …"; "1. …" when heading-short


def numbered(paragraph: Paragraph) -> bool:
    """Word's automatic numbering or bullet (w:numPr) on the paragraph itself."""
    ppr = props.paragraph_properties(paragraph._p)
    return ppr is not None and ppr.find(qn("w:numPr")) is not None


def is_heading(text: str, following: str | None) -> bool:
    """A roman "I. …" always; an arabic "1. …" when it opens an outline level, that is when
    what follows is not its sibling or a higher level: a list of numbered slogans or of
    "1. Thời gian: …" lines is not headings."""
    if _ROMAN.match(text):
        return True
    if not _HEADING.match(text):
        return False
    return following is not None and not (_ROMAN.match(following) or _ARABIC.match(following))


def content_table_cell(paragraph: Paragraph) -> Any | None:
    """The w:tc holding `paragraph` when it sits in a table of items (trinh_bay: bang).

    The header and closing blocks are one-row, two-column tables; a table of items has a
    header row and more than two columns."""
    cell = next((a for a in paragraph._p.iterancestors(qn("w:tc"))), None)
    if cell is None:
        return None
    table = next(cell.iterancestors(qn("w:tbl")))
    widest = max(len(row.findall(qn("w:tc"))) for row in table.iter(qn("w:tr")))
    return cell if widest > 2 else None


def table_role(cell: Any, text: str) -> str:
    """table_header for the first row, table_group/table_note for a merged row, else table_cell."""
    row = cell.getparent()
    if row is next(row.getparent().iter(qn("w:tr"))):
        return "table_header"
    if len(row.findall(qn("w:tc"))) == 1:
        return "table_group" if _HEADING.match(text) else "table_note"
    return "table_cell"

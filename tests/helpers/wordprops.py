"""A .docx read back as Word shows it: the package's reader of effective formatting (which
`check` uses too), and what only the tests ask of a document."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from chuongtrinh.docx.props import all_runs, flag, size_pt, style_chain, text_runs

__all__ = [
    "all_runs",
    "cell_paragraphs",
    "default_fonts",
    "find",
    "format_value",
    "no_run",
    "size_pt",
]


def no_run(paragraph: Paragraph, name: str) -> bool:
    """Whether no run with text is bold/italic/underlined/caps (`name`)."""
    return not any(flag(paragraph, r, name) for r in text_runs(paragraph))


def format_value(paragraph: Paragraph, name: str) -> Any:
    """A paragraph-format value (alignment, first_line_indent, …) through the style chain."""
    value = getattr(paragraph.paragraph_format, name)
    if value is not None:
        return value
    for style in style_chain(paragraph.style):
        value = getattr(style.paragraph_format, name)
        if value is not None:
            return value
    return None


def default_fonts(document: Document) -> dict[str, str]:
    """The rFonts attributes of docDefaults: slot → font name (theme slots included)."""
    found = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    return {key.split("}")[1]: value for key, value in found.attrib.items()}


def cell_paragraphs(table: Table, column: int) -> list[Paragraph]:
    """The paragraphs of the first row's cell `column` (a header or closing table)."""
    return [p for p in table.rows[0].cells[column].paragraphs]


def find(paragraphs: list[Paragraph], pattern: str) -> Paragraph:
    """The first paragraph whose text matches `pattern`."""
    for paragraph in paragraphs:
        if re.search(pattern, paragraph.text):
            return paragraph
    raise AssertionError(f"no paragraph matches {pattern!r}")

"""Reading the effective formatting of a paragraph or run back out of a .docx, as Word would."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def _style_chain(paragraph: Paragraph) -> list[Any]:
    chain = []
    style = paragraph.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


def font_value(paragraph: Paragraph, run: Run | None, name: str) -> Any:
    """bold/italic/underline/size from the run, else the paragraph's style chain."""
    if run is not None:
        value = getattr(run.font, name)
        if value is not None:
            return value
    for style in _style_chain(paragraph):
        value = getattr(style.font, name)
        if value is not None:
            return value
    return None


def size_pt(paragraph: Paragraph, run: Run | None = None) -> float:
    value = font_value(paragraph, run, "size")
    assert value is not None, f"no size for {paragraph.text!r}"
    return Length(value).pt


def format_value(paragraph: Paragraph, name: str) -> Any:
    """A paragraph-format value (alignment, first_line_indent, …) through the style chain."""
    value = getattr(paragraph.paragraph_format, name)
    if value is not None:
        return value
    for style in _style_chain(paragraph):
        value = getattr(style.paragraph_format, name)
        if value is not None:
            return value
    return None


def text_runs(paragraph: Paragraph) -> list[Run]:
    return [r for r in paragraph.runs if r.text.strip()]


def all_runs(paragraph: Paragraph, name: str) -> bool:
    """Whether every run with text is bold/italic/underlined (`name`)."""
    runs = text_runs(paragraph)
    assert runs, f"paragraph without text: {paragraph.text!r}"
    return all(bool(font_value(paragraph, r, name)) for r in runs)


def no_run(paragraph: Paragraph, name: str) -> bool:
    return not any(bool(font_value(paragraph, r, name)) for r in text_runs(paragraph))


def default_fonts(document: Document) -> dict[str, str]:
    """The rFonts attributes of docDefaults: slot → font name (theme slots included)."""
    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}

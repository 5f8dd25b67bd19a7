"""The effective formatting of text in a .docx, read back as Word resolves it.

A run's property comes from the run itself (direct formatting, as hand-made files have it),
else its character style chain, else its paragraph's style chain, else the document
defaults. This reads files made by chuongtrinh (everything in 'CT …' styles) and files made
by hand in Word alike.
"""

from __future__ import annotations

import weakref
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
WORD_DEFAULT_SIZE_PT = 10.0  # what Word uses when no w:sz is anywhere in the chain
_OFF = {"0", "false", "off", "none"}
_THEME_ATTRIBUTE = {
    "ascii": "w:asciiTheme",
    "hAnsi": "w:hAnsiTheme",
    "eastAsia": "w:eastAsiaTheme",
    "cs": "w:cstheme",
}


def style_chain(style: Any) -> list[Any]:
    """A style and the styles it is based on, nearest first (chains end: docx/shape.py)."""
    chain = []
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


class _Styles:
    """One document's styles looked up once each. python-docx finds a paragraph's style by
    scanning every style of the document, twice when it has none (the default), on every
    access: 4 ms a paragraph in python-docx's blank document, 7 minutes for 100,000."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.chains: dict[tuple[str | None, Any], list[Any]] = {}
        self.found_defaults: list[Any] = []

    def defaults(self) -> Any:
        """The document's default run properties (w:docDefaults), or None."""
        if not self.found_defaults:
            styles = self.part.package.main_document_part.styles.element
            path = f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"
            self.found_defaults.append(styles.find(path))
        return self.found_defaults[0]

    def chain(self, style_id: str | None, kind: Any) -> list[Any]:
        key = (style_id, kind)
        if key not in self.chains:
            self.chains[key] = style_chain(self.part.get_style(style_id, kind))
        return self.chains[key]


_CACHES: weakref.WeakKeyDictionary[Any, _Styles] = weakref.WeakKeyDictionary()


def _styles(part: Any) -> _Styles:
    found = _CACHES.get(part)
    if found is None:
        found = _CACHES[part] = _Styles(part)
    return found


def paragraph_chain(paragraph: Paragraph) -> list[Any]:
    """`style_chain(paragraph.style)`, looked up once per style and document."""
    return _styles(paragraph.part).chain(paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)


def paragraph_style(paragraph: Paragraph) -> Any:
    """`paragraph.style`, looked up once per style and document."""
    chain = paragraph_chain(paragraph)
    return chain[0] if chain else None


def run_chain(run: Run) -> list[Any]:
    """`style_chain(run.style)`, looked up once per style and document."""
    return _styles(run.part).chain(run._r.style, WD_STYLE_TYPE.CHARACTER)


def _defaults(paragraph: Paragraph) -> Any:
    return _styles(paragraph.part).defaults()


def run_properties(paragraph: Paragraph, run: Run | None) -> list[Any]:
    """The w:rPr elements that decide how `run` looks, nearest first."""
    found = []
    if run is not None:
        found.append(run._r.rPr)
        if run._r.rPr is not None and run._r.rPr.find(qn("w:rStyle")) is not None:
            found += [style.element.rPr for style in run_chain(run)]
    found += [style.element.rPr for style in paragraph_chain(paragraph)]
    found.append(_defaults(paragraph))
    return [rpr for rpr in found if rpr is not None]


def _first(paragraph: Paragraph, run: Run | None, tag: str) -> Any:
    for rpr in run_properties(paragraph, run):
        element = rpr.find(qn(tag))
        if element is not None:
            return element
    return None


def size_pt(paragraph: Paragraph, run: Run | None = None) -> float:
    """The font size in points (w:sz is in half-points)."""
    element = _first(paragraph, run, "w:sz")
    return WORD_DEFAULT_SIZE_PT if element is None else int(element.get(qn("w:val"))) / 2


def flag(paragraph: Paragraph, run: Run | None, name: str) -> bool:
    """bold / italic / underline / caps of a run, as Word shows it."""
    tag = {"bold": "w:b", "italic": "w:i", "underline": "w:u", "caps": "w:caps"}[name]
    element = _first(paragraph, run, tag)
    return element is not None and element.get(qn("w:val"), "true").lower() not in _OFF


def fonts(paragraph: Paragraph, run: Run | None = None) -> dict[str, str]:
    """slot → font name for the four slots; a theme font is shown as 'theme:minorHAnsi'."""
    result: dict[str, str] = {}
    for rpr in run_properties(paragraph, run):
        element = rpr.find(qn("w:rFonts"))
        if element is None:
            continue
        for slot in FONT_SLOTS:
            if slot in result:
                continue
            theme = element.get(qn(_THEME_ATTRIBUTE[slot]))
            name = element.get(qn(f"w:{slot}"))
            if theme:
                result[slot] = f"theme:{theme}"
            elif name:
                result[slot] = name
    return {slot: result.get(slot, "(không có)") for slot in FONT_SLOTS}


def text_runs(paragraph: Paragraph) -> list[Run]:
    return [r for r in paragraph.runs if r.text.strip()]


def all_runs(paragraph: Paragraph, name: str) -> bool:
    """Whether every run with text is bold/italic/underlined/caps (`name`)."""
    runs = text_runs(paragraph)
    assert runs, f"paragraph without text: {paragraph.text!r}"
    return all(flag(paragraph, r, name) for r in runs)


def length_mm(value: Length | None) -> float | None:
    return None if value is None else value.mm

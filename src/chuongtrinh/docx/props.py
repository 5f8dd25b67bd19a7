"""The effective formatting of text in a .docx, read back as Word resolves it.

A run's property comes from the run itself (direct formatting, as hand-made files have it),
else its character style chain, else its paragraph's style chain, else the document
defaults. This reads files made by chuongtrinh (everything in 'CT …' styles) and files made
by hand in Word alike.
"""

from __future__ import annotations

import weakref
from typing import Any
from weakref import WeakKeyDictionary

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

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


_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")


def paragraph_properties(p: Any) -> Any:
    """The w:pPr of a w:p element, or None. The schema puts it first: python-docx's `pPr`
    searches every child, once per call, which made a paragraph of 60,000 runs quadratic."""
    first = next(p.iterchildren(), None)
    return first if first is not None and first.tag == _PPR else None


def paragraph_style_id(p: Any) -> str | None:
    """The style id a w:p names (`p.style` without the search of every child)."""
    ppr = paragraph_properties(p)
    found = ppr.find(_PSTYLE) if ppr is not None else None
    return None if found is None else found.get(_VAL)


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
    return _styles(paragraph.part).chain(paragraph_style_id(paragraph._p), WD_STYLE_TYPE.PARAGRAPH)


def paragraph_style(paragraph: Paragraph) -> Any:
    """`paragraph.style`, looked up once per style and document."""
    chain = paragraph_chain(paragraph)
    return chain[0] if chain else None


def run_chain(run: Run) -> list[Any]:
    """`style_chain(run.style)`, looked up once per style and document."""
    return _styles(run.part).chain(run._r.style, WD_STYLE_TYPE.CHARACTER)


def _defaults(paragraph: Paragraph) -> Any:
    return _styles(paragraph.part).defaults()


# Per document part: style id → the w:rPr of its chain (and the defaults), so that a long
# document's runs do not filter the same chain once each.
_CHAINS: WeakKeyDictionary[Any, dict[tuple[str, str | None], list[Any]]] = WeakKeyDictionary()


def _chain_properties(paragraph: Paragraph, run: Run | None) -> list[Any]:
    """The w:rPr of the run's character style chain (when `run`) or of the paragraph's style
    chain followed by the document defaults, read once per style and document."""
    cache = _CHAINS.setdefault(paragraph.part, {})
    key = ("r", run._r.style) if run is not None else ("p", paragraph_style_id(paragraph._p))
    found = cache.get(key)
    if found is None:
        if run is not None:
            found = [style.element.rPr for style in run_chain(run)]
        else:
            found = [style.element.rPr for style in paragraph_chain(paragraph)]
            found.append(_defaults(paragraph))
        found = cache[key] = [rpr for rpr in found if rpr is not None]
    return found


_RPR, _RSTYLE = qn("w:rPr"), qn("w:rStyle")


def run_properties(paragraph: Paragraph, run: Run | None) -> list[Any]:
    """The w:rPr elements that decide how `run` looks, nearest first."""
    found = []
    if run is not None:
        own = run._r.find(_RPR)  # not python-docx's rPr property: this runs per run, often
        if own is not None:
            found.append(own)
            if own.find(_RSTYLE) is not None:
                found += _chain_properties(paragraph, run)
    return found + _chain_properties(paragraph, None)


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


_RFONTS = qn("w:rFonts")
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Per document part: theme font ('minorHAnsi') → its typeface in the theme part.
_THEMES: WeakKeyDictionary[Any, dict[str, str]] = WeakKeyDictionary()


def theme_fonts(paragraph: Paragraph) -> dict[str, str]:
    """What the theme fonts of the paragraph's document are ('minorHAnsi' → 'Calibri')."""
    part = paragraph.part
    found = _THEMES.get(part)
    if found is None:
        found = _THEMES[part] = _read_theme(part)
    return found


def _read_theme(part: Any) -> dict[str, str]:
    try:
        theme = part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    root = etree.fromstring(theme.blob)
    found = {}
    for kind in ("major", "minor"):
        font = root.find(f".//{_DRAWING}{kind}Font")
        if font is None:
            continue
        for script, names in (
            ("latin", ("HAnsi", "Ascii")),
            ("cs", ("Bidi",)),
            ("ea", ("EastAsia",)),
        ):
            element = font.find(f"{_DRAWING}{script}")
            typeface = "" if element is None else element.get("typeface", "")
            for name in names:
                if typeface:
                    found[f"{kind}{name}"] = typeface
    return found


_SLOT_ATTRIBUTES = tuple((slot, qn(_THEME_ATTRIBUTE[slot]), qn(f"w:{slot}")) for slot in FONT_SLOTS)


def fonts(paragraph: Paragraph, run: Run | None = None) -> dict[str, str]:
    """slot → font name for the four slots; a theme font is the theme's typeface, or shown
    as 'theme:minorHAnsi' when the theme names none."""
    themes = theme_fonts(paragraph)
    own = None if run is None else run._r.find(_RPR)
    if own is not None and own.find(_RSTYLE) is not None:  # a character style: the whole chain
        return _slot_fonts(run_properties(paragraph, run), themes)
    # The paragraph's chain is the same for thousands of runs: read once per style.
    cache = _CHAINS.setdefault(paragraph.part, {})
    key = ("fonts", paragraph_style_id(paragraph._p))
    chain = cache.get(key)
    if chain is None:
        chain = cache[key] = [_slot_fonts(_chain_properties(paragraph, None), themes)]
    found = _slot_fonts([] if own is None else [own], themes, complete=False)
    return {slot: found.get(slot) or chain[0][slot] for slot in FONT_SLOTS}


def _slot_fonts(rprs: list[Any], themes: dict[str, str], complete: bool = True) -> dict[str, str]:
    """The first font named for each slot along `rprs` (nearest first)."""
    result: dict[str, str] = {}
    for rpr in rprs:
        element = rpr.find(_RFONTS)
        if element is None:
            continue
        for slot, theme_attribute, name_attribute in _SLOT_ATTRIBUTES:
            if slot in result:
                continue
            theme = element.get(theme_attribute)
            name = element.get(name_attribute)
            if theme:
                result[slot] = themes.get(theme, f"theme:{theme}")
            elif name:
                result[slot] = name
        if len(result) == len(FONT_SLOTS):
            break
    if not complete:
        return result
    return {slot: result.get(slot, "(không có)") for slot in FONT_SLOTS}


_BREAKS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}


def _text_of(run_element: Any) -> str:
    """A w:r's text as python-docx gives it (w:t, tabs and breaks), without an XPath per run:
    a long document's runs are read several times over."""
    parts = []
    for child in run_element:
        if child.tag in _BREAKS:
            parts.append(_BREAKS[child.tag] or child.text or "")
    return "".join(parts)


def run_text(run: Run) -> str:
    return _text_of(run._r)


def paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, runs inside hyperlinks and tracked insertions included."""
    return "".join(_text_of(r) for r in paragraph._p.iter(qn("w:r")))


def text_runs(paragraph: Paragraph) -> list[Run]:
    return [r for r in paragraph.runs if run_text(r).strip()]


def all_runs(paragraph: Paragraph, name: str) -> bool:
    """Whether every run with text is bold/italic/underlined/caps (`name`)."""
    runs = text_runs(paragraph)
    assert runs, f"paragraph without text: {paragraph.text!r}"
    return all(flag(paragraph, r, name) for r in runs)


def length_mm(value: Length | None) -> float | None:
    return None if value is None else value.mm

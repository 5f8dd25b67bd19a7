"""Small element helpers for the WordprocessingML python-docx has no API for.

Nothing outside this module builds raw XML, the way python-docx keeps it inside `oxml`.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The first child `tag` of `parent`, created (appended) when missing."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_fonts(rpr: BaseOxmlElement, name: str) -> None:
    """One font on all four slots, and no theme fonts that would win over it in Word."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), name)


def set_language(rpr: BaseOxmlElement, lang: str) -> None:
    language = _child(rpr, "w:lang")
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(slot), lang)


def default_run_properties(styles_element: BaseOxmlElement) -> BaseOxmlElement:
    """`w:docDefaults/w:rPrDefault/w:rPr` of a styles part, created when missing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    return _child(_child(defaults, "w:rPrDefault"), "w:rPr")


def remove_borders(tbl: BaseOxmlElement) -> None:
    """Explicit `none` on every edge, so no table style or application default draws a line."""
    tbl_pr = tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = OxmlElement("w:tblBorders")
    for edge in _BORDER_EDGES:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "none")
        element.set(qn("w:sz"), "0")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "auto")
        borders.append(element)
    tbl_pr.append(borders)


def fixed_layout(tbl: BaseOxmlElement, width_twips: int, indent_twips: int) -> None:
    """Fixed widths, an indent from the margin and no cell padding, so Word and LibreOffice
    place the text of both columns on the same grid."""
    tbl_pr = tbl.tblPr
    width = _child(tbl_pr, "w:tblW")
    width.set(qn("w:w"), str(width_twips))
    width.set(qn("w:type"), "dxa")
    indent = _child(tbl_pr, "w:tblInd")
    indent.set(qn("w:w"), str(indent_twips))
    indent.set(qn("w:type"), "dxa")
    _child(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    margins = _child(tbl_pr, "w:tblCellMar")
    for edge in ("left", "right"):
        side = _child(margins, f"w:{edge}")
        side.set(qn("w:w"), "0")
        side.set(qn("w:type"), "dxa")


def page_number_field(paragraph: BaseOxmlElement) -> None:
    """Append a PAGE field (complex field form, which both Word and LibreOffice update)."""
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        else:
            tag = "w:instrText" if text == " PAGE " else "w:t"
            element = OxmlElement(tag)
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run.append(element)
        paragraph.append(run)

"""Small element helpers for the styles and section XML python-docx has no API for (document
defaults, fonts on all four slots, borders drawn by a style, the page number field).

Used when the rule set's empty document is made (`docx/blank.py`); the body is written by
`docx/body.py`. Nothing else builds raw XML, the way python-docx keeps it inside `oxml`.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


_DOC_DEFAULTS_ORDER = ("w:rPrDefault", "w:pPrDefault")


def _child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...] = ()) -> BaseOxmlElement:
    """The child `tag` of `parent`, created in its schema position when missing.

    Word rejects a file whose children are out of the schema's sequence, so a new element goes
    before the first sibling that `order` says must follow it.
    """
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is not None:
        return found
    created: BaseOxmlElement = OxmlElement(tag)
    successors = order[order.index(tag) + 1 :] if tag in order else ()
    for successor in successors:
        sibling = parent.find(qn(successor))
        if sibling is not None:
            sibling.addprevious(created)
            return created
    parent.append(created)
    return created


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


def _doc_defaults(styles_element: BaseOxmlElement) -> BaseOxmlElement:
    defaults: BaseOxmlElement | None = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    return defaults


def default_run_properties(styles_element: BaseOxmlElement) -> BaseOxmlElement:
    """`w:docDefaults/w:rPrDefault/w:rPr` of a styles part, created when missing."""
    defaults = _doc_defaults(styles_element)
    return _child(_child(defaults, "w:rPrDefault", _DOC_DEFAULTS_ORDER), "w:rPr")


# w:lineRule of each line rule; "auto" counts 240ths of a line, the others twentieths of a point.
_LINE_RULES = {"single": "auto", "at_least": "atLeast", "exact": "exact"}


def plain_paragraph_defaults(
    styles_element: BaseOxmlElement,
    size_pt: float,
    after_pt: float,
    line_rule: str,
    line_pt: float | None,
) -> None:
    """Document defaults: `after_pt` after, lines by `line_rule`, `size_pt` text.

    python-docx's template defaults to 11 pt, 10 pt after and 1.15 lines; a paragraph a user
    adds in Word without choosing a style should look like the rest of the program."""
    defaults = _doc_defaults(styles_element)
    paragraph = _child(_child(defaults, "w:pPrDefault", _DOC_DEFAULTS_ORDER), "w:pPr")
    spacing = paragraph.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        paragraph.append(spacing)
    for attribute in list(spacing.attrib):
        del spacing.attrib[attribute]
    spacing.set(qn("w:after"), str(round(after_pt * 20)))
    single = line_rule == "single" or not line_pt
    spacing.set(qn("w:line"), "240" if single else str(round((line_pt or 0) * 20)))
    spacing.set(qn("w:lineRule"), "auto" if single else _LINE_RULES[line_rule])
    run = default_run_properties(styles_element)
    half_points = str(round(size_pt * 2))
    for tag in ("w:sz", "w:szCs"):
        _child(run, tag).set(qn("w:val"), half_points)


def _border(tag: str, value: str, size_pt: float, space_pt: int = 0) -> BaseOxmlElement:
    """One border edge; `w:sz` counts eighths of a point."""
    element: BaseOxmlElement = OxmlElement(tag)
    element.set(qn("w:val"), value)
    element.set(qn("w:sz"), str(round(size_pt * 8)))
    element.set(qn("w:space"), str(space_pt))
    element.set(qn("w:color"), "auto")
    return element


# ECMA-376 Part 1, 17.3.1.26 (CT_PPrBase): the children that may precede and follow pBdr.
_P_PR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def bottom_rule(p_pr: BaseOxmlElement, size_pt: float) -> None:
    """A line under the paragraph (a paragraph bottom border), e.g. the rule under a motto."""
    borders = _child(p_pr, "w:pBdr", _P_PR_ORDER)
    for old in borders.findall(qn("w:bottom")):
        borders.remove(old)
    borders.append(_border("w:bottom", "single", size_pt))


def box(p_pr: BaseOxmlElement, size_pt: float, space_pt: int) -> None:
    """A line on all four sides of the paragraph (the box round a State draft marker)."""
    borders = _child(p_pr, "w:pBdr", _P_PR_ORDER)
    for old in list(borders):
        borders.remove(old)
    for edge in ("top", "left", "bottom", "right"):  # CT_PBdr's order
        borders.append(_border(f"w:{edge}", "single", size_pt, space_pt))


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

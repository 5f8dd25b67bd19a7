"""Small element helpers for the WordprocessingML python-docx has no API for.

Nothing outside this module builds raw XML, the way python-docx keeps it inside `oxml`.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


_DOC_DEFAULTS_ORDER = ("w:rPrDefault", "w:pPrDefault")
# ECMA-376 Part 1, 17.4.60 (CT_TblPr): the order Word insists on.
_TBL_PR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip


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


def set_borders(tbl: BaseOxmlElement, size_pt: float = 0) -> None:
    """Single lines of `size_pt` on every edge, or explicit `none` (size 0) so that no table
    style or application default draws one."""
    tbl_pr = tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = _child(tbl_pr, "w:tblBorders", _TBL_PR_ORDER)
    for edge in _BORDER_EDGES:
        borders.append(_border(f"w:{edge}", "single" if size_pt else "none", size_pt))


def remove_borders(tbl: BaseOxmlElement) -> None:
    set_borders(tbl, 0)


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


def repeat_header(tr: BaseOxmlElement) -> None:
    """Mark a table row as a header row, repeated at the top of every page."""
    _child(tr.get_or_add_trPr(), "w:tblHeader")


def cant_split(tr: BaseOxmlElement) -> None:
    """Keep a table row on one page."""
    tr_pr = tr.get_or_add_trPr()
    found = tr_pr.find(qn("w:tblHeader"))
    element = _child(tr_pr, "w:cantSplit")
    if found is not None:  # CT_TrPr is a choice, but Word writes cantSplit first
        found.addprevious(element)


def fixed_layout(
    tbl: BaseOxmlElement, width_twips: int, indent_twips: int, padding_twips: int = 0
) -> None:
    """Fixed widths, an indent from the margin and the cell padding (none for the borderless
    header and closing, so Word and LibreOffice place both columns' text on the same grid)."""
    tbl_pr = tbl.tblPr
    width = _child(tbl_pr, "w:tblW", _TBL_PR_ORDER)
    width.set(qn("w:w"), str(width_twips))
    width.set(qn("w:type"), "dxa")
    indent = _child(tbl_pr, "w:tblInd", _TBL_PR_ORDER)
    indent.set(qn("w:w"), str(indent_twips))
    indent.set(qn("w:type"), "dxa")
    _child(tbl_pr, "w:tblLayout", _TBL_PR_ORDER).set(qn("w:type"), "fixed")
    margins = _child(tbl_pr, "w:tblCellMar", _TBL_PR_ORDER)
    for edge in ("left", "right"):
        side = _child(margins, f"w:{edge}")
        side.set(qn("w:w"), str(padding_twips))
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


def paragraph_before(anchor: BaseOxmlElement) -> BaseOxmlElement:
    """A new empty `w:p` just before `anchor` (the body's `w:sectPr`), in constant time."""
    paragraph: BaseOxmlElement = OxmlElement("w:p")
    anchor.addprevious(paragraph)
    return paragraph


def page_bottom_frame(
    p_pr: BaseOxmlElement, width_twips: int, top_twips: int, height_twips: int
) -> None:
    """Take the paragraph out of the flow into a frame centred between the margins at a fixed
    distance from the top of the page it falls on (so: on the last page, near its bottom)."""
    frame = _child(p_pr, "w:framePr", _P_PR_ORDER)
    for attribute in list(frame.attrib):
        del frame.attrib[attribute]
    frame.set(qn("w:w"), str(width_twips))
    frame.set(qn("w:h"), str(height_twips))
    frame.set(qn("w:hRule"), "exact")
    frame.set(qn("w:wrap"), "around")
    frame.set(qn("w:vAnchor"), "page")
    frame.set(qn("w:hAnchor"), "margin")
    frame.set(qn("w:xAlign"), "center")
    frame.set(qn("w:y"), str(top_twips))


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def append_run(
    p: BaseOxmlElement, text: str, bold: bool, italic: bool, underline: bool
) -> BaseOxmlElement:
    """Append `<w:r>` holding `text` to `p`, with only the emphasis that differs from the style.

    The same XML as python-docx's `add_run(text)` plus `bold/italic/underline = True`, built
    directly: python-docx appends text one character at a time and searches the schema order
    for every child, which was most of the time of a long program."""
    run = _append(p, "w:r")
    if bold or italic or underline:
        properties = _append(run, "w:rPr")
        if bold:
            _append(properties, "w:b")
        if italic:
            _append(properties, "w:i")
        if underline:
            _append(properties, "w:u").set(qn("w:val"), "single")
    for n, part in enumerate(text.split("\t")):
        if n:
            _append(run, "w:tab")
        if part:
            element = _append(run, "w:t")
            element.text = part
            if len(part.strip()) < len(part):
                element.set(_XML_SPACE, "preserve")
    return run


def append_break_run(p: BaseOxmlElement) -> BaseOxmlElement:
    """Append `<w:r><w:br/></w:r>` (a line break inside the paragraph) to `p`."""
    run = _append(p, "w:r")
    _append(run, "w:br")
    return run


def _append(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    child: BaseOxmlElement = OxmlElement(tag)
    parent.append(child)
    return child

"""Small element helpers for the document body (paragraphs, runs, tables), on plain lxml.

The build path does not import python-docx: its oxml layer takes ~20 ms to import, and its
per-paragraph API (a schema-order search for every child, text appended one character at a
time) was most of the time of a long programme. These helpers write the same XML python-docx
wrote, attribute for attribute, in one pass; nothing outside this module and `tracked` builds
body XML. Lengths come in twips, converted the way python-docx converts millimetres.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# An lxml element (lxml ships no type hints of its own).
Element: TypeAlias = Any


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: `w("p")` is `{…/main}p`."""
    return f"{{{W_NS}}}{tag}"


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_VAL, _W, _TYPE = w("val"), w("w"), w("type")
_P, _PPR, _PSTYLE, _R, _RPR, _T = w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("t")
_TR, _TRPR, _TC, _TCPR = w("tr"), w("trPr"), w("tc"), w("tcPr")
_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_EMU_PER_MM, _EMU_PER_TWIP = 36000, 635


def mm_twips(mm: float) -> int:
    """Millimetres in twips as python-docx writes `Mm(mm)`: whole EMUs first, then rounded."""
    return round(int(mm * _EMU_PER_MM) / _EMU_PER_TWIP)


def sub(parent: Element, tag: str, attributes: dict[str, str] | None = None) -> Element:
    """A new child `tag` (a Clark name) at the end of `parent`, attributes in the given order."""
    return etree.SubElement(parent, tag, attributes)


def paragraph(parent: Element, style_id: str | None) -> Element:
    """A new `w:p` at the end of `parent`, with its paragraph style when one is given."""
    p = etree.SubElement(parent, _P)
    if style_id is not None:
        etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE, {_VAL: style_id})
    return p


def properties(p: Element) -> Element:
    """The paragraph's `w:pPr` (its first child), created when missing."""
    if len(p) and p[0].tag == _PPR:
        return p[0]
    found = etree.Element(_PPR)
    p.insert(0, found)
    return found


def frame(p: Element, width: int, top: int, height: int) -> None:
    """Take the paragraph out of the flow into a frame centred between the margins, `top`
    from the top of the page it falls on (so: on the last page, near its bottom); call before
    `indent`, which the schema puts after it."""
    attributes = {
        w("w"): str(width),
        w("h"): str(height),
        w("hRule"): "exact",
        w("wrap"): "around",
        w("vAnchor"): "page",
        w("hAnchor"): "margin",
        w("xAlign"): "center",
        w("y"): str(top),
    }
    sub(properties(p), w("framePr"), attributes)


def indent(p: Element, left: int, right: int) -> None:
    """Left and right paragraph indents (after the style and any frame)."""
    sub(properties(p), w("ind"), {w("left"): str(left), w("right"): str(right)})


def append_run(p: Element, text: str, bold: bool, italic: bool, underline: bool) -> Element:
    """Append `<w:r>` holding `text` (a tab is `w:tab`) with only the emphasis that differs
    from the style."""
    run = etree.SubElement(p, _R)
    if bold or italic or underline:
        emphasis = etree.SubElement(run, _RPR)
        if bold:
            etree.SubElement(emphasis, w("b"))
        if italic:
            etree.SubElement(emphasis, w("i"))
        if underline:
            etree.SubElement(emphasis, w("u"), {_VAL: "single"})
    for n, part in enumerate(text.split("\t")):
        if n:
            etree.SubElement(run, w("tab"))
        if part:
            element = etree.SubElement(run, _T)
            element.text = part
            if len(part.strip()) < len(part):
                element.set(_XML_SPACE, "preserve")
    return run


def append_break_run(p: Element) -> Element:
    """Append `<w:r><w:br/></w:r>` (a line break inside the paragraph) to `p`."""
    run = etree.SubElement(p, _R)
    etree.SubElement(run, w("br"))
    return run


def _border(parent: Element, edge: str, value: str, size_pt: float) -> None:
    """One border edge; `w:sz` counts eighths of a point."""
    attributes = {_VAL: value, w("sz"): str(round(size_pt * 8)), w("space"): "0"}
    attributes[w("color")] = "auto"
    sub(parent, w(edge), attributes)


def table(
    parent: Element,
    width: int,
    indent_twips: int,
    padding: int,
    border_pt: float,
    columns: Sequence[int],
) -> Element:
    """A fixed-layout `w:tbl` `width` wide, `indent_twips` from the margin, cells padded
    `padding` left and right, single borders of `border_pt` (0: explicitly none, so that no
    table style draws one) and a grid of `columns`; rows come from `row`."""
    tbl = etree.SubElement(parent, w("tbl"))
    tbl_pr = sub(tbl, w("tblPr"))
    sub(tbl_pr, w("tblW"), {_TYPE: "dxa", _W: str(width)})
    sub(tbl_pr, w("tblInd"), {_W: str(indent_twips), _TYPE: "dxa"})
    borders = sub(tbl_pr, w("tblBorders"))
    for edge in _BORDER_EDGES:
        _border(borders, edge, "single" if border_pt else "none", border_pt)
    sub(tbl_pr, w("tblLayout"), {_TYPE: "fixed"})
    margins = sub(tbl_pr, w("tblCellMar"))
    for edge in ("left", "right"):
        sub(margins, w(edge), {_W: str(padding), _TYPE: "dxa"})
    look = {w("firstColumn"): "1", w("firstRow"): "1", w("lastColumn"): "0", w("lastRow"): "0"}
    look |= {w("noHBand"): "0", w("noVBand"): "1", _VAL: "04A0"}
    sub(tbl_pr, w("tblLook"), look)
    grid = sub(tbl, w("tblGrid"))
    for column in columns:
        sub(grid, w("gridCol"), {_W: str(column)})
    return tbl


def row(tbl: Element, cant_split: bool, header: bool = False) -> Element:
    """A new `w:tr`: kept on one page, and repeated on every page when a `header`."""
    tr = etree.SubElement(tbl, _TR)
    if cant_split or header:
        tr_pr = etree.SubElement(tr, _TRPR)
        if cant_split:  # CT_TrPr is a choice, but Word writes cantSplit first
            etree.SubElement(tr_pr, w("cantSplit"))
        if header:
            etree.SubElement(tr_pr, w("tblHeader"))
    return tr


def row_properties(tr: Element) -> Element:
    """The row's `w:trPr` (its first child), created when missing."""
    if len(tr) and tr[0].tag == _TRPR:
        return tr[0]
    found = etree.Element(_TRPR)
    tr.insert(0, found)
    return found


def cell(tr: Element, width: int, span: int = 1) -> Element:
    """A new `w:tc` `width` wide spanning `span` grid columns; paragraphs go in with
    `paragraph` (a cell left without one gets an empty `w:p`: see `close_cell`)."""
    tc = etree.SubElement(tr, _TC)
    tc_pr = etree.SubElement(tc, _TCPR)
    sub(tc_pr, w("tcW"), {_TYPE: "dxa", _W: str(width)})
    if span > 1:
        sub(tc_pr, w("gridSpan"), {_VAL: str(span)})
    return tc


def close_cell(tc: Element) -> None:
    """A cell must end with a paragraph: an empty one when nothing was written in it."""
    if tc[-1].tag != _P:
        etree.SubElement(tc, _P)


def parse(xml: bytes) -> Element:
    """A part's XML as an element tree (the parser python-docx reads parts with)."""
    root: Element = etree.fromstring(xml, _PARSER)
    return root


def serialize(root: Element) -> bytes:
    """A part's bytes, as python-docx serialises a part."""
    data: bytes = etree.tostring(root, encoding="UTF-8", standalone=True)
    return data


_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)

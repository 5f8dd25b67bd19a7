"""Small helpers that write the document body's XML (paragraphs, runs, tables) as text.

The build path imports neither python-docx nor lxml: python-docx's per-paragraph API (a
schema-order search for every child, text appended one character at a time) was most of the
time of a long programme, and even lxml's SubElement costs ~15 times what joining the same
text costs. The text is exactly what lxml would serialise for the elements python-docx wrote —
the same children and attributes in the same order, the same escapes — so a body written here
and one read back by lxml, amended (docx/tracked.py) and serialised are the same bytes.
Nothing else writes body XML. Lengths come in twips, converted as python-docx converts mm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_EMU_PER_MM, _EMU_PER_TWIP = 36000, 635
# What XML 1.0 cannot hold: lxml refuses such a string, and so does this module.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = re.compile("[&<>\r]")
_ATTRIBUTE_ESCAPES = re.compile('[&<>"\n\r\t]')
_ESCAPED = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\n": "&#10;",
    "\r": "&#13;",
    "\t": "&#9;",
}
_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0"'
    ' w:noVBand="1" w:val="04A0"/>'
)
BREAK_RUN = "<w:r><w:br/></w:r>"
EMPTY_PARAGRAPH = "<w:p/>"
PARAGRAPH_END = "</w:p>"
CELL_END = "</w:tc>"
ROW_END = "</w:tr>"
TABLE_END = "</w:tbl>"


def mm_twips(mm: float) -> int:
    """Millimetres in twips as python-docx writes `Mm(mm)`: whole EMUs first, then rounded."""
    return round(int(mm * _EMU_PER_MM) / _EMU_PER_TWIP)


def _checked(value: str) -> str:
    if _NOT_XML.search(value):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control"
            " characters"
        )
    return value


def text(value: str) -> str:
    """`value` as element content: & < > and carriage returns escaped, as libxml2 does."""
    if _TEXT_ESCAPES.search(_checked(value)):
        return _TEXT_ESCAPES.sub(lambda m: _ESCAPED[m.group(0)], value)
    return value


def attribute(value: str) -> str:
    """`value` inside double quotes, escaped as libxml2 escapes attribute values."""
    if _ATTRIBUTE_ESCAPES.search(_checked(value)):
        return _ATTRIBUTE_ESCAPES.sub(lambda m: _ESCAPED[m.group(0)], value)
    return value


def paragraph_start(style_id: str, properties: str = "") -> str:
    """`<w:p>` with its style and any other paragraph properties (`frame`, then `indent`)."""
    return f'<w:p><w:pPr><w:pStyle w:val="{attribute(style_id)}"/>{properties}</w:pPr>'


def frame(width: int, top: int, height: int) -> str:
    """Out of the flow into a frame centred between the margins, `top` from the top of the
    page it falls on (so: on the last page, near its bottom)."""
    return (
        f'<w:framePr w:w="{width}" w:h="{height}" w:hRule="exact" w:wrap="around"'
        f' w:vAnchor="page" w:hAnchor="margin" w:xAlign="center" w:y="{top}"/>'
    )


def indent(left: int, right: int) -> str:
    return f'<w:ind w:left="{left}" w:right="{right}"/>'


def run(value: str, bold: bool, italic: bool, underline: bool) -> str:
    """`<w:r>` holding `value` (a tab is `w:tab`) with only the emphasis that differs from the
    style; text with spaces at either end keeps them (`xml:space`)."""
    emphasis = ""
    if bold or italic or underline:
        emphasis = "<w:b/>" if bold else ""
        emphasis += "<w:i/>" if italic else ""
        emphasis += '<w:u w:val="single"/>' if underline else ""
        emphasis = f"<w:rPr>{emphasis}</w:rPr>"
    parts = []
    for n, part in enumerate(value.split("\t")):
        if n:
            parts.append("<w:tab/>")
        if part:
            space = ' xml:space="preserve"' if len(part.strip()) < len(part) else ""
            parts.append(f"<w:t{space}>{text(part)}</w:t>")
    return f"<w:r>{emphasis}{''.join(parts)}</w:r>"


def _border(edge: str, value: str, size_pt: float) -> str:
    """One border edge; `w:sz` counts eighths of a point."""
    size = round(size_pt * 8)
    return f'<w:{edge} w:val="{value}" w:sz="{size}" w:space="0" w:color="auto"/>'


def table_start(
    width: int, indent_twips: int, padding: int, border_pt: float, columns: Sequence[int]
) -> str:
    """A fixed-layout `w:tbl` `width` wide, `indent_twips` from the margin, cells padded
    `padding` left and right, single borders of `border_pt` (0: explicitly none, so that no
    table style draws one) and a grid of `columns`; rows follow, then TABLE_END."""
    value = "single" if border_pt else "none"
    borders = "".join(_border(edge, value, border_pt) for edge in _BORDER_EDGES)
    grid = "".join(f'<w:gridCol w:w="{column}"/>' for column in columns)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="{width}"/>'
        f'<w:tblInd w:w="{indent_twips}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{padding}" w:type="dxa"/>'
        f'<w:right w:w="{padding}" w:type="dxa"/></w:tblCellMar>{_LOOK}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    )


def row_start(cant_split: bool, header: bool = False) -> str:
    """A `w:tr`: kept on one page, and repeated on every page when a `header` (CT_TrPr is a
    choice, but Word writes cantSplit first)."""
    if not (cant_split or header):
        return "<w:tr>"
    keep = "<w:cantSplit/>" if cant_split else ""
    repeat = "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr>{keep}{repeat}</w:trPr>"


def cell_start(width: int, span: int = 1, down: str = "") -> str:
    """A `w:tc` `width` wide spanning `span` grid columns; `down` 'restart' for the first cell
    of a merge down, 'continue' for one it covers (both centred vertically, as offices set
    merged cells); a cell must hold a paragraph."""
    spans = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if down:
        merge = '<w:vMerge w:val="restart"/>' if down == "restart" else "<w:vMerge/>"
        spans += f'{merge}<w:vAlign w:val="center"/>'
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{spans}</w:tcPr>'

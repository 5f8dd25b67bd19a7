"""Accept All / Reject All on a .docx's XML, as Word does, for checking a redline's two sides."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_GONE = {True: ("del", "moveFrom"), False: ("ins", "moveTo")}
_RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")


def document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml").decode("utf-8")


def body(docx: bytes) -> etree._Element:
    return etree.fromstring(document_xml(docx).encode("utf-8")).find(_q("body"))


def resolve(root: etree._Element, accept: bool) -> None:
    """Apply every revision in `root`: accept (keep insertions) or reject (keep deletions)."""
    gone, kept = _GONE[accept], _GONE[not accept]
    # A row marked in its w:trPr goes with its mark (accepting a deleted row, rejecting an
    # inserted one), or keeps the row without the mark.
    for tr in list(root.iter(_q("tr"))):
        marks = tr.findall(f"{_q('trPr')}/*")
        if any(m.tag in {_q(t) for t in gone} for m in marks):
            tr.getparent().remove(tr)
            continue
        for mark in marks:
            if mark.tag in {_q(t) for t in kept}:
                mark.getparent().remove(mark)
    for tbl in list(root.iter(_q("tbl"))):
        if tbl.find(_q("tr")) is None:  # every row gone: so is the table
            tbl.getparent().remove(tbl)
    for tag in _RANGES:
        for element in root.iter(_q(tag)):
            element.getparent().remove(element)
    for element in list(root.iter(*(_q(t) for t in gone))):
        parent = element.getparent()
        if parent is not None and parent.tag != _q("rPr"):
            parent.remove(element)  # (no w:trPr mark is left: the rows went above)
    for element in list(root.iter(*(_q(t) for t in kept))):
        parent = element.getparent()
        if parent is None or parent.tag == _q("rPr"):
            continue
        for child in list(element):
            element.addprevious(child)
        parent.remove(element)
    for text in root.iter(_q("delText")):
        text.tag = _q("t")
    for p in list(root.iter(_q("p"))):
        marks = p.findall(f"{_q('pPr')}/{_q('rPr')}/*")
        if any(m.tag in {_q(t) for t in gone} for m in marks):
            _merge_into_next(p)
        for mark in marks:
            if mark.getparent() is not None and mark.tag in {_q(t) for t in kept}:
                mark.getparent().remove(mark)


def _merge_into_next(p: etree._Element) -> None:
    """A removed paragraph mark joins the paragraph's content to the next paragraph. The last
    mark of a table cell, and the one before a table, stay: Word and LibreOffice cannot join
    those paragraphs to anything."""
    content = [c for c in p if c.tag != _q("pPr")]
    following = p.getnext()
    if following is None or following.tag != _q("p"):
        return
    if content:
        anchor = following.find(_q("pPr"))
        for child in reversed(content):
            if anchor is not None:
                anchor.addnext(child)
            else:
                following.insert(0, child)
    p.getparent().remove(p)


def paragraph_text(p: etree._Element) -> str:
    out = []
    for element in p.iter(_q("t"), _q("delText"), _q("br")):
        out.append("\n" if element.tag == _q("br") else element.text or "")
    return "".join(out)


def _merged_from_above(p: etree._Element) -> bool:
    """In a cell that a cell above is merged down into (`w:vMerge` without 'restart'): Word
    shows the text above there, and readers read it once."""
    cell = next(p.iterancestors(_q("tc")), None)
    merge = None if cell is None else cell.find(f"{_q('tcPr')}/{_q('vMerge')}")
    return merge is not None and merge.get(_q("val"), "continue") == "continue"


def lines(root: etree._Element) -> list[str]:
    """Paragraph texts in reading order (a table's left cell before its right), line breaks split."""
    return [
        line
        for p in root.iter(_q("p"))
        if not _merged_from_above(p)
        for line in paragraph_text(p).split("\n")
    ]


def resolved_lines(docx: bytes, accept: bool, without_gaps: bool = False) -> list[str]:
    """Accept or Reject All's lines; `without_gaps`: less the empty paragraph that parts two
    tables (style 'CT table_gap'), and any empty one standing between two tables: after a
    revision between prose and a table, the mark kept before a table is the gap's, or carries
    the style of the paragraph that stood there."""
    root = body(docx)
    resolve(root, accept)
    if without_gaps:
        for p in list(root.iter(_q("p"))):
            before, after = p.getprevious(), p.getnext()
            between = before is not None and after is not None
            between = between and before.tag == after.tag == _q("tbl")
            style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
            gap = style is not None and style.get(_q("val")) == "CTtable_gap"
            if (between or gap) and not paragraph_text(p):
                p.getparent().remove(p)
    return lines(root)


def count(docx: bytes) -> dict[str, int]:
    """How many revision elements of each kind the document holds ('row ins' and 'row del':
    whole table rows, also counted in 'ins' and 'del')."""
    root = body(docx)
    kinds = ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")
    found = {kind: len(list(root.iter(_q(kind)))) for kind in kinds}
    for kind in ("ins", "del"):
        found[f"row {kind}"] = len(root.findall(f".//{_q('trPr')}/{_q(kind)}"))
    return found


def block_kinds(docx: bytes, accept: bool | None = None) -> list[str]:
    """The body's top-level blocks in order, 'p' for a paragraph, 'tbl' for a table (with every
    revision accepted or rejected, unless `accept` is None)."""
    root = body(docx)
    if accept is not None:
        resolve(root, accept)
    return [etree.QName(child).localname for child in root if child.tag != _q("sectPr")]

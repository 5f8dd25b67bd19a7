"""A LibreOffice flat ODF (.fodt) read back with all its tracked changes accepted or rejected.

LibreOffice marks both insertions and deletions as `text:change-start` … `text:change-end`
ranges in the body, and says which is which in `text:tracked-changes`; a range may span
paragraphs (a whole paragraph with its mark). Dropping the ranges of one kind gives one side.
A row inserted or deleted whole (Word's `w:trPr/w:ins`, `w:trPr/w:del`) has a row style with
`loext:text-changes-only="false"`: the row goes when all its text goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"


_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def _t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def _body(path: Path) -> etree._Element:
    root = etree.parse(str(path)).getroot()
    return root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")


def tracked_row_styles(path: Path) -> set[str]:
    """The names of the row styles that make a row one tracked insertion or deletion."""
    root = etree.parse(str(path)).getroot()
    return {
        style.get(f"{{{STYLE}}}name")
        for style in root.iter(f"{{{STYLE}}}style")
        if style.get(f"{{{STYLE}}}family") == "table-row"
        and any(
            props.get(f"{{{LOEXT}}}text-changes-only") == "false"
            for props in style.iter(f"{{{STYLE}}}table-row-properties")
        )
    }


def regions(path: Path) -> dict[str, str]:
    """Change id → 'insertion' / 'deletion' / 'format-change'."""
    tracked = _body(path).find(_t("tracked-changes"))
    if tracked is None:
        return {}
    return {
        region.get(_t("id")): etree.QName(region[0]).localname
        for region in tracked.iter(_t("changed-region"))
    }


def _events(
    element: etree._Element, rows: set[str], inside: bool = False
) -> Iterator[tuple[str, str]]:
    """Text, paragraph ends, change boundaries and tracked rows (in `rows` styles) in document
    order (text only inside a paragraph: the file is indented)."""
    tag = element.tag
    if tag in (_t("p"), _t("h")):
        # A Word paragraph set in a frame (w:framePr) becomes a paragraph holding only a
        # draw:frame: the frame's own paragraphs are the lines, the holder adds none.
        frames = element.findall(f"{{{_DRAW}}}frame")
        own = (element.text or "") + "".join(child.tail or "" for child in element)
        if frames and not own.strip():
            for frame in frames:
                for inner in frame.iter(_t("p"), _t("h")):
                    yield from _events(inner, rows)
            return
    here = inside or tag in (_t("p"), _t("h"))
    if tag == _t("tracked-changes"):
        return
    if tag == f"{{{TABLE}}}table-row" and element.get(f"{{{TABLE}}}style-name") in rows:
        yield "row", ""
        for child in element:
            yield from _events(child, rows, here)
        yield "row-end", ""
        return
    if tag == _t("change-start"):
        yield "start", element.get(_t("change-id"))
    elif tag == _t("change-end"):
        yield "end", element.get(_t("change-id"))
    elif tag == _t("s"):
        yield "text", " " * int(element.get(_t("c"), "1"))
    elif tag == _t("line-break"):
        yield "text", "\n"
    elif tag == _t("tab"):
        yield "text", "\t"
    elif element.text and here:
        yield "text", element.text
    for child in element:
        yield from _events(child, rows, here)
        if child.tail and here:
            yield "text", child.tail
    if tag in (_t("p"), _t("h")):
        yield "break", ""


def lines(path: Path, accept: bool) -> list[str]:
    """The document's lines with every change accepted (or rejected)."""
    kinds = regions(path)
    dropped = "deletion" if accept else "insertion"
    active: set[str] = set()
    paragraphs: list[str] = []
    current = ""
    row: tuple[int, bool] | None = None  # a tracked row: where its paragraphs start, kept text
    for event, value in _events(_body(path), tracked_row_styles(path)):
        if event == "row":
            row = (len(paragraphs), False)
        elif event == "row-end" and row is not None:
            if not row[1]:
                del paragraphs[row[0] :]  # all its text dropped: the row goes
            row = None
        elif event == "start" and kinds.get(value) == dropped:
            active.add(value)
        elif event == "end":
            active.discard(value)
        elif active:
            continue
        elif event == "text":
            current += value
            if row is not None and value.strip():
                row = (row[0], True)
        elif event == "break":
            paragraphs.append(current)
            current = ""
    return [line for paragraph in paragraphs for line in paragraph.split("\n")]

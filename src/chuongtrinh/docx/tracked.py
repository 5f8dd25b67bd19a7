"""Small element helpers for Word's tracked changes (ECMA-376 Part 1, 17.13.5).

python-docx has no API for revisions, so this module builds them on the elements the writer
made (`docx/body.py`, plain lxml): `w:ins` / `w:del` around runs (deleted text in `w:delText`), `w:moveFrom` / `w:moveTo`
inside named `w:moveFromRangeStart` … `w:moveFromRangeEnd` containers, and the paragraph mark's
own revision in `w:pPr/w:rPr`, so that accepting or rejecting a whole-paragraph change leaves no
empty paragraph behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Literal

from lxml import etree

from chuongtrinh.docx.tree import Element, first_child, w

Mark = Literal["", "ins", "del", "moveFrom", "moveTo"]

# ECMA-376 Part 1, 17.3.1.26 (CT_PPr): w:rPr comes after these and before the rest.
_PPR_BEFORE_RPR = frozenset(w(tag) for tag in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
))  # fmt: skip
_ID, _AUTHOR, _DATE, _NAME = w("id"), w("author"), w("date"), w("name")


class Revisions:
    """Makes revision elements with one author, one date and ids unique in the document."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self._next = 0

    def _id(self) -> str:
        self._next += 1
        return str(self._next)

    def element(self, tag: str, *, stamped: bool = True, name: str | None = None) -> Element:
        """`<w:tag w:id=… w:author=… w:date=…>` (a range end carries the id only)."""
        made = etree.Element(w(tag))
        made.set(_ID, self._id())
        if stamped:
            made.set(_AUTHOR, self.author)
            made.set(_DATE, self.date)
        if name is not None:
            made.set(_NAME, name)
        return made

    def wrap(self, runs: Sequence[Element], mark: Mark) -> None:
        """Put consecutive `runs` (siblings, in order) inside one revision element."""
        if not runs or not mark:
            return
        wrapper = self.element(mark)
        runs[0].addprevious(wrapper)
        for run in runs:
            wrapper.append(run)
            if mark == "del":
                _to_deleted_text(run)

    def mark_paragraph(self, p: Element, mark: Mark) -> None:
        """Record the paragraph mark itself as inserted, deleted or moved."""
        if not mark:
            return
        ppr = first_child(p, "pPr")
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            _insert_in_order(ppr, rpr)
        rpr.append(self.element(mark))

    def mark_row(self, tr: Element, mark: Mark) -> None:
        """Record a whole table row as inserted or deleted (ECMA-376 Part 1, 17.13.5.17 and
        17.13.5.12: `w:ins` / `w:del` in `w:trPr`, after the row's other properties); its runs
        carry their own marks, so the text and the row go together."""
        if mark not in ("ins", "del"):
            return
        first_child(tr, "trPr").append(self.element(mark))

    def move_range(self, p: Element, mark: Mark, name: str) -> None:
        """Enclose the paragraph's content in the named container that links a move's two ends."""
        kind = "moveFrom" if mark == "moveFrom" else "moveTo"
        start = self.element(f"{kind}RangeStart", name=name)
        end = etree.Element(w(f"{kind}RangeEnd"))
        end.set(_ID, start.get(_ID) or "")
        ppr = p.find(w("pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)


def _to_deleted_text(run: Element) -> None:
    for text in run.findall(w("t")):
        text.tag = w("delText")


def _insert_in_order(ppr: Element, rpr: Element) -> None:
    """w:rPr after the properties the schema puts before it, before the rest."""
    children = list(ppr)
    last = max((n for n, child in enumerate(children) if child.tag in _PPR_BEFORE_RPR), default=-1)
    ppr.insert(last + 1, rpr)


def track(
    revisions: Revisions,
    p: Element,
    runs: Sequence[Sequence[Element]],
    marks: Sequence[Mark],
    mark: Mark,
    move: str | None,
) -> None:
    """Turn a written paragraph into a tracked one: `runs[n]` are the w:r written for the
    n-th layout run, `marks[n]` its revision; `mark` the paragraph mark's; `move` the move name."""
    for run_mark, group in groupby(zip(marks, runs, strict=True), key=lambda t: t[0]):
        revisions.wrap([r for _, made in group for r in made], run_mark)
    revisions.mark_paragraph(p, mark)
    if move is not None and mark in ("moveFrom", "moveTo"):
        revisions.move_range(p, mark, move)

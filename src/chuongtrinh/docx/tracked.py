"""Small element helpers for Word's tracked changes (ECMA-376 Part 1, 17.13.5).

python-docx has no API for revisions, so this module builds them, the way `oxml` does for the
rest: `w:ins` / `w:del` around runs (deleted text in `w:delText`), `w:moveFrom` / `w:moveTo`
inside named `w:moveFromRangeStart` … `w:moveFromRangeEnd` containers, and the paragraph mark's
own revision in `w:pPr/w:rPr`, so that accepting or rejecting a whole-paragraph change leaves no
empty paragraph behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Literal

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

Mark = Literal["", "ins", "del", "moveFrom", "moveTo"]

# ECMA-376 Part 1, 17.3.1.26 (CT_PPr): w:rPr comes after these and before the rest.
_PPR_BEFORE_RPR = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
)  # fmt: skip


class Revisions:
    """Makes revision elements with one author, one date and ids unique in the document."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self._next = 0

    def _id(self) -> str:
        self._next += 1
        return str(self._next)

    def element(
        self, tag: str, *, stamped: bool = True, name: str | None = None
    ) -> BaseOxmlElement:
        """`<w:tag w:id=… w:author=… w:date=…>` (a range end carries the id only)."""
        made: BaseOxmlElement = OxmlElement(f"w:{tag}")
        made.set(qn("w:id"), self._id())
        if stamped:
            made.set(qn("w:author"), self.author)
            made.set(qn("w:date"), self.date)
        if name is not None:
            made.set(qn("w:name"), name)
        return made

    def wrap(self, runs: Sequence[BaseOxmlElement], mark: Mark) -> None:
        """Put consecutive `runs` (siblings, in order) inside one revision element."""
        if not runs or not mark:
            return
        wrapper = self.element(mark)
        runs[0].addprevious(wrapper)
        for run in runs:
            wrapper.append(run)
            if mark == "del":
                _to_deleted_text(run)

    def mark_paragraph(self, p: BaseOxmlElement, mark: Mark) -> None:
        """Record the paragraph mark itself as inserted, deleted or moved."""
        if not mark:
            return
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            _insert_in_order(ppr, rpr)
        rpr.append(self.element(mark))

    def mark_row(self, tr: BaseOxmlElement, mark: Mark) -> None:
        """Record a whole table row as inserted or deleted (ECMA-376 Part 1, 17.13.5.17 and
        17.13.5.12: `w:ins` / `w:del` in `w:trPr`, after the row's other properties); its runs
        carry their own marks, so the text and the row go together."""
        if mark not in ("ins", "del"):
            return
        tr.get_or_add_trPr().append(self.element(mark))

    def move_range(self, p: BaseOxmlElement, mark: Mark, name: str) -> None:
        """Enclose the paragraph's content in the named container that links a move's two ends."""
        kind = "moveFrom" if mark == "moveFrom" else "moveTo"
        start = self.element(f"{kind}RangeStart", name=name)
        end = OxmlElement(f"w:{kind}RangeEnd")
        end.set(qn("w:id"), start.get(qn("w:id")))
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)


def _to_deleted_text(run: BaseOxmlElement) -> None:
    for text in run.findall(qn("w:t")):
        text.tag = qn("w:delText")


def _insert_in_order(ppr: BaseOxmlElement, rpr: BaseOxmlElement) -> None:
    """w:rPr after the properties the schema puts before it, before the rest."""
    before = {qn(tag) for tag in _PPR_BEFORE_RPR}
    children = list(ppr)
    last = max((n for n, child in enumerate(children) if child.tag in before), default=-1)
    ppr.insert(last + 1, rpr)


def track(
    revisions: Revisions,
    p: BaseOxmlElement,
    runs: Sequence[Sequence[BaseOxmlElement]],
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

"""The redline as layout blocks: the new program's paragraphs, the old ones that went away, and a
revision mark on every run and paragraph mark that differs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from chuongtrinh.diff import paragraphs
from chuongtrinh.diff.changes import Diff
from chuongtrinh.diff.match import in_order_around
from chuongtrinh.diff.words import opcodes, tokens
from chuongtrinh.docx.tracked import Mark
from chuongtrinh.layout.blocks import Block, Columns, Document, Para, Run


@dataclass(frozen=True)
class TrackedPara(Para):
    """A paragraph whose runs and paragraph mark carry revision marks ('' for unchanged)."""

    marks: tuple[Mark, ...] = ()
    mark: Mark = ""
    move: str | None = None  # the name linking a move's source and destination


def _whole(para: Para, mark: Mark, move: str | None = None) -> TrackedPara:
    return TrackedPara(para.role, para.runs, para.key, (mark,) * len(para.runs), mark, move)


_Token = tuple[str, bool, bool, bool]


def _tokens(para: Para) -> list[_Token]:
    return [
        (text, run.bold, run.italic, run.underline)
        for run in para.runs
        for text in tokens(run.text)
    ]


def _joined(marked: Sequence[tuple[Mark, _Token]]) -> tuple[tuple[Run, ...], tuple[Mark, ...]]:
    """Consecutive tokens of one mark and one emphasis as one run."""
    runs: list[Run] = []
    marks: list[Mark] = []
    for (mark, style), group in groupby(marked, key=lambda t: (t[0], t[1][1:])):
        runs.append(Run("".join(t[0] for _, t in group), *style))
        marks.append(mark)
    return tuple(runs), tuple(marks)


def _revised(old: Para, new: Para, side: Mark = "", move: str | None = None) -> TrackedPara:
    """`new` with the words of `old` it lost (marked deleted) and the ones it gained (inserted).

    At a move's source (`side` 'moveFrom') only the old words show; at its destination
    ('moveTo') only the new ones, so each end accepts and rejects on its own.
    """
    a, b = _tokens(old), _tokens(new)
    marked: list[tuple[Mark, _Token]] = []
    same: Mark = "moveFrom" if side == "moveFrom" else "moveTo" if side == "moveTo" else ""
    for op, i1, i2, j1, j2 in opcodes(a, b):
        if op == "equal":
            marked += [(same, t) for t in (a[i1:i2] if side == "moveFrom" else b[j1:j2])]
        elif op == "delete" and side != "moveTo":
            marked += [("del", t) for t in a[i1:i2]]
        elif op == "insert" and side != "moveFrom":
            marked += [("ins", t) for t in b[j1:j2]]
    runs, marks = _joined(marked)
    base = old if side == "moveFrom" else new
    return TrackedPara(base.role, runs, base.key, marks, same, move)


def _is_whole(para: TrackedPara, mark: Mark) -> bool:
    return para.mark == mark and all(m == mark for m in para.marks)


def _unmove(paras: list[TrackedPara], name: str | None) -> list[TrackedPara]:
    """Both ends of the move `name` as a plain deletion and insertion."""
    plain: dict[Mark, Mark] = {"moveFrom": "del", "moveTo": "ins"}
    out = []
    for para in paras:
        if para.move == name and para.mark in plain:
            mark = plain[para.mark]
            para = TrackedPara(para.role, para.runs, para.key, (mark,) * len(para.runs), mark)
        out.append(para)
    return out


def _settle_last(paras: list[TrackedPara]) -> list[TrackedPara]:
    """The last paragraph mark of a table cell, or before a table, cannot be inserted or deleted
    (Word and LibreOffice keep it, leaving an empty line), so the changed paragraphs at the end
    are recorded differently. When they were all inserted (or all deleted), the unchanged mark
    before them carries the change ('a new paragraph break after the one before, then text');
    when both, the last deleted and the last inserted paragraph become one paragraph holding
    both. Moves at the end are recorded as a deletion and an insertion."""
    start = max((n + 1 for n, p in enumerate(paras) if not p.mark), default=0)
    if start == len(paras):
        return paras
    for para in paras[start:]:
        if para.move is not None:
            paras = _unmove(paras, para.move)
    tail = paras[start:]
    inserted = [n for n, p in enumerate(tail, start) if p.mark == "ins"]
    deleted = [n for n, p in enumerate(tail, start) if p.mark == "del"]
    if inserted and deleted:
        gone, new = paras[deleted[-1]], paras[inserted[-1]]
        marks: tuple[Mark, ...] = (*gone.marks, *new.marks)
        joined = TrackedPara(new.role, gone.runs + new.runs, new.key, marks)
        kept = [p for n, p in enumerate(paras) if n not in (deleted[-1], inserted[-1])]
        return [*kept, joined]
    if start == 0:
        return paras  # nothing unchanged in front to carry the change
    mark: Mark = "ins" if inserted else "del"
    return [
        *paras[: start - 1],
        replace(paras[start - 1], mark=mark),
        *paras[start:-1],
        replace(paras[-1], mark=""),
    ]


def _one_side(
    own: Sequence[Para],
    other: Sequence[Para],
    span: range,
    moved: dict[int, tuple[int, str]],
    move: Mark,
) -> Iterator[TrackedPara]:
    """Paragraphs of one side only: a move's end (`move`), else a whole deletion or insertion."""
    for n in span:
        if n not in moved:
            yield _whole(own[n], "del" if move == "moveFrom" else "ins")
            continue
        partner, name = moved[n]
        old, new = (own[n], other[partner]) if move == "moveFrom" else (other[partner], own[n])
        yield _revised(old, new, move, name)


class _Merge:
    def __init__(self, diff: Diff) -> None:
        self.diff = diff
        self.moves = 0

    def paragraphs(self, old: Sequence[Para], new: Sequence[Para]) -> Iterator[TrackedPara]:
        """Old and new paragraphs interleaved: accepting every mark gives `new`, rejecting `old`."""
        pairs = paragraphs.pair(old, new, self.diff.sections, self.diff.items)
        pairs = [(i, j) for i, j in pairs if old[i].role == new[j].role]
        # Items and headings stay put before the lines derived from them may.
        items = [(i, j) for i, j in pairs if paragraphs.is_structural(new[j])]
        others = [(i, j) for i, j in pairs if not paragraphs.is_structural(new[j])]
        anchors = sorted(in_order_around(items, others))
        moved_from: dict[int, tuple[int, str]] = {}
        moved_to: dict[int, tuple[int, str]] = {}
        for i, j in sorted(set(pairs) - set(anchors), key=lambda p: p[1]):
            self.moves += 1
            name = f"move{self.moves}"
            moved_from[i] = (j, name)
            moved_to[j] = (i, name)
        i = j = 0
        for anchor_i, anchor_j in [*anchors, (len(old), len(new))]:
            yield from _one_side(old, new, range(i, anchor_i), moved_from, "moveFrom")
            yield from _one_side(new, old, range(j, anchor_j), moved_to, "moveTo")
            if anchor_i < len(old):
                yield _revised(old[anchor_i], new[anchor_j])
            i, j = anchor_i + 1, anchor_j + 1

    def blocks(self) -> Iterator[Block]:
        old_blocks = list(self.diff.old.document.blocks)
        new_blocks = list(self.diff.new.document.blocks)
        old_tables = {b.role: b for b in old_blocks if isinstance(b, Columns)}
        old_body = [b for b in old_blocks if isinstance(b, Para)]
        new_body = [b for b in new_blocks if isinstance(b, Para)]
        body_done = False
        for block in new_blocks:
            if isinstance(block, Columns):
                before = old_tables.get(block.role, Columns(block.role, (), ()))
                yield Columns(
                    block.role,
                    tuple(_settle_last(list(self.paragraphs(before.left, block.left)))),
                    tuple(_settle_last(list(self.paragraphs(before.right, block.right)))),
                )
            elif isinstance(block, Para) and not body_done:
                body_done = True  # the body ends at the closing table: its last mark stays
                yield from _settle_last(list(self.paragraphs(old_body, new_body)))
            elif not isinstance(block, Para):
                yield block


def redline(diff: Diff) -> Document:
    """The new program laid out with the old one's text recorded as tracked changes."""
    return Document(tuple(_Merge(diff).blocks()))

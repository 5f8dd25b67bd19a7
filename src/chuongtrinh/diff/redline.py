"""The redline as layout blocks: the new program's paragraphs, the old ones that went away, and a
revision mark on every run and paragraph mark that differs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from chuongtrinh.diff import paragraphs
from chuongtrinh.diff.changes import Diff
from chuongtrinh.diff.match import in_order
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
        anchors = sorted(in_order(pairs))
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
                    tuple(self.paragraphs(before.left, block.left)),
                    tuple(self.paragraphs(before.right, block.right)),
                )
            elif isinstance(block, Para) and not body_done:
                body_done = True
                yield from self.paragraphs(old_body, new_body)
            elif not isinstance(block, Para):
                yield block


def redline(diff: Diff) -> Document:
    """The new program laid out with the old one's text recorded as tracked changes."""
    return Document(tuple(_Merge(diff).blocks()))

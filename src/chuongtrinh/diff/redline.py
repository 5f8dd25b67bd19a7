"""The redline as layout blocks: the new program's paragraphs, the old ones that went away, and a
revision mark on every run and paragraph mark that differs."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from chuongtrinh.diff import annexes, paragraphs, zones
from chuongtrinh.diff.changes import Diff
from chuongtrinh.diff.match import Pair, in_order, in_order_around
from chuongtrinh.diff.words import opcodes, tokens
from chuongtrinh.docx.tracked import Mark
from chuongtrinh.layout.blocks import Annex, Block, Columns, Document, Para, Row, Run, Table


@dataclass(frozen=True)
class TrackedPara(Para):
    """A paragraph whose runs and paragraph mark carry revision marks ('' for unchanged)."""

    marks: tuple[Mark, ...] = ()
    mark: Mark = ""
    move: str | None = None  # the name linking a move's source and destination


@dataclass(frozen=True)
class TrackedColumns(Columns):
    """A two-column block only one revision has ('Kính gửi:' added or taken away): its one row
    is marked 'ins' or 'del', so accepting or rejecting takes the whole table away."""

    mark: Mark = ""


@dataclass(frozen=True)
class TrackedRow(Row):
    """A table row whose cells hold tracked paragraphs; `mark` 'ins' or 'del' for a whole row
    inserted or deleted ('' for a row in both revisions)."""

    mark: Mark = ""


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
        return (para for _, _, para in self.traced(old, new))

    def traced(
        self, old: Sequence[Para], new: Sequence[Para]
    ) -> Iterator[tuple[int | None, int | None, TrackedPara]]:
        """`paragraphs`, each with the index of the old and of the new paragraph it shows (None
        for a side it is not on)."""
        pairs = paragraphs.pair(old, new, self.diff.owners, self.diff.items)
        pairs = [(i, j) for i, j in pairs if old[i].role == new[j].role]
        anchors = self.anchored(pairs, [paragraphs.is_structural(p) for p in new])
        moved_from: dict[int, tuple[int, str]] = {}
        moved_to: dict[int, tuple[int, str]] = {}
        for i, j in sorted(set(pairs) - set(anchors), key=lambda p: p[1]):
            self.moves += 1
            name = f"move{self.moves}"
            moved_from[i] = (j, name)
            moved_to[j] = (i, name)
        i = j = 0
        for anchor_i, anchor_j in [*anchors, (len(old), len(new))]:
            gone = range(i, anchor_i)
            for n, para in zip(
                gone, _one_side(old, new, gone, moved_from, "moveFrom"), strict=True
            ):
                yield n, None, para
            came = range(j, anchor_j)
            for n, para in zip(came, _one_side(new, old, came, moved_to, "moveTo"), strict=True):
                yield None, n, para
            if anchor_i < len(old):
                yield anchor_i, anchor_j, _revised(old[anchor_i], new[anchor_j])
            i, j = anchor_i + 1, anchor_j + 1

    def anchored(self, pairs: Sequence[Pair], structural: Sequence[bool]) -> list[Pair]:
        """The pairs that stay in order, items and headings (`structural[j]` of the new side)
        chosen first: they stay put before the lines derived from them may. The others moved."""
        first = [(i, j) for i, j in pairs if structural[j]]
        rest = [(i, j) for i, j in pairs if not structural[j]]
        return sorted(in_order_around(first, rest))

    def rows(self, old: Sequence[Row], new: Sequence[Row], columns: int) -> Iterator[TrackedRow]:
        """Old and new rows of a table interleaved like paragraphs: a row in both revised cell by
        cell, a row only in `old` deleted where it was, one only in `new` inserted. A row that
        moved shows as a deletion and an insertion. `columns`: how many the table has."""
        old_reps, new_reps = [_representative(r) for r in old], [_representative(r) for r in new]
        pairs = [
            (i, j)
            for i, j in paragraphs.pair(old_reps, new_reps, self.diff.owners, self.diff.items)
            if old[i].kind == new[j].kind
            and len(old[i].cells) == len(new[j].cells)
            and old[i].merges == new[j].merges
        ]
        anchors = self.anchored(pairs, [paragraphs.is_structural(p) for p in new_reps])
        i = j = 0
        for anchor_i, anchor_j in [*anchors, (len(old), len(new))]:
            yield from (_whole_row(row, "del", columns) for row in old[i:anchor_i])
            yield from (_whole_row(row, "ins", columns) for row in new[j:anchor_j])
            if anchor_i < len(old):
                yield self.revised_row(old[anchor_i], new[anchor_j])
            i, j = anchor_i + 1, anchor_j + 1

    def revised_row(self, old: Row, new: Row) -> TrackedRow:
        cells = tuple(
            tuple(_settle_last(list(self.paragraphs(before, after))))
            for before, after in zip(old.cells, new.cells, strict=True)
        )
        return TrackedRow(new.kind, cells, new.merges)

    def segment(self, old: zones.Segment | None, new: zones.Segment | None) -> Iterator[Block]:
        """One stretch of the page revised: `old` and `new` are the same kind of segment, or one
        of them is None (the segment is only in one revision)."""
        either = new if new is not None else old
        assert either is not None
        if isinstance(either, Table):
            before = old.rows if isinstance(old, Table) else ()
            after = new.rows if isinstance(new, Table) else ()
            rows = self.rows(before, after, len(either.widths_mm))
            yield Table(either.widths_mm, tuple(rows))
        elif isinstance(either, Columns):
            empty = Columns(either.role, (), ())
            a = old if isinstance(old, Columns) else empty
            b = new if isinstance(new, Columns) else empty
            alone: Mark = "" if a.left and b.left else "ins" if b.left else "del"
            yield TrackedColumns(
                either.role,
                tuple(_settle_last(list(self.paragraphs(a.left, b.left)))),
                tuple(_settle_last(list(self.paragraphs(a.right, b.right)))),
                alone,
            )
        else:
            # Every stretch of paragraphs ends at a table (a table of items, the closing), whose
            # paragraph mark before it stays.
            before_paras = old if isinstance(old, tuple) else ()
            after_paras = new if isinstance(new, tuple) else ()
            yield from _settle_last(list(self.paragraphs(before_paras, after_paras)))

    def blocks(self) -> Iterator[Block]:
        """Every block of the new layout in its order. Between two-column tables (header,
        closing), the old layout's stretches of paragraphs and tables are paired with the new
        one's in order when both have the same shape (a stretch with a stretch, a table with a
        table); when the layout changed between prose and tables, see `reflowed`. The annexes
        after them are paired by title (`annexes`)."""
        old_all = [b for b in self.diff.old.document.blocks if not isinstance(b, Annex)]
        new_all = [b for b in self.diff.new.document.blocks if not isinstance(b, Annex)]
        old_blocks, new_blocks = (
            zones.addressed(old_all, new_all),
            zones.addressed(new_all, old_all),
        )
        old, new = zones.cut(old_blocks), zones.cut(new_blocks)
        if [zones.shape(z.columns) for z in old] != [zones.shape(z.columns) for z in new]:
            yield from self.aligned(old_blocks, new_blocks)
        else:  # (`layout` always makes a header and a closing)
            for before, after in zip(old, new, strict=True):
                yield from self.flow(before.flow, after.flow)
                if after.columns is not None:
                    yield from self.segment(before.columns, after.columns)
        yield from self.annexes(
            annexes.blocks(self.diff.old.document.blocks),
            annexes.blocks(self.diff.new.document.blocks),
        )

    def flow(
        self, before: Sequence[zones.Segment], after: Sequence[zones.Segment]
    ) -> Iterator[Block]:
        """Stretches of paragraphs and tables revised: paired in order when their shapes are
        the same, else `reflowed`."""
        if [zones.shape(s) for s in before] == [zones.shape(s) for s in after]:
            for a, b in zip(before, after, strict=True):
                yield from self.segment(a, b)
        else:
            yield from self.reflowed(before, after)

    def annexes(self, old: Sequence[Annex], new: Sequence[Annex]) -> Iterator[Annex]:
        """Annexes paired by title and staying in order revised one by one; the others
        deleted where they stood, or inserted, whole."""
        pairs = [(int(a[1]), int(b[1])) for a, b in self.diff.annexes.items()]
        i = j = 0
        for anchor_i, anchor_j in [*sorted(in_order(pairs)), (len(old), len(new))]:
            yield from (self.whole_annex(annex, "del") for annex in old[i:anchor_i])
            yield from (self.whole_annex(annex, "ins") for annex in new[j:anchor_j])
            if anchor_i < len(old):
                a, b = old[anchor_i], new[anchor_j]
                revised = self.flow(zones.segments(a.blocks), zones.segments(b.blocks))
                opening = _revised(a.opening, b.opening)
                yield Annex(b.landscape, opening, tuple(_in_annex(revised)))
            i, j = anchor_i + 1, anchor_j + 1

    def whole_annex(self, annex: Annex, mark: Mark) -> Annex:
        """An annex only one revision has, its paragraphs and rows all inserted or deleted."""
        segments = zones.segments(annex.blocks)
        made = (self.segment(s, None) if mark == "del" else self.segment(None, s) for s in segments)
        inner = (block for blocks in made for block in blocks)
        return Annex(annex.landscape, _whole(annex.opening, mark), tuple(_in_annex(inner)))

    def aligned(self, old_blocks: Sequence[Block], new_blocks: Sequence[Block]) -> Iterator[Block]:
        """Segments paired by their shapes in order; those without a partner deleted or
        inserted whole."""
        old, new = zones.segments(old_blocks), zones.segments(new_blocks)
        matcher = difflib.SequenceMatcher(
            None, [zones.shape(s) for s in old], [zones.shape(s) for s in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    yield from self.segment(a, b)
                continue
            for a in old[i1:i2]:
                yield from self.segment(a, None)
            for b in new[j1:j2]:
                yield from self.segment(None, b)

    def reflowed(
        self, old: Sequence[zones.Segment], new: Sequence[zones.Segment]
    ) -> Iterator[Block]:
        """Stretches of paragraphs and tables whose shapes differ: all paragraphs revised as one
        list, every old table deleted where it stood among the old paragraphs, every new one
        inserted where it stands among the new paragraphs."""
        old_paras, old_tables = zones.flatten(old)
        new_paras, new_tables = zones.flatten(new)
        out: list[Block | TrackedPara] = []

        def tables_before(tables: list[tuple[int, Table]], n: int, gone: bool) -> None:
            while tables and tables[0][0] <= n:
                table = tables.pop(0)[1]
                out.append(next(self.segment(table, None) if gone else self.segment(None, table)))

        end = (len(old_paras), len(new_paras))
        for i, j, para in [*self.traced(old_paras, new_paras), (*end, None)]:
            if i is not None:
                tables_before(old_tables, i, gone=True)
            if j is not None:
                tables_before(new_tables, j, gone=False)
            if para is not None:
                out.append(para)
        stretch: list[TrackedPara] = []
        for block in out:
            if isinstance(block, TrackedPara):
                stretch.append(block)
                continue
            yield from _settle_last(stretch)
            stretch = []
            yield block
        yield from _settle_last(stretch)


def _representative(row: Row) -> Para:
    """The paragraph a row is matched by: an item's content cell (keyed by the item), a group's
    heading, a note, the first column's title; an annex's row by all its cells."""
    whole = annexes.representative(row)
    if whole is not None:
        return whole
    paras = [para for cell in row.cells for para in cell]
    return next((p for p in paras if p.role == "table_cell"), paras[0])


def _in_annex(blocks: Iterable[Block]) -> Iterator[Para | Table]:
    """What an annex holds: paragraphs and tables."""
    for block in blocks:
        assert isinstance(block, Para | Table)
        yield block


def _whole_row(row: Row, mark: Mark, columns: int) -> TrackedRow:
    """A row inserted or deleted with all its text. A deleted row of a table whose columns
    changed is kept as one cell across the table, its cells' paragraphs in reading order."""
    cells, merges = row.cells, row.merges
    if len(cells) not in (1, columns):
        cells, merges = (tuple(para for cell in cells for para in cell),), ()
    marked = tuple(
        tuple(
            replace(_whole(para, mark), mark="") if n == len(cell) - 1 else _whole(para, mark)
            for n, para in enumerate(cell)
        )
        for cell in cells
    )
    return TrackedRow(row.kind, marked, merges, mark)


def redline(diff: Diff) -> Document:
    """The new program laid out with the old one's text recorded as tracked changes."""
    return Document(tuple(_Merge(diff).blocks()))

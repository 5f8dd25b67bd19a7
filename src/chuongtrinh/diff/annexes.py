"""Annexes across two revisions: matched by title, their table rows by content.

An annex's prose takes part in the body's matching of sections and items (diff/tree.py walks
it); this module pairs the annexes themselves and the rows of their tables, and says what
changed in them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from chuongtrinh.diff.match import Pair, pair_up
from chuongtrinh.diff.words import similarity
from chuongtrinh.layout.blocks import Annex, Block, Para, Row, Run, Table
from chuongtrinh.layout.numbering import roman
from chuongtrinh.model.program import Program

Key = tuple[str | int, ...]
Kind = Literal[
    "annex-added", "annex-removed", "annex-renamed", "row-added", "row-removed", "row-edited"
]
_THRESHOLD = 0.5


def label(index: int, count: int) -> str:
    """How a change names an annex: 'phụ lục', or 'phụ lục II' when there are several."""
    return "phụ lục" + (f" {roman(index + 1)}" if count > 1 else "")


def match(old: Program, new: Program) -> dict[Key, Key]:
    """Old annex key → new annex key ('phu_luc', n): equal titles first, then similar ones."""
    pairs = pair_up(
        old.annexes,
        new.annexes,
        lambda a: " ".join(a.title.upper().split()),
        lambda a, b: similarity(a.title.upper(), b.title.upper()),
        _THRESHOLD,
    )
    return {("phu_luc", i): ("phu_luc", j) for i, j in pairs}


def blocks(document_blocks: Sequence[Block]) -> list[Annex]:
    return [block for block in document_blocks if isinstance(block, Annex)]


def table_rows(annex: Annex) -> list[Row]:
    """The body rows of an annex's table (its header rows left out)."""
    tables = [block for block in annex.blocks if isinstance(block, Table)]
    return [row for table in tables for row in table.rows if row.kind != "header"]


def row_text(row: Row) -> str:
    """A row's cells in one line, ' | ' between them (a cell merged from above is empty)."""
    return " | ".join(" ".join(para.text for para in cell) for cell in row.cells)


def representative(row: Row) -> Para | None:
    """An annex row as one paragraph, for matching rows by their whole content; None for a row
    of another table (an items table matches its rows by the item)."""
    paras = [para for cell in row.cells for para in cell]
    if not paras or paras[0].key[:1] != ("phu_luc",):
        return None
    key = paras[0].key[:5]  # ('phu_luc', n, 'bang', 'dong' or 'cot', row or column)
    return Para("annex_row", (Run(row_text(row)),), key)


def pair_rows(old: Sequence[Row], new: Sequence[Row]) -> list[Pair]:
    return pair_up(
        old,
        new,
        lambda row: (row.kind, row_text(row)),
        lambda a, b: similarity(row_text(a), row_text(b)) if a.kind == b.kind else 0.0,
        _THRESHOLD,
    )


@dataclass(frozen=True)
class Found:
    """One change inside the annexes, before changes.py makes a `Change` of it."""

    kind: Kind
    at: str
    old: str | None
    new: str | None
    key: Key  # the new side's paragraph it shows at (the old side's when removed)
    removed: bool = False
    label: str | None = None


def _number(row: Row) -> str | None:
    """The row's number when its first cell holds one ('3'), for 'dòng 3'."""
    first = " ".join(para.text for para in row.cells[0]) if row.cells else ""
    return first if first and len(first) <= 5 else None


def changes(
    old: Program, new: Program, old_blocks: Sequence[Annex], new_blocks: Sequence[Annex],
    annexes: dict[Key, Key],
) -> list[Found]:  # fmt: skip
    """What was added, removed, renamed and edited in the annexes."""
    found: list[Found] = []
    paired_new = set(annexes.values())
    for j, annex in enumerate(new.annexes):
        if ("phu_luc", j) not in paired_new:
            at = label(j, len(new.annexes))
            found.append(Found("annex-added", at, None, annex.title, ("phu_luc", j, "tieu_de")))
    for i, annex in enumerate(old.annexes):
        if ("phu_luc", i) not in annexes:
            at = label(i, len(old.annexes))
            key = ("phu_luc", i, "tieu_de")
            found.append(Found("annex-removed", at, annex.title, None, key, removed=True))
    for old_key, new_key in annexes.items():
        i, j = int(old_key[1]), int(new_key[1])
        a, b = old.annexes[i], new.annexes[j]
        at = label(j, len(new.annexes))
        if a.title != b.title:
            found.append(Found("annex-renamed", at, a.title, b.title, ("phu_luc", j, "tieu_de")))
        found += _row_changes(table_rows(old_blocks[i]), table_rows(new_blocks[j]), at)
    return found


def _row_changes(old: Sequence[Row], new: Sequence[Row], at: str) -> list[Found]:
    found: list[Found] = []
    pairs = pair_rows(old, new)
    for j in sorted(set(range(len(new))) - {j for _, j in pairs}):
        row = new[j]
        found.append(
            Found("row-added", at, None, row_text(row), _row_key(row), False, _number(row))
        )
    for i in sorted(set(range(len(old))) - {i for i, _ in pairs}):
        row = old[i]
        found.append(
            Found("row-removed", at, row_text(row), None, _row_key(row), True, _number(row))
        )
    for i, j in pairs:
        before, after = row_text(old[i]), row_text(new[j])
        if before != after:
            row = new[j]
            found.append(Found("row-edited", at, before, after, _row_key(row), False, _number(row)))
    return found


def _row_key(row: Row) -> Key:
    """The key of the first paragraph of the row: where it shows."""
    return next((para.key for cell in row.cells for para in cell), ())

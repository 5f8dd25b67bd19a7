"""A table's rows as python-docx lists them (`row.cells`: one cell per grid column, a merged
cell repeated), worked out in one pass over the rows.

python-docx finds the cell a vertical merge continues by walking up row by row, recursively
and from the start of each row above: a cell merged down 5,000 rows is a RecursionError and
quadratic work. Here each row remembers, for each grid column, the cell that owns it, so the
row below looks it up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table, _Cell

_CONTINUE = "continue"


def cell_rows(table: Table) -> Iterator[list[_Cell]]:
    """Each row's cells, one per grid column it covers, as python-docx's `row.cells` gives
    them; a merge with no cell above to continue starts its own cell."""
    above: dict[int, Any] = {}  # grid offset → the w:tc that owns the cell starting there
    made: dict[int, _Cell] = {}  # id(w:tc) → its _Cell, one object per w:tc
    for tr in table._tbl.tr_lst:
        offset = tr.grid_before
        here: dict[int, Any] = {}
        row: list[_Cell] = []
        for tc in tr.tc_lst:
            owner = above.get(offset, tc) if tc.vMerge == _CONTINUE else tc
            here[offset] = owner
            if id(owner) not in made:
                made[id(owner)] = _Cell(owner, table)
            row += [made[id(owner)]] * owner.grid_span
            offset += tc.grid_span
        above = here
        yield row


def distinct(row: list[_Cell]) -> Iterator[tuple[_Cell, int]]:
    """The cells of a row once each, with the number of grid columns each covers."""
    counts: dict[int, int] = {}
    order: list[_Cell] = []
    for cell in row:
        if id(cell._tc) not in counts:
            order.append(cell)
        counts[id(cell._tc)] = counts.get(id(cell._tc), 0) + 1
    for cell in order:
        yield cell, counts[id(cell._tc)]


def grid_columns(tbl: Any) -> int:
    """The number of columns in a w:tbl's grid."""
    grid = tbl.find(qn("w:tblGrid"))
    return 0 if grid is None else len(grid.findall(qn("w:gridCol")))

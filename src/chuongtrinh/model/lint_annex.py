"""The shape of annex tables, which pydantic cannot check: rows that fill the columns left free
by the cells merged down above them, merges that stay inside their group, widths where they act."""

from __future__ import annotations

from chuongtrinh.errors import Diagnostic
from chuongtrinh.model.annex import AnnexTable, GroupRow, placed_rows
from chuongtrinh.model.program import Program
from chuongtrinh.source.located import Located, Path_

_FILL_HINT = (
    "mỗi dòng ghi một ô cho mỗi cột con, bỏ các cột có ô gộp từ dòng trên (gop_doc);"
    ' ô trống ghi ""; trong [ … ], ô có dấu phẩy phải đặt trong ngoặc kép'
)


def check(program: Program, located: Located) -> list[Diagnostic]:
    """Errors in the annexes' tables, each at the row or key that causes it."""
    found: list[Diagnostic] = []
    for i, annex in enumerate(program.annexes):
        if annex.table is not None:
            found += _table(annex.table, ("phu_luc", i, "bang"), located)
    return found


def _table(table: AnnexTable, base: Path_, located: Located) -> list[Diagnostic]:
    found = [
        located.diagnostic(
            (*base, "cot", n, "rong"),
            "annex-group-width",
            f"cột nhóm '{column.title}' không có độ rộng riêng",
            "ghi rong cho từng cột con của nó",
        )
        for n, column in enumerate(table.columns)
        if column.columns and column.width is not None
    ]
    for placed in placed_rows(table):
        row = (*base, "dong", placed.index)
        if placed.problem:
            found.append(located.diagnostic(row, "annex-row-cells", placed.problem, _FILL_HINT))
        for k, (_, cell) in enumerate(placed.cells):
            under = table.rows[placed.index + 1 : placed.index + cell.rows]
            if len(under) < cell.rows - 1 or any(isinstance(r, GroupRow) for r in under):
                found.append(
                    located.diagnostic(
                        (*row, k, "gop_doc"),
                        "annex-merge",
                        f"ô gộp {cell.rows} dòng vượt quá cuối bảng hoặc qua một dòng nhóm",
                        "ô chỉ gộp các dòng liền dưới, trong cùng một nhóm",
                    )
                )
    return found

"""An annex (`phu_luc[]`) and its table (`bang`): columns that may group sub-columns (a header of
two rows), rows of cells that may merge down, group rows across the table. program.py's
`Program` holds the annexes; this module needs nothing from program.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from chuongtrinh.model.body import Section, SectionEntry
from chuongtrinh.model.fields import Lines, Text
from chuongtrinh.model.fields import Model as _Model

Orientation = Literal["ngang", "doc"]
# An annex without `huong` turns landscape at this many leaf columns.
WIDE_COLUMNS = 6


def _cell_text(value: Any) -> Any:
    """A cell holds text: a number typed in it is text, an empty cell (`~`) is ''."""
    if value is None:
        return ""
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


CellText = Annotated[
    str, BeforeValidator(_cell_text, json_schema_input_type=str | int | float | None)
]


class SubColumn(_Model):
    """A column under a group column: the second row of the table's header."""

    title: Text = Field(alias="tieu_de", examples=["Chủ trì"], description="Tên cột")
    width: float | None = Field(
        None,
        alias="rong",
        gt=0,
        examples=[30],
        description="Độ rộng tương đối (các cột được co giãn cho vừa khổ); bỏ trống: theo nội dung",
    )


def _column(value: Any) -> Any:
    """A column written as its title alone: `- STT`."""
    return {"tieu_de": value} if isinstance(value, (str, int, float)) else value


_SubColumnInput = Annotated[
    SubColumn, BeforeValidator(_column, json_schema_input_type=Text | SubColumn)
]


class Column(_Model):
    """One column of an annex's table; with `cot` it is a group over sub-columns (a header of
    two rows: the group's title spans its sub-columns)."""

    title: Text = Field(
        alias="tieu_de", examples=["Nhiệm vụ", "Cơ quan thực hiện"], description="Tên cột"
    )
    width: float | None = Field(
        None,
        alias="rong",
        gt=0,
        examples=[60],
        description="Độ rộng tương đối (các cột được co giãn cho vừa khổ); bỏ trống: theo nội dung",
    )
    columns: list[_SubColumnInput] = Field(
        [],
        alias="cot",
        examples=[["Chủ trì", "Phối hợp"]],
        description="Các cột con: tên cột này in trên, trải qua các cột con (đầu bảng hai dòng)",
    )

    def leaves(self) -> list[SubColumn | Column]:
        """The columns that hold cells: the sub-columns, or the column itself."""
        return list(self.columns) or [self]


class Cell(_Model):
    """A cell written as a mapping: its text, and how many rows it covers downwards."""

    text: CellText = Field(
        alias="noi_dung", examples=["Xây dựng bài kiểm tra, đáp án"], description="Nội dung ô"
    )
    rows: int = Field(
        1,
        alias="gop_doc",
        ge=1,
        examples=[2],
        description="Số dòng ô này chiếm (gộp ô xuống dưới); các dòng dưới bỏ ô ở cột này",
    )


def _cell(value: Any) -> Any:
    return value if isinstance(value, dict) else {"noi_dung": value}


CellInput = Annotated[Cell, BeforeValidator(_cell, json_schema_input_type=CellText | Cell)]


class GroupRow(_Model):
    """A row across the whole table naming the rows under it ('I. NHIỆM VỤ CHUNG')."""

    title: Text = Field(
        alias="nhom", examples=["I. NHIỆM VỤ CHUNG"], description="Dòng nhóm, in đậm, trải cả bảng"
    )


class AnnexTable(_Model):
    """The table of an annex: its columns (the header) and its rows."""

    columns: list[
        Annotated[Column, BeforeValidator(_column, json_schema_input_type=Text | Column)]
    ] = Field(
        alias="cot",
        min_length=1,
        examples=[
            [
                "STT",
                {"tieu_de": "Nhiệm vụ", "rong": 60},
                {"tieu_de": "Cơ quan thực hiện", "cot": ["Chủ trì", "Phối hợp"]},
                "Thời gian hoàn thành",
            ]
        ],
        description="Các cột (đầu bảng); cột có 'cot' là cột nhóm trải qua các cột con",
    )
    rows: list[GroupRow | list[CellInput]] = Field(
        [],
        alias="dong",
        examples=[
            [
                {"nhom": "I. NHIỆM VỤ CHUNG"},
                [1, "Rà soát các văn bản", "Sở Nội vụ", "Các sở", "Quý I"],
                [2, {"noi_dung": "Xây dựng kế hoạch", "gop_doc": 2}, "Sở Tư pháp", "", "Quý II"],
                [3, "Sở Tài chính", "", "Quý III"],
            ]
        ],
        description=(
            "Các dòng: một danh sách ô (đủ số cột con, trừ cột đã gộp từ dòng trên),"
            " hoặc {nhom: …} cho dòng nhóm"
        ),
    )

    def leaves(self) -> list[SubColumn | Column]:
        return [leaf for column in self.columns for leaf in column.leaves()]

    @property
    def grouped(self) -> bool:
        """Whether the header has a second row."""
        return any(column.columns for column in self.columns)


class Annex(_Model):
    """One annex (phụ lục), printed after the signature on pages of its own."""

    title: Text = Field(
        alias="tieu_de",
        examples=["PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC"],
        description="Tên phụ lục (in đậm, chữ hoa, giữa trang)",
    )
    attached: bool | Text = Field(
        True,
        alias="kem_theo",
        examples=[True, "Kèm theo Kế hoạch số 15/KH-UBND ngày 05/02/2026 của UBND tỉnh"],
        description=(
            "true: dòng '(Kèm theo Kế hoạch số …/KH-… ngày … của …)' lập từ loại, số, ngày và"
            " cơ quan ban hành của văn bản (để trống khi chưa có số, ngày); hoặc ghi cả dòng;"
            " false: không in"
        ),
    )
    issuer: Text | None = Field(
        None,
        alias="cua",
        examples=["Sở Công Thương", "Ủy ban nhân dân tỉnh"],
        description="Cơ quan sau chữ 'của' trong dòng kèm theo; bỏ trống: lấy từ tên cơ quan",
    )
    orientation: Orientation | None = Field(
        None,
        alias="huong",
        examples=["ngang"],
        description=f"ngang | doc; bỏ trống: ngang khi bảng có từ {WIDE_COLUMNS} cột trở lên",
    )
    sections: list[SectionEntry] = Field(
        [],
        alias="noi_dung",
        examples=[[{"tieu_de": "Yêu cầu", "doan": ["…"]}]],
        description="Phần lời (như noi_dung của văn bản), in trước bảng",
    )
    table: AnnexTable | None = Field(
        None,
        alias="bang",
        examples=[{"cot": ["STT", "Nhiệm vụ", "Thời gian"], "dong": [[1, "…", "Quý I"]]}],
        description="Bảng của phụ lục: các cột (cot) và các dòng (dong)",
    )
    notes: Lines = Field(
        [],
        alias="ghi_chu",
        examples=[["Ghi chú: Các cơ quan báo cáo kết quả trước ngày 25 hằng tháng."]],
        description="Các đoạn ghi chú sau bảng",
    )

    @property
    def landscape(self) -> bool:
        if self.orientation is not None:
            return self.orientation == "ngang"
        return self.table is not None and len(self.table.leaves()) >= WIDE_COLUMNS


# `SectionEntry` names the body's `Section` by string; it is resolved here, in body's terms.
Annex.model_rebuild(_types_namespace={"Section": Section})


@dataclass(frozen=True)
class PlacedRow:
    """A row with the leaf column each of its cells stands in, and the columns a cell above
    still covers (merged down into this row); a group row has its `group` title instead."""

    index: int
    cells: tuple[tuple[int, Cell], ...] = ()
    covered: frozenset[int] = frozenset()
    problem: str = ""
    group: str | None = None


def placed_rows(table: AnnexTable) -> Iterator[PlacedRow]:
    """The rows of `table` with their cells placed: a cell goes in the next column that no
    cell above covers (`gop_doc`), as in HTML's rowspan. A row whose count of cells does not
    fill the free columns says so in `problem` (its cells are placed as far as they go)."""
    width = len(table.leaves())
    below = [0] * width  # how many more rows each column is covered for
    for r, row in enumerate(table.rows):
        if isinstance(row, GroupRow):
            yield PlacedRow(r, group=row.title)
            below = [0] * width  # a group row ends every merge (lint says so)
            continue
        covered = frozenset(c for c in range(width) if below[c])
        free = [c for c in range(width) if c not in covered]
        below = [max(0, n - 1) for n in below]
        problem = ""
        if len(row) != len(free):
            problem = f"dòng có {len(row)} ô, cần {len(free)}"
            if covered:
                problem += f" ({len(covered)} cột đã gộp từ dòng trên)"
        cells = tuple(zip(free, row, strict=False))
        for column, cell in cells:
            below[column] = cell.rows - 1
        yield PlacedRow(r, cells, covered, problem)

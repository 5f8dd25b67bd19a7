"""`trinh_bay: bang` read back: columns, repeated header, merged bold group rows, rows kept whole,
the table as wide as the text; and the same items whichever layout is chosen."""

from __future__ import annotations

from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from chuongtrinh.layout.blocks import Table as TableBlock
from helpers.examples import CHI_BO, YEARLY_TABLE, Built
from helpers.programs import BASE, lay_out
from helpers.wordprops import all_runs, size_pt


def content_table(document: Document) -> Table:
    return document.tables[1]  # header, content, closing


def grid_widths_mm(table: Table) -> list[float]:
    grid = table._tbl.tblGrid
    return [int(col.get(qn("w:w"))) * 25.4 / 1440 for col in grid.findall(qn("w:gridCol"))]


def row_texts(table: Table) -> list[list[str]]:
    out = []
    for row in table.rows:
        cells = row._tr.findall(qn("w:tc"))
        out.append(["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in cells])
    return out


@pytest.fixture(scope="module")
def chi_bo(built: dict[str, Built]) -> Document:
    return built[CHI_BO].open()


@pytest.fixture(scope="module")
def yearly(built: dict[str, Built]) -> Document:
    return built[YEARLY_TABLE].open()


def test_chi_bo_has_four_renamed_columns(chi_bo: Document) -> None:
    table = content_table(chi_bo)
    assert row_texts(table)[0] == ["STT", "Nội dung", "Người thực hiện", "Ghi chú"]
    header = table.rows[0].cells[0].paragraphs[0]
    assert all_runs(header, "bold")


def test_yearly_has_the_five_default_columns(yearly: Document) -> None:
    assert row_texts(content_table(yearly))[0] == [
        "STT",
        "Nội dung",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian",
    ]


@pytest.mark.parametrize("name", [CHI_BO, YEARLY_TABLE])
def test_header_repeats_and_rows_do_not_split(built: dict[str, Built], name: str) -> None:
    table = content_table(built[name].open())
    rows = [row._tr for row in table.rows]
    headers = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
    assert headers == [True] + [False] * (len(rows) - 1)
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)


@pytest.mark.parametrize("name", [CHI_BO, YEARLY_TABLE])
def test_table_fits_the_text_width_with_borders(built: dict[str, Built], name: str) -> None:
    table = content_table(built[name].open())
    assert sum(grid_widths_mm(table)) == pytest.approx(210 - 30 - 15, abs=0.5)
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.get(qn("w:val")) for child in borders} == {"single"}


def test_sections_become_bold_merged_group_rows(chi_bo: Document) -> None:
    table = content_table(chi_bo)
    groups = [row for row in table.rows if len(row._tr.findall(qn("w:tc"))) == 1]
    assert [row.cells[0].text for row in groups] == [
        "1. Công tác chính trị, tư tưởng",
        "2. Công tác xây dựng Đảng",
        "3. Lãnh đạo thực hiện nhiệm vụ ở khu phố",
    ]
    for row in groups:
        span = row._tr.find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:gridSpan')}")
        assert span is not None and span.get(qn("w:val")) == "4"
        assert all_runs(row.cells[0].paragraphs[0], "bold")


def test_item_rows_number_and_fill_their_columns(chi_bo: Document) -> None:
    rows = row_texts(content_table(chi_bo))
    assert rows[2][0] == "1" and rows[3][0] == "2"
    assert rows[2][2] == "Đ/c Bí thư Chi bộ" and rows[2][3] == "Sinh hoạt ngày 05/3"
    cell = content_table(chi_bo).rows[2].cells[1].paragraphs[0]
    assert 12 <= size_pt(cell) <= 14


def test_yearly_keeps_prose_parts_around_the_table(yearly: Document) -> None:
    texts = [p.text for p in yearly.paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "III. TỔ CHỨC THỰC HIỆN" in texts
    groups = [r[0] for r in row_texts(content_table(yearly)) if len(r) == 1]
    assert groups == ["1. Quý I", "2. Quý II", "3. Quý III", "4. Quý IV"]


ITEMS: list[Any] = [
    {"noi_dung": "Họp chi bộ", "chu_tri": "Bí thư", "thoi_gian": "ngày 05"},
    {"noi_dung": "Thu đảng phí", "ghi_chu": "quý I"},
]


def test_switching_trinh_bay_keeps_every_item() -> None:
    body = [{"tieu_de": "Công tác Đảng", "dan_nhap": "Chi bộ:", "muc": ITEMS}]
    prose = lay_out(noi_dung=body)
    table = lay_out(noi_dung=body, trinh_bay="bang")
    assert not any(isinstance(b, TableBlock) for b in prose.blocks)
    tables = [b for b in table.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    cells = [p.text for p in tables[0].paragraphs()]
    assert "1. Công tác Đảng" in cells and "Chi bộ:" in cells
    assert {"Họp chi bộ", "Bí thư", "ngày 05", "Thu đảng phí (quý I)"} <= set(cells)
    outside = [p.text for p in table.paragraphs() if p.role.startswith(("heading", "item"))]
    assert outside == []
    same = [b for b in table.blocks if not isinstance(b, TableBlock)]
    assert same[0] == prose.blocks[0]  # the header is the same


def test_columns_can_be_chosen_renamed_and_sized() -> None:
    document = lay_out(
        trinh_bay="bang",
        cot_bang=["stt", "noi_dung", {"truong": "chu_tri", "tieu_de": "Người làm", "rong": 40}],
        noi_dung=[{"tieu_de": "A", "muc": ITEMS}],
    )
    table = next(b for b in document.blocks if isinstance(b, TableBlock))
    assert [p.text for p in table.rows[0].cells[0] + table.rows[0].cells[1]] == ["STT", "Nội dung"]
    assert table.rows[0].cells[2][0].text == "Người làm"
    assert sum(table.widths_mm) == pytest.approx(165, abs=0.5)


def test_fields_without_a_column_stay_in_the_content_cell() -> None:
    document = lay_out(
        trinh_bay="bang", cot_bang=["stt", "noi_dung"], noi_dung=[{"tieu_de": "A", "muc": ITEMS}]
    )
    table = next(b for b in document.blocks if isinstance(b, TableBlock))
    contents = [row.cells[1][0].text for row in table.rows if row.kind == "item"]
    assert contents == [
        "Họp chi bộ (ngày 05) (Cơ quan chủ trì: Bí thư)",
        "Thu đảng phí (quý I)",
    ]


def test_an_unknown_column_is_a_located_error() -> None:
    import yaml

    from chuongtrinh import api
    from chuongtrinh.errors import ChuongtrinhError

    data = {**BASE, "trinh_bay": "bang", "cot_bang": ["stt", "nguoi_lam"]}
    with pytest.raises(ChuongtrinhError) as caught:
        api.compile_text(yaml.safe_dump(data, allow_unicode=True), "t.yaml")
    assert any("cot_bang" in d.message or "nguoi_lam" in d.message for d in caught.value.errors)

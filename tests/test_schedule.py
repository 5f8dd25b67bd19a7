"""A weekly schedule (lịch công tác tuần): the place, the participants and who prepares, as
columns of the items' table or after an item's text — built, imported (real file 01), diffed."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import yaml

from chuongtrinh import api
from chuongtrinh.diff.describe import summary
from chuongtrinh.importer.recognise import import_document
from chuongtrinh.layout.blocks import Para, Table
from helpers.programs import BASE, lay_out
from helpers.real import REAL

SLOT = {
    "thoi_gian": "Thứ Hai, 08/6 Sáng",
    "noi_dung": "Giao ban Thường trực Đảng ủy",
    "chu_tri": "Đồng chí Bí thư",
    "dia_diem": "Phòng họp Đảng ủy",
    "thanh_phan": "Thường trực Đảng ủy, Chánh Văn phòng",
    "chuan_bi": "Văn phòng Đảng ủy",
}
COLUMNS = ["thoi_gian", "noi_dung", "chu_tri", "dia_diem", "thanh_phan", "chuan_bi"]


def schedule(**changes: object) -> dict[str, object]:
    return {
        **BASE,
        "trinh_bay": "bang",
        "cot_bang": COLUMNS,
        "noi_dung": [{"muc": [SLOT]}],
        **changes,
    }


def table_of(data: dict[str, object]) -> Table:
    document = lay_out(**{k: v for k, v in data.items() if k not in BASE})
    return next(b for b in document.blocks if isinstance(b, Table))


def cells(row: object) -> list[str]:
    return [" ".join(p.text for p in cell) for cell in row.cells]  # type: ignore[attr-defined]


def test_schedule_columns_have_their_titles_and_each_value_its_cell() -> None:
    table = table_of(schedule())
    assert cells(table.rows[0]) == [
        "Thời gian", "Nội dung", "Cơ quan chủ trì", "Địa điểm", "Thành phần", "Cơ quan chuẩn bị",
    ]  # fmt: skip
    assert cells(table.rows[1]) == [SLOT[c] for c in COLUMNS]


def test_a_field_without_its_column_follows_the_text_under_its_title() -> None:
    table = table_of(schedule(cot_bang=["thoi_gian", "noi_dung", "chu_tri"]))
    content = cells(table.rows[1])[1]
    assert content == (
        "Giao ban Thường trực Đảng ủy (Địa điểm: Phòng họp Đảng ủy)"
        " (Thành phần: Thường trực Đảng ủy, Chánh Văn phòng) (Cơ quan chuẩn bị: Văn phòng Đảng ủy)"
    )


def test_in_prose_the_place_follows_the_item_under_its_title() -> None:
    item = {"noi_dung": "Hội nghị sơ kết quý I", "dia_diem": "Hội trường"}
    document = lay_out(noi_dung=[{"tieu_de": "Công tác Đảng", "muc": [item]}])
    lines = [p.text for p in document.paragraphs() if isinstance(p, Para) and p.role == "item"]
    assert lines == ["- Hội nghị sơ kết quý I (Địa điểm: Hội trường)"]


def test_import_reads_a_schedule_whose_first_title_spans_two_columns() -> None:
    """Real file 01: 'Thứ, ngày' spans the day and the half-day; the note after the table is
    the closing, printed without './.' as the office typed it."""
    data = import_document(REAL / "01-trabong-dang-uy-lich-cong-tac-tuan.docx").data
    [slot] = data["noi_dung"][0]["muc"]
    assert slot == {
        "noi_dung": "{noi_dung}",
        "thoi_gian": "{#items}{ngay_hien_thi} {buoi}",
        "chu_tri": "{chu_tri}",
        "dia_diem": "{dia_diem}",
        "chuan_bi": "{chuan_bi}",
        "thanh_phan": "{thanh_phan}{/items}",
    }
    assert data["ket_luan"].startswith("* Ghi chú: Ngoài thời gian đã bố trí")
    assert "dau_ket" in data["khong_in"]


def test_what_build_writes_import_reads_back(tmp_path: Path) -> None:
    data = schedule(ket_luan="Đề nghị các đồng chí dự đúng thành phần, thời gian.")
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "lich.yaml")
    back = import_document(io.BytesIO(api.render(compiled))).data
    [slot] = back["noi_dung"][0]["muc"]
    assert {k: slot[k] for k in COLUMNS} == SLOT
    assert back["ket_luan"] == "Đề nghị các đồng chí dự đúng thành phần, thời gian."


def test_diff_names_a_changed_place(tmp_path: Path) -> None:
    old, new = tmp_path / "cu.yaml", tmp_path / "moi.yaml"
    old.write_text(yaml.safe_dump(schedule(), allow_unicode=True), encoding="utf-8")
    moved = {**SLOT, "dia_diem": "Hội trường Ủy ban nhân dân xã"}
    new.write_text(
        yaml.safe_dump(schedule(noi_dung=[{"muc": [moved]}]), allow_unicode=True),
        encoding="utf-8",
    )
    said = summary(api.diff(str(old), str(new)).changes)
    assert any("địa điểm" in line and "Hội trường Ủy ban nhân dân xã" in line for line in said)


def test_the_items_table_and_the_closing_stay_two_tables() -> None:
    """With no ket_luan between them, the items' table and the closing would be one table to
    Word and LibreOffice: an empty 1 pt paragraph parts them."""
    data = {k: v for k, v in schedule().items() if k != "ket_luan"}
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "lich.yaml")
    body = docx.Document(io.BytesIO(api.render(compiled))).element.body
    tables = body.findall("{*}tbl")
    items = next(t for t in tables if "Giao ban Thường trực Đảng ủy" in "".join(t.itertext()))
    gap = items.getnext()
    assert gap.tag.endswith("}p") and "".join(gap.itertext()) == ""
    assert gap.getnext().tag.endswith("}tbl")
    assert "Nơi nhận" in "".join(gap.getnext().itertext())

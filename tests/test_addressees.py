"""'Kính gửi:' (kinh_gui): where a letter or an invitation goes, under the summary — written by
`build` as the rule set punctuates lists, read back by `import` from real invitations."""

from __future__ import annotations

import io

import docx
import pytest
import yaml

from chuongtrinh import api
from chuongtrinh.importer.recognise import import_document
from chuongtrinh.layout.blocks import Columns, Para
from helpers.programs import BASE, lay_out
from helpers.real import REAL

STATE = {
    "he_thong": "nha-nuoc",
    "loai": "GM",
    "ten_loai": "GIẤY MỜI",
    "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], "viet_tat": "UBND"},
    "ky": {"tham_quyen": "TL. CHỦ TỊCH", "chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Lê Văn B"},
    "noi_nhan": ["Như kính gửi", "Lưu: VT"],
}


def addressee_block(**changes: object) -> Columns:
    blocks = lay_out(**changes).blocks
    return next(b for b in blocks if isinstance(b, Columns) and b.role == "addressees")


@pytest.mark.parametrize(
    ("system", "ends"),
    [("nha-nuoc", (";", ";", ".")), ("dang-2018", (",", ",", ".")), ("dang-2026", (";", ";", "."))],
)
def test_several_addressees_are_dashed_lines_ended_by_the_rule_set(
    system: str, ends: tuple[str, ...]
) -> None:
    extra = {**STATE, "he_thong": system} if system == "nha-nuoc" else {"he_thong": system}
    if system == "dang-2026":
        extra["ngay"] = "2026-06-01"
    typed = ["Sở Công Thương;", "- Sở Tài chính", "Ủy ban nhân dân các xã, phường."]
    block = addressee_block(**extra, kinh_gui=typed)
    assert [p.text for p in block.left] == ["Kính gửi:"]
    assert [p.text for p in block.right] == [
        f"- Sở Công Thương{ends[0]}",
        f"- Sở Tài chính{ends[1]}",
        f"- Ủy ban nhân dân các xã, phường{ends[2]}",
    ]


def test_one_addressee_stands_on_the_label_line_without_a_dash() -> None:
    block = addressee_block(**STATE, kinh_gui="Sở Nội vụ")
    assert [p.text for p in block.right] == ["Sở Nội vụ."]


def test_the_block_comes_under_the_summary_and_before_the_body() -> None:
    blocks = lay_out(**STATE, kinh_gui=["Sở Nội vụ"], mo_dau="Ủy ban nhân dân tỉnh mời họp.")
    roles = [b.role for b in blocks.blocks if isinstance(b, Columns | Para)]
    assert roles.index("summary") < roles.index("addressees") < roles.index("body")


def test_no_kinh_gui_no_block() -> None:
    assert not any(
        isinstance(b, Columns) and b.role == "addressees" for b in lay_out(**BASE).blocks
    )


def test_in_word_the_block_is_its_own_table_even_before_an_items_table() -> None:
    """Two tables with nothing between them are one to Word: an agenda's table right after
    'Kính gửi:' must stay a table of its own, with the addressees' cells borderless."""
    data = {
        **BASE,
        **STATE,
        "trinh_bay": "bang",
        "kinh_gui": ["Sở Công Thương", "Sở Tài chính"],
        "noi_dung": [{"muc": [{"noi_dung": "Khai mạc", "thoi_gian": "14h00"}]}],
    }
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "gm.yaml")
    document = docx.Document(io.BytesIO(api.render(compiled)))
    texts = [[c.text for c in t.rows[0].cells] for t in document.tables]
    addressed = next(i for i, cells in enumerate(texts) if cells[0] == "Kính gửi:")
    assert texts[addressed][1] == "- Sở Công Thương;\n- Sở Tài chính."
    assert "Nội dung" in texts[addressed + 1]  # the items' header row: a table of its own
    body = document.element.body
    tables = body.findall("{*}tbl")
    between = tables[addressed].getnext()
    assert between.tag.endswith("}p") and between.getnext() is tables[addressed + 1]


def test_import_reads_an_invitations_addressee_table() -> None:
    """Real file 13 (a UBND invitation) types 'Kính gửi:' and four addressees in a table."""
    imported = import_document(REAL / "13-laocai-ubnd-giay-moi-hop-ccn.docx")
    assert imported.data["kinh_gui"] == [
        "Đồng chí Nguyễn Tuấn Anh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
        "Đồng chí Ngô Hạnh Phúc, Phó Chủ tịch Thường trực UBND tỉnh",
        "Các Sở: Công Thương, Tài chính, Xây dựng, Nông nghiệp và Môi trường",
        "Ủy ban nhân dân các xã, phường có cụm công nghiệp trên địa bàn",
    ]
    assert not any("Kính gửi" in left.text for left in imported.unplaced)


def test_what_build_writes_import_reads_back() -> None:
    data = {**BASE, **STATE, "kinh_gui": ["Sở Công Thương", "Sở Tài chính"]}
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "gm.yaml")
    imported = import_document(io.BytesIO(api.render(compiled)))
    assert imported.data["kinh_gui"] == ["Sở Công Thương", "Sở Tài chính"]

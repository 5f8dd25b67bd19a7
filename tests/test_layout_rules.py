"""Generated structure: numbering, lead-agency lines, emphasis, dates, drafts, punctuation."""

from __future__ import annotations

import pytest

from chuongtrinh.layout.blocks import Columns, Document, Run
from chuongtrinh.layout.inline import runs
from helpers.programs import lay_out


def texts(document: Document, role: str | None = None) -> list[str]:
    return [p.text for p in document.paragraphs() if role is None or p.role == role]


def header(document: Document) -> Columns:
    block = document.blocks[0]
    assert isinstance(block, Columns)
    return block


def test_flat_body_numbers_sections_1_and_items_dash() -> None:
    document = lay_out(
        noi_dung=[{"tieu_de": "A.", "muc": ["x", "y"]}, {"tieu_de": "B.", "muc": ["z"]}]
    )
    assert texts(document, "heading_1") == ["1. A.", "2. B."]
    assert texts(document, "item") == ["- x", "- y", "- z"]


def test_nested_body_numbers_roman_then_arabic() -> None:
    body = [
        {"tieu_de": "MỤC ĐÍCH", "doan": ["p"]},
        {
            "tieu_de": "NỘI DUNG",
            "noi_dung": [{"tieu_de": "Quý I", "muc": ["a"]}, {"tieu_de": "Quý II", "muc": ["b"]}],
        },
        {"tieu_de": "TỔ CHỨC THỰC HIỆN", "kieu_muc": "1.", "muc": ["c", "d"]},
    ]
    document = lay_out(noi_dung=body)
    assert texts(document, "heading_1") == ["I. MỤC ĐÍCH", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    assert texts(document, "heading_2") == ["1. Quý I", "2. Quý II"]
    assert texts(document, "item") == ["- a", "- b", "1. c", "2. d"]


@pytest.mark.parametrize(
    ("style", "labels"), [("(1)", ["(1)", "(2)"]), ("a)", ["a)", "b)"]), ("+", ["+", "+"])]
)
def test_item_styles_inherit_from_the_document(style: str, labels: list[str]) -> None:
    document = lay_out(kieu_muc=style, noi_dung=[{"tieu_de": "A", "muc": ["x", "y"]}])
    assert [t.split(" ")[0] for t in texts(document, "item")] == labels


def test_item_numbers_restart_in_each_section() -> None:
    body = [{"tieu_de": "A", "muc": ["x", "y"]}, {"tieu_de": "B", "muc": ["z"]}]
    assert texts(lay_out(kieu_muc="(1)", noi_dung=body), "item") == ["(1) x", "(2) y", "(1) z"]


def test_lead_agency_lines_group_consecutive_items() -> None:
    items = [
        {"noi_dung": "a", "chu_tri": "Văn phòng"},
        {"noi_dung": "b", "chu_tri": "Văn phòng"},
        {"noi_dung": "c", "chu_tri": "Ban Tổ chức"},
        {"noi_dung": "d"},
        {"noi_dung": "e", "chu_tri": "Văn phòng"},
        {"noi_dung": "f", "chu_tri": "Ban Tuyên giáo", "phoi_hop": "Văn phòng"},
    ]
    document = lay_out(kieu_muc="(1)", noi_dung=[{"tieu_de": "A", "muc": items}])
    assert texts(document)[texts(document).index("1. A") + 1 :][:10] == [
        "(1) a",
        "(2) b",
        "Cơ quan chủ trì tham mưu: Văn phòng mục (1) và (2).",
        "(3) c",
        "Cơ quan chủ trì tham mưu: Ban Tổ chức.",
        "(4) d",
        "(5) e",
        "Cơ quan chủ trì tham mưu: Văn phòng.",
        "(6) f",
        "Cơ quan chủ trì tham mưu: Ban Tuyên giáo; cơ quan phối hợp: Văn phòng.",
    ]


def test_lead_agency_line_without_numbers_for_dash_items() -> None:
    items = [{"noi_dung": "a", "chu_tri": "Văn phòng"}, {"noi_dung": "b", "chu_tri": "Văn phòng"}]
    document = lay_out(noi_dung=[{"tieu_de": "A", "muc": items}])
    assert texts(document, "lead_agency") == ["Cơ quan chủ trì tham mưu: Văn phòng."]


def test_inline_emphasis() -> None:
    assert runs("a **b** c *d* e") == (
        Run("a "),
        Run("b", bold=True),
        Run(" c "),
        Run("d", italic=True),
        Run(" e"),
    )
    assert runs("2 * 3 = 6") == (Run("2 * 3 = 6"),)
    assert runs("**x**", italic=True) == (Run("x", bold=True, italic=True),)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2023-03-05", "Đồng Tháp, ngày 05 tháng 3 năm 2023"),
        ("2023-01-09", "Đồng Tháp, ngày 09 tháng 01 năm 2023"),
        ("2023-02-10", "Đồng Tháp, ngày 10 tháng 02 năm 2023"),
        ("2023-11-15", "Đồng Tháp, ngày 15 tháng 11 năm 2023"),
    ],
)
def test_date_line_zero_padding(day: str, expected: str) -> None:
    assert header(lay_out(ngay=day)).right[-1].text == expected


def test_draft_round_blank_number_and_date() -> None:
    document = lay_out(du_thao=2, so=None, ngay=2024)
    left = [p.text for p in header(document).left]
    assert left[-2].startswith("Số ") and left[-2].endswith("-CTr/ĐU") and "None" not in left[-2]
    assert left[-1] == "Dự thảo lần 2"
    date = header(document).right[-1].text
    assert (
        date.startswith("Đồng Tháp, ngày ")
        and date.endswith(" năm 2024")
        and any(ch.isdigit() for ch in date[:-4]) is False
    )


def test_program_issued_with_a_decision_has_no_number_line() -> None:
    document = lay_out(so=None, kem_theo="Ban hành kèm theo Quyết định số 12-QĐ/ĐU")
    assert not any(t.startswith("Số") for t in (p.text for p in header(document).left))
    assert "(Ban hành kèm theo Quyết định số 12-QĐ/ĐU)" in texts(document, "attached")


def test_recipients_punctuation_replaces_what_was_typed() -> None:
    document = lay_out(noi_nhan=["Ban Thường vụ,", "Các chi bộ;", "Lưu Đảng ủy."])
    assert texts(document, "recipient") == ["- Ban Thường vụ,", "- Các chi bộ,", "- Lưu Đảng ủy."]


def test_closing_gets_the_end_mark_once() -> None:
    assert texts(lay_out(ket_luan="Đề nghị thực hiện."))[-1 - 0] != ""
    assert "Đề nghị thực hiện./." in texts(lay_out(ket_luan="Đề nghị thực hiện."), "body")
    assert "Đề nghị thực hiện./." in texts(lay_out(ket_luan="Đề nghị thực hiện./."), "body")


def test_kind_name_from_the_abbreviation_table() -> None:
    assert texts(lay_out(loai="KH"), "kind") == ["KẾ HOẠCH"]
    assert texts(lay_out(ten_loai="Chương trình hành động"), "kind") == ["CHƯƠNG TRÌNH HÀNH ĐỘNG"]


def test_unsigned_draft_has_no_signing_space() -> None:
    document = lay_out(du_thao=True, ky={"tham_quyen": "T/M TỈNH ỦY"})
    closing = document.blocks[-1]
    assert isinstance(closing, Columns)
    assert [p.text for p in closing.right] == ["T/M TỈNH ỦY"]


def test_free_paragraphs_and_items_in_one_section() -> None:
    document = lay_out(
        noi_dung=[
            {"tieu_de": "A", "dan_nhap": "Gồm:", "doan": ["p1", "p2"], "muc": ["x"]},
            {"doan": ["tự do"]},
        ]
    )
    assert texts(document)[texts(document).index("1. A") :][:6] == [
        "1. A",
        "Gồm:",
        "p1",
        "p2",
        "- x",
        "tự do",
    ]

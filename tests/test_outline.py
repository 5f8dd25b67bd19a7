"""The body as a tree: heading labels chosen per document (`danh_so`), item labels by depth,
free paragraphs where they were typed, items with their own paragraphs and sub-items, the
lead-agency lines where the office wants them, and agendas' time slots."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.layout import numbering
from helpers.programs import BASE, lay_out


def texts(**changes: Any) -> list[tuple[str, str]]:
    """(role, text) of the body's paragraphs (after the separator, before the closing)."""
    paras = lay_out(**changes).paragraphs()
    start = next(n for n, p in enumerate(paras) if p.role == "separator") + 1
    return [(p.role, p.text) for p in paras[start:] if p.key and p.key[0] == "noi_dung"]


def section(title: str, *children: Any, **keys: Any) -> dict[str, Any]:
    return {"tieu_de": title, **({"noi_dung": list(children)} if children else {}), **keys}


@pytest.mark.parametrize(
    ("style", "number", "parents", "label"),
    [
        ("A.", 3, (), "C."),
        ("a.", 2, (), "b."),
        ("a)", 5, (), "đ)"),  # the Vietnamese alphabet: a) b) c) d) đ) e) g) …
        ("a)", 7, (), "g)"),
        ("a)", 23, (), "y)"),
        ("a)", 24, (), "aa)"),
        ("1.1.", 1, (4, 2), "2.1."),
        ("1.1.1.", 3, (4, 2), "4.2.3."),
        ("*", 5, (), "*"),
        ("Phần thứ nhất", 4, (), "Phần thứ tư"),
        ("Phần thứ nhất", 21, (), "Phần thứ hai mươi mốt"),
    ],
)
def test_labels(style: str, number: int, parents: tuple[int, ...], label: str) -> None:
    assert numbering.label(style, number, parents) == label


def test_five_levels_each_with_its_label_and_heading_style() -> None:
    leaf = section(
        "Lúa", muc=["Gieo sạ đúng lịch.", {"noi_dung": "Chuyển đổi.", "muc": ["120 ha."]}]
    )
    body = [
        section("NHIỆM VỤ", section("KINH TẾ", section("Nông nghiệp", section("Trồng trọt", leaf))))
    ]
    found = texts(noi_dung=body, danh_so=["A.", "I.", "1.", "1.1.", "a)"], kieu_muc=["-", "+"])
    assert found == [
        ("heading_1", "A. NHIỆM VỤ"),
        ("heading_2", "I. KINH TẾ"),
        ("heading_3", "1. Nông nghiệp"),
        ("heading_4", "1.1. Trồng trọt"),
        ("heading_5", "a) Lúa"),
        ("item", "- Gieo sạ đúng lịch."),
        ("item", "- Chuyển đổi."),
        ("item", "+ 120 ha."),
    ]


def test_a_sections_danh_so_is_for_its_sub_sections() -> None:
    body = [section("Quý I", section("Tháng 1"), section("Tháng 2"), danh_so="*")]
    assert texts(noi_dung=body) == [
        ("heading_1", "I. Quý I"),
        ("heading_2", "* Tháng 1"),
        ("heading_2", "* Tháng 2"),
    ]


def test_a_part_label_stands_on_its_own_line_above_its_title() -> None:
    body = [section("TÌNH HÌNH", section("ĐẶC ĐIỂM")), section("PHƯƠNG HƯỚNG")]
    assert texts(noi_dung=body, danh_so=["Phần thứ nhất", "I."]) == [
        ("part", "Phần thứ nhất"),
        ("part_title", "TÌNH HÌNH"),
        ("heading_1", "I. ĐẶC ĐIỂM"),
        ("part", "Phần thứ hai"),
        ("part_title", "PHƯƠNG HƯỚNG"),
    ]


def test_free_paragraphs_stay_where_they_were_typed_and_are_not_counted() -> None:
    body = [
        section(
            "Nhiệm vụ",
            "Đoạn trước các phần con.",
            section("Một", muc=["A.", {"doan": "Đoạn giữa các mục."}, "B."], kieu_muc="(1)"),
            "Đoạn giữa hai phần con.",
            section("Hai"),
        )
    ]
    assert [text for _, text in texts(noi_dung=body)] == [
        "I. Nhiệm vụ",
        "Đoạn trước các phần con.",
        "1. Một",
        "(1) A.",
        "Đoạn giữa các mục.",
        "(2) B.",
        "Đoạn giữa hai phần con.",
        "2. Hai",
    ]


def test_lettered_items_run_through_the_vietnamese_alphabet() -> None:
    items = [f"Nội dung {n}." for n in range(1, 8)]
    found = [text for _, text in texts(noi_dung=[section("Một", muc=items, kieu_muc="a)")])]
    assert [text.split()[0] for text in found[1:]] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]


def test_an_item_holds_paragraphs_then_sub_items_in_its_own_label() -> None:
    item = {"noi_dung": "Hội nghị.", "doan": ["Thành phần dự: Ban Chấp hành."], "kieu_muc": "*"}
    item["muc"] = ["Báo cáo.", "Thảo luận."]
    assert texts(noi_dung=[section("Một", muc=[item])]) == [
        ("heading_1", "1. Một"),
        ("item", "- Hội nghị."),
        ("item_body", "Thành phần dự: Ban Chấp hành."),
        ("item", "* Báo cáo."),
        ("item", "* Thảo luận."),
    ]


def _led(mode: str | None) -> list[str]:
    items = [
        {"noi_dung": "A.", "chu_tri": "Văn phòng"},
        {"noi_dung": "B.", "chu_tri": "Văn phòng"},
        {"doan": "Đoạn."},
        {"noi_dung": "C.", "chu_tri": "Văn phòng"},
    ]
    keys = {"dong_chu_tri": mode} if mode else {}
    body = [section("Một", muc=items, kieu_muc="(1)", **keys)]
    return [text for _, text in texts(noi_dung=body)][1:]


def test_lead_agency_lines_grouped_by_default_and_broken_by_a_paragraph() -> None:
    assert _led(None) == [
        "(1) A.",
        "(2) B.",
        "Cơ quan chủ trì tham mưu: Văn phòng mục (1) và (2).",
        "Đoạn.",
        "(3) C.",
        "Cơ quan chủ trì tham mưu: Văn phòng.",
    ]


def test_lead_agency_lines_after_each_item_or_none() -> None:
    assert _led("moi-muc")[:4] == [
        "(1) A.",
        "Cơ quan chủ trì tham mưu: Văn phòng.",
        "(2) B.",
        "Cơ quan chủ trì tham mưu: Văn phòng.",
    ]
    assert _led("khong") == ["(1) A.", "(2) B.", "Đoạn.", "(3) C."]


def test_time_slots_take_the_time_as_label_and_the_presenter_in_parentheses() -> None:
    slots = [
        {"thoi_gian": "14h00 - 14h15", "noi_dung": "Khai mạc", "thuc_hien": "Đồng chí Bí thư"},
        {"thoi_gian": "14h15 - 15h00", "noi_dung": "Thảo luận"},
    ]
    paras = lay_out(noi_dung=[{"muc": slots}], kieu_muc="thoi-gian").paragraphs()
    found = [p for p in paras if p.role == "item"]
    assert [p.text for p in found] == [
        "14h00 - 14h15: Khai mạc (Đồng chí Bí thư)",
        "14h15 - 15h00: Thảo luận",
    ]
    assert [(r.text, r.bold, r.italic) for r in found[0].runs] == [
        ("14h00 - 14h15:", True, False),
        (" Khai mạc (", False, False),
        ("Đồng chí Bí thư", False, True),
        (")", False, False),
    ]


def test_an_agenda_as_a_table_has_a_presenter_column() -> None:
    slots = [{"thoi_gian": "8h00", "noi_dung": "Khai mạc", "thuc_hien": "Văn phòng"}]
    [table] = [
        b
        for b in lay_out(
            noi_dung=[{"muc": slots}],
            trinh_bay="bang",
            cot_bang=["thoi_gian", "noi_dung", "thuc_hien"],
        ).blocks
        if type(b).__name__ == "Table"
    ]
    header, row = (tuple(c[0].text for c in r.cells) for r in table.rows)
    assert header == ("Thời gian", "Nội dung", "Người thực hiện")
    assert row == ("8h00", "Khai mạc", "Văn phòng")


def test_an_unknown_key_inside_an_item_list_is_placed_in_the_file() -> None:
    text = (
        "co_quan: {ten: ĐẢNG ỦY, viet_tat: ĐU}\ndia_danh: A\nngay: 2023-03-05\n"
        "trich_yeu: Công tác\nnoi_dung:\n  - tieu_de: Một\n    muc:\n      - doan: Đoạn.\n"
        "      - noi_dung: Mục.\n        chu_tr: Văn phòng\n"
    )
    with pytest.raises(ChuongtrinhError) as caught:
        api.compile_text(text, "ct.yaml")
    [found] = caught.value.diagnostics
    assert (found.line, found.col, found.code) == (10, 9, "unknown-key")
    assert found.hint == "có phải 'chu_tri'?"


def test_an_unquoted_decimal_label_is_the_label_meant() -> None:
    text = yaml_of(danh_so="[I., 1., 1.1.]")
    assert api.compile_text(text, "ct.yaml").program.heading_labels == ["I.", "1.", "1.1."]


def yaml_of(**raw: str) -> str:
    """BASE as YAML with keys whose values are written as typed (unquoted)."""
    return yaml.safe_dump(BASE, allow_unicode=True) + "".join(f"{k}: {v}\n" for k, v in raw.items())

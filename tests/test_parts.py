"""Optional parts (`khong_in`, no recipients or signature), dates with a blank day, the title's
lines, an agenda's information block, the closing of several paragraphs — and their warnings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.layout.blocks import Document
from chuongtrinh.model.fields import YearMonth
from chuongtrinh.profiles.choose import rule_date
from helpers.programs import BASE, lay_out


def without(**changes: Any) -> dict[str, Any]:
    """BASE with `changes`; a key changed to None is left out."""
    return {k: v for k, v in {**BASE, **changes}.items() if v is not None}


def layout(**changes: Any) -> Document:
    return api.layout(api.compile_text(yaml.safe_dump(without(**changes), allow_unicode=True), "t"))


def lines(**changes: Any) -> list[str]:
    return [p.text for p in layout(**changes).paragraphs()]


def warnings(**changes: Any) -> list[Any]:
    text = yaml.safe_dump(without(**changes), allow_unicode=True)
    return api.compile_text(text, "ct.yaml").warnings


@pytest.mark.parametrize(
    ("part", "gone"),
    [
        ("so", "Số 7-CTr/ĐU"),
        ("ngay", "Đồng Tháp, ngày 05 tháng 3 năm 2023"),
        ("noi_nhan", "Nơi nhận:"),
        ("ky", "T/M ĐẢNG ỦY"),
        ("phan_dau", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ],
)
def test_a_part_left_out_is_not_printed(part: str, gone: str) -> None:
    assert gone in lines()
    assert gone not in lines(khong_in=[part])


def test_the_closing_mark_can_be_left_out_and_follows_the_last_of_several_paragraphs() -> None:
    closing = ["Đề nghị các chi bộ thực hiện.", "Báo cáo kết quả trước ngày 30."]
    found = lines(ket_luan=closing)
    at = found.index(closing[0])
    assert found[at : at + 2] == [closing[0], "Báo cáo kết quả trước ngày 30./."]
    assert closing[1] in lines(ket_luan=closing, khong_in=["dau_ket"])


def test_neither_recipients_nor_signature_means_no_closing_table() -> None:
    assert "closing" not in [getattr(b, "role", "") for b in layout(noi_nhan=None, ky=None).blocks]


def test_a_signature_without_authority_and_recipients_without_signature() -> None:
    found = lines(ky={"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Trần Văn B"})
    assert "GIÁM ĐỐC" in found and "T/M ĐẢNG ỦY" not in found
    assert "Nơi nhận:" in lines(ky=None)


def test_a_month_with_a_blank_day() -> None:
    assert "Đồng Tháp, ngày       tháng 3 năm 2026" in lines(ngay="2026-03")
    assert "Đồng Tháp, ngày       tháng 02 năm 2026" in lines(ngay="02/2026")


def test_a_month_that_does_not_exist_is_an_error() -> None:
    data = {**BASE, "ngay": "2026-13"}
    with pytest.raises(ChuongtrinhError) as caught:
        api.compile_text(yaml.safe_dump(data, allow_unicode=True), "ct.yaml")
    assert [d.message for d in caught.value.diagnostics] == ["tháng không tồn tại: 2026-13"]


def test_the_rules_of_a_month_are_those_of_its_last_day_or_today() -> None:
    assert rule_date(YearMonth(2020, 2)) == dt.date(2020, 2, 29)
    assert rule_date(YearMonth(2999, 1)) == dt.date.today()


def test_summary_lines_and_lines_under_it() -> None:
    paras = lay_out(trich_yeu=["Hội nghị sơ kết", "công tác quý I"], tieu_de_phu="(Chiều 19/3)")
    summary = next(p for p in paras.paragraphs() if p.role == "summary")
    assert summary.text == "Hội nghị sơ kết\ncông tác quý I"
    assert "subtitle" in [p.role for p in paras.paragraphs()]
    assert "(Chiều 19/3)" in lines(tieu_de_phu="(Chiều 19/3)")


def test_issuer_and_superior_on_several_lines() -> None:
    org = {"cap_tren": ["ỦY BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NINH"], "ten": "BAN THƯỜNG TRỰC"}
    found = lines(co_quan={**org, "viet_tat": "MTTQ"})
    assert found[:3] == ["ỦY BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NINH", "BAN THƯỜNG TRỰC"]


def test_information_block_labels_in_bold_and_lists_as_lines() -> None:
    info = {"thoi_gian": "8 giờ", "thanh_phan": ["Ban Chấp hành", "Bí thư chi bộ"]}
    info["khac"] = [{"nhan": "Trang phục", "noi_dung": "Áo trắng"}]
    paras = [p for p in lay_out(thong_tin=info).paragraphs() if p.role == "info"]
    assert [p.text for p in paras] == [
        "Thời gian: 8 giờ",
        "Thành phần:",
        "- Ban Chấp hành",
        "- Bí thư chi bộ",
        "Trang phục: Áo trắng",
    ]
    assert paras[0].runs[0].bold and not paras[0].runs[1].bold


def test_an_official_document_without_recipients_and_signature_is_warned() -> None:
    [found] = [w for w in warnings(noi_nhan=None, ky=None) if w.code == "missing-closing"]
    assert (found.line, found.col) == (1, 1)
    assert found.message == "văn bản chính thức không có nơi nhận (noi_nhan) và chữ ký (ky)"
    assert found.hint == (
        "thêm noi_nhan và ky; hoặc, nếu văn bản gửi kèm không cần chúng,"
        " ghi khong_in: [noi_nhan, ky]"
    )
    chosen = warnings(noi_nhan=None, ky=None, khong_in=["noi_nhan", "ky"])
    assert "missing-closing" not in {w.code for w in chosen}


def test_a_body_signing_alone_needs_no_signer() -> None:
    codes = {w.code for w in warnings(ky={"tham_quyen": "BAN TỔ CHỨC"})}
    assert "missing-signer" not in codes
    assert "missing-signer" in {w.code for w in warnings(ky={"chuc_vu": "BÍ THƯ"})}


@pytest.mark.parametrize(
    ("summary", "warned"),
    [
        ("Chiến lược phát triển đến năm 2030", False),
        ("Công tác năm 2023, tầm nhìn đến năm 2045", False),
        ("Công tác năm 2021", True),
    ],
)
def test_summary_year_ignores_a_target_year(summary: str, warned: bool) -> None:
    codes = {w.code for w in warnings(trich_yeu=summary)}
    assert ("summary-year" in codes) is warned

"""Header lines measured against their columns with Times New Roman's widths: a long place name
splits the date line, a long issuing body leaves a word alone; building warns of both.

The breaks asserted here are LibreOffice's: the .docx of the first test, converted to PDF,
reads 'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG / TỈNH' and 'Thành phố Hồ Chí Minh, ngày 01 tháng / 12 năm
2026' (checked by hand; test_libreoffice.py holds the slow conversions)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chuongtrinh.layout.fit import width_mm, wrapped
from helpers.cli import run_cli
from helpers.examples import ALL_EXAMPLES, EXAMPLES, MONTHLY
from helpers.programs import line_of

ISSUER = "  ten: ĐẢNG ỦY VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH"


@pytest.fixture
def monthly(example_text: dict[str, str]) -> str:
    return example_text[MONTHLY]


def build(tmp_path: Path, text: str) -> str:
    (tmp_path / "ct.yaml").write_text(text, encoding="utf-8")
    result = run_cli("build", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.output
    return result.stderr


def test_a_long_place_name_splitting_the_date_line_is_warned(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", "dia_danh: Thành phố Hồ Chí Minh").replace(
        "ngay: 2023-02-01", "ngay: 2023-12-01"
    )
    said = build(tmp_path, text)
    assert (
        f"ct.yaml:{line_of(text, 'dia_danh')}:11: cảnh báo [header-wraps] dòng 'Thành phố Hồ"
        " Chí Minh, ngày 01 tháng 12 năm 2023' rộng hơn cột 82 mm của phần đầu văn bản nên bị"
        " ngắt thành 2 dòng: 'Thành phố Hồ Chí Minh, ngày 01 tháng' / '12 năm 2023'\n"
        "    gợi ý: rút gọn địa danh (dia_danh), hoặc nới cột phải của phần đầu"
        " (header.widths_mm trong bộ quy tắc riêng, --profile)"
    ) in said


def test_a_body_name_leaving_a_word_alone_is_warned(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(ISSUER, "  ten: ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH")
    said = build(tmp_path, text)
    assert (
        f"ct.yaml:{line_of(text, 'ten: ĐẢNG ỦY CÁC')}:8: cảnh báo [header-wraps] dòng 'ĐẢNG ỦY"
        " CÁC CƠ QUAN ĐẢNG TỈNH' rộng hơn cột 88 mm của phần đầu văn bản nên bị ngắt thành 2"
        " dòng: 'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG' / 'TỈNH' (một chữ đứng riêng một dòng)"
    ) in said
    assert "ghi ten thành danh sách các dòng" in said


def test_a_body_name_on_two_full_lines_is_fine(tmp_path: Path, monthly: str) -> None:
    """Offices print a long body on two lines: 'ĐẢNG ỦY VĂN PHÒNG ĐOÀN ĐBQH / VÀ HĐND TỈNH'."""
    assert "header-wraps" not in build(tmp_path, monthly)


def test_the_name_broken_by_the_clerk_is_fine(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(ISSUER, "  ten:\n    - ĐẢNG ỦY CÁC CƠ QUAN\n    - ĐẢNG TỈNH")
    assert "header-wraps" not in build(tmp_path, text)


def test_no_example_is_warned(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    names = [f"examples/{name}.yaml" for name in ALL_EXAMPLES]
    result = run_cli("build", *names, "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.output
    assert "header-wraps" not in result.output


def test_widths_are_times_new_romans() -> None:
    """'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH' at 14 pt needs about 84 mm (dang-2018.yaml says so)."""
    assert width_mm("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", 14) == pytest.approx(84.0, abs=0.1)
    assert width_mm("ngày", 14, italic=True) < width_mm("ngày", 14, bold=True)
    assert wrapped("a b", 1, 14, False, False) == ["a", "b"]

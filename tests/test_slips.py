"""The slips a clerk makes typing YAML by hand: each said in Vietnamese at the line that holds it,
with the mended line as the hint, and reading goes on past it to the file's other problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.errors import Diagnostic
from helpers.cli import run_cli
from helpers.examples import MONTHLY
from helpers.programs import line_of

ITEM = "      - Chuẩn bị nội dung phục vụ khảo sát, giám sát theo chương trình, kế hoạch đã đề ra."


@pytest.fixture
def monthly(example_text: dict[str, str]) -> str:
    return example_text[MONTHLY]


def errors(tmp_path: Path, text: str) -> list[Diagnostic]:
    path = tmp_path / "ct.yaml"
    path.write_text(text, encoding="utf-8")
    return [d for d in api.validate(path) if d.severity == "error"]


def test_colon_inside_an_item_says_to_quote_the_line(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(ITEM, "      - Chủ đề: Học tập Nghị quyết Đại hội XIV của Đảng")
    [found] = errors(tmp_path, text)
    assert (found.code, found.line, found.col) == ("colon-in-text", line_of(text, "Chủ đề"), 9)
    assert "YAML đọc 'Chủ đề' thành một khóa" in found.message
    assert found.hint == (
        'đặt cả dòng trong ngoặc kép: - "Chủ đề: Học tập Nghị quyết Đại hội XIV của Đảng"'
    )


def test_colon_inside_a_value_says_to_quote_it(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(
        "trich_yeu: Công tác tháng 02 năm 2023 của Đảng ủy", "trich_yeu: Công tác: tháng 02"
    )
    [found] = errors(tmp_path, text)
    assert (found.code, found.line, found.col) == ("yaml-syntax", line_of(text, "trich_yeu"), 20)
    assert (found.hint or "").startswith(
        'đặt cả giá trị trong ngoặc kép: trich_yeu: "Công tác: tháng 02"'
    )


def test_missing_colon_is_said_on_its_own_line(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", "dia_danh Đồng Tháp")
    [found] = errors(tmp_path, text)
    assert (found.line, found.col) == (line_of(text, "dia_danh"), 9)
    assert found.message == "thiếu dấu ':' sau khóa 'dia_danh'"
    assert (found.hint or "").startswith("viết 'dia_danh: Đồng Tháp'")


def test_missing_colon_in_a_list_entry_is_said_there(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(
        "  - tieu_de: Lãnh đạo đảng viên thực hiện nhiệm vụ.",
        "  - tieu_de Lãnh đạo đảng viên thực hiện nhiệm vụ.",
    )
    [found] = errors(tmp_path, text)
    assert (found.line, found.col) == (line_of(text, "- tieu_de Lãnh"), 12)
    assert found.message == "thiếu dấu ':' sau khóa 'tieu_de'"


def test_one_run_reports_a_missing_colon_a_misspelt_key_and_a_bad_date(
    tmp_path: Path, monthly: str
) -> None:
    """What the README promises: every problem in one run, syntax slips included."""
    text = (
        monthly.replace("dia_danh: Đồng Tháp", "dia_danh Đồng Tháp")
        .replace("trich_yeu:", "trich_yue:")
        .replace("ngay: 2023-02-01", "ngay: 2023-2-30")
    )
    (tmp_path / "ct.yaml").write_text(text, encoding="utf-8")
    result = run_cli("validate", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert f"ct.yaml:{line_of(text, 'dia_danh')}:9: lỗi [yaml-syntax] thiếu dấu ':'" in (
        result.stderr
    )
    assert f"ct.yaml:{line_of(text, 'ngay')}:7: lỗi [bad-date]" in result.stderr
    assert f"ct.yaml:{line_of(text, 'trich_yue')}:1: lỗi [unknown-key]" in result.stderr
    assert "Traceback" not in result.output


def test_build_reports_them_all_too_and_writes_nothing(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", "dia_danh Đồng Tháp").replace(
        "\ncan_cu:", "\ncan_cuu:"
    )
    (tmp_path / "ct.yaml").write_text(text, encoding="utf-8")
    result = run_cli("build", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "[yaml-syntax]" in result.stderr and "[unknown-key]" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ct.yaml"]


@pytest.mark.parametrize("typed", ["2023-2-30", "2023-02-30"])
def test_a_date_that_does_not_exist_gets_the_hint_however_typed(
    tmp_path: Path, monthly: str, typed: str
) -> None:
    text = monthly.replace("ngay: 2023-02-01", f"ngay: {typed}")
    [found] = errors(tmp_path, text)
    assert (found.code, found.line, found.col) == ("bad-date", line_of(text, "ngay:"), 7)
    assert found.message == f"ngày không tồn tại: {typed}"
    assert found.hint == "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-02-01"


def test_unclosed_bracket_at_the_end_names_the_line_it_opens(tmp_path: Path, monthly: str) -> None:
    text = monthly.rstrip("\n") + "\ncot_bang: [stt, noi_dung, chu_tri\n"
    opened = line_of(text, "cot_bang")
    [found] = errors(tmp_path, text)
    assert (found.code, found.line, found.col) == ("yaml-syntax", opened + 1, 1)
    assert found.message == f"danh sách mở bằng '[' ở dòng {opened} chưa được đóng: thiếu ']'"
    assert (found.hint or "").startswith(
        f"thêm ']' ở cuối dòng {opened}; nếu '[' là chữ của giá trị, đặt cả giá trị trong ngoặc"
        ' kép: cot_bang: "[stt, noi_dung, chu_tri"'
    )


def test_unclosed_quote_is_said_where_it_opens(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(
        'dan_nhap: "Đảng ủy lãnh đạo các Chi ủy chi bộ:"',
        'dan_nhap: "Đảng ủy lãnh đạo các Chi ủy chi bộ:',
    )
    [found] = errors(tmp_path, text)
    assert (found.line, found.col) == (line_of(text, 'dan_nhap: "Đảng ủy'), 15)
    assert "không được đóng" in found.message
    assert (found.hint or "").startswith('thêm dấu " ở cuối dòng')


def test_a_line_indented_too_far_is_said_with_the_column_to_use(
    tmp_path: Path, monthly: str
) -> None:
    text = monthly.replace("  ten: ĐẢNG ỦY VĂN", "   ten: ĐẢNG ỦY VĂN")
    [found] = errors(tmp_path, text)
    assert (found.line, found.col) == (line_of(text, "   ten:"), 4)
    assert (found.hint or "").startswith(
        "các khóa cùng cấp phải thẳng cột: bắt đầu dòng này ở cột 3"
    )


def test_two_slips_are_both_reported(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", "dia_danh Đồng Tháp").replace(
        "  viet_tat: ĐU", "\tviet_tat: ĐU"
    )
    found = errors(tmp_path, text)
    assert [(d.code, d.line) for d in found] == [
        ("tab-indent", line_of(text, "viet_tat")),
        ("yaml-syntax", line_of(text, "dia_danh")),
    ]


@pytest.mark.parametrize("text", ["::\x85]", "::\x85'", "a: [b\u2028c", "he_thong: dang\rso [1\n"])
def test_a_line_break_python_does_not_split_at_is_said_where_yaml_saw_it(
    tmp_path: Path, text: str
) -> None:
    """NEL, LS, PS and a lone CR end a line for YAML, not for str.split('\\n'): no line to
    mend there, so the slip is said as YAML saw it (it crashed the mending once)."""
    [found] = errors(tmp_path, text)  # at YAML's line: an editor counts these breaks too
    assert found.code == "yaml-syntax"
    assert found.message.startswith("YAML không đọc được dòng này (")

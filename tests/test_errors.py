"""Bad YAML gets located Vietnamese diagnostics, never a traceback, and never a written file."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.errors import Diagnostic
from helpers.cli import run_cli, run_process
from helpers.examples import MONTHLY
from helpers.programs import line_of


def write(tmp_path: Path, text: str, name: str = "ct.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> list[Diagnostic]:
    return [d for d in api.validate(path) if d.severity == "error"]


@pytest.fixture
def monthly(example_text: dict[str, str]) -> str:
    return example_text[MONTHLY]


def test_example_is_valid(tmp_path: Path, monthly: str) -> None:
    assert errors(write(tmp_path, monthly)) == []


def test_unknown_key_with_suggestion(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("\ncan_cu:", "\ncan_cuu:")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line, found.col) == ("unknown-key", line_of(text, "can_cuu:"), 1)
    assert found.message == "khóa không hợp lệ 'can_cuu'"
    assert found.hint == "có phải 'can_cu'?"


def test_unknown_nested_key_points_at_the_key(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("  chuc_vu: BÍ THƯ", "  chuc_vuu: BÍ THƯ")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line, found.col) == ("unknown-key", line_of(text, "chuc_vuu"), 3)
    assert found.hint == "có phải 'chuc_vu'?"


def test_wrong_type(tmp_path: Path, monthly: str) -> None:
    block = monthly[monthly.index("\nky:") :]
    text = monthly.replace(block, "\nky: T/M ĐẢNG ỦY\n")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line, found.col) == ("wrong-type", line_of(text, "ky: T/M"), 5)
    assert "'ky' phải là bảng khóa" in found.message
    assert "tham_quyen" in (found.hint or "")


def test_missing_summary(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("trich_yeu: Công tác tháng 02 năm 2023 của Đảng ủy\n", "")
    [found] = errors(write(tmp_path, text))
    assert found.code == "missing-key"
    assert "thiếu khóa bắt buộc 'trich_yeu'" in found.message


def test_date_that_does_not_exist(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("ngay: 2023-02-01", "ngay: 2023-02-30")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line, found.col) == ("bad-date", line_of(text, "ngay:"), 7)
    assert "2023-02-30" in found.message


def test_date_written_the_vietnamese_way_is_accepted(tmp_path: Path, monthly: str) -> None:
    path = write(tmp_path, monthly.replace("ngay: 2023-02-01", 'ngay: "5/2/2023"'))
    assert errors(path) == []
    assert api.compile_file(path).program.date.isoformat() == "2023-02-05"


def test_tab_indentation(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("  viet_tat: ĐU", "\tviet_tat: ĐU")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line, found.col) == ("tab-indent", line_of(text, "viet_tat"), 1)
    assert "Tab" in found.message


def test_duplicate_key(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("so: 36\n", "so: 36\nso: 37\n")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line, found.col) == ("duplicate-key", line_of(text, "so: 37"), 1)
    assert f"dòng {line_of(text, 'so: 36')}" in (found.hint or "")


def test_all_errors_in_one_run(tmp_path: Path, monthly: str) -> None:
    text = (
        monthly.replace("\ncan_cu:", "\ncan_cuu:")
        .replace("ngay: 2023-02-01", "ngay: 2023-02-30")
        .replace("so: 36\n", "so: 36\nso: 37\n")
        .replace("du_thao", "du_thao")
        .replace("  chuc_vu: BÍ THƯ", "  chuc_vu: [BÍ THƯ]")
    )
    codes = [d.code for d in errors(write(tmp_path, text))]
    assert sorted(codes) == ["bad-date", "duplicate-key", "unknown-key", "wrong-type"]


def test_misspelt_required_key_is_reported_once(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("trich_yeu:", "trich_yue:")
    [found] = errors(write(tmp_path, text))
    assert found.code == "unknown-key" and found.hint == "có phải 'trich_yeu'?"


def test_empty_file_and_list_file(tmp_path: Path) -> None:
    [empty] = errors(write(tmp_path, "", "empty.yaml"))
    assert empty.code == "empty-file"
    [listed] = errors(write(tmp_path, "- a\n- b\n", "list.yaml"))
    assert listed.code == "not-mapping"


def test_syntax_error_has_a_caret(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", "dia_danh: Đồng Tháp: tỉnh")
    [found] = errors(write(tmp_path, text))
    assert (found.code, found.line) == ("yaml-syntax", line_of(text, "dia_danh"))
    assert found.hint is not None and found.hint.rstrip().endswith("^")


def test_cli_prints_file_line_col_and_exits_1(tmp_path: Path, monthly: str) -> None:
    """Through `python -m chuongtrinh` in a process of its own: the real entry point."""
    text = monthly.replace("\ncan_cu:", "\ncan_cuu:")
    write(tmp_path, text)
    result = run_process("validate", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        f"ct.yaml:{line_of(text, 'can_cuu')}:1: lỗi [unknown-key] khóa không hợp lệ 'can_cuu'"
        in result.stderr
    )
    assert "Traceback" not in result.stderr + result.stdout


def test_failed_build_leaves_the_old_docx_untouched(tmp_path: Path, monthly: str) -> None:
    path = write(tmp_path, monthly)
    good = api.build(path).output
    before = good.read_bytes()
    write(tmp_path, monthly.replace("ngay: 2023-02-01", "ngay: 2023-02-30"))
    result = run_cli("build", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "bad-date" in result.stderr
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ct.docx", "ct.yaml"]


def test_failed_build_writes_nothing(tmp_path: Path, monthly: str) -> None:
    write(tmp_path, monthly.replace("\nky:", "\nkyy:"))
    result = run_cli("build", "ct.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ct.yaml"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("build", "khong-co.yaml", cwd=tmp_path).returncode == 2
    result = run_cli("build", "--khong-co-tuy-chon", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_json_diagnostics(tmp_path: Path, monthly: str) -> None:
    import json

    write(tmp_path, monthly.replace("\ncan_cu:", "\ncan_cuu:"))
    result = run_cli("validate", "ct.yaml", "--format", "json", cwd=tmp_path)
    [record] = json.loads(result.stdout)
    assert record["code"] == "unknown-key" and record["file"] == "ct.yaml" and record["col"] == 1

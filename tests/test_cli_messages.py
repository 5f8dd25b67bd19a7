"""What the command line says of its own, in Vietnamese: an unknown command or option, a missing
argument, a bad value, the completion install, a file of the wrong kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.cli import run_cli
from helpers.examples import EXAMPLES, MONTHLY


def test_unknown_command_says_did_you_mean_in_vietnamese() -> None:
    result = run_cli("buld")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "Cách dùng: chuongtrinh [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...",
        "Xem 'chuongtrinh --help' để biết cách dùng.",
        "",
        "Lỗi: không có lệnh 'buld'; có phải 'build'?",
    ]


def test_missing_argument() -> None:
    result = run_cli("build")
    assert result.returncode == 2
    assert "Lỗi: thiếu đối số 'TỆP_HOẶC_THƯ_MỤC...'" in result.stderr
    assert "Xem 'chuongtrinh build --help' để biết cách dùng." in result.stderr
    assert "Missing" not in result.output and "Error" not in result.output


def test_unknown_option_suggests_the_close_one(tmp_path: Path) -> None:
    result = run_cli("build", "--formt", "json", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Lỗi: không có tùy chọn --formt; có phải --force, --format?" in result.stderr


def test_bad_choice_and_missing_value() -> None:
    result = run_cli("validate", "--format", "xml", "ct.yaml")
    assert result.returncode == 2
    assert (
        "Lỗi: giá trị không hợp lệ cho '--format': 'xml' không phải một trong 'text', 'json'"
        in result.stderr
    )
    result = run_cli("validate", "ct.yaml", "--format")
    assert result.returncode == 2
    assert "Lỗi: tùy chọn '--format' cần một giá trị theo sau" in result.stderr


def test_help_is_not_an_error_and_its_usage_line_is_vietnamese() -> None:
    result = run_cli()
    assert "Lỗi" not in result.output
    assert result.output.startswith("Cách dùng: chuongtrinh [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
    assert run_cli("build", "--help").output.startswith("Cách dùng: chuongtrinh build [TÙY_CHỌN]")


def test_completion_install_says_what_it_did_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The shell named, not guessed from the process tree; the options are made before the run.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run_cli("--install-completion", "bash")
    assert result.returncode == 0
    script = tmp_path / ".bash_completions" / "chuongtrinh.sh"
    assert result.stdout.splitlines() == [
        f"đã cài gợi ý lệnh (phím Tab) cho bash vào {script}",
        "gợi ý có tác dụng khi mở lại cửa sổ dòng lệnh (terminal)",
    ]
    assert script.is_file()


def test_check_given_a_yaml_programme_says_which_commands_read_it(tmp_path: Path) -> None:
    source = tmp_path / "ct.yaml"
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", source)
    result = run_cli("check", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "ct.yaml: lỗi [unreadable] không đọc được tệp .docx: đây là tệp văn bản, không phải tệp"
        " Word",
        "    gợi ý: tệp YAML thì kiểm tra bằng 'chuongtrinh validate ct.yaml'; để kiểm tra văn bản"
        " tạo ra: 'chuongtrinh build ct.yaml' rồi 'chuongtrinh check ct.docx'",
    ]
    assert "PackageNotFoundError" not in result.output


def test_check_given_a_pdf_says_to_save_it_as_docx(tmp_path: Path) -> None:
    (tmp_path / "ct.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    result = run_cli("check", "ct.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert "ct.pdf: lỗi [unreadable] không đọc được tệp .docx: đây là tệp PDF" in result.stderr
    assert "lưu dạng .docx" in result.stderr


def test_diff_given_a_docx_suggests_import(tmp_path: Path) -> None:
    source = tmp_path / "ct.yaml"
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", source)
    assert run_cli("build", "ct.yaml", cwd=tmp_path).returncode == 0
    result = run_cli("diff", "ct.docx", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        "ct.docx:1:1: lỗi [not-text] đây là tệp Word (.docx), không phải tệp YAML chương trình",
        "    gợi ý: dùng 'chuongtrinh import ct.docx' để chuyển sang tệp YAML",
    ]


def test_help_notes_are_vietnamese() -> None:
    result = run_cli("new", "--help")
    assert "[mặc định: xoa-muc]" in " ".join(result.stdout.split())
    assert "default" not in result.stdout

"""Values typed in a shape the contract reads but the clerk did not mean: the full number with
its sign, recipients as one line, a programme of empty sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuongtrinh import api
from helpers.cli import run_cli
from helpers.examples import MONTHLY
from helpers.programs import line_of


@pytest.fixture
def monthly(example_text: dict[str, str]) -> str:
    return example_text[MONTHLY]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ct.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_number_typed_is_an_error_with_the_fix_and_no_page(
    tmp_path: Path, monthly: str
) -> None:
    text = monthly.replace("so: 36", "so: 58-CTr/ĐU")
    write(tmp_path, text)
    result = run_cli("build", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        f"ct.yaml:{line_of(text, 'so: 58')}:5: lỗi [number-sign] số '58-CTr/ĐU' đã có ký hiệu,"
        " chương trình sẽ thêm lần nữa",
        "    gợi ý: chỉ ghi số (so: 58); ký hiệu 'CTr/ĐU' do chương trình tự thêm",
    ]
    assert not (tmp_path / "ct.docx").exists()


def recipients_block(text: str) -> str:
    start = text.index("\nnoi_nhan:")
    return text[start : text.index("\nky:", start)]


def test_recipients_typed_as_one_line_say_to_write_a_list(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(
        recipients_block(monthly),
        "\nnoi_nhan: Ban Thường vụ Đảng ủy Khối, Các Chi bộ trực thuộc, Lưu Đảng ủy\n",
    )
    found = api.validate(write(tmp_path, text))
    assert [(d.code, d.severity) for d in found] == [("recipients-as-text", "error")]
    [error] = found
    assert (error.line, error.col) == (line_of(text, "noi_nhan:"), 11)
    assert error.message == (
        "nơi nhận viết thành một dòng nên cả dòng là một nơi nhận (3 nơi nhận bị dồn vào một dòng)"
    )
    assert error.hint == (
        "viết mỗi nơi nhận một dòng riêng, dưới 'noi_nhan:', bắt đầu bằng '- ':"
        " '- Ban Thường vụ Đảng ủy Khối'; '- Các Chi bộ trực thuộc'; '- Lưu Đảng ủy'"
    )


def test_one_recipient_on_one_line_is_fine(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(recipients_block(monthly), "\nnoi_nhan: Lưu Đảng ủy\n")
    assert [d.code for d in api.validate(write(tmp_path, text))] == []


def test_a_programme_of_empty_sections_is_warned(tmp_path: Path, monthly_copy: Path) -> None:
    """What `new` makes from last month's programme, before anything is filled in."""
    result = run_cli("new", "--from", monthly_copy.name, "-o", "next.yaml", cwd=tmp_path)
    assert result.returncode == 0
    text = (tmp_path / "next.yaml").read_text(encoding="utf-8")
    assert text.count("muc: []") >= 2
    result = run_cli("build", "next.yaml", cwd=tmp_path)
    assert result.returncode == 0
    sections = text.count("muc: []")
    assert (
        f"next.yaml:{line_of(text, 'noi_dung:') + 1}:3: cảnh báo [empty-body] chưa có mục công"
        f" việc nào: {sections} phần đều trống (muc: [])" in result.stderr
    )


def test_a_programme_with_work_is_not_warned(tmp_path: Path, monthly: str) -> None:
    assert "empty-body" not in [d.code for d in api.validate(write(tmp_path, monthly))]

"""A căn cứ ending in ':' under HD 05, which ends each căn cứ with its own mark: the Hậu Giang
programme re-dated to 2026 printed "…với những nội dung như sau:." and nobody noticed."""

from __future__ import annotations

from pathlib import Path

import docx

from chuongtrinh import api
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, YEARLY
from helpers.programs import line_of

TAIL = "với những nội dung như sau:"


def redated(tmp_path: Path) -> tuple[Path, str]:
    """The yearly example dated after HD 05 came into force (27/5/2026)."""
    text = (EXAMPLES / f"{YEARLY}.yaml").read_text(encoding="utf-8")
    text = text.replace("ngay: 2023 ", "ngay: 2026-06-15 ").replace("năm 2024", "năm 2026")
    path = tmp_path / "ct.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_ground_ending_in_a_colon_keeps_it_and_is_warned(tmp_path: Path) -> None:
    path, text = redated(tmp_path)
    result = run_cli("build", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.output
    assert (
        f"ct.yaml:{line_of(text, 'can_cu:')}:9: cảnh báo [grounds-colon] căn cứ kết thúc bằng"
        " ':'; theo Hướng dẫn 05-HD/VPTW ngày 27/5/2026 của Văn phòng Trung ương Đảng mỗi căn"
        " cứ kết thúc bằng ';', căn cứ cuối bằng '.'"
    ) in result.stderr
    assert "chuyển nó sang mo_dau" in result.stderr
    lines = api.plain_text(path.with_suffix(".docx"))
    [ground] = [line for line in lines if line.startswith("- Căn cứ")]
    assert ground.endswith(TAIL)


def test_the_ground_before_the_last_still_ends_with_the_rule_sets_mark(tmp_path: Path) -> None:
    path, text = redated(tmp_path)
    block = text[text.index("can_cu:") : text.index(TAIL) + len(TAIL)]
    grounds = 'can_cu:\n  - Căn cứ Điều lệ Đảng.\n  - "Căn cứ Nghị quyết năm 2026, như sau:"'
    path.write_text(text.replace(block, grounds), encoding="utf-8")
    assert run_cli("build", "ct.yaml", cwd=tmp_path).returncode == 0
    lines = api.plain_text(path.with_suffix(".docx"))
    grounds = [line for line in lines if line.startswith("- Căn cứ")]
    assert grounds[0] == "- Căn cứ Điều lệ Đảng;"
    assert grounds[1] == "- Căn cứ Nghị quyết năm 2026, như sau:"


def test_check_notices_two_marks_where_one_belongs(tmp_path: Path) -> None:
    """A document made before the fix (or typed so): 'như sau:.' is a warning of `check`."""
    path, _ = redated(tmp_path)
    built = api.build(path).output
    document = docx.Document(str(built))
    [ground] = [p for p in document.paragraphs if p.text.endswith(TAIL)]
    ground.add_run(".")
    document.save(str(tmp_path / "kiem-tra.docx"))
    result = run_cli("check", "kiem-tra.docx", cwd=tmp_path)
    [line] = [line for line in result.stdout.splitlines() if "[stacked-marks]" in line]
    assert line.startswith("kiem-tra.docx:đoạn ")
    assert line.endswith(
        ": đoạn kết thúc bằng hai dấu câu liền nhau ':.' (quy tắc: dang-2026 punctuation)"
    )
    assert "cảnh báo [stacked-marks]" in line

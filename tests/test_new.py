"""`chuongtrinh new`: next month's program in one command, comments and order kept; starters."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from chuongtrinh import api
from chuongtrinh.docx.reader import lines
from chuongtrinh.scaffold.next import NextOptions, next_program
from chuongtrinh.scaffold.period import Month, move_period
from chuongtrinh.scaffold.starters import starter_names
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, YEARLY

RULE = (1, 2)  # FORMAT.md: months 1 and 2 take a leading zero


def test_next_month_is_one_command_and_validates(monthly_copy: Path) -> None:
    result = run_cli("new", "--from", str(monthly_copy), "--thang", "2023-03")
    target = monthly_copy.with_name("thang-03-2023.yaml")
    assert result.returncode == 0, result.output
    assert f"đã tạo {target}" in result.output
    assert [d for d in api.validate(target) if d.severity == "error"] == []
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["trich_yeu"] == "Công tác tháng 3 năm 2023 của Đảng ủy"
    assert "tháng 3 năm 2023 như sau:" in data["mo_dau"]
    assert "tháng 3 năm 2023 của Đảng bộ" in data["ket_luan"]
    assert data["ngay"] == dt.date(2023, 3, 1)
    assert data["so"] is None
    assert all(section["muc"] == [] for section in data["noi_dung"])
    assert data["noi_dung"][0]["tieu_de"] == "Công tác giáo dục chính trị tư tưởng."


def test_comments_key_order_and_untouched_lines_survive(monthly_copy: Path) -> None:
    run_cli("new", "--from", str(monthly_copy), "--thang", "2023-03", "--giu-muc")
    before = monthly_copy.read_text(encoding="utf-8").splitlines()
    after = monthly_copy.with_name("thang-03-2023.yaml").read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert [b for _, b in changed] == [
        "so:",
        "ngay: 2023-03-01",
        "trich_yeu: Công tác tháng 3 năm 2023 của Đảng ủy",
        "  chương trình công tác trọng tâm tháng 3 năm 2023 như sau:",
        "  tháng 3 năm 2023 của Đảng bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân",
    ]
    assert (
        before[0] == after[0] == "# yaml-language-server: $schema=../schema/chuongtrinh.schema.json"
    )
    assert after[1].startswith("# Chương trình công tác tháng 02/2023")  # comments kept


def test_default_month_is_the_next_and_blank_date_keeps_the_year(monthly_copy: Path) -> None:
    result = run_cli("new", "--from", str(monthly_copy), "--bo-ngay")
    assert result.returncode == 0, result.output
    data = yaml.safe_load(monthly_copy.with_name("thang-03-2023.yaml").read_text("utf-8"))
    assert data["ngay"] == 2023


def test_existing_target_is_kept_without_ghi_de(monthly_copy: Path) -> None:
    target = monthly_copy.with_name("thang-03-2023.yaml")
    target.write_text("giữ nguyên", encoding="utf-8")
    result = run_cli("new", "--from", str(monthly_copy))
    assert result.returncode == 2
    assert "--ghi-de" in result.output
    assert target.read_text(encoding="utf-8") == "giữ nguyên"


def test_unreadable_source_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "thang-02-2023.yaml"
    bad.write_text("trich_yeu: [tháng 02 năm 2023\n", encoding="utf-8")
    result = run_cli("new", "--from", str(bad))
    assert result.returncode == 2
    assert "tệp nguồn không đọc được" in result.output


def test_usage_needs_exactly_one_source() -> None:
    assert run_cli("new").returncode == 2
    assert run_cli("new", "--from", "a.yaml", "--mau", "dang-thang").returncode == 2
    assert run_cli("new", "--mau", "khong-co").returncode == 2


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        # the rule: months 1 and 2 padded, so "tháng 02" → "tháng 3" and "tháng 12" → "tháng 01"
        ("tháng 02 năm 2023", Month(2023, 2), Month(2023, 3), "tháng 3 năm 2023"),
        ("tháng 12 năm 2023", Month(2023, 12), Month(2024, 1), "tháng 01 năm 2024"),
        # an office that pads every month, and one that pads none
        ("tháng 05 năm 2023", Month(2023, 5), Month(2023, 6), "tháng 06 năm 2023"),
        ("Tháng 1 năm 2023", Month(2023, 1), Month(2023, 2), "Tháng 2 năm 2023"),
        ("tháng 2/2023", Month(2023, 2), Month(2023, 3), "tháng 3/2023"),
        # another month is left alone
        (
            "tháng 02 năm 2022, tháng 02 năm 2023",
            Month(2023, 2),
            Month(2023, 3),
            "tháng 02 năm 2022, tháng 3 năm 2023",
        ),
    ],
)
def test_period_follows_how_the_source_writes_months(
    text: str, old: Month, new: Month, expected: str
) -> None:
    assert move_period(text, old, new, RULE) == expected


def test_date_moves_with_the_period_and_clamps_to_the_month() -> None:
    text = "ngay: 2023-01-31\ntrich_yeu: Công tác tháng 02 năm 2023\n"
    result = next_program(text, NextOptions(Month(2023, 3)))
    assert (result.old, result.new) == (Month(2023, 2), Month(2023, 3))
    assert result.text == "ngay: 2023-02-28\ntrich_yeu: Công tác tháng 3 năm 2023\n"


def test_next_year_of_a_yearly_program(tmp_path: Path) -> None:
    source = tmp_path / f"{YEARLY}.yaml"
    shutil.copy(EXAMPLES / f"{YEARLY}.yaml", source)
    result = run_cli("new", "--from", str(source), "--giu-muc")
    target = tmp_path / "tinh-uy-hau-giang-2025.yaml"
    assert result.returncode == 0, result.output
    assert [d for d in api.validate(target) if d.severity == "error"] == []
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["ngay"] == 2024  # a draft dated by its year alone
    assert data["trich_yeu"].startswith("Làm việc năm 2025 của")
    assert "nhiệm kỳ 2020 - 2025" in data["trich_yeu"]  # a span is not the program's year
    conferences = data["noi_dung"][1]["noi_dung"]
    assert conferences[0]["tieu_de"].endswith("(tháng 3/2025)")
    texts = [item["noi_dung"] for c in conferences for item in c["muc"]]
    assert "Báo cáo công tác tài chính Đảng năm 2024." in texts
    assert any("ngày 28/3/2014" in text for text in texts)  # an old date stays


def test_month_and_year_options_fit_the_kind_of_program(monthly_copy: Path) -> None:
    result = run_cli("new", "--from", str(monthly_copy), "--nam", "2024")
    assert result.returncode == 2
    assert "dùng --thang" in result.output


BUILDABLE = starter_names()


def test_every_kind_of_office_has_a_starter() -> None:
    assert starter_names() == [
        "chi-bo",
        "dang-nam",
        "dang-thang",
        "hoi-nghi",
        "ke-hoach-phu-luc",
        "nha-nuoc",
    ]


@pytest.mark.parametrize("name", BUILDABLE)
def test_starter_builds(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"{name}.yaml"
    result = run_cli("new", "--mau", name, "--thang", "2025-03", "-o", str(target))
    assert result.returncode == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ") and "2026" not in text
    built = api.build(target)
    assert {w.code for w in built.warnings} <= {"missing-number"}  # a starter leaves `so` blank
    assert "Số" in "\n".join(lines(built.output))


@pytest.mark.parametrize("name", ["nha-nuoc", "chi-bo"])
def test_starter_uses_the_contract_keys(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"{name}.yaml"
    run_cli("new", "--mau", name, "--thang", "2025-03", "-o", str(target))
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["he_thong" if name == "nha-nuoc" else "trinh_bay"] in {"nha-nuoc", "bang"}
    assert data["ngay"] == dt.date(2025, 3, 5)


def test_next_year_of_a_numbered_draft_is_a_first_draft(tmp_path: Path) -> None:
    """'Dự thảo lần 2' of this year's programme does not carry over to next year's."""
    source = tmp_path / f"{YEARLY}-lan-2.yaml"
    shutil.copy(EXAMPLES / f"{YEARLY}-lan-2.yaml", source)
    result = run_cli("new", "--from", str(source), "-o", "sau.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.output
    text = (tmp_path / "sau.yaml").read_text(encoding="utf-8")
    assert "\ndu_thao: true\n" in text and "du_thao: 2" not in text
    assert run_cli("build", "sau.yaml", cwd=tmp_path).returncode == 0
    assert "Dự thảo lần" not in "\n".join(lines(tmp_path / "sau.docx"))
    assert "Dự thảo" in "\n".join(lines(tmp_path / "sau.docx"))

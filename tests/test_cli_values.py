"""Option and argument values reach the commands with their types, and a bad value is still a
usage error that names the option (the CLI converts plain values itself: cli/_params.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chuongtrinh.errors import ExitCode
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, MONTHLY


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "a.yaml")
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "b.yaml")
    return tmp_path


def test_paths_numbers_choices_and_lists_convert(folder: Path) -> None:
    out = folder / "out"
    ran = run_cli(
        "build", str(folder), "-o", str(out), "-j", "2", "--exclude", "b.yaml",
        "--format", "json", "--templates", str(folder),
    )  # fmt: skip
    assert ran.returncode == 0, ran.output
    assert json.loads(ran.stdout)["diagnostics"] == []  # --format json: the run as JSON
    assert sorted(p.name for p in out.glob("*.docx")) == ["a.docx"]  # --exclude, a list


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("-j", "0"), "-j"),
        (("-j", "hai"), "-j"),
        (("--format", "xml"), "--format"),
        (("--format", "JSON"), "--format"),
    ],
)
def test_a_bad_value_is_a_usage_error_naming_the_option(
    folder: Path, args: tuple[str, ...], named: str
) -> None:
    ran = run_cli("build", str(folder / "a.yaml"), *args)
    assert ran.returncode == ExitCode.USAGE
    assert named in ran.output
    assert not (folder / "a.docx").exists()


def test_a_year_out_of_range_is_refused(folder: Path) -> None:
    ran = run_cli("new", "--from", str(folder / "a.yaml"), "--nam", "1800")
    assert ran.returncode == ExitCode.USAGE
    assert "--nam" in ran.output

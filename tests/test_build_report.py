"""What a folder build tells: the warnings of a file left unchanged are said again on every
run while the file still has them (dist/ cached in CI no longer hides them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run_cli
from helpers.examples import EXAMPLES, MONTHLY
from helpers.programs import line_of


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    programs = tmp_path / "p"
    programs.mkdir()
    text = (EXAMPLES / f"{MONTHLY}.yaml").read_text(encoding="utf-8")
    (programs / "ct.yaml").write_text(text.replace("so: 36", "so: 36-KH/ĐU"), encoding="utf-8")
    (programs / "mkdocs.yml").write_text("site_name: Văn phòng\n", encoding="utf-8")
    return programs


def test_warnings_of_an_unchanged_file_are_said_again(folder: Path) -> None:
    first = run_cli("build", "p", "-o", "out", cwd=folder.parent)
    second = run_cli("build", "p", "-o", "out", cwd=folder.parent)
    text = (folder / "ct.yaml").read_text(encoding="utf-8")
    warning = (
        f"p/ct.yaml:{line_of(text, 'so: 36')}:5: cảnh báo [number-kind] số '36-KH/ĐU' ghi loại"
        " 'KH' nhưng loai là 'CTr'"
    )
    assert warning in first.stderr
    assert second.returncode == 0 and "không đổi 1" in second.stdout
    assert warning in second.stderr


def test_a_fixed_file_is_quiet_again(folder: Path) -> None:
    run_cli("build", "p", "-o", "out", cwd=folder.parent)
    source = folder / "ct.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("36-KH/ĐU", "36"), "utf-8")
    assert "number-kind" not in run_cli("build", "p", "-o", "out", cwd=folder.parent).stderr
    assert "number-kind" not in run_cli("build", "p", "-o", "out", cwd=folder.parent).stderr


def test_a_damaged_warning_record_is_dropped_not_trusted(folder: Path) -> None:
    run_cli("build", "p", "-o", "out", cwd=folder.parent)
    manifest = folder.parent / "out" / ".chuongtrinh-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["entries"]["ct.docx"]["warnings"] = '[{"file": 1}]'
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("build", "p", "-o", "out", cwd=folder.parent)
    assert result.returncode == 0 and "không đổi 1" in result.stdout
    assert "number-kind" not in result.stderr

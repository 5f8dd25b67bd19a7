"""Shared fixtures: the two examples built once per test session, and read back."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document

from chuongtrinh import api

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = Path(__file__).parent / "seeds"  # copies of ../shared/seeds 000 and 003

MONTHLY = "thang-02-2023"
YEARLY = "tinh-uy-hau-giang-2024"
STATE = "ubnd-quang-binh-2026"
CHI_BO = "chi-bo-thang-03-2026"
YEARLY_TABLE = "dang-uy-xa-nam-2027"
ALL_EXAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@dataclass
class Built:
    yaml: Path
    docx: Path

    def open(self) -> Document:
        return docx.Document(str(self.docx))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out = tmp_path_factory.mktemp("built")
    result = {}
    for name in ALL_EXAMPLES:
        source = out / f"{name}.yaml"
        shutil.copy(EXAMPLES / f"{name}.yaml", source)
        result[name] = Built(source, api.build(source).output)
    return result


@pytest.fixture
def example_text() -> dict[str, str]:
    return {
        name: (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8") for name in (MONTHLY, YEARLY)
    }


@pytest.fixture
def monthly_copy(tmp_path: Path) -> Path:
    """The monthly example copied into a folder of its own, for commands that write beside it."""
    target = tmp_path / f"{MONTHLY}.yaml"
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", target)
    return target


def run_cli(*args: str) -> tuple[int, str]:
    """Exit code and everything printed (stdout and stderr) of `chuongtrinh ARGS…`."""
    from typer.testing import CliRunner

    from chuongtrinh.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="session", autouse=True)
def every_docx_opens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the whole run: every .docx any test wrote is a package python-docx opens.

    A file that is not a zip archive at all was made up by a test as input to be refused
    (the tool only writes whole packages, so anything it wrote starts as a zip)."""
    yield
    broken = []
    for path in sorted(tmp_path_factory.getbasetemp().rglob("*.docx")):
        if path.read_bytes()[:2] != b"PK":
            continue
        try:
            docx.Document(str(path))
        except Exception as exc:  # any failure to open is what this check is for
            broken.append(f"{path}: {type(exc).__name__}: {exc}")
    assert not broken, "\n".join(broken)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many fuzz cases ran, when the fuzz tests did."""
    fuzz = sys.modules.get("test_fuzz")
    cases: dict[str, int] = getattr(fuzz, "CASES", {})
    if any(cases.values()):
        parts = ", ".join(f"{part} {count:,}" for part, count in cases.items())
        terminalreporter.write_line(f"fuzz: {sum(cases.values()):,} cases ({parts})")

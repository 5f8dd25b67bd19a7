"""Shared fixtures: every example built once per test session; every .docx written opens."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from helpers.examples import ALL_EXAMPLES, EXAMPLES, MONTHLY, YEARLY, Built


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A cache of compiled rule sets of this session's own: no test reads the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHUONGTRINH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out = tmp_path_factory.mktemp("built")
    # An example may name a profile file beside it (he_thong: profiles/doan-tncs.yaml).
    shutil.copytree(EXAMPLES / "profiles", out / "profiles")
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

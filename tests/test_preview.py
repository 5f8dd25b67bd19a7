"""`chuongtrinh preview`: PDF and page images through LibreOffice, or a clear way to get it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chuongtrinh.cli import app
from conftest import EXAMPLES, MONTHLY

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOOLS = OFFICE and shutil.which("pdftoppm") and shutil.which("pdftotext")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    target = tmp_path / f"{MONTHLY}.yaml"
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", target)
    return target


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_without_libreoffice_says_how_to_install_it(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, output = _run("preview", str(source))
    assert code == 2
    assert "không tìm thấy LibreOffice (soffice)" in output
    assert "sudo apt-get install libreoffice-writer-nogui" in output
    assert not list(tmp_path.glob("*.pdf"))


def test_without_pdftoppm_says_so_before_converting(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    code, output = _run("preview", "--png", str(source))
    assert code == 2
    assert "poppler-utils" in output


def test_invalid_yaml_is_reported_not_converted(tmp_path: Path) -> None:
    bad = tmp_path / "sai.yaml"
    bad.write_text("he_thong: dang\ncan_cuu: x\n", encoding="utf-8")
    code, output = _run("preview", str(bad))
    assert code == 1
    assert "[unknown-key]" in output


@pytest.mark.skipif(not TOOLS, reason="LibreOffice/poppler-utils not installed")
def test_pdf_and_page_images(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "xem"
    code, output = _run("preview", "--png", "--dpi", "40", "-o", str(out), str(source))
    assert code == 0, output
    pdf = out / f"{MONTHLY}.pdf"
    pages = sorted(out.glob(f"{MONTHLY}-*.png"))
    assert f"đã tạo {pdf}" in output
    assert len(pages) >= 2
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pages)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "CHƯƠNG TRÌNH" in text and "Số 36-CTr/ĐU" in text
    assert not list(out.glob("*.docx"))


@pytest.mark.skipif(not TOOLS, reason="LibreOffice/poppler-utils not installed")
def test_first_page_only_as_docs_render_uses_it(source: Path) -> None:
    code, output = _run("preview", "--chi-png", "--trang", "1", "--dpi", "40", str(source))
    assert code == 0, output
    assert [p.name for p in source.parent.iterdir() if p.suffix in {".png", ".pdf"}] == [
        f"{MONTHLY}.png"
    ]

"""`chuongtrinh preview`: PDF and page images through LibreOffice, or a clear way to get it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.cli import run_cli
from helpers.examples import MONTHLY
from helpers.office import OFFICE, PDFTOTEXT, pdf_text

TOOLS = OFFICE and shutil.which("pdftoppm") and PDFTOTEXT


def test_without_libreoffice_says_how_to_install_it(
    monthly_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_cli("preview", str(monthly_copy))
    assert result.returncode == 2
    assert "không tìm thấy LibreOffice (soffice)" in result.output
    assert "sudo apt-get install libreoffice-writer-nogui" in result.output
    assert not list(tmp_path.glob("*.pdf"))


def test_without_pdftoppm_says_so_before_converting(
    monthly_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    result = run_cli("preview", "--png", str(monthly_copy))
    assert result.returncode == 2
    assert "poppler-utils" in result.output


def test_invalid_yaml_is_reported_not_converted(tmp_path: Path) -> None:
    bad = tmp_path / "sai.yaml"
    bad.write_text("he_thong: dang\ncan_cuu: x\n", encoding="utf-8")
    result = run_cli("preview", str(bad))
    assert result.returncode == 1
    assert "[unknown-key]" in result.output


@pytest.mark.slow
@pytest.mark.skipif(not TOOLS, reason="LibreOffice/poppler-utils not installed")
def test_pdf_and_page_images(monthly_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "xem"
    result = run_cli("preview", "--png", "--dpi", "40", "-o", str(out), str(monthly_copy))
    assert result.returncode == 0, result.output
    pdf = out / f"{MONTHLY}.pdf"
    pages = sorted(out.glob(f"{MONTHLY}-*.png"))
    assert f"đã tạo {pdf}" in result.output
    assert len(pages) >= 2
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pages)
    text = pdf_text(pdf)
    assert "CHƯƠNG TRÌNH" in text and "Số 36-CTr/ĐU" in text
    assert not list(out.glob("*.docx"))


@pytest.mark.slow
@pytest.mark.skipif(not TOOLS, reason="LibreOffice/poppler-utils not installed")
def test_first_page_only_as_docs_render_uses_it(monthly_copy: Path) -> None:
    result = run_cli("preview", "--chi-png", "--trang", "1", "--dpi", "40", str(monthly_copy))
    assert result.returncode == 0, result.output
    assert [p.name for p in monthly_copy.parent.iterdir() if p.suffix in {".png", ".pdf"}] == [
        f"{MONTHLY}.png"
    ]

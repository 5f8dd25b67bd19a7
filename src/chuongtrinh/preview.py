"""A look at the page without Word: .docx → PDF with LibreOffice headless, PDF → PNG pages."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from chuongtrinh.errors import UsageError

OFFICE_NAMES = ("soffice", "libreoffice")
INSTALL_OFFICE = (
    "cài LibreOffice: sudo apt-get install libreoffice-writer-nogui fonts-liberation2 "
    "(Debian/Ubuntu), brew install --cask libreoffice (macOS), "
    "hoặc tải tại https://www.libreoffice.org/download/ (Windows)"
)
INSTALL_POPPLER = (
    "cài pdftoppm: sudo apt-get install poppler-utils (Debian/Ubuntu), brew install poppler (macOS)"
)
TIMEOUT_S = 180


class PreviewError(UsageError):
    """A tool is missing or failed; the message says what to do (Vietnamese)."""


def find_office() -> str:
    """The LibreOffice executable on PATH, or a PreviewError saying how to install it."""
    found = next((shutil.which(name) for name in OFFICE_NAMES if shutil.which(name)), None)
    if found is None:
        raise PreviewError(
            f"không tìm thấy LibreOffice (soffice) để chuyển sang PDF; {INSTALL_OFFICE}"
        )
    return found


def find_pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        raise PreviewError(f"không tìm thấy pdftoppm để tạo ảnh PNG; {INSTALL_POPPLER}")
    return found


def _run(command: list[str], what: str) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise PreviewError(f"{what} quá {TIMEOUT_S} giây, đã dừng") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise PreviewError(
            f"{what} không thành công: {detail[-1] if detail else result.returncode}"
        )


def to_pdf(document: Path, out_dir: Path, office: str | None = None) -> Path:
    """Convert `document` to `out_dir/<name>.pdf` with LibreOffice headless.

    LibreOffice gets a profile folder of its own, so a running LibreOffice (or another
    conversion at the same time) neither blocks it nor is disturbed.
    """
    office = office or find_office()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chuongtrinh-lo-") as profile:
        command = [
            office,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(document),
        ]
        _run(command, "LibreOffice chuyển sang PDF")
    pdf = out_dir / f"{document.stem}.pdf"
    if not pdf.is_file():
        raise PreviewError(f"LibreOffice không tạo được {pdf}")
    return pdf


def to_png(pdf: Path, out_dir: Path, dpi: int = 100, pages: int | None = None) -> list[Path]:
    """Page images `<name>-1.png`, `<name>-2.png` …; with `pages=1`, a single `<name>.png`."""
    command = [find_pdftoppm(), "-r", str(dpi), "-png"]
    prefix = out_dir / pdf.stem
    if pages is not None:
        command += ["-f", "1", "-l", str(pages)]
    if pages == 1:
        command.append("-singlefile")
    _run([*command, str(pdf), str(prefix)], "pdftoppm tạo ảnh PNG")
    if pages == 1:
        return [prefix.with_suffix(".png")]
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def preview(
    docx_bytes: bytes,
    name: str,
    out_dir: Path,
    *,
    png: bool = False,
    dpi: int = 100,
    pages: int | None = None,
    keep_pdf: bool = True,
) -> list[Path]:
    """PDF (and PNG pages) of a built document in `out_dir`; the .docx itself is not kept."""
    office = find_office()
    if png:
        find_pdftoppm()  # say so before the slow conversion, not after it
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chuongtrinh-preview-") as work:
        document = Path(work) / f"{name}.docx"
        document.write_bytes(docx_bytes)
        pdf = to_pdf(document, Path(work), office)
        written = to_png(pdf, out_dir, dpi, pages) if png else []
        if keep_pdf:
            target = out_dir / pdf.name
            shutil.move(str(pdf), target)
            written.insert(0, target)
    return written

"""A look at the page without Word: .docx → PDF with LibreOffice headless, PDF → PNG pages."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from chuongtrinh import external
from chuongtrinh.build.output import write_atomic
from chuongtrinh.errors import UsageError

INSTALL_OFFICE = (
    "cài LibreOffice: sudo apt-get install libreoffice-writer-nogui fonts-liberation2 "
    "(Debian/Ubuntu), brew install --cask libreoffice (macOS), "
    "hoặc tải tại https://www.libreoffice.org/download/ (Windows)"
)
INSTALL_POPPLER = (
    "cài pdftoppm: sudo apt-get install poppler-utils (Debian/Ubuntu), brew install poppler (macOS)"
)


class PreviewError(UsageError):
    """A tool is missing or failed; the message says what to do (Vietnamese)."""


def find_office() -> str:
    """The LibreOffice executable on PATH, or a PreviewError saying how to install it."""
    found = external.find(*external.OFFICE_NAMES)
    if found is None:
        raise PreviewError(
            f"không tìm thấy LibreOffice (soffice) để chuyển sang PDF; {INSTALL_OFFICE}"
        )
    return found


def find_pdftoppm() -> str:
    found = external.find("pdftoppm")
    if found is None:
        raise PreviewError(f"không tìm thấy pdftoppm để tạo ảnh PNG; {INSTALL_POPPLER}")
    return found


def _check(done: subprocess.CompletedProcess[bytes], what: str) -> None:
    if done.returncode != 0:
        output = done.stderr or done.stdout
        detail = output.decode("utf-8", "replace").strip().splitlines()
        raise PreviewError(f"{what} không thành công: {detail[-1] if detail else done.returncode}")


def _run(command: list[str], what: str) -> None:
    try:
        _check(external.run(command), what)
    except external.Timeout as exc:
        raise PreviewError(f"{what} {exc}") from None


def to_pdf(document: Path, out_dir: Path, office: str | None = None) -> Path:
    """Convert `document` to `out_dir/<name>.pdf` with LibreOffice headless (see
    `chuongtrinh.external`: a profile of its own, removed afterwards)."""
    office = office or find_office()
    out_dir.mkdir(parents=True, exist_ok=True)
    what = "LibreOffice chuyển sang PDF"
    try:
        _check(external.convert(office, document, out_dir, "pdf"), what)
    except external.Timeout as exc:
        raise PreviewError(f"{what} {exc}") from None
    pdf = out_dir / f"{document.stem}.pdf"
    if not pdf.is_file():
        raise PreviewError(f"LibreOffice không tạo được {pdf}")
    return pdf


def to_png(pdf: Path, out_dir: Path, dpi: int = 100, pages: int | None = None) -> list[Path]:
    """Page images `<name>-1.png`, `<name>-2.png` …; with `pages=1`, a single `<name>.png`."""
    command = [find_pdftoppm(), "-r", str(dpi), "-png"]
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = external.argument(out_dir / pdf.stem)
    if pages is not None:
        command += ["-f", "1", "-l", str(pages)]
    if pages == 1:
        command.append("-singlefile")
    _run([*command, "--", external.argument(pdf), prefix], "pdftoppm tạo ảnh PNG")
    if pages == 1:
        return [out_dir / f"{pdf.stem}.png"]
    numbered = [p for p in out_dir.iterdir() if p.suffix == ".png" and p.stem.startswith(pdf.stem)]
    pages_of = {p: p.stem[len(pdf.stem) + 1 :] for p in numbered}
    return sorted((p for p, n in pages_of.items() if n.isdigit()), key=lambda p: int(pages_of[p]))


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
    with tempfile.TemporaryDirectory(prefix="chuongtrinh-preview-") as work:
        folder = Path(work)
        document = folder / f"{name}.docx"
        document.write_bytes(docx_bytes)
        pdf = to_pdf(document, folder, office)
        made = to_png(pdf, folder / "png", dpi, pages) if png else []
        if keep_pdf:
            made.insert(0, pdf)
        written = [out_dir / page.name for page in made]
        for page, target in zip(made, written, strict=True):
            write_atomic(target, page.read_bytes())
    return written

"""The programs some tests read the output with, when installed: LibreOffice, poppler, pandoc."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PANDOC = shutil.which("pandoc")


def convert(files: Iterable[Path], to: str, outdir: Path) -> None:
    """LibreOffice, headless, converts `files` to the format `to` in `outdir`; its profile is
    a folder of `outdir`, so a desktop LibreOffice already running does not get in the way."""
    assert OFFICE, "LibreOffice not installed"
    command = [
        OFFICE,
        f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def pdf_text(pdf: Path, *options: str) -> str:
    """The text of `pdf` as poppler's pdftotext gives it, with `options` (-layout, -f N …)."""
    assert PDFTOTEXT, "pdftotext not installed"
    command = [PDFTOTEXT, *options, str(pdf), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout

"""The real office files (`tests/data/real/`, copied unchanged from ../shared/real/docx; see
the README there): a path by number, and the paragraphs as `check` numbers them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh.docx.reader import body_paragraphs

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def real_file(number: int) -> Path:
    """File NN of the set: `real_file(14)` is 14-lamdong-cv-chi-dao-chi-so-cchc.docx."""
    [path] = REAL.glob(f"{number:02d}-*.docx")
    return path


def real_files() -> list[Path]:
    return sorted(REAL.glob("*.docx"))


def paragraphs(document: Any) -> list[Paragraph]:
    """In `check`'s order: its 'đoạn N' is item N - 1."""
    return list(body_paragraphs(document))


def find(document: Any, test: Callable[[str], bool]) -> tuple[int, Paragraph]:
    """The first paragraph whose stripped text passes `test`, with its 'đoạn' number."""
    for n, paragraph in enumerate(paragraphs(document), start=1):
        if test(paragraph.text.strip()):
            return n, paragraph
    raise LookupError("no such paragraph")


def texts(document: Any) -> Iterator[Any]:
    """Every w:t of the document body."""
    return document.element.body.iter(qn("w:t"))


def nfc(document: Any) -> None:
    """Every text composed (NFC), as an office's converter would leave it."""
    for element in texts(document):
        if element.text:
            element.text = unicodedata.normalize("NFC", element.text)


def retype(paragraph: Paragraph, text: str) -> None:
    """The paragraph's text replaced, keeping its first run's formatting."""
    runs = [r for r in paragraph.runs if r.text]
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def open_real(number: int) -> Any:
    return docx.Document(str(real_file(number)))

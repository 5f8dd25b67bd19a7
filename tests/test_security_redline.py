"""An item holding a tab, a carriage return and a line feed: its redline opens in LibreOffice.

A carriage return used to reach `w:t` as '&#13;'; LibreOffice read it in a plain paragraph but
refused the whole file when it stood inside a tracked change ("source file could not be
loaded"). A carriage return now ends a line like a line feed (layout/blocks.py, Run)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from chuongtrinh import api
from helpers.office import OFFICE, convert, pdf_text
from helpers.programs import BASE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ITEM = "Mục có\ttab, có\rCR và\nLF ở giữa."


def drafts(folder: Path) -> tuple[Path, Path]:
    old, new = folder / "cu.yaml", folder / "moi.yaml"
    for path, item in ((old, "Họp chi bộ."), (new, ITEM)):
        data = {**BASE, "noi_dung": [{"tieu_de": "Công tác.", "muc": [item, "Sinh hoạt."]}]}
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return old, new


def redline(folder: Path) -> Path:
    old, new = drafts(folder)
    path = folder / "so-sanh.docx"
    path.write_bytes(api.redline(api.diff(str(old), str(new)), "VP", "2024-01-01T00:00:00Z"))
    return path


def test_no_carriage_return_reaches_the_text_of_a_redline(tmp_path: Path) -> None:
    with zipfile.ZipFile(redline(tmp_path)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    texts = [t.text or "" for t in body.iter(f"{W}t", f"{W}delText")]
    assert "LF ở giữa." in texts and "tab, có" in texts and "CR và" in texts
    assert not any("\r" in text for text in texts)


@pytest.mark.slow
@pytest.mark.skipif(not OFFICE, reason="LibreOffice not installed")
def test_libreoffice_opens_the_redline_of_an_item_with_tab_cr_and_lf(tmp_path: Path) -> None:
    source = redline(tmp_path)
    convert([source], "pdf", tmp_path)  # refused before: "source file could not be loaded"
    assert "LF ở giữa." in pdf_text(source.with_suffix(".pdf"))

"""Golden files: a normalised document.xml and the plain text of each example, side by side.

A change in the output shows up as a readable diff of these files. To accept a deliberate
change, run `CHUONGTRINH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review
the diff before committing it.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from chuongtrinh.docx.reader import lines
from conftest import MONTHLY, YEARLY, Built

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CHUONGTRINH_UPDATE_GOLDEN") == "1"


def normalised_xml(docx_path: Path, part: str = "word/document.xml") -> str:
    """Pretty-printed XML with the attributes that change between runs of Word (rsid*) removed."""
    with zipfile.ZipFile(docx_path) as package:
        root = etree.fromstring(package.read(part))
    for element in root.iter():
        for attribute in list(element.attrib):
            if re.search(r"}rsid", attribute):
                del element.attrib[attribute]
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with CHUONGTRINH_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@pytest.mark.parametrize("name", [MONTHLY, YEARLY])
def test_document_xml(built: dict[str, Built], name: str) -> None:
    check(f"{name}.document.xml", normalised_xml(built[name].docx))


@pytest.mark.parametrize("name", [MONTHLY, YEARLY])
def test_text(built: dict[str, Built], name: str) -> None:
    check(f"{name}.txt", "\n".join(lines(built[name].docx)) + "\n")

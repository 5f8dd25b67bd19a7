"""Golden cases: a normalised document.xml and the plain text of every example, side by side.

`tests/golden/NAME/` holds the case of `examples/NAME.yaml`; the tests run over the examples
found, so a new example fails here until its case is written. A change in the output shows
up as a readable diff of these files. To write new cases or accept a deliberate change, run
`CHUONGTRINH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review the diff
before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from chuongtrinh.docx.reader import lines
from helpers.examples import ALL_EXAMPLES, ROOT, Built

GOLDEN = ROOT / "tests" / "golden"
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


def check(name: str, file: str, actual: str) -> None:
    path = GOLDEN / name / file
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with CHUONGTRINH_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name}/{file} differs from the golden file"


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_document_xml(built: dict[str, Built], name: str) -> None:
    check(name, "document.xml", normalised_xml(built[name].docx))


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_text(built: dict[str, Built], name: str) -> None:
    check(name, "text.txt", "\n".join(lines(built[name].docx)) + "\n")


def test_every_golden_case_has_its_example() -> None:
    stale = sorted(case for case in GOLDEN.iterdir() if case.name not in ALL_EXAMPLES)
    if UPDATE:
        for case in stale:
            shutil.rmtree(case)
        stale = []
    assert stale == [], f"golden cases of no example: {stale}; run with CHUONGTRINH_UPDATE_GOLDEN=1"

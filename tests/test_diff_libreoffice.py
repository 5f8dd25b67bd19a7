"""LibreOffice opens the redline, sees its tracked changes, and their two sides are the drafts."""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from chuongtrinh import api
from conftest import EXAMPLES, YEARLY
from odf_changes import lines, regions
from revisions import count

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")

if not OFFICE and os.environ.get("CI"):
    pytest.fail("CI needs LibreOffice (see .ci/run)", pytrace=False)
pytestmark = pytest.mark.skipif(not OFFICE, reason="LibreOffice not installed")

FIRST = EXAMPLES / f"{YEARLY}-lan-1.yaml"
SECOND = EXAMPLES / f"{YEARLY}-lan-2.yaml"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    out = tmp_path_factory.mktemp("redline")
    redline = api.redline(api.diff(str(FIRST), str(SECOND)), "VP", "2024-01-01T00:00:00Z")
    (out / "thay-doi.docx").write_bytes(redline)
    command = [
        str(OFFICE),
        f"-env:UserInstallation={(out / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "fodt",
        "--outdir",
        str(out),
        str(out / "thay-doi.docx"),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return redline, out / "thay-doi.fodt"


def test_libreoffice_sees_every_tracked_change(converted: tuple[bytes, Path]) -> None:
    redline, fodt = converted
    kinds = collections.Counter(regions(fodt).values())
    ours = count(redline)
    # A move's two ends are a deletion and an insertion to LibreOffice; every w:ins/w:del and
    # move wrapper, run or paragraph mark, becomes at least part of one region.
    assert kinds["insertion"] > 0 and kinds["deletion"] > 0
    assert kinds["insertion"] + kinds["deletion"] >= ours["moveFromRangeStart"] * 2 + 10


def test_accept_all_in_libreoffice_gives_the_new_draft(converted: tuple[bytes, Path]) -> None:
    assert lines(converted[1], accept=True) == api.plain_text(SECOND)


def test_reject_all_in_libreoffice_gives_the_old_draft(converted: tuple[bytes, Path]) -> None:
    assert lines(converted[1], accept=False) == api.plain_text(FIRST)

"""LibreOffice opens the redline, sees its tracked changes, and their two sides are the drafts."""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest

from chuongtrinh import api
from helpers.examples import EXAMPLES, YEARLY
from helpers.odf_changes import lines, regions, tracked_row_styles
from helpers.office import OFFICE, convert
from helpers.revisions import count
from helpers.table_drafts import revisions as table_revisions

if not OFFICE and os.environ.get("CI"):
    pytest.fail("CI needs LibreOffice (see .ci/run)", pytrace=False)
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not OFFICE, reason="LibreOffice not installed")]

FIRST = EXAMPLES / f"{YEARLY}-lan-1.yaml"
SECOND = EXAMPLES / f"{YEARLY}-lan-2.yaml"


TABLE_CASES = ("chi-bo-all", "yearly-many", "item-moved", "prose-to-table", "table-to-prose")


def issued(folder: Path) -> Path:
    """The second draft as issued: a number, a full date, no draft mark, a signer — changes at
    the end of the header's and the signature's table cells."""
    text = SECOND.read_text(encoding="utf-8")
    text = text.replace("du_thao: 2\n", "so: 125\n").replace("ngay: 2023 ", "ngay: 2023-12-20 ")
    text = text.replace(
        "  tham_quyen: T/M TỈNH ỦY", "  tham_quyen: T/M TỈNH ỦY\n  ho_ten: Lê Văn A"
    )
    path = folder / "ban-hanh.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, Path]]:
    """name → (old YAML, new YAML, the redline as LibreOffice saved it in flat ODF)."""
    out = tmp_path_factory.mktemp("redline")
    cases = {"lan-1-2": (FIRST, SECOND), "ban-hanh": (SECOND, issued(out))}
    for table_case in TABLE_CASES:  # programs laid out as a table: rows inserted and deleted
        folder = out / table_case
        folder.mkdir()
        cases[table_case] = table_revisions(folder, table_case)
    for name, (old, new) in cases.items():
        redline = api.redline(api.diff(str(old), str(new)), "VP", "2024-01-01T00:00:00Z")
        (out / f"{name}.docx").write_bytes(redline)
    convert((out / f"{name}.docx" for name in cases), "fodt", out)
    return {name: (old, new, out / f"{name}.fodt") for name, (old, new) in cases.items()}


def test_libreoffice_sees_every_tracked_change(
    converted: dict[str, tuple[Path, Path, Path]],
) -> None:
    fodt = converted["lan-1-2"][2]
    kinds = collections.Counter(regions(fodt).values())
    ours = count(fodt.with_suffix(".docx").read_bytes())
    # A move's two ends are a deletion and an insertion to LibreOffice; every w:ins/w:del and
    # move wrapper, run or paragraph mark, becomes at least part of one region.
    assert kinds["insertion"] > 0 and kinds["deletion"] > 0
    assert kinds["insertion"] + kinds["deletion"] >= ours["moveFromRangeStart"] * 2 + 10


def test_libreoffice_sees_tracked_rows_in_a_table(
    converted: dict[str, tuple[Path, Path, Path]],
) -> None:
    fodt = converted["chi-bo-all"][2]
    kinds = collections.Counter(regions(fodt).values())
    assert kinds["insertion"] > 0 and kinds["deletion"] > 0
    # one row style per inserted or deleted row, read as a tracked table row
    assert len(tracked_row_styles(fodt)) >= 1
    ours = count(fodt.with_suffix(".docx").read_bytes())
    assert ours["row ins"] == ours["row del"] == 1


@pytest.mark.parametrize("name", ["lan-1-2", "ban-hanh", *TABLE_CASES])
@pytest.mark.parametrize("accept", [True, False], ids=["accept-all", "reject-all"])
def test_accepted_or_rejected_in_libreoffice_gives_one_side(
    converted: dict[str, tuple[Path, Path, Path]], name: str, accept: bool
) -> None:
    old, new, fodt = converted[name]
    assert lines(fodt, accept=accept) == api.plain_text(new if accept else old)

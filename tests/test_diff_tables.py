"""The redline of programs laid out as a table (`trinh_bay: bang`): changes inside the table are
tracked (words in a row's cells, whole rows inserted and deleted), and the blocks stay in the
order `build` lays the new program out in (paragraphs after the table stay after it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chuongtrinh import api
from helpers.examples import EXAMPLES, YEARLY_TABLE
from helpers.revisions import block_kinds, count, document_xml, resolved_lines
from helpers.table_drafts import CASES, revisions

AUTHOR, DATE = "Văn phòng", "2026-03-01T00:00:00Z"


def redline_of(old: Path, new: Path) -> bytes:
    return api.redline(api.diff(str(old), str(new)), AUTHOR, DATE)


SWITCHED = ("prose-to-table", "table-to-prose")
SAME_LAYOUT = sorted(set(CASES) - set(SWITCHED))


@pytest.mark.parametrize("name", sorted(CASES))
def test_accept_all_gives_new_and_reject_all_old(tmp_path: Path, name: str) -> None:
    old, new = revisions(tmp_path, name)
    redline = redline_of(old, new)
    assert resolved_lines(redline, accept=True) == api.plain_text(new)
    assert resolved_lines(redline, accept=False) == api.plain_text(old)


@pytest.mark.parametrize("name", SAME_LAYOUT)
def test_each_edit_undone_accepts_and_rejects_too(tmp_path: Path, name: str) -> None:
    """NEW → OLD: an added row or group becomes a deleted one, a note added a note removed."""
    new, old = revisions(tmp_path, name)
    redline = redline_of(old, new)
    assert resolved_lines(redline, accept=True) == api.plain_text(new)
    assert resolved_lines(redline, accept=False) == api.plain_text(old)
    assert block_kinds(redline) == block_kinds(api.render(api.compile_file(new)))


@pytest.mark.parametrize("name", SAME_LAYOUT)
def test_blocks_in_the_order_build_lays_new_out(tmp_path: Path, name: str) -> None:
    old, new = revisions(tmp_path, name)
    built = api.render(api.compile_file(new))
    assert block_kinds(redline_of(old, new)) == block_kinds(built)


@pytest.mark.parametrize("name", sorted(CASES))
def test_blocks_accepted_are_new_and_rejected_old(tmp_path: Path, name: str) -> None:
    """Also when the layout switched between prose and table: the old table is deleted where it
    stood, the new one inserted where it stands."""
    old, new = revisions(tmp_path, name)
    redline = redline_of(old, new)
    assert block_kinds(redline, accept=True) == block_kinds(api.render(api.compile_file(new)))
    assert block_kinds(redline, accept=False) == block_kinds(api.render(api.compile_file(old)))


@pytest.mark.parametrize("name", SWITCHED)
def test_a_switch_between_prose_and_table_inserts_or_deletes_the_table(
    tmp_path: Path, name: str
) -> None:
    found = count(redline_of(*revisions(tmp_path, name)))
    rows = 10  # header, 3 groups, 6 items
    assert (found["row ins"], found["row del"]) == (
        (rows, 0) if name == "prose-to-table" else (0, rows)
    )


def test_paragraphs_after_the_table_stay_after_it(tmp_path: Path) -> None:
    old, new = revisions(tmp_path, "ket-luan")
    kinds = block_kinds(redline_of(old, new))
    # … title and body | items table | ket_luan | closing table
    assert kinds[-3:] == ["tbl", "p", "tbl"]


@pytest.mark.parametrize(
    ("name", "rows_inserted", "rows_deleted"),
    [
        ("item-edited", 0, 0),
        ("lead-and-note", 0, 0),
        ("group-renamed", 0, 0),
        ("ket-luan", 0, 0),
        ("row-added", 1, 0),
        ("row-deleted", 0, 1),
        ("item-moved", 1, 1),
        ("chi-bo-all", 1, 1),
        ("note-added-and-edited", 1, 0),
        ("group-added", 2, 0),
        ("yearly-many", 1, 0),
        ("yearly-row-deleted", 0, 1),
    ],
)
def test_rows_inserted_and_deleted_whole(
    tmp_path: Path, name: str, rows_inserted: int, rows_deleted: int
) -> None:
    found = count(redline_of(*revisions(tmp_path, name)))
    assert (found["row ins"], found["row del"]) == (rows_inserted, rows_deleted)
    assert found["ins"] + found["del"] > 0


def test_an_edited_item_is_tracked_word_by_word(tmp_path: Path) -> None:
    xml = document_xml(redline_of(*revisions(tmp_path, "item-edited")))
    inserted = re.findall(r"<w:ins [^>]*><w:r><w:t[^>]*>([^<]*)</w:t></w:r></w:ins>", xml)
    deleted = re.findall(r"<w:del [^>]*><w:r><w:delText[^>]*>([^<]*)</w:delText>", xml)
    assert (inserted, deleted) == (["2026 đầy đủ, "], ["2026, "])
    assert "<w:t>nộp về Đảng ủy phường.</w:t>" in xml  # the unchanged words stay plain text


def test_renumbered_rows_are_no_change(tmp_path: Path) -> None:
    """A row inserted above renumbers the ones below: the diff lists only the insertion."""
    found = api.diff(*(str(p) for p in revisions(tmp_path, "row-added")))
    assert [c.kind for c in found.changes] == ["item-added"]


def test_a_row_mark_carries_author_date_and_id(tmp_path: Path) -> None:
    xml = document_xml(redline_of(*revisions(tmp_path, "row-deleted")))
    start = xml.index("<w:trPr>")
    row_props = xml[start : xml.index("</w:trPr>", xml.index("<w:del ", start))]
    assert f'w:author="{AUTHOR}"' in row_props and f'w:date="{DATE}"' in row_props
    assert "w:id=" in row_props


def test_same_table_program_has_no_revisions(tmp_path: Path) -> None:
    path = EXAMPLES / f"{YEARLY_TABLE}.yaml"
    redline = redline_of(path, path)
    assert set(count(redline).values()) == {0}
    assert block_kinds(redline) == block_kinds(api.render(api.compile_file(path)))

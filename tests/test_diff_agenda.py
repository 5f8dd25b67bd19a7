"""The redline of an agenda (`kieu_muc: thoi-gian`, `thong_tin`), as prose and as a table: an
edited time slot, who presents it, a slot added or removed and the information block are
tracked so that Accept All gives the new revision and Reject All the old one."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuongtrinh import api
from helpers.cli import run_cli
from helpers.revisions import count, resolved_lines
from helpers.table_drafts import edited_pair

PROSE, TABLE = "hoi-nghi-so-ket-quy-1-2026", "ubnd-hop-cum-cong-nghiep-2026"

# name → (program, [(old text, new text), …]) applied to the example to make the new revision.
CASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "slot-edited": (
        PROSE,
        [
            ("thoi_gian: 14h20 - 14h50", "thoi_gian: 14h20 - 15h00"),
            ("thuc_hien: Đồng chí Phó Bí thư Thường trực", "thuc_hien: Đồng chí Bí thư"),
        ],
    ),
    "slot-added-and-removed": (
        PROSE,
        [
            (
                "      - thoi_gian: 16h20 - 16h30\n",
                "      - thoi_gian: 16h20 - 16h25\n"
                "        noi_dung: Thông qua thông báo kết luận hội nghị\n"
                "      - thoi_gian: 16h25 - 16h30\n",
            ),
            (
                "      - thoi_gian: 14h00 - 14h15\n        noi_dung: Đón tiếp đại biểu\n"
                "        thuc_hien: Văn phòng Đảng ủy\n",
                "",
            ),
        ],
    ),
    "information-edited": (
        PROSE,
        [
            ("dia_diem: Hội trường Ủy ban nhân dân xã", "dia_diem: Hội trường Đảng ủy xã"),
            ("    - Bí thư các chi bộ trực thuộc\n", ""),
        ],
    ),
    "table-slot-edited": (
        TABLE,
        [
            ("thoi_gian: 14h10 - 14h40", "thoi_gian: 14h10 - 14h30"),
            ("thuc_hien: Lãnh đạo Sở Công Thương", "thuc_hien: Giám đốc Sở Công Thương"),
        ],
    ),
    "table-slot-added": (
        TABLE,
        [
            (
                "      - thoi_gian: 16h00 - 16h30\n",
                "      - thoi_gian: 15h50 - 16h00\n"
                "        noi_dung: Giải trình ý kiến của đại biểu\n"
                "        thuc_hien: Lãnh đạo Sở Công Thương\n"
                "      - thoi_gian: 16h00 - 16h30\n",
            )
        ],
    ),
}


def redline_of(folder: Path, name: str) -> tuple[bytes, Path, Path]:
    program, edits = CASES[name]
    old, new = edited_pair(folder, program, edits)
    return api.redline(api.diff(str(old), str(new)), "Văn phòng", "2026-03-01T00:00:00Z"), old, new


@pytest.mark.parametrize("name", sorted(CASES))
def test_accept_all_gives_new_and_reject_all_old(tmp_path: Path, name: str) -> None:
    redline, old, new = redline_of(tmp_path, name)
    assert resolved_lines(redline, accept=True) == api.plain_text(new)
    assert resolved_lines(redline, accept=False) == api.plain_text(old)


def test_an_edited_slot_is_tracked_word_by_word(tmp_path: Path) -> None:
    redline, _, _ = redline_of(tmp_path, "slot-edited")
    found = count(redline)
    assert found["ins"] >= 2 and found["del"] >= 2  # the time and who presents
    assert found["moveFrom"] == found["moveTo"] == 0


def test_the_diff_names_the_changed_slot_field(tmp_path: Path) -> None:
    program, edits = CASES["slot-edited"]
    old, new = edited_pair(tmp_path, program, edits)
    fields = {change.field for change in api.diff(str(old), str(new)).changes}
    assert {"thoi_gian", "thuc_hien"} <= fields


def test_the_summary_says_which_slot_and_what_in_vietnamese(tmp_path: Path) -> None:
    program, edits = CASES["slot-edited"]
    old, new = edited_pair(tmp_path, program, edits)
    result = run_cli("diff", str(old), str(new), "--summary")
    assert result.returncode == 1
    assert "- Đổi thời gian mục 14h20: 14h20 - 14h50 thành 14h20 - 15h00;" in result.output
    assert "Đổi người thực hiện mục 14h20: Đồng chí Phó Bí thư Thường trực Đảng ủy thành" in (
        result.output
    )

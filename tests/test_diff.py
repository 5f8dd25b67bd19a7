"""`chuongtrinh diff`: the two drafts of seed 003, A against A, the CLI's output and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from lxml import etree

from chuongtrinh import api
from chuongtrinh.diff.changes import Diff
from chuongtrinh.diff.describe import summary
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, MONTHLY, YEARLY
from helpers.revisions import count, document_xml, resolved_lines

FIRST = EXAMPLES / f"{YEARLY}-lan-1.yaml"
SECOND = EXAMPLES / f"{YEARLY}-lan-2.yaml"
AUTHOR, DATE = "Văn phòng Tỉnh ủy", "2024-01-15T08:00:00Z"


@pytest.fixture(scope="module")
def drafts() -> Diff:
    return api.diff(str(FIRST), str(SECOND))


@pytest.fixture(scope="module")
def redline(drafts: Diff) -> bytes:
    return api.redline(drafts, AUTHOR, DATE)


def test_a_against_a_has_no_changes_and_its_redline_no_revisions() -> None:
    same = api.diff(str(FIRST), str(FIRST))
    assert same.same and same.changes == ()
    document = api.redline(same, AUTHOR, DATE)
    assert set(count(document).values()) == {0}
    assert resolved_lines(document, accept=True) == api.plain_text(FIRST)


def test_the_drafts_differ_by_the_edits_made_and_nothing_from_renumbering(drafts: Diff) -> None:
    found = [
        (c.kind, c.field, c.old_at, c.new_at, c.old_label, c.new_label) for c in drafts.changes
    ]
    assert found == [
        ("text-edited", "du_thao", None, None, None, None),
        ("item-added", None, None, "II.2", None, "(3)"),
        ("section-renamed", "tieu_de", "II.3", "II.3", None, None),
        ("item-edited", "noi_dung", "II.3", "II.3", "(2)", "(2)"),
        ("item-field", "chu_tri", "II.4", "II.4", "(2)", "(2)"),
        ("item-moved", None, "II.3", "II.5", "(5)", "(3)"),
    ]


def test_word_changes_inside_an_edited_item(drafts: Diff) -> None:
    edited = next(c for c in drafts.changes if c.kind == "item-edited")
    changed = [(p.op, p.text.strip()) for p in edited.words if p.op != "equal"]
    assert changed == [
        ("delete", "5"),
        ("insert", "05"),
        ("delete", "11- CT/TW"),
        ("insert", "11-CT/TW"),
    ]


def test_summary_in_vietnamese(drafts: Diff) -> None:
    assert summary(drafts.changes) == [
        "- Sửa dấu dự thảo: “Dự thảo lần 1” thành “Dự thảo lần 2”;",
        "- Thêm mục (3) vào phần II.2;",
        "- Sửa tiêu đề phần II.3: “tháng 8/2024” thành “tháng 9/2024”;",
        "- Sửa nội dung mục (2) phần II.3;",
        "- Đổi cơ quan chủ trì mục (2) phần II.4: Ban Dân vận Tỉnh ủy thành Ban Tổ chức Tỉnh ủy;",
        "- Chuyển mục (5) từ II.3 sang II.5 (nay là mục (3)).",
    ]


def test_accept_all_gives_the_new_text_and_reject_all_the_old(redline: bytes) -> None:
    assert resolved_lines(redline, accept=True) == api.plain_text(SECOND)
    assert resolved_lines(redline, accept=False) == api.plain_text(FIRST)


def test_redline_marks_insertions_deletions_and_the_move(redline: bytes) -> None:
    found = count(redline)
    assert found["ins"] > 0 and found["del"] > 0
    assert found["moveFromRangeStart"] == found["moveToRangeStart"] >= 1


def test_redline_carries_one_author_and_one_date(redline: bytes) -> None:
    xml = document_xml(redline)
    assert f'w:author="{AUTHOR}"' in xml
    assert set(re.findall(r'w:date="([^"]+)"', xml)) == {DATE}


_ALONE = "Quy chế dân chủ ở cơ sở 6 tháng đầu năm 2024.\n            chu_tri: Ban Dân vận Tỉnh ủy"
_MERGED = _ALONE.replace("Ban Dân vận", "Văn phòng")


def _changed_paragraphs(docx: bytes) -> list[tuple[str, str]]:
    """(what happened, its text) for each paragraph of a redline that carries a revision."""
    root = etree.fromstring(document_xml(docx).encode("utf-8"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    found = []
    for p in root.iter(f"{w}p"):
        text = "".join(t.text or "" for t in p.iter(f"{w}t", f"{w}delText"))
        whole = p.find(f"{w}pPr/{w}rPr/{w}del") is not None or (
            p.find(f"{w}pPr/{w}rPr/{w}ins") is not None
        )
        moved = next(p.iter(f"{w}moveFrom", f"{w}moveTo"), None) is not None
        edited = next(p.iter(f"{w}ins", f"{w}del"), None) is not None
        if moved or whole or edited:
            found.append(("move" if moved else "whole" if whole else "edited", text))
    return found


@pytest.mark.parametrize("merging", [True, False], ids=["merged", "split"])
def test_lead_agency_lines_that_merge_or_split_are_edited_in_place(
    tmp_path: Path, merging: bool
) -> None:
    """Item (3) of II.2 given the agency of (1) and (2): their two lead-agency lines become
    one after (3). The redline deletes the line after (2) and edits the one after (3), as a
    clerk would in Word; no move, no change anywhere else (and the reverse for a split)."""
    text = SECOND.read_text(encoding="utf-8")
    assert _ALONE in text
    merged = text.replace(_ALONE, _MERGED)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text if merging else merged, encoding="utf-8")
    new.write_text(merged if merging else text, encoding="utf-8")
    docx = api.redline(api.diff(str(old), str(new)), AUTHOR, DATE)
    changed = _changed_paragraphs(docx)
    assert [what for what, _ in changed] == ["whole", "edited"]  # in reading order
    pair = "Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy mục (1) và (2)."
    whole = next(t for what, t in changed if what == "whole")
    edited = next(t for what, t in changed if what == "edited")
    assert whole == pair
    assert all(words in edited for words in ("Ban Dân vận", "Văn phòng", "mục (1), (2) và (3)"))
    assert resolved_lines(docx, accept=True) == api.plain_text(new)
    assert resolved_lines(docx, accept=False) == api.plain_text(old)


def test_an_item_added_at_the_end_of_a_conference_marks_only_its_own_lines(
    tmp_path: Path,
) -> None:
    """The heading after an added item and its lead-agency line is no revision: both new
    paragraphs carry their own marks (text and paragraph mark), as Word's Compare writes them.
    LibreOffice draws the bar of an inserted paragraph mark beside the next line too; the
    heading itself is untouched, so Word shows no bar there."""
    text = SECOND.read_text(encoding="utf-8")
    end = "            chu_tri: Ban Tuyên giáo Tỉnh ủy\n\n      - tieu_de: Hội nghị Ban Chấp hành"
    assert text.count(end) >= 1
    added = (
        "            chu_tri: Ban Tuyên giáo Tỉnh ủy\n"
        "          - noi_dung: Việc mới cuối hội nghị.\n"
        "            chu_tri: Ban Nội chính Tỉnh ủy\n\n      - tieu_de: Hội nghị Ban Chấp hành"
    )
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace(end, added, 1), encoding="utf-8")
    docx = api.redline(api.diff(str(old), str(new)), AUTHOR, DATE)
    assert _changed_paragraphs(docx) == [
        ("whole", "(3) Việc mới cuối hội nghị."),
        ("whole", "Cơ quan chủ trì tham mưu: Ban Nội chính Tỉnh ủy."),
    ]
    assert resolved_lines(docx, accept=False) == api.plain_text(old)


def test_redline_is_reproducible(drafts: Diff, redline: bytes) -> None:
    assert document_xml(api.redline(drafts, AUTHOR, DATE)) == document_xml(redline)


def test_cli_exit_codes_like_diff(tmp_path: Path) -> None:
    assert run_cli("diff", FIRST, FIRST).returncode == 0
    result = run_cli("diff", FIRST, SECOND, "--color", "never")
    assert result.returncode == 1
    assert "↷ Chuyển mục (5) từ II.3 sang II.5 (nay là mục (3))" in result.stdout
    assert "Sơ kết [-5 -]{+05 +}năm" in result.stdout
    bad = tmp_path / "hong.yaml"
    bad.write_text("he_thong: dang\nco_quan: [\n", encoding="utf-8")
    result = run_cli("diff", bad, SECOND)
    assert result.returncode == 2
    assert f"{bad}:3:1: lỗi [yaml-syntax]" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("diff", SECOND, bad, "--format", "json")
    assert result.returncode == 2 and [d["code"] for d in json.loads(result.stdout)] == [
        "yaml-syntax"
    ]


def test_cli_json_and_summary() -> None:
    result = run_cli("diff", FIRST, SECOND, "--format", "json")
    record = json.loads(result.stdout)
    assert result.returncode == 1 and record["same"] is False
    assert [c["kind"] for c in record["changes"]][:2] == ["text-edited", "item-added"]
    assert record["changes"][1]["text"] == "Thêm mục (3) vào phần II.2"
    result = run_cli("diff", FIRST, SECOND, "--summary")
    assert result.stdout.splitlines()[1] == "- Thêm mục (3) vào phần II.2;"


def test_working_files_are_dated_when_they_were_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits in a working file are as recent as its last save, not the programme's own date
    (`ngay: 2024` used to stamp every change 2024-01-01)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    old, new = tmp_path / "lan-1.yaml", tmp_path / "lan-2.yaml"
    old.write_bytes(FIRST.read_bytes())
    new.write_bytes(SECOND.read_bytes())
    saved = dt.datetime(2026, 11, 20, 8, 15, tzinfo=dt.UTC).timestamp()
    os.utime(new, (saved, saved))
    result = run_cli("diff", old, new, "--docx", tmp_path / "r.docx", "--author", "VP")
    assert result.returncode == 1, result.stderr
    xml = document_xml((tmp_path / "r.docx").read_bytes())
    assert set(re.findall(r'w:date="([^"]+)"', xml)) == {"2026-11-20T08:15:00Z"}


def test_cli_writes_the_redline(tmp_path: Path) -> None:
    target = tmp_path / "thay-doi.docx"
    result = run_cli("diff", FIRST, SECOND, "--docx", target, "--author", "VP", "--date", DATE)
    assert result.returncode == 1
    assert resolved_lines(target.read_bytes(), accept=True) == api.plain_text(SECOND)


def test_text_of_a_program_is_the_text_of_its_docx(tmp_path: Path) -> None:
    built = api.build(FIRST, tmp_path / "lan-1.docx").output
    from_yaml = run_cli("text", FIRST)
    assert from_yaml.returncode == 0
    assert from_yaml.stdout == run_cli("text", built).stdout
    assert from_yaml.stdout.splitlines() == api.plain_text(built)


def test_text_fallback_prints_broken_yaml_as_is(tmp_path: Path) -> None:
    bad = tmp_path / "hong.yaml"
    bad.write_text("he_thong: dang\nco_quan: [\n", encoding="utf-8")
    assert run_cli("text", bad).returncode == 1
    result = run_cli("text", "--fallback", bad)
    assert result.returncode == 0 and result.stdout == bad.read_text(encoding="utf-8")


def test_a_flat_program_with_dash_items(tmp_path: Path, example_text: dict[str, str]) -> None:
    """Sections '1.', '2.' and items '-': an item moved, a heading, the date and a recipient."""
    text = example_text[MONTHLY]
    moved = (
        "      - Thường xuyên nắm bắt diễn biến tư tưởng của đảng viên để định hướng kịp thời.\n"
    )
    anchor = "      - Ban hành Kế hoạch và tổ chức khảo sát lấy ý kiến nhân dân"
    edited = text.replace(moved, "").replace(anchor, moved + anchor)
    edited = edited.replace("Lãnh đạo đảng viên thực hiện", "Lãnh đạo cán bộ, đảng viên thực hiện")
    edited = edited.replace("ngay: 2023-02-01", "ngay: 2023-02-03")
    edited = edited.replace("  - Lưu Đảng uỷ", "  - Thường trực HĐND Tỉnh\n  - Lưu Đảng uỷ")
    old, new = tmp_path / "cu.yaml", tmp_path / "moi.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(edited, encoding="utf-8")
    found = api.diff(str(old), str(new))
    assert summary(found.changes) == [
        "- Sửa dòng địa danh, ngày tháng: “Đồng Tháp, ngày 01 tháng 02 năm 2023” thành “Đồng Tháp, ngày 03 tháng 02 năm 2023”;",
        "- Sửa tiêu đề phần 2: “Lãnh đạo đảng viên thực hiện nhiệm vụ.” thành “Lãnh đạo cán bộ, đảng viên thực hiện nhiệm vụ.”;",
        "- Chuyển mục thứ 4 từ phần 1 sang phần 2 (nay là mục thứ 2);",
        "- Thêm nơi nhận “- Thường trực HĐND Tỉnh,”.",
    ]
    document = api.redline(found, AUTHOR, DATE)
    assert resolved_lines(document, accept=True) == api.plain_text(new)
    assert resolved_lines(document, accept=False) == api.plain_text(old)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_program_diffs_against_its_utf8_copy(tmp_path: Path, codec: str) -> None:
    """diff reads a file as build does: the same program in UTF-16 is no change, either way."""
    text = FIRST.read_text(encoding="utf-8")
    utf8, utf16 = tmp_path / "utf8.yaml", tmp_path / "utf16.yaml"
    utf8.write_text(text, encoding="utf-8")
    utf16.write_bytes(text.encode(codec))
    for old, new in ((utf16, utf8), (utf8, utf16)):
        result = run_cli("diff", old, new)
        assert result.returncode == 0, result.output
        assert result.stdout.splitlines()[-1] == "không có thay đổi"

"""Annexes (`phu_luc`): after the signature, each in a Word section of its own from a new page,
landscape when wide and portrait after it; the "(Kèm theo …)" line made from the document; a
header of two rows repeated on every page; cells merged across and down; errors located."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from chuongtrinh import api
from chuongtrinh.diff.describe import phrase
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.layout.blocks import Annex, Document, Table
from helpers.examples import ANNEXED, EXAMPLES, Built
from helpers.programs import BASE, line_of
from helpers.revisions import count, document_xml, resolved_lines

STATE = {
    "he_thong": "nha-nuoc",
    "loai": "KH",
    "co_quan": {"cap_tren": "UBND TỈNH LÀO CAI", "ten": "SỞ CÔNG THƯƠNG", "viet_tat": "SCT"},
    "so": 15,
    "ngay": "2026-02-05",
    "ky": {"tham_quyen": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"},
}


def annex(columns: int = 4, **changes: Any) -> dict[str, Any]:
    """An annex whose table has `columns` plain columns and one row."""
    titles = ["STT", "Nhiệm vụ", *(f"Cột {n}" for n in range(3, columns + 1))]
    row = [1, "Rà soát các văn bản", *(f"ô {n}" for n in range(3, columns + 1))]
    return {"tieu_de": "Phân công nhiệm vụ", "bang": {"cot": titles, "dong": [row]}, **changes}


def source(**changes: Any) -> str:
    return yaml.safe_dump({**BASE, **STATE, **changes}, allow_unicode=True, sort_keys=False)


def lay_out(**changes: Any) -> Document:
    return api.layout(api.compile_text(source(**changes), "t.yaml"))


def annexes(document: Document) -> list[Annex]:
    return [block for block in document.blocks if isinstance(block, Annex)]


def texts(block: Annex) -> list[str]:
    return [para.text for para in block.paragraphs() if para.text]


# -- layout ---------------------------------------------------------------------------------


def test_annex_follows_the_signature_with_heading_title_and_attached_line() -> None:
    document = lay_out(phu_luc=[annex()])
    assert isinstance(document.blocks[-1], Annex)
    assert texts(annexes(document)[0])[:3] == [
        "PHỤ LỤC",
        "PHÂN CÔNG NHIỆM VỤ",
        "(Kèm theo Kế hoạch số 15/KH-SCT ngày 05/02/2026 của Sở công thương)",
    ]


def test_several_annexes_are_numbered_in_roman() -> None:
    found = annexes(lay_out(phu_luc=[annex(), annex(tieu_de="Biểu mẫu"), annex()]))
    assert [texts(a)[0] for a in found] == ["PHỤ LỤC I", "PHỤ LỤC II", "PHỤ LỤC III"]


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        ({"so": None}, "(Kèm theo Kế hoạch số        /KH-SCT ngày 05/02/2026 của Sở Công Thương)"),
        (
            {"so": None, "ngay": 2026, "du_thao": True},
            "(Kèm theo Kế hoạch số        /KH-SCT ngày       tháng       năm 2026"
            " của Sở Công Thương)",
        ),
        ({"co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], "viet_tat": "UBND"}},
         "(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Lào Cai)"),
    ],
)  # fmt: skip
def test_attached_line_is_made_from_the_documents_number_date_and_issuer(
    changes: dict[str, Any], line: str
) -> None:
    issuer = {} if "co_quan" in changes else {"cua": "Sở Công Thương"}
    found = annexes(lay_out(phu_luc=[annex(**issuer)], **changes))[0]
    assert texts(found)[2] == line


def test_party_attached_line_cites_with_a_comma_before_the_date() -> None:
    data = {**BASE, "loai": "KH", "phu_luc": [annex(cua="Ban Thường vụ Đảng ủy")]}
    document = api.layout(api.compile_text(yaml.safe_dump(data, allow_unicode=True), "t.yaml"))
    line = texts(annexes(document)[0])[2]
    assert line == "(Kèm theo Kế hoạch số 7-KH/ĐU, ngày 05/3/2023 của Ban Thường vụ Đảng ủy)"


def test_attached_line_typed_or_left_out() -> None:
    typed = annex(kem_theo="Kèm theo Công văn số 12/SCT-VP")
    found = annexes(lay_out(phu_luc=[typed, annex(kem_theo=False)]))
    assert texts(found[0])[2] == "(Kèm theo Công văn số 12/SCT-VP)"
    assert not any(t.startswith("(Kèm theo") for t in texts(found[1]))


@pytest.mark.parametrize(
    ("columns", "orientation", "landscape"),
    [(5, None, False), (6, None, True), (8, "doc", False), (3, "ngang", True)],
)
def test_landscape_when_wide_or_asked(
    columns: int, orientation: str | None, landscape: bool
) -> None:
    changes = {"huong": orientation} if orientation else {}
    [found] = annexes(lay_out(phu_luc=[annex(columns, **changes)]))
    assert found.landscape is landscape
    [table] = [b for b in found.blocks if isinstance(b, Table)]
    page = 297 if landscape else 210
    assert sum(table.widths_mm) == pytest.approx(page - 30 - 15, abs=0.5)


def test_grouped_header_is_two_rows_and_cells_merge_down() -> None:
    table = {
        "cot": [
            "STT",
            "Nhiệm vụ",
            {"tieu_de": "Cơ quan thực hiện", "cot": ["Chủ trì", "Phối hợp"]},
        ],
        "dong": [
            {"nhom": "I. NHIỆM VỤ CHUNG"},
            [1, "Rà soát", "Sở Nội vụ", {"noi_dung": "Các sở", "gop_doc": 2}],
            [2, "Tổng hợp", "Sở Tư pháp"],
        ],
    }
    [found] = annexes(lay_out(phu_luc=[{"tieu_de": "Phân công", "bang": table}]))
    [layout] = [b for b in found.blocks if isinstance(b, Table)]
    first, second, group, one, two = layout.rows
    assert [r.kind for r in layout.rows] == ["header", "header", "group", "item", "item"]
    assert [(m.span, m.down) for m in first.merges] == [(1, "restart"), (1, "restart"), (2, "")]
    assert [m.down for m in second.merges] == ["continue", "continue", "", ""]
    assert [c[0].text for c in second.cells if c] == ["Chủ trì", "Phối hợp"]
    assert group.cells[0][0].text == "I. NHIỆM VỤ CHUNG" and len(group.cells) == 1
    assert one.merges[3].down == "restart" and two.merges[3].down == "continue"
    assert two.cells[3] == () and two.cells[2][0].text == "Sở Tư pháp"


# -- errors ---------------------------------------------------------------------------------


def _errors(text: str) -> list[Any]:
    with pytest.raises(ChuongtrinhError) as caught:
        api.compile_text(text, "t.yaml")
    return [d for d in caught.value.diagnostics if d.severity == "error"]


def test_a_row_that_does_not_fill_its_columns_is_an_error_at_that_row() -> None:
    bad = annex()
    bad["bang"]["dong"].append([2, "Thiếu một ô", "ô 3"])
    text = source(phu_luc=[bad])
    [error] = _errors(text)
    assert error.code == "annex-row-cells" and "3 ô, cần 4" in error.message
    assert error.line == line_of(text, "- - 2")  # the row (block style: "- - 2")
    assert "ngoặc kép" in (error.hint or "")  # '[2, Tổng hợp, báo cáo, …]' is one cell more


def test_a_merge_through_a_group_row_is_an_error_at_its_cell() -> None:
    bad = annex(2)
    bad["bang"]["dong"] = [
        [1, {"noi_dung": "Gộp quá nhóm", "gop_doc": 2}],
        {"nhom": "II. NHÓM SAU"},
        [2, "Sau nhóm"],
    ]
    text = source(phu_luc=[bad])
    [error] = _errors(text)
    assert error.code == "annex-merge" and error.line == line_of(text, "gop_doc")


# -- the written .docx ----------------------------------------------------------------------


def _sections(xml: str) -> list[str]:
    return re.findall(r"<w:sectPr\b.*?</w:sectPr>", xml)


def test_each_annex_is_a_section_landscape_then_portrait(tmp_path: Path) -> None:
    wide, narrow = annex(7, tieu_de="Bảng rộng"), annex(3, tieu_de="Bảng hẹp")
    xml = document_xml(api.render(api.compile_text(source(phu_luc=[wide, narrow]), "t.yaml")))
    body, first, last = _sections(xml)
    assert "<w:titlePg/>" in body and 'w:orient="landscape"' not in body  # page 1 unnumbered
    assert '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' in first
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in last
    for section in (first, last):  # numbered from their first page on, numbers going on
        assert "<w:titlePg/>" not in section and "pgNumType" not in section
        assert 'w:type="default"' in section
    assert xml.index(body) < xml.index("BẢNG RỘNG") < xml.index(first) < xml.index("BẢNG HẸP")


def test_header_rows_repeat_rows_do_not_split_and_cells_merge(built: dict[str, Built]) -> None:
    xml = document_xml(built[ANNEXED].docx.read_bytes())
    table = xml[xml.index("PHÂN CÔNG NHIỆM VỤ") :]
    table = table[table.index("<w:tbl>") : table.index("</w:tbl>")]
    rows = re.findall(r"<w:tr>.*?</w:tr>", table)
    assert all("<w:cantSplit/>" in row for row in rows)
    assert ["<w:tblHeader/>" in row for row in rows[:3]] == [True, True, False]
    assert '<w:gridSpan w:val="2"/>' in rows[0] and rows[0].count('w:val="restart"') == 5
    assert rows[1].count("<w:vMerge/>") == 5
    assert '<w:gridSpan w:val="7"/>' in rows[2]  # a group row across the table
    assert table.count('<w:vMerge w:val="restart"/>') == 5 + 6  # the header's and the body's


def test_text_read_back_is_the_layouts(built: dict[str, Built]) -> None:
    """A cell merged down is read once, where it starts."""
    assert api.plain_text(built[ANNEXED].docx) == api.plain_text(EXAMPLES / f"{ANNEXED}.yaml")


def test_check_accepts_a_document_with_an_annex(built: dict[str, Built]) -> None:
    result = api.check(built[ANNEXED].docx)
    assert [f for f in result.findings if f.severity == "error"] == []


# -- diff and redline -----------------------------------------------------------------------

_EDITS = {  # the example's annex, one row edited, one added, one removed
    "edited": [("[6, Chấm bài kiểm tra đợt 1,", "[6, Chấm bài và công bố kết quả đợt 1,")],
    "added": [
        (
            "        - [15, Lưu trữ",
            '        - [16, Gửi báo cáo kết quả, Báo cáo, Nguyễn Văn B, Văn phòng Sở, Tháng 6, ""]\n'
            "        - [15, Lưu trữ",
        )
    ],
    "removed": [
        ('        - [3, "Chuẩn bị phòng kiểm tra, thiết bị và tài liệu", Phòng kiểm tra, Lê Văn D,'
         ' Văn phòng Sở, ""]\n', ""),
        ("Trước ngày 29/5/2026, gop_doc: 3", "Trước ngày 29/5/2026, gop_doc: 2"),
    ],
}  # fmt: skip


def _revision(tmp_path: Path, name: str) -> tuple[Path, Path]:
    old = tmp_path / "cu.yaml"
    text = (EXAMPLES / f"{ANNEXED}.yaml").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    for before, after in _EDITS[name]:
        assert before in text
        text = text.replace(before, after)
    new = tmp_path / "moi.yaml"
    new.write_text(text, encoding="utf-8")
    return old, new


@pytest.mark.parametrize("name", sorted(_EDITS))
def test_annex_redline_accepts_to_new_and_rejects_to_old(tmp_path: Path, name: str) -> None:
    old, new = _revision(tmp_path, name)
    redline = api.redline(api.diff(str(old), str(new)), "Văn phòng", "2026-06-01T00:00:00Z")
    assert resolved_lines(redline, accept=True) == api.plain_text(new)
    assert resolved_lines(redline, accept=False) == api.plain_text(old)


def test_an_edited_cell_is_tracked_word_by_word_and_rows_whole(tmp_path: Path) -> None:
    old, new = _revision(tmp_path, "edited")
    redline = api.redline(api.diff(str(old), str(new)), "Văn phòng", "2026-06-01T00:00:00Z")
    assert count(redline)["row ins"] == count(redline)["row del"] == 0
    xml = document_xml(redline)
    assert re.search(r"<w:ins [^>]*><w:r>(<w:rPr>.*?</w:rPr>)?<w:t[^>]*>và công bố kết quả ", xml)
    assert re.search(r"<w:del [^>]*><w:r>(<w:rPr>.*?</w:rPr>)?<w:delText[^>]*>kiểm tra ", xml)
    old, new = _revision(tmp_path, "added")
    redline = api.redline(api.diff(str(old), str(new)), "Văn phòng", "2026-06-01T00:00:00Z")
    assert (count(redline)["row ins"], count(redline)["row del"]) == (1, 0)


def test_diff_names_the_annex_rows_that_changed(tmp_path: Path) -> None:
    lines = []
    for name in sorted(_EDITS):
        old, new = _revision(tmp_path, name)
        lines += [phrase(change) for change in api.diff(str(old), str(new)).changes]
    assert lines == [
        "Thêm dòng 16 vào bảng phụ lục “16 | Gửi báo cáo kết quả | Báo cáo | Nguyễn Văn B | Văn phò…”",
        "Sửa dòng 6 ở bảng phụ lục: “bài kiểm tra” thành “bài và công bố kết quả”",
        "Bỏ dòng 3 ở bảng phụ lục “3 | Chuẩn bị phòng kiểm tra, thiết bị và tài liệu | Phòng k…”",
    ]


def test_annexes_are_matched_by_title(tmp_path: Path) -> None:
    """A new annex in front is one annex added, not every annex edited."""
    first, second = annex(tieu_de="Phân công nhiệm vụ"), annex(tieu_de="Kinh phí thực hiện")
    old, new = tmp_path / "cu.yaml", tmp_path / "moi.yaml"
    old.write_text(source(phu_luc=[first]), encoding="utf-8")
    new.write_text(source(phu_luc=[second, first]), encoding="utf-8")
    changes = api.diff(str(old), str(new)).changes
    assert [(c.kind, c.new_at) for c in changes] == [("annex-added", "phụ lục I")]
    redline = api.redline(api.diff(str(old), str(new)), "Văn phòng", "2026-06-01T00:00:00Z")
    assert resolved_lines(redline, accept=True) == api.plain_text(new)
    assert resolved_lines(redline, accept=False) == api.plain_text(old)

"""`import` of annexes as offices type them: after the signature, sometimes without the
"PHỤ LỤC" line (real file 02: a title over "(Kèm theo …)"), numbered by Word, with forms."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION

from chuongtrinh.importer.recognise import import_document
from helpers.handmade import save, ubnd_2026

ATTACHED = "(Kèm theo Chương trình số 15/CTr-UBND ngày 05/02/2026 của UBND tỉnh Quảng Bình)"


def _with_annex(label: str | None, landscape: bool = False) -> bytes:
    """The hand-made State programme, then an annex: a title, its '(Kèm theo …)' line, a task
    table whose 'TT' column Word numbers itself, and a second table (a form)."""
    doc = docx.Document(io.BytesIO(ubnd_2026()))
    doc.add_paragraph()
    if landscape:  # the annex in a Word section of its own, turned sideways
        section = doc.add_section(WD_SECTION.NEW_PAGE)  # the body's section ends above
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if label:
        doc.add_paragraph(label)
    doc.add_paragraph("PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC")
    doc.add_paragraph(ATTACHED)
    table = doc.add_table(rows=3, cols=3)
    for row, texts in zip(table.rows, [("TT", "Nhiệm vụ", "Người thực hiện"),
                                        ("", "Rà soát hồ sơ", "Trần Thị C"),
                                        ("", "Tổ chức kiểm tra", "Lê Văn D")], strict=True):  # fmt: skip
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0].add_run(text)
    for row in table.rows[1:]:
        row.cells[0].paragraphs[0].style = doc.styles["List Number"]
    doc.add_paragraph("Mẫu số 01")
    form = doc.add_table(rows=1, cols=2)
    form.rows[0].cells[0].paragraphs[0].add_run("Họ và tên người ứng cử")
    return save(doc)


def test_an_annex_without_its_label_is_read_and_the_signer_kept() -> None:
    result = import_document(io.BytesIO(_with_annex(None)))
    assert result.data["ky"]["ho_ten"] == "Nguyễn Văn A"  # not a name from the annex table
    (annex,) = result.data["phu_luc"]
    assert annex["tieu_de"] == "PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC"
    assert annex["cua"] == "UBND tỉnh Quảng Bình"
    assert annex["bang"]["cot"] == ["TT", "Nhiệm vụ", "Người thực hiện"]
    assert [row[1:] for row in annex["bang"]["dong"]] == [
        ["Rà soát hồ sơ", "Trần Thị C"],
        ["Tổ chức kiểm tra", "Lê Văn D"],
    ]


def test_a_tt_column_numbered_by_word_keeps_its_numbers() -> None:
    result = import_document(io.BytesIO(_with_annex("PHỤ LỤC")))
    assert [row[0] for row in result.data["phu_luc"][0]["bang"]["dong"]] == ["1.", "2."]


def test_a_second_table_in_an_annex_is_kept_not_dropped() -> None:
    result = import_document(io.BytesIO(_with_annex("PHỤ LỤC")))
    kept = [(u.text, u.why) for u in result.unplaced]
    assert ("Họ và tên người ứng cử", "bảng thứ hai trong một phụ lục") in kept
    assert result.data["phu_luc"][0]["ghi_chu"] == ["Mẫu số 01"]


def test_an_annex_on_landscape_pages_says_so_when_its_table_is_narrow() -> None:
    assert "huong" not in import_document(io.BytesIO(_with_annex(None))).data["phu_luc"][0]
    (annex,) = import_document(io.BytesIO(_with_annex(None, landscape=True))).data["phu_luc"]
    assert annex["huong"] == "ngang"  # three columns: portrait unless the file turns it

"""The State example read back: FORMAT.md's State table (NĐ 30/2020), written here from the rule
text, not from the profile, so a wrong size, label, punctuation or rule line fails."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh import api
from helpers.examples import EXAMPLES, STATE, Built
from helpers.wordprops import all_runs, cell_paragraphs, find, format_value, no_run, size_pt


@pytest.fixture(scope="module")
def state(built: dict[str, Built]) -> Document:
    return built[STATE].open()


def rule_mm(paragraph: Paragraph) -> float | None:
    """The length of the line drawn under `paragraph` (bottom border between its indents)."""
    for style in (paragraph, paragraph.style):
        p_pr = style._p.pPr if isinstance(style, Paragraph) else style.element.pPr
        bottom = None if p_pr is None else p_pr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
        if bottom is not None and bottom.get(qn("w:val")) == "single":
            cell = paragraph._parent
            width = cell.width.mm if hasattr(cell, "width") and cell.width else 165.0
            left = format_value(paragraph, "left_indent")
            right = format_value(paragraph, "right_indent")
            return width - (left.mm if left else 0) - (right.mm if right else 0)
    return None


def test_page_numbers_from_page_two_and_margins(state: Document) -> None:
    section = state.sections[0]
    assert section.different_first_page_header_footer
    assert [t.text for t in section.header.paragraphs[0]._p.iter(qn("w:instrText"))] == [" PAGE "]
    assert 20 <= round(section.top_margin.mm) <= 25 and 30 <= round(section.left_margin.mm) <= 35


def test_national_title_and_motto_with_full_length_rule(state: Document) -> None:
    right = cell_paragraphs(state.tables[0], 1)
    title, motto, rule = right[0], right[1], right[2]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert 12 <= size_pt(title) <= 13 and all_runs(title, "bold")
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert 13 <= size_pt(motto) <= 14 and all_runs(motto, "bold")
    assert "_" not in rule.text and rule.text == ""  # a drawn line, not underscores
    length = rule_mm(rule)
    assert length is not None and 55 <= length <= 75  # as long as the motto
    assert format_value(rule, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_issuer_with_short_rule_and_number_with_colon(state: Document) -> None:
    left = cell_paragraphs(state.tables[0], 0)
    issuer = find(left, "^ỦY BAN NHÂN DÂN$")
    assert 12 <= size_pt(issuer) <= 13 and all_runs(issuer, "bold")
    province = left[1]
    assert province.text == "TỈNH QUẢNG BÌNH" and all_runs(province, "bold")
    rule = left[2]
    length = rule_mm(rule)
    assert length is not None and 15 <= length <= 30  # 1/3–1/2 of the issuer's length
    number = left[3]
    assert number.text == "Số: 15/CTr-UBND"
    assert size_pt(number) == 13 and no_run(number, "bold")
    assert format_value(number, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_date_is_italic_and_zero_padded(state: Document) -> None:
    date = find(cell_paragraphs(state.tables[0], 1), "ngày")
    assert date.text == "Quảng Bình, ngày 05 tháng 02 năm 2026"
    assert 13 <= size_pt(date) <= 14 and all_runs(date, "italic")


def test_kind_and_summary_with_short_rule_under_it(state: Document) -> None:
    body = state.paragraphs
    kind = find(body, "^CHƯƠNG TRÌNH$")
    assert 13 <= size_pt(kind) <= 14 and all_runs(kind, "bold")
    summary = body[body.index(kind) + 1]
    assert summary.text == "Công tác tháng 02 năm 2026 của Ủy ban nhân dân tỉnh"
    assert 13 <= size_pt(summary) <= 14 and all_runs(summary, "bold")
    rule = body[body.index(summary) + 1]
    assert rule.text == ""  # no "-----" in a State document
    length = rule_mm(rule)
    assert length is not None and 20 <= length <= 60


def test_body_size_and_closing_mark(state: Document) -> None:
    body = state.paragraphs
    heading = find(body, r"^1\. Chỉ đạo")
    assert 13 <= size_pt(heading) <= 14 and all_runs(heading, "bold")
    assert body[-1].text.endswith("hằng tháng./.")


def test_recipients(state: Document) -> None:
    left = cell_paragraphs(state.tables[1], 0)
    label = left[0]
    assert label.text == "Nơi nhận:"
    assert size_pt(label) == 12 and all_runs(label, "bold") and all_runs(label, "italic")
    assert no_run(label, "underline")
    lines = [p.text for p in left[1:]]
    assert lines[0] == "- Như trên;"
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[:-1])
    assert lines[-1] == "- Lưu: VT, VP."
    assert all(size_pt(p) == 11 for p in left[1:])


def test_signature(state: Document) -> None:
    right = [p for p in cell_paragraphs(state.tables[1], 1) if p.text.strip()]
    authority, position, signer = right
    assert authority.text == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert 13 <= size_pt(authority) <= 14 and all_runs(authority, "bold")
    assert position.text == "PHÓ CHỦ TỊCH" and all_runs(position, "bold")
    assert signer.text == "Nguyễn Văn A" and all_runs(signer, "bold")
    assert 13 <= size_pt(signer) <= 14


def test_signature_block_is_not_split_across_pages(state: Document) -> None:
    row = state.tables[1].rows[0]._tr
    assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None


def test_a_state_draft_is_boxed_above_the_header(tmp_path: Path) -> None:
    text = (EXAMPLES / f"{STATE}.yaml").read_text(encoding="utf-8")
    source = tmp_path / "du-thao.yaml"
    source.write_text(text.replace("\nso: 15\n", "\ndu_thao: 2\n"), encoding="utf-8")
    document = docx.Document(str(api.build(source).output))
    first = document.element.body[0]
    assert first.tag == qn("w:p")  # before the header table
    marker = document.paragraphs[0]
    assert marker.text == "DỰ THẢO LẦN 2" and all_runs(marker, "bold")
    p_pr = marker.style.element.pPr
    edges = [e.tag.split("}")[1] for e in p_pr.find(qn("w:pBdr"))]
    assert edges == ["top", "left", "bottom", "right"]
    left = cell_paragraphs(document.tables[0], 0)
    assert [p.text for p in left][-1] == "Số:        /CTr-UBND"

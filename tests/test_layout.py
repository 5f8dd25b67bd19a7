"""The built .docx read back: page, fonts, sizes and emphasis per element, as FORMAT.md's Party table.

Expected values are written here from the rule text, not read from the profile, so a wrong
value in the profile fails these tests.
"""

from __future__ import annotations

import re

import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn

from helpers.examples import ALL_EXAMPLES, MONTHLY, YEARLY, Built
from helpers.wordprops import (
    all_runs,
    cell_paragraphs,
    default_fonts,
    find,
    format_value,
    no_run,
    size_pt,
)

TNR = "Times New Roman"


@pytest.fixture(scope="module")
def monthly(built: dict[str, Built]) -> Document:
    return built[MONTHLY].open()


@pytest.fixture(scope="module")
def yearly(built: dict[str, Built]) -> Document:
    return built[YEARLY].open()


@pytest.mark.parametrize("name", [MONTHLY, YEARLY])
def test_page_is_a4_with_party_margins(built: dict[str, Built], name: str) -> None:
    section = built[name].open().sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    assert round(section.header_distance.mm) == 10


def test_page_numbers_from_page_two(monthly: Document) -> None:
    section = monthly.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.is_linked_to_previous is False
    assert all(not p.text.strip() for p in section.first_page_header.paragraphs)
    number = section.header.paragraphs[0]
    instructions = [t.text for t in number._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    assert format_value(number, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert 13 <= size_pt(number) <= 14


def test_times_new_roman_on_all_four_font_slots(monthly: Document) -> None:
    fonts = default_fonts(monthly)
    assert fonts == {"ascii": TNR, "hAnsi": TNR, "eastAsia": TNR, "cs": TNR}
    normal = monthly.styles["Normal"].element.rPr.rFonts
    assert {normal.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {TNR}
    assert not any("Theme" in key for key in normal.attrib)
    used = {r.font.name for p in monthly.paragraphs for r in p.runs} - {None}
    assert used <= {TNR}


def test_header_table(monthly: Document) -> None:
    header = monthly.tables[0]
    left, right = cell_paragraphs(header, 0), cell_paragraphs(header, 1)
    superior = find(left, "^ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH$")
    assert size_pt(superior) == 14 and no_run(superior, "bold")
    issuer = find(left, "^ĐẢNG ỦY VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH$")
    assert size_pt(issuer) == 14 and all_runs(issuer, "bold")
    star = left[left.index(issuer) + 1]
    assert star.text == "*" and format_value(star, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    number = left[left.index(star) + 1]
    assert number.text == "Số 36-CTr/ĐU"  # no colon after "Số" in Party documents
    assert size_pt(number) == 14 and no_run(number, "bold")
    banner = right[0]
    assert banner.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert size_pt(banner) == 15 and all_runs(banner, "bold") and all_runs(banner, "underline")
    date = find(right, "ngày")
    assert date.text == "Đồng Tháp, ngày 01 tháng 02 năm 2023"
    assert size_pt(date) == 14 and all_runs(date, "italic")


def test_tables_have_no_borders(monthly: Document) -> None:
    assert len(monthly.tables) == 2
    for table in monthly.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None
        edges = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
        assert edges == dict.fromkeys(
            ("top", "left", "bottom", "right", "insideH", "insideV"), "none"
        )


def test_title_block(monthly: Document) -> None:
    body = monthly.paragraphs
    kind = find(body, "^CHƯƠNG TRÌNH$")
    assert 15 <= size_pt(kind) <= 16 and all_runs(kind, "bold")
    assert format_value(kind, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    summary = body[body.index(kind) + 1]
    assert summary.text == "Công tác tháng 02 năm 2023 của Đảng ủy"
    assert 14 <= size_pt(summary) <= 15 and all_runs(summary, "bold")
    assert format_value(summary, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    separator = body[body.index(summary) + 1]
    assert separator.text == "-----"
    assert format_value(separator, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_body_paragraphs(monthly: Document) -> None:
    body = monthly.paragraphs
    heading = find(body, r"^1\. Công tác giáo dục chính trị tư tưởng\.$")
    assert size_pt(heading) == 14 and all_runs(heading, "bold")
    items = [p for p in body if p.text.startswith("- ")]
    assert len(items) == 4 + 16 + 3 + 3
    for paragraph in [heading, *items]:
        assert format_value(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 10 <= format_value(paragraph, "first_line_indent").mm <= 12.7
        assert format_value(paragraph, "space_before").pt >= 6
        assert format_value(paragraph, "line_spacing_rule") == WD_LINE_SPACING.AT_LEAST
        assert format_value(paragraph, "line_spacing").pt >= 18
    for item in items:
        assert size_pt(item) == 14
    assert all(no_run(item, "bold") for item in items)
    closing = body[-1]
    assert closing.text.endswith("Hội đồng nhân dân Tỉnh./.")


def test_inline_italic_theme(monthly: Document) -> None:
    item = find(monthly.paragraphs, "Đại biểu dân cử với cử tri")
    italic = [r.text for r in item.runs if r.italic]
    assert italic == [
        "“Một số kết quả nổi bật về đổi mới Chương trình, sách giáo khoa giáo dục phổ thông”"
    ]
    assert "*" not in item.text


def test_recipients_and_signature(monthly: Document) -> None:
    closing = monthly.tables[1]
    left, right = cell_paragraphs(closing, 0), cell_paragraphs(closing, 1)
    label = left[0]
    assert label.text == "Nơi nhận:"
    underlined = [r.text for r in label.runs if r.underline]
    assert underlined == ["Nơi nhận"]  # the colon is not underlined
    recipients = left[1:]
    assert recipients[0].text == "- Ban Thường vụ Đảng uỷ Khối,"
    assert all(p.text.endswith(",") for p in recipients[:-1])
    assert recipients[-1].text == "- Lưu Đảng uỷ."
    assert {size_pt(p) for p in recipients} == {12}
    texts = [p.text for p in right]
    assert texts[0] == "T/M ĐẢNG ỦY" and texts[1] == "BÍ THƯ" and texts[-1] == "Mai Ngọc Dinh"
    assert all(size_pt(p) == 14 and all_runs(p, "bold") for p in (right[0], right[1], right[-1]))
    assert 3 <= texts.count("") <= 5  # signing space between position and name


def test_draft_header_and_lead_agency_lines(yearly: Document) -> None:
    left = cell_paragraphs(yearly.tables[0], 0)
    assert [p.text.split() for p in left] == [
        ["TỈNH", "ỦY", "HẬU", "GIANG"],
        ["*"],
        ["Số", "-CTr/TU"],
        ["Dự", "thảo"],
    ]
    assert re.fullmatch(r"Số {3,}-CTr/TU", left[2].text)
    assert all_runs(left[3], "italic")
    date = find(cell_paragraphs(yearly.tables[0], 1), "ngày")
    assert re.fullmatch(r"Hậu Giang, ngày {3,}tháng {3,}năm 2023", date.text)
    lines = [p.text for p in yearly.paragraphs if p.text.startswith("Cơ quan chủ trì tham mưu")]
    assert lines[:5] == [
        "Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy.",
        "Cơ quan chủ trì tham mưu: Ban Tuyên giáo Tỉnh ủy.",
        "Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy mục (1) và (2).",
        "Cơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy mục (3) và (4).",
        "Cơ quan chủ trì tham mưu: Ban Tuyên giáo Tỉnh ủy mục (5), (6), (7) và (8).",
    ]
    assert len(lines) == 15


def test_nested_headings_and_unsigned_draft(yearly: Document) -> None:
    body = yearly.paragraphs
    for pattern in (
        r"^I\. MỤC ĐÍCH, YÊU CẦU$",
        r"^II\. NỘI DUNG VÀ THỜI GIAN$",
        r"^1\. Hội nghị .* lần thứ 17",
    ):
        heading = find(body, pattern)
        assert all_runs(heading, "bold") and size_pt(heading) == 14
    item = find(body, r"^\(1\) Sơ kết công tác quý I,")
    assert no_run(item, "bold")
    numbered = find(body, r"^1\. Căn cứ chức năng")
    assert no_run(numbered, "bold")
    signature = [p.text for p in cell_paragraphs(yearly.tables[1], 1)]
    assert signature == ["T/M TỈNH ỦY"]


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_table_properties_follow_the_schema_order(built: dict[str, Built], name: str) -> None:
    """Word refuses to open a file whose tblPr children are out of the schema's sequence."""
    schema = (  # ECMA-376 Part 1, 17.4.60
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
    )
    order = [qn(f"w:{tag}") for tag in schema.split()]
    for table in built[name].open().tables:
        tags = [child.tag for child in table._tbl.tblPr]
        assert tags == sorted(tags, key=order.index)
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert [child.tag for child in margins] == [qn("w:left"), qn("w:right")]


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_paragraph_properties_follow_the_schema_order(built: dict[str, Built], name: str) -> None:
    """The rule lines add w:pBdr to styles: it must sit where CT_PPrBase puts it."""
    schema = (  # ECMA-376 Part 1, 17.3.1.26 (the part of the sequence this tool writes)
        "pStyle keepNext keepLines pageBreakBefore widowControl pBdr shd tabs spacing ind jc rPr"
    )
    order = [qn(f"w:{tag}") for tag in schema.split()]
    document = built[name].open()
    for p_pr in document.element.iter(qn("w:pPr")):
        tags = [child.tag for child in p_pr if child.tag in order]
        assert tags == sorted(tags, key=order.index)
    for p_pr in document.styles.element.iter(qn("w:pPr")):
        tags = [child.tag for child in p_pr if child.tag in order]
        assert tags == sorted(tags, key=order.index)


def test_document_defaults_are_plain(monthly: Document) -> None:
    """A paragraph typed in Word without a style looks like the body: 14 pt, single, no gap."""
    defaults = monthly.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing.get(qn("w:after")) == "0" and spacing.get(qn("w:line")) == "240"
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    assert size.get(qn("w:val")) == "28"
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "vi-VN"

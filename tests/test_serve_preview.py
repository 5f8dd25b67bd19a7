"""The HTML preview of `serve`: drawn from the layout blocks, so its text is the .docx's text,
its look the profile's, and a diagnostic lands on the paragraph it is about."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.docx.reader import lines
from chuongtrinh.serve import html
from chuongtrinh.serve.anchors import anchors
from chuongtrinh.serve.changes import REDLINE_MARKS
from helpers.drafts import FIRST, SECOND
from helpers.examples import ALL_EXAMPLES, ANNEXED, EXAMPLES, MONTHLY, STATE, YEARLY
from helpers.serving import Paragraphs


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_preview_text_is_the_docx_text(name: str) -> None:
    compiled = api.compile_file(EXAMPLES / f"{name}.yaml")
    preview = html.render(api.layout(compiled), compiled.profile)
    docx_lines = lines(io.BytesIO(api.render(compiled)))
    assert Paragraphs.lines(preview) == docx_lines
    assert docx_lines == api.plain_text(EXAMPLES / f"{name}.yaml")


def _rule(preview: str, role: str) -> str:
    found = re.search(rf"\.doc p\.r-{role} \{{([^}}]*)\}}", preview)
    assert found, f"no rule for {role}"
    return found.group(1)


def test_styles_come_from_the_profile() -> None:
    compiled = api.compile_file(EXAMPLES / f"{MONTHLY}.yaml")
    preview = html.render(api.layout(compiled), compiled.profile)
    body = _rule(preview, "body")
    assert "font-size: 14pt" in body and "text-align: justify" in body
    assert "text-indent: 10mm" in body and "padding-top: 6pt" in body
    assert "line-height: max(18pt, 1.15em)" in body  # HD 36: at least 18 pt
    assert "font-weight: bold" in _rule(preview, "heading_1")
    assert "text-decoration: underline" in _rule(preview, "banner")
    assert '"Times New Roman", "Liberation Serif"' in preview
    assert "--page-width: 210mm; --page-height: 297mm; --margin-top: 20mm" in preview
    assert "--margin-left: 30mm; --margin-right: 15mm" in preview
    # the header table: 88 + 82 mm, 5 mm into the left margin
    assert '<table class="columns r-header" style="width: 170mm; margin-left: -5mm">' in preview


def test_state_rules_and_box_are_drawn() -> None:
    compiled = api.compile_file(EXAMPLES / f"{STATE}.yaml")
    preview = html.render(api.layout(compiled), compiled.profile)
    motto_rule = _rule(preview, "motto_rule")
    assert "width: min(65mm, 100%)" in motto_rule and "border-bottom: 0.5pt solid" in motto_rule
    assert "line-height: 6pt" in motto_rule


def test_items_table_has_a_header_row_to_repeat() -> None:
    compiled = api.compile_file(EXAMPLES / "chi-bo-thang-03-2026.yaml")
    preview = html.render(api.layout(compiled), compiled.profile)
    head = re.search(r"<thead>(.*?)</thead>", preview)
    assert head and "Người thực hiện" in head.group(1) and "<th>" in head.group(1)
    assert 'colspan="4"' in preview  # a section row across the table


def test_an_annex_is_a_landscape_page_section_with_merged_cells() -> None:
    compiled = api.compile_file(EXAMPLES / f"{ANNEXED}.yaml")
    preview = html.render(api.layout(compiled), compiled.profile)
    flows = re.findall(r'<section class="flow" data-orientation="(\w+)" style="([^"]*)"', preview)
    assert [orientation for orientation, _ in flows] == ["portrait", "landscape"]
    assert "--page-width: 297mm; --page-height: 210mm" in flows[1][1]
    annex = preview.split('data-orientation="landscape"')[1]
    assert '<th colspan="2"><p class="r-table_header"' in annex  # 'Người thực hiện'
    assert annex.count('<th rowspan="2" class="merged">') == 5  # columns without sub-columns
    merged = '<td rowspan="3" class="merged"><p class="r-table_side"'
    assert f'{merged} data-key="phu_luc.0.bang.dong.1.5">' in annex
    assert ".doc table.items td, .doc table.items th { border: 0.5pt solid" in preview


def test_redline_shows_insertions_deletions_and_moves() -> None:
    found = api.diff(str(FIRST), str(SECOND))
    from chuongtrinh.diff.redline import redline

    drawn = html.render(redline(found), found.new.profile, REDLINE_MARKS)
    assert "Dự thảo lần <del>1</del><ins>2</ins>" in drawn
    assert '<del class="move">' in drawn and '<ins class="move">' in drawn


def test_a_warning_marks_the_paragraph_it_is_about(tmp_path: Path) -> None:
    source = tmp_path / "ct.yaml"
    text = (EXAMPLES / f"{MONTHLY}.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("nắm bắt diễn", "nắm bắt  diễn", 1), encoding="utf-8")
    compiled = api.compile_file(source)
    document = api.layout(compiled)
    (warning,) = [d for d in compiled.warnings if d.code == "double-space"]
    (key,) = anchors(compiled.located, document, warning)
    marked = [p for p in document.paragraphs() if html.key_text(p.key) == key]
    assert len(marked) == 1 and "nắm bắt  diễn biến" in marked[0].text
    assert marked[0].role == "item"


def test_a_warning_inside_an_item_marks_that_item() -> None:
    compiled = api.compile_file(EXAMPLES / f"{YEARLY}.yaml")
    document = api.layout(compiled)
    (warning,) = compiled.warnings  # a quote opened and never closed, in one item
    (key,) = anchors(compiled.located, document, warning)
    (para,) = [p for p in document.paragraphs() if html.key_text(p.key) == key]
    assert para.role == "item" and "Sơ kết 5 năm thực hiện Kết luận số 49-KL/TW" in para.text

"""'Kính gửi:' (kinh_gui): where a letter or an invitation goes, under the summary — written by
`build` as the rule set punctuates lists, read back by `import` from real invitations."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from chuongtrinh import api
from chuongtrinh.audit import reading
from chuongtrinh.importer.recognise import import_document
from chuongtrinh.layout.blocks import Columns, Para
from helpers.programs import BASE, lay_out
from helpers.real import REAL
from helpers.revisions import document_xml, resolved_lines

STATE = {
    "he_thong": "nha-nuoc",
    "loai": "GM",
    "ten_loai": "GIẤY MỜI",
    "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], "viet_tat": "UBND"},
    "ky": {"tham_quyen": "TL. CHỦ TỊCH", "chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "Lê Văn B"},
    "noi_nhan": ["Như kính gửi", "Lưu: VT"],
}


def addressee_block(**changes: object) -> Columns:
    blocks = lay_out(**changes).blocks
    return next(b for b in blocks if isinstance(b, Columns) and b.role == "addressees")


@pytest.mark.parametrize(
    ("system", "ends"),
    [("nha-nuoc", (";", ";", ".")), ("dang-2018", (",", ",", ".")), ("dang-2026", (";", ";", "."))],
)
def test_several_addressees_are_dashed_lines_ended_by_the_rule_set(
    system: str, ends: tuple[str, ...]
) -> None:
    extra = {**STATE, "he_thong": system} if system == "nha-nuoc" else {"he_thong": system}
    if system == "dang-2026":
        extra["ngay"] = "2026-06-01"
    typed = ["Sở Công Thương;", "- Sở Tài chính", "Ủy ban nhân dân các xã, phường."]
    block = addressee_block(**extra, kinh_gui=typed)
    assert [p.text for p in block.left] == ["Kính gửi:"]
    assert [p.text for p in block.right] == [
        f"- Sở Công Thương{ends[0]}",
        f"- Sở Tài chính{ends[1]}",
        f"- Ủy ban nhân dân các xã, phường{ends[2]}",
    ]


def test_one_addressee_stands_on_the_label_line_without_a_dash() -> None:
    block = addressee_block(**STATE, kinh_gui="Sở Nội vụ")
    assert [p.text for p in block.right] == ["Sở Nội vụ."]


def test_the_block_comes_under_the_summary_and_before_the_body() -> None:
    blocks = lay_out(**STATE, kinh_gui=["Sở Nội vụ"], mo_dau="Ủy ban nhân dân tỉnh mời họp.")
    roles = [b.role for b in blocks.blocks if isinstance(b, Columns | Para)]
    assert roles.index("summary") < roles.index("addressees") < roles.index("body")


def test_no_kinh_gui_no_block() -> None:
    assert not any(
        isinstance(b, Columns) and b.role == "addressees" for b in lay_out(**BASE).blocks
    )


def test_in_word_the_block_is_its_own_table_even_before_an_items_table() -> None:
    """Two tables with nothing between them are one to Word: an agenda's table right after
    'Kính gửi:' must stay a table of its own, with the addressees' cells borderless."""
    data = {
        **BASE,
        **STATE,
        "trinh_bay": "bang",
        "kinh_gui": ["Sở Công Thương", "Sở Tài chính"],
        "noi_dung": [{"muc": [{"noi_dung": "Khai mạc", "thoi_gian": "14h00"}]}],
    }
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "gm.yaml")
    document = docx.Document(io.BytesIO(api.render(compiled)))
    texts = [[c.text for c in t.rows[0].cells] for t in document.tables]
    addressed = next(i for i, cells in enumerate(texts) if cells[0] == "Kính gửi:")
    assert texts[addressed][1] == "- Sở Công Thương;\n- Sở Tài chính."
    assert "Nội dung" in texts[addressed + 1]  # the items' header row: a table of its own
    body = document.element.body
    tables = body.findall("{*}tbl")
    between = tables[addressed].getnext()
    assert between.tag.endswith("}p") and between.getnext() is tables[addressed + 1]


def test_import_reads_an_invitations_addressee_table() -> None:
    """Real file 13 (a UBND invitation) types 'Kính gửi:' and four addressees in a table."""
    imported = import_document(REAL / "13-laocai-ubnd-giay-moi-hop-ccn.docx")
    assert imported.data["kinh_gui"] == [
        "Đồng chí Nguyễn Tuấn Anh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
        "Đồng chí Ngô Hạnh Phúc, Phó Chủ tịch Thường trực UBND tỉnh",
        "Các Sở: Công Thương, Tài chính, Xây dựng, Nông nghiệp và Môi trường",
        "Ủy ban nhân dân các xã, phường có cụm công nghiệp trên địa bàn",
    ]
    assert not any("Kính gửi" in left.text for left in imported.unplaced)


def test_what_build_writes_import_reads_back() -> None:
    data = {**BASE, **STATE, "kinh_gui": ["Sở Công Thương", "Sở Tài chính"]}
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "gm.yaml")
    imported = import_document(io.BytesIO(api.render(compiled)))
    assert imported.data["kinh_gui"] == ["Sở Công Thương", "Sở Tài chính"]


def test_typed_bullets_and_empty_entries_do_not_double() -> None:
    block = addressee_block(**STATE, kinh_gui=["– Sở Công Thương", "-Sở Tài chính", "- "])
    assert [p.text for p in block.right] == ["- Sở Công Thương;", "- Sở Tài chính."]


def test_the_preview_draws_the_block_with_its_own_widths() -> None:
    from chuongtrinh.serve import html

    compiled = api.compile_text(
        yaml.safe_dump({**BASE, **STATE, "kinh_gui": ["Sở A", "Sở B"]}, allow_unicode=True), "t"
    )
    page = html.render(api.layout(compiled), compiled.profile)
    rules = compiled.profile.addressees
    opening = next(t for t in page.split("<table")[1:] if "addressees" in t.split(">")[0])
    assert f"width: {sum(rules.widths_mm):g}mm; margin-left: {rules.indent_mm:g}mm" in opening


def test_a_single_addressee_on_the_label_line_ends_the_block() -> None:
    """'Kính gửi: Các chi bộ trực thuộc.' then the căn cứ typed '- Căn cứ …' (HD 05): the căn
    cứ stay căn cứ."""
    data = {
        **BASE,
        "ngay": "2026-07-01",
        "kinh_gui": "Các chi bộ trực thuộc",
        "can_cu": ["Căn cứ Điều lệ Đảng", "Căn cứ Quy chế làm việc"],
        "mo_dau": "Đảng ủy đề ra chương trình như sau:",
    }
    built = api.render(api.compile_text(yaml.safe_dump(data, allow_unicode=True), "t.yaml"))
    back = import_document(io.BytesIO(built)).data
    assert back["kinh_gui"] == ["Các chi bộ trực thuộc"]
    assert back["can_cu"] == ["Căn cứ Điều lệ Đảng", "Căn cứ Quy chế làm việc"]


@pytest.mark.parametrize("adding", [True, False], ids=["added", "taken-away"])
def test_the_redline_of_kinh_gui_added_or_taken_away_marks_only_its_block(
    tmp_path: Path, adding: bool
) -> None:
    plain = {**BASE, **STATE, "mo_dau": "Ủy ban nhân dân tỉnh tổ chức họp như sau:"}
    addressed = {**plain, "kinh_gui": ["Sở Công Thương", "Sở Tài chính"]}
    old, new = tmp_path / "cu.yaml", tmp_path / "moi.yaml"
    old.write_text(yaml.safe_dump(plain if adding else addressed, allow_unicode=True), "utf-8")
    new.write_text(yaml.safe_dump(addressed if adding else plain, allow_unicode=True), "utf-8")
    redline = api.redline(api.diff(str(old), str(new)), "VP", "2026-01-01T00:00:00Z")
    root = etree.fromstring(document_xml(redline).encode("utf-8"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    changed = [
        "".join(t.text or "" for t in p.iter(f"{w}t", f"{w}delText"))
        for p in root.iter(f"{w}p")
        if next(p.iter(f"{w}ins", f"{w}del"), None) is not None
    ]
    assert changed == ["Kính gửi:", "- Sở Công Thương;", "- Sở Tài chính."]
    marks = [m.tag for tr in root.iter(f"{w}tr") for m in tr.iterfind(f"{w}trPr/*")]
    assert marks.count(f"{w}{'ins' if adding else 'del'}") == 1  # the block's one row, whole
    assert resolved_lines(redline, accept=True) == api.plain_text(new)
    assert resolved_lines(redline, accept=False) == api.plain_text(old)


@pytest.mark.parametrize("system", ["nha-nuoc", "dang-2018"])
def test_check_reads_the_block_it_built_and_finds_it_right(system: str, tmp_path: Path) -> None:
    extra = {**STATE, "he_thong": system} if system == "nha-nuoc" else {"he_thong": system}
    data = {**BASE, **extra, "kinh_gui": ["Sở A", "Sở B", "Sở C"], "mo_dau": "Mời họp như sau:"}
    compiled = api.compile_text(yaml.safe_dump(data, allow_unicode=True), "gm.yaml")
    path = tmp_path / "gm.docx"
    path.write_bytes(api.render(compiled))
    reader = reading.Reader(reading.open_docx(path), compiled.profile)
    end = ";" if system == "nha-nuoc" else ","
    assert [text for _, text in reader.addressees] == [f"- Sở A{end}", f"- Sở B{end}", "- Sở C."]
    found = api.check(path, profile=compiled.profile.name)
    lines = [(f.code, f.text) for f in found.findings]
    assert not [code for code, _ in lines if code.startswith("addressee")], lines
    assert [f for f in found.findings if f.severity == "error"] == []

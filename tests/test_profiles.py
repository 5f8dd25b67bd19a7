"""Versioned rule sets: resolution by date, HD 05 against HD 36 differing exactly in what it
overrides, a user's own profile, other kinds (KH), and a user's phrase templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.layout.blocks import Document
from chuongtrinh.profiles import choose
from chuongtrinh.profiles import loader as profiles
from helpers.cli import run_cli
from helpers.programs import BASE

PROGRAM: dict[str, Any] = {
    **BASE,
    "can_cu": ["Căn cứ Điều lệ Đảng", "Căn cứ Chương trình năm của Đảng ủy,"],
    "noi_dung": [{"tieu_de": "Công tác tư tưởng.", "muc": ["Quán triệt nghị quyết"]}],
    "noi_nhan": ["Ban Thường vụ", "Các chi bộ", "Lưu Đảng ủy"],
}


def compiled(**changes: Any) -> api.Compiled:
    return api.compile_text(yaml.safe_dump({**PROGRAM, **changes}, allow_unicode=True), "t.yaml")


def lay_out(**changes: Any) -> Document:
    return api.layout(compiled(**changes))


@pytest.mark.parametrize(
    ("ngay", "expected"),
    [
        ("2023-03-05", "dang-2018"),
        ("2026-05-26", "dang-2018"),
        ("2026-05-27", "dang-2026"),
        ("2026-11-02", "dang-2026"),
        (2023, "dang-2018"),  # a draft dated by its year: the rules of that year
    ],
)
def test_dang_resolves_to_the_rules_in_force_on_the_date(ngay: Any, expected: str) -> None:
    assert compiled(ngay=ngay, du_thao=True).profile.name == expected


def test_nha_nuoc_resolves_to_decree_30() -> None:
    profile = compiled(he_thong="nha-nuoc").profile
    assert profile.name == "nha-nuoc-2020" and "30/2020" in profile.source


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out |= flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return out
    return {prefix: data}


def test_hd05_overrides_exactly_what_format_md_lists() -> None:
    old = flatten(profiles.load("dang-2018").model_dump())
    new = flatten(profiles.load("dang-2026").model_dump())
    changed = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
    assert changed == {
        "name",
        "source",
        "in_force_from",
        "in_force_until",
        "punctuation.recipient",
        "punctuation.grounds",
        "punctuation.grounds_last",
        "punctuation.grounds_prefix",
        "kinds.QĐi",
        "issuers.ĐUK",
        "issuers.ĐĐ",
        "issuers.BCSĐ",
        "issuers.UBKT",
        "issuers.CQUBKT",
        "issuers.BTGDV",
        "issuers.BXDĐ",
        "dropped_issuers",
        "styles.body.line_rule",
        "styles.circulation.page_bottom_mm",  # "Không phổ biến…": last page, 10 mm up
        "styles.circulation.space_before_pt",
    }


def test_a_2026_program_differs_from_a_2023_one_only_in_the_overridden_values() -> None:
    before = lay_out(he_thong="dang-2018").paragraphs()
    after = lay_out(he_thong="dang-2026").paragraphs()
    assert [p.role for p in before] == [p.role for p in after]
    changed = [(a.text, b.text) for a, b in zip(before, after, strict=True) if a.text != b.text]
    assert changed == [
        ("Căn cứ Điều lệ Đảng", "- Căn cứ Điều lệ Đảng;"),
        ("Căn cứ Chương trình năm của Đảng ủy,", "- Căn cứ Chương trình năm của Đảng ủy."),
        ("- Ban Thường vụ,", "- Ban Thường vụ;"),
        ("- Các chi bộ,", "- Các chi bộ;"),
    ]


def test_hd05_body_line_spacing_is_exact(tmp_path: Path) -> None:
    spacing = {}
    for name in ("dang-2018", "dang-2026"):
        source = tmp_path / f"{name}.yaml"
        source.write_text(yaml.safe_dump({**PROGRAM, "he_thong": name}, allow_unicode=True))
        style = docx.Document(str(api.build(source).output)).styles["CT body"]
        fmt = style.paragraph_format
        spacing[name] = (str(fmt.line_spacing_rule), round(fmt.line_spacing.pt))
    assert spacing == {"dang-2018": ("AT_LEAST (3)", 18), "dang-2026": ("EXACTLY (4)", 18)}


def test_quy_dinh_is_qdi_under_hd36_only() -> None:
    assert profiles.load("dang-2018").kinds["QĐi"] == "QUY ĐỊNH"
    assert "QĐi" not in profiles.load("dang-2026").kinds


@pytest.mark.parametrize(
    ("system", "number"), [("dang", "Số 7-KH/ĐU"), ("nha-nuoc", "Số: 7/KH-ĐU")]
)
def test_a_plan_gets_its_kind_name_and_number(system: str, number: str) -> None:
    texts = [p.text for p in lay_out(loai="KH", he_thong=system).paragraphs()]
    assert "KẾ HOẠCH" in texts and number in texts and "CHƯƠNG TRÌNH" not in texts


OFFICE_PROFILE = """\
extends: dang-2018
name: dang-uy-khoi
source: Quy ước của Văn phòng Đảng ủy Khối
page:
  margin_mm: {left: 35, right: 20}
closing:
  label_underline: false
styles:
  recipients_label: {bold: true}
  position: {bold: false}
"""


def write_office_profile(folder: Path) -> Path:
    path = folder / "van-phong.yaml"
    path.write_text(OFFICE_PROFILE, encoding="utf-8")
    return path


def test_an_office_profile_extends_a_builtin_one(tmp_path: Path) -> None:
    profile = profiles.load(str(write_office_profile(tmp_path)))
    base = profiles.load("dang-2018")
    assert (profile.page.margin_mm.left, profile.page.margin_mm.top) == (35, 20)
    assert profile.closing.label_underline is False
    assert profile.style("recipients_label").bold and not profile.style("position").bold
    assert profile.styles["body"] == base.styles["body"]


def test_he_thong_may_name_a_profile_file_next_to_the_yaml(tmp_path: Path) -> None:
    write_office_profile(tmp_path)
    source = tmp_path / "ct.yaml"
    source.write_text(yaml.safe_dump({**PROGRAM, "he_thong": "van-phong.yaml"}, allow_unicode=True))
    section = docx.Document(str(api.build(source).output)).sections[0]
    assert round(section.left_margin.mm) == 35


def test_profile_option_replaces_he_thong(tmp_path: Path) -> None:
    profile = write_office_profile(tmp_path)
    source = tmp_path / "ct.yaml"
    source.write_text(yaml.safe_dump(PROGRAM, allow_unicode=True))
    result = run_cli("build", str(source), "--profile", str(profile))
    assert result.returncode == 0, result.output
    section = docx.Document(str(source.with_suffix(".docx"))).sections[0]
    assert round(section.right_margin.mm) == 20


def test_a_missing_profile_file_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ChuongtrinhError) as caught:
        compiled(he_thong="khong-co.yaml")
    (error,) = caught.value.errors
    assert error.code == "bad-profile" and "khong-co.yaml" in error.message


def test_a_wrong_value_in_an_office_profile_is_reported_at_its_line(tmp_path: Path) -> None:
    profile = tmp_path / "sai.yaml"
    profile.write_text("extends: dang-2018\nname: sai\npage:\n  margin_mm: {left: ba}\n")
    source = _write(tmp_path)
    (error,) = api.validate(source, profile)
    assert (error.file, error.line, error.code) == (str(profile), 4, "bad-profile")
    assert "page.margin_mm.left" in error.message


def test_an_unknown_parent_profile_is_named(tmp_path: Path) -> None:
    profile = tmp_path / "sai.yaml"
    profile.write_text("extends: dang-2099\n")
    (error,) = api.validate(_write(tmp_path), profile)
    assert "dang-2099" in error.message and "dang-2026" in error.message


def test_profiles_command_lists_sources_and_dates() -> None:
    result = run_cli("profiles")
    assert result.returncode == 0
    assert "dang-2026" in result.output and "05-HD/VPTW" in result.output
    assert "27/05/2026" in result.output and "nha-nuoc-2020" in result.output
    assert "26/05/2026" in result.output  # HD 36's last day


def test_user_templates_replace_builtin_phrases(tmp_path: Path) -> None:
    (tmp_path / "ngay.j2").write_text("{{ dia_danh }}, {{ ngay }}/{{ thang }}/{{ nam }}")
    document = api.layout(
        api.compile_text(yaml.safe_dump(PROGRAM, allow_unicode=True), "t.yaml", None, [tmp_path])
    )
    assert "Đồng Tháp, 05/3/2023" in [p.text for p in document.paragraphs()]


def test_an_office_profile_may_bring_its_own_templates(tmp_path: Path) -> None:
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "so-dang.j2").write_text("Số {{ so }}-{{ loai }}/{{ viet_tat }}-VP")
    profile = tmp_path / "van-phong.yaml"
    profile.write_text("extends: dang-2018\nname: van-phong\ntemplates: mau\n")
    document = api.layout(api.compile_file(_write(tmp_path), profile))
    assert "Số 7-CTr/ĐU-VP" in [p.text for p in document.paragraphs()]


def test_a_failing_template_names_its_file_line_and_the_yaml_that_fed_it(tmp_path: Path) -> None:
    template = tmp_path / "so-dang.j2"
    template.write_text("{#- office -#}\nSố {{ so }}-{{ loai }}/{{ khong_co }}\n")
    source = tmp_path / "ct.yaml"
    source.write_text(yaml.safe_dump(PROGRAM, allow_unicode=True, sort_keys=False))
    result = run_cli("build", str(source), "--templates", str(tmp_path))
    assert result.returncode == 1
    assert f"{template}:2:1: lỗi [template-error]" in result.output
    assert "khong_co" in result.output and "Traceback" not in result.output
    so_line = source.read_text().splitlines().index("so: 7") + 1
    assert f"{source}:{so_line}:" in result.output
    assert not source.with_suffix(".docx").exists()


def test_a_template_syntax_error_is_reported_too(tmp_path: Path) -> None:
    (tmp_path / "noi-nhan.j2").write_text("{% for dong in cac_dong %}\n- {{ dong }\n")
    diagnostics = api.validate(_write(tmp_path), templates=[tmp_path])
    (error,) = diagnostics
    assert error.code == "template-error" and error.file.endswith("noi-nhan.j2")
    assert error.line == 2 and "noi_nhan" in (error.hint or "")


def _write(folder: Path) -> Path:
    source = folder / "ct.yaml"
    source.write_text(yaml.safe_dump(PROGRAM, allow_unicode=True))
    return source


def test_bare_year_after_today_uses_todays_rules() -> None:
    year = dt.date.today().year + 1
    expected = choose.resolve("dang", dt.date.today())
    assert expected is not None
    assert compiled(ngay=year, du_thao=True).profile.name == expected.name


def test_pinning_rules_not_yet_in_force_says_so() -> None:
    (warning,) = [w for w in compiled(he_thong="dang-2026").warnings if w.code != "missing-signer"]
    assert warning.code == "profile-not-in-force"
    assert "chưa có hiệu lực" in warning.message and "27/05/2026" in warning.message


def test_an_issuer_abbreviation_dropped_by_hd05_is_a_warning() -> None:
    organization = {"ten": "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "viet_tat": "ĐUK"}
    before = compiled(co_quan=organization).warnings
    after = compiled(
        co_quan=organization, ngay="2026-06-01", trich_yeu="Công tác tháng 6 năm 2026"
    ).warnings
    assert [w.code for w in before] == []
    (warning,) = after
    assert warning.code == "dropped-abbreviation" and "UBKT" in (warning.hint or "")


NOT_PUBLIC = "Không phổ biến trên phương tiện thông tin đại chúng"


def _circulation(ngay: str) -> Any:
    """The 'Không phổ biến…' paragraph of a program dated `ngay`, read back from the .docx."""
    import io

    from chuongtrinh.docx.reader import paragraphs

    program = compiled(ngay=ngay, trich_yeu=f"Công tác năm {ngay[:4]}", pham_vi_luu_hanh=NOT_PUBLIC)
    [found] = [p for p in paragraphs(io.BytesIO(api.render(program))) if p.text == NOT_PUBLIC]
    return found


def test_not_for_the_press_line_is_last_and_hd05_puts_it_at_the_page_bottom() -> None:
    from docx.oxml.ns import qn

    before = _circulation("2026-05-26")  # HD 36: after the signature block, in the flow
    assert before._p.getnext().tag == qn("w:sectPr")
    assert before._p.find(f"{qn('w:pPr')}/{qn('w:framePr')}") is None
    after = _circulation("2026-05-27")  # HD 05: a frame at the foot of the last page
    assert after._p.getnext().tag == qn("w:sectPr")
    frame = after._p.find(f"{qn('w:pPr')}/{qn('w:framePr')}")
    assert frame.get(qn("w:vAnchor")) == "page" and frame.get(qn("w:xAlign")) == "center"
    bottom_twips = int(frame.get(qn("w:y"))) + int(frame.get(qn("w:h")))
    assert abs(bottom_twips / 1440 * 25.4 - (297 - 10)) < 0.5  # 10 mm above the bottom edge

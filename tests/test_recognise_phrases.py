"""Every reader takes its phrases from one phrasebook, fed by the profiles and their templates:
what the builder writes is recognised, a user's profile file counts as the built-in ones do,
and lint judges a draft by the rule date the builder used."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from chuongtrinh.importer.recognise import import_document
from chuongtrinh.profiles import loader as profiles
from chuongtrinh.profiles.recognise import phrasebook
from chuongtrinh.profiles.templated import render

PROGRAM = """\
he_thong: van-phong.yaml
loai: CTr
co_quan: {ten: ĐẢNG ỦY VĂN PHÒNG, viet_tat: ĐU}
so: 7
dia_danh: Đồng Tháp
ngay: 2023-02-01
trich_yeu: Công tác tư tưởng của Đảng ủy
noi_dung:
  - tieu_de: Công tác tư tưởng.
    muc: [Quán triệt nghị quyết]
noi_nhan: [Các chi bộ, Bản lưu Văn phòng]
ky: {tham_quyen: T/M ĐẢNG ỦY, chuc_vu: BÍ THƯ, ho_ten: Mai Ngọc Dinh}
"""


def office(folder: Path, rules: str = "", program: str = PROGRAM) -> Path:
    """A programme under an office's own profile file (extending dang-2018) with `rules`."""
    (folder / "van-phong.yaml").write_text(
        f"extends: dang-2018\nname: van-phong\nlabels: {{archive: Bản lưu}}\n{rules}",
        encoding="utf-8",
    )
    source = folder / "ct.yaml"
    source.write_text(program, encoding="utf-8")
    return source


def codes(source: Path) -> list[str]:
    return [d.code for d in api.compile_file(source).warnings]


def test_lint_reads_the_archive_label_of_the_profile(tmp_path: Path) -> None:
    assert "archive-missing" not in codes(office(tmp_path))
    source = office(tmp_path, program=PROGRAM.replace("Bản lưu Văn phòng", "Lưu Văn phòng"))
    [missing] = [d for d in api.compile_file(source).warnings if d.code == "archive-missing"]
    assert missing.message == "nơi nhận thiếu dòng 'Bản lưu …'"


def test_lint_judges_a_bare_year_draft_by_the_builders_rule_date(tmp_path: Path) -> None:
    """A draft dated by this year alone is built under today's rules: a profile in force
    until today fits it, one that ended yesterday does not."""
    today = dt.date.today()
    draft = PROGRAM.replace("ngay: 2023-02-01", f"ngay: {today.year}\ndu_thao: true")
    source = office(tmp_path, f"in_force_until: {today}\n", draft)
    compiled = api.compile_file(source)
    assert compiled.profile.in_force_on(api.rule_date(today.year))
    assert "profile-not-in-force" not in [d.code for d in compiled.warnings]
    ended = tmp_path / "ended"  # profile files are loaded once per path
    ended.mkdir()
    yesterday = today - dt.timedelta(days=1)
    assert codes(office(ended, f"in_force_until: {yesterday}\n", draft)) == ["profile-not-in-force"]


def test_check_reads_a_user_profiles_own_templates(tmp_path: Path) -> None:
    (tmp_path / "mau").mkdir()
    # An office that writes a colon after "Số", as State documents do.
    (tmp_path / "mau" / "so-dang.j2").write_text("Số: {{ so }}-{{ loai }}/{{ viet_tat }}")
    source = office(tmp_path, "templates: mau\n")
    built = api.build(source).output
    result = api.check(built, str(tmp_path / "van-phong.yaml"))
    assert result.profile.name == "van-phong"
    assert [f.code for f in result.findings if f.code.startswith("number")] == []
    assert [f.code for f in result.findings if f.code.startswith("recipients")] == []


@pytest.mark.parametrize("name", profiles.builtin_names())
def test_what_the_templates_write_is_read_back(name: str) -> None:
    profile = profiles.load(name)
    book = phrasebook()
    number = render(profile, "number", so="36", loai="CTr", viet_tat="ĐU")
    found = book.number_line(number.replace("-", " - "))  # a typist's spacing
    assert found is not None and found[0] == profile.family
    assert (found[1]["so"], found[1]["loai"], found[1]["viet_tat"]) == ("36", "CTr", "ĐU")
    date = render(profile, "date", dia_danh="Hà Nội", ngay="05", thang="02", nam=2023)
    [match] = [m for p in book.dates.line if (m := p.match(date))]
    assert (match["dia_danh"], match["ngay"], match["thang"], match["nam"]) == (
        "Hà Nội",
        "05",
        "02",
        "2023",
    )
    lead = render(
        profile,
        "lead_agency",
        nhan=profile.labels.lead_agency,
        co_quan="Ban Tổ chức",
        muc=["(5)", "(6)", "(8)"],
        phoi_hop="Ban Dân vận",
    )
    [match] = [m for p in book.lead_agency if (m := p.match(lead))]
    assert (match["co_quan"], match["muc"], match["phoi_hop"]) == (
        "Ban Tổ chức",
        "(5), (6) và (8)",
        "Ban Dân vận",
    )
    assert book.banner_family(profile.header.banner) == profile.family


def test_authority_prefixes_are_known_in_both_spellings() -> None:
    book = phrasebook()
    for prefix in ("T/M", "TM.", "K/T", "KT.", "T/UQ", "TUQ.", "Q.", "Q/"):
        assert book.authority_prefix(f"{prefix} ỦY BAN") == prefix
    typed = [book.authority_typed.match(t) for t in ("T.M. ĐẢNG ỦY", "TM ỦY BAN", "T / UQ GĐ")]
    assert [m[1] if m else None for m in typed] == ["T.M.", "TM", "T / UQ"]


def test_a_rule_set_has_one_phrasebook() -> None:
    profile = profiles.load("nha-nuoc-2020")
    assert phrasebook(profile) is phrasebook(profile)
    assert phrasebook(profile).number.match("Số: 15/KH-UBND")
    assert not phrasebook(profiles.load("dang-2018")).number.match("Số: 15/KH-UBND")


def test_the_importer_reads_a_converted_header_by_its_letters() -> None:
    """A TCVN3 file converted by hand loses tone marks; old-style 'HOÀ' is still the State's
    national title, and the motto with en dashes its motto."""
    doc = docx.Document()
    lines = ("SỞ NỘI VỤ", "CỘNG HOÀ XÃ HỘI CHU NGHIA VIET NAM", "Độc lập – Tự do – Hạnh phúc")
    lines += ("KẾ HOẠCH", "Công tác quý I", "- Thi tuyển.", "Nơi nhận:", "- Lưu: VT.")
    for text in (*lines, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn B"):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    result = import_document(io.BytesIO(out.getvalue()))
    assert result.data["he_thong"] == "nha-nuoc"
    assert result.data["co_quan"]["ten"] == "SỞ NỘI VỤ"
    assert any(g.sure.startswith("chắc chắn (dòng 'CỘNG HOÀ") for g in result.guesses)
    assert result.unplaced == []

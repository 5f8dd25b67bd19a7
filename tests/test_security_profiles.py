"""Profiles and programmes are untrusted input (docs/security.md): what a profile names stays
in its folder, a programme names a profile only from its repository or a configured folder, a
malformed profile is a located diagnostic, and `validate` refuses whatever `build` would."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
import yaml

from chuongtrinh import api
from helpers.cli import Ran, run_cli
from helpers.programs import BASE, line_of

SECRET = "mật-khẩu-bí-mật"


def program(folder: Path, name: str = "ct.yaml", **changes: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    data = {**BASE, "noi_dung": [{"tieu_de": "Công tác.", "muc": ["Họp"]}], **changes}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def both(*args: str) -> list[Ran]:
    """`validate` and `build` run on the same arguments."""
    return [run_cli("validate", *args), run_cli("build", *args)]


# -- 1. what a profile may read -----------------------------------------------------------------


def test_a_profile_beside_the_programme_cannot_print_a_host_file(tmp_path: Path) -> None:
    profile = tmp_path / ".quy-uoc.yaml"
    profile.write_text("extends: dang-2018\ntemplates: /\nphrases: {number: etc/passwd}\n")
    source = program(tmp_path, he_thong=".quy-uoc.yaml")
    for ran in both(str(source)):
        assert ran.returncode == 1
        assert (
            f"{profile}:2:12: lỗi [bad-profile] 'templates: /': đường dẫn tuyệt đối" in ran.output
        )
        assert "root:" not in ran.output
    assert not source.with_suffix(".docx").exists()


def test_a_template_folder_linked_out_of_the_profile_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mau").symlink_to("/proc/self")
    profile = tmp_path / "van-phong.yaml"
    profile.write_text("extends: dang-2018\ntemplates: mau\nphrases: {number: environ.j2}\n")
    for ran in both(str(program(tmp_path)), "--profile", str(profile)):
        assert ran.returncode == 1
        assert f"{profile}:2:12: lỗi [bad-profile] 'templates: mau': dẫn ra ngoài" in ran.output


@pytest.mark.parametrize("name", ["etc/passwd", "../so.j2", "/etc/passwd.j2"])
def test_a_phrase_is_a_j2_file_named_inside_the_template_folders(tmp_path: Path, name: str) -> None:
    profile = tmp_path / "van-phong.yaml"
    profile.write_text(f"extends: dang-2018\nphrases:\n  number: {name}\n")
    ran = run_cli("validate", str(program(tmp_path)), "--profile", str(profile))
    assert ran.returncode == 1
    assert (
        f"{profile}:3:11: lỗi [bad-profile] bộ quy tắc: 'phrases.number': mẫu câu phải là"
        in ran.output
    )


def test_a_template_cannot_include_other_files_of_the_profile_folder(tmp_path: Path) -> None:
    (tmp_path / "khoa.txt").write_text(SECRET)
    profile = tmp_path / "van-phong.yaml"
    profile.write_text("extends: dang-2018\ntemplates: .\n")
    office = tmp_path / "mau"
    office.mkdir()
    (office / "so-dang.j2").write_text("Số {{ so }}\n{% include 'khoa.txt' %}\n")
    args = (str(program(tmp_path / "ct")), "--profile", str(profile), "--templates", str(office))
    for ran in both(*args):
        assert ran.returncode == 1
        assert f"{office / 'so-dang.j2'}:1:1: lỗi [template-not-found]" in ran.output
        assert SECRET not in ran.output


@pytest.mark.parametrize("extends", ["../ngoai", "/tmp/ngoai", "lien-ket"])
def test_extends_stays_in_the_profile_folder(tmp_path: Path, extends: str) -> None:
    outside = tmp_path / "ngoai.yaml"
    outside.write_text("extends: dang-2018\n")
    folder = tmp_path / "quy-tac"
    folder.mkdir()
    (folder / "lien-ket.yaml").symlink_to(outside)
    profile = folder / "van-phong.yaml"
    profile.write_text(f"name: x\nextends: {extends}\n")
    ran = run_cli("validate", str(program(tmp_path / "ct")), "--profile", str(profile))
    assert ran.returncode == 1
    assert f"{profile}:2:10: lỗi [bad-profile] 'extends: {extends}'" in ran.output


def repository(root: Path) -> Path:
    (root / ".git").mkdir(parents=True)
    (root / "quy-tac").mkdir()
    (root / "quy-tac" / "van-phong.yaml").write_text("extends: dang-2018\nname: van-phong\n")
    return root


def test_a_programme_names_a_profile_anywhere_in_its_repository(tmp_path: Path) -> None:
    root = repository(tmp_path / "kho")
    source = program(root / "2023" / "thang-3", he_thong="../../quy-tac/van-phong.yaml")
    assert api.validate(source) == []
    assert api.compile_file(source).profile.name == "van-phong"


@pytest.mark.parametrize("where", ["../ngoai.yaml", "ABSOLUTE", "lien-ket.yaml"])
def test_a_programme_cannot_name_a_profile_outside_its_repository(
    tmp_path: Path, where: str
) -> None:
    root = repository(tmp_path / "kho")
    outside = tmp_path / "ngoai.yaml"
    outside.write_text("extends: dang-2018\n")
    (root / "lien-ket.yaml").symlink_to(outside)
    system = str(outside) if where == "ABSOLUTE" else where
    source = program(root, he_thong=system)
    for ran in both(str(source)):
        assert ran.returncode == 1
        place = f"{source}:{line_of(source.read_text(), 'he_thong')}:11: lỗi [bad-profile]"
        assert f"{place} tệp bộ quy tắc {system} nằm ngoài kho của chương trình" in ran.output
        assert "CHUONGTRINH_PROFILE_DIRS" in ran.output


def test_outside_git_the_programme_folder_is_its_repository(tmp_path: Path) -> None:
    (tmp_path / "ngoai.yaml").write_text("extends: dang-2018\n")
    source = program(tmp_path / "ct", he_thong="../ngoai.yaml")
    (error,) = api.validate(source)
    assert error.code == "bad-profile" and "nằm ngoài kho" in error.message


def test_a_configured_folder_lends_its_profiles_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "chung"
    shared.mkdir()
    (shared / "van-phong.yaml").write_text("extends: dang-2018\nname: van-phong-chung\n")
    source = program(tmp_path / "ct", he_thong="van-phong.yaml")
    assert api.validate(source)[0].code == "bad-profile"
    monkeypatch.setenv("CHUONGTRINH_PROFILE_DIRS", os.pathsep.join(["/khong-co", str(shared)]))
    assert api.compile_file(source).profile.name == "van-phong-chung"


def test_a_fifo_named_as_a_profile_is_refused_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "ong.yaml")
    ran = run_cli("validate", str(program(tmp_path, he_thong="ong.yaml")))
    assert ran.returncode == 1
    assert f"{tmp_path / 'ong.yaml'}:1:1: lỗi [bad-profile]" in ran.output


def test_a_template_linked_to_a_device_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "so-dang.j2").symlink_to("/dev/zero")
    ran = run_cli("build", str(program(tmp_path)), "--templates", str(tmp_path / "mau"))
    assert ran.returncode == 1 and "lỗi [template-not-found]" in ran.output


# -- 3. a malformed profile is a located diagnostic -------------------------------------------

MALFORMED = {
    "extends-cycle": (  # b.yaml closes the loop
        "extends: b\n",
        "b.yaml:1:10: lỗi [bad-profile] các bộ quy tắc mở rộng nhau thành vòng: p.yaml → b.yaml"
        " → p.yaml",
    ),
    "based-on-cycle": (
        "extends: dang-2018\nstyles:\n  body: {based_on: item}\n  item: {based_on: body}\n",
        "p.yaml:3:20: lỗi [bad-profile] bộ quy tắc: 'styles.body.based_on': các kiểu kế thừa nhau"
        " thành vòng: body → item → body",
    ),
    "unknown-based-on": (
        "extends: dang-2018\nstyles:\n  body: {based_on: khong-co}\n",
        "p.yaml:3:20: lỗi [bad-profile] bộ quy tắc: 'styles.body.based_on': không có kiểu 'khong-co'",
    ),
    "nan": (
        "extends: dang-2018\nfont:\n  size_pt: .nan\n",
        "p.yaml:3:12: lỗi [bad-profile] bộ quy tắc: 'font.size_pt': phải là một số hữu hạn",
    ),
    "infinite": (
        "extends: dang-2018\npage:\n  margin_mm: {left: .inf}\n",
        "p.yaml:3:21: lỗi [bad-profile] bộ quy tắc: 'page.margin_mm.left': phải là một số hữu hạn",
    ),
    "negative": (
        "extends: dang-2018\nstyles:\n  body: {size_pt: -14}\n",
        "p.yaml:3:19: lỗi [bad-profile] bộ quy tắc: 'styles.body.size_pt': phải lớn hơn 0",
    ),
    "width-zero": (
        "extends: dang-2018\npage:\n  width_mm: 0\n",
        "p.yaml:3:13: lỗi [bad-profile] bộ quy tắc: 'page.width_mm': phải lớn hơn 0",
    ),
    "no-text-width": (
        "extends: dang-2018\npage:\n  width_mm: 40\n",
        "p.yaml:3:13: lỗi [bad-profile] bộ quy tắc: 'page.width_mm': lề trái và lề phải không chừa chỗ",
    ),
    "huge-gap": (
        "extends: dang-2018\nheader:\n  date_gap_lines: 100000000\n",
        "p.yaml:3:19: lỗi [bad-profile] bộ quy tắc: 'header.date_gap_lines': không được lớn hơn 10",
    ),
    "extends-folder": (
        "extends: thu-muc\n",
        "p.yaml:1:10: lỗi [bad-profile] 'extends: thu-muc': thu-muc.yaml không phải tệp bộ quy tắc",
    ),
    "not-a-mapping": (
        "- extends\n- dang-2018\n",
        "p.yaml:1:1: lỗi [not-mapping] tệp bộ quy tắc phải là một bảng 'khóa: giá trị'",
    ),
    "bad-yaml": ("extends: [dang-2018\nname: x\n", "p.yaml:2:5: lỗi [yaml-syntax]"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_profile_is_a_located_error(tmp_path: Path, case: str) -> None:
    text, expected = MALFORMED[case]
    profile = tmp_path / "p.yaml"
    profile.write_text(text)
    (tmp_path / "b.yaml").write_text("extends: p\n")
    (tmp_path / "thu-muc.yaml").mkdir()
    source = program(tmp_path / "ct")
    for ran in both(str(source), "--profile", str(profile)):
        assert ran.returncode == 1, ran.output
        place, message = expected.split(": ", 1)
        assert f"{tmp_path / place}: {message}" in ran.output
        assert "gợi ý: " in ran.output
        assert "lỗi nội bộ" not in ran.output and "internal-error" not in ran.output
    assert not source.with_suffix(".docx").exists()
    built = api.build(program(tmp_path / "dung")).output  # `check` reads the profile too
    ran = run_cli("check", str(built), "--profile", str(profile))
    assert ran.returncode == 1 and f"{tmp_path / place}: {message}" in ran.output


def test_a_chain_of_extends_is_bounded(tmp_path: Path) -> None:
    for n in range(1100):  # deeper than Python's stack once was
        (tmp_path / f"p{n}.yaml").write_text(f"extends: p{n + 1}\n")
    (tmp_path / "p1100.yaml").write_text("extends: dang-2018\n")
    (error,) = api.validate(program(tmp_path / "ct"), tmp_path / "p0.yaml")
    assert (error.file, error.line, error.col) == (str(tmp_path / "p16.yaml"), 1, 10)
    assert error.message == "'extends: p17': quá 16 tầng bộ quy tắc mở rộng nhau"


def test_a_style_removed_with_null_leaves_its_paragraphs_to_word(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: dang-2018\nstyles:\n  kind: null\n  recipients_label: null\n")
    ran = run_cli("build", str(program(tmp_path)), "--profile", str(profile))
    assert ran.returncode == 0, ran.output


def test_a_style_based_on_a_removed_one_is_named_in_the_users_file(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: dang-2018\nstyles:\n  body: null\n")
    (error,) = api.validate(program(tmp_path), profile)
    assert error.file == str(profile)
    assert "'styles.heading_1.based_on': không có kiểu 'body'" in error.message


# -- 4. what validate accepts builds ----------------------------------------------------------


def test_binary_text_is_refused_like_a_tag(tmp_path: Path) -> None:
    hidden = base64.b64encode("Công tác\x0btháng 3".encode()).decode()
    source = program(tmp_path, trich_yeu="PLACEHOLDER")
    source.write_text(source.read_text().replace("PLACEHOLDER", f"!!binary {hidden}"))
    line = line_of(source.read_text(), "trich_yeu")
    for ran in both(str(source)):
        assert ran.returncode == 1
        assert f"{source}:{line}:12: lỗi [bad-tag] thẻ YAML không được hỗ trợ" in ran.output


@pytest.mark.parametrize(
    ("width", "message"),
    [
        (".inf", "phải là một số hữu hạn"),
        (".nan", "phải là một số hữu hạn"),
        ("1e308", "không được lớn hơn 1000"),
        ("0", "phải lớn hơn 0"),
    ],
)
def test_a_column_width_validate_accepts_builds(tmp_path: Path, width: str, message: str) -> None:
    source = program(tmp_path, trinh_bay="bang", cot_bang=["stt", "noi_dung"])
    text = source.read_text().replace("- noi_dung", f"- {{truong: noi_dung, rong: {width}}}")
    source.write_text(text)
    line = line_of(source.read_text(), "rong:")
    for ran in both(str(source)):
        assert ran.returncode == 1
        assert f"{source}:{line}:" in ran.output
        assert f"lỗi [bad-number] 'cot_bang[2].rong' {message}" in ran.output

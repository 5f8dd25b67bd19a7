"""Hostile input: YAML that would construct objects or explode, templates that try to escape
their sandbox, output names that try to leave the output folder."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.profiles import phrases
from chuongtrinh.source import loader as source


def refused(text: str) -> Diagnostic:
    with pytest.raises(ChuongtrinhError) as caught:
        located = source.loads(text, "x.yaml")
        raise ChuongtrinhError(located.problems)
    return caught.value.diagnostics[0]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [echo hacked]\n",
        "a: !!python/name:os.system\n",
        "a: !!python/object/new:subprocess.Popen {args: [ls]}\n",
        "a: !custom x\n",
    ],
)
def test_tags_that_construct_objects_are_refused(text: str) -> None:
    found = refused(text)
    assert (found.code, found.line, found.col) == ("bad-tag", 1, 4)
    assert found.message.startswith("thẻ YAML không được hỗ trợ: ")


def bomb(levels: int, width: int = 10) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [7, 9, 12])
def test_alias_bomb_refused_with_bounded_memory(levels: int) -> None:
    tracemalloc.start()
    try:
        found = refused(bomb(levels))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found.code == "too-many-nodes"
    assert found.message == "tệp có quá 2.000.000 phần tử (có thể do bí danh YAML lồng nhau)"
    assert peak < 5 * 1024 * 1024  # the expansion (up to 10^12 nodes) is never built


def test_wide_alias_fan_out_is_refused() -> None:
    big = ", ".join(["x"] * 5000)
    text = f"a: &a [{big}]\nb: [{', '.join(['*a'] * 500)}]\n"
    assert refused(text).code == "too-many-nodes"


def test_small_aliases_still_load() -> None:
    assert source.loads(bomb(3)).data["a2"][0][0] == ["lol"] * 10


# -- templates --------------------------------------------------------------------------------


@pytest.fixture
def user_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "mau"
    folder.mkdir()
    (tmp_path / "bi-mat.txt").write_text("mật khẩu", encoding="utf-8")
    return folder


def render_user(folder: Path, body: str, **values: object) -> str:
    (folder / "thu.j2").write_text(body, encoding="utf-8")
    return phrases.render("thu.j2", (folder,), **values)


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ so.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.system('id') }}",
        "{{ lipsum.__globals__['os'] }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ cac_dong.append('x') }}",
        "{{ cac_dong.__len__ }}",
    ],
)
def test_template_cannot_reach_internals(user_templates: Path, body: str) -> None:
    with pytest.raises(ChuongtrinhError) as caught:
        render_user(user_templates, body, so="36", cac_dong=["a"])
    [found] = caught.value.diagnostics
    assert found.code == "template-error"
    assert found.message.startswith("lỗi mẫu câu chữ: ")


@pytest.mark.parametrize(
    "body",
    [
        "{% include '../bi-mat.txt' %}",
        "{% include '/etc/passwd' %}",
        "{% include 'lien-ket.txt' %}",
        "{% include 'lien-ket-thu-muc/bi-mat.txt' %}",
    ],
)
def test_template_cannot_read_outside_its_folder(user_templates: Path, body: str) -> None:
    (user_templates / "lien-ket.txt").symlink_to(user_templates.parent / "bi-mat.txt")
    (user_templates / "lien-ket-thu-muc").symlink_to(user_templates.parent)
    with pytest.raises(ChuongtrinhError) as caught:
        render_user(user_templates, body)
    [found] = caught.value.diagnostics
    assert found.code == "template-not-found"
    assert "mật khẩu" not in found.format()


def test_template_may_include_its_own_files(user_templates: Path) -> None:
    (user_templates / "phan.j2").write_text("Số {{ so }}", encoding="utf-8")
    assert render_user(user_templates, "{% include 'phan.j2' %}!", so="36") == "Số 36!"


def test_template_errors_are_located(user_templates: Path) -> None:
    with pytest.raises(ChuongtrinhError) as caught:
        render_user(user_templates, "dòng 1\n{{ khong_co }}")
    [found] = caught.value.diagnostics
    assert (found.code, found.line) == ("template-error", 2)
    assert found.message == "lỗi mẫu câu chữ: 'khong_co' is undefined"


# -- output paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../x.docx", "a/../../x.docx", "/etc/x.docx", "C:\\x.docx", "..\\x.docx", "", ".", "a\x00b"],
)
def test_output_outside_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ChuongtrinhError) as caught:
        api.safe_output(tmp_path / "out", name)
    [found] = caught.value.diagnostics
    assert found.code == "unsafe-output"
    assert not list(tmp_path.iterdir())


def test_output_through_a_symlink_out_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "ra-ngoai").symlink_to(tmp_path)
    where = Diagnostic("lo.yaml", 4, 9, "", "")
    with pytest.raises(ChuongtrinhError) as caught:
        api.safe_output(out, "ra-ngoai/x.docx", where)
    [found] = caught.value.diagnostics
    assert (found.file, found.line, found.col) == ("lo.yaml", 4, 9)
    assert found.message == f"tệp ra 'ra-ngoai/x.docx' nằm ngoài thư mục đích {out}"


@pytest.mark.parametrize("name", ["x.docx", "con/x.docx", "con/../x.docx", "con\\x.docx"])
def test_output_inside_the_folder_is_allowed(tmp_path: Path, name: str) -> None:
    target = api.safe_output(tmp_path, name)
    assert target.is_relative_to(tmp_path.resolve())
    assert os.path.basename(target) == "x.docx"

"""A phrase template is untrusted ran.returncode in a sandbox (docs/security.md): past the bounds of
range length, value size, ran.output size, work or time it stops with a diagnostic at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chuongtrinh.profiles import budget
from helpers.cli import run_cli
from helpers.programs import BASE

MAX_RANGE, MAX_SIZE = 10_000, 1_000_000  # profiles/budget.py, as the messages say them
OVER = MAX_SIZE + 1
TOO_MUCH = {
    "range": (
        f"{{% for i in range({MAX_RANGE + 1}) %}}{{% endfor %}}",
        "range() quá 10.000 phần tử",
    ),
    "nested-loops": (
        "{% for a in range(1500) %}{% for b in range(1500) %}{% endfor %}{% endfor %}",
        "mẫu làm quá 2.000.000 bước",
    ),
    "text-times": (f"{{{{ 'a' * {OVER} }}}}", "phép '*' sẽ tạo giá trị quá 1.000.000 ký tự"),
    "list-times": (f"{{{{ (['ab'] * {OVER // 10}) | length }}}}", "phép '*' sẽ tạo giá trị"),
    "width": (f"{{{{ '%*s' % ({OVER}, so) }}}}", "phép '%' sẽ tạo giá trị"),
    "method": (f"{{{{ so.rjust({OVER}) }}}}", "lời gọi 'rjust' sẽ tạo giá trị"),
    "filter": (f"{{{{ so | center({OVER}) }}}}", "bộ lọc 'center' sẽ tạo giá trị"),
    "replace": (
        "{% set s = 'x' * 2000 %}{{ s | replace('x', s) | length }}",
        "bộ lọc 'replace' sẽ tạo giá trị",
    ),
    "concat": ("{% set s = 'a' * 600000 %}{{ (s ~ s) | length }}", "phép '~' sẽ tạo giá trị"),
    "power": ("{{ 2 ** 200000 % 7 }}", "phép '**' tạo số quá lớn"),
    "ran.output": (
        "{% macro m() %}{{ 'x' * 1000 }}{% endmacro %}{% for i in range(1001) %}{{ m() }}{% endfor %}",
        "mẫu in ra quá 1.000.000 ký tự",
    ),
    "quadratic-sum": ("{{ ([[1]] * 1000) | sum(start=[]) | length }}", "'sum' chỉ cộng các số"),
    # No unit counts comparing two long texts: the time limit stops it (a hang before).
    "time": (
        "{% set s = 'x' * 900000 %}{% set t = 'x' * 899999 ~ 'y' %}"
        "{% for a in range(1000) %}{% for b in range(1000) %}{% if s == t %}{% endif %}"
        "{% endfor %}{% endfor %}",
        "mẫu chạy quá 2 giây",
    ),
}


def write_program(folder: Path) -> Path:
    source = folder / "ct.yaml"
    source.write_text(yaml.safe_dump(BASE, allow_unicode=True), encoding="utf-8")
    return source


@pytest.mark.parametrize("case", TOO_MUCH)
def test_a_template_past_a_bound_is_refused_at_its_line(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    body, message = TOO_MUCH[case]
    if case != "time":
        # The counted bound is under test: on a loaded machine the 2 s backstop could fire
        # first and name itself instead.
        monkeypatch.setattr(budget, "MAX_SECONDS", 60.0)
    templates = tmp_path / "mau"
    templates.mkdir()
    template = templates / "so-dang.j2"
    template.write_text("{#- dòng số của văn phòng -#}\n" + body + "\n", encoding="utf-8")
    source = write_program(tmp_path)
    ran = run_cli("build", str(source), "--templates", str(templates))
    assert ran.returncode == 1, ran.output
    assert f"{template}:2:1: lỗi [template-limit] mẫu câu chữ vượt giới hạn: " in ran.output
    assert message in ran.output and "gợi ý: một mẫu câu chỉ in vài dòng" in ran.output
    assert not source.with_suffix(".docx").exists()


def test_a_template_within_the_bounds_renders(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "so-dang.j2").write_text(
        "Số {{ so }}-{{ loai }}/{{ viet_tat }}"
        "{% for i in range(3) %}{{ '.' * 2 }}{% endfor %}{{ '%5s' % so }}{{ [so, so] | join('+') }}"
    )
    ran = run_cli("build", str(write_program(tmp_path)), "--templates", str(templates))
    assert ran.returncode == 0, ran.output
    ran = run_cli("text", str(tmp_path / "ct.docx"))
    assert "Số 7-CTr/ĐU......    77+7" in ran.output

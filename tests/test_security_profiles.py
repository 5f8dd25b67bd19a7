"""Programmes are untrusted input (docs/security.md): `validate` refuses whatever `build`
would."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import yaml

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

"""The README's YAML programs are complete: an office copying one gets a valid program."""

from __future__ import annotations

import re

import pytest

from chuongtrinh import api
from helpers.examples import ROOT

PROGRAMS = [
    block
    for block in re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    if "\nky:" in block
]


def test_the_readme_shows_a_state_and_a_chi_bo_program() -> None:
    assert any("he_thong: nha-nuoc" in block for block in PROGRAMS)
    assert any("trinh_bay: bang" in block and "CHI BỘ" in block for block in PROGRAMS)


OFFICES = {
    "state": next(b for b in PROGRAMS if "he_thong: nha-nuoc" in b),
    "chi-bo": next(b for b in PROGRAMS if "trinh_bay: bang" in b),
}


@pytest.mark.parametrize("office", sorted(OFFICES))
def test_a_readme_program_builds_without_warnings(office: str) -> None:
    compiled = api.compile_text(OFFICES[office], "README.md")
    assert compiled.warnings == []
    assert api.render(compiled)

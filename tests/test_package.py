"""A plain (non-editable) install of the wheel finds its templates and profiles and builds."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chuongtrinh.docx.reader import lines
from helpers.examples import EXAMPLES, MONTHLY, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(out),
        str(ROOT),
    ]
    subprocess.run(command, check=True, capture_output=True)
    [built] = out.glob("chuongtrinh-*.whl")
    return built


def test_wheel_carries_templates_and_profiles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {p.name for p in (ROOT / "templates").glob("*.j2")}
    assert templates, "no templates in the checkout"
    assert {f"chuongtrinh/templates/{name}" for name in templates} <= names
    profiles = {p.name for p in (ROOT / "src" / "chuongtrinh" / "profiles").glob("*.yaml")}
    assert {"dang-2018.yaml", "dang-2026.yaml", "nha-nuoc-2020.yaml"} <= profiles
    assert {f"chuongtrinh/profiles/{name}" for name in profiles} <= names
    starters = {p.name for p in (ROOT / "templates" / "starters").glob("*.yaml")}
    assert {f"chuongtrinh/templates/starters/{name}" for name in starters} <= names


def test_installed_wheel_builds_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies come from this interpreter's site-packages (no download), listed in a
    # .pth file: such paths go after the venv's own, so the wheel's chuongtrinh is imported,
    # and the .pth of an editable install there is not run.
    venv_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(venv_site, "outer.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = [
        str(python),
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-index",
        "--force-reinstall",
        str(wheel),
    ]
    subprocess.run(install, check=True, capture_output=True)
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", work)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(python), "-c", "import chuongtrinh; print(chuongtrinh.__file__)"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert Path(where.strip()).is_relative_to(venv), where
    result = subprocess.run(
        [str(venv / "bin" / "chuongtrinh"), "build", f"{MONTHLY}.yaml"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = lines(work / f"{MONTHLY}.docx")
    assert "Số 36-CTr/ĐU" in text  # rendered by the packaged so-dang.j2
    assert "- Lưu Đảng uỷ." in text  # rendered by the packaged noi-nhan.j2

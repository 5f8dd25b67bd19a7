"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit itself on a sample
repository of programmes configured as the README says: a folder with a sub-folder, a
mkdocs.yml beside it, the .docx files kept in dist/. pre-commit is a test dependency; the hooks
come from this repository's last commit, installed by pre-commit from PyPI as an office's are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.examples import CHI_BO, EXAMPLES, MONTHLY, ROOT

pytestmark = pytest.mark.slow


def pre_commit() -> list[str]:
    """How to run pre-commit here: as a module of this Python, or the one on the PATH."""
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        found = shutil.which("pre-commit")
        if found is None:
            pytest.fail("pre-commit is not installed: pip install -e '.[test]'")
        return [found]
    return [sys.executable, "-m", "pre_commit"]


def git(*args: str, cwd: Path) -> None:
    identity = ["-c", "user.name=Văn thư", "-c", "user.email=vt@example.org"]
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True)


CONFIG = """\
repos:
  - repo: {root}
    rev: {rev}
    hooks:
      - id: chuongtrinh-validate
        args: [chuong-trinh]
      - id: chuongtrinh-build
        args: [chuong-trinh, -o, dist]
"""


def pre_commit_run(sample: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*pre_commit(), *args],
        cwd=sample,
        env={**os.environ, "PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hooks_validate_and_find_the_docx_to_rebuild(tmp_path: Path) -> None:
    sample, home = tmp_path / "van-phong", tmp_path / "cache"
    (sample / "chuong-trinh" / "2026").mkdir(parents=True)
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", sample / "chuong-trinh")
    shutil.copy(EXAMPLES / f"{CHI_BO}.yaml", sample / "chuong-trinh" / "2026")
    (sample / "mkdocs.yml").write_text("site_name: Văn phòng\n", encoding="utf-8")
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    config = CONFIG.format(root=ROOT, rev=rev)
    (sample / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("init", "-q", cwd=sample)
    git("add", "-A", cwd=sample)
    git("commit", "-qm", "chương trình", cwd=sample)
    installed = pre_commit_run(sample, home, "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # dist/ built by the hooks' own installation, as the office's is by the same version
    [tool] = home.glob("repo*/py_env-*/bin/chuongtrinh")
    subprocess.run([tool, "build", "chuong-trinh", "-o", "dist"], cwd=sample, check=True)
    git("add", "-A", cwd=sample)
    git("commit", "-qm", "bản .docx", cwd=sample)
    assert pre_commit_run(sample, home, "run", "--all-files").returncode == 0
    edited = sample / "chuong-trinh" / f"{MONTHLY}.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("tháng 02 năm 2023", "tháng 2 năm 2023", 1), encoding="utf-8")
    ran = pre_commit_run(sample, home, "run", "--all-files")
    assert ran.returncode == 1, ran.stdout + ran.stderr
    said = ran.stdout.splitlines()
    assert any(
        line.startswith("chuongtrinh validate.") and line.endswith("Passed") for line in said
    )
    assert any(
        line.startswith("chuongtrinh build --check.") and line.endswith("Failed") for line in said
    )
    assert f"cần tạo lại dist/{MONTHLY}.docx (từ chuong-trinh/{MONTHLY}.yaml)" in said
    assert not any(CHI_BO in line for line in said)  # mirrored in dist/2026/, and fresh

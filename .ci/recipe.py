"""Run docs/ci.md's GitHub Actions and GitLab CI jobs on a copy of examples/ as programs/.

Every `run:` step of the GitHub job and every `script:` line of the GitLab job is run as
written, except the install line (chuongtrinh is already installed from this checkout); then
dist/ must hold one .docx per example and be what both jobs upload.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def jobs() -> tuple[dict, dict]:  # type: ignore[type-arg]
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    github, gitlab = (yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S))
    return github["jobs"]["render"], gitlab["render-programs"]


def run(commands: list[str], where: Path, env: dict[str, str]) -> None:
    for command in commands:
        if "pip install" in command:
            continue
        print(f"+ {command}", flush=True)
        subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=where, env=env, check=True)


def main() -> None:
    github, gitlab = jobs()
    steps = [s["run"] for s in github["steps"] if "run" in s]
    [upload] = [
        s for s in github["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert upload["with"]["path"] == "dist/" and gitlab["artifacts"]["paths"] == ["dist/"]
    expected = sorted(p.with_suffix(".docx").name for p in (ROOT / "examples").glob("*.yaml"))
    for name, commands, variables in (
        ("GitHub Actions", steps, github.get("env", {})),
        ("GitLab CI", gitlab["script"], gitlab.get("variables", {})),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            shutil.copytree(
                ROOT / "examples", work / "programs", ignore=shutil.ignore_patterns("*.docx")
            )
            print(f"# {name} recipe from docs/ci.md on examples/", flush=True)
            run(commands, work, {**os.environ, **variables})
            built = sorted(p.name for p in (work / "dist").glob("*.docx"))
            if built != expected:
                sys.exit(f"{name}: dist/ holds {built}, expected {expected}")


if __name__ == "__main__":
    main()

"""The yearly example's two drafts as a git repository: draft 1 committed, then draft 2."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from helpers.examples import EXAMPLES, YEARLY

FIRST = EXAMPLES / f"{YEARLY}-lan-1.yaml"
SECOND = EXAMPLES / f"{YEARLY}-lan-2.yaml"
WHEN = "2024-03-05T09:30:00+07:00"


def git(repo: Path, *args: str) -> str:
    """git in `repo`, every commit dated `WHEN`."""
    env = {**os.environ, "GIT_COMMITTER_DATE": WHEN, "GIT_AUTHOR_DATE": WHEN}
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def drafts_in_git(folder: Path) -> Path:
    """`ct.yaml` committed as draft 1, then as draft 2 (its working copy is draft 2)."""
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "Nguyễn Văn Phòng")
    git(folder, "config", "user.email", "vp@example.invalid")
    for draft in (FIRST, SECOND):
        shutil.copy(draft, folder / "ct.yaml")
        git(folder, "add", "ct.yaml")
        git(folder, "commit", "-q", "-m", draft.stem)
    return folder / "ct.yaml"

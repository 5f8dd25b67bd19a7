"""What each command imports: `--help`, `validate` and a `build` with a warm cache do not load
the machinery they do not use (python-docx, lxml, Jinja, rich, typer's pydantic adapters)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.cli import process_env
from helpers.examples import EXAMPLES, MONTHLY

_IMPORTED = """
import atexit, sys
from chuongtrinh.cli import main
watched = ("docx", "jinja2", "pydantic", "rich", "typer._adapters", "yaml", "lxml")
atexit.register(lambda: print(" ".join(m for m in watched if m in sys.modules)))
sys.argv = ["chuongtrinh", *sys.argv[1:]]
main()
"""


def _imported(*args: str, cwd: Path) -> set[str]:
    command = [sys.executable, "-c", _IMPORTED, *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=process_env())
    return set(result.stdout.splitlines()[-1].split())


def test_each_command_imports_only_what_it_uses(tmp_path: Path) -> None:
    source = tmp_path / "ct.yaml"
    source.write_text((EXAMPLES / f"{MONTHLY}.yaml").read_text(encoding="utf-8"))
    assert _imported("--help", cwd=tmp_path) == set()
    _imported("validate", "ct.yaml", cwd=tmp_path)  # renders lint's phrases into the cache
    assert _imported("validate", "ct.yaml", cwd=tmp_path) == {"pydantic", "yaml"}
    _imported("build", "ct.yaml", cwd=tmp_path)  # fills the cache
    warm = _imported("build", "ct.yaml", cwd=tmp_path)
    assert warm == {"jinja2", "pydantic", "yaml"}  # no python-docx, lxml, rich or adapters

"""What each command imports: `--help`, `validate` and a `build` with a warm cache do not load
the machinery they do not use (python-docx, lxml, Jinja, rich, typer's pydantic adapters,
the `importlib.metadata` that only pydantic's plugin lookup needs)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

from chuongtrinh.cli import _plugins
from helpers.cli import process_env
from helpers.examples import EXAMPLES, MONTHLY

_IMPORTED = """
import atexit, sys
from chuongtrinh.cli import main
watched = ("docx", "jinja2", "pydantic", "rich", "typer._adapters", "yaml", "lxml",
           "importlib.metadata")
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


def test_pydantic_asks_its_plugin_loader_for_get_plugins_only() -> None:
    # The CLI stands in for pydantic's loader while plugins are off (cli/_plugins.py); an
    # upgrade of pydantic that asks the loader for anything more must be noticed here.
    asked = set()
    for source in Path(pydantic.__file__).parent.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for names in re.findall(r"from \S*_loader import ([^\n]+)", text):
            asked.update(name.strip() for name in names.split(","))
        assert "import pydantic.plugin._loader" not in text
    assert asked == {"get_plugins"}
    assert list(_plugins._no_plugins()) == []


def test_plugins_the_user_names_are_looked_up_by_pydantic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    monkeypatch.delitem(sys.modules, _plugins.LOADER, raising=False)
    _plugins.turn_off()
    assert _plugins.LOADER not in sys.modules  # pydantic's own loader, and its lookup, then

"""What makes the tool fit an office's day besides the commands: pre-commit hooks, shell
completion, Vietnamese help, --version."""

from __future__ import annotations

import shlex

import yaml

from chuongtrinh import __version__
from helpers.cli import run_cli
from helpers.examples import ROOT


def _complete(line: str) -> list[str]:
    """What bash completion offers for `line` (the cursor at its end)."""
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    env = {
        "_CHUONGTRINH_COMPLETE": "complete_bash",
        "COMP_WORDS": " ".join(words),
        "COMP_CWORD": str(len(words) - 1),
    }
    result = run_cli(env=env)
    return result.output.split()


def test_pre_commit_hooks_run_the_installed_command() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"]: hook["entry"] for hook in hooks} == {
        "chuongtrinh-validate": "chuongtrinh validate",
        "chuongtrinh-build": "chuongtrinh build --check",  # --check comes with issue 6
    }
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["types"] == ["yaml"]
    assert 'chuongtrinh = "chuongtrinh.cli:main"' in (ROOT / "pyproject.toml").read_text()


def test_shell_completion_of_commands_and_values() -> None:
    assert {"build", "check", "new", "preview", "schema", "validate"} <= set(
        _complete("chuongtrinh ")
    )
    assert _complete("chuongtrinh new --mau dang-") == ["dang-nam", "dang-thang"]
    assert "dang-2018" in _complete("chuongtrinh check --profile dang")
    result = run_cli("--show-completion", "bash")
    assert "_CHUONGTRINH_COMPLETE" in result.output


def test_help_is_vietnamese_with_english_command_names() -> None:
    for args in ([], ["new"], ["check"], ["preview"], ["schema"]):
        # the panels wrap long lines: compare the words, not the layout
        output = " ".join(run_cli(*args, "--help").output.replace("│", " ").split())
        assert "Hiện hướng dẫn này rồi thoát." in output, args
        assert "Show this message" not in output and "Options" not in output, args
    root = " ".join(run_cli("--help").output.replace("│", " ").split())
    assert "Cài gợi ý (Tab) lệnh" in root


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.output == f"chuongtrinh {__version__}\n"

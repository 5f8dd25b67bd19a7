"""Running `chuongtrinh ARGS…`: in this process (`run_cli`, what tests use), or as a real process
(`run_process`, `command`) where only a process shows it: the `python -m chuongtrinh` entry point,
a SIGKILL, a fresh interpreter with its own clock and time zone."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

import chuongtrinh
from chuongtrinh.cli import app

# The package under test, first on the path of a child process (whatever else is installed).
SRC = Path(chuongtrinh.__file__).resolve().parents[1]


@dataclass(frozen=True)
class Ran:
    """What one run of the command left: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str
    output: str  # stdout and stderr interleaved, as on the user's terminal


def run_cli(
    *args: str | Path, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> Ran:
    """`chuongtrinh ARGS…` run in this process, from `cwd`, with `env` set.

    An exception escaping a command is a bug (the entry point would print it as an internal
    error): it is raised here, with its traceback, instead of being turned into an exit code."""
    with contextlib.chdir(cwd or Path.cwd()):
        result = CliRunner().invoke(
            app,
            [str(a) for a in args],
            env={"NO_COLOR": "1", **(env or {})},
            prog_name="chuongtrinh",
        )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr, result.output)


def command(*args: str | Path) -> list[str]:
    """The argv of a real `chuongtrinh ARGS…`: this interpreter, `python -m chuongtrinh`."""
    return [sys.executable, "-m", "chuongtrinh", *map(str, args)]


def process_env(env: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """This process's environment for a child: the package under test on its path, no colour,
    and `env` (a None value removes the variable)."""
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    merged: dict[str, str | None] = {
        **os.environ,
        "PYTHONPATH": path,
        "NO_COLOR": "1",
        **(env or {}),
    }
    return {key: value for key, value in merged.items() if value is not None}


def run_process(
    *args: str | Path, cwd: Path | None = None, env: Mapping[str, str | None] | None = None
) -> Ran:
    """`chuongtrinh ARGS…` as a separate process, from `cwd` (its `output` is stdout, then
    stderr)."""
    done = subprocess.run(
        command(*args), cwd=cwd, env=process_env(env), capture_output=True, text=True
    )
    return Ran(done.returncode, done.stdout, done.stderr, done.stdout + done.stderr)


def run_bounded(
    *args: str | Path, cpu: int = 30, memory_mb: int = 1024, env: Mapping[str, str] | None = None
) -> Ran:
    """`chuongtrinh ARGS…` as a process with `memory_mb` of address space and `cpu` seconds of
    CPU time: a runaway ends as a MemoryError or a SIGXCPU (a failed test), not a stuck run."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    done = subprocess.run(
        command(*args), env=process_env(env), capture_output=True, text=True, preexec_fn=limit
    )
    return Ran(done.returncode, done.stdout, done.stderr, done.stdout + done.stderr)

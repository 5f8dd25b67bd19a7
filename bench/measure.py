"""One `chuongtrinh` command in a child process: its wall time, peak memory, exit code and first
line of stderr, optionally under a memory limit and a timeout (bench/hostile.py, real_docx.py)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measured:
    seconds: float
    rss_mib: float
    code: int
    first: str  # the first non-empty line of stderr


def measure(
    args: list[str], folder: Path, src: Path, timeout: float = 0, limit_bytes: int = 0
) -> Measured:
    """Run `python -m chuongtrinh ARGS` from `folder` with the package in `src`."""

    def confine() -> None:
        if limit_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "chuongtrinh", *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(src)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=confine,
    )
    timer = threading.Timer(timeout, process.kill) if timeout else None
    if timer:
        timer.start()
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    if timer:
        timer.cancel()
    first = next((line for line in stderr.splitlines() if line.strip()), "")
    seconds = time.perf_counter() - start
    return Measured(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), first)

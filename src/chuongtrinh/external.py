"""The other programs the tool runs (LibreOffice, pdftoppm), run so that a file name is never
an option and nothing is left running.

- Programs are found on PATH and called by their absolute path.
- File names are passed as absolute paths. LibreOffice has no `--` (it answers "Error in
  option: --") and takes any argument starting with '-' as an option, so a file called
  `--accept=socket,…;urp;.doc` would open a UNO port: an absolute path starts with '/' (or a
  drive letter) and never with '-'. pdftoppm, which honours `--`, gets both.
- LibreOffice runs with a user profile of its own in a temporary folder, removed afterwards, so
  it neither waits for nor disturbs a LibreOffice the user has open, and keeps nothing.
- Each program starts in a process group of its own; when it times out, is interrupted or
  ends, the whole group is killed, so no soffice.bin is left listening or converting.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

OFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_S = 180  # read at each call, so that tests can shorten it


class Timeout(Exception):
    """A program ran longer than TIMEOUT_S and was killed with its children."""


def find(*names: str) -> str | None:
    """The first of `names` on PATH, as an absolute path."""
    for name in names:
        found = shutil.which(name)
        if found:
            return os.path.abspath(found)
    return None


def argument(path: Path) -> str:
    """A file name as an argument no program can take for an option."""
    text = os.path.abspath(path)
    if text.startswith("-"):  # cannot happen for an absolute path; kept as the invariant
        raise ValueError(f"unsafe file argument: {text!r}")
    return text


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """The program and every process it started (LibreOffice's oosplash starts soffice.bin)."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()


def run(command: Sequence[str], cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `command` in a process group of its own; Timeout after TIMEOUT_S. Whatever happens
    (an error, Ctrl+C, the end), the group is killed before this returns."""
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=os.name == "posix",
    )
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise Timeout(f"quá {TIMEOUT_S} giây, đã dừng") from None
    finally:
        _kill_group(process)
        if process.returncode is None:
            # Killed: reap it, without reading pipes a stray grandchild might still hold.
            process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def convert(
    office: str, document: Path, out_dir: Path, to: str
) -> subprocess.CompletedProcess[bytes]:
    """LibreOffice headless: `document` → `out_dir/<stem>.<to>`, with a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="chuongtrinh-lo-", ignore_cleanup_errors=True) as home:
        command = [
            office,
            f"-env:UserInstallation={Path(home).resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            argument(out_dir),
            argument(document),
        ]
        return run(command)

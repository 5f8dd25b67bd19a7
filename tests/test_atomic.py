"""Atomic output: a build killed at any moment leaves the old .docx or the new one, never a
truncated file; a failed build leaves the old file untouched."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from chuongtrinh.build import pipeline
from chuongtrinh.source import decode as source
from helpers.cli import SRC, command, process_env
from helpers.examples import EXAMPLES, MONTHLY
from helpers.programs import big_program

ITEMS = 1200


def start_build(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command("build", "ct.yaml"),
        cwd=folder,
        env=process_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def paragraphs(path: Path) -> int:
    return len(docx.Document(str(path)).paragraphs)


@pytest.fixture(scope="module")
def old_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("old")
    (folder / "ct.yaml").write_bytes((EXAMPLES / f"{MONTHLY}.yaml").read_bytes())
    return api.build(folder / "ct.yaml").output.read_bytes()


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_old_or_new(tmp_path: Path, old_docx: bytes) -> None:
    text = big_program(ITEMS)
    folders = []
    for run in range(7):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        (folder / "ct.yaml").write_text(text, encoding="utf-8")
        (folder / "ct.docx").write_bytes(old_docx)
        folders.append(folder)
    # One build to the end: how long a build takes, and what the new file holds.
    began = time.monotonic()
    assert start_build(folders[0]).wait() == 0
    duration = time.monotonic() - began
    new_paragraphs = paragraphs(folders[0] / "ct.docx")
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    outcomes = []
    runs = len(folders) - 1
    for run, folder in enumerate(folders[1:]):
        process = start_build(folder)
        # One random moment in each slice of the build's life, the last slices around its end.
        time.sleep(chance.uniform(run / runs, (run + 1) / runs) * duration * 1.25)
        process.send_signal(signal.SIGKILL)
        process.wait()
        target = folder / "ct.docx"
        data = target.read_bytes()
        if data == old_docx:
            outcomes.append("old")
            continue
        assert zipfile.ZipFile(target).testzip() is None, f"seed {seed}"
        assert paragraphs(target) == new_paragraphs, f"seed {seed}"
        outcomes.append("new")
        leftovers = [p.name for p in folder.iterdir() if p.name not in ("ct.yaml", "ct.docx")]
        assert all(name.startswith(".ct.docx.") for name in leftovers), leftovers
    assert set(outcomes) <= {"old", "new"}


WRITER = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from chuongtrinh import api

real_fsync = os.fsync
def slow_fsync(fd):  # a slow disk: the data is in the temporary file, not yet renamed
    print("writing", flush=True)
    time.sleep(30)
    real_fsync(fd)
os.fsync = slow_fsync
api.write_atomic(Path(sys.argv[2]), b"new" * 1_000_000)
"""


@pytest.mark.slow
def test_sigkill_during_the_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "ct.bin"
    target.write_bytes(b"old")
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(SRC), str(target)], stdout=subprocess.PIPE
    )
    assert process.stdout is not None and process.stdout.readline() == b"writing\n"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert target.read_bytes() == b"old"
    [temporary] = [p for p in tmp_path.iterdir() if p != target]
    assert temporary.name.startswith(".ct.bin.") and temporary.stat().st_size == 3_000_000


def test_failed_render_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old_docx: bytes
) -> None:
    path = tmp_path / "ct.yaml"
    path.write_bytes((EXAMPLES / f"{MONTHLY}.yaml").read_bytes())
    (tmp_path / "ct.docx").write_bytes(old_docx)

    def broken(compiled: api.Compiled) -> bytes:
        raise OSError("đĩa đầy")

    monkeypatch.setattr(pipeline, "render", broken)
    with pytest.raises(OSError):
        api.build(path)
    assert (tmp_path / "ct.docx").read_bytes() == old_docx
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ct.docx", "ct.yaml"]


@pytest.mark.slow
def test_twenty_thousand_items_fit_the_default_limit() -> None:
    text = big_program(20_000)
    assert 5_000_000 < len(text.encode("utf-8")) < source.DEFAULT_MAX_BYTES
    compiled = api.compile_text(text, "big.yaml")
    assert sum(len(section.items) for section in compiled.program.body) == 19_992

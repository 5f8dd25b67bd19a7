"""`build --watch` as the clerk runs it: it says when it watches, and a programme deleted from
the folder takes its .docx with it."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

from chuongtrinh.build import batch, watch
from chuongtrinh.build.batch import Options
from helpers.cli import command, process_env
from helpers.examples import EXAMPLES, MONTHLY, YEARLY


def first_line(folder: Path, *args: str, stream: str = "stderr") -> str:
    """The first line `build --watch . -o out ARGS` says on `stream`; then it is stopped."""
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", folder)
    with subprocess.Popen(
        command("build", "--watch", ".", "-o", "out", *args),
        cwd=folder,
        env=process_env(),
        stdout=subprocess.PIPE if stream == "stdout" else subprocess.DEVNULL,
        stderr=subprocess.PIPE if stream == "stderr" else subprocess.DEVNULL,
        text=True,
    ) as running:
        said = running.stdout if stream == "stdout" else running.stderr
        assert said is not None
        try:
            return said.readline()  # blocks until the first line is said
        finally:
            running.terminate()


def test_watch_says_it_is_watching(tmp_path: Path) -> None:
    line = first_line(tmp_path)
    assert line == "đang theo dõi .: lưu tệp YAML là tạo lại; Ctrl+C để dừng\n"
    assert (tmp_path / "out" / f"{MONTHLY}.docx").is_file()


def test_a_deleted_programme_takes_its_docx_with_it(tmp_path: Path) -> None:
    programs, out = tmp_path / "programs", tmp_path / "out"
    programs.mkdir()
    for name in (MONTHLY, YEARLY):
        shutil.copy(EXAMPLES / f"{name}.yaml", programs)
    stop, ready, removed = threading.Event(), threading.Event(), []

    def seen(outcome: batch.Outcome) -> None:
        if outcome.status == "removed":
            removed.append(outcome.output)

    args = ([programs], Options(output=out), seen, lambda _: None, stop, ready.set)
    thread = threading.Thread(target=watch.watch, args=args, daemon=True)
    thread.start()
    try:
        assert ready.wait(30)
        assert (out / f"{YEARLY}.docx").is_file()
        (programs / f"{YEARLY}.yaml").unlink()
        for _ in range(40):
            time.sleep(0.25)
            if removed:
                break
        assert removed == [out / f"{YEARLY}.docx"]
        assert not (out / f"{YEARLY}.docx").exists() and (out / f"{MONTHLY}.docx").is_file()
    finally:
        stop.set()
        thread.join(10)


def test_watch_as_json_prints_one_object_per_round(tmp_path: Path) -> None:
    """A script following `build --watch --format json` reads each round as one line of JSON."""
    line = first_line(tmp_path, "--format", "json", stream="stdout")  # the first round
    run = json.loads(line)
    assert run["counts"]["built"] == 1 and run["ok"]
    assert [f["output"] for f in run["files"]] == [str(Path("out", f"{MONTHLY}.docx"))]

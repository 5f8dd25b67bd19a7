"""What the tool writes and where: modes that follow the umask, no temporary left behind by a
killed run, a manifest that survives a dead worker, a second build at the same time, damage
and a full disk, and files that are not YAML named for what they are."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.build import batch, pipeline
from helpers.cli import SRC, command, process_env, run_cli
from helpers.examples import EXAMPLES, MONTHLY, YEARLY, Built
from helpers.office import OFFICE, PDFTOTEXT, pdf_text

MANIFEST = ".chuongtrinh-manifest.json"
TCVN3_LINE = "trich_yeu: C«ng t¸c th¸ng 02\n".encode("latin-1")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_every_output_follows_the_umask(
    umask: int, tmp_path: Path, built: dict[str, Built], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", "ct.yaml")
    shutil.copy(EXAMPLES / f"{YEARLY}-lan-1.yaml", "a.yaml")
    shutil.copy(EXAMPLES / f"{YEARLY}-lan-2.yaml", "b.yaml")
    shutil.copy(built[MONTHLY].docx, "word.docx")
    Path("cu.yaml").write_bytes(TCVN3_LINE)
    old = os.umask(umask)
    try:
        commands = [
            ("build", "ct.yaml"),
            ("build", "ct.yaml", "-o", "dist"),
            ("diff", "a.yaml", "b.yaml", "--docx", "thay-doi.docx"),
            ("new", "--from", "ct.yaml", "-o", "thang-03-2023.yaml"),
            ("import", "word.docx"),
            ("fix-encoding", "cu.yaml", "-o", "moi.yaml"),
        ]
        for command in commands:
            ran = run_cli(*command)
            code, output = ran.returncode, ran.output
            assert code in (0, 1), output
    finally:
        os.umask(old)
    written = ["ct.docx", "dist/ct.docx", f"dist/{MANIFEST}", "thay-doi.docx"]
    written += ["thang-03-2023.yaml", "word.yaml", "moi.yaml"]
    assert {name: oct(mode(tmp_path / name)) for name in written} == {
        name: oct(0o666 & ~umask) for name in written
    }


def test_a_replaced_file_keeps_its_mode(monthly_copy: Path, umask_027: None) -> None:
    target = monthly_copy.with_suffix(".docx")
    api.build(monthly_copy)
    target.chmod(0o604)
    api.build(monthly_copy)
    assert mode(target) == 0o604


def test_fix_encoding_keeps_the_mode_and_a_backup(tmp_path: Path, umask_027: None) -> None:
    path = tmp_path / "ct.yaml"
    path.write_bytes(TCVN3_LINE)
    path.chmod(0o644)
    ran = run_cli("fix-encoding", str(path))
    code, output = ran.returncode, ran.output
    assert code == 0, output
    backup = tmp_path / "ct.yaml.bak"
    assert f"(bản cũ giữ ở {backup})" in output
    assert path.read_text(encoding="utf-8") == "trich_yeu: Công tác tháng 02\n"
    assert backup.read_bytes() == TCVN3_LINE
    assert mode(path) == mode(backup) == 0o644
    path.write_bytes(TCVN3_LINE)  # typed again in the old program: a second backup
    assert run_cli("fix-encoding", str(path)).returncode == 0
    assert (tmp_path / "ct.yaml.2.bak").read_bytes() == TCVN3_LINE
    assert backup.read_bytes() == TCVN3_LINE


SLOW_WRITER = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from chuongtrinh import api

def slow_fsync(fd):  # a slow disk: the data is in the temporary file, not yet renamed
    print("writing", flush=True)
    time.sleep(60)
os.fsync = slow_fsync
api.write_atomic(Path(sys.argv[2]), b"PK" * 1000)
"""


def start_slow_write(target: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(SRC), str(target)], stdout=subprocess.PIPE
    )
    assert process.stdout is not None and process.stdout.readline() == b"writing\n"
    return process


@pytest.mark.slow
def test_a_killed_writes_temporary_is_removed_by_the_next_run(monthly_copy: Path) -> None:
    folder = monthly_copy.parent
    target = monthly_copy.with_suffix(".docx")
    killed = start_slow_write(target)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    [leftover] = folder.glob(f".{target.name}.*.tmp")
    note = folder / f".{target.name}.ghi-chu.tmp"
    note.write_text("không phải của chuongtrinh", encoding="utf-8")
    running = start_slow_write(target)
    try:
        [busy] = [p for p in folder.glob(f".{target.name}.*.tmp") if p not in (leftover, note)]
        ran = run_cli("build", str(monthly_copy))
        code, output = ran.returncode, ran.output
        assert code == 0, output
        assert not leftover.exists()
        assert busy.exists()  # another run is writing it right now
        assert note.exists()  # not a name we give
    finally:
        running.kill()
        running.wait()


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(batch.PARALLEL_FROM + 2):
        shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", folder / f"ct-{n:02}.yaml")
    return folder


def kill_worker_on(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker process that builds `name` dies as if the kernel's OOM killer took it."""
    parent = os.getpid()
    compile_file = pipeline.compile_file

    def dying(path: Path, *args: object) -> api.Compiled:
        if path.name == name and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return compile_file(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "compile_file", dying)


@pytest.mark.slow
def test_a_dead_worker_is_named_and_the_rest_is_built(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kill_worker_on("ct-05.yaml", monkeypatch)
    out = tmp_path / "out"
    ran = run_cli("build", str(many), "-o", str(out), "-j", "2")
    code, output = ran.returncode, ran.output
    assert code == 1
    assert f"{many / 'ct-05.yaml'}:1:1: lỗi [worker-died] tiến trình tạo tệp này dừng đột ngột" in (
        output
    )
    assert "SIGKILL" in output and "lỗi nội bộ" not in output
    assert output.splitlines()[-1] == f"đã tạo {batch.PARALLEL_FROM + 1}, không đổi 0, lỗi 1"
    entries = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["entries"]
    assert len(entries) == batch.PARALLEL_FROM + 1 and "ct-05.docx" not in entries


@pytest.mark.slow
def test_two_builds_into_one_folder_keep_each_others_entries(tmp_path: Path) -> None:
    for side in ("a", "b"):
        folder = tmp_path / side
        folder.mkdir()
        for n in range(6):
            shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", folder / f"{side}-{n}.yaml")
    runs = [
        subprocess.Popen(
            command("build", side, "-o", "out", "-j", "1"),
            cwd=tmp_path,
            env=process_env(),
            stdout=subprocess.DEVNULL,
        )
        for side in ("a", "b")
    ]
    assert [run.wait() for run in runs] == [0, 0]
    ran = run_cli("build", "a", "b", "-o", "out", "--check", cwd=tmp_path)
    assert ran.returncode == 0, ran.output
    assert ran.output.splitlines()[-1] == "đã tạo 0, không đổi 12, lỗi 0"


def test_interleaved_saves_merge(tmp_path: Path) -> None:
    """The same race made certain: both runs read the manifest before either saves."""
    from chuongtrinh.build.manifest import Manifest, load

    first, second = Manifest(tmp_path), Manifest(tmp_path)
    first.record("a.docx", Path("a.yaml"), "1", "2")
    second.record("b.docx", Path("b.yaml"), "3", "4")
    second.save()
    first.save()
    assert sorted(load(tmp_path / MANIFEST)[0]) == ["a.docx", "b.docx"]


DAMAGED = [
    ('{"entries": {"ct-00.docx": ', 1, 28, "tệp ghi nhớ hỏng (JSON: Expecting value)"),
    ('{"entries": {"ct-00.docx": "chuỗi"}}', 1, 1, "bỏ qua 1 mục sai dạng trong tệp ghi nhớ"),
    ("[1, 2]", 1, 1, "tệp ghi nhớ không có bảng 'entries' đúng dạng; bỏ qua"),
    ('{"entries": {"a.docx": {"source": 5, "input": "", "output": ""}}}', 1, 1, "bỏ qua 1 mục"),
    ('{"entries": {"../../x": {"source": "s", "input": "", "output": ""}}}', 1, 1, "bỏ qua 1 mục"),
]


@pytest.mark.parametrize(("text", "line", "col", "message"), DAMAGED)
def test_a_damaged_manifest_is_a_located_warning(
    text: str, line: int, col: int, message: str, many: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(text, encoding="utf-8")
    ran = run_cli("build", str(many), "-o", str(out))
    code, output = ran.returncode, ran.output
    assert code == 0, output
    assert f"{out / MANIFEST}:{line}:{col}: cảnh báo [manifest-damaged] {message}" in output
    entries = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["entries"]
    assert len(entries) == batch.PARALLEL_FROM + 2


def test_watch_starts_with_a_damaged_manifest(many: Path, tmp_path: Path) -> None:
    from chuongtrinh.build import watch

    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text('{"entries": {"x.docx": {"source": 5}}}', encoding="utf-8")
    stop, ready, rounds = threading.Event(), threading.Event(), []
    args = ([many], batch.Options(output=out), lambda _: None, rounds.append, stop, ready.set)
    thread = threading.Thread(target=watch.watch, args=args, daemon=True)
    thread.start()
    try:
        for _ in range(600):
            if ready.is_set() or not thread.is_alive():
                break
            time.sleep(0.05)
        assert ready.is_set(), "watch stopped on the damaged manifest"
        [first] = rounds
        assert [d.code for d in first.problems] == ["manifest-damaged"]
        assert first.count("built") == batch.PARALLEL_FROM + 2
    finally:
        stop.set()
        thread.join(10)


def test_a_full_disk_while_saving_the_manifest_is_said(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace = os.replace

    def full(source: str | Path, target: str | Path) -> None:
        if Path(target).name == MANIFEST:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(source, target)

    monkeypatch.setattr(os, "replace", full)
    out = tmp_path / "out"
    ran = run_cli("build", str(many), "-o", str(out), "-j", "1")
    code, output = ran.returncode, ran.output
    assert code == 1
    assert (
        f"{out / MANIFEST}:1:1: lỗi [manifest-not-saved] không ghi được tệp ghi nhớ: "
        f"{os.strerror(errno.ENOSPC)}"
    ) in output
    assert "lỗi nội bộ" not in output
    assert len(list(out.glob("*.docx"))) == batch.PARALLEL_FROM + 2
    assert not list(out.glob(".*.tmp"))


def minimal_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0"))


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff"
NOT_TEXT = {
    "thang-11.doc": (OLE_HEADER + bytes(512 - len(OLE_HEADER)), "tệp Word 97–2003 (.doc)"),
    "thang-11.pdf": (b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "tệp PDF"),
    "anh.png": (minimal_png(), "tệp ảnh"),
    "rac.bin": (bytes(range(256)) * 8, "tệp nhị phân"),
}


def test_a_word_file_given_for_yaml_is_called_a_word_file(
    built: dict[str, Built], tmp_path: Path
) -> None:
    word = tmp_path / "thang-11.docx"
    shutil.copy(built[MONTHLY].docx, word)
    before = word.read_bytes()
    for name in ("validate", "fix-encoding", "build"):
        ran = run_cli(name, str(word))
        code, output = ran.returncode, ran.output
        assert code == 1, output
        assert f"{word}:1:1: lỗi [not-text] đây là tệp Word (.docx), không phải tệp YAML" in output
        assert f"gợi ý: dùng 'chuongtrinh import {word}' để chuyển sang tệp YAML" in output
        assert "TCVN3" not in output and "fix-encoding" not in output
    ran = run_cli("new", "--from", str(word), "-o", str(tmp_path / "moi.yaml"))
    code, output = ran.returncode, ran.output
    assert code == 1 and "[not-text] đây là tệp Word (.docx)" in output
    assert word.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thang-11.docx"]


@pytest.mark.parametrize("name", sorted(NOT_TEXT))
def test_other_files_that_are_not_text_are_named_and_never_rewritten(
    name: str, tmp_path: Path
) -> None:
    raw, called = NOT_TEXT[name]
    path = tmp_path / name
    path.write_bytes(raw)
    ran = run_cli("validate", str(path))
    code, output = ran.returncode, ran.output
    assert code == 1 and f"[not-text] đây là {called}, không phải tệp YAML" in output
    ran = run_cli("fix-encoding", str(path))
    code, output = ran.returncode, ran.output
    assert code == 1 and f"đây là {called}" in output
    assert path.read_bytes() == raw and len(list(tmp_path.iterdir())) == 1


@pytest.mark.slow
@pytest.mark.skipif(not (OFFICE and PDFTOTEXT), reason="LibreOffice not installed")
def test_preview_takes_a_docx_as_it_is(built: dict[str, Built], tmp_path: Path) -> None:
    word = tmp_path / "van-ban.docx"
    shutil.copy(built[MONTHLY].docx, word)
    ran = run_cli("preview", str(word))
    code, output = ran.returncode, ran.output
    assert code == 0, output
    pdf = tmp_path / "van-ban.pdf"
    assert f"đã tạo {pdf}" in output
    assert "Công tác tháng 02 năm 2023 của Đảng ủy" in pdf_text(pdf)

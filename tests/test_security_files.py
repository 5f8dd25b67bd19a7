"""Other people's file names, revisions and files: never an option to LibreOffice or git, never
a lost file (an input overwritten, a hand-written YAML replaced, a file outside the build
deleted, a symbolic link turned into a file)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from chuongtrinh.build import batch
from chuongtrinh.errors import ChuongtrinhError
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, MONTHLY, YEARLY, Built
from helpers.office import OFFICE, convert

HOSTILE = "--accept=socket,host=127.0.0.1,port={port};urp;.doc"
# A LibreOffice stand-in: records its arguments, then either "converts" (copies FAKE_DOCX to
# OUTDIR/<stem>.docx) or hangs with a child of its own, as soffice.bin under oosplash does.
FAKE_OFFICE = """#!{python}
import json, os, shutil, subprocess, sys, time
from pathlib import Path
args = sys.argv[1:]
Path(os.environ["FAKE_LOG"]).write_text(json.dumps(args))
if os.environ.get("FAKE_HANG"):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    Path(os.environ["FAKE_CHILD"]).write_text(str(child.pid))
    time.sleep(600)
outdir = Path(args[args.index("--outdir") + 1])
shutil.copy(os.environ["FAKE_DOCX"], outdir / (Path(args[-1]).stem + ".docx"))
"""


@pytest.fixture
def fake_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: dict[str, Built]) -> Path:
    """`soffice` on PATH is the stand-in; returns the file its arguments are written to."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(FAKE_OFFICE.format(python=sys.executable), encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    log = tmp_path / "soffice-args.json"
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_DOCX", str(built[MONTHLY].docx))
    return log


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def gone(pid: int) -> bool:
    """The process ended (a zombie waiting for its reaper counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")


def test_a_file_name_is_never_a_libreoffice_option(
    fake_office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = HOSTILE.format(port=2003)
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    monkeypatch.chdir(tmp_path)
    ran = run_cli("import", f"./{name}")
    code, output = ran.returncode, ran.output
    assert code == 0, output
    args = json.loads(fake_office.read_text())
    options = [a for a in args if a.startswith("-")]
    assert not any("accept" in a for a in options), args
    assert args[-1] == str(tmp_path / name)
    assert Path(args[args.index("--outdir") + 1]).is_absolute()
    # LibreOffice ran with a profile of its own, removed afterwards
    [profile] = [a.removeprefix("-env:UserInstallation=file://") for a in options if "-env:" in a]
    assert not Path(profile).exists()
    assert (tmp_path / name).with_suffix(".yaml").is_file()


@pytest.mark.slow
def test_a_hung_libreoffice_is_killed_with_its_children(
    fake_office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("chuongtrinh.external.TIMEOUT_S", 2)
    child = tmp_path / "child.pid"
    monkeypatch.setenv("FAKE_HANG", "1")
    monkeypatch.setenv("FAKE_CHILD", str(child))
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    ran = run_cli("import", str(tmp_path / "cu.doc"))
    code, output = ran.returncode, ran.output
    assert code == 1 and "[conversion-failed]" in output and "quá 2 giây" in output
    pid = int(child.read_text())
    for _ in range(50):  # SIGKILL is delivered at once; reaping may take a moment
        if gone(pid):
            break
        time.sleep(0.1)
    assert gone(pid), "soffice's child outlived the timeout"


@pytest.mark.slow
@pytest.mark.skipif(not OFFICE, reason="LibreOffice not installed")
def test_real_libreoffice_converts_a_hostile_name_and_opens_no_port(
    built: dict[str, Built], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    convert([built[MONTHLY].docx], "doc", tmp_path)
    port = free_port()
    name = HOSTILE.format(port=port)
    (tmp_path / f"{MONTHLY}.doc").rename(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    ran = run_cli("import", f"./{name}")
    code, output = ran.returncode, ran.output
    assert code == 0, output
    assert "trich_yeu: Công tác tháng 02 năm 2023" in (tmp_path / name).with_suffix(
        ".yaml"
    ).read_text(encoding="utf-8")
    assert not listening(port)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    monkeypatch.chdir(tmp_path)
    for args in (["init", "-q"], ["config", "user.name", "VP"], ["config", "user.email", "v@p"]):
        subprocess.run(["git", *args], check=True)
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", "ct.yaml")
    subprocess.run(["git", "add", "ct.yaml"], check=True)
    subprocess.run(["git", "commit", "-q", "-m", "một"], check=True)
    return tmp_path


def test_a_revision_is_never_a_git_option(repo: Path) -> None:
    for rev in ("--output=ghi-ra", "HEAD..--output=ghi-ra"):
        with pytest.raises(ChuongtrinhError) as caught:
            api.diff(None, None, rev=rev, file="ct.yaml")
        [found] = caught.value.diagnostics
        assert found.code == "bad-revision"
        assert found.message == "'--output=ghi-ra' không phải tên một bản git"
    ran = run_cli("diff", "--", "--output=ghi-ra:ct.yaml", "ct.yaml")
    code, output = ran.returncode, ran.output
    assert code == 2 and "[bad-revision]" in output
    assert not (repo / "ghi-ra").exists()


def test_a_missing_revision_or_file_is_said_in_vietnamese(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = run_cli("diff", "HEAD~5:ct.yaml", "ct.yaml")
    code, output = ran.returncode, ran.output
    assert code == 2
    assert "HEAD~5:ct.yaml:1:1: lỗi [git-error] không có bản 'HEAD~5' trong kho git" in output
    assert "gợi ý: xem các bản đã có bằng 'git log --oneline'" in output
    assert "fatal" not in output
    ran = run_cli("diff", "HEAD:khong-co.yaml", "ct.yaml")
    code, output = ran.returncode, ran.output
    assert code == 2 and "bản 'HEAD' không có tệp khong-co.yaml" in output
    elsewhere = tmp_path / "ngoai"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    ran = run_cli("diff", "HEAD:ct.yaml", str(repo / "ct.yaml"))
    code, output = ran.returncode, ran.output
    assert code == 2 and "không nằm trong một kho git" in output


def test_import_keeps_a_hand_written_yaml_and_its_own_input(
    built: dict[str, Built], tmp_path: Path
) -> None:
    source = tmp_path / "ct.docx"
    shutil.copy(built[MONTHLY].docx, source)
    mine = tmp_path / "ct.yaml"
    mine.write_text("# soạn tay\n", encoding="utf-8")
    ran = run_cli("import", str(source))
    code, output = ran.returncode, ran.output
    assert code == 2 and "[file-exists]" in output and "--ghi-de" in output
    assert mine.read_text(encoding="utf-8") == "# soạn tay\n"
    ran = run_cli("import", str(source), "-o", str(source))
    code, output = ran.returncode, ran.output
    assert code == 2 and "[overwrite-input]" in output
    assert source.read_bytes() == built[MONTHLY].docx.read_bytes()
    ran = run_cli("import", str(source), "--ghi-de")
    code, output = ran.returncode, ran.output
    assert code == 0, output
    assert mine.read_text(encoding="utf-8").startswith("# Nhập từ ct.docx")


def test_diff_never_writes_its_redline_over_an_input_or_a_word_file(tmp_path: Path) -> None:
    old, new = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(EXAMPLES / f"{YEARLY}-lan-1.yaml", old)
    shutil.copy(EXAMPLES / f"{YEARLY}-lan-2.yaml", new)
    before = old.read_bytes()
    ran = run_cli("diff", str(old), str(new), "--docx", str(old))
    code, output = ran.returncode, ran.output
    assert code == 2 and "[overwrite-input]" in output
    assert old.read_bytes() == before
    typed = tmp_path / "typed.docx"
    docx.Document().save(str(typed))  # a document made in Word, not by chuongtrinh
    typed_bytes = typed.read_bytes()
    ran = run_cli("diff", str(old), str(new), "--docx", str(typed))
    code, output = ran.returncode, ran.output
    assert code == 2 and "[file-exists]" in output and typed.read_bytes() == typed_bytes
    redline = tmp_path / "thay-doi.docx"
    for _ in range(2):  # our own redline is replaced by the next one
        ran = run_cli("diff", str(old), str(new), "--docx", str(redline))
        code, output = ran.returncode, ran.output
        assert code == 1, output


def test_build_replaces_its_own_docx_but_not_one_typed_in_word(monthly_copy: Path) -> None:
    target = monthly_copy.with_suffix(".docx")
    api.build(monthly_copy)
    api.build(monthly_copy)  # ours: replaced without a word
    docx.Document().save(str(target))
    typed = target.read_bytes()
    ran = run_cli("build", str(monthly_copy))
    code, output = ran.returncode, ran.output
    assert code == 1 and "[file-exists]" in output and "--ghi-de" in output
    assert target.read_bytes() == typed
    ran = run_cli("build", str(monthly_copy), "--ghi-de")
    code, output = ran.returncode, ran.output
    assert code == 0 and api.made_here(target)


def test_a_deleted_program_takes_only_its_own_unchanged_output(tmp_path: Path) -> None:
    programs, out = tmp_path / "programs", tmp_path / "out"
    programs.mkdir()
    for name in ("mot", "hai", "ba"):
        shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", programs / f"{name}.yaml")
    batch.build([programs], batch.Options(output=out))
    manifest = out / ".chuongtrinh-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    # A manifest entry naming a file the build never made (a hand-placed note)…
    (out / "keep.txt").write_text("ghi chú của văn phòng", encoding="utf-8")
    entry = {"source": (programs / "khong-con.yaml").as_posix(), "input": "x", "output": "y"}
    data["entries"]["keep.txt"] = entry
    manifest.write_text(json.dumps(data), encoding="utf-8")
    # … and an output edited after it was built, whose program is then deleted.
    edited = out / "hai.docx"
    edited.write_bytes(edited.read_bytes() + b"\n")
    (programs / "hai.yaml").unlink()
    (programs / "ba.yaml").unlink()
    summary = batch.build([programs], batch.Options(output=out))
    assert (out / "keep.txt").read_text(encoding="utf-8") == "ghi chú của văn phòng"
    assert edited.exists() and not (out / "ba.docx").exists()
    kept = {o.output.name: o.note for o in summary.outcomes if o.status == "skipped" and o.output}
    assert kept == {
        "hai.docx": f"giữ lại {out / 'hai.docx'}: tệp đã đổi sau lần tạo, không xóa",
        "keep.txt": f"giữ lại {out / 'keep.txt'}: tệp đã đổi sau lần tạo, không xóa",
    }
    entries = json.loads(manifest.read_text(encoding="utf-8"))["entries"]
    assert sorted(entries) == ["mot.docx"]


def test_fix_encoding_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    shared = tmp_path / "chung"
    shared.mkdir()
    real = shared / "ct.yaml"
    real.write_bytes("trich_yeu: C«ng t¸c th¸ng 02\n".encode("latin-1"))
    link = tmp_path / "ct.yaml"
    link.symlink_to(real)
    ran = run_cli("fix-encoding", str(link))
    code, output = ran.returncode, ran.output
    assert code == 0, output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8") == "trich_yeu: Công tác tháng 02\n"


def test_a_link_pointing_nowhere_is_not_written_through(tmp_path: Path) -> None:
    link = tmp_path / "ct.yaml"
    link.symlink_to(tmp_path / "khong-co" / "x.yaml")
    with pytest.raises(ChuongtrinhError) as caught:
        api.write_atomic(link, b"so: 1\n")
    assert caught.value.diagnostics[0].code == "dangling-link"
    assert link.is_symlink() and not (tmp_path / "khong-co").exists()

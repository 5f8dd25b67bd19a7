"""`chuongtrinh serve` over plain HTTP: what it serves, what it refuses, how it saves."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.diff.describe import summary
from chuongtrinh.serve.server import Server
from helpers.cli import run_cli
from helpers.drafts import FIRST, SECOND, drafts_in_git
from helpers.examples import ALL_EXAMPLES, MONTHLY, YEARLY
from helpers.serving import copy_examples, request, running, save

MONTHLY_FILE = f"{MONTHLY}.yaml"


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    return copy_examples(tmp_path)


@pytest.fixture
def served(examples_copy: Path) -> Iterator[Server]:
    """A server on a copy of the examples."""
    yield from running(examples_copy)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_index_lists_every_programme_with_its_state(shared: Server) -> None:
    page = request(shared, "/").text
    for name in ALL_EXAMPLES:
        assert f'href="/p/{name}.yaml"' in page
    assert "Công tác tháng 02 năm 2023 của Đảng ủy" in page and "01/02/2023" in page
    assert "có cảnh báo (1)" in page  # the yearly draft's unclosed quote


@pytest.mark.parametrize("host", ["evil.example:80", "127.0.0.1.nip.io", "localhost", ""])
def test_a_foreign_host_is_refused(shared: Server, host: str) -> None:
    for path in ("/", f"/p/{MONTHLY_FILE}", f"/docx/{MONTHLY_FILE}", "/assets/app.js"):
        reply = request(shared, path, headers={"Host": host})
        assert reply.status == 403, path
        assert b"PK" not in reply.body[:2] and "Công tác tháng" not in reply.text


def test_own_names_are_served(shared: Server) -> None:
    assert request(shared, "/", headers={"Host": f"localhost:{shared.port}"}).status == 200


def _outside(folder: Path) -> Path:
    """A programme next to the served folder, and a symbolic link to it from inside."""
    secret = folder.parent / "bi-mat.yaml"
    text = (folder / MONTHLY_FILE).read_text(encoding="utf-8")
    secret.write_text(text.replace("Công tác tháng 02", "Bí mật tháng 02"), encoding="utf-8")
    (folder / "lien-ket.yaml").symlink_to(secret)
    return secret


@pytest.fixture
def outside(examples_copy: Path) -> Path:
    return _outside(examples_copy)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the tests that only read, its folder with a way out planted in it."""
    folder = copy_examples(tmp_path_factory.mktemp("shared"))
    _outside(folder)
    yield from running(folder)


TRAVERSALS = [
    "/p/../bi-mat.yaml",
    "/p/%2e%2e/bi-mat.yaml",
    "/p/%2E%2E%2Fbi-mat.yaml",
    "/p/..%2fbi-mat.yaml",
    "/p/..%5cbi-mat.yaml",
    "/p/%252e%252e%252fbi-mat.yaml",
    "/docx/../bi-mat.yaml",
    "/docx/%2e%2e%2fbi-mat.yaml",
    "/news/%2e%2e/bi-mat.yaml",
    "/p//tmp/../bi-mat.yaml",
    "/p/lien-ket.yaml",
    "/docx/lien-ket.yaml",
    "/../bi-mat.yaml",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/assets/../server.py",
    "/assets/%2e%2e%2fserver.py",
    "/assets/..%2f..%2fbuild%2foutput.py",
    "/changes/thang-02-2023.yaml?other=../bi-mat.yaml",
    "/changes/thang-02-2023.yaml?other=%2e%2e%2fbi-mat.yaml",
    "/changes/thang-02-2023.yaml?other=lien-ket.yaml",
    "/changes/thang-02-2023.yaml?commit=HEAD:../bi-mat.yaml",
]


def test_symlink_out_of_the_folder_is_not_listed(shared: Server) -> None:
    assert "lien-ket" not in request(shared, "/").text


@pytest.mark.parametrize("path", TRAVERSALS)
def test_nothing_outside_the_folder_is_served(shared: Server, path: str) -> None:
    reply = request(shared, path)
    assert "Bí mật" not in reply.text and "import" not in reply.text
    assert reply.status in (400, 404) or "/changes/" in path


def test_listens_on_127_0_0_1_only(tmp_path: Path, examples_copy: Path) -> None:
    """The command's own server: the address it prints, and the kernel's table of listeners."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "chuongtrinh",
            "serve",
            str(examples_copy),
            "--port",
            "0",
            "--no-browser",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DISPLAY": ""},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        port = int(found.group(1))
        listening = _listeners(port)
        assert listening == {"127.0.0.1"}
    finally:
        process.terminate()
        process.wait(10)


def _listeners(port: int) -> set[str]:
    """The local addresses listening on `port`, from /proc/net/tcp and tcp6."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                addresses.add(_address(address))
    return addresses


def _address(hex_address: str) -> str:
    if len(hex_address) == 8:
        return ".".join(str(int(hex_address[i : i + 2], 16)) for i in (6, 4, 2, 0))
    return "ipv6:" + hex_address


def test_download_is_the_build(served: Server, tmp_path: Path) -> None:
    reply = request(served, f"/docx/{MONTHLY_FILE}")
    built = api.build(served.workspace.root / MONTHLY_FILE, tmp_path / "built.docx")
    assert reply.status == 200 and reply.body == built.output.read_bytes()
    assert "filename*=UTF-8''thang-02-2023.docx" in reply.headers["Content-Disposition"]


def test_save_needs_the_token(served: Server) -> None:
    target = served.workspace.root / MONTHLY_FILE
    before = target.read_bytes()
    reply = save(served, MONTHLY_FILE, "so: 1\n", _digest(target), token="doan-bua")
    assert reply.status == 403 and "mã phiên" in reply.json()["error"]
    reply = save(served, MONTHLY_FILE, "so: 1\n", _digest(target), token="")
    assert reply.status == 403 and target.read_bytes() == before


def test_save_writes_the_text(served: Server) -> None:
    target = served.workspace.root / MONTHLY_FILE
    text = target.read_text(encoding="utf-8").replace("so: 36", "so: 37")
    reply = save(served, MONTHLY_FILE, text, _digest(target))
    assert reply.status == 200, reply.text
    assert target.read_text(encoding="utf-8") == text
    assert reply.json()["digest"] == _digest(target)
    assert "Số 37-CTr/ĐU" in api.plain_text(target)


def _write_atomic_keeps_modes() -> bool:
    """Whether `write_atomic`, which saves go through, keeps a file's mode on this branch."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"")
        probe.chmod(0o640)
        api.write_atomic(probe, b"x")
        return probe.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(
    not _write_atomic_keeps_modes(),
    reason="build.output.write_atomic does not keep a file's mode yet (its own issue); "
    "serve saves through it and keeps the mode once it does",
)
def test_save_keeps_the_mode(served: Server) -> None:
    target = served.workspace.root / MONTHLY_FILE
    target.chmod(0o640)
    text = target.read_text(encoding="utf-8").replace("so: 36", "so: 38")
    assert save(served, MONTHLY_FILE, text, _digest(target)).status == 200
    assert target.stat().st_mode & 0o777 == 0o640


def test_save_is_refused_when_the_file_changed_meanwhile(served: Server) -> None:
    target = served.workspace.root / MONTHLY_FILE
    seen = _digest(target)
    elsewhere = target.read_text(encoding="utf-8").replace("so: 36", "so: 40")
    target.write_text(elsewhere, encoding="utf-8")  # another editor saved
    reply = save(served, MONTHLY_FILE, "so: 41\n", seen)
    assert reply.status == 409
    assert "tệp đã bị sửa ở nơi khác" in reply.json()["error"]
    assert target.read_text(encoding="utf-8") == elsewhere


def test_save_outside_the_programmes_is_refused(served: Server, outside: Path) -> None:
    before = outside.read_bytes()
    for name in ("../bi-mat.yaml", "%2e%2e/bi-mat.yaml", "lien-ket.yaml"):
        reply = save(served, name, "so: 1\n", _digest(outside))
        assert reply.status == 404
    assert outside.read_bytes() == before


def test_a_page_of_another_site_cannot_save(served: Server) -> None:
    """A form posted from elsewhere has no token header and is no JSON."""
    target = served.workspace.root / MONTHLY_FILE
    before = target.read_bytes()
    reply = request(
        served,
        f"/save/{MONTHLY_FILE}",
        "POST",
        {"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"},
        b"text=so%3A+1",
    )
    assert reply.status == 403 and target.read_bytes() == before


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "kho"
    folder.mkdir()
    drafts_in_git(folder)
    return folder


def test_changes_against_a_commit(repo: Path) -> None:
    for server in running(repo):
        page = request(server, "/changes/ct.yaml").text
        commits = re.findall(r'<option value="([0-9a-f]{40})"', page)
        assert len(commits) == 2
        first = commits[-1]  # the oldest: draft 1
        page = request(server, f"/changes/ct.yaml?commit={first}").text
        assert "Dự thảo lần <del>1</del><ins>2</ins>" in page
        expected = summary(api.diff(str(FIRST), str(SECOND)).changes)
        assert len(expected) == 6 and "6 thay đổi" in page
        for line in expected:
            assert escape(line, quote=False) in page


def test_changes_refuse_a_revision_not_listed(repo: Path) -> None:
    for server in running(repo):
        for commit in ("HEAD~1", "--output=/tmp/x", "HEAD:ct.yaml"):
            reply = request(server, f"/changes/ct.yaml?commit={commit}")
            assert reply.status == 404 and "<del>" not in reply.text


def test_tracked_changes_download_is_diff_docx(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709605800")
    monkeypatch.chdir(repo)
    for server in running(repo):
        page = request(server, "/changes/ct.yaml").text
        first = re.findall(r'<option value="([0-9a-f]{40})"', page)[-1]
        reply = request(server, f"/redline/ct.yaml?commit={first}&other=")
        assert reply.status == 200
        result = run_cli("diff", f"{first}:ct.yaml", "ct.yaml", "--docx", "r.docx")
        assert result.returncode == 1 and reply.body == (repo / "r.docx").read_bytes()


def test_changes_against_another_file(shared: Server) -> None:
    page = request(
        shared,
        f"/changes/{YEARLY}-lan-2.yaml?other={YEARLY}-lan-1.yaml",
    ).text
    assert "Dự thảo lần <del>1</del><ins>2</ins>" in page
    assert "- Thêm mục (3) vào phần II.2;" in page


def test_a_save_on_disk_is_sent_to_open_pages(served: Server) -> None:
    """An editor's save reaches the event stream as the programme's new preview."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    connection.request("GET", "/events", headers={"Host": f"127.0.0.1:{served.port}"})
    stream = connection.getresponse()
    assert stream.status == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
    assert stream.readline() == b"retry: 500\n"
    target = served.workspace.root / MONTHLY_FILE
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Công tác tháng 02", "Công tác tháng hai"), encoding="utf-8")
    news = _next_update(stream, MONTHLY_FILE)
    connection.close()
    assert "Công tác tháng hai năm 2023" in news["preview"]
    assert news["digest"] == _digest(target) and news["state"] == "ok"


def _next_update(stream: http.client.HTTPResponse, name: str) -> dict[str, object]:
    event = ""
    deadline = time.monotonic() + 60  # a guard against hanging, not a measure
    while time.monotonic() < deadline:
        line = stream.readline().decode("utf-8")
        assert line, "the stream ended"
        if line.startswith("event: "):
            event = line[7:].strip()
        elif line.startswith("data: ") and event == "update":
            news: dict[str, object] = json.loads(line[6:])
            if news["name"] == name:
                return news
    raise AssertionError("no news of the save")

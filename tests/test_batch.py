"""A folder of programs: mirrored outputs, only what changed rebuilt, `--check`, bad files, watch."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from chuongtrinh.build import batch
from chuongtrinh.build.batch import Options
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, MONTHLY, YEARLY


@pytest.fixture
def programs(tmp_path: Path) -> Path:
    """programs/ with both examples, a copy in a sub-folder, and a YAML that is not a program."""
    folder = tmp_path / "programs"
    (folder / "2023").mkdir(parents=True)
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", folder)
    shutil.copy(EXAMPLES / f"{YEARLY}.yaml", folder)
    shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", folder / "2023" / "thang-03.yml")
    (folder / "mkdocs.yml").write_text("site_name: Văn phòng\n", encoding="utf-8")
    return folder


def statuses(summary: batch.Summary) -> dict[str, str]:
    return {o.source.name: o.status for o in summary.outcomes}


def test_folder_twice_builds_everything_then_nothing(programs: Path) -> None:
    first = run_cli("build", "programs", "-o", "out", cwd=programs.parent)
    assert first.returncode == 0, first.stderr
    out = programs.parent / "out"
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.docx")} == {
        f"{MONTHLY}.docx",
        f"{YEARLY}.docx",
        "2023/thang-03.docx",
    }
    assert "mkdocs.yml: bỏ qua, không phải chương trình" in first.stderr
    assert first.stdout.splitlines()[-1] == "đã tạo 3, không đổi 0, lỗi 0, bỏ qua 1"
    second = run_cli("build", "programs", "-o", "out", cwd=programs.parent)
    assert second.returncode == 0
    assert second.stdout.splitlines() == ["đã tạo 0, không đổi 3, lỗi 0, bỏ qua 1"]


def test_deleting_one_output_rebuilds_only_it(programs: Path) -> None:
    options = Options(output=programs.parent / "out")
    batch.build([programs], options)
    (programs.parent / "out" / "2023" / "thang-03.docx").unlink()
    again = statuses(batch.build([programs], options))
    assert again == {
        "mkdocs.yml": "skipped",
        f"{MONTHLY}.yaml": "unchanged",
        f"{YEARLY}.yaml": "unchanged",
        "thang-03.yml": "built",
    }


def test_an_edited_input_is_rebuilt_and_force_rebuilds_all(programs: Path) -> None:
    options = Options(output=programs.parent / "out")
    batch.build([programs], options)
    source = programs / f"{YEARLY}.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    assert statuses(batch.build([programs], options))[f"{YEARLY}.yaml"] == "built"
    forced = batch.build([programs], Options(output=options.output, force=True))
    assert forced.count("built") == 3


def test_check_tells_stale_from_fresh_and_writes_nothing(programs: Path) -> None:
    out = programs.parent / "out"
    stale = run_cli("build", "programs", "-o", "out", "--check", cwd=programs.parent)
    assert stale.returncode == 1
    assert f"cần tạo lại out/{MONTHLY}.docx (từ programs/{MONTHLY}.yaml)" in stale.stdout
    assert not out.exists()
    batch.build([programs], Options(output=out))
    fresh = run_cli("build", "programs", "-o", "out", "--check", cwd=programs.parent)
    assert fresh.returncode == 0
    (out / f"{YEARLY}.docx").write_bytes(b"sua tay")  # an output edited by hand is stale too
    assert run_cli("build", "programs", "-o", "out", "--check", cwd=programs.parent).returncode == 1
    batch.build([programs], Options(output=out))  # and the next build puts the real one back
    assert (out / f"{YEARLY}.docx").read_bytes().startswith(b"PK")


def test_one_bad_file_does_not_stop_the_others(programs: Path) -> None:
    bad = programs / "2023" / "hong.yaml"
    text = (EXAMPLES / f"{MONTHLY}.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("ngay: 2023-02-01", "ngay: 2023-02-30"), encoding="utf-8")
    result = run_cli("build", "programs", "-o", "out", cwd=programs.parent)
    assert result.returncode == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("ngay:"))
    assert f"programs/2023/hong.yaml:{line}:7: lỗi [bad-date]" in result.stderr
    assert result.stdout.splitlines()[-1] == "đã tạo 3, không đổi 0, lỗi 1, bỏ qua 1"
    assert not (programs.parent / "out" / "2023" / "hong.docx").exists()


def test_json_says_what_each_file_became(programs: Path) -> None:
    """A CI script reads what was built, left alone, skipped or failed, and why, per file."""
    bad = programs / "2023" / "hong.yaml"
    text = (EXAMPLES / f"{MONTHLY}.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("ngay: 2023-02-01", "ngay: 2023-02-30"), encoding="utf-8")
    first = run_cli("build", "programs", "-o", "out", "--format", "json", cwd=programs.parent)
    assert first.returncode == 1
    run = json.loads(first.stdout)
    files = {Path(f["source"]).name: f for f in run["files"]}
    assert {name: f["status"] for name, f in files.items()} == {
        f"{MONTHLY}.yaml": "built",
        f"{YEARLY}.yaml": "built",
        "thang-03.yml": "built",
        "hong.yaml": "failed",
        "mkdocs.yml": "skipped",
    }
    assert files["thang-03.yml"]["output"] == str(Path("out", "2023", "thang-03.docx"))
    assert files["mkdocs.yml"]["note"].startswith("không phải chương trình")
    assert [d["code"] for d in files["hong.yaml"]["diagnostics"]] == ["bad-date"]
    assert run["counts"]["built"] == 3 and run["counts"]["failed"] == 1 and not run["ok"]
    assert [d["code"] for d in run["diagnostics"] if d["severity"] == "error"] == ["bad-date"]
    bad.unlink()
    again = run_cli("build", "programs", "-o", "out", "--format", "json", cwd=programs.parent)
    assert again.returncode == 0
    assert json.loads(again.stdout)["counts"] == {
        "built": 0, "unchanged": 3, "stale": 0, "failed": 0, "skipped": 1, "removed": 0,
    }  # fmt: skip


def test_exclude_skips_folders_and_patterns(programs: Path) -> None:
    options = Options(output=programs.parent / "out", exclude=("2023", "tinh-*"))
    assert set(statuses(batch.build([programs], options))) == {"mkdocs.yml", f"{MONTHLY}.yaml"}


def test_workers_give_the_same_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(batch.PARALLEL_FROM + 2):
        shutil.copy(EXAMPLES / f"{MONTHLY}.yaml", folder / f"ct-{n:02}.yaml")
    parallel = batch.build([folder], Options(output=tmp_path / "a", jobs=2))
    serial = batch.build([folder], Options(output=tmp_path / "b", jobs=1))
    assert parallel.count("built") == serial.count("built") == batch.PARALLEL_FROM + 2
    for built in (tmp_path / "a").glob("*.docx"):
        assert built.read_bytes() == (tmp_path / "b" / built.name).read_bytes()


def test_an_output_that_would_leave_the_folder_is_refused(programs: Path) -> None:
    out = programs.parent / "out"
    elsewhere = programs.parent / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "2023").symlink_to(elsewhere, target_is_directory=True)
    summary = batch.build([programs], Options(output=out))
    [refused] = [o for o in summary.outcomes if o.status == "failed"]
    assert refused.source.name == "thang-03.yml"
    assert refused.diagnostics[0].code == "output-outside"
    assert list(elsewhere.iterdir()) == []


def test_watch_rebuilds_a_saved_program(programs: Path) -> None:
    from chuongtrinh.build import watch

    out = programs.parent / "out"
    stop, ready, built = threading.Event(), threading.Event(), []

    def seen(outcome: batch.Outcome) -> None:
        if outcome.status == "built":
            built.append(outcome.source.name)

    args = ([programs], Options(output=out), seen, lambda _: None, stop, ready.set)
    thread = threading.Thread(target=watch.watch, args=args, daemon=True)
    thread.start()
    try:
        assert ready.wait(30)
        built.clear()
        source = programs / f"{YEARLY}.yaml"
        text = source.read_text(encoding="utf-8")
        for n in range(40):  # the watcher may arm just after `ready`: save until it is seen
            source.write_text(text + f"\n# sửa {n}\n", encoding="utf-8")
            time.sleep(0.5)
            if built:
                break
        assert set(built) == {f"{YEARLY}.yaml"}
    finally:
        stop.set()
        thread.join(10)


def test_validate_takes_folders(programs: Path) -> None:
    result = run_cli("validate", "programs", cwd=programs.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "hợp lệ: 3 tệp"
    assert "mkdocs.yml: bỏ qua" in result.stderr


def test_one_docx_output_needs_one_file(programs: Path) -> None:
    result = run_cli("build", "programs", "-o", "mot.docx", cwd=programs.parent)
    assert result.returncode == 2 and "-o chỉ được là tệp .docx" in result.stderr


def test_check_needs_an_output_folder(programs: Path) -> None:
    result = run_cli("build", "programs", "--check", cwd=programs.parent)
    assert result.returncode == 2 and "--check cần -o THƯ_MỤC" in result.stderr


def test_the_output_of_a_deleted_program_goes_too(programs: Path) -> None:
    out = programs.parent / "out"
    batch.build([programs], Options(output=out))
    (programs / "2023" / "thang-03.yml").unlink()
    check = run_cli("build", "programs", "-o", "out", "--check", cwd=programs.parent)
    assert check.returncode == 1
    assert "cần xóa out/2023/thang-03.docx (không còn " in check.stdout
    assert "/2023/thang-03.yml)" in check.stdout
    assert (out / "2023" / "thang-03.docx").exists()
    result = run_cli("build", "programs", "-o", "out", cwd=programs.parent)
    assert result.stdout.splitlines()[-1] == "đã tạo 0, không đổi 2, lỗi 0, đã xóa 1, bỏ qua 1"
    assert not (out / "2023" / "thang-03.docx").exists()
    assert run_cli("build", "programs", "-o", "out", "--check", cwd=programs.parent).returncode == 0


def test_api_builds_many(programs: Path) -> None:
    from chuongtrinh import api

    summary = api.build_many([programs], Options(output=programs.parent / "out"))
    assert summary.line() == "đã tạo 3, không đổi 0, lỗi 0, bỏ qua 1"

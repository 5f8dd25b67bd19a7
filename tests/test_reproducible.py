"""The same YAML gives the same .docx bytes, whatever the process, folder, clock or time zone."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from helpers.cli import run_process
from helpers.examples import EXAMPLES, MONTHLY, YEARLY


def _build_elsewhere(folder: Path, name: str, **env: str) -> bytes:
    """Build `name` in a fresh process whose working folder is `folder`."""
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLES / f"{name}.yaml", folder)
    done = run_process("build", f"{name}.yaml", cwd=folder, env={"SOURCE_DATE_EPOCH": None, **env})
    assert done.returncode == 0, done.stderr
    return (folder / f"{name}.docx").read_bytes()


@pytest.mark.parametrize("name", [MONTHLY, YEARLY])
def test_two_builds_give_the_same_bytes(tmp_path: Path, name: str) -> None:
    first = _build_elsewhere(tmp_path / "a", name, TZ="UTC")
    second = _build_elsewhere(tmp_path / "other" / "b", name, TZ="Asia/Ho_Chi_Minh")
    assert first == second


def test_core_properties_come_from_source_date_epoch(tmp_path: Path) -> None:
    epoch = 1_700_000_000  # 2023-11-14T22:13:20Z
    built = _build_elsewhere(tmp_path / "a", MONTHLY, SOURCE_DATE_EPOCH=str(epoch))
    properties = docx.Document(io.BytesIO(built)).core_properties
    when = dt.datetime.fromtimestamp(epoch, dt.UTC)
    assert properties.created == when
    assert properties.modified == when
    assert properties.last_modified_by == "chuongtrinh"
    assert properties.revision == 1
    for info in zipfile.ZipFile(io.BytesIO(built)).infolist():
        assert info.date_time == when.timetuple()[:6], info.filename


def test_without_source_date_epoch_the_date_is_fixed(tmp_path: Path) -> None:
    built = _build_elsewhere(tmp_path / "a", MONTHLY)
    properties = docx.Document(io.BytesIO(built)).core_properties
    assert properties.created == properties.modified == dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
    entries = zipfile.ZipFile(io.BytesIO(built)).namelist()
    assert entries[:2] == ["[Content_Types].xml", "_rels/.rels"]

"""The disk cache (compiled rule sets, the empty document of a rule set, the phrase templates'
byte-code): a build reads it when it can, and never writes different bytes because of it —
not when the cache is warm, stale, damaged or unusable."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from chuongtrinh.profiles import cache
from helpers.cli import process_env
from helpers.examples import EXAMPLES, MONTHLY


def build(source: Path, target: Path, cache_dir: Path | str, *options: str) -> bytes:
    """`chuongtrinh build` in a process of its own with the cache in `cache_dir`."""
    env = process_env({"CHUONGTRINH_CACHE_DIR": str(cache_dir)})
    command = [sys.executable, "-m", "chuongtrinh", "build", str(source), "-o", str(target)]
    result = subprocess.run([*command, *options], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return target.read_bytes()


@pytest.fixture(scope="module")
def uncached(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The monthly example built with the cache off."""
    out = tmp_path_factory.mktemp("uncached")
    return build(EXAMPLES / f"{MONTHLY}.yaml", out / "a.docx", cache.OFF)


def test_a_warm_cache_builds_the_same_bytes(tmp_path: Path, uncached: bytes) -> None:
    folder = tmp_path / "cache"
    first = build(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "1.docx", folder)
    kinds = sorted(p.name.split("-")[0] for p in folder.iterdir())
    assert kinds == ["blank", "jinja", "phrase", "profile"]
    second = build(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "2.docx", folder)
    assert first == second == uncached


def _left_margin_mm(path: Path) -> float:
    return round(docx.Document(str(path)).sections[0].left_margin.mm, 1)


def test_an_edited_profile_file_is_read_again(tmp_path: Path) -> None:
    profile = tmp_path / "van-phong.yaml"
    folder = tmp_path / "cache"
    source = EXAMPLES / f"{MONTHLY}.yaml"
    for left in (35, 25, 35):
        profile.write_text(f"extends: dang-2018\npage:\n  margin_mm:\n    left: {left}\n")
        build(source, tmp_path / "a.docx", folder, "--profile", str(profile))
        assert _left_margin_mm(tmp_path / "a.docx") == left


def test_an_entry_made_by_another_version_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHUONGTRINH_CACHE_DIR", str(tmp_path))
    cache.folder.cache_clear()
    cache.code_stamp.cache_clear()
    try:
        old = cache.code_stamp(("profiles/models.py",), ("pydantic",))
        cache.store("profile", old, "key", "made by 0.1")
        assert cache.load("profile", old, "key") == "made by 0.1"
        monkeypatch.setattr(cache, "__version__", "99.0")
        cache.code_stamp.cache_clear()
        new = cache.code_stamp(("profiles/models.py",), ("pydantic",))
        assert new != old
        assert cache.load("profile", new, "key") is None
        cache.store("profile", new, "key", "made by 99.0")
        assert cache.load("profile", new, "key") == "made by 99.0"
        assert not (tmp_path / f"profile-{old}").exists()  # the old version's entries go
    finally:
        cache.folder.cache_clear()
        cache.code_stamp.cache_clear()


def test_damaged_entries_are_made_again(tmp_path: Path, uncached: bytes) -> None:
    folder = tmp_path / "cache"
    build(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "1.docx", folder)
    entries = [p for p in folder.rglob("*") if p.is_file()]
    assert len(entries) >= 5
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:20])  # truncated, as by a full disk
    assert build(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "2.docx", folder) == uncached
    for entry in folder.glob("*/*.pickle"):
        pickle.loads(entry.read_bytes())  # written whole again


@pytest.mark.parametrize("kind", ["under-a-file", "writable-by-others"])
def test_an_unusable_folder_is_no_error(tmp_path: Path, uncached: bytes, kind: str) -> None:
    if kind == "under-a-file":
        (tmp_path / "file").write_text("not a folder")
        folder = tmp_path / "file" / "cache"
    else:
        folder = tmp_path / "shared"
        folder.mkdir()
        folder.chmod(0o777)
    assert build(EXAMPLES / f"{MONTHLY}.yaml", tmp_path / "a.docx", folder) == uncached
    if kind == "writable-by-others":  # another user could have put a pickle there
        assert list(folder.iterdir()) == []


def test_an_edited_user_template_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lint and the readers render phrase templates through the cache: an office that edits its
    own template gets its new phrase on the next run, not the cached old one."""
    from chuongtrinh.profiles import templated
    from chuongtrinh.profiles.loader import load

    monkeypatch.setenv("CHUONGTRINH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "mau-cau"
    folder.mkdir()
    profile = load("dang-2018").model_copy(update={"templates": folder})
    template = folder / "so-dang.j2"
    template.write_text("Số {{ so }}-{{ loai }}/{{ viet_tat }}", encoding="utf-8")
    values = {"so": "7", "loai": "CTr", "viet_tat": "ĐU"}
    assert templated.render(profile, "number", **values) == "Số 7-CTr/ĐU"
    template.write_text("Số: {{ so }}-{{ loai }}/{{ viet_tat }}", encoding="utf-8")
    assert templated.render(profile, "number", **values) == "Số: 7-CTr/ĐU"
    assert (tmp_path / "cache").is_dir()

"""`OUTDIR/.chuongtrinh-manifest.json`: per output, the hash of what it was built from and of
itself, so that an unchanged program is not built again and `check` tells stale from fresh.

- Read as untrusted data: bad JSON or entries of the wrong shape are a located warning and
  cost a rebuild, never a crash; an entry whose name leaves the folder is dropped.
- Saved as a merge under a lock: the file on disk is read again, this run's changes applied,
  written atomically. Two builds into one folder keep each other's entries. The lock is
  flock(2) on the folder itself (POSIX); where there is none (Windows, some network
  folders) the merge still runs, unlocked, so only saves at the very same moment can race.
- Deletes only what it made: an output whose program is gone is removed only when it still has
  the hash recorded when it was built; anything else in the folder is never touched.
- A save that fails (disk full, no permission) is a located error, not an internal one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from chuongtrinh import __version__
from chuongtrinh.build.output import inside, write_atomic
from chuongtrinh.errors import Diagnostic

MANIFEST = ".chuongtrinh-manifest.json"
_FIELDS = ("source", "input", "output")
_DAMAGED_HINT = (
    "tệp này do 'chuongtrinh build' tự ghi; lần này mọi chương trình được tạo lại và tệp "
    "được ghi lại cho đúng"
)

Entry = dict[str, str]


def digest(*chunks: bytes) -> str:
    """SHA-256 of the chunks, each prefixed by its length (so no two splits collide)."""
    import hashlib  # OpenSSL's loading is ~5 ms that a build without a manifest never needs

    hasher = hashlib.sha256()
    for chunk in chunks:
        hasher.update(len(chunk).to_bytes(8, "little"))
        hasher.update(chunk)
    return hasher.hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def _safe_key(key: object) -> bool:
    """An output name relative to the folder, which cannot leave it."""
    if not isinstance(key, str) or not key or "\x00" in key or "\\" in key:
        return False
    parts = PurePosixPath(key).parts
    return not PurePosixPath(key).is_absolute() and ".." not in parts and ":" not in parts[0]


def _valid(key: object, entry: object) -> bool:
    return (
        _safe_key(key)
        and isinstance(entry, dict)
        and all(isinstance(entry.get(name), str) for name in _FIELDS)
    )


def _warning(path: Path, message: str, line: int = 1, col: int = 1) -> Diagnostic:
    return Diagnostic(str(path), line, col, "manifest-damaged", message, _DAMAGED_HINT, "warning")


def _entries(data: Any, path: Path) -> tuple[dict[str, Entry], list[Diagnostic]]:
    raw = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        return {}, [_warning(path, "tệp ghi nhớ không có bảng 'entries' đúng dạng; bỏ qua")]
    entries = {key: dict(entry) for key, entry in raw.items() if _valid(key, entry)}
    dropped = len(raw) - len(entries)
    if not dropped:
        return entries, []
    return entries, [_warning(path, f"bỏ qua {dropped} mục sai dạng trong tệp ghi nhớ")]


def load(path: Path) -> tuple[dict[str, Entry], list[Diagnostic]]:
    """The entries of the manifest at `path` ({} when there is none), and what was wrong."""
    import json  # a build without an output folder never needs it

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "không phải văn bản UTF-8"
        return {}, [_warning(path, f"không đọc được tệp ghi nhớ: {reason}")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return {}, [_warning(path, f"tệp ghi nhớ hỏng (JSON: {exc.msg})", exc.lineno, exc.colno)]
    except (ValueError, RecursionError):
        return {}, [_warning(path, "tệp ghi nhớ hỏng (JSON lồng quá sâu hoặc số sai)")]
    return _entries(data, path)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder` while the block runs; no lock where flock is missing."""
    try:
        import fcntl
    except ImportError:  # Windows: see the module's docstring
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):  # a file system without flock: merge unlocked
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


class Manifest:
    """The manifest of an output folder (`folder` None: no manifest, nothing recorded)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.path = folder / MANIFEST if folder is not None else None
        self.entries: dict[str, Entry] = {}
        self.problems: list[Diagnostic] = []
        self._changes: dict[str, Entry | None] = {}  # key → new entry, or None: removed
        if self.path is not None:
            self.entries, self.problems = load(self.path)

    def fresh(self, key: str | None, output: Path, input_key: str) -> bool:
        """Whether `output` was built from this input and is still as it was written."""
        entry = self.entries.get(key) if key is not None else None
        if entry is None or entry["input"] != input_key:
            return False
        return file_digest(output) == entry["output"]

    def recorded(self, key: str | None) -> bool:
        """Whether an output of that name was made by a build into this folder."""
        return key is not None and key in self.entries

    def record(
        self,
        key: str | None,
        source: Path,
        input_key: str,
        output_digest: str,
        warnings: Sequence[Diagnostic] = (),
    ) -> None:
        """An output built; its warnings are kept to be said again while it stays unchanged."""
        if key is not None:
            import json

            entry = {"source": source.as_posix(), "input": input_key, "output": output_digest}
            if warnings:
                said = [d.as_dict() for d in warnings]
                entry["warnings"] = json.dumps(said, ensure_ascii=False)
            self.entries[key] = self._changes[key] = entry

    def warnings(self, key: str | None) -> list[Diagnostic]:
        """The warnings of the build that made the output `key` (none when unreadable)."""
        import json

        kept = self.entries.get(key, {}).get("warnings") if key is not None else None
        if kept is None:
            return []
        try:
            return [
                Diagnostic(**record, severity="warning") for record in _records(json.loads(kept))
            ]
        except (ValueError, TypeError, RecursionError):
            return []

    def forget(self, key: str | None) -> None:
        if key is not None:
            self.entries.pop(key, None)
            self._changes[key] = None

    def orphans(self, current: Collection[str], roots: Sequence[Path]) -> list[tuple[str, Path]]:
        """(name, source) of outputs whose program was deleted from a searched folder."""
        found = []
        for key, entry in sorted(self.entries.items()):
            source = Path(entry["source"])
            if key in current or source.exists():
                continue
            if any(source.resolve().is_relative_to(root.resolve()) for root in roots):
                found.append((key, source))
        return found

    def removable(self, key: str) -> bool:
        """Whether the output `key` is still exactly the file a build wrote (not edited, not
        replaced by another file of the same name)."""
        assert self.folder is not None
        target = self.folder / key
        if target.is_symlink() or not target.is_file() or not inside(target, self.folder):
            return False
        return file_digest(target) == self.entries[key]["output"]

    def remove(self, key: str) -> bool:
        """Forget `key`, deleting its output if `removable`; whether the output is gone."""
        assert self.folder is not None
        target = self.folder / key
        gone = not os.path.lexists(target)
        if not gone and self.removable(key):
            target.unlink(missing_ok=True)
            gone = True
        self.forget(key)
        return gone

    def save(self) -> None:
        """Merge this run's changes into the manifest on disk, under the folder's lock."""
        if self.path is None or not self._changes or not self.path.parent.is_dir():
            return
        import json

        try:
            with locked(self.path.parent):
                current, _ = load(self.path)
                for key, entry in self._changes.items():
                    if entry is None:
                        current.pop(key, None)
                    else:
                        current[key] = entry
                data: dict[str, Any] = {"tool": __version__, "entries": current}
                body = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
                write_atomic(self.path, body.encode("utf-8"))
        except OSError as exc:
            self.problems.append(_not_saved(self.path, exc))
            return
        self.entries, self._changes = current, {}


def _not_saved(path: Path, exc: OSError) -> Diagnostic:
    reason = exc.strerror or type(exc).__name__
    return Diagnostic(
        str(path),
        1,
        1,
        "manifest-not-saved",
        f"không ghi được tệp ghi nhớ: {reason}",
        "các tệp .docx đã tạo vẫn dùng được; giải phóng chỗ trống trên đĩa hoặc cấp quyền "
        "ghi rồi chạy lại (lần sau các chương trình sẽ được tạo lại)",
    )


def _records(data: Any) -> list[dict[str, Any]]:
    """The warning records kept in an entry, checked field by field (the file is the user's)."""
    fields = {"file": str, "line": int, "col": int, "code": str, "message": str}
    if not isinstance(data, list):
        raise ValueError
    records = []
    for record in data:
        if not isinstance(record, dict) or any(
            not isinstance(record.get(name), kind) for name, kind in fields.items()
        ):
            raise ValueError
        hint = record.get("hint")
        records.append(
            {
                **{name: record[name] for name in fields},
                "hint": hint if isinstance(hint, str) else None,
            }
        )
    return records

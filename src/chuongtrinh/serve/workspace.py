"""The programmes under the served folder: found as `build DIR` finds them, compiled when they
change, and saved back from the page.

This is the only place a name sent by the browser becomes a path, and only a name of a
programme found under the folder does (`locate`), checked again after symbolic links are
resolved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from chuongtrinh.build import batch
from chuongtrinh.build.output import inside, write_atomic
from chuongtrinh.build.pipeline import Compiled, compile_file, layout, render
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.layout.blocks import Document
from chuongtrinh.serve import html
from chuongtrinh.serve.anchors import anchors
from chuongtrinh.source.decode import decode, max_bytes

State = Literal["ok", "warnings", "errors"]


class Refused(Exception):
    """A request the workspace will not carry out, with the Vietnamese reason and HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Entry:
    """One programme as the page shows it: its text, its last good preview, its diagnostics."""

    name: str  # relative to the folder, with '/'
    path: Path
    digest: str = ""
    text: str | None = None  # None: not readable as text (the editor stays closed)
    compiled: Compiled | None = None
    document: Document | None = None
    preview: str = ""  # the last preview that compiled: kept while the YAML is broken
    diagnostics: list[Diagnostic] = field(default_factory=list)
    marks: list[list[str]] = field(default_factory=list)  # per diagnostic, paragraph keys

    @property
    def state(self) -> State:
        if any(d.severity == "error" for d in self.diagnostics):
            return "errors"
        return "warnings" if self.diagnostics else "ok"

    def first(self, role: str) -> str:
        """The text of the first paragraph in `role` ('kind', 'summary'), as laid out."""
        paras = self.document.paragraphs() if self.document else []
        return next((p.text for p in paras if p.role == role), "")

    @property
    def date(self) -> str:
        if self.compiled is None:
            return ""
        day = self.compiled.program.date
        return day.strftime("%d/%m/%Y") if isinstance(day, dt.date) else str(day)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Workspace:
    """The folder's programmes by relative name; safe to use from several threads."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.entries: dict[str, Entry] = {}
        self.lock = threading.RLock()
        self.rescan()

    def rescan(self) -> bool:
        """Find the programmes again; whether the list changed."""
        found, _ = batch.discover([self.root], batch.Options())
        names = {}
        for path, _folder in found:
            if inside(path, self.root):  # a symbolic link out of the folder is not served
                names[path.relative_to(self.root).as_posix()] = path
        with self.lock:
            changed = set(names) != set(self.entries)
            self.entries = {
                name: self.entries.get(name) or Entry(name, path)
                for name, path in sorted(names.items())
            }
            for entry in self.entries.values():
                self.refresh(entry)
        return changed

    def locate(self, name: str) -> Entry:
        """The programme named `name` by the browser; 404 for anything else."""
        with self.lock:
            entry = self.entries.get(name)
        if entry is None or not inside(entry.path, self.root):
            raise Refused(404, f"không có chương trình '{name}' trong thư mục đang xem")
        return entry

    def refresh(self, entry: Entry) -> bool:
        """Compile `entry` again when its bytes changed; whether they had."""
        try:
            raw = entry.path.read_bytes()
        except OSError:
            raw = b""
        if entry.digest == digest(raw) and entry.digest:
            return False
        entry.digest = digest(raw)
        try:
            entry.text = decode(raw, entry.name)
        except ChuongtrinhError:
            entry.text = None
        try:
            compiled = compile_file(entry.path)
            document = layout(compiled)
        except ChuongtrinhError as exc:
            entry.compiled = None
            entry.diagnostics = exc.diagnostics
        else:
            entry.compiled, entry.document = compiled, document
            entry.diagnostics = compiled.warnings
            entry.preview = html.render(document, compiled.profile)
        located = entry.compiled.located if entry.compiled else None
        entry.marks = [anchors(located, entry.document, d) for d in entry.diagnostics]
        return True

    def changed(self, paths: set[Path]) -> tuple[list[str], bool]:
        """After a save: the programmes that changed, and whether the list did. A change to a
        file that is no programme (an office's profile, say) may change any of them."""
        listed = self.rescan_if_new(paths)
        with self.lock:
            entries = list(self.entries.values())
            mine = {e.path.resolve() for e in entries}
            others = [p for p in paths if p.suffix.lower() in batch.SUFFIXES]
            if any(p.resolve() not in mine for p in others):
                for entry in entries:
                    entry.digest = ""  # compile again even if its own bytes did not change
            return [e.name for e in entries if self.refresh(e)], listed

    def rescan_if_new(self, paths: set[Path]) -> bool:
        with self.lock:
            known = {e.path.resolve() for e in self.entries.values()}
        if all(p.resolve() in known and p.is_file() for p in paths):
            return False
        return self.rescan()

    def docx(self, name: str) -> bytes:
        """The .docx of `name`, exactly as `chuongtrinh build` writes it."""
        entry = self.locate(name)
        with self.lock:
            self.refresh(entry)
            compiled = entry.compiled
        if compiled is None:
            raise Refused(422, "chương trình đang có lỗi, chưa tạo được .docx: sửa lỗi rồi tải lại")
        return render(compiled)

    def save(self, name: str, text: str, seen: str) -> str:
        """Write the editor's text over the file, unless it changed on disk since the page read
        it (`seen`: the digest the page had); the new digest."""
        entry = self.locate(name)
        data = text.encode("utf-8")
        if len(data) > max_bytes():
            raise Refused(413, "nội dung quá lớn để lưu")
        with self.lock:
            raw = entry.path.read_bytes()
            if digest(raw) != seen:
                raise Refused(
                    409,
                    "không lưu: tệp đã bị sửa ở nơi khác sau khi trang mở nó. "
                    "Chép phần bạn sửa ra ngoài, tải lại trang để lấy bản mới rồi sửa lại.",
                )
            if b"\r\n" in raw:  # keep the file's Windows line ends
                data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            write_atomic(entry.path, data)
            self.refresh(entry)
            return entry.digest

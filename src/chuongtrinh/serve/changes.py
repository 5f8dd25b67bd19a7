"""The changes view: an earlier revision of a programme (a git commit, or another programme of
the folder) against the file as it is now — the `diff --summary` list, the redline drawn in the
page, and the tracked-changes .docx `diff --docx` writes."""

from __future__ import annotations

from dataclasses import dataclass

from chuongtrinh.diff import revision, sides
from chuongtrinh.diff.changes import Diff, compare
from chuongtrinh.diff.describe import summary
from chuongtrinh.diff.redline import TrackedPara, TrackedRow, redline
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.layout.blocks import Para, Row
from chuongtrinh.serve import html
from chuongtrinh.serve.workspace import Entry, Refused, Workspace

# How many commits of a file the page offers (the newest first).
HISTORY = 40


@dataclass(frozen=True)
class Commit:
    """A commit that changed the file, as the picker lists it."""

    id: str
    short: str
    day: str
    subject: str


@dataclass(frozen=True)
class Comparison:
    against: str  # what the file is compared with, as the page names it
    diff: Diff
    summary: list[str]
    html: str


def history(entry: Entry) -> list[Commit]:
    """The commits that changed the programme's file; none outside a git repository."""
    try:
        log = revision.git(
            "log",
            f"-n{HISTORY}",
            "--format=%H%x1f%h%x1f%cs%x1f%s",
            "--",
            entry.path.name,
            cwd=entry.path.parent,
        )
    except ChuongtrinhError:
        return []
    rows = [line.split("\x1f") for line in log.splitlines()]
    return [Commit(*row) for row in rows if len(row) == 4]


def _old_side(workspace: Workspace, entry: Entry, commit: str, other: str) -> revision.Source:
    """The earlier revision the browser chose: only a commit the picker listed, or a programme
    of the folder, is read."""
    if commit:
        listed = {c.id: c for c in history(entry)}
        if commit not in listed:
            raise Refused(404, f"không có bản '{commit}' trong lịch sử git của {entry.name}")
        read = revision.at_revision(commit, entry.path.name, cwd=entry.path.parent)
        return revision.Source(f"{listed[commit].short}:{entry.name}", read.text, commit)
    if other:
        chosen = workspace.locate(other)
        return revision.working(chosen.path, chosen.name)
    raise Refused(400, "chọn một bản git hoặc một tệp khác để so sánh")


def _run_mark(para: Para, index: int) -> str:
    return para.marks[index] if isinstance(para, TrackedPara) and index < len(para.marks) else ""


def _para_mark(para: Para) -> str:
    return f"para-{para.mark}" if isinstance(para, TrackedPara) and para.mark else ""


def _row_mark(row: Row) -> str:
    return f"row-{row.mark}" if isinstance(row, TrackedRow) and row.mark else ""


REDLINE_MARKS = html.Marks(para=_para_mark, run=_run_mark, row=_row_mark)


def comparison(workspace: Workspace, name: str, commit: str = "", other: str = "") -> Comparison:
    """`name` now against the chosen revision; ChuongtrinhError when either side is broken."""
    entry = workspace.locate(name)
    old = _old_side(workspace, entry, commit, other)
    new = revision.working(entry.path, entry.name)
    found = compare(sides.side(old), sides.side(new))
    drawn = html.render(redline(found), found.new.profile, REDLINE_MARKS)
    return Comparison(old.name, found, summary(found.changes), drawn)


def tracked_docx(found: Comparison) -> bytes:
    """The tracked-changes .docx of a comparison, as `diff OLD NEW --docx` writes it."""
    changes = found.diff
    return sides.redline(changes, sides.author(changes), sides.date(changes))

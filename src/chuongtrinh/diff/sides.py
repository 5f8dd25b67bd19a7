"""The two revisions of a diff compiled and laid out, and the redline written as .docx."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from chuongtrinh.build.pipeline import compile_text, layout
from chuongtrinh.diff import revision
from chuongtrinh.diff.changes import Diff, Side, compare
from chuongtrinh.layout.blocks import Columns, Para, Row


def side(read: revision.Source) -> Side:
    """One compiled and laid-out revision; raises ChuongtrinhError with located diagnostics."""
    compiled = compile_text(read.text, read.name)
    document = layout(compiled)
    return Side(read.name, compiled.program, compiled.profile, document, read.revision, read.saved)


def diff(old: str | None, new: str | None, rev: str | None = None, file: str | None = None) -> Diff:
    """Compare two revisions: `OLD NEW` (files or `REV:FILE`) or `rev='A..B'` with `file`."""
    before, after = revision.pair(old, new, rev, file)
    return compare(side(before), side(after))


def redline(changes: Diff, author: str, date: str) -> bytes:
    """The new revision as .docx with the differences recorded as Word tracked changes."""
    from chuongtrinh.diff.redline import TrackedColumns, TrackedPara, TrackedRow
    from chuongtrinh.diff.redline import redline as blocks
    from chuongtrinh.docx.tracked import Revisions, track
    from chuongtrinh.docx.writer import render as write

    revisions = Revisions(author, date)

    def decorate(p: Any, para: Para, made: list[list[Any]]) -> None:
        if isinstance(para, TrackedPara):
            track(revisions, p, made, para.marks, para.mark, para.move)

    def decorate_row(tr: Any, row: Row | Columns) -> None:
        if isinstance(row, TrackedRow | TrackedColumns):
            revisions.mark_row(tr, row.mark)

    return write(blocks(changes), changes.new.profile, decorate, decorate_row)


def author(changes: Diff, given: str | None = None) -> str:
    """Who the tracked changes name: `given` (--author), else git's user.name, else the office."""
    return given or revision.user_name() or " ".join(changes.new.program.organization.name)


def date(changes: Diff, given: str | None = None) -> str:
    """One timestamp for every revision mark, so the same inputs give the same document:
    `given` (--date), else SOURCE_DATE_EPOCH, else when the new side was made: its commit's
    date, or when a working-tree file was last saved (its edits are that recent), or now.
    A `given` that is no date raises ValueError."""
    if given:
        moment = dt.datetime.fromisoformat(given)
    elif os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        moment = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC)
    elif changes.new.revision is not None:
        moment = revision.commit_date(changes.new.revision)
    else:
        moment = changes.new.saved or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

"""`chuongtrinh diff`: what changed between two revisions of a program, optionally as a redline."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chuongtrinh.cli.common import Format, OutputFormat, app, report
from chuongtrinh.errors import ExitCode

if TYPE_CHECKING:
    from chuongtrinh.diff.changes import Diff


class Colour(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _author(diff: Diff, given: str | None) -> str:
    """--author, else git's user.name, else the issuing office."""
    from chuongtrinh.diff import revision

    return given or revision.user_name() or " ".join(diff.new.program.organization.name)


def _date(diff: Diff, given: str | None) -> str:
    """One timestamp for every revision mark, so the same inputs give the same document:
    --date, else SOURCE_DATE_EPOCH, else the new revision's commit date, else the program's date."""
    from chuongtrinh.diff import revision

    if given:
        moment = dt.datetime.fromisoformat(given)
    elif os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        moment = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC)
    elif diff.new.revision is not None:
        moment = revision.commit_date(diff.new.revision)
    else:
        day = diff.new.program.date
        if not isinstance(day, dt.date):  # a bare year or a month: its first day
            day = dt.date(day, 1, 1) if isinstance(day, int) else dt.date(day.year, day.month, 1)
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@app.command()
def diff(
    old: Annotated[
        str | None, typer.Argument(help="Bản cũ: TỆP.yaml hoặc REV:TỆP (vd. HEAD~1:ct.yaml).")
    ] = None,
    new: Annotated[str | None, typer.Argument(help="Bản mới: TỆP.yaml hoặc REV:TỆP.")] = None,
    rev: Annotated[
        str | None,
        typer.Option("--rev", help="A..B: so TỆP ở hai bản git; A: bản A với tệp hiện tại."),
    ] = None,
    docx: Annotated[
        Path | None,
        typer.Option("--docx", help="Ghi bản mới ra .docx, thay đổi là track changes của Word."),
    ] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="In danh sách thay đổi ngắn gọn (tiếng Việt).")
    ] = False,
    author: Annotated[
        str | None, typer.Option("--author", help="Người sửa ghi trên các thay đổi.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Thời điểm ghi trên các thay đổi (ISO 8601).")
    ] = None,
    colour: Annotated[Colour, typer.Option("--color", help="Tô màu: auto, always, never.")] = (
        Colour.auto
    ),
    output_format: Format = OutputFormat.text,
) -> None:
    """So sánh hai bản chương trình: mục thêm, bớt, chuyển, sửa; 0 giống, 1 khác, 2 lỗi."""
    from rich.console import Console

    from chuongtrinh import api
    from chuongtrinh.diff import view
    from chuongtrinh.diff.describe import summary as summarise
    from chuongtrinh.errors import ChuongtrinhError

    try:
        found = api.diff(old, new, rev=rev, file=old if rev else None)
        if docx is not None:
            data = api.redline(found, _author(found, author), _date(found, date))
            api.write_atomic(docx, data)
    except ChuongtrinhError as exc:
        report(exc.diagnostics, output_format)
        raise typer.Exit(ExitCode.TROUBLE) from None
    except ValueError as exc:  # a --date that is no date
        typer.echo(f"lỗi [usage] {exc}", err=True)
        raise typer.Exit(ExitCode.TROUBLE) from None
    if output_format is OutputFormat.json:
        typer.echo(view.as_json(found))
    elif summary:
        for line in summarise(found.changes) or ["Không có thay đổi."]:
            typer.echo(line)
    else:
        forced = {Colour.always: True, Colour.never: False}.get(colour)
        console = Console(
            soft_wrap=True,
            force_terminal=forced,
            no_color=colour is Colour.never,
            highlight=False,
        )
        view.show(found, console)
    if docx is not None and output_format is OutputFormat.text:
        typer.echo(f"đã tạo {docx}", err=True)
    raise typer.Exit(ExitCode.SAME if found.same else ExitCode.DIFFERENT)

"""`chuongtrinh diff`: what changed between two revisions of a program, optionally as a redline."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import Format, OutputFormat, OverwriteOption, app, report
from chuongtrinh.errors import ExitCode


class Colour(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


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
    overwrite: OverwriteOption = False,
) -> None:
    """So sánh hai bản chương trình: mục thêm, bớt, chuyển, sửa; 0 giống, 1 khác, 2 lỗi."""
    from rich.console import Console

    from chuongtrinh import api
    from chuongtrinh.diff import sides, view
    from chuongtrinh.diff.describe import summary as summarise
    from chuongtrinh.errors import ChuongtrinhError

    try:
        found = api.diff(old, new, rev=rev, file=old if rev else None)
        if docx is not None:
            data = api.redline(found, sides.author(found, author), sides.date(found, date))
            inputs = [Path(given) for given in (old, new) if given and Path(given).is_file()]
            keep = api.Replace(inputs, api.made_here, overwrite)
            api.write_atomic(docx, data, keep)
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

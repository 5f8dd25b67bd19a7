"""`chuongtrinh text`: a program or any .docx as stable plain text, for `git diff` (textconv)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import EXIT_INVALID, EXIT_USAGE, OutputFormat, app, report


@app.command()
def text(
    file: Annotated[Path, typer.Argument(help="Tệp YAML chương trình hoặc tệp .docx.")],
    fallback: Annotated[
        bool,
        typer.Option(
            "--fallback", help="YAML lỗi thì in nguyên văn (để git diff không dừng), lỗi ra stderr."
        ),
    ] = False,
) -> None:
    """In nội dung văn bản dạng chữ thuần, mỗi đoạn một dòng (dùng làm textconv cho git)."""
    from chuongtrinh import api
    from chuongtrinh.errors import ChuongtrinhError

    if not file.is_file():
        typer.echo(f"{file}: lỗi [file-not-found] không tìm thấy tệp", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        lines = api.plain_text(file)
    except ChuongtrinhError as exc:
        report(exc.diagnostics, OutputFormat.text)
        if not fallback:
            raise typer.Exit(EXIT_INVALID) from None
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except (OSError, ValueError, KeyError) as exc:  # not a .docx python-docx can open
        typer.echo(f"{file}: lỗi [unreadable] không đọc được tệp: {exc}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    for line in lines:
        typer.echo(line)

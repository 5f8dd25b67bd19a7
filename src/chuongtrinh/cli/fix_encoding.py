"""`chuongtrinh fix-encoding`: TCVN3, VNI, Windows-1258, UTF-16 or NFD text → UTF-8 Unicode (NFC)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import EXIT_USAGE, Files, app, require_files


@app.command("fix-encoding")
def fix_encoding(
    files: Files,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Ghi ra tệp này thay vì ghi đè tệp vào (một tệp)."),
    ] = None,
) -> None:
    """Chuyển văn bản gõ bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258) sang Unicode UTF-8."""
    from chuongtrinh import api

    require_files(files)
    if output is not None and len(files) > 1:
        typer.echo("lỗi [usage] -o chỉ dùng được khi có đúng một tệp vào", err=True)
        raise typer.Exit(EXIT_USAGE)
    for path in files:
        result = api.fix_encoding(path, output)
        if not result.changes:
            typer.echo(f"{path}: đã là Unicode, không cần chuyển")
            continue
        typer.echo(f"đã chuyển {path} → {result.output}: " + "; ".join(result.changes))

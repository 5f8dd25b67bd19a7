"""`chuongtrinh fix-encoding`: TCVN3, VNI, Windows-1258, UTF-16 or NFD text → UTF-8 Unicode (NFC)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_USAGE,
    Files,
    OutputFormat,
    OverwriteOption,
    app,
    report,
    require_files,
)


@app.command("fix-encoding")
def fix_encoding(
    files: Files,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Ghi ra tệp này thay vì ghi đè tệp vào (một tệp)."),
    ] = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Chuyển văn bản gõ bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258) sang Unicode UTF-8.

    Tệp vào được giữ lại thành TỆP.bak trước khi ghi đè; tệp Word, PDF… bị từ chối."""
    from chuongtrinh import api
    from chuongtrinh.errors import ChuongtrinhError

    require_files(files)
    if output is not None and len(files) > 1:
        typer.echo("lỗi [usage] -o chỉ dùng được khi có đúng một tệp vào", err=True)
        raise typer.Exit(EXIT_USAGE)
    failed = 0
    for path in files:
        try:
            result = api.fix_encoding(path, output, overwrite)
        except ChuongtrinhError as exc:
            report(exc.diagnostics, OutputFormat.text)
            failed = max(failed, exc.exit_code)
            continue
        if not result.changes:
            typer.echo(f"{path}: đã là Unicode, không cần chuyển")
            continue
        kept = f" (bản cũ giữ ở {result.backup})" if result.backup else ""
        typer.echo(f"đã chuyển {path} → {result.output}: " + "; ".join(result.changes) + kept)
    raise typer.Exit(failed)

"""`chuongtrinh build`: YAML → .docx, written atomically; a failed file writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    Files,
    Format,
    OutputFormat,
    ProfileOption,
    TemplatesOption,
    app,
    report,
    require_files,
)
from chuongtrinh.errors import Diagnostic


@app.command()
def build(
    files: Files,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Tệp .docx (khi có một tệp vào) hoặc thư mục đích."),
    ] = None,
    output_format: Format = OutputFormat.text,
    profile: ProfileOption = None,
    templates: TemplatesOption = None,
) -> None:
    """Tạo tệp .docx (mặc định cạnh tệp YAML, cùng tên)."""
    from chuongtrinh import api
    from chuongtrinh.errors import ChuongtrinhError

    require_files(files)
    if output is not None and output.suffix.lower() == ".docx" and len(files) > 1:
        typer.echo("lỗi [usage] -o chỉ được là tệp .docx khi có đúng một tệp vào", err=True)
        raise typer.Exit(EXIT_USAGE)
    found: list[Diagnostic] = []
    failed = 0
    for path in files:
        try:
            result = api.build(path, output, profile, templates or ())
        except ChuongtrinhError as exc:
            failed += 1
            found += exc.diagnostics
            continue
        found += result.warnings
        if output_format is OutputFormat.text:
            typer.echo(f"đã tạo {result.output}")
    report(found, output_format)
    raise typer.Exit(EXIT_INVALID if failed else 0)

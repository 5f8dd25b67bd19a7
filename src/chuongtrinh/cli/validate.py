"""`chuongtrinh validate`: every problem with its place, nothing written."""

from __future__ import annotations

from typing import Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_INVALID,
    Files,
    Format,
    OutputFormat,
    ProfileOption,
    TemplatesOption,
    app,
    report,
    require_files,
)


@app.command()
def validate(
    files: Files,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    output_format: Format = OutputFormat.text,
    profile: ProfileOption = None,
    templates: TemplatesOption = None,
) -> None:
    """Kiểm tra tệp YAML: in mọi lỗi với dòng:cột, không tạo tệp .docx."""
    from chuongtrinh import api
    from chuongtrinh.build import batch
    from chuongtrinh.cli._progress import Display

    require_files(files, folders=True)
    programs, skipped = batch.discover(files, batch.Options())
    for outcome in skipped:
        Display(output_format, bar=False).outcome(outcome)
    files = [path for path, _ in programs]
    found = [d for path in files for d in api.validate(path, profile, templates or ())]
    report(found, output_format)
    failing = [d for d in found if d.severity == "error" or strict]
    if output_format is OutputFormat.text and not failing:
        typer.echo(f"hợp lệ: {len(files)} tệp")
    raise typer.Exit(EXIT_INVALID if failing else 0)

"""`chuongtrinh build`: YAML → .docx, written atomically; a failed file writes nothing.

Files and folders (searched recursively) in; only what changed is built when `-o` names a
folder; `--check` says what is stale; `--watch` stays and rebuilds on save. The work is in
`chuongtrinh.batch` and `chuongtrinh.watch`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    Files,
    Format,
    OutputFormat,
    OverwriteOption,
    ProfileOption,
    TemplatesOption,
    app,
    report,
    require_files,
)

if TYPE_CHECKING:
    from chuongtrinh.build.batch import Summary


def _usage(message: str) -> typer.Exit:
    typer.echo(f"lỗi [usage] {message}", err=True)
    return typer.Exit(EXIT_USAGE)


@app.command()
def build(
    inputs: Files,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Tệp .docx (khi có một tệp vào) hoặc thư mục đích."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", help="Bỏ qua tệp/thư mục khớp mẫu (vd. 'nhap/*'); lặp lại được."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Tạo lại mọi tệp, kể cả không đổi.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Chỉ kiểm tra: mã thoát 1 nếu có tệp cần tạo lại.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", min=1, help="Số tiến trình song song (mặc định: số CPU)."),
    ] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Theo dõi và tạo lại ngay khi tệp YAML được lưu.")
    ] = False,
    output_format: Format = OutputFormat.text,
    profile: ProfileOption = None,
    templates: TemplatesOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Tạo tệp .docx (mặc định cạnh tệp YAML, cùng tên); không ghi đè tệp .docx không do
    chuongtrinh tạo, trừ khi thêm --ghi-de."""
    from chuongtrinh.build import batch
    from chuongtrinh.cli._progress import Display

    require_files(inputs, folders=True)
    single = output is not None and output.suffix.lower() == ".docx"
    if single and (len(inputs) > 1 or inputs[0].is_dir()):
        raise _usage("-o chỉ được là tệp .docx khi có đúng một tệp vào")
    if watch and check:
        raise _usage("--watch và --check không dùng cùng nhau")
    if check and (output is None or single):
        raise _usage("--check cần -o THƯ_MỤC: bảng băm của lần tạo trước nằm trong thư mục đích")
    options = batch.Options(
        output, tuple(exclude or ()), force, check, jobs, profile, tuple(templates or ()), overwrite
    )
    if watch:
        from chuongtrinh.build import watch as watching

        display = Display(output_format, bar=False)
        shown = ", ".join(str(p) for p in inputs)

        def watching_now() -> None:
            typer.echo(f"đang theo dõi {shown}: lưu tệp YAML là tạo lại; Ctrl+C để dừng", err=True)

        watching.watch(
            inputs,
            options,
            display.outcome,
            lambda found: _show(found, output_format, one_line=True),
            ready=watching_now,
        )
        return
    with Display(output_format) as display:
        summary = batch.build(inputs, options, display.outcome, display.total)
    _show(summary, output_format)
    several = len(summary.outcomes) > 1 or any(p.is_dir() for p in inputs)
    if output_format is OutputFormat.text and (several or check):
        typer.echo(summary.line())
    raise typer.Exit(0 if summary.ok else EXIT_INVALID)


def _show(summary: Summary, output_format: OutputFormat, one_line: bool = False) -> None:
    """Every diagnostic (failures' and warnings'), after the progress display has closed; as
    JSON, the whole run: what each file became (built, unchanged, skipped …) and why. `--watch`
    prints one JSON object per line, one line per round."""
    if output_format is OutputFormat.json:
        record = summary.record()
        typer.echo(json.dumps(record, ensure_ascii=False, indent=None if one_line else 2))
        return
    report(summary.diagnostics, output_format)

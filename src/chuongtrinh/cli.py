"""The command line: options in, an `api` call, diagnostics out. Nothing else lives here."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from chuongtrinh import __version__
from chuongtrinh.errors import Diagnostic

app = typer.Typer(
    help="Soạn chương trình công tác từ YAML thành .docx đúng thể thức (HD 36-HD/VPTW, NĐ 30/2020).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

EXIT_INVALID = 1
EXIT_USAGE = 2


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chuongtrinh {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."),
    ] = False,
) -> None:
    """Soạn chương trình công tác từ YAML thành .docx đúng thể thức."""


Files = Annotated[list[Path], typer.Argument(help="Các tệp YAML chương trình.", show_default=False)]
Format = Annotated[OutputFormat, typer.Option("--format", help="Kiểu in lỗi: text hoặc json.")]


def _existing(files: list[Path]) -> None:
    missing = [f for f in files if not f.is_file()]
    for path in missing:
        typer.echo(f"{path}: lỗi [file-not-found] không tìm thấy tệp", err=True)
    if missing:
        raise typer.Exit(EXIT_USAGE)


def _report(diagnostics: list[Diagnostic], output_format: OutputFormat) -> None:
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2))
        return
    for diagnostic in diagnostics:
        typer.echo(diagnostic.format(), err=True)


@app.command()
def validate(
    files: Files,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    output_format: Format = OutputFormat.text,
) -> None:
    """Kiểm tra tệp YAML: in mọi lỗi với dòng:cột, không tạo tệp .docx."""
    from chuongtrinh import api

    _existing(files)
    found = [d for path in files for d in api.validate(path)]
    _report(found, output_format)
    failing = [d for d in found if d.severity == "error" or strict]
    if output_format is OutputFormat.text and not failing:
        typer.echo(f"hợp lệ: {len(files)} tệp")
    raise typer.Exit(EXIT_INVALID if failing else 0)


@app.command()
def build(
    files: Files,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Tệp .docx (khi có một tệp vào) hoặc thư mục đích."),
    ] = None,
    output_format: Format = OutputFormat.text,
) -> None:
    """Tạo tệp .docx (mặc định cạnh tệp YAML, cùng tên)."""
    from chuongtrinh import api
    from chuongtrinh.errors import ChuongtrinhError

    _existing(files)
    if output is not None and output.suffix.lower() == ".docx" and len(files) > 1:
        typer.echo("lỗi [usage] -o chỉ được là tệp .docx khi có đúng một tệp vào", err=True)
        raise typer.Exit(EXIT_USAGE)
    found: list[Diagnostic] = []
    failed = 0
    for path in files:
        try:
            result = api.build(path, output)
        except ChuongtrinhError as exc:
            failed += 1
            found += exc.diagnostics
            continue
        found += result.warnings
        if output_format is OutputFormat.text:
            typer.echo(f"đã tạo {result.output}")
    _report(found, output_format)
    raise typer.Exit(EXIT_INVALID if failed else 0)


def main() -> NoReturn:
    """Entry point: no Python traceback reaches the user, whatever happens."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("đã dừng", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: say so plainly, without a traceback
        typer.echo(f"lỗi nội bộ [internal-error] {type(exc).__name__}: {exc}", err=True)
        typer.echo("vui lòng báo lỗi này kèm tệp YAML đã dùng", err=True)
        sys.exit(3)
    sys.exit(0)

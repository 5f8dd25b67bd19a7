"""The typer app and what every command shares: argument types, exit codes, printing diagnostics."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh import __version__
from chuongtrinh.errors import Diagnostic

app = typer.Typer(
    help="Soạn chương trình công tác từ YAML thành .docx đúng thể thức văn bản.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)

EXIT_INVALID = 1
EXIT_USAGE = 2


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


Files = Annotated[
    list[Path],
    typer.Argument(
        help="Các tệp YAML chương trình, hoặc thư mục (tìm *.yaml, *.yml trong mọi thư mục con).",
        show_default=False,
        metavar="TỆP_HOẶC_THƯ_MỤC...",
    ),
]
Format = Annotated[OutputFormat, typer.Option("--format", help="Kiểu in lỗi: text hoặc json.")]


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
    """Soạn chương trình công tác từ YAML thành .docx đúng thể thức văn bản."""


def require_files(files: list[Path], folders: bool = False) -> None:
    """Exit with the usage code when an input file (or, with `folders`, folder) does not exist."""
    missing = [f for f in files if not (f.is_file() or (folders and f.is_dir()))]
    for path in missing:
        typer.echo(f"{path}: lỗi [file-not-found] không tìm thấy tệp", err=True)
    if missing:
        raise typer.Exit(EXIT_USAGE)


def report(diagnostics: list[Diagnostic], output_format: OutputFormat) -> None:
    """Diagnostics to stderr as `file:line:col: …`, or to stdout as JSON records."""
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2))
        return
    for diagnostic in diagnostics:
        typer.echo(diagnostic.format(), err=True)

"""The typer app and what every command shares: argument types, exit codes, printing diagnostics."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from chuongtrinh import __version__
from chuongtrinh.cli._params import plain_conversion
from chuongtrinh.cli._usage import (
    USAGE_PREFIX,
    UsageError,
    install_completion,
    localise_help,
    usage_line,
    vietnamese,
)
from chuongtrinh.errors import Diagnostic, ExitCode

# Help in Vietnamese, command names in English: what click and typer print of their own.
_VIETNAMESE_HELP = {
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Install completion for the current shell.": "Cài gợi ý (Tab) lệnh cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "In đoạn mã gợi ý (Tab) lệnh cho shell đang dùng, để chép hoặc tự cài."
    ),
}
_VIETNAMESE_HEADINGS = {"Options": "Tùy chọn", "Arguments": "Đối số", "Commands": "Lệnh"}
_VIETNAMESE_RICH = {
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "ARGUMENTS_PANEL_TITLE": "Đối số",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "DEFAULT_STRING": "[mặc định: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "RICH_HELP": "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
}


def _localise_rich() -> None:
    """Vietnamese panel titles; done only when help or a usage error is printed, because
    importing typer's rich formatting costs about 70 ms at every start."""
    from typer import rich_utils

    for name, text in _VIETNAMESE_RICH.items():
        setattr(rich_utils, name, text)


# typer carries its own copy of click, whose types are private: parameters are typed Any here.
def _translate(params: list[Any]) -> list[Any]:
    for param in params:
        text = getattr(param, "help", None)
        if text in _VIETNAMESE_HELP:
            param.help = _VIETNAMESE_HELP[text]
        if param.name == "install_completion":
            param.callback = install_completion
    return params


class _Vietnamese:
    """What a command and the group both need: translated help, localised panels, values
    converted without pydantic where that is plain (cli/_params.py).

    A mixin placed before TyperCommand / TyperGroup; `super()` reaches their methods.
    """

    def get_params(self, ctx: Any) -> list[Any]:
        return plain_conversion(_translate(super().get_params(ctx)))  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # Plain (not rich) help keeps `--help` fast; its section headings come from click.
        section = formatter.section
        formatter.section = lambda name: section(_VIETNAMESE_HEADINGS.get(name, name))
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, usage_line(pieces), prefix=USAGE_PREFIX)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except (typer.Exit, typer.Abort):  # --version, --help: not an error
            raise
        except UsageError as exc:
            _localise_rich()
            raise vietnamese(exc) from None
        except Exception:  # a usage error, which typer prints in a panel
            _localise_rich()
            raise


class _VietnameseCommand(_Vietnamese, TyperCommand):
    pass


class _VietnameseGroup(_Vietnamese, TyperGroup):
    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:  # an unknown command, with typer's did-you-mean
            raise vietnamese(exc) from None


def localise_commands() -> None:
    """Every command registered on `app` without a class of its own gets the Vietnamese one
    (called once the command modules are imported)."""
    for command in app.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = _VietnameseCommand
    localise_help()


app = typer.Typer(
    cls=_VietnameseGroup,
    help="Soạn chương trình công tác từ YAML thành .docx đúng thể thức văn bản.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, pwsh
)


def only_command(args: list[str]) -> None:
    """Keep on `app` only the command these arguments run, when they name one: typer builds
    every registered command's parser (inspecting signatures, ~15 ms for eleven) before it
    parses anything. Help, options before the command and shell completion keep them all."""
    if not args or any(name.endswith("_COMPLETE") for name in os.environ):
        return
    running = [c for c in app.registered_commands if _name(c) == args[0]]
    if running:
        app.registered_commands = running


def _name(command: Any) -> str:
    return str(command.name or command.callback.__name__.lower().replace("_", "-"))


EXIT_INVALID = ExitCode.INVALID
EXIT_USAGE = ExitCode.USAGE


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
ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="Tệp bộ quy tắc riêng (.yaml, có thể 'extends: dang-2018'); thay cho he_thong.",
    ),
]
TemplatesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--templates",
        help="Thư mục mẫu câu riêng (.j2), thay các mẫu có sẵn cùng tên; dùng được nhiều lần.",
    ),
]
Format = Annotated[OutputFormat, typer.Option("--format", help="Kiểu in lỗi: text hoặc json.")]
OverwriteOption = Annotated[
    bool,
    typer.Option(
        "--ghi-de",
        help="Ghi đè cả tệp không do chuongtrinh tạo (hoặc đã sửa tay), kể cả tệp vào của lệnh.",
    ),
]


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

"""click's own messages in Vietnamese: a usage error (an unknown command or option, a missing
argument, a bad value), the notes of the help and the shell-completion install.

typer carries its own copy of click whose messages are English f-strings, not gettext, so they
cannot be translated where they are made: a usage error is caught where the command line is
parsed (cli/common.py), its English message matched against the patterns below, and raised
again as a usage error that prints itself in Vietnamese (still exit code 2). A message no
pattern knows keeps its English text inside the Vietnamese frame.
"""

from __future__ import annotations

import re
import sys
from typing import IO, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError

__all__ = [
    "USAGE_PREFIX",
    "UsageError",
    "install_completion",
    "localise_help",
    "usage_line",
    "vietnamese",
]

# What click's usage line says in English, word for word.
_USAGE_WORDS = {"[OPTIONS]": "[TÙY_CHỌN]", "COMMAND": "LỆNH", "[ARGS]...": "[ĐỐI_SỐ]..."}
USAGE_PREFIX = "Cách dùng: "

# The inner part of "Invalid value for X: …" (typer's conversions).
_VALUES = [
    (r"(?:Value error, )?(.+?) is not one of (.+?)\.?", r"\1 không phải một trong \2"),
    (r"(?:File|Directory|Path) (.+?) does not exist\.", r"không có tệp hoặc thư mục \1"),
    (r"(.+?) is not a valid integer(?: range)?\.", r"\1 không phải số nguyên"),
    (r"(.+?) is not a valid float(?: range)?\.", r"\1 không phải số"),
    (r"(.+?) is not a valid boolean\.", r"\1 không phải true/false"),
]
_MESSAGES = [
    (r"No such command (.+?)\. Did you mean (.+?)\?", r"không có lệnh \1; có phải \2?"),
    (r"No such command (.+?)\.", r"không có lệnh \1"),
    (r"Missing argument (.+?)\.", r"thiếu đối số \1"),
    (r"Missing option (.+?)\.", r"thiếu tùy chọn \1"),
    (r"Missing parameter: (.+)", r"thiếu \1"),
    (r"Missing command\.", "thiếu tên lệnh"),
    (
        r"No such option: (\S+) \(Possible options: (.+)\)",
        r"không có tùy chọn \1; có phải \2?",
    ),
    (r"No such option: (\S+?)\.? Did you mean (.+?)\?", r"không có tùy chọn \1; có phải \2?"),
    (r"No such option: (\S+)", r"không có tùy chọn \1"),
    (r"Option (.+?) requires an argument\.", r"tùy chọn \1 cần một giá trị theo sau"),
    (r"Option (.+?) requires (\d+) arguments\.", r"tùy chọn \1 cần \2 giá trị theo sau"),
    (r"Option (.+?) does not take a value\.", r"tùy chọn \1 không nhận giá trị"),
    (r"Got unexpected extra arguments? \((.+)\)", r"thừa đối số: \1"),
]
_INVALID = re.compile(r"Invalid value(?: for (.+?))?: (.+)", re.DOTALL)


def translated(message: str) -> str:
    """click's English `message` in Vietnamese, or as it is when no pattern knows it."""
    invalid = _INVALID.fullmatch(message)
    if invalid:
        where, value = invalid.groups()
        value = _first(_VALUES, value)
        return f"giá trị không hợp lệ cho {where}: {value}" if where else f"giá trị sai: {value}"
    return _first(_MESSAGES, message)


def _first(table: list[tuple[str, str]], text: str) -> str:
    """`text` rewritten by the first pattern of `table` that matches all of it."""
    for pattern, replacement in table:
        match = re.fullmatch(pattern, text, re.DOTALL)
        if match:
            return match.expand(replacement)
    return text


class VietnameseUsageError(UsageError):
    """A usage error that prints itself in Vietnamese: usage line, where to look, the error."""

    def show(self, file: IO[Any] | None = None) -> None:
        out = file or sys.stderr
        if self.ctx is not None:
            command = self.ctx.command_path
            typer.echo(self.ctx.get_usage(), file=out)
            typer.echo(f"Xem '{command} --help' để biết cách dùng.\n", file=out)
        typer.echo(f"Lỗi: {self.format_message()}", file=out)


def vietnamese(exc: UsageError) -> UsageError:
    """`exc` said in Vietnamese, for the same context."""
    if isinstance(exc, VietnameseUsageError | NoArgsIsHelpError):  # help is no error
        return exc
    return VietnameseUsageError(translated(exc.format_message()), exc.ctx)


def usage_line(pieces: list[str]) -> str:
    """The arguments of a usage line with click's English placeholders in Vietnamese."""
    line = " ".join(pieces)
    for english, vietnamese_word in _USAGE_WORDS.items():
        line = line.replace(english, vietnamese_word)
    return line


# What typer's help says through gettext ("[default: xoa-muc]", "[required]").
_GETTEXT_VI = {
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
}


def localise_help() -> None:
    """typer's help notes in Vietnamese: it makes them with gettext, which has no Vietnamese
    catalogue, so its lookup is wrapped with this module's few words."""
    import typer.core

    names = vars(typer.core)  # its `_`, imported from gettext, is no public name of typer
    english = names["_"]
    names["_"] = lambda text: _GETTEXT_VI.get(text) or english(text)


def install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """typer's --install-completion, saying what it did in Vietnamese."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    typer.secho(f"đã cài gợi ý lệnh (phím Tab) cho {shell} vào {path}", fg="green")
    typer.echo("gợi ý có tác dụng khi mở lại cửa sổ dòng lệnh (terminal)")
    raise typer.Exit(0)

"""Diagnostics as records, and the one error root of the project."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from enum import IntEnum
from typing import Any, ClassVar, Literal

Severity = Literal["error", "warning"]


class ExitCode(IntEnum):
    """Every exit code a command returns, in one table (`diff` follows diff(1): 0 same,
    1 different, 2 trouble)."""

    OK = 0
    INVALID = 1  # an input with errors, a document that breaks a rule; diff: they differ
    USAGE = 2  # a wrong option, a missing file, an unknown name; diff: trouble
    INTERNAL = 3  # a bug of ours, said without a traceback
    INTERRUPTED = 130  # Ctrl+C

    SAME = 0
    DIFFERENT = 1
    TROUBLE = 2


_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}


@dataclass(frozen=True)
class Diagnostic:
    """One finding about an input, with its place in the file."""

    file: str
    line: int
    col: int
    code: str
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def format(self) -> str:
        """`file:line:col: lỗi [code] message`, the hint on an indented second line."""
        head = f"{self.file}:{self.line}:{self.col}: {_SEVERITY_VI[self.severity]} [{self.code}] "
        text = head + self.message
        if self.hint:
            text += f"\n    gợi ý: {self.hint}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class ChuongtrinhError(Exception):
    """The root of every error the tool raises for a user's input or command; carries every
    diagnostic found, or (for `MessageError`) one message about a whole file or command."""

    exit_code: ClassVar[ExitCode] = ExitCode.INVALID

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.file, d.line, d.col))
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


class MessageError(ChuongtrinhError):
    """An error about a whole file or command, said in one Vietnamese sentence."""

    def __init__(self, message: str) -> None:
        self.diagnostics = []
        Exception.__init__(self, message)


class UsageError(MessageError):
    """A command line that cannot be carried out as written: exit code 2."""

    exit_code = ExitCode.USAGE


_BOUND_VI = {
    "finite_number": "phải là một số hữu hạn, không phải .inf hay .nan",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "không được nhỏ hơn {ge}",
    "less_than": "phải nhỏ hơn {lt}",
    "less_than_equal": "không được lớn hơn {le}",
}


def bound_message(error: Mapping[str, Any]) -> str | None:
    """A pydantic error about a number outside its bounds, said in Vietnamese ('không được lớn
    hơn 558,8'); None for any other error. Programmes and profiles both report them."""
    template = _BOUND_VI.get(error["type"])
    if template is None:
        return None
    bounds = {k: f"{v:g}".replace(".", ",") for k, v in error.get("ctx", {}).items()}
    return template.format(**bounds)

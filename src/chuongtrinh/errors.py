"""Diagnostics as records, and the one error root of the project."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]

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
    """Raised when an input cannot be turned into a document; carries every diagnostic found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.file, d.line, d.col))
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

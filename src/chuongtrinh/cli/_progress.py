"""What `build` shows while it works: a rich progress bar on a terminal, plain lines elsewhere.

rich is imported only when a terminal will show the bar, so CI logs and scripts never pay for it.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

import typer

from chuongtrinh.build.batch import Outcome
from chuongtrinh.cli.common import OutputFormat


class Display:
    """Receives each outcome as it happens; failures' diagnostics are printed by the caller."""

    def __init__(self, output_format: OutputFormat, bar: bool | None = None) -> None:
        self.text = output_format is OutputFormat.text
        self.bar = sys.stderr.isatty() if bar is None else bar
        self._progress: Any = None
        self._task: Any = None

    def total(self, count: int) -> None:
        if not (self.bar and self.text and count > 1):
            return
        from rich.console import Console
        from rich.progress import Progress

        self._progress = Progress(console=Console(stderr=True), transient=True)
        self._progress.start()
        self._task = self._progress.add_task("đang tạo", total=count)

    def outcome(self, outcome: Outcome) -> None:
        if self._progress is not None and outcome.status in ("built", "failed"):
            self._progress.advance(self._task)
        if not self.text:
            return
        if outcome.status == "built" and self._progress is None:
            typer.echo(f"đã tạo {outcome.output}")
        elif outcome.status == "stale" and outcome.note == "orphan":
            typer.echo(f"cần xóa {outcome.output} (không còn {outcome.source})")
        elif outcome.status == "stale":
            typer.echo(f"cần tạo lại {outcome.output} (từ {outcome.source})")
        elif outcome.status == "removed":
            typer.echo(f"đã xóa {outcome.output} (không còn {outcome.source})")
        elif outcome.status == "skipped":
            typer.echo(f"{outcome.source}: bỏ qua, {outcome.note}", err=True)

    def __enter__(self) -> Display:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

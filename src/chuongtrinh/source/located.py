"""The loaded YAML tree and where each of its values stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chuongtrinh.errors import Diagnostic, Severity

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """1-based line and column of a node in the source text."""

    line: int
    col: int


@dataclass
class Located:
    """The loaded data plus where each value (and each mapping key) stands in the file."""

    file: str
    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    # Problems found while loading that do not stop validation (duplicate keys, bad dates):
    # reporting them together with the schema's findings gives the user every error at once.
    problems: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(default_factory=list, repr=False)
    _as_typed: dict[Path_, int] = field(default_factory=dict, repr=False, compare=False)
    # Lines a syntax slip was on (1-based), mended or left out to read the rest: what the tree
    # says of them, or lacks, is a guess.
    slipped: frozenset[int] = frozenset()

    def text_mark(self, path: Path_, index: int) -> Mark:
        """The place of character `index` of the string at `path`, when it stands on one line
        as typed (plain or quoted without escapes); else the place of the value."""
        mark = self.value_mark(path)
        value = self.data_at(path)
        if path not in self.values or not isinstance(value, str) or mark.line > len(self.lines):
            return mark
        line = self.lines[mark.line - 1]
        start = mark.col - 1
        if line[start : start + 1] in ("'", '"'):
            start += 1
        if min(index + 1, len(value)) <= self._typed_as_is(path, line, start, value):
            return Mark(mark.line, start + index + 1)
        return mark

    def _typed_as_is(self, path: Path_, line: str, start: int, value: str) -> int:
        """How many leading characters of `value` stand as typed from `line[start]`: found
        once per value, so the marks of 20,000 dates in one line are not 20,000 copies of it."""
        if path not in self._as_typed:
            typed = line[start : start + len(value)]
            low, high = 0, len(typed)  # the longest common prefix, by halves
            while low < high:
                middle = (low + high + 1) // 2
                if typed[:middle] == value[:middle]:
                    low = middle
                else:
                    high = middle - 1
            self._as_typed[path] = low
        return self._as_typed[path]

    def data_at(self, path: Path_) -> Any:
        """The loaded value at `path`, or None."""
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def value_mark(self, path: Path_) -> Mark:
        """The mark of the value at `path`, or of its nearest located ancestor."""
        for end in range(len(path), -1, -1):
            mark = self.values.get(path[:end])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def key_mark(self, path: Path_) -> Mark:
        """The mark of the key that names `path` (falls back to the value's)."""
        return self.keys.get(path) or self.value_mark(path)

    def diagnostic(
        self,
        path: Path_,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        at_key: bool = False,
        index: int | None = None,
        severity: Severity = "error",
    ) -> Diagnostic:
        """A finding at the value of `path` (its key with `at_key`, its character `index`)."""
        if index is not None:
            mark = self.text_mark(path, index)
        else:
            mark = self.key_mark(path) if at_key else self.value_mark(path)
        return Diagnostic(self.file, mark.line, mark.col, code, message, hint, severity)

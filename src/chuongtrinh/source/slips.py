"""The slips a clerk makes typing YAML by hand, said in Vietnamese where they are, and mended
so that reading goes on past them.

A colon inside a value, a key without its colon, a Tab, a quote or a bracket never closed, a
value starting with a character YAML keeps for itself, a line indented too far or not enough:
PyYAML reports each where it noticed it, often lines later (a key without its colon is seen on
the next key's line). Each slip is found here from PyYAML's marks and the tokens read before
them, reported at the line that holds it, and mended in a copy of the text (lines are never
added or removed) so that the next read finds the next slip, and then the file's other problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import Node

from chuongtrinh.errors import Diagnostic
from chuongtrinh.source.located import Located, Path_
from chuongtrinh.source.slip_rules import (
    KEY,
    Error,
    Slip,
    find,
    indent,
    quote_hint,
    quoted,
    unknown,
)

# Enough for every slip of a hand-typed file; a file worse than this is reported as far as here.
MAX_PASSES = 25
_UNCOUNTED = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
# What a date that does not exist gets, however it was typed (2026-02-30, 2023-2-30, 30/02/2023).
DATE_HINT = "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-02-01"


@dataclass(frozen=True)
class Composed:
    """The node tree of the text as mended (None when it could not be read), the slips found,
    and the 1-based lines they touched: mended, or left out when no mending made them readable."""

    root: Node | None
    problems: list[Diagnostic]
    touched: frozenset[int]


def text_as_key(located: Located, path: Path_) -> tuple[Path_, Diagnostic] | None:
    """The list entry at or above `path` typed as text with ': ' inside (`- Chủ đề: Học tập …`),
    which YAML read as a mapping of one key that is no key, and what to say about it."""
    for end in range(len(path), 0, -1):
        here = path[:end]
        value = located.data_at(here)
        if not (isinstance(here[-1], int) and isinstance(value, dict) and len(value) == 1):
            continue
        [key] = value
        mark = located.keys.get((*here, key))
        typed = located.values.get((*here, key))
        if KEY.fullmatch(str(key)) or mark is None or (typed and typed.line != mark.line):
            continue
        line = located.lines[mark.line - 1]
        mended = line[: mark.col - 1] + quoted(line[mark.col - 1 :])
        return here, Diagnostic(
            located.file,
            mark.line,
            mark.col,
            "colon-in-text",
            f"dòng này có dấu ': ' nên YAML đọc '{key}' thành một khóa, không phải chữ",
            quote_hint(mended).replace("giá trị", "dòng"),
        )
    return None


def compose(text: str, file: str, loader: Any) -> Composed:
    """Compose `text`, mending one slip a pass; each slip found is a located diagnostic.

    A MarkedYAMLError that is no slip (libyaml's own depth limit) is raised as it is."""
    shown = text.split("\n")
    lines = list(shown)
    problems: list[Diagnostic] = []
    mended: set[int] = set()
    unread: set[int] = set()
    for _ in range(MAX_PASSES):
        try:
            root = yaml.compose("\n".join(lines), Loader=loader)
        except yaml.MarkedYAMLError as exc:
            if "nesting depth" in (exc.problem or ""):
                raise
            # YAML also ends a line at a lone CR, NEL, LS or PS, which split("\n") does not:
            # its line numbers then name no line here, so it is said as it is, and no more.
            uncounted = _UNCOUNTED.search(text)
            slip = unknown(Error(lines, exc, [])) if uncounted else find(lines, exc, loader)
        else:
            return Composed(root, problems, frozenset(unread | {i + 1 for i in mended}))
        if slip.line + 1 not in unread and all(
            (d.line, d.code) != (slip.line + 1, slip.code) for d in problems
        ):
            problems.append(_diagnostic(file, shown, slip))
        if uncounted:
            return Composed(None, problems, frozenset())
        if slip.mend is None or slip.mend[0] in mended:  # no mending, or it did not help
            unread.update(_leave_out(lines, slip.mend[0] if slip.mend else slip.line))
        else:
            mended.add(slip.mend[0])
            lines[slip.mend[0]] = slip.mend[1]
    return Composed(None, problems, frozenset(unread | {i + 1 for i in mended}))


def _diagnostic(file: str, shown: list[str], slip: Slip) -> Diagnostic:
    source = shown[slip.line] if slip.line < len(shown) else ""
    caret = f"\n    {source}\n    {' ' * (slip.col - 1)}^"
    hint = slip.hint + caret if slip.code == "yaml-syntax" else slip.hint
    return Diagnostic(file, slip.line + 1, slip.col, slip.code, slip.message, hint)


def _leave_out(lines: list[str], index: int) -> list[int]:
    """Blank line `index` and the lines indented under it; their 1-based numbers."""
    if index >= len(lines):
        return []
    depth = indent(lines[index])
    end = index + 1
    while end < len(lines) and (not lines[end].strip() or indent(lines[end]) > depth):
        end += 1
    for i in range(index, end):
        lines[i] = ""
    return [i + 1 for i in range(index, end)]

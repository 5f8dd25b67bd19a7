"""Word-level differences between two texts: equal, deleted and inserted pieces in reading order."""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

Op = Literal["equal", "delete", "insert"]
T = TypeVar("T", bound=Hashable)

# A word with the spaces after it is one token, so a changed word carries its own spacing and
# the pieces join back into exactly the old or the new text.
_TOKEN = re.compile(r"\s+|[^\s]+\s*")


@dataclass(frozen=True)
class Piece:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def opcodes(old: Sequence[T], new: Sequence[T]) -> list[tuple[Op, int, int, int, int]]:
    """difflib's opcodes with 'replace' split into a deletion followed by an insertion."""
    out: list[tuple[Op, int, int, int, int]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", i1, i2, j1, j2))
            continue
        if i2 > i1:
            out.append(("delete", i1, i2, j1, j1))
        if j2 > j1:
            out.append(("insert", i2, i2, j1, j2))
    return out


def diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn `old` into `new`; joining the non-inserted ones gives `old` back."""
    a, b = tokens(old), tokens(new)
    return [
        Piece(op, "".join(a[i1:i2] if op == "delete" else b[j1:j2]))
        for op, i1, i2, j1, j2 in opcodes(a, b)
    ]


def similarity(old: str, new: str) -> float:
    """0 … 1: the share of words the two texts have in common, in order."""
    if old == new:
        return 1.0
    a, b = old.lower().split(), new.lower().split()
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()

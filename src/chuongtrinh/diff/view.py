"""A diff for people (rich: colour on a terminal, `[-…-]{+…+}` marks otherwise) and for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from chuongtrinh.diff.changes import Change, Diff
from chuongtrinh.diff.describe import phrase
from chuongtrinh.diff.words import Piece, tokens

_SIGN = {
    "added": ("+", "green"),
    "removed": ("-", "red"),
    "moved": ("↷", "cyan"),
    "renamed": ("~", "yellow"),
    "edited": ("~", "yellow"),
    "field": ("~", "yellow"),
    "changed": ("~", "yellow"),
}
_CONTEXT = 6  # words kept on each side of a change inside a long unchanged stretch


def _sign(change: Change) -> tuple[str, str]:
    return _SIGN[change.kind.rsplit("-", 1)[1]]


def _trimmed(piece: Piece, first: bool, last: bool) -> str:
    """A long unchanged stretch shortened to the words next to the changes."""
    words = tokens(piece.text)
    if len(words) <= 2 * _CONTEXT + 1:
        return piece.text
    head = "" if first else "".join(words[:_CONTEXT])
    tail = "" if last else "".join(words[-_CONTEXT:])
    if first:
        return "… " + tail
    if last:
        return head + "…"
    return head + "… " + tail


def words_line(pieces: Sequence[Piece], colour: bool) -> Text:
    """The words of an edit: deleted struck through in red, inserted underlined in green."""
    line = Text("    ")
    for n, piece in enumerate(pieces):
        if piece.op == "equal":
            line.append(_trimmed(piece, n == 0, n == len(pieces) - 1))
        elif colour:
            style = "red strike" if piece.op == "delete" else "green underline"
            line.append(piece.text, style=style)
        else:
            line.append(f"[-{piece.text}-]" if piece.op == "delete" else f"{{+{piece.text}+}}")
    return line


def show(diff: Diff, console: Console) -> None:
    """The changes in the new program's reading order, one phrase each with its detail."""
    colour = console.color_system is not None
    console.print(Text(f"--- {diff.old.name}\n+++ {diff.new.name}", style="bold"))
    if diff.same:
        console.print("không có thay đổi")
        return
    for change in diff.changes:
        sign, style = _sign(change)
        console.print(Text(f"{sign} ", style=style) + Text(phrase(change)))
        if change.words:
            console.print(words_line(change.words, colour))
        elif change.kind in (
            "item-added",
            "item-removed",
            "item-moved",
            "text-added",
            "text-removed",
        ):
            text = change.new if change.new is not None else change.old
            console.print(Text(f"    {text}", style=style if colour else ""))
    console.print(Text(f"{len(diff.changes)} thay đổi", style="bold"))


def as_json(diff: Diff) -> str:
    return json.dumps(
        {
            "old": diff.old.name,
            "new": diff.new.name,
            "same": diff.same,
            "changes": [{**c.as_dict(), "text": phrase(c)} for c in diff.changes],
        },
        ensure_ascii=False,
        indent=2,
    )

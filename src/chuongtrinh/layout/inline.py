"""Inline emphasis: `**bold**` and `*italic*` inside any text become runs."""

from __future__ import annotations

import re

from chuongtrinh.layout.blocks import Run

# Bold first so that '**' is never read as two italics; an unmatched '*' stays literal.
_EMPHASIS = re.compile(r"\*\*(?P<bold>[^*]+?)\*\*|\*(?P<italic>[^*\s](?:[^*]*?[^*\s])?)\*")


def runs(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Split `text` into runs at its emphasis marks; `bold`/`italic` apply to all of it."""
    if "*" not in text:  # most text: no mark to look for
        return (Run(text, bold=bold, italic=italic),)
    out: list[Run] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            out.append(Run(text[position : match.start()], bold=bold, italic=italic))
        if match.group("bold") is not None:
            out.append(Run(match.group("bold"), bold=True, italic=italic))
        else:
            out.append(Run(match.group("italic"), bold=bold, italic=True))
        position = match.end()
    if position < len(text) or not out:
        out.append(Run(text[position:], bold=bold, italic=italic))
    return tuple(out)

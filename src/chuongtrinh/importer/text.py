"""Text of a read paragraph: spacing tidied, emphasis written back as `*italic*`/`**bold**`."""

from __future__ import annotations

import re

from chuongtrinh.importer.reading import Para, Piece

_SPACES = re.compile(r"[ \t\u00a0]+")


def tidy(text: str, *, keep_breaks: bool = False) -> str:
    """Runs of spaces and tabs → one space; soft line breaks → a space unless kept."""
    if keep_breaks:
        return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def marked(
    para: Para,
    *,
    plain_bold: bool = False,
    plain_italic: bool = False,
    keep_breaks: bool = False,
    exact: bool = False,
) -> str:
    """The paragraph's text with the emphasis its style does not give written as markup.

    `plain_bold`/`plain_italic`: the element is bold/italic as a whole (a heading, a note
    row), so that emphasis is not markup. `exact`: keep spacing as it is (a file this tool
    wrote holds the text exactly as its YAML gave it)."""
    merged: list[Piece] = []
    for piece in para.pieces:
        bold = piece.bold and not plain_bold
        italic = piece.italic and not plain_italic and not bold
        if merged and (merged[-1].bold, merged[-1].italic) == (bold, italic):
            merged[-1] = Piece(merged[-1].text + piece.text, bold, italic)
        else:
            merged.append(Piece(piece.text, bold, italic))
    out = ""
    for piece in merged:
        text = piece.text
        if not exact:
            text = _SPACES.sub(" ", text if keep_breaks else text.replace("\n", " "))
        core = text.strip()
        if not core or not (piece.bold or piece.italic) or "*" in core:
            out += text
            continue
        mark = "**" if piece.bold else "*"
        start = text[: len(text) - len(text.lstrip())]
        end = text[len(text.rstrip()) :]
        out += f"{start}{mark}{core}{mark}{end}"
    return out.strip() if exact else tidy(out, keep_breaks=keep_breaks)

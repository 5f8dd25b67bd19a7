"""Text of a read paragraph: spacing tidied, emphasis written back as `*italic*`/`**bold**`,
split into the pieces a line holds; the marks of headings and items as people type them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chuongtrinh.importer.reading import Para, Piece
from chuongtrinh.profiles.recognise import Phrasebook

_SPACES = re.compile(r"[ \t\u00a0]+")
# A line that only decorates: the star under the issuer, a rule typed as dashes, nothing.
DECORATION = re.compile(r"^(?:\*+|[-_–—=.]{2,}|)$")  # "*", or "***" (Đoàn)
# A typed heading's label: 'A.', 'I.', '1.', '2.1.', '1.1.1', 'a)', 'a.' ('I.MỤC ĐÍCH' too).
HEADING = re.compile(
    r"^(?P<label>[IVXLC]+\.|[A-ZĐ]\.|\d+(?:\.\d+)+\.?|\d+\.|[a-zđ][.)])\s*(?P<rest>\S.*)$", re.S
)
ITEM = re.compile(r"^(?P<label>[-+•–]|\(\d+\)|\d+(?:\.\d+)*[.)]|[a-zđ]\))\s*(?P<rest>\S.*)$", re.S)
# A label typed in bold before plain text ('**1.** Phối hợp …'): the label of an item.
BOLD_LABEL = re.compile(r"^\*\*(?P<label>[^*\s]{1,8})\*\*\s+(?P<rest>\S.*)$", re.S)
# A paragraph that starts in bold: the bold part and what follows it.
RUN_IN = re.compile(r"^\*\*(?P<head>[^*]+)\*\*(?P<tail>.*\S.*)$", re.S)
GROUNDS = re.compile(r"^(?:[-–+]\s*)?Căn cứ\b")


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


def pieces(para: Para, phrases: Phrasebook) -> Iterator[tuple[int, str]]:
    """The pieces of a paragraph split at line breaks and tab gaps, with their column (0 for
    text before a tab gap, 1 after it, -1 when the line has no gap). A date or number line
    stays whole, whatever spaces it holds."""
    for line in para.text.split("\n"):
        parts = []
        for part in re.split(r"\t+", line):
            whole = tidy(part)
            known = any(p.match(whole) for p in phrases.dates.line) or phrases.number_line(whole)
            parts += [whole] if known else [tidy(p) for p in re.split(r"\s{5,}", part)]
        parts = [p for p in parts if p]
        if len(parts) == 1:
            yield -1, parts[0]
        else:
            for i, part in enumerate(parts):
                yield (0 if i < len(parts) - 1 else 1), part

"""Every line of each seed document appears in the built .docx, in the seed's order and wording."""

from __future__ import annotations

import re
import unicodedata

import pytest

from chuongtrinh.docx.reader import lines
from helpers.examples import MONTHLY, SEEDS, YEARLY, Built

SEED_FILES = {MONTHLY: "000_78c0283a2873eef2.txt", YEARLY: "003_7e66fff29ce44187.txt"}


def _normalise(line: str) -> str:
    """Drop the seed's markdown (headings, emphasis, escapes) and fold white space.

    The seeds mix composed and decomposed diacritics; the tool's contract is NFC."""
    line = unicodedata.normalize("NFC", line)
    line = re.sub(r"^#+\s*", "", line.strip())
    line = line.replace("\\*", "*") if line.strip() == "\\*" else line
    line = re.sub(r"\*\*|(?<!^)\*(?!$)", "", line)
    line = re.sub(r"^\*(?=\S{2})|(?<=\S{2})\*$", "", line)
    return re.sub(r"\s+", " ", line).strip()


def seed_lines(name: str) -> list[str]:
    text = (SEEDS / SEED_FILES[name]).read_text(encoding="utf-8")
    return [n for n in (_normalise(line) for line in text.splitlines()) if n]


def docx_text(built: Built) -> str:
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in lines(built.docx))


@pytest.mark.parametrize("name", [MONTHLY, YEARLY])
def test_every_seed_line_appears_in_order(built: dict[str, Built], name: str) -> None:
    text = docx_text(built[name])
    cursor = 0
    for line in seed_lines(name):
        found = text.find(line, cursor)
        assert found >= 0, (
            f"missing or out of order: {line!r}\n(after: {text[max(0, cursor - 80) : cursor]!r})"
        )
        cursor = found + len(line)


def test_seed_lines_are_read_as_sentences() -> None:
    """The normaliser keeps what a reader sees: the star, the italic theme, the headings."""
    monthly = seed_lines(MONTHLY)
    assert monthly[0] == "*"
    assert "3. Lãnh đạo hoạt động của Công đoàn." in monthly
    assert any(line.endswith("giáo dục phổ thông”.") and "*" not in line for line in monthly)
    assert len(seed_lines(YEARLY)) > 60


@pytest.mark.parametrize("name", [MONTHLY, YEARLY])
def test_no_text_is_doubled(built: dict[str, Built], name: str) -> None:
    """Numbers and bullets are generated once: no '- - ' or '1. 1.' from a typed prefix."""
    for line in lines(built[name].docx):
        assert not re.match(r"^(- -|\d+\. \d+\.|\(\d+\) \(\d+\))", line), line

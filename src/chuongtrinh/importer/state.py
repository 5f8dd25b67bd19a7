"""What the importer's phases share: the YAML data they fill, what they guessed, what they
could not place; each phase (header, title, body, tables, closing) reads and fills it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chuongtrinh.importer.reading import Para
from chuongtrinh.importer.text import marked, tidy
from chuongtrinh.profiles.recognise import Phrasebook


@dataclass
class Guess:
    """One thing the importer inferred, how sure it is, and why."""

    what: str
    value: str
    sure: str  # "chắc chắn" | "khá chắc" | "đoán"


@dataclass
class Unplaced:
    number: int
    text: str
    why: str


@dataclass
class Imported:
    """The YAML contract as plain data, what was guessed, and what could not be placed."""

    data: dict[str, Any]
    guesses: list[Guess]
    unplaced: list[Unplaced]
    paragraphs: int  # non-empty paragraphs read

    @property
    def placed(self) -> int:
        return self.paragraphs - len(self.unplaced)


@dataclass
class State:
    """The import so far. `own`: the file was written by this tool, so its styles name each
    paragraph's role and its text is exactly the YAML's."""

    phrases: Phrasebook
    own: bool
    data: dict[str, Any] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    def guess(self, what: str, value: object, sure: str) -> None:
        self.guesses.append(Guess(what, str(value), sure))

    def leave(self, para: Para, why: str, text: str | None = None) -> None:
        self.unplaced.append(Unplaced(para.number, text or tidy(para.text), why))

    def markup(self, para: Para, **plain: bool) -> str:
        """The paragraph's text with its emphasis as markup (see `text.marked`)."""
        return marked(para, exact=self.own, **plain)

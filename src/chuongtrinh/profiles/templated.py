"""Phrase templates read backwards: a template rendered with marks in place of its values is a
list of words, signs, spaces and groups, and that list becomes a regular expression.

So the template itself says where the number, the day or a recipient's name goes; a reader
never types the phrase a second time. Every space is a possessive run (`\\s*+`, `\\s++`): a
group that may be empty between two spaces cannot make the match backtrack over long runs
of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from chuongtrinh.profiles import cache
from chuongtrinh.profiles.models import Profile
from chuongtrinh.resources import templates_dir

Kind = Literal["word", "sign", "space", "group"]
Token = tuple[Kind, str]  # (kind, the text; for a group, its name)

_FIRST_MARK = 0xE000  # private-use characters: never in a template's own text
_TOKEN = re.compile(r"(\s+)|(\w+)|(.)", re.S)


def marks(*names: str) -> dict[str, str]:
    """One private-use character per value name, to render in the value's place."""
    return {name: chr(_FIRST_MARK + n) for n, name in enumerate(names)}


# What a rendered phrase depends on besides the templates themselves: the code that renders.
_RENDERERS = ("profiles/templated.py", "profiles/phrases.py", "profiles/sandbox.py")


def render(profile: Profile, name: str, **values: Any) -> str:
    """The profile's phrase template `name` (its own folder first, as the builder renders it).

    Kept in the disk cache under the text of every template it could read, so that lint on a
    warm run reads its phrases without loading Jinja (`validate` needs no other template)."""
    folders = (profile.templates,) if profile.templates else ()
    template = getattr(profile.phrases, name)
    sources = [
        part
        for folder in (*folders, templates_dir())
        for path in sorted(folder.glob("*.j2"))
        for part in (path.name, path.read_bytes())
    ]
    key = cache.digest([template, repr(sorted(values.items())), str(folders), *sources])
    stamp = cache.code_stamp(_RENDERERS, ("jinja2",))

    def make() -> str:
        from chuongtrinh.profiles import phrases

        return phrases.render(template, folders, **values)

    return cache.cached("phrase", stamp, key, make, str)


def free(exclude: str = "") -> str:
    """A group of free text (a place, an agency): at least one character, ending on a
    non-space, so that the spaces after it are tried once, not once per character."""
    if not exclude:
        return r".*?\S"
    return rf"[^{exclude}]*?[^{exclude}\s]"


@dataclass(frozen=True)
class Phrase:
    """A rendered phrase as tokens; the marks it was rendered with are groups."""

    tokens: tuple[Token, ...]

    @classmethod
    def read(cls, text: str, marked: dict[str, str] | None = None) -> Phrase:
        names = {mark: name for name, mark in (marked or {}).items()}
        found: list[Token] = []
        for match in _TOKEN.finditer(text):
            space, word, sign = match.groups()
            if space:
                found.append(("space", space))
            elif word:
                found.append(("word", word))
            elif sign in names:
                found.append(("group", names[sign]))
            else:
                found.append(("sign", sign))
        return cls(tuple(found))

    def _index(self, group: str) -> int:
        return self.tokens.index(("group", group))

    def after(self, group: str) -> Phrase:
        """What follows the group ("", ngày … năm …" after the place)."""
        return Phrase(self.tokens[self._index(group) + 1 :])

    def from_word_before(self, group: str) -> Phrase:
        """From the word that names the group on ("tháng 02 năm 2023" for the month)."""
        index = self._index(group)
        start = max(i for i, (kind, _) in enumerate(self.tokens[:index]) if kind == "word")
        return Phrase(self.tokens[start:])

    def until(self, group: str) -> Phrase:
        """Up to the group, the group included."""
        return Phrase(self.tokens[: self._index(group) + 1])

    def between(self, first: str, second: str) -> Phrase:
        return Phrase(self.tokens[self._index(first) + 1 : self._index(second)])

    def starting(self, group: str) -> Phrase:
        """From the group on, the group included ("36-CTr/ĐU" of "Số 36-CTr/ĐU")."""
        return Phrase(self.tokens[self._index(group) :])

    def has(self, group: str) -> bool:
        return ("group", group) in self.tokens

    def words(self) -> list[str]:
        return [text for kind, text in self.tokens if kind == "word"]

    def regex(
        self,
        groups: Mapping[str, str | None],
        *,
        space: str = r"\s*+",
        loose: bool = False,
        outside: tuple[Side, Side] = (None, None),
    ) -> str:
        """The phrase as a regular expression; `groups` give each value's pattern (None: the
        value is left out, its spaces merged). Where the template has a space, `space`.

        `loose` reads what people type: any spacing around signs and around a value that may
        be empty; at least one space where the template keeps a word apart from another word
        or a value. `outside` says what stands before and after a piece of a phrase (a value:
        'value'), so that its spaces at either end are read the same way."""
        out: list[str] = []
        last: Side = outside[0]
        gap = False
        for kind, text in self.tokens:
            if kind == "space" or (kind == "group" and groups[text] is None):
                gap = gap or kind == "space"
                continue
            side = _side(kind, groups.get(text) if kind == "group" else None)
            if last is not None:
                out.append(_between(last, side, gap, space, loose))
            out.append(f"(?P<{text}>{groups[text]})" if kind == "group" else re.escape(text))
            last, gap = side, False
        if outside[1] is not None and last is not None and out:
            out.append(_between(last, outside[1], gap, space, loose))
        return "".join(out)


Side = Literal["word", "sign", "value", "empty"] | None  # "empty": a value that may be empty


def _side(kind: Kind, pattern: str | None) -> Side:
    if kind == "group":
        return "empty" if re.fullmatch(pattern or "", "") else "value"
    return "word" if kind == "word" else "sign"


def _between(before: Side, after: Side, gap: bool, space: str, loose: bool) -> str:
    if not loose:
        return space if gap else ""
    apart = {before, after} <= {"word", "value"} and "word" in (before, after)
    return r"\s++" if gap and apart else r"\s*+"


def literal(text: str) -> str:
    """A label as typed: its words apart by any spacing."""
    return Phrase.read(text).regex({}, loose=True)


def one_of(texts: Sequence[str]) -> str:
    """Any of several labels, the longest first (so 'Cơ quan chủ trì tham mưu' wins)."""
    return "|".join(literal(t) for t in sorted(set(texts), key=len, reverse=True))


def inserted(longer: str, shorter: str) -> tuple[str, str, str]:
    """(before, inserted, after): what an optional value adds to a rendered phrase."""
    start = 0
    while start < len(shorter) and longer[start] == shorter[start]:
        start += 1
    end = 0
    while end < len(shorter) - start and longer[-1 - end] == shorter[-1 - end]:
        end += 1
    return longer[:start], longer[start : len(longer) - end], longer[len(longer) - end :]


def compiled(sources: Iterable[str], flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """Each distinct pattern compiled once, in order."""
    return tuple(re.compile(source, flags) for source in dict.fromkeys(sources))

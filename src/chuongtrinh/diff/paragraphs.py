"""Pairing the paragraphs of two layouts: items and headings through the model's matching,
everything else by its text."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from chuongtrinh.diff.match import Pair, pair_up
from chuongtrinh.diff.tree import Key
from chuongtrinh.diff.words import similarity
from chuongtrinh.layout.blocks import Para

_THRESHOLD = 0.5


def kind(key: Key) -> str:
    """What part of the program a paragraph shows: 'muc', 'tieu_de', 'chu_tri', 'can_cu', …"""
    names = [part for part in key if isinstance(part, str)]
    if not names:
        return ""
    if names[-1] == "muc" and isinstance(key[-1], int):
        return "muc"
    return names[-1]


def is_structural(para: Para) -> bool:
    """Headings and items are paired by the model's matching, not by their text."""
    return kind(para.key) in ("muc", "tieu_de")


def _owner(key: Key) -> Key:
    """The section a heading, item or lead-agency line belongs to."""
    return key[: len(key) - {"muc": 2, "tieu_de": 1, "chu_tri": 3}.get(kind(key), len(key))]


def translate(key: Key, sections: Mapping[Key, Key], items: Mapping[Key, Key]) -> Key | None:
    """An old paragraph's key in the new program's terms; None when its owner is gone."""
    what = kind(key)
    if what == "muc":
        return items.get(key)
    if what == "tieu_de":
        owner = sections.get(key[:-1])
        return None if owner is None else (*owner, "tieu_de")
    if what == "chu_tri":  # the line after a group of items, keyed by the item it follows
        last = items.get(key[:-1])
        return None if last is None else (*last, "chu_tri")
    if key[:1] == ("phu_luc",):  # a line of an annex: in the annex it was matched with
        annex = sections.get(key[:2])
        return None if annex is None else (*annex, *key[2:])
    return key


def _identity(para: Para, key: Key | None, side: str) -> tuple[Hashable, ...]:
    if is_structural(para):
        return ("key", key) if key is not None else ("gone", side, para.key)
    if kind(para.key) == "chu_tri":
        return ("lead", key)
    if para.key and not any(isinstance(part, int) for part in para.key):
        return ("slot", para.role, para.key)  # one-of-a-kind: so, ngay, du_thao, mo_dau, …
    return ("text", para.role, kind(para.key), para.text, _annex(para, key, side))


def _annex(para: Para, key: Key | None, side: str) -> Hashable:
    """The annex a line belongs to, in the new program's terms: lines pair within matched
    annexes only (None for a line of the body)."""
    if para.key[:1] != ("phu_luc",):
        return None
    return key[:2] if key is not None else ("gone", side, para.key[:2])


def pair(
    old: Sequence[Para],
    new: Sequence[Para],
    sections: Mapping[Key, Key],
    items: Mapping[Key, Key],
) -> list[Pair]:
    """(old index, new index) of the paragraphs that are one another's revision."""
    tagged_old = [(_identity(p, translate(p.key, sections, items), "old"), p) for p in old]
    tagged_new = [(_identity(p, p.key, "new"), p) for p in new]

    def score(a: tuple[tuple[Hashable, ...], Para], b: tuple[tuple[Hashable, ...], Para]) -> float:
        pa, pb = a[1], b[1]
        if is_structural(pa) or is_structural(pb):
            return 0.0
        if pa.role != pb.role or kind(pa.key) != kind(pb.key):
            return 0.0
        if a[0][-1] != b[0][-1] and (pa.key[:1] == ("phu_luc",) or pb.key[:1] == ("phu_luc",)):
            return 0.0  # lines of different annexes
        if kind(pa.key) == "chu_tri" and sections.get(_owner(pa.key)) != _owner(pb.key):
            return 0.0  # a lead-agency line stays with its section's items
        return similarity(pa.text, pb.text)

    return pair_up(tagged_old, tagged_new, lambda t: t[0], score, _THRESHOLD)

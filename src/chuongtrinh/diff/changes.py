"""Two revisions of a program → the changes a reader cares about, as records.

Sections and items are matched across the revisions by their content, so an item that went to
another section is one move, and the labels that shift after an insertion are no change at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from chuongtrinh.diff import annexes, paragraphs
from chuongtrinh.diff.match import Pair, in_order, pair_up
from chuongtrinh.diff.tree import ItemNode, Key, SectionNode, Tree, flatten
from chuongtrinh.diff.words import Piece, diff, similarity
from chuongtrinh.layout.blocks import Document, Para
from chuongtrinh.model.fields import style_text
from chuongtrinh.model.program import Program
from chuongtrinh.profiles.models import Profile

Kind = (
    Literal[
        "section-added",
        "section-removed",
        "section-renamed",
        "section-moved",
        "style-changed",
        "item-added",
        "item-removed",
        "item-moved",
        "item-edited",
        "item-field",
        "text-added",
        "text-removed",
        "text-edited",
    ]
    | annexes.Kind
)

ITEM_FIELDS = {
    "lead": "chu_tri",
    "partners": "phoi_hop",
    "when": "thoi_gian",
    "note": "ghi_chu",
    "presenter": "thuc_hien",
    "place": "dia_diem",
    "participants": "thanh_phan",
    "preparer": "chuan_bi",
}
_THRESHOLD = 0.5


@dataclass(frozen=True)
class Side:
    """One revision: where it came from, its model and its layout."""

    name: str
    program: Program
    profile: Profile
    document: Document
    revision: str | None = None  # the git revision it was read from, if any
    saved: dt.datetime | None = None  # a working-tree file: when it was last saved


@dataclass(frozen=True)
class Change:
    """One difference. `old_at`/`new_at` are section labels ('II.3'), `old_label`/`new_label`
    item labels ('(4)'); `field` names the YAML key that changed."""

    kind: Kind
    field: str | None = None
    old_at: str | None = None
    new_at: str | None = None
    old_label: str | None = None
    new_label: str | None = None
    old: str | None = None
    new: str | None = None
    words: tuple[Piece, ...] = ()
    position: float = 0.0  # where it shows in the new document, for ordering

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for name in ("field", "old_at", "new_at", "old_label", "new_label", "old", "new"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.words:
            out["words"] = [[piece.op, piece.text] for piece in self.words]
        return out


@dataclass(frozen=True)
class Diff:
    """The changes in reading order of the new program, and the matching behind them."""

    old: Side
    new: Side
    changes: tuple[Change, ...]
    sections: dict[Key, Key]
    items: dict[Key, Key]
    annexes: dict[Key, Key] = field(default_factory=dict)  # ('phu_luc', n) old → new

    @property
    def owners(self) -> dict[Key, Key]:
        """What owns headings and their paragraphs, old → new: sections and annexes."""
        return {**self.sections, **self.annexes}

    @property
    def same(self) -> bool:
        return not self.changes


@dataclass(frozen=True)
class _Place:
    """Where a matched pair sits on both sides; makes the changes found between them."""

    old_at: str
    new_at: str
    old_label: str | None
    new_label: str | None
    position: float

    def change(
        self,
        kind: Kind,
        field: str | None = None,
        old: str | None = None,
        new: str | None = None,
        words: tuple[Piece, ...] = (),
    ) -> Change:
        return Change(
            kind,
            field,
            self.old_at,
            self.new_at,
            self.old_label,
            self.new_label,
            old,
            new,
            words,
            self.position,
        )


def _match_items(old: Tree, new: Tree) -> list[Pair]:
    return pair_up(
        old.items,
        new.items,
        lambda n: " ".join(n.item.text.split()),
        lambda a, b: similarity(a.item.text, b.item.text),
        _THRESHOLD,
    )


def _match_sections(old: Tree, new: Tree, items: dict[Key, Key]) -> list[Pair]:
    def identity(node: SectionNode) -> object:
        section = node.section
        return (node.title, section.lead_in, tuple(section.paragraphs))

    targets = set(items.values())

    def score(a: SectionNode, b: SectionNode) -> float:
        """Title likeness, helped by the share of matched items that stayed in this section:
        a section keeps its identity when either its title or its items carried over."""
        title = similarity(a.title, b.title)
        mine = [items.get((*a.key, "muc", j)) for j in range(len(a.section.items))]
        kept = [k for k in mine if k is not None]
        theirs = [j for j in range(len(b.section.items)) if (*b.key, "muc", j) in targets]
        most = max(len(kept), len(theirs))
        if not most:  # nothing to compare the contents by: the title decides
            return title
        shared = sum(1 for k in kept if k[:-2] == b.key) / most
        return 0.5 * title + 0.5 * max(title, shared)

    return pair_up(old.sections, new.sections, identity, score, _THRESHOLD)


class _Comparison:
    def __init__(self, old: Side, new: Side) -> None:
        self.old, self.new = old, new
        self.old_tree = flatten(old.program, old.document)
        self.new_tree = flatten(new.program, new.document)
        item_pairs = _match_items(self.old_tree, self.new_tree)
        self.items = {self.old_tree.items[i].key: self.new_tree.items[j].key for i, j in item_pairs}
        section_pairs = _match_sections(self.old_tree, self.new_tree, self.items)
        self.sections = {
            self.old_tree.sections[i].key: self.new_tree.sections[j].key for i, j in section_pairs
        }
        self.annexes = annexes.match(old.program, new.program)
        self.old_paras = old.document.paragraphs()
        self.new_paras = new.document.paragraphs()
        owners = {**self.sections, **self.annexes}
        self.para_pairs = paragraphs.pair(self.old_paras, self.new_paras, owners, self.items)
        self.new_index = {p.key: n for n, p in enumerate(self.new_paras) if p.key}
        self.old_index = {p.key: n for n, p in enumerate(self.old_paras) if p.key}
        self.anchors = sorted(self.para_pairs)
        self.changes: list[Change] = []

    # -- positions: where a change shows in the new document -------------------------------

    def at_new(self, key: Key) -> float:
        return float(self.new_index.get(key, 0))

    def at_old(self, key: Key) -> float:
        """A removed paragraph sits just after the new place of its nearest kept predecessor."""
        return self.at_old_index(self.old_index.get(key, 0))

    def at_old_index(self, index: int) -> float:
        n = bisect.bisect_left(self.anchors, (index, -1))
        return self.anchors[n - 1][1] + 0.5 if n else -0.5

    def add(self, change: Change) -> None:
        self.changes.append(change)

    def one_sided(
        self, kind: Kind, side: str, at: str, label: str | None, text: str, key: Key
    ) -> None:
        """A section or item found on one side only; `key` is its item or section key."""
        where = key if kind.startswith("item") else (*key, "tieu_de")
        if side == "new":
            self.add(
                Change(kind, new_at=at, new_label=label, new=text, position=self.at_new(where))
            )
        else:
            self.add(
                Change(kind, old_at=at, old_label=label, old=text, position=self.at_old(where))
            )

    # -- sections --------------------------------------------------------------------------

    def section_changes(self) -> None:
        old_tree, new_tree = self.old_tree, self.new_tree
        matched_new = set(self.sections.values())
        for node in new_tree.sections:
            if node.key not in matched_new:
                self.one_sided("section-added", "new", node.label, None, node.title, node.key)
        for node in old_tree.sections:
            if node.key not in self.sections:
                self.one_sided("section-removed", "old", node.label, None, node.title, node.key)
        siblings: dict[Key | None, list[Pair]] = defaultdict(list)
        old_order = {n.key: i for i, n in enumerate(old_tree.sections)}
        new_order = {n.key: i for i, n in enumerate(new_tree.sections)}
        for old_key, new_key in self.sections.items():
            siblings[new_tree.section(new_key).parent].append(
                (old_order[old_key], new_order[new_key])
            )
        kept = set().union(*(in_order(pairs) for pairs in siblings.values()))
        for old_key, new_key in self.sections.items():
            a, b = old_tree.section(old_key), new_tree.section(new_key)
            where = self.at_new((*new_key, "tieu_de"))
            parent = None if a.parent is None else self.sections.get(a.parent)
            moved = parent != b.parent or (old_order[old_key], new_order[new_key]) not in kept
            place = _Place(a.label, b.label, None, None, where)
            if moved:
                self.add(place.change("section-moved", new=b.title))
            before, after = style_text(a.section.item_style), style_text(b.section.item_style)
            if before != after:
                self.add(place.change("style-changed", "kieu_muc", before, after))
            if a.title != b.title:
                words = tuple(diff(a.title, b.title))
                self.add(place.change("section-renamed", "tieu_de", a.title, b.title, words))

    # -- items -----------------------------------------------------------------------------

    def item_changes(self) -> None:
        old_items = {n.key: n for n in self.old_tree.items}
        new_items = {n.key: n for n in self.new_tree.items}
        matched_new = set(self.items.values())
        for node in self.new_tree.items:
            if node.key not in matched_new:
                at = self._section_label(self.new_tree, node)
                self.one_sided("item-added", "new", at, node.label, node.item.text, node.key)
        for node in self.old_tree.items:
            if node.key not in self.items:
                at = self._section_label(self.old_tree, node)
                self.one_sided("item-removed", "old", at, node.label, node.item.text, node.key)
        stay: dict[Key, list[Pair]] = defaultdict(list)
        for old_key, new_key in self.items.items():
            if self.same_place(old_items[old_key], new_items[new_key]):
                b = new_items[new_key]
                stay[b.container].append((old_items[old_key].index, b.index))
        kept = set().union(*(in_order(pairs) for pairs in stay.values()))
        for old_key, new_key in self.items.items():
            self.item_pair(old_items[old_key], new_items[new_key], kept)

    def same_place(self, a: ItemNode, b: ItemNode) -> bool:
        """Whether an item stayed in the same section (a sub-item: under the same item)."""
        moved_to = self.items.get(a.parent) if a.parent else self.sections.get(a.section)
        return moved_to == b.container

    def _section_label(self, tree: Tree, node: ItemNode) -> str:
        return tree.section(node.section).label

    def item_pair(self, a: ItemNode, b: ItemNode, kept: set[Pair]) -> None:
        change = _Place(
            self._section_label(self.old_tree, a),
            self._section_label(self.new_tree, b),
            a.label,
            b.label,
            self.at_new(b.key),
        ).change

        if not self.same_place(a, b) or (a.index, b.index) not in kept:
            self.add(change("item-moved", new=b.item.text))
        if a.item.text != b.item.text:
            words = tuple(diff(a.item.text, b.item.text))
            self.add(change("item-edited", "noi_dung", a.item.text, b.item.text, words))
        for name, key in ITEM_FIELDS.items():
            before, after = getattr(a.item, name), getattr(b.item, name)
            if before != after:
                self.add(change("item-field", key, before, after))

    # -- everything else: grounds, opening, free paragraphs, header, recipients, signature ---

    def text_changes(self) -> None:
        paired_old = {i for i, _ in self.para_pairs}
        paired_new = {j for _, j in self.para_pairs}
        # The lines of an annex added or removed whole are that annex's change.
        kept_new, kept_old = set(self.annexes.values()), set(self.annexes)
        for j, para in enumerate(self.new_paras):
            if j not in paired_new and self._is_text(para) and _kept(para, kept_new):
                self.add(self._text("text-added", para, None, para, float(j)))
        for i, para in enumerate(self.old_paras):
            if i not in paired_old and self._is_text(para) and _kept(para, kept_old):
                self.add(self._text("text-removed", para, para, None, self.at_old_index(i)))
        for i, j in self.para_pairs:
            a, b = self.old_paras[i], self.new_paras[j]
            if self._is_text(b) and a.text != b.text:
                self.add(self._text("text-edited", b, a, b, float(j)))

    @staticmethod
    def _is_text(para: Para) -> bool:
        """Paragraphs that are not items, headings or the lead-agency lines derived from items,
        nor an annex's number or table (annex_changes says what changed there)."""
        what = paragraphs.kind(para.key)
        if para.key[:1] == ("phu_luc",) and what in ("so_thu_tu", "cot", "dong", "nhom"):
            return False
        return what not in ("muc", "tieu_de", "chu_tri") and bool(para.text.strip())

    # -- annexes: added, removed, renamed, their rows -------------------------------------

    def annex_changes(self, old: Side, new: Side) -> None:
        found = annexes.changes(
            old.program,
            new.program,
            annexes.blocks(old.document.blocks),
            annexes.blocks(new.document.blocks),
            self.annexes,
        )
        for f in found:
            where = self.at_old(f.key) if f.removed else self.at_new(f.key)
            pieces = tuple(diff(f.old, f.new)) if f.old and f.new else ()
            at = {"old_at": f.at} if f.removed else {"new_at": f.at}
            label = {"old_label": f.label} if f.removed else {"new_label": f.label}
            self.add(
                Change(f.kind, old=f.old, new=f.new, words=pieces, position=where, **at, **label)
            )

    def _text(
        self, kind: Kind, para: Para, old: Para | None, new: Para | None, position: float
    ) -> Change:
        tree = self.new_tree if new is not None else self.old_tree
        program = (self.new if new is not None else self.old).program
        owner = [s.label for s in tree.sections if para.key[: len(s.key)] == s.key]
        if not owner and para.key[:1] == ("phu_luc",):  # the kèm theo line, a note
            assert isinstance(para.key[1], int)
            owner = [annexes.label(para.key[1], len(program.annexes))]
        return Change(
            kind,
            field=paragraphs.kind(para.key) or para.role,
            new_at=owner[-1] if owner and new is not None else None,
            old_at=owner[-1] if owner and new is None else None,
            old=None if old is None else old.text,
            new=None if new is None else new.text,
            words=tuple(diff(old.text, new.text)) if old is not None and new is not None else (),
            position=position,
        )


def _kept(para: Para, annexes: set[Key]) -> bool:
    """Whether a line is outside annexes, or in one that the other revision has too."""
    return para.key[:1] != ("phu_luc",) or para.key[:2] in annexes


def compare(old: Side, new: Side) -> Diff:
    """Every change from `old` to `new`, in the new program's reading order."""
    comparison = _Comparison(old, new)
    before, after = style_text(old.program.item_style), style_text(new.program.item_style)
    if before != after:
        comparison.add(
            Change(
                "style-changed",
                field="kieu_muc",
                old=before,
                new=after,
                position=-1.0,
            )
        )
    comparison.section_changes()
    comparison.item_changes()
    comparison.text_changes()
    comparison.annex_changes(old, new)
    ordered = sorted(comparison.changes, key=lambda c: c.position)
    return Diff(old, new, tuple(ordered), comparison.sections, comparison.items, comparison.annexes)

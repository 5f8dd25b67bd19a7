"""A program's sections and items flattened, with the labels the reader sees ('II.3', '(4)')."""

from __future__ import annotations

from dataclasses import dataclass

from chuongtrinh.diff.annexes import label
from chuongtrinh.layout.blocks import Document
from chuongtrinh.model.body import Note, work_items
from chuongtrinh.model.program import Item, Program, Section

Key = tuple[str | int, ...]

_UNCOUNTED = ("-", "+", "•")


@dataclass(frozen=True)
class SectionNode:
    key: Key
    parent: Key | None
    section: Section
    label: str  # 'II.3'; '' for an untitled section

    @property
    def title(self) -> str:
        return self.section.title or ""


@dataclass(frozen=True)
class ItemNode:
    key: Key
    section: Key
    index: int
    item: Item
    label: str  # '(4)', '2', or 'thứ 3' for items marked '-'
    parent: Key = ()  # the section, or the item a sub-item belongs to (the section's if empty)

    @property
    def container(self) -> Key:
        return self.parent or self.section


@dataclass(frozen=True)
class Tree:
    sections: tuple[SectionNode, ...]
    items: tuple[ItemNode, ...]

    def section(self, key: Key) -> SectionNode:
        return next(s for s in self.sections if s.key == key)


def _short(label: str) -> str:
    return label.rstrip(".)") if not label.startswith("(") else label


def flatten(program: Program, document: Document) -> Tree:
    """Every section and item of `program`, labelled as laid out in `document`."""
    marks = {
        p.key: p.text.split(" ", 1)[0]
        for p in document.paragraphs()
        if p.role == "item" or p.role.startswith("heading_")
    }
    sections: list[SectionNode] = []
    items: list[ItemNode] = []

    def walk(
        children: list[Section], key: Key, parent: Key | None, prefix: str, annex: str = ""
    ) -> None:
        for i, section in enumerate(children):
            here = (*key, i)
            mark = marks.get((*here, "tieu_de"))
            own = (f"{prefix}.{_short(mark)}" if prefix else _short(mark)) if mark else ""
            shown = f"{own or prefix} {annex}".strip() if annex else own
            sections.append(SectionNode(here, parent, section, shown))
            entries(section.items, (*here, "muc"), here, ())
            walk(section.sections, (*here, "noi_dung"), here, own or prefix, annex)

    def entries(listed: list[Item | Note], key: Key, section: Key, parent: Key) -> None:
        for j, item in work_items(listed):
            item_key = (*key, j)
            mark_j = marks.get(item_key, "-")
            ref = f"thứ {j + 1}" if mark_j in _UNCOUNTED else _short(mark_j)
            items.append(ItemNode(item_key, section, j, item, ref, parent))
            entries(item.items, (*item_key, "muc"), section, item_key)

    walk(program.body, ("noi_dung",), None, "")
    for n, annex in enumerate(program.annexes):  # 'phần 1 phụ lục II'
        walk(annex.sections, ("phu_luc", n, "noi_dung"), None, "", label(n, len(program.annexes)))
    return Tree(tuple(sections), tuple(items))

"""The body as prose: headings numbered by depth, free paragraphs where they were typed, items
with their own paragraphs and sub-items, and the lead-agency lines where the office wants them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from chuongtrinh.layout import numbering
from chuongtrinh.layout.blocks import Block, Para, Run
from chuongtrinh.layout.inline import runs
from chuongtrinh.layout.sections import Numbered, children, free_text, numbered
from chuongtrinh.layout.table import TableBuilder, has_items, item_text
from chuongtrinh.model.body import Item, Note, Section
from chuongtrinh.profiles.models import Profile

Key = tuple[str | int, ...]
# A phrase template rendered: phrase(name, key of the YAML value that feeds it, **values).
Phrase = Callable[..., str]
_MAX_HEADING = 6  # heading_1 … heading_6 in the rule sets


@dataclass(frozen=True)
class Scope:
    """What a list of sections or items inherits from the nodes above it."""

    headings: tuple[str, ...]  # heading labels by depth, from this list's depth on
    items: tuple[str, ...]  # item labels by item depth
    lead_lines: str  # nhom | moi-muc | khong
    numbers: tuple[int, ...] = ()  # the numbered ancestors' numbers (decimal labels)
    depth: int = 1  # the heading style of this list's depth (parts not counted)


@dataclass
class _Run:
    """Consecutive items with the same lead agency, waiting for their lead-agency line."""

    key: Key
    counted: bool
    members: list[tuple[int, str, Item]]


class Body:
    def __init__(self, profile: Profile, phrase: Phrase, tables: TableBuilder | None) -> None:
        self.profile = profile
        self.phrase = phrase
        self.tables = tables

    def labels(self, style: str | Sequence[str] | None) -> tuple[str, ...]:
        """Item labels by depth for `kieu_muc`, deeper ones from the rule set."""
        own = (style,) if isinstance(style, str) else tuple(style or ())
        return numbering.by_depth(own, self.profile.numbering.sub_items) if own else ()

    # -- sections -------------------------------------------------------------------------

    def sections(self, sections: Sequence[Section], key: Key, scope: Scope) -> Iterator[Block]:
        if self.tables and sections and all(has_items(s) for s in sections):
            rows = self.tables.groups(sections, key, scope.headings, scope.numbers)
            yield self.tables.table(rows)
            return
        for node in numbered(sections, key, scope.headings[0], scope.numbers):
            section = node.section
            yield from self.heading(node, scope.depth)
            for place, text in free_text(section, node.key):
                yield Para("body", runs(text), place)
            own = replace(
                scope,
                items=self.labels(section.item_style) or scope.items,
                lead_lines=section.lead_lines or scope.lead_lines,
                numbers=node.numbers,
            )
            if self.tables and section.items:
                yield self.tables.table(self.tables.item_rows(section.items, (*node.key, "muc")))
            else:
                yield from self.entries(section.items, (*node.key, "muc"), own, 0)
            below = replace(
                own,
                headings=children(scope.headings, section.heading_labels),
                depth=scope.depth if node.part else scope.depth + 1,
            )
            yield from self.sections(section.sections, (*node.key, "noi_dung"), below)

    def heading(self, node: Numbered, depth: int) -> Iterator[Para]:
        """'2. Title' in the heading style of its depth; a part's label on a line above."""
        title = node.section.title
        if node.label is None or title is None:
            return
        if node.part:
            yield Para("part", (Run(node.label),), (*node.key, "phan"))
            yield Para("part_title", runs(title), (*node.key, "tieu_de"))
        else:
            role = f"heading_{min(depth, _MAX_HEADING)}"
            yield Para(role, runs(f"{node.label} {title}"), (*node.key, "tieu_de"))

    # -- items ----------------------------------------------------------------------------

    def entries(
        self, entries: Sequence[Item | Note], key: Key, scope: Scope, depth: int
    ) -> Iterator[Para]:
        """Items and the free paragraphs between them; a lead-agency line after each run of
        items with the same agency (`nhom`), after each item (`moi-muc`) or nowhere (`khong`)."""
        style = numbering.at(scope.items, depth)
        waiting = _Run(key, numbering.is_counted(style), [])
        number = 0
        for j, entry in enumerate(entries):
            if isinstance(entry, Note):
                yield from self.lead_line(waiting, scope.lead_lines)
                yield Para("body", runs(entry.text), (*key, j, "doan"))
                continue
            number += 1
            label = numbering.label(style, number, scope.numbers)
            last = waiting.members[-1][2] if waiting.members else None
            if last is not None and (last.lead, last.partners) != (entry.lead, entry.partners):
                yield from self.lead_line(waiting, scope.lead_lines)
            yield from self.item(entry, label, style, (*key, j), scope, depth, number)
            waiting.members.append((j, label, entry))
            if scope.lead_lines == "moi-muc":
                yield from self.lead_line(waiting, scope.lead_lines)
        yield from self.lead_line(waiting, scope.lead_lines)

    def item(
        self,
        item: Item,
        label: str,
        style: str,
        here: Key,
        scope: Scope,
        depth: int,
        number: int,
    ) -> Iterator[Para]:
        """An item's line, its paragraphs, then its sub-items."""
        if style == numbering.TIME_SLOT:
            text = self.phrase(
                "time_slot",
                here,
                thoi_gian=item.when or "",
                noi_dung=item_text(item, self.profile, ("thoi_gian", "thuc_hien")),
                thuc_hien=item.presenter or "",
            )
        else:
            text = f"{label} {item_text(item, self.profile)}"
        yield Para("item", runs(text), here)
        for m, paragraph in enumerate(item.paragraphs):
            yield Para("item_body", runs(paragraph), (*here, "doan", m))
        if not item.items:  # most items; the replace() below was ~1/4 of laying out an item
            return
        own = self.labels(item.item_style)
        counted = numbering.is_counted(style)
        below = replace(
            scope,
            items=own or scope.items,
            numbers=(*scope.numbers, number) if counted else scope.numbers,
        )
        yield from self.entries(item.items, (*here, "muc"), below, 0 if own else depth + 1)

    def lead_line(self, waiting: _Run, mode: str) -> Iterator[Para]:
        """The lead-agency line of the items waiting for one, if they have an agency."""
        members, waiting.members = waiting.members, []
        lead = members[0][2].lead if members else None
        if not members or lead is None or mode == "khong":
            return
        # Keyed by the group's last item, the one it follows: a revision pairs the line with
        # the line after that same item, so merging or splitting groups edits it in place.
        key = (*waiting.key, members[-1][0], "chu_tri")
        values: dict[str, Any] = {
            "nhan": self.profile.labels.lead_agency,
            "co_quan": lead,
            "muc": [label for _, label, _ in members] if waiting.counted else [],
            "phoi_hop": members[0][2].partners,
        }
        yield Para("lead_agency", runs(self.phrase("lead_agency", key, **values)), key)

"""Walking a list of sections the same way for prose and for a table: numbered headings, then
each section's free text (lead-in and paragraphs) with the YAML keys they came from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chuongtrinh.layout import numbering
from chuongtrinh.model.program import Section

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Numbered:
    """A section with its key, its label ('2.', 'Phần thứ hai'; None when untitled, which takes
    no number) and the numbers of its numbered ancestors and itself (for decimal labels)."""

    key: Key
    section: Section
    label: str | None
    numbers: tuple[int, ...]
    part: bool = False  # the label is a part's ('Phần thứ hai'), on a line of its own

    @property
    def heading(self) -> str | None:
        """'2. Title'; a part's label stands on the line above its title."""
        if self.label is None or self.section.title is None:
            return None
        return f"{self.label}{chr(10) if self.part else ' '}{self.section.title}"


def numbered(
    sections: Sequence[Section], key: Key, style: str, parents: Sequence[int] = ()
) -> Iterator[Numbered]:
    """Each section of a list, numbered in `style` among its titled siblings."""
    number = 0
    part = numbering.is_part(style)
    for i, section in enumerate(sections):
        if section.title:
            number += 1
            label = numbering.label(style, number, parents)
            yield Numbered((*key, i), section, label, (*parents, number), part)
        else:
            yield Numbered((*key, i), section, None, tuple(parents))


def free_text(section: Section, here: Key) -> list[tuple[Key, str]]:
    """The lead-in and paragraphs of a section, each with its key."""
    texts = [((*here, "dan_nhap"), section.lead_in)] if section.lead_in else []
    return texts + [((*here, "doan", j), text) for j, text in enumerate(section.paragraphs)]


def children(labels: Sequence[str], own: Sequence[str] | None) -> tuple[str, ...]:
    """The heading labels of a section's sub-sections: its own `danh_so`, else the next ones
    of the inherited list (the last one repeats)."""
    if own:
        return tuple(own)
    return tuple(labels[1:] or labels[-1:])

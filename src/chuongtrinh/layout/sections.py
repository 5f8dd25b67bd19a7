"""Walking a list of sections the same way for prose and for a table: numbered headings, then
each section's free text (lead-in and paragraphs) with the YAML keys they came from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from chuongtrinh.layout import numbering
from chuongtrinh.model.program import Section

Key = tuple[str | int, ...]


def numbered(
    sections: Sequence[Section], key: Key, style: str
) -> Iterator[tuple[Key, Section, str | None]]:
    """Each section with its key and its heading ('2. Title'; None for an untitled one, which
    takes no number)."""
    number = 0
    for i, section in enumerate(sections):
        heading = None
        if section.title:
            number += 1
            heading = f"{numbering.label(style, number)} {section.title}"
        yield (*key, i), section, heading


def free_text(section: Section, here: Key) -> list[tuple[Key, str]]:
    """The lead-in and paragraphs of a section, each with its key."""
    texts = [((*here, "dan_nhap"), section.lead_in)] if section.lead_in else []
    return texts + [((*here, "doan", j), text) for j, text in enumerate(section.paragraphs)]

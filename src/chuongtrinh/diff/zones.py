"""The page of a redline in stretches: the two-column tables (header, 'Kính gửi:', closing)
cut it into zones; between them, runs of paragraphs and tables are the segments paired."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from chuongtrinh.layout.blocks import Annex, Block, Columns, Para, Table


@dataclass
class Zone:
    """The segments up to a two-column table (header, closing), and that table (None at the
    end of the page)."""

    columns: Columns | None
    flow: list[Segment]


Segment = tuple[Para, ...] | Columns | Table


def segments(blocks: Sequence[Block]) -> list[Segment]:
    """Blocks with each run of consecutive paragraphs as one tuple (annexes are not among
    them: `_Merge.annexes` takes them apart)."""
    out: list[Segment] = []
    for block in blocks:
        if isinstance(block, Para):
            if out and isinstance(out[-1], tuple):
                out[-1] = (*out[-1], block)
            else:
                out.append((block,))
        elif not isinstance(block, Annex):
            out.append(block)
    return out


def addressed(blocks: Sequence[Block], other: Sequence[Block]) -> list[Block]:
    """`blocks` with an empty 'Kính gửi:' block under the title when only `other` has one, so
    that both revisions have the same two-column tables and the rest pairs as usual."""
    roles = [b.role for b in blocks if isinstance(b, Columns)]
    if "addressees" in roles or not any(
        isinstance(b, Columns) and b.role == "addressees" for b in other
    ):
        return list(blocks)
    at = next(
        (i + 1 for i, b in enumerate(blocks) if isinstance(b, Para) and b.role == "separator"), 1
    )
    return [*blocks[:at], Columns("addressees", (), ()), *blocks[at:]]


def cut(blocks: Sequence[Block]) -> list[Zone]:
    """The zones of a page: each run of segments with the two-column table that ends it."""
    zones = [Zone(None, [])]
    for segment in segments(blocks):
        if isinstance(segment, Columns):
            zones[-1].columns = segment
            zones.append(Zone(None, []))
        else:
            zones[-1].flow.append(segment)
    return zones


def flatten(segments: Sequence[Segment]) -> tuple[list[Para], list[tuple[int, Table]]]:
    """The paragraphs of `segments`, and each table with the number of paragraphs before it."""
    paras: list[Para] = []
    tables: list[tuple[int, Table]] = []
    for segment in segments:
        if isinstance(segment, Table):
            tables.append((len(paras), segment))
        elif isinstance(segment, tuple):
            paras.extend(segment)
    return paras, tables


def shape(segment: Segment | None) -> Hashable:
    if segment is None:
        return None
    if isinstance(segment, Columns):
        return ("columns", segment.role)
    if isinstance(segment, Table):
        return ("table",)  # columns chosen differently still pair: see `_whole_row`
    return ("paragraphs",)

"""Word sections as text: the empty document's own section properties (`w:sectPr`, in the
blank's tail) turned into those of an annex — landscape or portrait, numbered on its first page.

The first section keeps `w:titlePg` (no page number on page 1); an annex's section drops it, so
its first page shows the number, which runs on from the pages before (no `w:pgNumType`
restart). Header references stay: every section shows the same page-number header. A section's
properties end it: the body's last `w:sectPr` is the last section's.
"""

from __future__ import annotations

import re

_SECTION = re.compile(rb"<w:sectPr\b.*?</w:sectPr>", re.DOTALL)
_PAGE_SIZE = re.compile(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"/>')
_FIRST_PAGE = "<w:titlePg/>"


def first_section(tail: bytes) -> str:
    """The `w:sectPr` of the empty document (the first section's properties)."""
    found = _SECTION.search(tail)
    if found is None:
        raise ValueError("the empty document has no section properties")
    return found.group(0).decode()


def annex_section(first: str, landscape: bool) -> str:
    """The properties of an annex's section made from the first section's."""
    section = first.replace(_FIRST_PAGE, "")
    if not landscape:
        return section
    return _PAGE_SIZE.sub(
        lambda m: f'<w:pgSz w:w="{m.group(2)}" w:h="{m.group(1)}" w:orient="landscape"/>',
        section,
        count=1,
    )


def with_last_section(tail: bytes, section: str) -> bytes:
    """The blank's tail with its section properties replaced by `section`."""
    return _SECTION.sub(lambda _: section.encode(), tail, count=1)

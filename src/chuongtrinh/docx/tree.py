"""The written document read back as lxml elements, for what amends it after writing: the
redline's tracked changes (docx/tracked.py) through the writer's Decorate hooks. Only a render
with hooks imports lxml."""

from __future__ import annotations

from typing import Any, TypeAlias

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# An lxml element (lxml ships no type hints of its own).
Element: TypeAlias = Any


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: `w("p")` is `{…/main}p`."""
    return f"{{{W_NS}}}{tag}"


def parse(xml: bytes) -> Element:
    root: Element = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    return root


def serialize(root: Element) -> bytes:
    """A part's bytes, as python-docx serialises a part."""
    data: bytes = etree.tostring(root, encoding="UTF-8", standalone=True)
    return data


def in_order(root: Element, tag: str) -> list[Element]:
    """Every `w:tag` element of the tree, in document order."""
    return list(root.iter(w(tag)))


def runs(p: Element) -> list[Element]:
    """The paragraph's `w:r` children, in order."""
    found: list[Element] = p.findall(w("r"))
    return found


def first_child(parent: Element, tag: str) -> Element:
    """The properties child `w:tag` that comes first in `parent` (a paragraph's `pPr`, a
    row's `trPr`), created when missing."""
    clark = w(tag)
    if len(parent) and parent[0].tag == clark:
        return parent[0]
    found = etree.Element(clark)
    parent.insert(0, found)
    return found

"""The outline the body phase reads (`Section`), written as the contract's `noi_dung`: sections with
their paragraphs, items (sub-items under them) and sub-sections; the labels seen written
back as `kieu_muc` and `danh_so` where the rule set's own would print others."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chuongtrinh.importer.state import State
from chuongtrinh.layout import numbering
from chuongtrinh.profiles import loader as profiles
from chuongtrinh.profiles.models import Numbering


@dataclass
class Section:
    level: float
    title: str | None = None
    label_style: str | None = None  # the style of its heading's label ('1.1.')
    paragraphs: list[str] = field(default_factory=list)
    # Items (dicts of the contract's keys, sub-items under 'muc') and free paragraphs
    # between them ({'doan': …}); `labels` and `styles` run alongside ('' for a paragraph).
    items: list[dict[str, Any]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    lead_mark: int = 0  # items before this index already had their lead-agency line
    open_items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # by depth


def _rules(state: State) -> Numbering:
    return (state.phrases.profile or profiles.load("dang-2018")).numbering


def _all_styles(section: Section) -> list[str]:
    out = list(section.styles)
    for child in section.sections:
        out += _all_styles(child)
    return out


def outline_out(state: State, root: Section) -> None:
    """Fill noi_dung, and kieu_muc and danh_so when the document's labels need them."""
    data, rules = state.data, _rules(state)
    styles = _all_styles(root)
    inherited = "-"
    if styles and len(set(styles)) == 1 and styles[0] != "-":
        data["kieu_muc"] = inherited = styles[0]
    body = [_section_out(s, inherited, rules) for s in root.sections]
    if body:
        data["noi_dung"] = body
    headings = _heading_labels(root)
    nested = any(s.sections for s in root.sections)
    default = rules.nested_headings if nested else rules.flat_headings
    if headings and any(h != numbering.at(default, d) for d, h in enumerate(headings)):
        data["danh_so"] = headings


def _heading_labels(root: Section) -> list[str] | None:
    """The label style of each depth of titled sections, when each depth has one."""
    by_depth: list[set[str]] = []

    def walk(sections: Sequence[Section], depth: int) -> None:
        for section in sections:
            here = depth
            if section.title and section.label_style:
                by_depth.extend(set() for _ in range(depth + 1 - len(by_depth)))
                by_depth[depth].add(section.label_style)
                here = depth + 1
            walk(section.sections, here)

    walk(root.sections, 0)
    if not by_depth or any(len(styles) != 1 for styles in by_depth):
        return None
    return [styles.pop() for styles in by_depth]


def _section_out(section: Section, inherited: str, rules: Numbering) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if section.title:
        out["tieu_de"] = section.title
    if section.paragraphs:
        if section.items and len(section.paragraphs) == 1 and section.paragraphs[0].endswith(":"):
            out["dan_nhap"] = section.paragraphs[0]
        else:
            out["doan"] = section.paragraphs
    # The items' mark: the section's own, or that of everything under it when all agree.
    below = set(_all_styles(section))
    style = section.styles[0] if section.styles else (below.pop() if len(below) == 1 else None)
    if section.items:
        deeper = numbering.by_depth((style or inherited,), rules.sub_items)
        out["muc"] = [_item_out(item, deeper, 0, rules.sub_items) for item in section.items]
    children = [_section_out(s, style or inherited, rules) for s in section.sections]
    if children:
        out["noi_dung"] = children
    if style and style != inherited:
        out["kieu_muc"] = style
    return out


def _item_out(
    item: dict[str, Any], labels: tuple[str, ...], depth: int, sub_items: Sequence[str]
) -> Any:
    """An item as the contract writes it: a string when it is its text alone; its sub-items
    with their own `kieu_muc` when the depth's label would print another mark."""
    kinds = item.pop("_kinds", None)
    if "muc" in item:
        expected = numbering.at(labels, depth + 1)
        kind = kinds[0] if kinds else expected
        own = kind != expected
        below, at = (numbering.by_depth((kind,), sub_items), 0) if own else (labels, depth + 1)
        item["muc"] = [_item_out(child, below, at, sub_items) for child in item["muc"]]
        if own:
            item["kieu_muc"] = kind
    return item["noi_dung"] if set(item) == {"noi_dung"} else item

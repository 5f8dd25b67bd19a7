"""Helpers for the import tests: build bytes, import them, compare text and models."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from chuongtrinh import api
from chuongtrinh.docx import reader
from chuongtrinh.importer.emit import to_yaml
from chuongtrinh.importer.recognise import Imported, import_document
from chuongtrinh.layout import numbering
from chuongtrinh.model.program import Program
from chuongtrinh.profiles.loader import load


def lines(data: bytes) -> list[str]:
    """What a reader sees: the non-empty lines, spacing tidied."""
    out = [re.sub(r"\s+", " ", line).strip() for line in reader.lines(io.BytesIO(data))]
    return [line for line in out if line]


def reimport(data: bytes, profile: Path | None = None) -> tuple[Imported, api.Compiled]:
    """Import .docx bytes and compile the YAML written for them; a document built under a
    profile file is read with it, and its YAML names it as the example does (from the
    example's folder, the file's parent's parent)."""
    if profile is None:
        result = import_document(io.BytesIO(data))
        return result, api.compile_text(to_yaml(result, "test.docx"), "imported.yaml")
    system = f"{profile.parent.name}/{profile.name}"
    result = import_document(io.BytesIO(data), load(str(profile)), system)
    return result, api.compile_text(to_yaml(result, "test.docx"), "imported.yaml", profile)


def canonical(program: Program) -> dict[str, Any]:
    """The model with what the printed page cannot tell apart made equal: a closing's final
    dots, a lead-in written as the first paragraph, the items' marks as inherited (a list of
    marks by depth as the marks it prints), the lead-agency lines' placement (where nothing
    showed it), a part left out that is not there anyway, the abbreviation of a number line
    not printed."""
    data = program.model_dump()
    if data["closing"]:
        data["closing"] = [*data["closing"][:-1], data["closing"][-1].rstrip(".")]
    labels = _labels(data.pop("item_style"), numbering.by_depth(("-",), _SUB_ITEMS))
    data["body"] = _lifted([_section(s, labels) for s in data["body"]])
    data["annexes"] = [
        _annex(a, p, labels) for a, p in zip(data["annexes"], program.annexes, strict=True)
    ]
    _lead_lines(data)
    omitted = {"noi_nhan": not data["recipients"], "ky": data["signature"] is None}
    data["omit"] = sorted(part for part in data["omit"] if not omitted.get(part))
    if "so" in data["omit"] or (data["number"] is None and data["attached_to"]):
        data["organization"]["abbreviation"] = None
    return data


_SUB_ITEMS = ("-", "+", "•")  # the built-in rule sets' numbering.sub_items


def _labels(style: Any, inherited: tuple[str, ...]) -> tuple[str, ...]:
    """Item marks by depth: `kieu_muc` as the layout reads it, or the inherited ones."""
    own = tuple([style] if isinstance(style, str) else style or ())
    return numbering.by_depth(own, _SUB_ITEMS) if own else inherited


def _annex(annex: dict[str, Any], model: Any, labels: tuple[str, ...]) -> dict[str, Any]:
    """An annex as printed: its title in capitals, its orientation as chosen, its columns'
    titles (their widths are the layout's to scale), its prose as the body's."""
    annex["title"] = annex["title"].upper()
    annex["orientation"] = model.landscape
    annex["sections"] = _lifted([_section(s, labels) for s in annex["sections"]])
    table = annex["table"]
    if table is not None:
        for column in table["columns"]:
            column.pop("width")
            for sub in column["columns"]:
                sub.pop("width")
    return annex


def _section(section: dict[str, Any], labels: tuple[str, ...]) -> dict[str, Any]:
    labels = _labels(section.pop("item_style"), labels)
    lead_in = section.pop("lead_in")
    section["paragraphs"] = ([lead_in] if lead_in else []) + section["paragraphs"]
    section["style"] = labels[0] if section["items"] else None
    section["items"] = [_item(item, labels, 0) for item in section["items"]]
    section["sections"] = _lifted([_section(s, labels) for s in section["sections"]])
    if not section["items"]:  # free paragraphs typed as its own or as strings under it
        while section["sections"] and _only_text(section["sections"][0]):
            section["paragraphs"] += section["sections"].pop(0)["paragraphs"]
    return section


def _lifted(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Free paragraphs at the end of a section printed just as after it: moved after it, and
    free paragraphs one after another joined, however they were typed."""
    out: list[dict[str, Any]] = []
    for section in sections:
        trailing = []
        while section["sections"] and _only_text(section["sections"][-1]):
            trailing.insert(0, section["sections"].pop())
        for each in (section, *trailing):
            if out and _only_text(out[-1]) and _only_text(each):
                out[-1]["paragraphs"] += each["paragraphs"]
            else:
                out.append(each)
    return out


def _only_text(section: dict[str, Any]) -> bool:
    """An untitled section of free paragraphs only (a string in a `noi_dung` list)."""
    return not (section["title"] or section["items"] or section["sections"])


def _item(item: dict[str, Any], labels: tuple[str, ...], depth: int) -> dict[str, Any]:
    if set(item) == {"text"}:  # a free paragraph between items
        return item
    own = item.pop("item_style")
    below, at = (_labels(own, labels), 0) if own else (labels, depth + 1)
    item["style"] = numbering.at(below, at) if item["items"] else None
    item["items"] = [_item(child, below, at) for child in item["items"]]
    return item


def _lead_lines(node: dict[str, Any]) -> None:
    node.pop("lead_lines")
    for section in node.get("body", []) + node.get("sections", []):
        _lead_lines(section)

"""Helpers for the import tests: build bytes, import them, compare text and models."""

from __future__ import annotations

import io
import re
from typing import Any

from chuongtrinh import api
from chuongtrinh.docx import reader
from chuongtrinh.importer.emit import to_yaml
from chuongtrinh.importer.recognise import Imported, import_document
from chuongtrinh.model.program import Program


def lines(data: bytes) -> list[str]:
    """What a reader sees: the non-empty lines, spacing tidied."""
    out = [re.sub(r"\s+", " ", line).strip() for line in reader.lines(io.BytesIO(data))]
    return [line for line in out if line]


def reimport(data: bytes) -> tuple[Imported, api.Compiled]:
    """Import .docx bytes and compile the YAML written for them."""
    result = import_document(io.BytesIO(data))
    return result, api.compile_text(to_yaml(result, "test.docx"), "imported.yaml")


def canonical(program: Program) -> dict[str, Any]:
    """The model with what the printed page cannot tell apart made equal: a closing's final
    dots, a lead-in written as the first paragraph, the items' marks as inherited."""
    data = program.model_dump()
    if data["closing"]:
        data["closing"] = data["closing"].rstrip(".")
    style = data.pop("item_style") or "-"
    data["body"] = [_section(s, style) for s in data["body"]]
    data["annexes"] = [_annex(a, p) for a, p in zip(data["annexes"], program.annexes, strict=True)]
    return data


def _annex(annex: dict[str, Any], model: Any) -> dict[str, Any]:
    """An annex as printed: its title in capitals, its orientation as chosen, its columns'
    titles (their widths are the layout's to scale)."""
    annex["title"] = annex["title"].upper()
    annex["orientation"] = model.landscape
    table = annex["table"]
    if table is not None:
        for column in table["columns"]:
            column.pop("width")
            for sub in column["columns"]:
                sub.pop("width")
    return annex


def _section(section: dict[str, Any], style: str) -> dict[str, Any]:
    style = section.pop("item_style") or style
    lead_in = section.pop("lead_in")
    section["paragraphs"] = ([lead_in] if lead_in else []) + section["paragraphs"]
    section["style"] = style if section["items"] else None
    section["sections"] = [_section(s, style) for s in section["sections"]]
    return section

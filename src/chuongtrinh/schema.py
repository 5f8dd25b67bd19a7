"""The JSON Schema of the YAML a user writes, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from chuongtrinh.model.program import Program

COMMITTED_PATH = "schema/chuongtrinh.schema.json"

# The models' docstrings are English for the code; an editor's hover shows these instead.
_MODEL_TEXT = {
    "Program": ("Chương trình công tác", "Một chương trình công tác (tệp YAML của chuongtrinh)."),
    "Organization": ("Cơ quan ban hành", "Cơ quan ban hành, in ở góc trái phần đầu văn bản."),
    "Section": (
        "Phần nội dung",
        "Một phần của nội dung: tiêu đề, câu dẫn, các đoạn, các mục, các phần con (theo thứ tự đó).",
    ),
    "Item": (
        "Mục công việc",
        "Một mục công việc: một dòng chữ, hoặc bảng khóa có noi_dung, chu_tri, phoi_hop, thoi_gian, ghi_chu.",
    ),
    "Signature": ("Khối chữ ký", "Thẩm quyền ký, chức vụ và họ tên người ký."),
}


def _localise(model: dict[str, Any], name: str) -> None:
    """Vietnamese title and description for a model; property titles (English names) dropped."""
    model["title"], model["description"] = _MODEL_TEXT[name]
    for prop in model.get("properties", {}).values():
        prop.pop("title", None)


def json_schema() -> dict[str, Any]:
    """The schema of a program file: Vietnamese keys, descriptions and examples for each key."""
    schema = Program.model_json_schema(by_alias=True, mode="validation")
    _localise(schema, "Program")
    for name, model in schema.get("$defs", {}).items():
        _localise(model, name)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_text() -> str:
    """The schema as the committed file holds it (newline at the end)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"

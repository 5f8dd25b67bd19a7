"""The JSON Schemas of what a user writes, generated from the pydantic models: a programme,
and a profile file (an office's own rule set)."""

from __future__ import annotations

import json
from typing import Any

from chuongtrinh.model.program import Program

COMMITTED_PATH = "schema/chuongtrinh.schema.json"
PROFILE_COMMITTED_PATH = "schema/profile.schema.json"

# The models' docstrings are English for the code; an editor's hover shows these instead.
_MODEL_TEXT = {
    "Program": ("Chương trình công tác", "Một chương trình công tác (tệp YAML của chuongtrinh)."),
    "Organization": ("Cơ quan ban hành", "Cơ quan ban hành, in ở góc trái phần đầu văn bản."),
    "Section": (
        "Phần nội dung",
        "Một phần của nội dung: tiêu đề, câu dẫn, các đoạn, các mục, các phần con (theo thứ tự"
        " đó); đoạn văn tự do xen giữa các mục ('- doan: …') và giữa các phần con (một dòng chữ).",
    ),
    "Item": (
        "Mục công việc",
        "Một mục công việc: một dòng chữ, hoặc bảng khóa có noi_dung, chu_tri, phoi_hop,"
        " thoi_gian, thuc_hien, ghi_chu (lịch công tác: dia_diem, thanh_phan, chuan_bi), và các"
        " đoạn (doan), mục con (muc) của nó.",
    ),
    "Note": ("Đoạn văn giữa các mục", "Một đoạn văn tự do giữa các mục, không đánh số."),
    "Info": (
        "Thông tin hội nghị",
        "Thời gian, địa điểm, chủ trì, thành phần, in dưới tiêu đề ('Thời gian: …').",
    ),
    "InfoEntry": ("Dòng thông tin khác", "Một dòng thông tin với nhãn riêng: nhan, noi_dung."),
    "Signature": ("Khối chữ ký", "Thẩm quyền ký, chức vụ và họ tên người ký."),
    "Annex": (
        "Phụ lục",
        "Một phụ lục in sau chữ ký, từ trang mới: PHỤ LỤC, tên, dòng kèm theo, phần lời, bảng,"
        " ghi chú; khổ ngang khi bảng rộng.",
    ),
    "AnnexTable": (
        "Bảng của phụ lục",
        "Các cột (đầu bảng, có thể hai dòng khi có cột nhóm) và các dòng (ô, ô gộp, dòng nhóm).",
    ),
    "Column": ("Cột", "Một cột của bảng phụ lục: tên, độ rộng, hoặc các cột con dưới nó."),
    "SubColumn": ("Cột con", "Một cột dưới cột nhóm (dòng thứ hai của đầu bảng)."),
    "Cell": ("Ô", "Một ô ghi dạng bảng khóa: nội dung và số dòng gộp xuống (gop_doc)."),
    "GroupRow": ("Dòng nhóm", "Một dòng trải cả bảng, in đậm, đặt tên nhóm các dòng dưới nó."),
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


def profile_json_schema() -> dict[str, Any]:
    """The schema of a profile file. A file only overrides what it `extends`, and `key: null`
    removes an inherited entry, so no key is required and every value may be null."""
    from chuongtrinh.profiles.models import Profile

    schema = Profile.model_json_schema(mode="validation")
    for model in (schema, *schema.get("$defs", {}).values()):
        model.pop("required", None)
        for prop in model.get("properties", {}).values():
            prop.pop("title", None)
            prop.pop("default", None)
    schema["title"] = "Bộ quy tắc thể thức"
    schema["description"] = (
        "Tệp bộ quy tắc riêng của một cơ quan: 'extends' một bộ có sẵn rồi chỉ ghi các giá trị"
        " đổi; 'khoa: null' bỏ một giá trị kế thừa."
    )
    schema["properties"] = {
        "extends": {
            "type": "string",
            "description": "Bộ quy tắc được mở rộng: dang-2018, dang-2026, nha-nuoc-2020, base",
            "examples": ["dang-2018"],
        },
        **schema["properties"],
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **_nullable(schema)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Every property of every model may also be null (`key: null` removes it)."""
    for model in (schema, *schema.get("$defs", {}).values()):
        for name, prop in model.get("properties", {}).items():
            if name != "extends":
                model["properties"][name] = _or_null(prop)
    return schema


def _or_null(prop: dict[str, Any]) -> dict[str, Any]:
    description = prop.pop("description", None)
    options = prop.pop("anyOf", None) or [dict(prop)]
    for option in options:  # a mapping's entries may be removed one by one too (kinds: {QĐi: null})
        entries = option.get("additionalProperties")
        if isinstance(entries, dict):
            option["additionalProperties"] = {"anyOf": [entries, {"type": "null"}]}
    if {"type": "null"} not in options:
        options.append({"type": "null"})
    return {"anyOf": options, **({"description": description} if description else {})}


def json_text(profile: bool = False) -> str:
    """A schema as the committed file holds it (newline at the end)."""
    schema = profile_json_schema() if profile else json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"

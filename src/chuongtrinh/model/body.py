"""The body of a programme as a tree: sections hold paragraphs, items and sub-sections in the
order typed; an item may hold paragraphs and sub-items of its own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag

from chuongtrinh.model.fields import (
    HeadingLabel,
    ItemLabels,
    LeadLines,
    Lines,
    Model,
    Text,
    _one_or_many,
    empty_list,
)

# Pydantic names the branch of a list entry in an error's location; validation drops these.
ENTRY_TAGS = frozenset({"Item", "Note"})


class Item(Model):
    """One item of a section; written as a plain string or as a mapping."""

    text: Text = Field(
        alias="noi_dung",
        examples=["Ban hành Kế hoạch khảo sát lấy ý kiến nhân dân về Luật Đất đai."],
        description="Nội dung công việc",
    )
    lead: Text | None = Field(
        None,
        alias="chu_tri",
        examples=["Ban Tuyên giáo Tỉnh ủy"],
        description="Cơ quan chủ trì (tham mưu)",
    )
    partners: Text | None = Field(
        None, alias="phoi_hop", examples=["Văn phòng Tỉnh ủy"], description="Cơ quan phối hợp"
    )
    when: Text | None = Field(
        None,
        alias="thoi_gian",
        examples=["tháng 3/2024", "Quý II", "14h00 - 14h15"],
        description="Thời gian thực hiện; với kieu_muc: thoi-gian là khung giờ in đầu mục",
    )
    note: Text | None = Field(
        None, alias="ghi_chu", examples=["Định kỳ"], description="Ghi chú (cột của bảng)"
    )
    presenter: Text | None = Field(
        None,
        alias="thuc_hien",
        examples=["Đồng chí Bí thư Đảng ủy", "Văn phòng Đảng ủy"],
        description="Người (cơ quan) thực hiện, trình bày: trong ngoặc sau mục, hoặc cột 'Người thực hiện' của bảng",
    )
    place: Text | None = Field(
        None,
        alias="dia_diem",
        examples=["Hội trường Đảng ủy"],
        description="Địa điểm (cột của lịch công tác); không có cột: '(Địa điểm: …)' sau mục",
    )
    participants: Text | None = Field(
        None,
        alias="thanh_phan",
        examples=["Thường trực Đảng ủy, Bí thư các chi bộ"],
        description="Thành phần dự (cột của lịch công tác); không có cột: '(Thành phần: …)'",
    )
    preparer: Text | None = Field(
        None,
        alias="chuan_bi",
        examples=["Văn phòng Đảng ủy"],
        description="Cơ quan chuẩn bị (cột của lịch công tác); không có cột: '(Cơ quan chuẩn bị: …)'",
    )
    paragraphs: Lines = empty_list(
        alias="doan",
        examples=[["Thành phần dự: Thường trực Đảng ủy, Bí thư các chi bộ."]],
        description="Các đoạn văn dưới mục (không đánh số)",
    )
    items: list[Entry] = empty_list(
        alias="muc",
        examples=[["Báo cáo kết quả quý I.", {"noi_dung": "…", "thuc_hien": "Văn phòng"}]],
        description="Các mục con (ký hiệu theo kieu_muc của mục, hoặc ký hiệu cấp sau)",
    )
    item_style: ItemLabels | None = Field(
        None,
        alias="kieu_muc",
        examples=["+", ["+", "*"]],
        description="Ký hiệu các mục con: một ký hiệu, hoặc danh sách theo cấp",
    )


class Note(Model):
    """A free paragraph between items (`- doan: …` in a `muc` list), not counted."""

    text: Text = Field(
        alias="doan",
        examples=["Giải lao 15 phút."],
        description="Đoạn văn tự do giữa các mục (không đánh số)",
    )


def _entry_kind(value: Any) -> str:
    if isinstance(value, Note) or (isinstance(value, dict) and set(value) == {"doan"}):
        return "Note"
    return "Item"


def _item(value: Any) -> Any:
    return {"noi_dung": value} if isinstance(value, (str, int, float)) else value


Entry = Annotated[
    Union[Annotated[Item, Tag("Item")], Annotated[Note, Tag("Note")]],  # noqa: UP007
    Discriminator(_entry_kind),
    BeforeValidator(_item, json_schema_input_type=Text | Item | Note),
]


def _section(value: Any) -> Any:
    """A plain string among sections is a free paragraph: an untitled section of one."""
    return {"doan": [value]} if isinstance(value, (str, int, float)) else value


SectionEntry = Annotated[
    "Section", BeforeValidator(_section, json_schema_input_type=Text | dict[str, Any])
]
HeadingLabels = Annotated[
    list[HeadingLabel],
    BeforeValidator(_one_or_many, json_schema_input_type=HeadingLabel | list[HeadingLabel]),
]


class Section(Model):
    """A numbered part of the body: heading, optional lead-in, paragraphs, items, sub-sections."""

    title: Text | None = Field(
        None,
        alias="tieu_de",
        examples=["Công tác giáo dục chính trị tư tưởng.", "MỤC ĐÍCH, YÊU CẦU"],
        description="Tiêu đề (số thứ tự do chương trình tự đánh)",
    )
    lead_in: Text | None = Field(
        None,
        alias="dan_nhap",
        examples=["Đảng ủy lãnh đạo các Chi ủy chi bộ:"],
        description="Câu dẫn trước các mục",
    )
    paragraphs: Lines = empty_list(
        alias="doan",
        examples=[["Nâng cao chất lượng sinh hoạt chi bộ."]],
        description="Các đoạn văn tự do",
    )
    items: list[Entry] = empty_list(
        alias="muc",
        examples=[
            [
                "Lãnh đạo các Chi bộ sinh hoạt định kỳ.",
                {"noi_dung": "…", "chu_tri": "Văn phòng"},
                {"doan": "Đoạn văn tự do giữa các mục."},
            ]
        ],
        description="Các mục công việc; '- doan: …' là đoạn văn tự do giữa các mục",
    )
    sections: list[SectionEntry] = empty_list(
        alias="noi_dung",
        examples=[
            [{"tieu_de": "Hội nghị lần thứ 17 (tháng 3/2024)", "muc": ["…"]}, "Đoạn văn tự do."]
        ],
        description="Các phần con; một dòng chữ là một đoạn văn tự do ở đúng chỗ đó",
    )
    item_style: ItemLabels | None = Field(
        None,
        alias="kieu_muc",
        examples=["(1)", ["-", "+"], "thoi-gian"],
        description="Ký hiệu mục: '-', '+', '*', '•', '(1)', '1.', '1)', 'a)', 'a.', '1.1.',"
        " 'thoi-gian' (khung giờ làm nhãn); hoặc danh sách theo cấp mục",
    )
    heading_labels: HeadingLabels | None = Field(
        None,
        alias="danh_so",
        examples=[["1.1.", "a)"]],
        description="Ký hiệu tiêu đề các phần con theo cấp (A., I., 1., 1.1., a), a., (1),"
        " 1), -, +, *, •, Phần thứ nhất)",
    )
    lead_lines: LeadLines | None = Field(
        None,
        alias="dong_chu_tri",
        examples=["moi-muc"],
        description="Dòng cơ quan chủ trì: nhom (sau mỗi nhóm mục cùng cơ quan), moi-muc, khong",
    )


# Item and Section name each other: their schemas are made on first use (Model's
# defer_build), when both names exist, so no model_rebuild() is needed here.


def work_items(entries: Sequence[Item | Note]) -> Iterator[tuple[int, Item]]:
    """The items of an entry list with their index in it (free paragraphs skipped)."""
    for index, entry in enumerate(entries):
        if isinstance(entry, Item):
            yield index, entry

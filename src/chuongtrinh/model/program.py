"""The YAML contract as pydantic models: English names in code, Vietnamese keys as aliases."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from chuongtrinh.model.annex import WIDE_COLUMNS, AnnexTable, Orientation


def _scalar_to_text(value: Any) -> Any:
    """Numbers typed where text is expected ('so: 36', '- 2024') are text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _one_or_many(value: Any) -> Any:
    """A single string stands for a list of one."""
    return (
        [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value
    )


# `json_schema_input_type` tells the JSON Schema what the YAML may hold before the validators
# turn it into the model's type ('so: 36', 'ten: …' for a list of one line).
_NonEmpty = Annotated[str, StringConstraints(min_length=1)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_scalar_to_text, json_schema_input_type=_NonEmpty | int | float),
]
Lines = Annotated[
    list[Text], BeforeValidator(_one_or_many, json_schema_input_type=Text | list[Text])
]
ItemStyle = Literal["-", "+", "(1)", "1.", "1)", "a)"]

_DMY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def _program_date(value: Any) -> dt.date | int:
    """A date, or a bare year for a draft whose day and month are still blank."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and len(text) == 4:
            return int(text)
        match = _DMY.match(text)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
        match = _ISO.match(text)
        parts = (match.group(1), match.group(2), match.group(3)) if match else parts
        if parts:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise PydanticCustomError(
                    "bad_date", "ngày không tồn tại: {value}", {"value": text}
                ) from None
    raise PydanticCustomError(
        "bad_date",
        "ngày không hợp lệ: {value}; viết dạng 2023-02-01, hoặc chỉ năm (2023) cho bản dự thảo",
        {"value": value},
    )


def _draft(value: Any) -> bool | int:
    """`true` → 'Dự thảo'; a number n ≥ 1 → 'Dự thảo lần n'."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, int) and value >= 1:
        return value
    raise PydanticCustomError(
        "bad_draft",
        "du_thao phải là true/false hoặc số lần dự thảo (1, 2, 3…), không phải '{value}'",
        {"value": value},
    )


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Model):
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
        examples=["tháng 3/2024", "Quý II"],
        description="Thời gian thực hiện",
    )
    note: Text | None = Field(
        None, alias="ghi_chu", examples=["Định kỳ"], description="Ghi chú (cột của bảng)"
    )


def _item(value: Any) -> Any:
    return {"noi_dung": value} if isinstance(value, (str, int, float)) else value


class Section(_Model):
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
    paragraphs: Lines = Field(
        [],
        alias="doan",
        examples=[["Nâng cao chất lượng sinh hoạt chi bộ."]],
        description="Các đoạn văn tự do",
    )
    items: list[Annotated[Item, BeforeValidator(_item, json_schema_input_type=Text | Item)]] = (
        Field(
            [],
            alias="muc",
            examples=[
                [
                    "Lãnh đạo các Chi bộ sinh hoạt định kỳ.",
                    {"noi_dung": "…", "chu_tri": "Văn phòng"},
                ]
            ],
            description="Các mục công việc",
        )
    )
    sections: list[Section] = Field(
        [],
        alias="noi_dung",
        examples=[[{"tieu_de": "Hội nghị lần thứ 17 (tháng 3/2024)", "muc": ["…"]}]],
        description="Các phần con",
    )
    item_style: ItemStyle | None = Field(
        None,
        alias="kieu_muc",
        examples=["(1)"],
        description="Kiểu đánh dấu mục: '-', '+', '(1)', '1.', '1)', 'a)'",
    )


ColumnField = Literal["stt", "noi_dung", "chu_tri", "phoi_hop", "thoi_gian", "ghi_chu"]


class TableColumn(_Model):
    """One column of `trinh_bay: bang`: an item field, and optionally its own title and width."""

    field: ColumnField = Field(alias="truong", description="stt, noi_dung, chu_tri, phoi_hop …")
    title: Text | None = Field(None, alias="tieu_de", description="Tên cột in trên bảng")
    width: float | None = Field(None, alias="rong", gt=0, description="Độ rộng tương đối")


def _column(value: Any) -> Any:
    """`chu_tri` or `{chu_tri: Người thực hiện}` are short for `{truong: chu_tri, tieu_de: …}`."""
    if isinstance(value, str):
        return {"truong": value}
    if isinstance(value, dict) and len(value) == 1 and "truong" not in value:
        ((name, title),) = value.items()
        return {"truong": name, "tieu_de": title}
    return value


class Organization(_Model):
    """The issuing body as printed in the header."""

    superior: Text | None = Field(
        None,
        alias="cap_tren",
        examples=["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "UBND TỈNH ĐỒNG THÁP"],
        description="Cơ quan cấp trên",
    )
    name: Lines = Field(
        alias="ten",
        examples=[
            "ĐẢNG ỦY VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH",
            ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"],
        ],
        min_length=1,
        description="Tên cơ quan ban hành",
    )
    abbreviation: Text = Field(
        alias="viet_tat", examples=["ĐU", "TU", "UBND"], description="Chữ viết tắt trong số ký hiệu"
    )


class Signature(_Model):
    """Authority, position and signer of the signature block."""

    authority: Lines = Field(
        alias="tham_quyen",
        examples=["T/M ĐẢNG ỦY", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]],
        min_length=1,
        description="T/M ĐẢNG ỦY, K/T …",
    )
    position: Text | None = Field(
        None, alias="chuc_vu", examples=["BÍ THƯ", "PHÓ CHỦ TỊCH"], description="Chức vụ người ký"
    )
    name: Text | None = Field(
        None, alias="ho_ten", examples=["Mai Ngọc Dinh"], description="Họ tên người ký"
    )


class Annex(_Model):
    """One annex (phụ lục), printed after the signature on pages of its own."""

    title: Text = Field(
        alias="tieu_de",
        examples=["PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC"],
        description="Tên phụ lục (in đậm, chữ hoa, giữa trang)",
    )
    attached: bool | Text = Field(
        True,
        alias="kem_theo",
        examples=[True, "Kèm theo Kế hoạch số 15/KH-UBND ngày 05/02/2026 của UBND tỉnh"],
        description=(
            "true: dòng '(Kèm theo Kế hoạch số …/KH-… ngày … của …)' lập từ loại, số, ngày và"
            " cơ quan ban hành của văn bản (để trống khi chưa có số, ngày); hoặc ghi cả dòng;"
            " false: không in"
        ),
    )
    issuer: Text | None = Field(
        None,
        alias="cua",
        examples=["Sở Công Thương", "Ủy ban nhân dân tỉnh"],
        description="Cơ quan sau chữ 'của' trong dòng kèm theo; bỏ trống: lấy từ tên cơ quan",
    )
    orientation: Orientation | None = Field(
        None,
        alias="huong",
        examples=["ngang"],
        description=f"ngang | doc; bỏ trống: ngang khi bảng có từ {WIDE_COLUMNS} cột trở lên",
    )
    sections: list[Section] = Field(
        [],
        alias="noi_dung",
        examples=[[{"tieu_de": "Yêu cầu", "doan": ["…"]}]],
        description="Phần lời (như noi_dung của văn bản), in trước bảng",
    )
    table: AnnexTable | None = Field(
        None,
        alias="bang",
        examples=[{"cot": ["STT", "Nhiệm vụ", "Thời gian"], "dong": [[1, "…", "Quý I"]]}],
        description="Bảng của phụ lục: các cột (cot) và các dòng (dong)",
    )
    notes: Lines = Field(
        [],
        alias="ghi_chu",
        examples=[["Ghi chú: Các cơ quan báo cáo kết quả trước ngày 25 hằng tháng."]],
        description="Các đoạn ghi chú sau bảng",
    )

    @property
    def landscape(self) -> bool:
        if self.orientation is not None:
            return self.orientation == "ngang"
        return self.table is not None and len(self.table.leaves()) >= WIDE_COLUMNS


class Program(_Model):
    """A whole work program (chương trình công tác)."""

    system: Text = Field(
        "dang",
        alias="he_thong",
        examples=["dang", "nha-nuoc", "dang-2018"],
        description="dang | nha-nuoc | dang-2018 …",
    )
    kind: Text = Field(
        "CTr", alias="loai", examples=["CTr", "KH"], description="Viết tắt loại văn bản (CTr, KH…)"
    )
    kind_name: Text | None = Field(
        None,
        alias="ten_loai",
        examples=["CHƯƠNG TRÌNH HÀNH ĐỘNG"],
        description="Tên loại khác mặc định",
    )
    attached_to: Text | None = Field(
        None,
        alias="kem_theo",
        examples=["Ban hành kèm theo Quyết định số 2384/QĐ-UBND ngày 20/9/2013 của UBND tỉnh"],
        description="Ban hành kèm theo …",
    )
    presentation: Literal["van-ban", "bang"] = Field(
        "van-ban",
        alias="trinh_bay",
        examples=["van-ban", "bang"],
        description="van-ban (văn xuôi) | bang (bảng)",
    )
    table_columns: (
        list[
            Annotated[
                TableColumn,
                BeforeValidator(_column, json_schema_input_type=str | dict[str, str | float]),
            ]
        ]
        | None
    ) = Field(
        None,
        alias="cot_bang",
        min_length=1,
        examples=[["stt", "noi_dung", {"chu_tri": "Người thực hiện"}, "ghi_chu"]],
        description="Các cột của bảng: stt, noi_dung, chu_tri, phoi_hop, thoi_gian, ghi_chu",
    )
    organization: Organization = Field(
        alias="co_quan",
        examples=[
            {
                "cap_tren": "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
                "ten": "ĐẢNG ỦY VĂN PHÒNG",
                "viet_tat": "ĐU",
            }
        ],
        description="Cơ quan ban hành",
    )
    number: Text | None = Field(
        None, alias="so", examples=[36], description="Số văn bản; bỏ trống khi dự thảo"
    )
    place: Text = Field(alias="dia_danh", examples=["Đồng Tháp"], description="Địa danh")
    date: Annotated[
        dt.date | int, BeforeValidator(_program_date, json_schema_input_type=int | str)
    ] = Field(
        alias="ngay",
        examples=["2023-02-01", 2024],
        description="Ngày ban hành (2023-02-01) hoặc chỉ năm (2023) khi dự thảo",
    )
    draft: Annotated[bool | int, BeforeValidator(_draft, json_schema_input_type=bool | int)] = (
        Field(
            False,
            alias="du_thao",
            examples=[True, 2],
            description="true → 'Dự thảo'; số n → 'Dự thảo lần n'",
        )
    )
    summary: Text = Field(
        alias="trich_yeu",
        examples=["Công tác tháng 02 năm 2023 của Đảng ủy"],
        description="Trích yếu nội dung",
    )
    grounds: Lines = Field(
        [],
        alias="can_cu",
        examples=[["Căn cứ Kế hoạch công tác năm 2023 của Đảng ủy Khối,"]],
        description="Các căn cứ, mỗi mục một đoạn",
    )
    opening: Text | None = Field(
        None,
        alias="mo_dau",
        examples=["Đảng ủy đề ra chương trình công tác trọng tâm tháng 02 năm 2023 như sau:"],
        description="Đoạn mở đầu",
    )
    body: list[Section] = Field(
        [],
        alias="noi_dung",
        examples=[[{"tieu_de": "Công tác giáo dục chính trị tư tưởng.", "muc": ["…"]}]],
        description="Nội dung: danh sách các phần",
    )
    closing: Text | None = Field(
        None,
        alias="ket_luan",
        examples=["Đề nghị Chi ủy các Chi bộ trực thuộc triển khai thực hiện."],
        description="Đoạn kết",
    )
    recipients: Lines = Field(
        alias="noi_nhan",
        examples=[["Ban Thường vụ Đảng uỷ Khối", "Các Chi bộ trực thuộc", "Lưu Đảng uỷ"]],
        min_length=1,
        description="Nơi nhận, 'Lưu …' cuối",
    )
    signature: Signature = Field(
        alias="ky",
        examples=[{"tham_quyen": "T/M ĐẢNG ỦY", "chuc_vu": "BÍ THƯ", "ho_ten": "Mai Ngọc Dinh"}],
        description="Khối chữ ký",
    )
    circulation: Text | None = Field(
        None,
        alias="pham_vi_luu_hanh",
        examples=["Không phổ biến trên phương tiện thông tin đại chúng"],
        description="Chỉ dẫn phạm vi lưu hành, in cuối văn bản (HD 05: cuối trang cuối)",
    )
    item_style: ItemStyle | None = Field(
        None,
        alias="kieu_muc",
        examples=["-", "(1)"],
        description="Kiểu đánh dấu mục cho cả văn bản",
    )
    annexes: list[Annex] = Field(
        [],
        alias="phu_luc",
        examples=[
            [
                {
                    "tieu_de": "Phân công nhiệm vụ thực hiện Kế hoạch",
                    "bang": {
                        "cot": ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian"],
                        "dong": [{"nhom": "I. NHIỆM VỤ CHUNG"}, [1, "…", "Sở Nội vụ", "Quý I"]],
                    },
                }
            ]
        ],
        description="Các phụ lục, in sau chữ ký, mỗi phụ lục từ một trang mới",
    )

    @property
    def draft_round(self) -> int | None:
        """n of 'Dự thảo lần n', or None."""
        return None if isinstance(self.draft, bool) else self.draft

    @property
    def is_draft(self) -> bool:
        return self.draft is not False

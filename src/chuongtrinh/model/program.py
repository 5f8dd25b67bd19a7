"""The YAML contract as pydantic models: English names in code, Vietnamese keys as aliases."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from chuongtrinh.model.annex import Annex
from chuongtrinh.model.body import HeadingLabels, Item, Note, Section, SectionEntry
from chuongtrinh.model.fields import (
    BrokenText,
    ItemLabels,
    LeadLines,
    Lines,
    Model,
    ProgramDate,
    Text,
    draft_flag,
    empty_list,
    program_date,
)
from chuongtrinh.model.parts import Info, Organization, Signature, TableColumn, column

__all__ = [
    "Annex",
    "Item",
    "Note",
    "Organization",
    "Program",
    "Section",
    "Signature",
    "TableColumn",
]

# The standard parts a document may leave out (`khong_in`).
Part = Literal["phan_dau", "so", "ngay", "noi_nhan", "ky", "dau_ket"]


class Program(Model):
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
                BeforeValidator(column, json_schema_input_type=str | dict[str, str | float]),
            ]
        ]
        | None
    ) = Field(
        None,
        alias="cot_bang",
        min_length=1,
        examples=[["stt", "noi_dung", {"chu_tri": "Người thực hiện"}, "ghi_chu"]],
        description="Các cột của bảng: stt, noi_dung, chu_tri, phoi_hop, thoi_gian, thuc_hien,"
        " ghi_chu; lịch công tác: dia_diem, thanh_phan, chuan_bi",
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
        ProgramDate, BeforeValidator(program_date, json_schema_input_type=int | str)
    ] = Field(
        alias="ngay",
        examples=["2023-02-01", "2026-03", 2024],
        description="Ngày ban hành (2023-02-01); chỉ tháng (2026-03 hoặc 03/2026) để trống ngày;"
        " hoặc chỉ năm (2023) khi dự thảo",
    )
    draft: Annotated[bool | int, BeforeValidator(draft_flag, json_schema_input_type=bool | int)] = (
        Field(
            False,
            alias="du_thao",
            examples=[True, 2],
            description="true → 'Dự thảo'; số n → 'Dự thảo lần n'",
        )
    )
    summary: BrokenText = Field(
        alias="trich_yeu",
        examples=["Công tác tháng 02 năm 2023 của Đảng ủy", ["Hội nghị sơ kết", "công tác quý I"]],
        description="Trích yếu nội dung; danh sách hoặc khối '|' giữ nguyên các dòng",
    )
    subtitle: Lines = empty_list(
        alias="tieu_de_phu",
        examples=["(Chiều ngày 19/3/2026)", ["(Giai đoạn 2021 - 2025)"]],
        description="Các dòng dưới trích yếu, in nguyên như gõ",
    )
    info: Info | None = Field(
        None,
        alias="thong_tin",
        examples=[{"thoi_gian": "14 giờ 00, ngày 19/3/2026", "dia_diem": "Hội trường Đảng ủy"}],
        description="Thời gian, địa điểm, chủ trì, thành phần (chương trình hội nghị)",
    )
    grounds: Lines = empty_list(
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
    body: list[SectionEntry] = empty_list(
        alias="noi_dung",
        examples=[[{"tieu_de": "Công tác giáo dục chính trị tư tưởng.", "muc": ["…"]}]],
        description="Nội dung: danh sách các phần; một dòng chữ là một đoạn văn tự do",
    )
    closing: Lines = empty_list(
        alias="ket_luan",
        examples=["Đề nghị Chi ủy các Chi bộ trực thuộc triển khai thực hiện."],
        description="Đoạn kết (một hoặc nhiều đoạn); './.' sau đoạn cuối",
    )
    addressees: Lines = empty_list(
        alias="kinh_gui",
        examples=[["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]],
        description="Kính gửi: các nơi được gửi (giấy mời, công văn), in dưới trích yếu; một nơi:"
        " cùng dòng với 'Kính gửi:', nhiều nơi: mỗi nơi một dòng '- …'",
    )
    recipients: Lines = empty_list(
        alias="noi_nhan",
        examples=[["Ban Thường vụ Đảng uỷ Khối", "Các Chi bộ trực thuộc", "Lưu Đảng uỷ"]],
        description="Nơi nhận, 'Lưu …' cuối; bỏ trống: không in",
    )
    signature: Signature | None = Field(
        None,
        alias="ky",
        examples=[{"tham_quyen": "T/M ĐẢNG ỦY", "chuc_vu": "BÍ THƯ", "ho_ten": "Mai Ngọc Dinh"}],
        description="Khối chữ ký; bỏ trống: không in",
    )
    circulation: Text | None = Field(
        None,
        alias="pham_vi_luu_hanh",
        examples=["Không phổ biến trên phương tiện thông tin đại chúng"],
        description="Chỉ dẫn phạm vi lưu hành, in cuối văn bản (HD 05: cuối trang cuối)",
    )
    item_style: ItemLabels | None = Field(
        None,
        alias="kieu_muc",
        examples=["-", "(1)", ["-", "+"]],
        description="Ký hiệu mục cho cả văn bản; danh sách: theo cấp mục",
    )
    heading_labels: HeadingLabels | None = Field(
        None,
        alias="danh_so",
        examples=[["A.", "I.", "1.", "1.1.", "a)"]],
        description="Ký hiệu tiêu đề theo cấp (mặc định: của bộ quy tắc): A., I., 1., 1.1.,"
        " a), a., (1), 1), -, +, *, •, Phần thứ nhất",
    )
    lead_lines: LeadLines | None = Field(
        None,
        alias="dong_chu_tri",
        examples=["nhom", "moi-muc", "khong"],
        description="Dòng cơ quan chủ trì: nhom (mặc định, sau mỗi nhóm mục cùng cơ quan),"
        " moi-muc (sau mỗi mục), khong",
    )
    omit: list[Part] = empty_list(
        alias="khong_in",
        examples=[["so", "noi_nhan"]],
        description="Các phần không in: phan_dau, so, ngay, noi_nhan, ky, dau_ket",
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

    def prints(self, part: Part) -> bool:
        """Whether a standard part is printed (not listed in `khong_in`)."""
        return part not in self.omit

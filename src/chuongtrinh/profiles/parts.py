"""The rules of a document's parts that are laid out apart from the running text: the header
table, the 'Kính gửi:' block, the closing table (recipients and signature), an agenda's
information block, and items as a table."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from chuongtrinh.profiles.bounds import BorderPt, Data, Length, Offset, Share, Size


class HeaderRules(Data):
    widths_mm: tuple[Size, Size] = Field(
        description="Độ rộng hai cột của bảng phần đầu (mm): cột cơ quan, cột quốc hiệu/tiêu đề Đảng"
    )
    indent_mm: Offset = Field(
        0, description="Bảng phần đầu lùi so với lề trái (mm; số âm: lấn vào lề)"
    )
    banner: str = Field(
        description="Dòng trên cùng bên phải: ĐẢNG CỘNG SẢN VIỆT NAM hoặc quốc hiệu"
    )
    motto: str | None = Field(
        None, description="Tiêu ngữ dưới quốc hiệu (văn bản Nhà nước): Độc lập - Tự do - Hạnh phúc"
    )
    star: str = Field(
        description="Dấu dưới tên cơ quan ban hành của Đảng ('*'); để trống nếu kẻ đường thay dấu sao"
    )
    date_gap_lines: Annotated[int, Field(ge=0, le=10)] = Field(
        0, description="Số dòng trống giữa dòng trên cùng bên phải và dòng địa danh, ngày tháng"
    )
    draft_on_top: bool = Field(
        False,
        description="Dấu dự thảo đặt trong khung phía trên phần đầu (thói quen Nhà nước), thay vì dưới số",
    )


class ClosingRules(Data):
    widths_mm: tuple[Size, Size] = Field(
        description="Độ rộng hai cột của bảng cuối (mm): nơi nhận, chữ ký"
    )
    indent_mm: Offset = Field(0, description="Bảng cuối lùi so với lề trái (mm)")
    signing_lines: Annotated[int, Field(ge=0, le=20)] = Field(description="Số dòng trống để ký tay")
    label_underline: bool = Field(description="Gạch chân chữ 'Nơi nhận' (không gạch dấu ':')")
    keep_together: bool = Field(False, description="Giữ nơi nhận và chữ ký trên cùng một trang")
    authority_required: bool = Field(
        True,
        description="Chữ ký luôn có thẩm quyền ký (T/M …: văn bản Đảng); false: người đứng đầu"
        " ký thẳng, không ghi TM./KT. (NĐ 30)",
    )


class AddresseeRules(Data):
    """The 'Kính gửi:' block under the summary: a borderless table, the label in its narrow
    column, the addressees one under the other in the wide one (as UBND invitations print it,
    real file 13), the block set in from the left margin."""

    widths_mm: tuple[Size, Size] = Field(
        (26, 115), description="Độ rộng hai cột (mm): chữ 'Kính gửi:', các nơi được gửi"
    )
    indent_mm: Offset = Field(15, description="Khối lùi so với lề trái (mm)")


class InfoRules(Data):
    """The information block of an agenda: 'Thời gian: …', 'Địa điểm: …'."""

    labels: dict[str, str] = Field(
        description="Nhãn của thoi_gian, dia_diem, chu_tri, thanh_phan (Thời gian, Địa điểm…)"
    )
    label_bold: bool = Field(True, description="In đậm nhãn ('Thời gian:')")
    bullet: str = Field("- ", description="Chữ đầu mỗi dòng khi giá trị là danh sách")


class TableColumn(Data):
    title: str = Field(description="Tiêu đề cột")
    width: Share = Field(description="Phần độ rộng của cột; các cột được co giãn cho vừa khổ chữ")


class TableRules(Data):
    """The items of `trinh_bay: bang`: which fields become columns, their titles and shares."""

    columns: dict[str, TableColumn] = Field(
        description="Các cột có thể dùng (stt, noi_dung, chu_tri, phoi_hop, thoi_gian, thuc_hien,"
        " ghi_chu, dia_diem, thanh_phan, chuan_bi)"
    )
    default: tuple[str, ...] = Field(
        description="Các cột mặc định khi chương trình không ghi cot_bang"
    )
    border_pt: BorderPt = Field(description="Độ dày đường viền bảng (pt)")
    padding_mm: Length = Field(description="Khoảng cách chữ trong ô với đường viền (mm)")


def default_info() -> InfoRules:
    """The information block's labels when a rule set names none. A factory, not a default
    value: making an InfoRules when this module is imported would build its schema (and load
    pydantic's plugin machinery) on every run, though a cached rule set never needs it."""
    return InfoRules(
        labels={
            "thoi_gian": "Thời gian",
            "dia_diem": "Địa điểm",
            "chu_tri": "Chủ trì",
            "thanh_phan": "Thành phần",
        }
    )

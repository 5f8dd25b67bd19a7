"""The parts of a programme around its body: issuer, signature, an agenda's information block,
the columns of a table."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from chuongtrinh.model.fields import Lines, Model, Text, empty_list

ColumnField = Literal[
    "stt",
    "noi_dung",
    "chu_tri",
    "phoi_hop",
    "thoi_gian",
    "thuc_hien",
    "ghi_chu",
    "dia_diem",
    "thanh_phan",
    "chuan_bi",
]


class TableColumn(Model):
    """One column of `trinh_bay: bang`: an item field, and optionally its own title and width."""

    field: ColumnField = Field(
        alias="truong",
        description="stt, noi_dung, chu_tri, phoi_hop, thoi_gian, thuc_hien, ghi_chu, dia_diem,"
        " thanh_phan, chuan_bi",
    )
    title: Text | None = Field(None, alias="tieu_de", description="Tên cột in trên bảng")
    width: float | None = Field(
        None, alias="rong", gt=0, le=1000, allow_inf_nan=False, description="Độ rộng tương đối"
    )


def column(value: Any) -> Any:
    """`chu_tri` or `{chu_tri: Người thực hiện}` are short for `{truong: chu_tri, tieu_de: …}`."""
    if isinstance(value, str):
        return {"truong": value}
    if isinstance(value, dict) and len(value) == 1 and "truong" not in value:
        ((name, title),) = value.items()
        return {"truong": name, "tieu_de": title}
    return value


class Organization(Model):
    """The issuing body as printed in the header."""

    superior: Lines = empty_list(
        alias="cap_tren",
        examples=["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", ["ỦY BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NINH"]],
        description="Cơ quan cấp trên: một dòng, hoặc danh sách các dòng như khi in",
    )
    name: Lines = Field(
        alias="ten",
        examples=[
            "ĐẢNG ỦY VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH",
            ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"],
        ],
        min_length=1,
        description="Tên cơ quan ban hành: một dòng, hoặc danh sách các dòng như khi in",
    )
    abbreviation: Text = Field(
        alias="viet_tat", examples=["ĐU", "TU", "UBND"], description="Chữ viết tắt trong số ký hiệu"
    )


class Signature(Model):
    """Authority, position and signer of the signature block."""

    authority: Lines = empty_list(
        alias="tham_quyen",
        examples=["T/M ĐẢNG ỦY", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "BAN TỔ CHỨC"],
        description="T/M ĐẢNG ỦY, K/T …; bỏ trống khi ký không có dòng thẩm quyền",
    )
    position: Text | None = Field(
        None, alias="chuc_vu", examples=["BÍ THƯ", "PHÓ CHỦ TỊCH"], description="Chức vụ người ký"
    )
    name: Text | None = Field(
        None, alias="ho_ten", examples=["Mai Ngọc Dinh"], description="Họ tên người ký"
    )


# Text, or a list that prints as "- …" lines under its label.
InfoValue = Text | list[Text]


class InfoEntry(Model):
    """A line of an agenda's information block with a label of the office's own."""

    label: Text = Field(alias="nhan", examples=["Trang phục"], description="Nhãn in đậm")
    value: InfoValue = Field(
        alias="noi_dung",
        examples=["Áo sơ mi trắng"],
        description="Nội dung: một dòng, hoặc danh sách in thành các dòng '- …'",
    )


class Info(Model):
    """Time, place, chair and participants of a meeting, printed under the title."""

    time: InfoValue | None = Field(
        None,
        alias="thoi_gian",
        examples=["14 giờ 00, thứ Năm, ngày 19/3/2026"],
        description="Thời gian",
    )
    place: InfoValue | None = Field(
        None, alias="dia_diem", examples=["Hội trường Đảng ủy xã"], description="Địa điểm"
    )
    chair: InfoValue | None = Field(
        None, alias="chu_tri", examples=["Đồng chí Bí thư Đảng ủy"], description="Chủ trì"
    )
    participants: InfoValue | None = Field(
        None,
        alias="thanh_phan",
        examples=[["Ban Chấp hành Đảng bộ xã", "Bí thư các chi bộ trực thuộc"]],
        description="Thành phần",
    )
    other: list[InfoEntry] = empty_list(
        alias="khac",
        examples=[[{"nhan": "Trang phục", "noi_dung": "Áo sơ mi trắng"}]],
        description="Các dòng khác, mỗi dòng một nhãn và nội dung",
    )

    def entries(self) -> list[tuple[tuple[str | int, ...], str | None, InfoValue]]:
        """(key, own label or None for a fixed one, value) in the printed order."""
        fixed = (
            ("thoi_gian", self.time),
            ("dia_diem", self.place),
            ("chu_tri", self.chair),
            ("thanh_phan", self.participants),
        )
        found: list[tuple[tuple[str | int, ...], str | None, InfoValue]] = [
            ((name,), None, value) for name, value in fixed if value is not None
        ]
        return found + [(("khac", i), e.label, e.value) for i, e in enumerate(self.other)]

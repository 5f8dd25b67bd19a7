"""Programs made up for a test: a small base to vary, a big one, and finding a line in them."""

from __future__ import annotations

from typing import Any

import yaml

from chuongtrinh import api
from chuongtrinh.layout.blocks import Document
from helpers.examples import EXAMPLES, MONTHLY

EXAMPLE = EXAMPLES / f"{MONTHLY}.yaml"
TAIL = (
    " Phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện đúng tiến độ, bảo đảm chất"
    " lượng, hiệu quả và báo cáo kết quả về Thường trực."
)

# The smallest valid Party program: a test adds or replaces the keys it is about.
BASE: dict[str, Any] = {
    "co_quan": {"ten": "ĐẢNG ỦY CƠ QUAN", "viet_tat": "ĐU"},
    "so": 7,
    "dia_danh": "Đồng Tháp",
    "ngay": "2023-03-05",
    "trich_yeu": "Công tác tháng 3 năm 2023",
    "noi_nhan": ["Ban Thường vụ", "Lưu Đảng ủy"],
    "ky": {"tham_quyen": "T/M ĐẢNG ỦY", "chuc_vu": "BÍ THƯ", "ho_ten": "Nguyễn Văn A"},
}


def lay_out(**changes: Any) -> Document:
    """The layout blocks of BASE with `changes`."""
    data = {**BASE, **changes}
    return api.layout(api.compile_text(yaml.safe_dump(data, allow_unicode=True), "t.yaml"))


def line_of(text: str, fragment: str) -> int:
    """1-based number of the first line containing `fragment`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def big_program(items: int) -> str:
    """The monthly example with `items` items (about 280 bytes each) in 12 sections."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["noi_dung"] = [
        {
            "tieu_de": f"Nhiệm vụ tháng {month}.",
            "muc": [
                f"Công việc số {n} của tháng {month}, triển khai theo kế hoạch đã đề ra.{TAIL}"
                for n in range(items // 12)
            ],
        }
        for month in range(1, 13)
    ]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)

"""Generated programs for the tests that need a large input."""

from __future__ import annotations

from pathlib import Path

import yaml

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "thang-02-2023.yaml"
TAIL = (
    " Phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện đúng tiến độ, bảo đảm chất"
    " lượng, hiệu quả và báo cáo kết quả về Thường trực."
)


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

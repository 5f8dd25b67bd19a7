"""Drafts of the two table examples (`trinh_bay: bang`), each edited one way: what the table
redline tests diff, in Python and in LibreOffice."""

from __future__ import annotations

from pathlib import Path

from helpers.examples import CHI_BO, EXAMPLES, YEARLY_TABLE

_THU = "      - noi_dung: Thu đảng phí quý I năm 2026, nộp về Đảng ủy phường.\n"
_ITEM_THU = _THU + "        chu_tri: Đ/c Chi ủy viên\n" + "        ghi_chu: Trước ngày 25/3\n"
_NEW_ITEM = (
    "      - noi_dung: Rà soát, cập nhật danh sách đảng viên miễn sinh hoạt.\n"
    "        chu_tri: Chi ủy\n"
)
_QUAN_TRIET = "      - noi_dung: Quán triệt Nghị quyết Đại hội"

# name → (program, [(old text, new text), …]) applied to the example to make the new revision.
CASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "item-edited": (CHI_BO, [("năm 2026, nộp về", "năm 2026 đầy đủ, nộp về")]),
    "lead-and-note": (
        CHI_BO,
        [
            ("chu_tri: Đ/c Phó Bí thư", "chu_tri: Đ/c Bí thư Chi bộ"),
            ("ghi_chu: Trước ngày 25/3", "ghi_chu: Trước ngày 20/3"),
            ("        ghi_chu: Chủ nhật cuối tháng\n", ""),
        ],
    ),
    "row-added": (CHI_BO, [(_QUAN_TRIET, _NEW_ITEM + _QUAN_TRIET)]),
    "row-deleted": (CHI_BO, [(_ITEM_THU, "")]),
    "group-renamed": (
        CHI_BO,
        [("tieu_de: Công tác xây dựng Đảng", "tieu_de: Công tác xây dựng Đảng, chính quyền")],
    ),
    "ket-luan": (CHI_BO, [("Các đồng chí đảng viên", "Toàn thể đảng viên")]),
    "item-moved": (
        CHI_BO,
        [
            (_ITEM_THU, ""),
            (
                "  - tieu_de: Lãnh đạo thực hiện nhiệm vụ ở khu phố\n    muc:\n",
                "  - tieu_de: Lãnh đạo thực hiện nhiệm vụ ở khu phố\n    muc:\n" + _ITEM_THU,
            ),
        ],
    ),
    "yearly-many": (
        YEARLY_TABLE,
        [
            ("phối hợp và thời gian", "phối hợp, thời gian"),
            ("tieu_de: Quý III", "tieu_de: Quý III (dự kiến)"),
            ("tháng 7/2027", "tháng 8/2027"),
            ("nhiệm vụ của các chi bộ khu dân cư.", "nhiệm vụ của các chi bộ."),
            (
                "          - noi_dung: Hội nghị Ban Chấp hành sơ kết",
                "          - noi_dung: Tổng kết phong trào thi đua.\n"
                "            chu_tri: Mặt trận Tổ quốc xã\n"
                "          - noi_dung: Hội nghị Ban Chấp hành sơ kết",
            ),
            ("báo cáo Ban Thường vụ Đảng ủy hằng quý", "báo cáo Ban Thường vụ hằng tháng"),
        ],
    ),
    "yearly-row-deleted": (
        YEARLY_TABLE,
        [
            (
                "          - noi_dung: Tổ chức các hoạt động kỷ niệm 97 năm Ngày thành lập Đảng"
                " Cộng sản Việt Nam.\n"
                "            chu_tri: Ban Xây dựng Đảng\n"
                "            phoi_hop: Mặt trận Tổ quốc xã\n"
                "            thoi_gian: tháng 02/2027\n",
                "",
            )
        ],
    ),
    "chi-bo-all": (
        CHI_BO,
        [
            ("năm 2026, nộp về", "năm 2026 đầy đủ, nộp về"),
            ("chu_tri: Đ/c Phó Bí thư", "chu_tri: Đ/c Bí thư Chi bộ"),
            (_QUAN_TRIET, _NEW_ITEM + _QUAN_TRIET),
            (
                "      - noi_dung: Phân công đảng viên giúp đỡ quần chúng ưu tú Nguyễn Văn B"
                " phấn đấu vào Đảng.\n        chu_tri: Chi ủy\n",
                "",
            ),
            ("tieu_de: Lãnh đạo thực hiện", "tieu_de: Lãnh đạo, chỉ đạo thực hiện"),
            ("Các đồng chí đảng viên", "Toàn thể đảng viên"),
        ],
    ),
    "note-added-and-edited": (
        CHI_BO,
        [
            (
                "  - tieu_de: Công tác xây dựng Đảng\n",
                "  - tieu_de: Công tác xây dựng Đảng\n"
                "    dan_nhap: Tập trung củng cố tổ chức cơ sở đảng trong tháng.\n",
            ),
        ],
    ),
    "group-added": (
        CHI_BO,
        [
            (
                "\nket_luan:",
                "  - tieu_de: Công tác kiểm tra, giám sát\n"
                "    muc:\n"
                "      - noi_dung: Kiểm tra việc chấp hành Điều lệ Đảng của đảng viên.\n"
                "        chu_tri: Chi ủy\n"
                "\nket_luan:",
            )
        ],
    ),
    "prose-to-table": (CHI_BO, [("trinh_bay: bang\n", "")]),  # reversed below
    "table-to-prose": (CHI_BO, [("trinh_bay: bang\n", "")]),
    "columns-changed": (CHI_BO, [("ghi_chu]", "]"), ("năm 2026, nộp", "năm 2026 đầy đủ, nộp")]),
}


def revisions(folder: Path, name: str) -> tuple[Path, Path]:
    """The old and the new YAML of case `name`, written in `folder`."""
    program, edits = CASES[name]
    old, new = edited_pair(folder, program, edits)
    if name == "prose-to-table":
        return new, old
    return old, new


def edited_pair(folder: Path, program: str, edits: list[tuple[str, str]]) -> tuple[Path, Path]:
    """The example `program` as it is (old) and with each `(before, after)` edit made once
    (new), written in `folder`."""
    text = (EXAMPLES / f"{program}.yaml").read_text(encoding="utf-8")
    edited = text
    for before, after in edits:
        assert before in edited, before
        edited = edited.replace(before, after, 1)
    old, new = folder / "cu.yaml", folder / "moi.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(edited, encoding="utf-8")
    return old, new

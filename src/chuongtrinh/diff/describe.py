"""Each change in one Vietnamese phrase, and the short list a văn phòng pastes into a tờ trình."""

from __future__ import annotations

from collections.abc import Sequence

from chuongtrinh.diff.changes import Change
from chuongtrinh.diff.words import Piece, tokens

# What a paragraph outside sections and items is, by its YAML key (or layout role).
PARTS = {
    "can_cu": "căn cứ",
    "mo_dau": "đoạn mở đầu",
    "ket_luan": "đoạn kết",
    "doan": "đoạn văn",
    "dan_nhap": "câu dẫn",
    "noi_nhan": "nơi nhận",
    "trich_yeu": "trích yếu",
    "so": "số văn bản",
    "ngay": "dòng địa danh, ngày tháng",
    "du_thao": "dấu dự thảo",
    "loai": "tên loại văn bản",
    "kem_theo": "dòng ban hành kèm theo",
    "tham_quyen": "thẩm quyền ký",
    "chuc_vu": "chức vụ người ký",
    "ho_ten": "họ tên người ký",
    "superior": "tên cơ quan cấp trên",
    "issuer": "tên cơ quan ban hành",
    "tieu_de_phu": "dòng dưới trích yếu",
    "kinh_gui": "nơi kính gửi",
    "phan": "tên phần",
    # An agenda's information block (thong_tin).
    "thoi_gian": "thời gian",
    "dia_diem": "địa điểm",
    "chu_tri": "chủ trì",
    "thanh_phan": "thành phần",
    "khac": "dòng thông tin",
    "ghi_chu": "ghi chú",
}
FIELDS = {
    "chu_tri": "cơ quan chủ trì",
    "phoi_hop": "cơ quan phối hợp",
    "thoi_gian": "thời gian",
    "ghi_chu": "ghi chú",
    "thuc_hien": "người thực hiện",
    "dia_diem": "địa điểm",
    "thanh_phan": "thành phần",
    "chuan_bi": "cơ quan chuẩn bị",
}
_SHORT = 60


def _in(at: str | None) -> str:
    """' phần II.3'; ' phụ lục II' and ' phần 1 phụ lục II' as they are."""
    if not at:
        return ""
    return f" {at}" if at.startswith("phụ lục") else f" phần {at}"


def _row(change: Change) -> str:
    number = change.new_label or change.old_label
    return f"dòng {number}" if number else "dòng"


def _section(at: str | None) -> str:
    """'II.3' as it is (clearly a part), a bare '2' as 'phần 2'."""
    if not at:
        return "phần không tiêu đề"
    return at if "." in at else f"phần {at}"


def _quoted(text: str | None) -> str:
    if not text:
        return ""
    return f" “{text}”" if len(text) <= _SHORT else f" “{text[: _SHORT - 1].rstrip()}…”"


def gist(words: Sequence[Piece]) -> tuple[str, str] | None:
    """The changed stretch of both texts with one word before it: ('tháng 8/2024', 'tháng 9/2024')."""
    changed = [n for n, piece in enumerate(words) if piece.op != "equal"]
    if not changed:
        return None
    first, last = changed[0], changed[-1]
    before = tokens(words[first - 1].text)[-1] if first and words[first - 1].op == "equal" else ""
    span = words[first : last + 1]
    old = before + "".join(p.text for p in span if p.op != "insert")
    new = before + "".join(p.text for p in span if p.op != "delete")
    return _balanced(old.strip()), _balanced(new.strip())


def _balanced(text: str) -> str:
    """Drop a closing bracket whose opening one lies outside the quoted stretch."""
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    return text


def _what_changed(change: Change) -> str:
    """': “lần 1” thành “lần 2”': both texts when short, else the changed stretch when that is
    short, else ''."""
    if change.old and change.new and max(len(change.old), len(change.new)) <= _SHORT:
        return f": “{change.old}” thành “{change.new}”"
    found = gist(change.words)
    if found is None or max(len(found[0]), len(found[1])) > _SHORT:
        return ""
    return f": “{found[0]}” thành “{found[1]}”"


def _part(change: Change) -> str:
    part = PARTS.get(change.field or "", change.field or "đoạn")
    return part + _in(change.new_at or change.old_at)


def phrase(change: Change) -> str:
    """'Thêm mục (3) vào phần II.2', 'Chuyển mục (4) từ II.3 sang II.4 (nay là mục (2))', …"""
    c = change
    match c.kind:
        case "section-added":
            return f"Thêm phần {c.new_at or ''}{_quoted(c.new)}".replace("  ", " ")
        case "section-removed":
            return f"Bỏ phần {c.old_at or ''}{_quoted(c.old)}".replace("  ", " ")
        case "section-renamed":
            return f"Sửa tiêu đề phần {c.new_at}{_what_changed(c)}"
        case "section-moved":
            return f"Chuyển phần{_quoted(c.new)} từ {_section(c.old_at)} sang {_section(c.new_at)}"
        case "style-changed":
            where = f" phần {c.new_at}" if c.new_at else ""
            before, after = c.old or "mặc định", c.new or "mặc định"
            return f"Đổi kiểu đánh dấu mục{where}: “{before}” thành “{after}”"
        case "item-added":
            return f"Thêm mục {c.new_label}" + (f" vào phần {c.new_at}" if c.new_at else "")
        case "item-removed":
            return f"Bỏ mục {c.old_label}{_in(c.old_at)}{_quoted(c.old)}"
        case "item-moved":
            if c.old_at != c.new_at:
                moved = (
                    f"Chuyển mục {c.old_label} từ {_section(c.old_at)} sang {_section(c.new_at)}"
                )
                return moved + (
                    "" if c.old_label == c.new_label else f" (nay là mục {c.new_label})"
                )
            return f"Chuyển mục {c.old_label}{_in(c.new_at)} thành mục {c.new_label}"
        case "item-edited":
            return f"Sửa nội dung mục {c.new_label}{_in(c.new_at)}{_what_changed(c)}"
        case "item-field":
            what = FIELDS.get(c.field or "", c.field or "")
            where = f"mục {c.new_label}{_in(c.new_at)}"
            if c.old is None:
                return f"Thêm {what} {where}: {c.new}"
            if c.new is None:
                return f"Bỏ {what} {where} ({c.old})"
            return f"Đổi {what} {where}: {c.old} thành {c.new}"
        case "text-added":
            return f"Thêm {_part(c)}{_quoted(c.new)}"
        case "text-removed":
            return f"Bỏ {_part(c)}{_quoted(c.old)}"
        case "text-edited":
            return f"Sửa {_part(c)}{_what_changed(c)}"
        case "annex-added":
            return f"Thêm {c.new_at}{_quoted(c.new)}"
        case "annex-removed":
            return f"Bỏ {c.old_at}{_quoted(c.old)}"
        case "annex-renamed":
            return f"Sửa tên {c.new_at}{_what_changed(c)}"
        case "row-added":
            return f"Thêm {_row(c)} vào bảng {c.new_at}{_quoted(c.new)}"
        case "row-removed":
            return f"Bỏ {_row(c)} ở bảng {c.old_at}{_quoted(c.old)}"
        case "row-edited":
            return f"Sửa {_row(c)} ở bảng {c.new_at}{_what_changed(c)}"
    raise AssertionError(c.kind)


def summary(changes: Sequence[Change]) -> list[str]:
    """One line per change, ';' between them and '.' after the last, ready to paste."""
    phrases = [phrase(c) for c in changes]
    return [f"- {text}{'.' if n == len(phrases) - 1 else ';'}" for n, text in enumerate(phrases)]

"""The header phase: draft marker, banner or motto, number line, date line, the issuing body;
and, once the closing is read too, the family (Party or State) the document belongs to."""

from __future__ import annotations

import datetime as dt
import re

from chuongtrinh.importer.reading import Para
from chuongtrinh.importer.state import State
from chuongtrinh.importer.text import DECORATION, pieces
from chuongtrinh.profiles.recognise import DEFAULT_FAMILY

Evidence = tuple[str, str] | None  # (family, what showed it)
Line = tuple[str, bool, str | None]  # a name line: text, bold, role


def read_header(state: State, paras: list[Para]) -> tuple[Evidence, Evidence]:
    """Fill the header's keys; return what the banner and the number's form say of the family."""
    phrases = state.phrases
    org: list[Line] = []
    family: Evidence = None
    number_form: Evidence = None
    for para in paras:
        for _, line in pieces(para, phrases):
            if DECORATION.match(line):
                continue
            if match := next((m for p in phrases.draft if (m := p.match(line))), None):
                lan = match.groupdict().get("lan")
                state.data["du_thao"] = int(lan) if lan else True
                state.guess("du_thao", state.data["du_thao"], "chắc chắn")
            elif shown := phrases.banner_family(line):
                family = family or (shown, f"dòng '{line}'")
            elif found := _number_line(state, line):
                number_form = (found[0], f"số dạng '{line}'")
                _number(state, found[1])
            elif match := next((m for p in phrases.dates.line if (m := p.match(line))), None):
                _date(state, match)
            elif line == line.upper() and any(c.isalpha() for c in line):
                org.append((line, para.all_bold, para.role))
            else:
                state.leave(para, "phần đầu văn bản", line)
    _organization(state, org)
    return family, number_form


def decide_family(state: State, banner: Evidence, number: Evidence) -> None:
    """Party or State: the banner or motto says it; else the number's form ('Số 36-CTr/ĐU'
    or 'Số: 15/CTr-UBND'); else the signature ('T/M' Party, 'TM.' State)."""
    authority = state.data.get("ky", {}).get("tham_quyen", "")
    authority = authority if isinstance(authority, str) else " ".join(authority)
    signed = state.phrases.signature_family(str(authority))
    if banner:
        state.data["he_thong"] = banner[0]
        state.guess("he_thong", banner[0], f"chắc chắn ({banner[1]})")
    elif number:
        state.data["he_thong"] = number[0]
        state.guess("he_thong", number[0], f"khá chắc ({number[1]})")
    elif signed:
        state.data["he_thong"] = signed.name
        state.guess("he_thong", signed.name, f"đoán (thẩm quyền ký dạng '{signed.prefixes[0]}')")
    else:
        state.data["he_thong"] = DEFAULT_FAMILY
        state.guess("he_thong", DEFAULT_FAMILY, "đoán (không thấy quốc hiệu, tiêu đề hay số)")


def _number_line(state: State, line: str) -> tuple[str, re.Match[str]] | None:
    """The number line; 'Số: 58-CTr/ĐU' (a State colon in a Party number, the commonest
    slip) is read as the Party form it is, with a warning."""
    if found := state.phrases.number_line(line):
        return found
    bare = re.sub(r"^(Số)\s*:\s*", r"\1 ", line)
    found = state.phrases.number_line(bare) if bare != line else None
    if found:
        state.guess(
            "số (cảnh báo)",
            f"'{line}': dấu ':' sau 'Số' là cách viết của văn bản nhà nước; đã đọc theo dạng "
            f"'{bare}'",
            "chắc chắn — sửa khi dựng lại",
        )
    return found


def _number(state: State, match: re.Match[str]) -> None:
    if match["so"]:
        state.data["so"] = match["so"]
    state.data["loai"] = match["loai"]
    state.data.setdefault("co_quan", {})["viet_tat"] = match["viet_tat"]
    state.guess("so", match["so"] or "(để trống)", "chắc chắn")


def _date(state: State, match: re.Match[str]) -> None:
    state.data["dia_danh"] = match["dia_danh"]
    year = int(match["nam"])
    if match["ngay"] and match["thang"]:
        try:
            state.data["ngay"] = dt.date(year, int(match["thang"]), int(match["ngay"]))
        except ValueError:
            state.data["ngay"] = year
            state.guess("ngay", year, "đoán (ngày không tồn tại, chỉ giữ năm)")
            return
    elif match["thang"] and 1 <= int(match["thang"]) <= 12:  # the day left blank
        state.data["ngay"] = f"{year}-{int(match['thang']):02d}"
    else:
        state.data["ngay"] = year
    state.guess("ngay", state.data["ngay"], "chắc chắn")


def _organization(state: State, lines: list[Line]) -> None:
    org = state.data.setdefault("co_quan", {})
    if any(role for _, _, role in lines):
        superior = [t for t, _, role in lines if role == "superior"]
        names = [t for t, _, role in lines if role != "superior"]
        sure = "chắc chắn"
    elif any(bold for _, bold, _ in lines):
        first = next(i for i, (_, bold, _) in enumerate(lines) if bold)
        superior = [t for t, _, _ in lines[:first]]
        names = [t for t, _, _ in lines[first:]]
        sure = "khá chắc (dòng in đậm là cơ quan ban hành)"
    else:
        superior = [t for t, _, _ in lines[:-1]]
        names = [t for t, _, _ in lines[-1:]]
        sure = "đoán (dòng cuối là cơ quan ban hành)"
    if not names:
        names = ["(CHƯA RÕ CƠ QUAN BAN HÀNH)"]
        sure = "đoán (không thấy tên cơ quan ở phần đầu; cần điền)"
    if superior:
        org["cap_tren"] = superior[0] if len(superior) == 1 else superior
    org["ten"] = names[0] if len(names) == 1 else names
    state.guess("co_quan.ten", " / ".join(names), sure)
    if "viet_tat" not in org:
        org["viet_tat"] = "".join(w[0] for w in " ".join(names).split())
        state.guess("co_quan.viet_tat", org["viet_tat"], "đoán (không có số ký hiệu)")

"""Property: any program this tool builds imports back to the same model and text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuongtrinh import api
from helpers.importing import canonical, lines, reimport

pytestmark = pytest.mark.slow

_WORDS = [
    "công",
    "tác",
    "triển",
    "khai",
    "thực",
    "hiện",
    "nghị",
    "quyết",
    "kế",
    "hoạch",
    "đảng",
    "viên",
    "chi",
    "bộ",
    "tổ",
    "chức",
    "hội",
    "nghị",
    "sơ",
    "kết",
    "tổng",
    "kết",
    "kiểm",
    "tra",
    "giám",
    "sát",
    "cán",
    "bộ",
    "nhân",
    "dân",
    "tuyên",
    "truyền",
    "quán",
    "triệt",
    "văn",
    "bản",
    "chỉ",
    "đạo",
    "báo",
    "cáo",
    "kết",
    "quả",
    "năm",
    "tháng",
    "quý",
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "cơ",
    "sở",
]
_AGENCIES = ("Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Sở Tài chính", "Ban Dân vận")

words = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=9).map(" ".join)
sentence = words.map(lambda t: t[0].upper() + t[1:] + ".")
# Text with inline emphasis somewhere inside it ('… *chủ đề* …', '… **năm** …').
marked = st.tuples(sentence, words, st.sampled_from(["*", "**"])).map(
    lambda t: f"{t[0][:-1]} {t[2]}{t[1]}{t[2]} cơ sở."
)
rich = st.one_of(sentence, marked)
upper = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4).map(lambda w: " ".join(w).upper())
styles = st.sampled_from([None, "-", "+", "(1)", "1.", "1)", "a)"])


@st.composite
def items(draw: st.DrawFn, style: str | None, table: bool) -> list[Any]:
    count = draw(st.integers(1, 4))
    counted = style not in (None, "-", "+")
    with_leads = draw(st.booleans())
    out: list[Any] = []
    for _ in range(count):
        item: dict[str, str] = {"noi_dung": draw(rich)}
        lead = draw(st.sampled_from(_AGENCIES)) if with_leads else None
        if lead and counted and draw(st.booleans()):
            lead = None  # numbered items may mix items with and without an agency
        if lead:
            item["chu_tri"] = lead
            if draw(st.booleans()):
                item["phoi_hop"] = draw(st.sampled_from(_AGENCIES))
        if table and draw(st.booleans()):
            item["thoi_gian"] = f"tháng {draw(st.integers(1, 12))}"
        out.append(item if len(item) > 1 else item["noi_dung"])
    return out


@st.composite
def section(draw: st.DrawFn, depth: int, table: bool, untitled: bool = False) -> dict[str, Any]:
    """A section; an untitled one (free text without a number) only first in the body, since
    untitled sections next to other content print the same as one merged section."""
    out: dict[str, Any] = {} if untitled else {"tieu_de": draw(words)}
    if draw(st.booleans()):
        out["dan_nhap"] = draw(words) + ":"
    if draw(st.booleans()):
        # A table's note rows are italic as a whole: '*…*' inside them cannot show.
        out["doan"] = draw(st.lists(sentence if table else rich, min_size=1, max_size=2))
    style = None if table else draw(styles)
    if style:
        out["kieu_muc"] = style
    if depth > 1 and not untitled and draw(st.booleans()):
        out["noi_dung"] = draw(st.lists(section(depth - 1, table), min_size=1, max_size=3))
    if "noi_dung" not in out or draw(st.booleans()):
        out["muc"] = draw(items(style, table))
    return out


@st.composite
def programs(draw: st.DrawFn) -> dict[str, Any]:
    state = draw(st.booleans())
    table = draw(st.booleans())
    draft = draw(st.booleans())
    day = draw(st.dates(dt.date(2019, 1, 1), dt.date(2028, 12, 31)))
    program: dict[str, Any] = {
        "he_thong": "nha-nuoc" if state else "dang",
        "loai": draw(st.sampled_from(["CTr", "KH"])),
        "co_quan": {"ten": draw(upper), "viet_tat": "UBND" if state else "ĐU"},
        "dia_danh": "Đồng Tháp",
        "ngay": day.year if draft else day,
        "trich_yeu": draw(words).capitalize(),
        "mo_dau": draw(sentence)[:-1] + " như sau:",
    }
    if draw(st.booleans()):
        program["co_quan"]["cap_tren"] = draw(upper)
    if table:
        program["trinh_bay"] = "bang"
    if draft:
        program["du_thao"] = draw(st.sampled_from([True, 2]))
    else:
        program["so"] = str(draw(st.integers(1, 300)))
    if draw(st.booleans()):
        program["can_cu"] = [f"Căn cứ {draw(words)}" for _ in range(draw(st.integers(1, 2)))]
    depth = 2
    first = draw(section(depth, table, untitled=draw(st.integers(0, 5)) == 0))
    program["noi_dung"] = [first, *draw(st.lists(section(depth, table), max_size=2))]
    if draw(st.booleans()):
        program["ket_luan"] = draw(sentence)
    program["noi_nhan"] = [*draw(st.lists(words, min_size=1, max_size=3)), "Lưu VT"]
    program["ky"] = {"tham_quyen": "TM. ỦY BAN NHÂN DÂN" if state else "T/M ĐẢNG ỦY"}
    if draw(st.booleans()):
        program["ky"]["chuc_vu"] = "CHỦ TỊCH" if state else "BÍ THƯ"
    if not draft:
        program["ky"]["ho_ten"] = "Nguyễn Văn An"
    return program


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_any_built_program_imports_back(program: dict[str, Any]) -> None:
    text = yaml.safe_dump(program, allow_unicode=True, sort_keys=False)
    compiled = api.compile_text(text, "generated.yaml")
    first = api.render(compiled)
    result, again = reimport(first)
    assert result.unplaced == []
    assert canonical(again.program) == canonical(compiled.program)
    assert lines(api.render(again)) == lines(first)

"""Units of a .docx → the YAML contract, phase by phase: header, title, body (with its
tables), closing; every paragraph either placed or kept as unplaced (never dropped).

The phases share one `State` (the data they fill, the guesses, the unplaced paragraphs) and
read every phrase from the phrasebook of the built-in rule sets (`profiles.recognise`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from chuongtrinh.importer import annex
from chuongtrinh.importer.body import read_body
from chuongtrinh.importer.closing import read_closing
from chuongtrinh.importer.header import decide_family, read_header
from chuongtrinh.importer.reading import Grid, Para, Unit, read
from chuongtrinh.importer.state import Imported, State
from chuongtrinh.importer.tables import read_table
from chuongtrinh.importer.text import pieces
from chuongtrinh.importer.title import is_kind, read_title, title_like
from chuongtrinh.importer.word97 import legacy_fonts
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.recognise import phrasebook

__all__ = ["Imported", "import_document"]

# The order of the contract's keys in the YAML written.
_ORDER = (
    "he_thong", "loai", "ten_loai", "kem_theo", "trinh_bay", "cot_bang", "kieu_muc", "danh_so",
    "dong_chu_tri", "khong_in", "co_quan", "so", "dia_danh", "ngay", "du_thao", "trich_yeu",
    "tieu_de_phu", "kinh_gui", "thong_tin", "can_cu", "mo_dau", "noi_dung", "ket_luan", "noi_nhan", "ky",
    "pham_vi_luu_hanh", "phu_luc",
)  # fmt: skip
# The signature block's roles in a file this tool wrote: where a closing without recipients starts.
_SIGNATURE_ROLES = ("authority", "position", "signer")
_HEADER_UNITS = 12


def _paras(unit: Unit) -> list[Para]:
    return unit.paras() if isinstance(unit, Grid) else [unit]


def _all_paras(units: list[Unit]) -> Iterator[Para]:
    for unit in units:
        yield from _paras(unit)


def _is_closing(state: State, unit: Unit) -> bool:
    """Where the closing starts: the 'Nơi nhận' line (or this tool's label style)."""
    paras = _paras(unit)
    label = state.phrases.recipients_label
    return any(
        label.match(text) for p in paras for _, text in pieces(p, state.phrases) if text.strip()
    ) or any(p.role in ("recipients_label", *_SIGNATURE_ROLES) for p in paras)


def _kind_at(state: State, units: list[Unit]) -> int | None:
    """Where the title starts: the kind line ('CHƯƠNG TRÌNH', 'CHƯƠNG TRÌNH HỘI NGHỊ') near the
    top; else, for a kind the rule sets do not name ('GIẤY MỜI HỌP', 'THÔNG TƯ'), the first
    line in capitals after the header (its table, or its date line); else a kind line further
    down. A sample 'QUYẾT ĐỊNH' deep in a text is not its title."""
    filled = [i for i, u in enumerate(units) if not isinstance(u, Para) or u.text.strip()]
    head = filled[:_HEADER_UNITS]
    known = [i for i, u in enumerate(units) if isinstance(u, Para) and is_kind(state, u)]
    if known and (not head or known[0] <= head[-1]):
        return known[0]
    dated = [i for i in head for p in _paras(units[i]) if _dated(state, p)]
    tables = [i for i in head if isinstance(units[i], Grid)]
    after = (dated or tables or [0])[0]
    titles = (
        i for i in head if i >= after and isinstance(u := units[i], Para) and title_like(state, u)
    )
    return next(titles, known[0] if known else None)


def _dated(state: State, para: Para) -> bool:
    return any(
        p.match(line) for _, line in pieces(para, state.phrases) for p in state.phrases.dates.line
    )


def recognise(units: list[Unit], profile: Profile | None = None, system: str = "") -> Imported:
    """The program in `units`, the header, title, body and closing read in turn (with the
    phrases of `profile` first, when the document was made under a rule set of its own, which
    `system` names for `he_thong`: the path of its file)."""
    state = State(phrasebook(profile), own=any(p.role for p in _all_paras(units)))
    kind_at = _kind_at(state, units)
    if kind_at is None:
        raise ValueError("không thấy tên loại văn bản (CHƯƠNG TRÌNH, KẾ HOẠCH…)")
    closing_at = next(
        (i for i in range(kind_at + 1, len(units)) if _is_closing(state, units[i])), len(units)
    )
    # An annex follows the signature; a document without one may go from its body to it.
    annex_at = kind_at + 1 + annex.start(units[kind_at + 1 :], closing_at - kind_at - 1)
    closing_at = min(closing_at, annex_at)
    header = list(_all_paras(units[:kind_at]))
    banner, number = read_header(state, header)
    rest = read_title(state, units[kind_at:closing_at])
    if not any(p.text.strip() for p in header):  # an agenda or annex typed without one
        state.data["khong_in"] = ["phan_dau"]
        state.guess("khong_in", "phan_dau", "chắc chắn (văn bản không có phần đầu)")
    elif number is None and "kem_theo" not in state.data:
        state.data["khong_in"] = ["so"]  # a header without its number line
        state.guess("khong_in", "so", "chắc chắn (phần đầu không có dòng số)")
    read_body(state, rest, read_table)
    read_closing(state, list(_all_paras(units[closing_at:annex_at])))
    if annex_at < len(units):  # the signer's name is the closing's, not an annex's
        state.data["phu_luc"] = annex.read(units[annex_at:], state.leave)
        state.guess("phu_luc", f"{len(state.data['phu_luc'])} phụ lục", "chắc chắn")
    decide_family(state, banner, number)
    if system:
        state.data["he_thong"] = system
        state.guess("he_thong", system, "chắc chắn (bộ quy tắc đã chọn)")
    total = sum(1 for p in _all_paras(units) if p.text.strip())
    old = legacy_fonts(f for p in _all_paras(units) for f in p.fonts)
    for name, prefix in (("TCVN3", ".Vn"), ("VNI", "VNI")):
        fonts = [f for f in old if f.upper().startswith(prefix.upper())]
        if fonts:
            state.guess(f"phông {name}", ", ".join(fonts), "đã chuyển sang Unicode — chắc chắn")
    return Imported(_ordered(state), state.guesses, state.unplaced, total)


def _ordered(state: State) -> dict[str, Any]:
    data = state.data
    org = data.get("co_quan", {})
    data["co_quan"] = {k: org[k] for k in ("cap_tren", "ten", "viet_tat") if k in org}
    if "dia_danh" not in data:
        # No date line: the year the summary names ('… tháng 02 năm 2023'), so that the
        # rules of that year apply; else this year. Day and month are left blank.
        years = re.findall(r"\b(?:19|20)\d\d\b", str(data.get("trich_yeu", "")))
        data["dia_danh"] = "(chưa rõ)"
        data["ngay"] = int(years[-1]) if years else dt.date.today().year
        state.guess(
            "ngay",
            f"không thấy dòng địa danh, ngày tháng; lấy năm {data['ngay']}",
            "đoán (năm trong trích yếu)" if years else "đoán (năm nay)",
        )
    return {k: data[k] for k in _ORDER if k in data}


def import_document(
    source: str | Path | IO[bytes], profile: Profile | None = None, system: str = ""
) -> Imported:
    """Read a .docx and recognise the program in it (see `recognise`)."""
    return recognise(read(source), profile, system)

"""The tables phase: a table of items (trinh_bay: bang), its columns read by the meaning of
their titles; merged rows are group headings or notes."""

from __future__ import annotations

from typing import Any

from chuongtrinh.importer.body import Body
from chuongtrinh.importer.reading import Grid, Para
from chuongtrinh.importer.text import HEADING, tidy
from chuongtrinh.profiles import loader as profiles

# Column titles by meaning: each field and words its title may use.
_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stt", ("stt", "tt", "số thứ tự", "số tt")),
    ("thuc_hien", ("trình bày", "báo cáo viên")),
    ("phoi_hop", ("phối hợp",)),
    ("chuan_bi", ("chuẩn bị",)),
    ("dia_diem", ("địa điểm",)),
    ("thanh_phan", ("thành phần",)),
    ("chu_tri", ("chủ trì", "thực hiện", "phụ trách", "người làm", "đơn vị")),
    ("thoi_gian", ("thời gian", "thời hạn", "tiến độ", "ngày", "hạn")),
    ("ghi_chu", ("ghi chú",)),
    ("noi_dung", ("nội dung", "công việc", "nhiệm vụ")),
)


def read_table(body: Body, grid: Grid) -> None:
    """The rows of a table of items into `body`'s outline; any other table is left unplaced."""
    state = body.state
    if not grid.rows:
        return
    fields = _agenda([_column(cell.text) for cell in grid.rows[0]], grid)
    if "noi_dung" not in fields or len(set(fields) - {None}) < 2:
        for para in grid.paras():
            if para.text.strip():
                state.leave(para, "bảng không nhận ra cột (cần Nội dung và cột khác)")
        return
    state.data["trinh_bay"] = "bang"
    _columns(body, grid, fields)
    for cell, name in zip(grid.rows[0], fields, strict=False):
        for para in cell.paras if name is None else []:
            if para.text.strip():
                state.leave(para, "cột bảng không có trong mẫu (cot_bang)")
    base = body.stack[-1].level if body.stack[-1].title else 0
    while body.stack[-1].level > base:
        body.stack.pop()
    kinds: list[str] = []
    # The field of each grid column: a title spanning two columns ('Thứ, ngày' over the day
    # and the half-day, real file 01) owns the cells under both.
    owners = [
        name for cell, name in zip(grid.rows[0], fields, strict=False) for _ in range(cell.span)
    ]
    for row in grid.rows[1:]:
        if len(row) == 1:
            _merged_row(body, row[0].paras, base, kinds)
            continue
        values: dict[str, str] = {}
        extra: list[Para] = []
        at = 0
        for cell in row:
            name = owners[at] if at < len(owners) else None
            at += cell.span
            text = " ".join(state.markup(p) for p in cell.paras if p.text.strip())
            if name and name != "stt" and text:
                values[name] = f"{values[name]} {text}" if name in values else text
            elif name is None:  # a column the contract has no field for
                extra += [p for p in cell.paras if p.text.strip()]
        if "noi_dung" in values:
            body.item("", values.pop("noi_dung"), values)
            for para in extra:
                state.leave(para, "ô của cột bảng không có trong mẫu (cot_bang)")
        else:
            for cell in row:
                for para in cell.paras:
                    if para.text.strip():
                        state.leave(para, "dòng bảng không có nội dung")


def _merged_row(body: Body, paras: list[Para], base: float, kinds: list[str]) -> None:
    """A row of one cell: a group heading ('I. …', bold) or a note (italic)."""
    state = body.state
    for para in paras:
        if not para.text.strip():
            continue
        match = HEADING.match(state.markup(para, plain_bold=True))
        if match and (para.role == "table_group" or para.all_bold):
            body.typed_heading(match["label"], match["rest"], base, kinds)
        elif para.role == "table_note" or para.all_italic:
            body.free(state.markup(para, plain_italic=True))
        else:
            state.leave(para, "dòng gộp của bảng không phải tiêu đề nhóm hay ghi chú")


def _agenda(fields: list[str | None], grid: Grid) -> list[str | None]:
    """In an agenda (the time first, no STT) who 'carries out' a slot presents it: the
    'Người thực hiện' column is `thuc_hien`, not the lead agency of a work programme."""
    if fields[:1] != ["thoi_gian"] or "stt" in fields or "thuc_hien" in fields:
        return fields
    titles = [tidy(cell.text).lower() for cell in grid.rows[0]]
    return [
        "thuc_hien" if name == "chu_tri" and "thực hiện" in title else name
        for name, title in zip(fields, titles, strict=True)
    ]


def _column(title: str) -> str | None:
    words = tidy(title).lower()
    for name, keys in _COLUMN_WORDS:
        if any(k == words or k in words.split() or (" " in k and k in words) for k in keys):
            return name
    return None


def _columns(body: Body, grid: Grid, fields: list[str | None]) -> None:
    """cot_bang: the columns chosen and their titles, when not the rule set's default."""
    state = body.state
    if "cot_bang" in state.data:
        return
    rules = profiles.load("dang-2018").table
    chosen: list[Any] = []
    for cell, name in zip(grid.rows[0], fields, strict=False):
        if name is None:
            continue
        title = tidy(cell.text)
        chosen.append(name if title == rules.columns[name].title else {name: title})
    if chosen != list(rules.default):
        state.data["cot_bang"] = chosen
    state.guess("cot_bang", ", ".join(str(c) for c in chosen), "khá chắc (theo nghĩa tên cột)")

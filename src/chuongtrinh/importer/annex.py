"""Annexes read back (`phu_luc`): what follows the signature from a "PHỤ LỤC" line on (or,
where an office left that line out, from a title over a "(Kèm theo …)" line) — its title, the
"(Kèm theo … của …)" line, paragraphs, a table whose header may group columns over two rows and
whose cells may merge down, and the notes after it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from chuongtrinh.importer.reading import Cell, Grid, Para, Unit
from chuongtrinh.importer.text import tidy
from chuongtrinh.model.annex import WIDE_COLUMNS

# The order of an annex's keys in the YAML written.
_KEYS = ("tieu_de", "kem_theo", "cua", "huong", "noi_dung", "bang", "ghi_chu")
# Where a paragraph the contract cannot hold goes (State.leave: kept as a comment, never dropped).
Leave = Callable[[Para, str], object]
LABEL = re.compile(r"^PHỤ LỤC(\s+[IVXLC]+)?\.?$")
# The line the builder makes ("Kèm theo Kế hoạch số 15/KH-SCT ngày 27/5/2026 của Sở Công
# Thương"): read back as the default (made again from the document) and its issuer.
_ATTACHED = re.compile(r"^\(Kèm theo .+? số .*?,? ngày .+? của (?P<issuer>.+)\)$")


def is_label(unit: Unit) -> bool:
    """The 'PHỤ LỤC' / 'PHỤ LỤC II' line that opens an annex."""
    return isinstance(unit, Para) and (
        unit.role == "annex_label" or bool(LABEL.match(tidy(unit.text)))
    )


# The line under an annex's title: "(Kèm theo Kế hoạch …)", "(Ban hành kèm theo …)".
_ATTACHED_LINE = re.compile(r"^\((?:Ban hành )?[Kk]èm theo\b")


def start(units: Sequence[Unit], after_signature: int) -> int:
    """Where the first annex begins: its 'PHỤ LỤC' line; from `after_signature` on (past the
    closing, where the body's own '(Kèm theo …)' line under the title cannot be), also a title
    over a '(Kèm theo …)' line without that label (real file 02). len(units): no annex."""
    label = next((n for n, unit in enumerate(units) if is_label(unit)), len(units))
    above: int | None = None  # the last paragraph with text, unless a table came after it
    for n in range(after_signature, label):
        unit = units[n]
        if isinstance(unit, Grid):
            above = None
        elif tidy(unit.text):
            if above is not None and _ATTACHED_LINE.match(tidy(unit.text)):
                return above
            above = n
    return label


def read(units: Sequence[Unit], leave: Leave) -> list[dict[str, Any]]:
    """One mapping per annex, from the units that start at the first annex (its label, or its
    title where the label was left out). What the contract cannot hold (a second table in one
    annex: forms, several "Biểu mẫu") goes to `leave`, paragraph by paragraph."""
    labels = [n for n, unit in enumerate(units) if is_label(unit)]
    starts = labels if labels and labels[0] == 0 else [-1, *labels]
    return [
        _annex(units[begin + 1 : end], leave)
        for begin, end in zip(starts, [*starts[1:], len(units)], strict=True)
    ]


def _annex(units: Sequence[Unit], leave: Leave) -> dict[str, Any]:
    out: dict[str, Any] = {}
    paras_before: list[str] = []
    notes: list[str] = []
    for unit in units:
        if isinstance(unit, Grid):
            if "bang" not in out:
                out["bang"] = _table(unit)
            else:
                for para in unit.paras():
                    if tidy(para.text):
                        leave(para, "bảng thứ hai trong một phụ lục")
            continue
        text = tidy(unit.text)
        if not text or unit.role in ("separator", "section_break") or set(text) == {"-"}:
            continue
        if "tieu_de" not in out:
            out["tieu_de"] = text
        elif _ATTACHED_LINE.match(text) and "kem_theo" not in out and not paras_before:
            match = _ATTACHED.match(text)
            if match:
                out["cua"] = match["issuer"]
            else:
                out["kem_theo"] = text.removeprefix("(").removesuffix(")")
        elif "bang" in out:
            notes.append(text)
        else:
            paras_before.append(text)
    if paras_before:
        out["noi_dung"] = [{"doan": paras_before}]
    if notes:
        out["ghi_chu"] = notes
    _orientation(out, units)
    return {key: out[key] for key in _KEYS if key in out}


def _orientation(out: dict[str, Any], units: Sequence[Unit]) -> None:
    """`huong` where the pages of the annex (the first section that ends inside it) turn
    otherwise than the default (landscape from WIDE_COLUMNS leaf columns on)."""
    ends = [u.ends_section for u in units if isinstance(u, Para) and u.ends_section]
    if not ends:
        return
    columns = out.get("bang", {}).get("cot", [])
    leaves = sum(len(c["cot"]) if isinstance(c, dict) else 1 for c in columns)
    default = "ngang" if "bang" in out and leaves >= WIDE_COLUMNS else "doc"
    if ends[0] != default:
        out["huong"] = ends[0]


def _text(cell: Cell) -> str:
    """A cell's lines, each with the number Word's automatic numbering prints before it (a
    'TT' column numbered by Word holds no digits of its own: real file 02)."""
    lines = (f"{p.auto_label} {p.text}".strip() if p.auto_label else p.text for p in cell.paras)
    return "\n".join(lines).strip()


def _header_rows(grid: Grid) -> int:
    """Two when the first row has a cell spanning columns (a group over sub-columns)."""
    first = grid.rows[0] if grid.rows else []
    return 2 if len(grid.rows) > 1 and any(cell.span > 1 for cell in first) else 1


def _columns(grid: Grid, header: int) -> list[Any]:
    """The header as `cot`: a title, or a group with the titles of its sub-columns."""
    if not grid.rows:
        return []
    below = _by_column(grid.rows[1]) if header == 2 else {}
    columns: list[Any] = []
    position = 0
    for cell in grid.rows[0]:
        if cell.span > 1 and header == 2:
            subs = [_text(below[c]) for c in range(position, position + cell.span) if c in below]
            columns.append({"tieu_de": _text(cell), "cot": subs})
        else:
            columns.append(_text(cell))
        position += cell.span
    return columns


def _by_column(row: Sequence[Cell]) -> dict[int, Cell]:
    """Each cell of a row under the grid column it starts at."""
    out, position = {}, 0
    for cell in row:
        out[position] = cell
        position += cell.span
    return out


def _table(grid: Grid) -> dict[str, Any]:
    header = _header_rows(grid)
    columns = _columns(grid, header)
    width = sum(cell.span for cell in grid.rows[0]) if grid.rows else 0
    body = grid.rows[header:]
    rows: list[Any] = []
    for r, row in enumerate(body):
        if len(row) == 1 and row[0].span == width and width > 1:
            rows.append({"nhom": _text(row[0])})
            continue
        cells: list[Any] = []
        for column, cell in _by_column(row).items():
            if cell.down == "continue":
                continue
            text = _text(cell)
            down = _merged_rows(body, r, column) if cell.down == "restart" else 1
            cells.append({"noi_dung": text, "gop_doc": down} if down > 1 else text)
        rows.append(cells)
    return {"cot": columns, "dong": rows}


def _merged_rows(body: Sequence[Sequence[Cell]], start: int, column: int) -> int:
    """How many rows a cell merged down from row `start` at grid `column` covers."""
    count = 1
    for row in body[start + 1 :]:
        cell = _by_column(row).get(column)
        if cell is None or cell.down != "continue":
            break
        count += 1
    return count

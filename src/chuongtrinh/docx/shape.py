"""What a parsed .docx must be before a reader walks it: a document with a body, style chains
that end, cells no wider than a table can be. Each check is one pass over its part.

A style based on itself through a loop made every "where does this style's bold come from"
walk endless; a cell spanning two billion columns made python-docx list two billion cells.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from chuongtrinh.docx.grid import grid_columns
from chuongtrinh.docx.limits import MAX_COLUMNS, MAX_STYLE_CHAIN, refuse

_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"
_RESAVE = "mở tệp bằng Word rồi lưu lại thành .docx (Word sửa những chỗ này khi lưu)"


def check(document: Any, file: str) -> None:
    """Refuse, naming the part and the place, what would make a reader loop or explode."""
    root = document.element
    if root.tag != qn("w:document") or root.find(qn("w:body")) is None:
        message = "không có thân văn bản (w:document/w:body)"
        raise refuse(file, _DOCUMENT, message, _RESAVE, "bad-docx")
    _roots(document, file)
    _style_chains(document, file)
    _spans(root, file)


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The root each part a reader opens must have (a part swapped for another is refused here).
_ROOTS = {
    f"{_WML}styles+xml": "w:styles",
    f"{_WML}numbering+xml": "w:numbering",
    f"{_WML}settings+xml": "w:settings",
    f"{_WML}header+xml": "w:hdr",
    f"{_WML}footer+xml": "w:ftr",
    f"{_WML}comments+xml": "w:comments",
    "application/vnd.openxmlformats-package.core-properties+xml": "cp:coreProperties",
}


def _roots(document: Any, file: str) -> None:
    for part in document.part.package.iter_parts():
        wanted = _ROOTS.get(part.content_type)
        element = getattr(part, "_element", None)
        if wanted is not None and element is not None and element.tag != qn(wanted):
            message = f"không phải phần {wanted} như tệp khai báo"
            raise refuse(file, str(part.partname).lstrip("/"), message, _RESAVE, "bad-docx")


def _style_chains(document: Any, file: str) -> None:
    """Every basedOn chain ends, within MAX_STYLE_CHAIN styles: followed once per style, a
    style met again on its own walk is a loop; walks stop at a style already known good."""
    try:
        styles = document.styles.element
    except (KeyError, ValueError, AttributeError):
        return  # no styles part: python-docx uses its defaults
    base: dict[str, str] = {}
    for style in styles.iterchildren(qn("w:style")):
        based = style.find(qn("w:basedOn"))
        style_id = style.get(qn("w:styleId"))
        if style_id is not None and based is not None and based.get(qn("w:val")) is not None:
            base[style_id] = based.get(qn("w:val"))
    depth: dict[str, int] = {}
    for start in base:
        walk: list[str] = []
        current: str | None = start
        while current is not None and current not in depth:
            if current in walk:
                loop = " → ".join([*walk[walk.index(current) :], current])
                message = f"các kiểu dựa vào nhau thành vòng (basedOn): {loop}"
                raise refuse(file, _STYLES, message, _RESAVE, "style-loop")
            walk.append(current)
            current = base.get(current)
        known = depth.get(current, 0) if current is not None else 0
        for n, style_id in enumerate(reversed(walk), 1):
            depth[style_id] = known + n
        if depth[start] > MAX_STYLE_CHAIN:
            message = f"kiểu '{start}' dựa trên một chuỗi quá {MAX_STYLE_CHAIN} kiểu (basedOn)"
            raise refuse(file, _STYLES, message, _RESAVE, "style-loop")


def _spans(root: Any, file: str) -> None:
    """Every gridSpan a whole number from 1 to the table's grid (or Word's 63 columns, for a
    table whose grid is missing)."""
    for table_number, tbl in enumerate(root.iter(qn("w:tbl")), 1):
        widest = max(grid_columns(tbl), MAX_COLUMNS)
        for row_number, tr in enumerate(tbl.iterchildren(qn("w:tr")), 1):
            for cell_number, tc in enumerate(tr.iterchildren(qn("w:tc")), 1):
                span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                if span is None:
                    continue
                value = span.get(qn("w:val"), "")
                if value.isdigit() and 1 <= int(value) <= widest:
                    continue
                where = f"bảng {table_number}, hàng {row_number}, ô {cell_number}"
                message = f"{where}: ô trải trên {value} cột, bảng chỉ có {widest} cột"
                raise refuse(file, _DOCUMENT, message, _RESAVE, "bad-table")

"""The imported program as YAML text: keys in contract order, what could not be placed kept
as comments with its paragraph number, and the report of what was guessed."""

from __future__ import annotations

from typing import Any

import yaml

from chuongtrinh.importer.state import Imported


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (`|-`), as a person would write it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)

_TOP_GAP = {
    "co_quan",
    "trich_yeu",
    "kinh_gui",
    "can_cu",
    "mo_dau",
    "noi_dung",
    "ket_luan",
    "noi_nhan",
    "ky",
}


def to_yaml(result: Imported, source_name: str) -> str:
    """YAML for `result`; each top-level group separated by a blank line."""
    out = [f"# Nhập từ {source_name} bằng 'chuongtrinh import'; xem lại trước khi dùng."]
    for key, value in result.data.items():
        if key in _TOP_GAP:
            out.append("")
        out.append(_dump({key: value}).rstrip("\n"))
    if result.unplaced:
        out += ["", "# --- Các đoạn chưa xếp được vào chỗ nào (giữ nguyên, không bỏ) ---"]
        for left in result.unplaced:
            out.append(f"# đoạn {left.number} ({left.why}):")
            out += [f"#   {line}" for line in left.text.splitlines() or [""]]
    return "\n".join(out) + "\n"


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


def report(result: Imported) -> list[str]:
    """Short lines: what was guessed and how sure, how many paragraphs were placed."""
    lines = [
        f"đã xếp {result.placed}/{result.paragraphs} đoạn"
        + (f"; {len(result.unplaced)} đoạn để lại dạng chú thích" if result.unplaced else "")
    ]
    seen: set[str] = set()
    for guess in result.guesses:
        if guess.what == "chu_tri":
            continue
        if guess.what in seen:
            continue
        seen.add(guess.what)
        lines.append(f"  {guess.what}: {guess.value} — {guess.sure}")
    leads = [g for g in result.guesses if g.what == "chu_tri"]
    if leads:
        lines.append(
            f"  chu_tri: {len(leads)} dòng 'Cơ quan chủ trì' gộp lại vào các mục — chắc chắn"
        )
    return lines

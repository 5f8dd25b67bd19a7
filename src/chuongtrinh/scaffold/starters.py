"""Commented starter files, one per kind of office, dated in the month asked for."""

from __future__ import annotations

from pathlib import Path

from chuongtrinh.resources import templates_dir
from chuongtrinh.scaffold.next import NextOptions, next_program
from chuongtrinh.scaffold.period import Month, ScaffoldError

STARTER_YEAR = 2026


def starters_dir() -> Path:
    return templates_dir() / "starters"


def starter_names() -> list[str]:
    """The kinds of office a starter file exists for (dang-thang, dang-nam, nha-nuoc, chi-bo, and
    a plan with an annex: ke-hoach-phu-luc)."""
    return sorted(p.stem for p in starters_dir().glob("*.yaml"))


def starter(name: str, month: Month) -> str:
    """A commented starter file for one kind of office, dated in `month`."""
    path = starters_dir() / f"{name}.yaml"
    if not path.is_file():
        raise ScaffoldError(f"không có mẫu '{name}'; các mẫu: {', '.join(starter_names())}")
    # The starters are written for January of STARTER_YEAR, which names no other year.
    raw = path.read_text(encoding="utf-8").replace(str(STARTER_YEAR), str(month.year))
    return next_program(raw, NextOptions(month, month.year, keep_items=True)).text

"""Effective formatting read back from a .docx: the package's reader, which `check` uses too."""

from __future__ import annotations

from chuongtrinh.docx.props import (
    all_runs,
    default_fonts,
    fonts,
    format_value,
    no_run,
    size_pt,
    text_runs,
)

__all__ = ["all_runs", "default_fonts", "fonts", "format_value", "no_run", "size_pt", "text_runs"]

"""Where the shipped templates are: inside the installed package, or at the top of a checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def templates_dir() -> Path:
    """The phrase templates folder (the wheel carries the top-level `templates/` inside the package)."""
    packaged = Path(str(resources.files("chuongtrinh"))) / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "templates"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"templates not found in {packaged} or {checkout}")

"""The checkout's folders, the examples by name, and an example built for a test."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
import yaml
from docx.document import Document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "tests" / "seeds"  # copies of ../shared/seeds 000 and 003

MONTHLY = "thang-02-2023"
YEARLY = "tinh-uy-hau-giang-2024"
STATE = "ubnd-quang-binh-2026"
CHI_BO = "chi-bo-thang-03-2026"
YEARLY_TABLE = "dang-uy-xa-nam-2027"
ANNEXED = "so-cong-thuong-ke-hoach-phu-luc"  # a plan with a landscape annex
ALL_EXAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@dataclass
class Built:
    """An example copied to a test folder and built there (the session fixture `built`)."""

    yaml: Path
    docx: Path

    def open(self) -> Document:
        return docx.Document(str(self.docx))

    @property
    def profile(self) -> Path | None:
        """The profile file the example names in `he_thong` (a path beside it), if any."""
        system = str(yaml.safe_load(self.yaml.read_text(encoding="utf-8")).get("he_thong", ""))
        return self.yaml.parent / system if system.endswith((".yaml", ".yml")) else None

"""The peer: a plain python-docx script, as an office programmer would write it by hand.

Reads the same YAML and writes its paragraphs one after another with python-docx's API, with a
font and a size on every run: no validation, no profile, no header table. Used by bench.py only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import yaml
from docx.shared import Pt


def paragraphs(data: dict) -> list[str]:  # type: ignore[type-arg]
    out = [
        data["trich_yeu"],
        *([data["can_cu"]] if isinstance(data.get("can_cu"), str) else data.get("can_cu", [])),
    ]
    for section in data.get("noi_dung", []):
        out.append(section.get("tieu_de", ""))
        out.extend(
            str(item if isinstance(item, str) else item["noi_dung"])
            for item in section.get("muc", [])
        )
    out.extend(data.get("noi_nhan", []))
    return out


def main(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    document = docx.Document()
    for text in paragraphs(data):
        run = document.add_paragraph().add_run(text)
        run.font.name = "Times New Roman"
        run.font.size = Pt(14)
    document.save(str(target))


if __name__ == "__main__":
    # A folder in and a folder out: every program in one process (the batch case).
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    if source.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(source.glob("*.yaml")):
            main(path, target / path.with_suffix(".docx").name)
    else:
        main(source, target)

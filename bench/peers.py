"""The peers of the benchmark, built with the same page setup as the `dang-2018` profile.

- pandoc: markdown of the same content, with a reference.docx (pandoc's own, page and font set
  to A4, margins 20/20/30/15 mm, Times New Roman 14 pt);
- a plain python-docx script (peer_python_docx.py), one file or a whole folder per process;
- docxtpl: a template of the same page setup with Jinja loops over sections and items.

Used by bench.py only; none of this is a dependency of chuongtrinh.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import yaml
from docx.shared import Mm, Pt

PAGE_MM = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}
FONT, SIZE_PT = "Times New Roman", 14


def page_setup(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM["width"]), Mm(PAGE_MM["height"])
    section.top_margin, section.bottom_margin = Mm(PAGE_MM["top"]), Mm(PAGE_MM["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE_MM["left"]), Mm(PAGE_MM["right"])
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_PT)


def pandoc_reference(pandoc: str, target: Path) -> Path:
    """pandoc's default reference.docx with our page setup and font."""
    data = subprocess.run(
        [pandoc, "--print-default-data-file", "reference.docx"], check=True, capture_output=True
    ).stdout
    target.write_bytes(data)
    document = docx.Document(str(target))
    page_setup(document)
    document.save(str(target))
    return target


def docxtpl_template(target: Path) -> Path:
    """A docxtpl template: the summary, then each section's heading and its items."""
    document = docx.Document()
    page_setup(document)
    for line in (
        "{{ trich_yeu }}",
        "{%p for section in sections %}",
        "{{ section.title }}",
        "{%p for item in section['items'] %}",
        "- {{ item }}",
        "{%p endfor %}",
        "{%p endfor %}",
        "{%p for line in noi_nhan %}",
        "- {{ line }}",
        "{%p endfor %}",
    ):
        document.add_paragraph(line)
    document.save(str(target))
    return target


def _context(source: Path) -> dict[str, object]:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    sections = [
        {
            "title": s.get("tieu_de", ""),
            "items": [m if isinstance(m, str) else m["noi_dung"] for m in s.get("muc", [])],
        }
        for s in data.get("noi_dung", [])
    ]
    return {
        "trich_yeu": data["trich_yeu"],
        "sections": sections,
        "noi_nhan": data.get("noi_nhan", []),
    }


def docxtpl_main(template: Path, pairs: list[tuple[Path, Path]]) -> None:
    from docxtpl import DocxTemplate

    for source, target in pairs:
        document = DocxTemplate(str(template))
        document.render(_context(source))
        document.save(str(target))


def _pairs(source: Path, target: Path) -> list[tuple[Path, Path]]:
    if source.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return [(p, target / p.with_suffix(".docx").name) for p in sorted(source.glob("*.yaml"))]
    return [(source, target)]


if __name__ == "__main__":
    if sys.argv[1] == "setup":  # python peers.py setup PANDOC FOLDER
        pandoc_reference(sys.argv[2], Path(sys.argv[3]) / "reference.docx")
        docxtpl_template(Path(sys.argv[3]) / "template.docx")
    else:  # python peers.py docxtpl TEMPLATE SOURCE(file or folder) TARGET(file or folder)
        docxtpl_main(Path(sys.argv[2]), _pairs(Path(sys.argv[3]), Path(sys.argv[4])))

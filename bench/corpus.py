"""Corpus report: how much of a real office document `import` keeps.

For each file of a folder of real Word documents (default: ../shared/real/docx beside the
repository), import it, build the YAML back, and compare the two texts:

- words kept: the share of the original's words found, in order, in the rebuilt document
  (a longest matching sequence of case-folded words, punctuation aside);
- labels kept: the share of the original's outline labels (A., I., 1., 1.1., a), -, +, * …,
  typed or shown by Word's numbering) that come back on the same paragraph;
- the words placed or kept as the YAML's comments (any order): nothing dropped;
- the seconds the import takes, and apart from it LibreOffice's conversion of a .doc.

Run by hand (never part of the tests):

    python bench/corpus.py [FOLDER] [--only 02,13] [--yaml OUT_DIR]

The files that are programmes, plans or agendas carry a '*': the issue's aim (≥ 0.90 words and
≥ 0.90 labels on ≥ 90 % of them) is counted over those.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from chuongtrinh.api import compile_text, render
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.importer import word97
from chuongtrinh.importer.emit import to_yaml
from chuongtrinh.importer.files import import_path
from chuongtrinh.importer.reading import Para, Unit, read

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT.parent.parent / "shared" / "real" / "docx"
# Programmes, plans and agendas (by the number the file name starts with): what the aim counts.
TARGET = {"01", "02", "03", "04", "05", "06", "07", "08", "13", "14"}
_WORD = re.compile(r"\w+")
_LABEL = re.compile(
    r"^(?P<label>Phần thứ \w+|[A-ZĐ]\.|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ][.)]|\(\d+\)|\d+\)"
    r"|[-+*•–])\s*(?P<rest>\S.*)$",
    re.S,
)


@dataclass
class Row:
    name: str
    words: float
    placed_or_kept: float  # words in the rebuilt text or in the YAML's comments, any order
    labels: float
    labelled: int
    seconds: float
    converted: float  # LibreOffice's conversion of a .doc, before the import
    note: str = ""


def _paras(units: list[Unit], tables: bool) -> list[Para]:
    out: list[Para] = []
    for unit in units:
        if isinstance(unit, Para):
            out.append(unit)
        elif tables:
            out += unit.paras()
    return out


def words(units: list[Unit]) -> list[str]:
    text = " ".join(f"{p.auto_label} {p.text}" for p in _paras(units, tables=True))
    return [w.casefold() for w in _WORD.findall(text)]


def labelled(units: list[Unit]) -> list[tuple[str, str]]:
    """(label, key of the text after it) of each labelled paragraph outside tables."""
    out = []
    for para in _paras(units, tables=False):
        text = " ".join(f"{para.auto_label} {para.text}".split())
        match = _LABEL.match(text)
        if match and not re.fullmatch(r"\d+", match["label"]):
            key = " ".join(_WORD.findall(match["rest"].casefold())[:8])
            if key:
                out.append((match["label"].replace("–", "-"), key))
    return out


def words_kept(before: list[str], after: list[str]) -> float:
    if not before:
        return 1.0
    blocks = SequenceMatcher(None, before, after, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(before)


def labels_kept(before: list[tuple[str, str]], after: list[tuple[str, str]]) -> float:
    """Each original label found on the rebuilt paragraph with the same text (in order)."""
    if not before:
        return 1.0
    kept, at = 0, 0
    for label, key in before:
        found = next((i for i in range(at, len(after)) if _same(after[i][1], key)), None)
        if found is None:
            continue
        at = found + 1
        kept += after[found][0] == label
    return kept / len(before)


def _same(one: str, other: str) -> bool:
    """The same paragraph: its first words, or a heading split from its run-in text
    ('1. Nội dung: Ban …' → '1. Nội dung:' and the paragraph after it)."""
    return one.startswith(other) or other.startswith(one)


def measure(path: Path, keep: Path | None) -> Row:
    with tempfile.TemporaryDirectory(prefix="ct-corpus-") as work:
        source, start = path, time.perf_counter()
        if path.suffix.lower() in word97.CONVERTED:
            source = word97.doc_to_docx(path, Path(work))
        converted = time.perf_counter() - start if source != path else 0.0
        original = read(source)
        start = time.perf_counter()
        try:
            result = import_path(source)
        except ChuongtrinhError as exc:
            note = exc.diagnostics[0].message
            return Row(path.name, 0.0, 0.0, 0.0, len(labelled(original)), 0.0, converted, note)
        seconds = time.perf_counter() - start
    text = to_yaml(result, path.name)
    if keep is not None:
        (keep / f"{path.stem}.yaml").write_text(text, encoding="utf-8")
    before = words(original)
    comments = [w.casefold() for u in result.unplaced for w in _WORD.findall(u.text)]
    try:
        rebuilt = read(io.BytesIO(render(compile_text(text, path.name))))
    except ChuongtrinhError as exc:
        first = exc.diagnostics[0]
        note = f"không dựng lại được: {first.line}: {first.message}"
        kept = bag_kept(before, comments)
        return Row(path.name, 0.0, kept, 0.0, len(labelled(original)), seconds, converted, note)
    after = words(rebuilt)
    return Row(
        path.name,
        words_kept(before, after),
        bag_kept(before, after + comments),
        labels_kept(labelled(original), labelled(rebuilt)),
        len(labelled(original)),
        seconds,
        converted,
        f"{len(result.unplaced)} đoạn để lại" if result.unplaced else "",
    )


def bag_kept(before: list[str], after: list[str]) -> float:
    """The share of the original's words found anywhere in `after` (as many times)."""
    if not before:
        return 1.0
    left = Counter(after)
    found = 0
    for word in before:
        if left[word]:
            left[word] -= 1
            found += 1
    return found / len(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER)
    parser.add_argument("--only", default="", help="numbers of the files, e.g. 02,13")
    parser.add_argument("--yaml", type=Path, help="a folder to write each imported YAML into")
    args = parser.parse_args(argv)
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".docx", ".doc"))
    files = [p for p in files if not only or p.name[:2] in only]
    if args.yaml:
        args.yaml.mkdir(parents=True, exist_ok=True)
    print(
        "| file | words kept | + comments | labels kept (of n) | import s | .doc → .docx s | note |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    met = total = 0
    for path in files:
        row = measure(path, args.yaml)
        aim = path.name[:2] in TARGET
        total += aim
        met += aim and row.words >= 0.9 and row.labels >= 0.9
        mark = "*" if aim else ""
        print(
            f"| {mark}{row.name[:40]} | {row.words:.2f} | {row.placed_or_kept:.2f} "
            f"| {row.labels:.2f} ({row.labelled}) | {row.seconds:.2f} | {row.converted:.2f} "
            f"| {row.note} |",
            flush=True,
        )
    print(f"\naim met (words ≥ 0.90 and labels ≥ 0.90) on {met} of {total} '*' files")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where on the page a diagnostic applies: the paragraphs laid out from the YAML value it points
at, found through the located tree (diagnostic line:col → YAML path → paragraph keys)."""

from __future__ import annotations

from chuongtrinh.errors import Diagnostic
from chuongtrinh.layout.blocks import Document
from chuongtrinh.serve.html import key_text
from chuongtrinh.source.located import Located, Path_


def _path_at(located: Located, line: int, col: int) -> Path_ | None:
    """The deepest YAML path whose value or key starts on `line` at or before `col`."""
    marks = [*located.values.items(), *located.keys.items()]
    on_line = [(path, mark.col) for path, mark in marks if mark.line == line]
    before = [path for path, start in on_line if start <= col] or [p for p, _ in on_line]
    return max(before, key=len, default=None)


def _related(a: Path_, b: Path_) -> bool:
    shorter = min(len(a), len(b))
    return shorter > 0 and a[:shorter] == b[:shorter]


def anchors(located: Located | None, document: Document | None, found: Diagnostic) -> list[str]:
    """The keys (`data-key`) of the paragraphs `found` is about; none when it is about no
    paragraph of the page (a whole-file error, a key the layout does not show)."""
    if located is None or document is None:
        return []
    path = _path_at(located, found.line, found.col)
    if path is None:
        return []
    keys = [para.key for para in document.paragraphs() if para.key and _related(para.key, path)]
    # The closest paragraphs: those whose key shares most of the path.
    best = max((_shared(key, path) for key in keys), default=0)
    return sorted({key_text(key) for key in keys if _shared(key, path) == best})


def _shared(a: Path_, b: Path_) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n

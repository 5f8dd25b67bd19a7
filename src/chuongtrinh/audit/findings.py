"""What `check` reports: one finding per rule and element, with every paragraph it covers.

A wrong font on 38 paragraphs is one finding that lists them ("đoạn 3–40 (38 đoạn)"), not 38
lines: the rules add one finding per paragraph and `grouped` folds those that say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from chuongtrinh.errors import Severity

SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}
_SHOWN_PIECES = 6  # a longer list of paragraphs ends "và N đoạn khác"


@dataclass(frozen=True)
class Finding:
    """One rule a document breaks, at paragraphs (1-based, reading order) or the whole file.

    `paragraph` and `text` are the first paragraph's; `paragraphs` all of them."""

    code: str
    message: str
    rule: str
    paragraph: int | None = None
    text: str | None = None
    severity: Severity = "error"
    paragraphs: tuple[int, ...] = field(default=())

    def format(self, file: str) -> str:
        if len(self.paragraphs) > 1:
            head = f"{file}: {SEVERITY_VI[self.severity]} [{self.code}]"
            return f"{head} {self.message}: {describe(self.paragraphs)} (quy tắc: {self.rule})"
        where = f"{file}:đoạn {self.paragraph}" if self.paragraph else file
        text = f' "{self.text}"' if self.text else ""
        head = f"{where}: {SEVERITY_VI[self.severity]} [{self.code}]"
        return f"{head}{text}: {self.message} (quy tắc: {self.rule})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "rule": self.rule,
            "paragraph": self.paragraph,
            "paragraphs": list(self.paragraphs),
            "text": self.text,
        }


def grouped(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that say the same thing (code, message, rule, severity) folded into one, at
    its first paragraph and listing all; in order of their first paragraph."""
    groups: dict[tuple[str, str, str, str], list[Finding]] = {}
    for finding in findings:
        key = (finding.code, finding.message, finding.rule, finding.severity)
        groups.setdefault(key, []).append(finding)
    folded = []
    for members in groups.values():
        numbers = sorted({f.paragraph for f in members if f.paragraph is not None})
        first = min(members, key=lambda f: f.paragraph or 0)
        folded.append(replace(first, paragraphs=tuple(numbers)))
    return sorted(folded, key=lambda f: (f.paragraph or 0, f.code))


def _runs(numbers: Sequence[int]) -> list[str]:
    """3, 4, 5, 9 → ['3–5', '9']."""
    pieces: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        pieces.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return pieces


def describe(numbers: Sequence[int]) -> str:
    """'đoạn 3–40 (38 đoạn)'; a long scatter: 'đoạn 12, 14, 17 và 23 đoạn khác (26 đoạn)'."""
    pieces = _runs(numbers)
    if len(pieces) > _SHOWN_PIECES:
        shown = pieces[: _SHOWN_PIECES - 1]
        rest = len(numbers) - sum(_count(p) for p in shown)
        listed = f"{', '.join(shown)} và {rest} đoạn khác"
    else:
        listed = ", ".join(pieces)
    return f"đoạn {listed} ({len(numbers)} đoạn)"


def _count(piece: str) -> int:
    low, _, high = piece.partition("–")
    return int(high) - int(low) + 1 if high else 1


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """Counts for the closing line and for JSON: findings and paragraphs by severity."""
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    return {
        "errors": len(errors),
        "warnings": len(warnings),
        "error_paragraphs": len({n for f in errors for n in f.paragraphs}),
        "warning_paragraphs": len({n for f in warnings for n in f.paragraphs}),
    }

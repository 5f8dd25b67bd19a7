"""How much a received .docx may ask of the machine, and the refusal when it asks for more.

Each limit is a named constant that an environment variable overrides, as CHUONGTRINH_MAX_MB
overrides the size of the file itself (source/decode.py). The defaults are far above any
programme Word or this tool writes (a 300-page document: ~40 entries, a 5 MB document.xml,
a ratio under 20, ~1 million elements, nesting under 40) and far below what takes a machine
down.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from chuongtrinh.errors import ChuongtrinhError, Diagnostic

MAX_ENTRIES = 2000  # files in the zip (CHUONGTRINH_DOCX_MAX_ENTRIES)
MAX_UNPACKED_MB = 128  # each part and all parts together, unpacked (CHUONGTRINH_DOCX_MAX_MB)
MAX_RATIO = 500  # unpacked / packed size of a part over 16 MB (CHUONGTRINH_DOCX_MAX_RATIO)
RATIO_FROM = 16 * 1048576  # smaller parts may compress as well as they like: a generated
# table of thousands of like rows reaches 300, a 1 GB bomb of spaces 1000
MAX_ELEMENTS = 3_000_000  # XML elements in one part (CHUONGTRINH_DOCX_MAX_ELEMENTS)
# What one part may hold of the units the readers walk one by one: some 250 pages at the density
# of the largest real file (09: 34 pages, 936 paragraphs, 4,058 runs, 144 table rows). At these
# limits `check`, the slowest reader, takes about 2 s; a longer file is refused at once.
MAX_PARAGRAPHS = 8_000  # CHUONGTRINH_DOCX_MAX_PARAGRAPHS
MAX_RUNS = 30_000  # CHUONGTRINH_DOCX_MAX_RUNS
MAX_ROWS = 3_000  # table rows (CHUONGTRINH_DOCX_MAX_ROWS)
MAX_DEPTH = 256  # XML nesting in one part: libxml2's own limit without huge trees
MAX_COLUMNS = 63  # Word's widest table; a gridSpan beyond it and beyond the table's grid
MAX_STYLE_CHAIN = 64  # styles based on styles (Word itself stops far sooner)

_HINT_LIMIT = "nếu tệp đúng là lớn như vậy, đặt biến môi trường {variable} cao hơn"


def setting(variable: str, default: int) -> int:
    """`default`, or the positive number in the environment variable `variable`."""
    value = os.environ.get(variable, "").strip()
    try:
        number = int(float(value)) if value else default
    except ValueError:
        return default
    return number if number > 0 else default


@dataclass(frozen=True)
class Limits:
    """The limits in force, read once per file."""

    entries: int
    unpacked: int  # bytes
    ratio: int
    elements: int
    units: tuple[tuple[str, str, int, str], ...]  # (tag, name, limit, variable)

    @classmethod
    def current(cls) -> Limits:
        return cls(
            setting("CHUONGTRINH_DOCX_MAX_ENTRIES", MAX_ENTRIES),
            setting("CHUONGTRINH_DOCX_MAX_MB", MAX_UNPACKED_MB) * 1048576,
            setting("CHUONGTRINH_DOCX_MAX_RATIO", MAX_RATIO),
            setting("CHUONGTRINH_DOCX_MAX_ELEMENTS", MAX_ELEMENTS),
            tuple(
                (tag, name, setting(variable, default), variable)
                for tag, name, default, variable in (
                    ("tr", "dòng bảng", MAX_ROWS, "CHUONGTRINH_DOCX_MAX_ROWS"),
                    ("p", "đoạn văn", MAX_PARAGRAPHS, "CHUONGTRINH_DOCX_MAX_PARAGRAPHS"),
                    ("r", "đoạn chữ (run)", MAX_RUNS, "CHUONGTRINH_DOCX_MAX_RUNS"),
                )
            ),
        )


class DocxRefused(ChuongtrinhError):
    """A received .docx that is broken or asks for more than the limits: said in Vietnamese,
    naming the file and the part, exit code 1."""

    def under(self, code: str) -> ChuongtrinhError:
        """The same diagnostics under a command's own code ('import-failed', 'unreadable')."""
        return ChuongtrinhError(replace(d, code=code) for d in self.diagnostics)


def refuse(
    file: str, part: str, message: str, hint: str, code: str = "bad-docx", line: int = 1
) -> DocxRefused:
    """The error for `file`; `part` ('' for the zip itself) starts the message."""
    where = f"phần {part}: " if part else ""
    return DocxRefused([Diagnostic(file, line, 1, code, f"{where}{message}", hint)])


def count(number: int) -> str:
    """60.017: the way a Vietnamese reader groups digits."""
    return f"{number:,}".replace(",", ".")


def over_limit(file: str, part: str, message: str, variable: str) -> DocxRefused:
    """A refusal for a limit the user may raise."""
    hint = _HINT_LIMIT.format(variable=variable)
    return refuse(file, part, message, hint, "docx-too-large")

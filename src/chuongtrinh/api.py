"""The façade: what the CLI, CI scripts and tests call, without typer.

Nothing inside the package imports this module; each function hands over to the package that
owns the step (see README, "How the code reads")."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from chuongtrinh.build.output import (
    Replace,
    default_output,
    made_here,
    safe_output,
    write_atomic,
)
from chuongtrinh.build.pipeline import (
    BuildResult,
    Compiled,
    build,
    compile_file,
    compile_text,
    layout,
    plain_text,
    render,
    validate,
)
from chuongtrinh.profiles.choose import profile_table, rule_date
from chuongtrinh.source.fix import FixResult

if TYPE_CHECKING:
    from chuongtrinh.audit.choice import CheckResult
    from chuongtrinh.build.batch import Options, Summary
    from chuongtrinh.diff.changes import Diff, Side
    from chuongtrinh.diff.revision import Source

__all__ = [
    "BuildResult",
    "Compiled",
    "FixResult",
    "Replace",
    "build",
    "build_many",
    "check",
    "compile_file",
    "compile_text",
    "default_output",
    "diff",
    "fix_encoding",
    "layout",
    "made_here",
    "plain_text",
    "profile_table",
    "redline",
    "render",
    "rule_date",
    "safe_output",
    "side",
    "validate",
    "write_atomic",
]


def check(path: Path, profile: str = "tu-dong") -> CheckResult:
    """Audit a .docx against a rule set (`profile`: a family, a pinned name or a file)."""
    from chuongtrinh.audit.choice import check_file

    return check_file(path, profile)


def diff(old: str | None, new: str | None, rev: str | None = None, file: str | None = None) -> Diff:
    """Compare two revisions: `OLD NEW` (files or `REV:FILE`) or `rev='A..B'` with `file`."""
    from chuongtrinh.diff import sides

    return sides.diff(old, new, rev, file)


def side(read: Source) -> Side:
    """One compiled and laid-out revision; raises ChuongtrinhError with located diagnostics."""
    from chuongtrinh.diff import sides

    return sides.side(read)


def redline(changes: Diff, author: str, date: str) -> bytes:
    """The new revision as .docx with the differences recorded as Word tracked changes."""
    from chuongtrinh.diff import sides

    return sides.redline(changes, author, date)


def fix_encoding(path: Path, output: Path | None = None, overwrite: bool = False) -> FixResult:
    """Rewrite a YAML file as UTF-8 NFC text, converting lines typed in TCVN3 or VNI: in place,
    the original kept as `FILE.bak`, or into `output` (never over another file without
    `overwrite`). A file that is not text (a Word file, a PDF) is refused."""
    from chuongtrinh.build.output import rewrite
    from chuongtrinh.source.decode import read_bytes
    from chuongtrinh.source.fix import fix

    fixed = fix(read_bytes(path), str(path))
    data = fixed.text.encode("utf-8")
    if output is not None and not (output.exists() and output.samefile(path)):
        write_atomic(output, data, Replace((path,), force=overwrite))
        return FixResult(path, output, fixed.changes)
    backup = rewrite(path, data) if fixed.changes else None
    return FixResult(path, path, fixed.changes, backup)


def build_many(inputs: Sequence[Path], options: Options | None = None) -> Summary:
    """Every program in `inputs` (folders searched recursively), only what changed when
    `options.output` is a folder; one bad file stops none. See `chuongtrinh.build.batch`."""
    from chuongtrinh.build import batch

    return batch.build(inputs, options or batch.Options())

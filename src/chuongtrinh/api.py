"""What the CLI, CI scripts and tests call: validate and build, without typer."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chuongtrinh import lint, profiles, source, validation
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.layout.blocks import Document, Para
from chuongtrinh.model import Program
from chuongtrinh.profiles import Profile
from chuongtrinh.source import Located

if TYPE_CHECKING:
    from chuongtrinh.diff.changes import Diff, Side
    from chuongtrinh.diff.revision import Source


@dataclass
class Compiled:
    """A program that passed validation, with its rule set and any warnings."""

    located: Located
    program: Program
    profile: Profile
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass
class BuildResult:
    source: Path
    output: Path
    warnings: list[Diagnostic]


def _profile(program: Program, located: Located) -> Profile:
    day = program.date if isinstance(program.date, dt.date) else dt.date.today()
    profile = profiles.resolve(program.system, day)
    if profile is not None:
        return profile
    families = sorted({profiles.load(n).family for n in profiles.builtin_names()})
    known = families + profiles.builtin_names()
    close = difflib.get_close_matches(program.system, known, n=1)
    hint = f"có phải '{close[0]}'?" if close else "các giá trị: " + ", ".join(known)
    if program.system.startswith("nha-nuoc"):
        hint = (
            "bộ quy tắc văn bản Nhà nước (NĐ 30/2020) chưa có trong phiên bản này; có: "
            + ", ".join(known)
        )
    raise ChuongtrinhError(
        [
            located.diagnostic(
                ("he_thong",),
                "unknown-system",
                f"hệ thống văn bản '{program.system}' không có",
                hint,
            )
        ]
    )


def compile_text(text: str, name: str) -> Compiled:
    """YAML text → located tree → model → profile and lint; raises ChuongtrinhError on errors."""
    located = source.loads(text, name)
    program = validation.to_program(located)
    profile = _profile(program, located)
    findings = lint.check(program, profile, located)
    errors = [d for d in findings if d.severity == "error"]
    if errors:
        raise ChuongtrinhError(findings)
    return Compiled(located, program, profile, findings)


def compile_file(path: Path) -> Compiled:
    return compile_text(source.read_text(path), str(path))


def validate(path: Path) -> list[Diagnostic]:
    """Every diagnostic for one file (errors and warnings); never raises for bad input."""
    try:
        return compile_file(path).warnings
    except ChuongtrinhError as exc:
        return exc.diagnostics


def layout(compiled: Compiled) -> Document:
    from chuongtrinh.layout.build import layout as lay_out

    return lay_out(compiled.program, compiled.profile)


def render(compiled: Compiled) -> bytes:
    """The .docx bytes of a compiled program."""
    from chuongtrinh.docx.writer import render as write

    return write(layout(compiled), compiled.profile)


def default_output(path: Path, output: Path | None) -> Path:
    """`-o` may name the .docx or a folder; without it the .docx goes next to the YAML."""
    if output is None:
        return path.with_suffix(".docx")
    if output.suffix.lower() == ".docx":
        return output
    return output / path.with_suffix(".docx").name


def write_atomic(target: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so `target` is never half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def build(path: Path, output: Path | None = None) -> BuildResult:
    """Validate, lay out and write one program; on any error nothing is written."""
    compiled = compile_file(path)
    target = default_output(path, output)
    write_atomic(target, render(compiled))
    return BuildResult(path, target, compiled.warnings)


# -- comparing revisions (issue 5) ---------------------------------------------------------


def diff(old: str | None, new: str | None, rev: str | None = None, file: str | None = None) -> Diff:
    """Compare two revisions: `OLD NEW` (files or `REV:FILE`) or `rev='A..B'` with `file`."""
    from chuongtrinh.diff import revision
    from chuongtrinh.diff.changes import compare

    before, after = revision.pair(old, new, rev, file)
    return compare(side(before), side(after))


def side(read: Source) -> Side:
    """One compiled and laid-out revision; raises ChuongtrinhError with located diagnostics."""
    from chuongtrinh.diff.changes import Side

    compiled = compile_text(read.text, read.name)
    return Side(read.name, compiled.program, compiled.profile, layout(compiled), read.revision)


def redline(changes: Diff, author: str, date: str) -> bytes:
    """The new revision as .docx with the differences recorded as Word tracked changes."""
    from chuongtrinh.diff.redline import TrackedPara, redline
    from chuongtrinh.docx.tracked import Revisions, track
    from chuongtrinh.docx.writer import render as write

    revisions = Revisions(author, date)

    def decorate(p: Any, para: Para, made: list[list[Any]]) -> None:
        if isinstance(para, TrackedPara):
            track(revisions, p, made, para.marks, para.mark, para.move)

    return write(redline(changes), changes.new.profile, decorate)


def plain_text(path: Path) -> list[str]:
    """A program (YAML) or any .docx as lines of text, the same lines for a program and its .docx."""
    from chuongtrinh.docx.reader import lines

    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return lines(io.BytesIO(data))
    paras = layout(compile_file(path)).paragraphs()
    return [line for para in paras for line in para.text.split("\n")]

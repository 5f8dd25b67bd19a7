"""What the CLI, CI scripts and tests call: validate and build, without typer."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chuongtrinh import lint, profiles, source, validation
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.layout.blocks import Document
from chuongtrinh.model import Program
from chuongtrinh.output import default_output, write_atomic
from chuongtrinh.profiles import Profile
from chuongtrinh.source import Located

if TYPE_CHECKING:
    from chuongtrinh.batch import Options, Summary


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


def build(path: Path, output: Path | None = None) -> BuildResult:
    """Validate, lay out and write one program; on any error nothing is written."""
    compiled = compile_file(path)
    target = default_output(path, output)
    write_atomic(target, render(compiled))
    return BuildResult(path, target, compiled.warnings)


def build_many(inputs: Sequence[Path], options: Options | None = None) -> Summary:
    """Every program in `inputs` (folders searched recursively), only what changed when
    `options.output` is a folder; one bad file stops none. See `chuongtrinh.batch`."""
    from chuongtrinh import batch

    return batch.build(inputs, options or batch.Options())

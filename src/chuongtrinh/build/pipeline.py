"""The pipeline of one programme: YAML text → located tree → model → rule set and lint →
layout blocks → .docx bytes. Each step is a call to the package that owns it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chuongtrinh.build.output import Replace, default_output, made_here, write_atomic
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.layout.blocks import Document
from chuongtrinh.model import lint
from chuongtrinh.model.program import Program
from chuongtrinh.model.validation import to_program
from chuongtrinh.profiles.choose import for_program
from chuongtrinh.profiles.models import Profile
from chuongtrinh.source.decode import read_text
from chuongtrinh.source.loader import loads
from chuongtrinh.source.located import Located


@dataclass
class Compiled:
    """A program that passed validation, with its rule set and any warnings."""

    located: Located
    program: Program
    profile: Profile
    warnings: list[Diagnostic] = field(default_factory=list)
    template_dirs: tuple[Path, ...] = ()
    # The blocks once laid out: building and reviewing the page lay it out once.
    document: Document | None = field(default=None, repr=False, compare=False)


@dataclass
class BuildResult:
    source: Path
    output: Path
    warnings: list[Diagnostic]


def compile_text(
    text: str, name: str, profile: Path | None = None, templates: Sequence[Path] = ()
) -> Compiled:
    """YAML text → located tree → model → profile and lint; raises ChuongtrinhError on errors.

    `profile` is a profile file that replaces the one `he_thong` names; `templates` are folders
    whose phrase templates replace the built-in ones of the same name."""
    located = loads(text, name, recover=True)
    program = to_program(located)
    rules = for_program(program.system, program.date, located, profile)
    findings = sorted(
        located.problems + lint.check(program, rules, located), key=lambda d: (d.line, d.col)
    )
    errors = [d for d in findings if d.severity == "error"]
    if errors:
        raise ChuongtrinhError(findings)
    return Compiled(located, program, rules, findings, tuple(templates))


def compile_file(
    path: Path, profile: Path | None = None, templates: Sequence[Path] = ()
) -> Compiled:
    return compile_text(read_text(path), str(path), profile, templates)


def validate(
    path: Path, profile: Path | None = None, templates: Sequence[Path] = ()
) -> list[Diagnostic]:
    """Every diagnostic for one file (errors and warnings); never raises for bad input.

    With a user's phrase templates the program is laid out too (nothing is written), so that
    a failing template shows; the built-in ones are tested, and skipping them keeps it fast."""
    try:
        compiled = compile_file(path, profile, templates)
        if compiled.template_dirs or compiled.profile.templates:
            layout(compiled)
    except ChuongtrinhError as exc:
        return exc.diagnostics
    return compiled.warnings


def layout(compiled: Compiled) -> Document:
    """The blocks of a compiled program; a failing phrase template is a diagnostic."""
    if compiled.document is None:
        compiled.document = _lay_out(compiled)
    return compiled.document


def _lay_out(compiled: Compiled) -> Document:
    from chuongtrinh.layout.build import layout as lay_out
    from chuongtrinh.profiles.phrases import TemplateFailure

    try:
        profile_dirs = (compiled.profile.templates,) if compiled.profile.templates else ()
        return lay_out(compiled.program, compiled.profile, (*compiled.template_dirs, *profile_dirs))
    except TemplateFailure as failure:
        fed = compiled.located.diagnostic(failure.key, "template-input", "")
        key = ".".join(str(k) for k in failure.key)
        own = failure.diagnostic.hint
        hint = (
            f"{own}; " if own else ""
        ) + f"dữ liệu đưa vào mẫu: {fed.file}:{fed.line}:{fed.col} ({key})"
        if failure.variables:
            hint += "; các biến của mẫu: " + ", ".join(failure.variables)
        located = dataclasses.replace(failure.diagnostic, hint=hint)
        raise ChuongtrinhError([located]) from None


def render(compiled: Compiled) -> bytes:
    """The .docx bytes of a compiled program."""
    from chuongtrinh.docx.writer import render as write

    return write(layout(compiled), compiled.profile)


def built_warnings(compiled: Compiled) -> list[Diagnostic]:
    """The warnings of a compiled program with those about its page as laid out
    (layout/review.py), said when it is built."""
    from chuongtrinh.layout.review import review

    document = layout(compiled)  # laid out once: render() keeps it
    return compiled.warnings + review(
        compiled.program, compiled.profile, document, compiled.located
    )


def build(
    path: Path,
    output: Path | None = None,
    profile: Path | None = None,
    templates: Sequence[Path] = (),
    overwrite: bool = False,
) -> BuildResult:
    """Validate, lay out and write one program; on any error nothing is written, and a .docx
    this tool did not make (or the input) is replaced only with `overwrite`."""
    compiled = compile_file(path, profile, templates)
    target = default_output(path, output)
    write_atomic(target, render(compiled), Replace((path,), made_here, overwrite))
    return BuildResult(path, target, built_warnings(compiled))


def plain_text(path: Path) -> list[str]:
    """A program (YAML) or any .docx as lines of text, the same lines for a program and its .docx."""
    from chuongtrinh.docx.reader import lines
    from chuongtrinh.source.decode import read_bytes

    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() == ".docx":
        return lines(data, str(path))  # a .docx with a password or broken is said so
    paras = layout(compile_file(path)).paragraphs()
    return [line for para in paras for line in para.text.split("\n")]

"""What the CLI, CI scripts and tests call: validate and build, without typer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from chuongtrinh import lint, profiles, source, validation
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.layout.blocks import Document, Para, Row
from chuongtrinh.model import Program
from chuongtrinh.output import default_output as default_output
from chuongtrinh.output import safe_output as safe_output
from chuongtrinh.output import write_atomic as write_atomic
from chuongtrinh.profiles import Profile
from chuongtrinh.source import Located

if TYPE_CHECKING:
    from chuongtrinh.batch import Options, Summary
    from chuongtrinh.check import CheckResult
    from chuongtrinh.diff.changes import Diff, Side
    from chuongtrinh.diff.revision import Source


@dataclass
class Compiled:
    """A program that passed validation, with its rule set and any warnings."""

    located: Located
    program: Program
    profile: Profile
    warnings: list[Diagnostic] = field(default_factory=list)
    template_dirs: tuple[Path, ...] = ()


@dataclass
class FixResult:
    source: Path
    output: Path
    changes: list[str]


@dataclass
class BuildResult:
    source: Path
    output: Path
    warnings: list[Diagnostic]


def rule_date(program: Program) -> dt.date:
    """The day whose rules apply: the program's date; for a bare year, the last day of that
    year or today, whichever comes first (a draft of this year gets today's rules)."""
    if isinstance(program.date, dt.date):
        return program.date
    return min(dt.date(program.date, 12, 31), dt.date.today())


def _profile(program: Program, located: Located, profile_path: Path | None) -> Profile:
    if profile_path is not None:
        return _load_profile_file(profile_path, located)
    if profiles.is_path(program.system):
        base = Path(located.file).parent
        return _load_profile_file(base / program.system, located, ("he_thong",))
    profile = profiles.resolve(program.system, rule_date(program))
    if profile is not None:
        return profile
    families = sorted({profiles.load(n).family for n in profiles.builtin_names()})
    known = families + profiles.builtin_names()
    close = difflib.get_close_matches(program.system, known, n=1)
    hint = f"có phải '{close[0]}'?" if close else "các giá trị: " + ", ".join(known)
    raise ChuongtrinhError(
        [
            located.diagnostic(
                ("he_thong",),
                "unknown-system",
                f"hệ thống văn bản '{program.system}' không có",
                hint + "; hoặc đường dẫn tới tệp bộ quy tắc (.yaml)",
            )
        ]
    )


def _load_profile_file(path: Path, located: Located, key: tuple[str, ...] = ()) -> Profile:
    """A user's profile file; a missing or invalid one is a diagnostic, not a traceback."""
    try:
        return profiles.load(str(path.resolve()))
    except FileNotFoundError:
        problem = f"không tìm thấy tệp bộ quy tắc {path}"
    except ValidationError as exc:
        raise ChuongtrinhError(_profile_problems(path, exc)) from None
    except (ValueError, yaml.YAMLError) as exc:
        problem = f"tệp bộ quy tắc {path} không hợp lệ: {exc}"
    if key:
        raise ChuongtrinhError([located.diagnostic(key, "bad-profile", problem)])
    raise ChuongtrinhError([Diagnostic(str(path), 1, 1, "bad-profile", problem)])


_EXTENDS_HINT = "tệp bộ quy tắc riêng bắt đầu bằng 'extends: dang-2018' (hoặc một bộ khác) rồi chỉ ghi các giá trị đổi"


def _profile_problems(path: Path, exc: ValidationError) -> list[Diagnostic]:
    """Each problem of a profile file at the line of its key (or of the nearest key above
    it, when the value comes from the profile it extends)."""
    located = source.loads(source.read_text(path), str(path))
    return [
        located.diagnostic(
            tuple(error["loc"]),
            "bad-profile",
            f"bộ quy tắc: '{'.'.join(str(p) for p in error['loc'])}': {error['msg']}",
            _EXTENDS_HINT if error["type"] == "missing" else None,
        )
        for error in exc.errors()
    ]


def compile_text(
    text: str, name: str, profile: Path | None = None, templates: Sequence[Path] = ()
) -> Compiled:
    """YAML text → located tree → model → profile and lint; raises ChuongtrinhError on errors.

    `profile` is a profile file that replaces the one `he_thong` names; `templates` are folders
    whose phrase templates replace the built-in ones of the same name."""
    located = source.loads(text, name)
    program = validation.to_program(located)
    rules = _profile(program, located, profile)
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
    return compile_text(source.read_text(path), str(path), profile, templates)


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
    from chuongtrinh.layout.build import layout as lay_out
    from chuongtrinh.phrases import TemplateFailure

    try:
        profile_dirs = (compiled.profile.templates,) if compiled.profile.templates else ()
        return lay_out(compiled.program, compiled.profile, (*compiled.template_dirs, *profile_dirs))
    except TemplateFailure as failure:
        fed = compiled.located.diagnostic(failure.key, "template-input", "")
        key = ".".join(str(k) for k in failure.key)
        hint = f"dữ liệu đưa vào mẫu: {fed.file}:{fed.line}:{fed.col} ({key})"
        if failure.variables:
            hint += "; các biến của mẫu: " + ", ".join(failure.variables)
        located = dataclasses.replace(failure.diagnostic, hint=hint)
        raise ChuongtrinhError([located]) from None


def render(compiled: Compiled) -> bytes:
    """The .docx bytes of a compiled program."""
    from chuongtrinh.docx.writer import render as write

    return write(layout(compiled), compiled.profile)


def build(
    path: Path,
    output: Path | None = None,
    profile: Path | None = None,
    templates: Sequence[Path] = (),
) -> BuildResult:
    """Validate, lay out and write one program; on any error nothing is written."""
    compiled = compile_file(path, profile, templates)
    target = default_output(path, output)
    write_atomic(target, render(compiled))
    return BuildResult(path, target, compiled.warnings)


def profile_table() -> list[dict[str, str | None]]:
    """The built-in profiles as records: name, family, source, dates in force, parent."""
    rows: list[dict[str, str | None]] = []
    for name in profiles.builtin_names():
        profile = profiles.load(name)
        rows.append(
            {
                "ten": profile.name,
                "he_thong": profile.family,
                "nguon": profile.source,
                "tu_ngay": _vn_date(profile.in_force_from),
                "den_ngay": _vn_date(profile.in_force_until),
                "mo_rong": profiles.parent_of(name),
            }
        )
    return rows


def _vn_date(day: dt.date | None) -> str | None:
    return day.strftime("%d/%m/%Y") if day else None


def check(path: Path, profile: str = "tu-dong") -> CheckResult:
    """Audit a .docx against a rule set (`profile`: a family, a pinned name or a file)."""
    from chuongtrinh.check import check_file

    return check_file(path, profile)


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
    from chuongtrinh.diff.redline import TrackedPara, TrackedRow, redline
    from chuongtrinh.docx.tracked import Revisions, track
    from chuongtrinh.docx.writer import render as write

    revisions = Revisions(author, date)

    def decorate(p: Any, para: Para, made: list[list[Any]]) -> None:
        if isinstance(para, TrackedPara):
            track(revisions, p, made, para.marks, para.mark, para.move)

    def decorate_row(tr: Any, row: Row) -> None:
        if isinstance(row, TrackedRow):
            revisions.mark_row(tr, row.mark)

    return write(redline(changes), changes.new.profile, decorate, decorate_row)


def plain_text(path: Path) -> list[str]:
    """A program (YAML) or any .docx as lines of text, the same lines for a program and its .docx."""
    from chuongtrinh.docx.reader import lines

    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return lines(io.BytesIO(data))
    paras = layout(compile_file(path)).paragraphs()
    return [line for para in paras for line in para.text.split("\n")]


def fix_encoding(path: Path, output: Path | None = None) -> FixResult:
    """Rewrite a YAML file as UTF-8 NFC text, converting lines typed in TCVN3 or VNI."""
    import unicodedata

    from chuongtrinh import legacy

    raw = path.read_bytes()
    text, encoding = source.to_unicode(raw)
    changes = [f"tệp 8 bit ({encoding}) → UTF-8"] if encoding else []
    if raw[:3] == b"\xef\xbb\xbf" or source.is_utf16(raw):
        changes.append("bỏ dấu BOM / UTF-16 → UTF-8")
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        changes.append("chữ tổ hợp (NFD) → dựng sẵn (NFC)")
    fixed, counts = legacy.fix_lines(normal)
    changes += [f"{n} dòng {legacy.NAMES[enc]} → Unicode" for enc, n in sorted(counts.items())]
    target = output or path
    if changes or target != path:
        write_atomic(target, fixed.encode("utf-8"))
    return FixResult(path, target, changes)


def build_many(inputs: Sequence[Path], options: Options | None = None) -> Summary:
    """Every program in `inputs` (folders searched recursively), only what changed when
    `options.output` is a folder; one bad file stops none. See `chuongtrinh.batch`."""
    from chuongtrinh import batch

    return batch.build(inputs, options or batch.Options())

"""What the CLI, CI scripts and tests call: validate and build, without typer."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from chuongtrinh import lint, profiles, source, validation
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.layout.blocks import Document
from chuongtrinh.model import Program
from chuongtrinh.profiles import Profile
from chuongtrinh.source import Located


@dataclass
class Compiled:
    """A program that passed validation, with its rule set and any warnings."""

    located: Located
    program: Program
    profile: Profile
    warnings: list[Diagnostic] = field(default_factory=list)


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
    findings = sorted(
        located.problems + lint.check(program, profile, located), key=lambda d: (d.line, d.col)
    )
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


def safe_output(folder: Path, name: str | Path, where: Diagnostic | None = None) -> Path:
    """`folder/name` when it stays inside `folder` (symlinks followed); else an error.

    Batch mode takes output names from its input: a name like '../../x.docx', '/etc/x',
    'C:\\x' or a symlink out of the folder must not write anywhere else. `where` is the place
    the name came from, for the diagnostic."""
    text = str(name)
    problem = None
    if not text.strip() or "\x00" in text:
        problem = "tên tệp ra trống hoặc có ký tự không hợp lệ"
    else:
        relative = Path(text.replace("\\", "/"))
        root = folder.resolve()
        target = (root / relative).resolve()
        if relative.is_absolute() or any(":" in part for part in relative.parts[:1]):
            problem = f"tên tệp ra '{text}' là đường dẫn tuyệt đối"
        elif target == root or not target.is_relative_to(root):
            problem = f"tệp ra '{text}' nằm ngoài thư mục đích {folder}"
    if problem is None:
        return target
    file, line, col = (where.file, where.line, where.col) if where else (text, 1, 1)
    raise ChuongtrinhError(
        [
            Diagnostic(
                file,
                line,
                col,
                "unsafe-output",
                problem,
                "chỉ dùng tên tệp (có thể kèm thư mục con), không dùng '..' hay đường dẫn tuyệt đối",
            )
        ]
    )


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

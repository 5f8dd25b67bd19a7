"""Many programs at once: find them, build only what changed, in worker processes when many.

Inputs are files and folders; a folder is searched recursively for `*.yaml` / `*.yml` and its
layout is mirrored under the output folder. With an output folder, a manifest there records a
content hash of each input (with the rule sets, templates and tool it was built with) and of
each output, so an unchanged program is not built again and `check` can tell stale from fresh.

This module is imported by the CLI before it knows whether anything needs building, so the
pipeline (pydantic, python-docx, Jinja) is imported only in `_build_one`.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import signal
import zlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from chuongtrinh import __version__
from chuongtrinh.build.manifest import Manifest, digest
from chuongtrinh.build.output import (
    Replace,
    default_output,
    inside,
    made_here,
    remove_leftovers,
    write_atomic,
)
from chuongtrinh.errors import ChuongtrinhError, Diagnostic

SUFFIXES = (".yaml", ".yml")
# Below this many programs to build, forking workers costs more than it saves.
PARALLEL_FROM = 8
# A YAML file found in a folder is a program when one of these keys starts a line.
_PROGRAM_KEY = re.compile(r"^(?:trich_yeu|noi_dung|co_quan|he_thong|loai)\s*:", re.M)
_PACKAGE = Path(__file__).resolve().parents[1]

Status = Literal["built", "unchanged", "stale", "failed", "skipped", "removed"]


@dataclass(frozen=True)
class Options:
    output: Path | None = None
    exclude: tuple[str, ...] = ()
    force: bool = False
    check: bool = False
    jobs: int | None = None
    profile: Path | None = None  # --profile: a rule set file instead of the one he_thong names
    templates: tuple[Path, ...] = ()  # --templates: folders of the office's phrase templates
    overwrite: bool = False  # --ghi-de: replace even a .docx this tool did not make


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path
    key: str | None  # the manifest entry (output relative to the output folder), if any
    profile: Path | None = None
    templates: tuple[Path, ...] = ()
    overwrite: bool = False
    recorded: bool = False  # the manifest says a build made the output there now


@dataclass
class Outcome:
    source: Path
    output: Path | None
    status: Status
    diagnostics: list[Diagnostic] = field(default_factory=list)
    note: str = ""
    digest: str = ""

    def record(self) -> dict[str, Any]:
        """The outcome for `--format json`: what was read, what was written or would be, why."""
        return {
            "source": str(self.source),
            "output": None if self.output is None else str(self.output),
            "status": self.status,
            "note": self.note,
            "diagnostics": [d.as_dict() for d in self.diagnostics],
        }


@dataclass
class Summary:
    outcomes: list[Outcome]
    problems: list[Diagnostic] = field(default_factory=list)  # the manifest's, not a program's

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic: each program's, then the manifest's."""
        return [d for o in self.outcomes for d in o.diagnostics] + self.problems

    @property
    def ok(self) -> bool:
        failed = any(o.status in ("failed", "stale") for o in self.outcomes)
        return not failed and not any(d.severity == "error" for d in self.problems)

    def record(self) -> dict[str, Any]:
        """The whole run for `--format json`: each file's outcome, the counts, every diagnostic."""
        return {
            "ok": self.ok,
            "counts": {status: self.count(status) for status in get_args(Status)},
            "files": [outcome.record() for outcome in self.outcomes],
            "diagnostics": [d.as_dict() for d in self.diagnostics],
        }

    def line(self) -> str:
        """`đã tạo 2, không đổi 47, lỗi 1` (and what was skipped or stale, when any)."""
        parts = [
            f"đã tạo {self.count('built')}",
            f"không đổi {self.count('unchanged')}",
            f"lỗi {self.count('failed')}",
        ]
        if self.count("stale"):
            parts.insert(0, f"cần tạo lại {self.count('stale')}")
        if self.count("removed"):
            parts.append(f"đã xóa {self.count('removed')}")
        if self.count("skipped"):
            parts.append(f"bỏ qua {self.count('skipped')}")
        return ", ".join(parts)


def _fail(source: Path, code: str, message: str, hint: str | None = None) -> Outcome:
    return Outcome(source, None, "failed", [Diagnostic(str(source), 1, 1, code, message, hint)])


def _excluded(relative: Path, patterns: Sequence[str]) -> bool:
    """A pattern matches the relative path, or any one folder or file name in it."""
    text = relative.as_posix()
    return any(
        fnmatch.fnmatch(text, p) or any(fnmatch.fnmatch(part, p) for part in relative.parts)
        for p in patterns
    )


def is_program(path: Path) -> bool:
    """Whether a YAML file found in a folder looks like a program (not CI or tool config)."""
    try:
        return (
            _PROGRAM_KEY.search(path.read_text(encoding="utf-8-sig", errors="replace")) is not None
        )
    except OSError:
        return True  # let the build say what is wrong with it


def discover(
    inputs: Sequence[Path], options: Options
) -> tuple[list[tuple[Path, Path | None]], list[Outcome]]:
    """(file, folder it was found in) for every program; what was skipped, with why."""
    found: list[tuple[Path, Path | None]] = []
    skipped: list[Outcome] = []
    outdir = options.output.resolve() if options.output is not None else None
    seen: set[Path] = set()
    for given in inputs:
        if not given.is_dir():
            if given.resolve() not in seen:
                seen.add(given.resolve())
                found.append((given, None))
            continue
        for path in sorted(p for p in given.rglob("*") if p.suffix.lower() in SUFFIXES):
            relative = path.relative_to(given)
            hidden = any(part.startswith(".") for part in relative.parts)
            if hidden or not path.is_file() or _excluded(relative, options.exclude):
                continue
            if outdir is not None and path.resolve().is_relative_to(outdir):
                continue
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            if not is_program(path):
                note = "không phải chương trình (không có khóa trich_yeu, noi_dung, co_quan…)"
                skipped.append(Outcome(path, None, "skipped", note=note))
                continue
            found.append((path, given))
    return found, skipped


def plan(
    found: Iterable[tuple[Path, Path | None]], options: Options
) -> tuple[list[Job], list[Outcome]]:
    """Where each program's .docx goes; an output outside the folder or used twice fails."""
    jobs: list[Job] = []
    failed: list[Outcome] = []
    taken: dict[Path, Path] = {}
    outdir = options.output
    for source, root in found:
        if root is not None and outdir is not None:
            target = outdir / source.relative_to(root).with_suffix(".docx")
        else:
            target = default_output(source, outdir)
        folder = outdir if outdir is not None and outdir.suffix.lower() != ".docx" else None
        if folder is not None and not inside(target, folder):
            failed.append(_fail(source, "output-outside", f"tệp ra {target} nằm ngoài {folder}"))
            continue
        if target.resolve() in taken:
            other = taken[target.resolve()]
            failed.append(_fail(source, "output-taken", f"tệp ra {target} trùng với của {other}"))
            continue
        taken[target.resolve()] = source
        key = target.relative_to(folder).as_posix() if folder is not None else None
        job = Job(source, target, key, options.profile, options.templates, options.overwrite)
        jobs.append(job)
    return jobs, failed


@cache
def fingerprint() -> str:
    """What every output depends on besides its YAML: this package's code, rule sets,
    reference template and phrase templates, the zlib that compresses, SOURCE_DATE_EPOCH."""
    from chuongtrinh.resources import templates_dir

    files = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += sorted(p for p in templates_dir().rglob("*") if p.is_file())
    chunks = [__version__.encode(), zlib.ZLIB_RUNTIME_VERSION.encode()]
    chunks.append(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    for path in files:
        chunks += [path.name.encode(), path.read_bytes()]
    return digest(*chunks)


def _input_key(source: Path, options: Options) -> str:
    """The YAML, what every output depends on, and the office's own profile and templates."""
    chunks = [fingerprint().encode(), source.read_bytes()]
    extra = [options.profile] if options.profile is not None else []
    for folder in options.templates:
        extra += sorted(p for p in folder.rglob("*") if p.is_file())
    for path in extra:
        chunks += [str(path).encode(), path.read_bytes()]
    return digest(*chunks)


def _recorded(_: Path) -> bool:
    return True


def _build_one(job: Job) -> Outcome:
    """Validate, lay out and write one program; never raises for a bad input or a bug."""
    from chuongtrinh.build import pipeline

    try:
        compiled = pipeline.compile_file(job.source, job.profile, job.templates)
        data = pipeline.render(compiled)
        warnings = pipeline.built_warnings(compiled)
        keep = Replace((job.source,), _recorded if job.recorded else made_here, job.overwrite)
        write_atomic(job.output, data, keep, clean=False)  # run() cleaned the folder
    except ChuongtrinhError as exc:
        return Outcome(job.source, None, "failed", exc.diagnostics)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(job.source, "write-failed", f"không ghi được {job.output}: {reason}")
    except Exception as exc:  # a bug of ours must not stop the other programs
        hint = "vui lòng báo lỗi này kèm tệp YAML đã dùng"
        return _fail(job.source, "internal-error", f"{type(exc).__name__}: {exc}", hint)
    written = digest(data) if job.key is not None else ""
    return Outcome(job.source, job.output, "built", warnings, digest=written)


def _worker_died(job: Job, code: int | None) -> Outcome:
    """The outcome of a program whose worker process died while building it."""
    how = f"mã thoát {code}"
    if code is not None and code < 0:
        try:
            how = f"tín hiệu {signal.Signals(-code).name}"
        except ValueError:
            how = f"tín hiệu {-code}"
    return _fail(
        job.source,
        "worker-died",
        f"tiến trình tạo tệp này dừng đột ngột ({how}); tệp .docx chưa được ghi",
        "thường do hết bộ nhớ hoặc bị hệ thống dừng; chạy lại lệnh, hoặc tạo riêng tệp này",
    )


def _build_all(jobs: list[Job], workers: int) -> Iterable[Outcome]:
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        yield from map(_build_one, jobs)
        return
    from chuongtrinh.build.workers import map_unordered

    # The first program is built here, so that forked workers start with the pipeline
    # imported, the rule set read, the phrase templates compiled and the styles set up.
    yield _build_one(jobs[0])
    rest = jobs[1:]
    yield from map_unordered(_build_one, rest, min(workers, len(rest)), _worker_died)


def _clean(jobs: Sequence[Job]) -> None:
    """Temporaries a killed build left beside these outputs (one look per folder)."""
    folders: dict[Path, set[str]] = defaultdict(set)
    for job in jobs:
        folders[job.output.parent].add(job.output.name)
    for folder, names in folders.items():
        remove_leftovers(folder, names)


OnOutcome = Callable[[Outcome], None]


def run(
    jobs: Sequence[Job],
    options: Options,
    on_outcome: OnOutcome = lambda _: None,
    on_total: Callable[[int], None] = lambda _: None,
    roots: Sequence[Path] = (),
) -> Summary:
    """Build the jobs whose inputs changed (all with `force`; none with `check`), and remove
    the outputs of programs no longer in the folders `roots`."""
    folder = options.output if options.output and options.output.suffix.lower() != ".docx" else None
    manifest = Manifest(folder)
    outcomes: list[Outcome] = []
    pending: list[tuple[Job, str]] = []
    for job in jobs:
        try:
            key = _input_key(job.source, options) if manifest.path is not None else ""
        except OSError as exc:
            outcomes.append(
                _fail(job.source, "file-not-found", f"không đọc được tệp: {exc.strerror}")
            )
            continue
        if not options.force and manifest.fresh(job.key, job.output, key):
            said = manifest.warnings(job.key)  # said again: the file still has them
            outcomes.append(Outcome(job.source, job.output, "unchanged", said))
        elif options.check:
            outcomes.append(Outcome(job.source, job.output, "stale"))
        else:
            pending.append((dataclasses.replace(job, recorded=manifest.recorded(job.key)), key))
    on_total(len(pending))
    for outcome in outcomes:
        on_outcome(outcome)
    if not options.check:
        _clean(jobs)
    keys = {job.source: (job, key) for job, key in pending}
    workers = options.jobs or os.cpu_count() or 1
    for outcome in _build_all([job for job, _ in pending], workers):
        job, key = keys[outcome.source]
        if outcome.status == "built":
            manifest.record(job.key, job.source, key, outcome.digest, outcome.diagnostics)
        else:
            manifest.forget(job.key)
        outcomes.append(outcome)
        on_outcome(outcome)
    for outcome in _orphans(manifest, jobs, roots, options.check):
        outcomes.append(outcome)
        on_outcome(outcome)
    if not options.check:
        manifest.save()
    return Summary(outcomes, manifest.problems)


def _orphans(
    manifest: Manifest, jobs: Sequence[Job], roots: Sequence[Path], check: bool
) -> list[Outcome]:
    """Outputs of programs deleted from a searched folder: removed when still as built (with
    `check`: stale); an output changed since is kept, and said so."""
    if manifest.folder is None:
        return []
    found: list[Outcome] = []
    for key, source in manifest.orphans({job.key for job in jobs if job.key}, roots):
        target = manifest.folder / key
        if check:
            if manifest.removable(key):
                found.append(Outcome(source, target, "stale", note="orphan"))
        elif manifest.remove(key):
            found.append(Outcome(source, target, "removed"))
        else:
            note = f"giữ lại {target}: tệp đã đổi sau lần tạo, không xóa"
            found.append(Outcome(source, target, "skipped", note=note))
    return found


def build(
    inputs: Sequence[Path],
    options: Options,
    on_outcome: OnOutcome = lambda _: None,
    on_total: Callable[[int], None] = lambda _: None,
    only: Collection[Path] | None = None,
) -> Summary:
    """Find, plan and build: every program under `inputs` (or only those of `only` among
    them), one bad file stopping none."""
    found, skipped = discover(inputs, options)
    if only is not None:
        wanted = {p.resolve() for p in only}
        found = [(path, root) for path, root in found if path.resolve() in wanted]
        skipped = [o for o in skipped if o.source.resolve() in wanted]
    jobs, refused = plan(found, options)
    for outcome in (*skipped, *refused):
        on_outcome(outcome)
    roots = [p for p in inputs if p.is_dir()] if only is None else []
    built = run(jobs, options, on_outcome, on_total, roots)
    return Summary([*skipped, *refused, *built.outcomes], built.problems)

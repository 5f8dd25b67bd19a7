"""Which rule set applies: a pinned name, a profile file, or a family's version in force."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Protocol

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.profiles import confine
from chuongtrinh.profiles.loader import builtin_names, is_path, load
from chuongtrinh.profiles.models import Profile
from chuongtrinh.source.located import Located


def resolve(system: str, on: dt.date) -> Profile | None:
    """The built-in profile a name asks for: a pinned name, or a family's version in force on
    `on` (the newest one when none is). A profile file is not looked for here: only a
    programme may name one (`for_program`), from where it may come."""
    names = builtin_names()
    if system in names:
        return load(system)
    family = [load(n) for n in names if load(n).family == system]
    if not family:
        return None
    in_force = [p for p in family if p.in_force_on(on)]
    candidates = in_force or family
    return max(candidates, key=lambda p: p.in_force_from or dt.date.min)


class Month(Protocol):
    """A month whose day is still blank (the model's YearMonth)."""

    def last_day(self) -> dt.date: ...


def rule_date(day: dt.date | Month | int) -> dt.date:
    """The day whose rules apply: the program's date; for a bare year or a month, its last day
    or today, whichever comes first (a draft of this month gets today's rules)."""
    if isinstance(day, dt.date):
        return day
    last = dt.date(day, 12, 31) if isinstance(day, int) else day.last_day()
    return min(last, dt.date.today())


def families() -> list[str]:
    """The families of the built-in profiles (dang, nha-nuoc…)."""
    return sorted({load(n).family for n in builtin_names()})


def profile_table() -> list[dict[str, str | None]]:
    """The built-in profiles as records: name, family, source, dates in force, parent."""
    from chuongtrinh.profiles.loader import parent_of

    rows: list[dict[str, str | None]] = []
    for name in builtin_names():
        profile = load(name)
        rows.append(
            {
                "ten": profile.name,
                "he_thong": profile.family,
                "nguon": profile.source,
                "tu_ngay": _vn_date(profile.in_force_from),
                "den_ngay": _vn_date(profile.in_force_until),
                "mo_rong": parent_of(name),
            }
        )
    return rows


def _vn_date(day: dt.date | None) -> str | None:
    return day.strftime("%d/%m/%Y") if day else None


def for_program(
    system: str, day: dt.date | Month | int, located: Located, profile_path: Path | None = None
) -> Profile:
    """The rule set of a programme: `--profile`, a file named by `he_thong`, or the version of
    the family (or the pinned name) in force on its date; a bad name or file is a diagnostic."""
    if profile_path is not None:
        if not profile_path.exists():
            raise ChuongtrinhError([_missing(profile_path)])
        return load(str(profile_path))
    if is_path(system):
        return load(str(_named_file(system, located)))
    profile = resolve(system, rule_date(day))
    if profile is not None:
        return profile
    known = families() + builtin_names()
    close = difflib.get_close_matches(system, known, n=1)
    hint = f"có phải '{close[0]}'?" if close else "các giá trị: " + ", ".join(known)
    raise ChuongtrinhError(
        [
            located.diagnostic(
                ("he_thong",),
                "unknown-system",
                f"hệ thống văn bản '{system}' không có",
                hint + "; hoặc đường dẫn tới tệp bộ quy tắc (.yaml)",
            )
        ]
    )


_OUTSIDE_HINT = (
    "đặt tệp bộ quy tắc trong kho (thư mục git) của chương trình, hoặc thêm thư mục chứa nó vào"
    f" biến môi trường {confine.SETTING}"
)


def _named_file(system: str, located: Located) -> Path:
    """The profile file `he_thong: FILE.yaml` names: relative to the programme inside its
    repository, else by that name in a configured folder (docs/security.md); a file anywhere
    else is refused, so a programme cannot make the tool read the host's files."""
    program = Path(located.file)
    beside = program.parent / system
    candidates = [beside]
    if confine.relative_problem(system) is None:
        candidates += [folder / system for folder in confine.configured()]
    roots = confine.trusted_roots(program)
    for path in candidates:
        if path.exists() and any(confine.within(path, root) for root in roots):
            return path
    if beside.exists():
        problem = f"tệp bộ quy tắc {system} nằm ngoài kho của chương trình"
        raise ChuongtrinhError(
            [located.diagnostic(("he_thong",), "bad-profile", problem, _OUTSIDE_HINT)]
        )
    problem = f"không tìm thấy tệp bộ quy tắc {beside}"
    raise ChuongtrinhError([located.diagnostic(("he_thong",), "bad-profile", problem)])


def _missing(path: Path) -> Diagnostic:
    return Diagnostic(str(path), 1, 1, "bad-profile", f"không tìm thấy tệp bộ quy tắc {path}")

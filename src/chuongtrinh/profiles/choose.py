"""Which rule set applies: a pinned name, a profile file, or a family's version in force."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Protocol

import yaml
from pydantic import ValidationError

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.profiles.loader import builtin_names, is_path, load
from chuongtrinh.profiles.models import Profile
from chuongtrinh.source.decode import read_text
from chuongtrinh.source.loader import loads
from chuongtrinh.source.located import Located


def resolve(system: str, on: dt.date, relative_to: Path | None = None) -> Profile | None:
    """The profile a program asks for: a profile file, a pinned name, or a family's version in
    force on `on` (the newest one when none is)."""
    if is_path(system):
        path = Path(system)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        return load(str(path.resolve())) if path.is_file() else None
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
        return _load_profile_file(profile_path, located)
    if is_path(system):
        base = Path(located.file).parent
        return _load_profile_file(base / system, located, ("he_thong",))
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


def _load_profile_file(path: Path, located: Located, key: tuple[str, ...] = ()) -> Profile:
    """A user's profile file; a missing or invalid one is a diagnostic, not a traceback."""
    try:
        return load(str(path.resolve()))
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
    located = loads(read_text(path), str(path))
    return [
        located.diagnostic(
            tuple(error["loc"]),
            "bad-profile",
            f"bộ quy tắc: '{'.'.join(str(p) for p in error['loc'])}': {error['msg']}",
            _EXTENDS_HINT if error["type"] == "missing" else None,
        )
        for error in exc.errors()
    ]

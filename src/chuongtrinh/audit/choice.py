"""Which rule set a .docx is checked against: a pinned name, a profile file, or the version of
a family in force on the document's date (the family told by its banner when asked to)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chuongtrinh.audit.findings import Finding
from chuongtrinh.audit.reading import CheckError, Contents, normal, open_docx
from chuongtrinh.audit.rules import check
from chuongtrinh.docx.untrusted import values_read
from chuongtrinh.errors import ExitCode
from chuongtrinh.model.fields import YearMonth
from chuongtrinh.profiles import choose
from chuongtrinh.profiles import loader as profiles
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.recognise import DEFAULT_FAMILY, phrasebook

AUTO = "tu-dong"


class ProfileNotFound(CheckError):
    """`--profile` names no shipped rule set and no file."""

    exit_code = ExitCode.USAGE


@dataclass
class CheckResult:
    profile: Profile
    findings: list[Finding]


# A State number or reference ("…/KH-UBND", "Số: 12/BC-SNV"): the family of a file without a
# header (an annex) is told by the document it is attached to, named in its first lines.
_STATE_NUMBER = re.compile(r"/\s*[A-ZĐ][A-Za-zĐ]{0,4}-[A-ZĐ]")
_FIRST_LINES = 15


def document_date(texts: list[str]) -> dt.date | YearMonth | int | None:
    """The date of the first date line (written in words, else in figures), or the month or
    year of a date line whose day is blank: what the rule set is chosen by (see
    `choose.rule_date`)."""
    book = phrasebook()
    for pattern in (*book.dates.in_line, *book.dates.in_figures):
        for text in texts:
            match = pattern.search(text)
            if match:
                try:
                    return dt.date(int(match["nam"]), int(match["thang"]), int(match["ngay"]))
                except ValueError:  # a wrong date is reported by the date rule, not here
                    return int(match["nam"])
    for pattern in book.dates.month_only:
        for text in texts:
            match = pattern.search(text)
            if match and 1 <= int(match["thang"]) <= 12:
                return YearMonth(int(match["nam"]), int(match["thang"]))
    for pattern in book.dates.year_only:
        for text in texts:
            match = pattern.search(text)
            if match:
                return int(match["nam"])
    return None


def detect_family(texts: list[str]) -> str:
    """The rule set family whose banner (Party) or national title (State) the header shows;
    without either, State when the first lines name a State document ("…/KH-UBND")."""
    shown = {normal(text) for text in texts}
    families = phrasebook().families
    for family in families:
        if normal(family.banner) in shown:
            return family.name
    state = next((f.name for f in families if f.name == "nha-nuoc"), None)
    if state is not None and any(_STATE_NUMBER.search(t) for t in texts[:_FIRST_LINES]):
        return state
    return DEFAULT_FAMILY


def choose_profile(name: str, document: Any, contents: Contents | None = None) -> Profile:
    """A pinned profile, a file, or a family's version in force on the document's date."""
    names = profiles.builtin_names()
    if name in names or (Path(name).suffix in (".yaml", ".yml") and Path(name).is_file()):
        return profiles.load(name)
    texts = (contents or Contents.of(document)).texts
    if name == AUTO:
        name = detect_family(texts)
    found = document_date(texts)
    profile = choose.resolve(name, dt.date.today() if found is None else choose.rule_date(found))
    if profile is None:
        known = choose.families() + names
        raise ProfileNotFound(f"không có bộ quy tắc '{name}'; có: {', '.join(known)}")
    return profile


def check_file(path: Path, profile_name: str = AUTO) -> CheckResult:
    """Audit a .docx against a rule set (see `choose_profile`)."""
    document = open_docx(path)
    with values_read(str(path)):  # choosing reads the document too
        contents = Contents.of(document)
        profile = choose_profile(profile_name, document, contents)
        return CheckResult(profile, check(document, profile, contents))

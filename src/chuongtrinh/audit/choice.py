"""Which rule set a .docx is checked against: a pinned name, a profile file, or the version of
a family in force on the document's date (the family told by its banner when asked to)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chuongtrinh.audit.reading import CheckError, open_docx
from chuongtrinh.audit.rules import Finding, check
from chuongtrinh.docx.reader import body_paragraphs, paragraph_text
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


def _texts(document: Any) -> Iterator[str]:
    return (paragraph_text(paragraph) for paragraph in body_paragraphs(document))


def document_date(document: Any) -> dt.date | YearMonth | int | None:
    """The date of the first date line (written in words, else in figures), or the month or
    year of a date line whose day is blank: what the rule set is chosen by (see
    `choose.rule_date`)."""
    texts = list(_texts(document))
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


def detect_family(document: Any) -> str:
    """The rule set family whose banner (Party) or national title (State) the header shows."""
    texts = {text.strip().upper() for text in _texts(document)}
    for family in phrasebook().families:
        if family.banner.upper() in texts:
            return family.name
    return DEFAULT_FAMILY


def choose_profile(name: str, document: Any) -> Profile:
    """A pinned profile, a file, or a family's version in force on the document's date."""
    names = profiles.builtin_names()
    if name in names or (Path(name).suffix in (".yaml", ".yml") and Path(name).is_file()):
        return profiles.load(name)
    if name == AUTO:
        name = detect_family(document)
    found = document_date(document)
    profile = choose.resolve(name, dt.date.today() if found is None else choose.rule_date(found))
    if profile is None:
        known = choose.families() + names
        raise ProfileNotFound(f"không có bộ quy tắc '{name}'; có: {', '.join(known)}")
    return profile


def check_file(path: Path, profile_name: str = AUTO) -> CheckResult:
    """Audit a .docx against a rule set (see `choose_profile`)."""
    document = open_docx(path)
    with values_read(str(path)):  # choosing reads the document too
        profile = choose_profile(profile_name, document)
        return CheckResult(profile, check(document, profile))

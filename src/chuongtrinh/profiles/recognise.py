"""What a reader recognises in a document: the phrases of the rule sets, as patterns.

`phrasebook(profile)` is the one source: the audit (`check`), the importer and lint read their
banners, number and date lines, authority prefixes, labels and lead-agency line from it, and
it reads them from the profiles (the built-in ones and a user's file alike) and their phrase
templates. Two kinds of phrase:

- a *label* ("Nơi nhận", "Lưu", "Cơ quan chủ trì", "Dự thảo") is the profile's own when a
  profile is given (a document of that rule set prints no other), every rule set's when not;
- a *form* that tells rule sets apart (banner, number line, date line, authority prefix, kind)
  is always every rule set's, the profile's first: a wrong one must be found to be judged.

The audit judges a phrase strictly: as the template writes it, any spacing where it has a
space. The other readers find it as people type it: any spacing around signs, words kept
apart by at least one space, labels in any case. A user's template that fails to render is
left out here; the build reports it, with the YAML value that fed it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.profiles.dates import Dates
from chuongtrinh.profiles.loader import builtin_names, load
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.templated import (
    Phrase,
    Side,
    compiled,
    free,
    inserted,
    marks,
    one_of,
    render,
)

DEFAULT_FAMILY = "dang"  # a document that shows no family is read as a Party one
# An item named in a lead-agency line: "(5)", "5.", "5)", "a)".
ITEM_REF = r"(?:\(\d+\)|\d+[.)]|[a-zđ]\))"

# What a value looks like: as the audit judges it, as a reader finds it.
_NUMBER = {"so": r"\d*[a-zđ]?", "loai": r"[^\s/-]+", "viet_tat": r"\S+"}
_DATE = {"dia_danh": r".+?", "ngay": r"\d*", "thang": r"\d*", "nam": r"\d{4}"}


@dataclass(frozen=True)
class Family:
    """What tells one family's documents apart (a built-in family, or a user's)."""

    name: str
    banner: str
    motto: str | None
    number: re.Pattern[str] | None  # the number line as a reader finds it
    prefixes: tuple[str, ...]  # authority prefixes no other family uses


class Phrasebook:
    """The phrases of one rule set (`profile`) and of every built-in one, as patterns; each
    is built on first use and kept (lint needs three of them, the importer most)."""

    def __init__(self, profile: Profile | None) -> None:
        self.profile = profile
        builtin = [load(name) for name in builtin_names()]
        # Where forms come from (the profile first), and labels (see the module's docstring).
        self.profiles = ([profile] if profile else []) + [p for p in builtin if p is not profile]
        self.labelled = [profile] if profile else builtin

    def _own(self) -> Profile:
        if self.profile is None:
            raise ValueError("a rule set's own phrase: pass its profile")
        return self.profile

    # -- forms of every rule set ----------------------------------------------------------

    @cached_property
    def families(self) -> tuple[Family, ...]:
        prefixes: dict[str, list[str]] = {}
        for profile in self.profiles:
            found = prefixes.setdefault(profile.family, [])
            found += [p for p in profile.authority_prefixes if p not in found]
        seen, out = set(), []
        for profile in self.profiles:
            others = {p for name, some in prefixes.items() if name != profile.family for p in some}
            own = tuple(p for p in prefixes[profile.family] if p not in others)
            number = _number_line(profile)
            key = (profile.family, profile.header.banner, profile.header.motto, number)
            if key not in seen:
                seen.add(key)
                out.append(Family(*key, own))
        return tuple(out)

    def banner_family(self, line: str) -> str | None:
        """The family whose banner or motto the line shows, tone marks, case, dashes and
        spacing aside (a converted TCVN3 header may have lost some)."""
        folded = _fold(line)
        for family in self.families:
            shown = [family.banner, *([family.motto] if family.motto else [])]
            if any(_fold(text) in folded for text in shown):
                return family.name
        return None

    def number_line(self, line: str) -> tuple[str, re.Match[str]] | None:
        """(family, match) of a number line in any family's form ('Số 36 - CTr/ĐU')."""
        for family in self.families:
            match = family.number.match(line) if family.number else None
            if match:
                return family.name, match
        return None

    def signature_family(self, authority: str) -> Family | None:
        """A family other than the default one whose own authority prefix the lines use
        ('TM.' is the State's alone); the default family needs no evidence."""
        for family in self.families:
            if family.name == DEFAULT_FAMILY:
                continue
            for prefix in family.prefixes:
                if re.search(rf"(?<!\w){re.escape(prefix)}", authority):
                    return family
        return None

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Abbreviation → kind name of every rule set ('CTr' → 'CHƯƠNG TRÌNH')."""
        found: dict[str, str] = {}
        for profile in self.profiles:
            for abbreviation, name in profile.kinds.items():
                found.setdefault(abbreviation, name)
        return found

    @cached_property
    def kind_names(self) -> dict[str, str]:
        """Kind name → abbreviation ('CHƯƠNG TRÌNH' → 'CTr'), every rule set's."""
        return {name.upper(): abbreviation for abbreviation, name in self.kinds.items() if name}

    @cached_property
    def authority_prefixes(self) -> tuple[str, ...]:
        """Every spelling of every rule set's prefixes, the longest first; each in the other
        family's spelling too ('T/M' ↔ 'TM.', 'Q.' ↔ 'Q/'), so a wrong one is still found."""
        found = {p for profile in self.profiles for p in profile.authority_prefixes}
        found |= {_other_spelling(p) for p in found}
        return tuple(sorted(found, key=lambda p: (-len(p), p)))

    def authority_prefix(self, text: str) -> str | None:
        """The prefix an authority line starts with, as spelled ('T/M ĐẢNG ỦY' → 'T/M')."""
        return next((p for p in self.authority_prefixes if text.upper().startswith(p)), None)

    @cached_property
    def authority_line(self) -> re.Pattern[str]:
        """A line that starts with a prefix and goes on ('KT. CHỦ TỊCH')."""
        spelled = "|".join(re.escape(p) for p in self.authority_prefixes)
        return re.compile(rf"^(?:{spelled})\s*+\S")

    @cached_property
    def authority_typed(self) -> re.Pattern[str]:
        """A prefix however it is typed ('TM', 'T.M.', 'T / M'), in group 1."""
        letters = sorted({_letters(p) for p in self.authority_prefixes}, key=len, reverse=True)
        forms = [rf"{w[0]}\s*+[/.]?\s*+{re.escape(w[1:])}" if len(w) > 1 else w for w in letters]
        return re.compile(rf"^\s*((?:{'|'.join(forms)})\b\.?)")

    @cached_property
    def number_signs(self) -> tuple[re.Pattern[str], ...]:
        """A number with its sign typed after it ('36-CTr/ĐU'), each rule set's form."""
        groups = {"so": r"\d+", "loai": r"[^\s/-]+", "viet_tat": r"\S+"}
        found = [_number_phrase(p) for p in self.profiles]
        return compiled(
            rf"^\s*+{phrase.starting('so').regex(groups, loose=True)}\s*+$"
            for phrase in found
            if phrase is not None and phrase.has("so")
        )

    # -- dates ----------------------------------------------------------------------------

    @cached_property
    def dates(self) -> Dates:
        """Every rule set's date line, as the patterns each reader looks for a date with."""
        found = [_phrase(p, "date", marks(*_DATE)) for p in self.profiles]
        return Dates.of([p for p in dict.fromkeys(found) if p is not None and p.words()])

    # -- labels: the profile's own, or every rule set's -----------------------------------

    def _labels(self, read: Callable[[Profile], str]) -> list[str]:
        return list(dict.fromkeys(read(profile) for profile in self.labelled))

    @cached_property
    def draft(self) -> tuple[re.Pattern[str], ...]:
        """The draft marker: 'Dự thảo', 'Dự thảo lần 2' (group 'lan'), any case."""
        found = []
        for profile in self.labelled:
            mark = marks("lan")
            for lan in (mark["lan"], None):
                phrase = _phrase(profile, "draft", mark, nhan=profile.labels.draft, lan=lan)
                if phrase is not None:
                    found.append("^" + phrase.regex({"lan": r"\d+"}, loose=True) + "$")
        return compiled(found, re.IGNORECASE)

    @cached_property
    def recipients_label(self) -> re.Pattern[str]:
        """'Nơi nhận' alone on its line, any case, with or without its colon."""
        labels = one_of(self._labels(lambda p: p.labels.recipients))
        return re.compile(rf"^\s*+(?:{labels})\s*+:?\s*+$", re.IGNORECASE)

    @cached_property
    def addressees_label(self) -> re.Pattern[str]:
        """'Kính gửi:' at the start of its line, any case; group 'rest': what follows it."""
        labels = one_of(self._labels(lambda p: p.labels.addressees))
        return re.compile(rf"^\s*+(?:{labels})\s*+:\s*+(?P<rest>.*)$", re.IGNORECASE | re.S)

    @cached_property
    def archive_label(self) -> str:
        """The word the archive line begins with ('Lưu'), for a recipient line to write."""
        return self._labels(lambda p: p.labels.archive)[0]

    @cached_property
    def archive(self) -> re.Pattern[str]:
        """A recipient (its bullet taken off) that is the archive line: 'Lưu VT', any case."""
        labels = one_of(self._labels(lambda p: p.labels.archive))
        return re.compile(rf"^\s*+(?:{labels})", re.IGNORECASE)

    @cached_property
    def lead_agency(self) -> tuple[re.Pattern[str], ...]:
        """'Cơ quan chủ trì tham mưu: … mục (5), (6) và (8); cơ quan phối hợp: ….', any case;
        groups 'nhan', 'co_quan', 'muc' and 'phoi_hop'."""
        labels = one_of(self._labels(lambda p: p.labels.lead_agency))
        found = [_lead_agency(p, labels) for p in self.labelled]
        return compiled((f for f in found if f), re.IGNORECASE | re.S)

    @cached_property
    def body_ends(self) -> tuple[str, ...]:
        """How the body's last paragraph ends ('./.')."""
        return tuple(self._labels(lambda p: p.punctuation.body_end))

    # -- the profile's own, as the audit judges it ----------------------------------------

    @cached_property
    def number(self) -> re.Pattern[str]:
        """The number line exactly as the template writes it (any spacing)."""
        return re.compile(self._number.regex(_NUMBER) + "$")

    @cached_property
    def _number(self) -> Phrase:
        mark = _number_marks()
        return Phrase.read(render(self._own(), "number", **mark), mark)

    @property
    def number_word(self) -> str:
        """The word a number line starts with ('Số')."""
        return self._number.words()[0]

    @property
    def number_colon(self) -> bool:
        """Whether the rule set writes a colon after that word ('Số:')."""
        signs = [t for t in self._number.tokens if t[0] != "space"]
        return len(signs) > 1 and signs[1] == ("sign", ":")

    @cached_property
    def date(self) -> re.Pattern[str]:
        """The date line exactly as the template writes it (any spacing)."""
        mark = marks(*_DATE)
        phrase = Phrase.read(render(self._own(), "date", **mark), mark)
        return re.compile(phrase.regex(_DATE) + "$")

    @cached_property
    def recipients(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(a recipient line before the last, the last line) as the template writes them."""
        first, last = self._recipient_lines
        groups = {"first": ".+?", "last": ".+?"}
        return re.compile(first.regex(groups) + "$"), re.compile(last.regex(groups) + "$")

    @cached_property
    def _recipient_lines(self) -> tuple[Phrase, Phrase]:
        profile = self._own()
        mark = marks("first", "last")
        text = render(
            profile,
            "recipients",
            cac_dong=[mark["first"], mark["last"]],
            dau=profile.punctuation.recipient,
            dau_cuoi=profile.punctuation.recipient_last,
        )
        first, last = (Phrase.read(line, mark) for line in text.splitlines())
        return first, last

    @cached_property
    def archive_line(self) -> re.Pattern[str]:
        """The last recipient line, the archive: '- Lưu …' as the template begins a line."""
        first = self._recipient_lines[0]
        bullet = Phrase(first.tokens[: first.tokens.index(("group", "first"))])
        label = re.escape(self._own().labels.archive)
        return re.compile(rf"{bullet.regex({})}\s*+{label}\b")


def _number_marks() -> dict[str, str]:
    return marks("so", "loai", "viet_tat")


def _rendered(profile: Profile, name: str, **values: object) -> str | None:
    """The profile's template `name` rendered; None when a user's template fails (the build
    reports it, with the YAML value that fed it)."""
    try:
        return render(profile, name, **values)
    except ChuongtrinhError:  # a template failing or over its budget (phrases.TemplateFailure)
        return None


def _phrase(profile: Profile, name: str, mark: dict[str, str], **values: object) -> Phrase | None:
    text = _rendered(profile, name, **(mark | values))
    return None if text is None else Phrase.read(text, mark)


def _number_phrase(profile: Profile) -> Phrase | None:
    return _phrase(profile, "number", _number_marks())


def _number_line(profile: Profile) -> re.Pattern[str] | None:
    phrase = _number_phrase(profile)
    if phrase is None or not phrase.has("so"):
        return None
    # The number runs to the sign the template puts after it; ':' and '/' never belong to it.
    after = next((t for t in phrase.after("so").tokens if t[0] != "space"), ("", ""))
    stop = re.escape(after[1]) if after[0] == "sign" else ""
    groups = {**_NUMBER, "so": rf"[^\s:/{stop}]*"}
    return re.compile(rf"^\s*+{phrase.regex(groups, loose=True)}\s*+$")


def _lead_agency(profile: Profile, labels: str) -> str | None:
    """The lead-agency line: its items ('mục …') and partners ('; cơ quan phối hợp: …') are
    each there or not, as the template renders them or leaves them out."""
    mark = marks("nhan", "co_quan", "a", "b", "c", "phoi_hop")
    refs = [mark["a"], mark["b"], mark["c"]]
    full, no_refs, bare = (
        _rendered(profile, "lead_agency", **(mark | {"muc": muc, "phoi_hop": partners}))
        for muc, partners in ((refs, mark["phoi_hop"]), ([], mark["phoi_hop"]), ([], None))
    )
    if full is None or no_refs is None or bare is None:
        return None
    head, with_refs, _ = inserted(full, no_refs)
    _, with_partners, tail = inserted(no_refs, bare)
    refs_part = _refs(Phrase.read(with_refs, mark))
    if head + with_refs + with_partners + tail != full or refs_part is None:
        return None
    groups = {"nhan": labels, "co_quan": free(), "phoi_hop": free()}
    after_value: tuple[Side, Side] = ("value", None)
    partners = Phrase.read(with_partners, mark).regex(groups, loose=True, outside=after_value)
    end = Phrase.read(tail).regex({}, loose=True, outside=after_value)
    return (
        rf"^\s*+{Phrase.read(head, mark).regex(groups, loose=True)}"
        rf"(?:{refs_part})?(?:{partners})?(?:{end})?\s*+$"  # the full stop or not
    )


def _refs(part: Phrase) -> str | None:
    """' mục A, B và C' → 'mục (?P<muc>REF(?:(?:, | và )REF)*)': the separators the template
    puts between the items named."""
    tokens = part.tokens
    try:
        a, b, c = (tokens.index(("group", name)) for name in "abc")
    except ValueError:
        return None
    between_values: tuple[Side, Side] = ("value", "value")
    seps = dict.fromkeys((Phrase(tokens[a + 1 : b]), Phrase(tokens[b + 1 : c])))
    between = "|".join(s.regex({}, loose=True, outside=between_values) for s in seps)
    lead_in = Phrase(tokens[:a]).regex({}, loose=True, outside=between_values)
    return rf"{lead_in}(?P<muc>{ITEM_REF}(?:(?:{between}){ITEM_REF})*)"


def _other_spelling(prefix: str) -> str:
    """'T/M' ↔ 'TM.', 'Q.' ↔ 'Q/': the Party writes a slash after the first letter, the
    State a full stop after the letters."""
    letters = _letters(prefix)
    return f"{letters}." if "/" in prefix else f"{letters[0]}/{letters[1:]}"


def _letters(prefix: str) -> str:
    return re.sub(r"[/.]", "", prefix)


def _fold(text: str) -> str:
    """Text compared by its letters: no tone or other marks, one case, dashes alike, no spaces."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"\s+", "", re.sub(r"[–—]", "-", plain)).upper()


_BOOKS: dict[int, tuple[Profile | None, Phrasebook]] = {}


def phrasebook(profile: Profile | None = None) -> Phrasebook:
    """The phrases a reader recognises under `profile` (None: any built-in rule set), kept per
    profile: built-in profiles are loaded once, so each has one phrasebook."""
    kept = _BOOKS.get(id(profile))
    if kept is None or kept[0] is not profile:
        kept = _BOOKS[id(profile)] = (profile, Phrasebook(profile))
    return kept[1]

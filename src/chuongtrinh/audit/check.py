"""Audit any .docx against a rule set: the profile the builder uses, read the other way round.

Elements are found by their content and place (the header's "Số …" line, the date line, the
kind, "Nơi nhận:", the authority line …), not by the 'CT …' styles, so a program typed by
hand in Word is checked as well as one chuongtrinh made. Phrases (number line, date line,
recipients) are matched against the same Jinja templates the builder renders.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import IO, Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh.docx import props
from chuongtrinh.docx.reader import body_paragraphs
from chuongtrinh.errors import ExitCode, MessageError, Severity
from chuongtrinh.profiles import choose, phrases
from chuongtrinh.profiles import loader as profiles
from chuongtrinh.profiles.models import Profile

_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}
_HEADING = re.compile(r"^([IVXLC]+\.\s|\d+\.\s.{0,110}$)")  # "I. …"; "1. …" when heading-short
# "Đồng Tháp, ngày …" or a place with the date in figures ("Đồng Tháp, 01/02/2023")
_DATE_LINE = re.compile(r",\s*(ngày\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})")
_DATE_ANYWHERE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
# Fallbacks to pick the rule set when the date line is written wrongly or left blank:
# "Đồng Tháp, 05/02/2023" and a draft's "ngày     tháng     năm 2023".
_DATE_FIGURES = re.compile(r",\s*(?:ngày\s*)?(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_DATE_YEAR_ONLY = re.compile(r",\s*ngày\s+tháng\s+năm\s+(\d{4})\s*$")
# Roles whose paragraphs may carry inline emphasis: only "must be bold/italic" is checked there.
_FREE_EMPHASIS = {"body", "heading", "item", "table_cell", "table_note"}
_MM_TOLERANCE = 0.5


class CheckError(MessageError):
    """A file or a rule set that cannot be checked at all; the message is for the user."""


@dataclass(frozen=True)
class Finding:
    """One rule a document breaks, at a paragraph (1-based, reading order) or the whole file."""

    code: str
    message: str
    rule: str
    paragraph: int | None = None
    text: str | None = None
    severity: Severity = "error"

    def format(self, file: str) -> str:
        where = f"{file}:đoạn {self.paragraph}" if self.paragraph else file
        text = f' "{self.text}"' if self.text else ""
        head = f"{where}: {_SEVERITY_VI[self.severity]} [{self.code}]"
        return f"{head}{text}: {self.message} (quy tắc: {self.rule})"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Element:
    """A paragraph recognised as one element of the document (its role in the profile)."""

    role: str
    number: int  # 1-based, reading order, table cells included
    paragraph: Paragraph

    @property
    def text(self) -> str:
        return self.paragraph.text.strip()


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- phrases as patterns --------------------------------------------------------------------


def phrase_patterns(
    profile: Profile,
    name: str,
    groups: dict[str, str],
    arrange: Callable[[dict[str, str]], dict[str, Any]] = dict,
) -> list[re.Pattern[str]]:
    """One regular expression per line of a phrase template; `groups` stand for the values.

    Each group is rendered as a private-use character, so the template itself says where the
    number, the day or a recipient's name goes; runs of spaces match any spacing. `arrange`
    turns the marks into the template's variables when they are not one value per group.
    """
    marks = {key: chr(0xE000 + n) for n, key in enumerate(groups)}
    rendered = phrases.render(getattr(profile.phrases, name), (), **arrange(marks))
    found = []
    for line in rendered.splitlines():
        pattern = re.escape(line.strip())
        for key, mark in marks.items():
            pattern = pattern.replace(re.escape(mark), f"(?P<{key}>{groups[key]})")
        found.append(re.compile(re.sub(r"(?:\\ |\s)+", r"\\s*", pattern) + "$"))
    return found


class _Patterns:
    """The number line, date line and recipient lines of one profile as regular expressions."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    @cached_property
    def number(self) -> re.Pattern[str]:
        groups = {"so": r"\d*[a-zđ]?", "loai": r"[^\s/-]+", "viet_tat": r"\S+"}
        return phrase_patterns(self.profile, "number", groups)[0]

    @cached_property
    def date(self) -> re.Pattern[str]:
        groups = {"dia_danh": r".+?", "ngay": r"\d*", "thang": r"\d*", "nam": r"\d{4}"}
        return phrase_patterns(self.profile, "date", groups)[0]

    @cached_property
    def recipients(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(a line before the last, the last line)."""
        punctuation = self.profile.punctuation
        first, last = phrase_patterns(
            self.profile,
            "recipients",
            {"first": ".+?", "last": ".+?"},
            lambda marks: {
                "cac_dong": [marks["first"], marks["last"]],
                "dau": punctuation.recipient,
                "dau_cuoi": punctuation.recipient_last,
            },
        )
        return first, last


# -- finding the elements -------------------------------------------------------------------


@cache
def _all_authorities() -> tuple[str, ...]:
    """Authority prefixes of every shipped rule set: a wrong one is still found, then judged."""
    found = {a for name in profiles.builtin_names() for a in profiles.load(name).authority_prefixes}
    found |= {"T/M", "K/T", "T/L", "T/UQ", "Q.", "TM.", "KT.", "TL.", "TUQ."}
    return tuple(sorted(found, key=len, reverse=True))


def _authority_prefix(text: str) -> str | None:
    return next((p for p in _all_authorities() if text.upper().startswith(p)), None)


def open_docx(source: str | Path | IO[bytes]) -> Any:
    """The python-docx Document, or a CheckError a user can read."""
    try:
        return docx.Document(str(source) if isinstance(source, Path) else source)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CheckError(f"không đọc được tệp .docx ({type(exc).__name__}: {exc})") from None


class Reader:
    """The paragraphs of one .docx with the elements recognised in them."""

    def __init__(self, document: Any, profile: Profile) -> None:
        self.document = document
        self.paragraphs = list(body_paragraphs(self.document))
        self.profile = profile
        self.elements: list[Element] = []
        self._find()

    def texts(self) -> list[str]:
        return [p.text.strip() for p in self.paragraphs]

    def add(self, role: str, index: int) -> None:
        self.elements.append(Element(role, index + 1, self.paragraphs[index]))

    def first(self, role: str) -> Element | None:
        return next((e for e in self.elements if e.role == role), None)

    def all(self, role: str) -> list[Element]:
        return [e for e in self.elements if e.role == role]

    def _find(self) -> None:
        texts = self.texts()
        kinds = sorted(self.profile.kinds.values(), key=len, reverse=True)
        kind = next(
            (
                i
                for i, t in enumerate(texts)
                if t.upper().startswith(tuple(kinds)) and self._caps(i)
            ),
            len(texts),
        )
        self._header(texts[:kind])
        if kind == len(texts):
            return
        self.add("kind", kind)
        end = self._title(texts, kind + 1)
        label = next(
            (
                i
                for i in range(end, len(texts))
                if texts[i].startswith(self.profile.labels.recipients)
            ),
            None,
        )
        authority = next((i for i in range(end, len(texts)) if _authority_prefix(texts[i])), None)
        stops = [i for i in (label, authority) if i is not None]
        self._body(texts, end, min(stops, default=len(texts)))
        if label is not None:
            self._recipients(texts, label)
        if authority is not None:
            self._signature(texts, authority, label)

    def _caps(self, index: int) -> bool:
        """Shown in capitals: typed so, or typed in lower case with Word's 'All caps'."""
        paragraph = self.paragraphs[index]
        text = paragraph.text.strip()
        return bool(text) and (text == text.upper() or props.all_runs(paragraph, "caps"))

    def _header(self, texts: list[str]) -> None:
        header = self.profile.header
        star = next((i for i, t in enumerate(texts) if t == header.star), None)
        for i, text in enumerate(texts):
            if text.upper() == header.banner.upper():
                self.add("banner", i)
            elif text.startswith("Số"):
                self.add("number", i)
            elif text.startswith(self.profile.labels.draft):
                self.add("draft", i)
            elif _DATE_ANYWHERE.search(text) or _DATE_LINE.search(text):
                self.add("date", i)
            elif i == star:
                self.add("star", i)
        if star is None:
            return
        names = [i for i, t in enumerate(texts[:star]) if t and t.upper() != header.banner.upper()]
        for i in names:
            self.add("superior" if self._superior(names, i) else "issuer", i)

    def _superior(self, names: list[int], index: int) -> bool:
        """The first of several name lines is the superior body, unless it is bold like the
        issuer: a body's own name may be printed on two lines ("ỦY BAN NHÂN DÂN / TỈNH …")."""
        if len(names) < 2 or index != names[0]:
            return False
        return not props.all_runs(self.paragraphs[index], "bold") or not all(
            props.all_runs(self.paragraphs[i], "bold") for i in names[1:]
        )

    def _title(self, texts: list[str], start: int) -> int:
        """Summary lines up to the separator; returns where the body starts."""
        separator = self.profile.separator
        for i in range(start, len(texts)):
            text = texts[i]
            if text == separator or (text and set(text) == {"-"}):
                self.add("separator", i)
                return i + 1
            if text.startswith("(") and text.endswith(")"):
                self.add("attached", i)
            elif text:
                self.add("summary", i)
            if i - start > 4:  # no separator: the summary is at most a few lines
                break
        return start + 1

    def _body(self, texts: list[str], start: int, end: int) -> None:
        for i in range(start, end):
            if not texts[i]:
                continue
            cell = _content_table_cell(self.paragraphs[i])
            if cell is not None:
                self.add(_table_role(cell, texts[i]), i)
            else:
                self.add("heading" if _HEADING.match(texts[i]) else "body", i)

    def _recipients(self, texts: list[str], label: int) -> None:
        self.add("recipients_label", label)
        for i in range(label + 1, len(texts)):
            if not texts[i].startswith("-"):
                break
            self.add("recipient", i)

    def _cell(self, index: int) -> Any | None:
        """The table cell holding paragraph `index` (None outside tables): the signature block
        is what shares the authority's cell, not a line printed after the table."""
        return next(self.paragraphs[index]._p.iterancestors(qn("w:tc")), None)

    def _signature(self, texts: list[str], authority: int, label: int | None) -> None:
        i = authority
        while i < len(texts) and _authority_prefix(texts[i]):
            self.add("authority", i)
            i += 1
        stop = label if label is not None and label > authority else len(texts)
        cell = self._cell(authority)
        rest = [
            j
            for j in range(i, stop)
            if texts[j] and not texts[j].startswith("-") and self._cell(j) is cell
        ]
        if rest:
            self.add("position", rest[0])
        if len(rest) > 1:
            self.add("signer", rest[-1])


def _content_table_cell(paragraph: Paragraph) -> Any | None:
    """The w:tc holding `paragraph` when it sits in a table of items (trinh_bay: bang).

    The header and closing blocks are one-row, two-column tables; a table of items has a
    header row and more than two columns."""
    cell = next((a for a in paragraph._p.iterancestors(qn("w:tc"))), None)
    if cell is None:
        return None
    table = next(cell.iterancestors(qn("w:tbl")))
    widest = max(len(row.findall(qn("w:tc"))) for row in table.iter(qn("w:tr")))
    return cell if widest > 2 else None


def _table_role(cell: Any, text: str) -> str:
    """table_header for the first row, table_group/table_note for a merged row, else table_cell."""
    row = cell.getparent()
    if row is next(row.getparent().iter(qn("w:tr"))):
        return "table_header"
    if len(row.findall(qn("w:tc"))) == 1:
        return "table_group" if _HEADING.match(text) else "table_note"
    return "table_cell"


def _label_underlined(paragraph: Paragraph) -> bool:
    """The label's words underlined and its colon not (HD 36)."""
    runs = props.text_runs(paragraph)
    words = [r for r in runs if any(c.isalpha() for c in r.text)]
    colons = [r for r in runs if ":" in r.text]
    underlined = [props.flag(paragraph, r, "underline") for r in words]
    return all(underlined) and not any(props.flag(paragraph, r, "underline") for r in colons)


# -- the rules ------------------------------------------------------------------------------


@dataclass
class Audit:
    reader: Reader
    findings: list[Finding] = field(default_factory=list)

    @property
    def profile(self) -> Profile:
        return self.reader.profile

    def add(self, code: str, message: str, rule: str, element: Element | None = None,
            severity: Severity = "error") -> None:  # fmt: skip
        self.findings.append(
            Finding(
                code,
                message,
                rule,
                element.number if element else None,
                _short(element.text) if element else None,
                severity,
            )
        )

    def run(self) -> list[Finding]:
        self.page()
        self.fonts()
        for element in self.reader.elements:
            self.style(element)
        self.number()
        self.date()
        self.recipients()
        self.signature()
        self.presence()
        return sorted(self.findings, key=lambda f: (f.paragraph or 0, f.code))

    def page(self) -> None:
        page, section = self.profile.page, self.reader.document.sections[0]
        actual = {
            "khổ rộng": (section.page_width, page.width_mm, "width_mm"),
            "khổ cao": (section.page_height, page.height_mm, "height_mm"),
            "lề trên": (section.top_margin, page.margin_mm.top, "margin_mm.top"),
            "lề dưới": (section.bottom_margin, page.margin_mm.bottom, "margin_mm.bottom"),
            "lề trái": (section.left_margin, page.margin_mm.left, "margin_mm.left"),
            "lề phải": (section.right_margin, page.margin_mm.right, "margin_mm.right"),
        }
        for name, (length, wanted, key) in actual.items():
            have = props.length_mm(length)
            if have is None or abs(have - wanted) > _MM_TOLERANCE:
                code = "page-size" if name.startswith("khổ") else "page-margin"
                shown = "không đặt" if have is None else f"{have:.1f} mm"
                rule = f"{self.profile.name} page.{key}: {wanted:g}"
                self.add(code, f"{name} {shown}, phải {wanted:g} mm", rule)

    def fonts(self) -> None:
        """Every run with text on the profile's font in all four slots; one finding per kind."""
        wanted = self.profile.font.name
        seen: dict[str, list[int]] = {}
        for n, paragraph in enumerate(self.reader.paragraphs, start=1):
            for run in props.text_runs(paragraph):
                wrong = {s: f for s, f in props.fonts(paragraph, run).items() if f != wanted}
                if wrong:
                    key = ", ".join(f"{slot}={font}" for slot, font in wrong.items())
                    seen.setdefault(key, []).append(n)
                    break
        for key, numbers in seen.items():
            more = f" (và {len(numbers) - 1} đoạn khác)" if len(numbers) > 1 else ""
            first = Element("font", numbers[0], self.reader.paragraphs[numbers[0] - 1])
            message = (
                f"phông chữ {key}{more}; phải {wanted} ở cả 4 vị trí (ascii, hAnsi, eastAsia, cs)"
            )
            self.add("font", message, f"{self.profile.name} font.name: {wanted}", first)

    def style(self, element: Element) -> None:
        role = {"heading": "heading_1", "body": "body"}.get(element.role, element.role)
        if role not in self.profile.styles:
            return
        rules = self.profile.style(role)
        paragraph = element.paragraph
        runs = props.text_runs(paragraph)
        if not runs:
            return
        where = f"{self.profile.name} styles.{role}"
        sizes = sorted({props.size_pt(paragraph, r) for r in runs})
        if rules.size_pt is not None and sizes != [rules.size_pt]:
            shown = ", ".join(f"{s:g}" for s in sizes)
            self.add(
                "size", f"cỡ chữ {shown} pt, phải {rules.size_pt:g} pt", f"{where}.size_pt", element
            )
        for name, label in (("bold", "đậm"), ("italic", "nghiêng")):
            self.emphasis(element, name, label, bool(getattr(rules, name)), where)
        if rules.underline and not props.all_runs(paragraph, "underline"):
            self.add("underline", "phải gạch chân", f"{where}.underline", element)
        text = element.text
        if rules.caps and text != text.upper() and not props.all_runs(paragraph, "caps"):
            self.add("caps", "phải viết in hoa", f"{where}.caps", element)

    def emphasis(self, element: Element, name: str, label: str, wanted: bool, where: str) -> None:
        paragraph = element.paragraph
        if wanted and not props.all_runs(paragraph, name):
            self.add(name, f"phải in {label}", f"{where}.{name}", element)
        elif not wanted and element.role not in _FREE_EMPHASIS and props.all_runs(paragraph, name):
            self.add(name, f"không được in {label}", f"{where}.{name}", element)

    def number(self) -> None:
        element = self.reader.first("number")
        if element is None:
            return
        rule = f"{self.profile.name} phrases.number ({self.profile.phrases.number})"
        match = _Patterns(self.profile).number.match(element.text)
        if match is None:
            sample = phrases.render(self.profile.phrases.number, so="36", loai="CTr", viet_tat="ĐU")
            hint = " (không có dấu hai chấm sau 'Số')" if element.text.startswith("Số:") else ""
            self.add("number-form", f"số, ký hiệu phải có dạng '{sample}'{hint}", rule, element)
        elif match["loai"] not in self.profile.kinds:
            self.add(
                "number-kind",
                f"'{match['loai']}' không phải chữ viết tắt tên loại văn bản",
                f"{self.profile.name} kinds",
                element,
                "warning",
            )

    def date(self) -> None:
        element = self.reader.first("date")
        if element is None:
            return
        rules = self.profile.date
        rule = f"{self.profile.name} date (ngày dưới {rules.pad_day_below}, tháng {', '.join(map(str, rules.pad_months))} có số 0 ở đầu)"
        match = _Patterns(self.profile).date.match(element.text)
        if match is None:
            sample = phrases.render(
                self.profile.phrases.date, dia_danh="Đồng Tháp", ngay="05", thang="02", nam=2023
            )
            self.add(
                "date-form", f"dòng địa danh, ngày tháng phải có dạng '{sample}'", rule, element
            )
            return
        for part, written, text_of in (
            ("ngày", match["ngay"], rules.day_text),
            ("tháng", match["thang"], rules.month_text),
        ):
            if written and written != text_of(int(written)):
                self.add(
                    "date-padding",
                    f"{part} '{written}' phải viết '{text_of(int(written))}'",
                    rule,
                    element,
                )

    def recipients(self) -> None:
        label = self.reader.first("recipients_label")
        if label is None:
            return
        labels, closing = self.profile.labels, self.profile.closing
        rule = f"{self.profile.name} labels.recipients, closing.label_underline"
        if label.text != f"{labels.recipients}:":
            self.add("recipients-label", f"phải ghi '{labels.recipients}:'", rule, label)
        elif closing.label_underline and not _label_underlined(label.paragraph):
            message = f"chữ '{labels.recipients}' gạch chân, dấu ':' không gạch chân"
            self.add("recipients-label", message, rule, label)
        lines = self.reader.all("recipient")
        punctuation = self.profile.punctuation
        rule = f"{self.profile.name} punctuation.recipient '{punctuation.recipient}', recipient_last '{punctuation.recipient_last}'"
        middle, last = _Patterns(self.profile).recipients
        for n, element in enumerate(lines):
            final = n == len(lines) - 1
            if not (last if final else middle).match(element.text):
                end = punctuation.recipient_last if final else punctuation.recipient
                self.add(
                    "recipient-form", f"dòng nơi nhận bắt đầu '- ', kết thúc '{end}'", rule, element
                )
        if not lines:
            self.add("recipients-empty", "không có dòng nơi nhận nào ('- …')", rule, label)
        elif not re.match(rf"-\s*{re.escape(labels.archive)}\b", lines[-1].text):
            self.add(
                "recipients-archive",
                f"dòng nơi nhận cuối phải là '- {labels.archive} …'",
                f"{self.profile.name} labels.archive",
                lines[-1],
            )

    def signature(self) -> None:
        allowed = self.profile.authority_prefixes
        rule = f"{self.profile.name} authority_prefixes: {', '.join(allowed)}"
        for element in self.reader.all("authority"):
            prefix = _authority_prefix(element.text)
            if allowed and prefix not in allowed:
                self.add(
                    "authority",
                    f"thẩm quyền ký '{prefix}' không dùng trong {self.profile.name}; dùng {', '.join(allowed)}",
                    rule,
                    element,
                )

    def presence(self) -> None:
        """Elements every program has; a missing number or signer is only a warning (drafts)."""
        required = {
            "banner": "quốc hiệu / tiêu đề (ví dụ 'ĐẢNG CỘNG SẢN VIỆT NAM')",
            "date": "dòng địa danh, ngày tháng",
            "kind": "tên loại văn bản (ví dụ 'CHƯƠNG TRÌNH')",
            "recipients_label": f"'{self.profile.labels.recipients}:'",
            "authority": "thẩm quyền ký (" + ", ".join(self.profile.authority_prefixes) + " …)",
        }
        optional = {"number": "dòng số, ký hiệu", "signer": "họ tên người ký"}
        groups: tuple[tuple[dict[str, str], Severity], ...] = (
            (required, "error"),
            (optional, "warning"),
        )
        for roles, severity in groups:
            for role, what in roles.items():
                if self.reader.first(role) is None:
                    self.add(f"missing-{role.replace('_', '-')}", f"không tìm thấy {what}",
                             f"{self.profile.name}", severity=severity)  # fmt: skip


# -- entry points ---------------------------------------------------------------------------


def document_date(document: Any) -> tuple[int, int, int] | None:
    """(year, month, day) of the first date line, to pick the rule set in force that day."""
    texts = [paragraph.text for paragraph in body_paragraphs(document)]
    for pattern in (_DATE_ANYWHERE, _DATE_FIGURES):
        for text in texts:
            match = pattern.search(text)
            if match:
                return int(match[3]), int(match[2]), int(match[1])
    for text in texts:
        match = _DATE_YEAR_ONLY.search(text)
        if match:
            return int(match[1]), 12, 31
    return None


def check(source: str | Path | IO[bytes] | Any, profile: Profile) -> list[Finding]:
    """Every rule of `profile` the document (a file, or one already open) breaks, in order."""
    document = source if hasattr(source, "sections") else open_docx(source)
    return Audit(Reader(document, profile)).run()


class ProfileNotFound(CheckError):
    """`--profile` names no shipped rule set and no file."""

    exit_code = ExitCode.USAGE


@dataclass
class CheckResult:
    profile: Profile
    findings: list[Finding]


def choose_profile(name: str, document: Any) -> Profile:
    """A pinned profile, a file, or a family's version in force on the document's date."""
    import datetime as dt

    names = profiles.builtin_names()
    if name in names or (Path(name).suffix in (".yaml", ".yml") and Path(name).is_file()):
        return profiles.load(name)
    if name == AUTO:
        name = detect_family(document)
    found = document_date(document)
    day = dt.date.today()
    if found:
        try:
            day = dt.date(*found)
        except ValueError:  # a wrong date is reported by the date rule, not here
            day = dt.date(found[0], 12, 31)
    profile = choose.resolve(name, day)
    if profile is None:
        families = sorted({profiles.load(n).family for n in names})
        raise ProfileNotFound(f"không có bộ quy tắc '{name}'; có: {', '.join(families + names)}")
    return profile


AUTO = "tu-dong"


def detect_family(document: Any) -> str:
    """The rule set family whose banner (Party) or national title (State) the header shows."""
    texts = {p.text.strip().upper() for p in body_paragraphs(document)}
    for name in profiles.builtin_names():
        profile = profiles.load(name)
        if profile.header.banner.upper() in texts:
            return profile.family
    return "dang"


def check_file(path: Path, profile_name: str = AUTO) -> CheckResult:
    document = open_docx(path)
    profile = choose_profile(profile_name, document)
    return CheckResult(profile, check(document, profile))

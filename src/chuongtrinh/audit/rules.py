"""The audit's rules: what a document recognised by the reader breaks of its rule set.

Each rule names the profile key it reads (`quy tắc: dang-2018 styles.date.italic`), so a user
sees which rule and which rule set a finding comes from. Phrases (number line, date line,
recipients) are judged against the same Jinja templates the builder renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh.audit import text as text_rules
from chuongtrinh.audit.findings import Finding, grouped
from chuongtrinh.audit.reading import Contents, Element, Reader, open_docx
from chuongtrinh.docx import props
from chuongtrinh.errors import Severity
from chuongtrinh.profiles.models import Profile, Style
from chuongtrinh.profiles.recognise import Phrasebook
from chuongtrinh.profiles.templated import render

# Roles whose paragraphs may carry inline emphasis: only "must be bold/italic" is checked there.
_FREE_EMPHASIS = {"body", "heading", "item", "table_cell", "table_note"}
_MM_TOLERANCE = 0.5
# The slots checked (issue 14): eastAsia shapes only CJK characters and is not read.
_CHECKED_SLOTS = ("ascii", "hAnsi", "cs")
# Two end marks where one belongs; './.' (the end of a document) and '…' are marks of their own.
_STACKED = re.compile(r"([:;,][.;,:])\s*$")
_PROSE = {"body", "heading", "item"}


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _label_underlined(paragraph: Paragraph) -> bool:
    """The label's words underlined and its colon not (HD 36)."""
    runs = props.text_runs(paragraph)
    words = [r for r in runs if any(c.isalpha() for c in r.text)]
    colons = [r for r in runs if ":" in r.text]
    underlined = [props.flag(paragraph, r, "underline") for r in words]
    return all(underlined) and not any(props.flag(paragraph, r, "underline") for r in colons)


def _font_problems(found: dict[str, str], wanted: str) -> list[tuple[str, str, Severity]]:
    """(code, message, severity) for a run's fonts: legacy, wrong, or a face name."""
    main = {slot: found[slot] for slot in _CHECKED_SLOTS if found[slot] != wanted}
    legacy = text_rules.legacy_font(main.values())
    if legacy is not None:
        message = f"phông chữ cũ {legacy} (mã TCVN3/VNI, không phải Unicode); phải {wanted}"
        return [("legacy-font", message, "error")]
    problems: list[tuple[str, str, Severity]] = []
    faces = {s: f for s, f in main.items() if f.startswith(f"{wanted} ")}
    if faces:
        shown = ", ".join(f"{slot}={font}" for slot, font in faces.items())
        message = f"tên kiểu chữ {shown} thay cho tên phông; ghi {wanted} (đậm, nghiêng đặt riêng)"
        problems.append(("font-face", message, "warning"))
    if len(faces) < len(main):
        shown = ", ".join(f"{s}={f}" for s, f in main.items() if s not in faces)
        problems.append(("font", f"phông chữ {shown}; phải {wanted} ở ascii, hAnsi và cs", "error"))
    return problems


_LINES = (
    ".//{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom[@prst='line']",
    ".//{urn:schemas-microsoft-com:vml}line",
)


def _ruled(paragraph: Paragraph) -> bool:
    """Underlined by a rule instead: a bottom border, or a line drawn in its table cell (how
    Word users draw the banner's rule as long as the text, file 01 of the real set)."""
    ppr = props.paragraph_properties(paragraph._p)
    if ppr is not None and ppr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None:
        return True
    cell = next(paragraph._p.iterancestors(qn("w:tc")), None)
    return cell is not None and any(cell.find(path) is not None for path in _LINES)


def _size_range(rules: Style) -> tuple[float, float] | None:
    """The sizes accepted: the rule text's range when it holds the build size, else that size."""
    size, accepted = rules.size_pt, rules.size_range_pt
    if accepted is not None and (size is None or accepted[0] <= size <= accepted[1]):
        return accepted
    return None if size is None else (size, size)


@dataclass
class Audit:
    """The rules of the reader's profile run over its elements; `run` gives the findings."""

    reader: Reader
    findings: list[Finding] = field(default_factory=list)

    @property
    def profile(self) -> Profile:
        return self.reader.profile

    @property
    def phrases(self) -> Phrasebook:
        return self.reader.phrases

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
                (element.number,) if element else (),
            )
        )

    def run(self) -> list[Finding]:
        self.page()
        self.fonts()
        self.characters()
        for element in self.reader.elements:
            self.style(element)
        self.number()
        self.date()
        self.recipients()
        self.addressees()
        self.stacked_marks()
        self.signature()
        self.presence()
        return grouped(self.findings)

    def page(self) -> None:
        """Page size and margins of the first section (the body), against the accepted range."""
        sections = self.reader.document.sections
        if not len(sections):  # no w:sectPr: Word's own defaults (Letter), never the rule's
            self.add("page-size", "văn bản không đặt khổ giấy và lề", f"{self.profile.name} page")
            return
        page, section = self.profile.page, sections[0]
        ranges = page.margin_range_mm
        margin = page.margin_mm

        def side(key: str, wanted: float) -> tuple[float, float, str]:
            if ranges is None:
                return wanted, wanted, f"page.margin_mm.{key}: {wanted:g}"
            low, high = getattr(ranges, key)
            return low, high, f"page.margin_range_mm.{key}: {low:g}–{high:g}"

        actual = {
            "khổ rộng": (section.page_width, (page.width_mm, page.width_mm, f"page.width_mm: {page.width_mm:g}")),
            "khổ cao": (section.page_height, (page.height_mm, page.height_mm, f"page.height_mm: {page.height_mm:g}")),
            "lề trên": (section.top_margin, side("top", margin.top)),
            "lề dưới": (section.bottom_margin, side("bottom", margin.bottom)),
            "lề trái": (section.left_margin, side("left", margin.left)),
            "lề phải": (section.right_margin, side("right", margin.right)),
        }  # fmt: skip
        for name, (length, (low, high, key)) in actual.items():
            have = props.length_mm(length)
            if have is None or not low - _MM_TOLERANCE <= have <= high + _MM_TOLERANCE:
                code = "page-size" if name.startswith("khổ") else "page-margin"
                shown = "không đặt" if have is None else f"{have:.1f} mm"
                wanted = f"{low:g}" if low == high else f"từ {low:g} đến {high:g}"
                rule = f"{self.profile.name} {key}"
                self.add(code, f"{name} {shown}, phải {wanted} mm", rule)

    def fonts(self) -> None:
        """Every run with text on the profile's font in the ascii, hAnsi and cs slots; eastAsia
        shapes only CJK text and is not read. A legacy font (TCVN3, VNI) and a face name
        ('Times New Roman Bold', a warning) are findings of their own."""
        wanted = self.profile.font.name
        rule = f"{self.profile.name} font.name: {wanted}"
        for n, paragraph in enumerate(self.reader.paragraphs, start=1):
            seen: set[str] = set()
            for run in props.text_runs(paragraph):
                found = props.fonts(paragraph, run)
                for code, message, severity in _font_problems(found, wanted):
                    if code not in seen:
                        seen.add(code)
                        self.add(code, message, rule, Element("font", n, paragraph), severity)

    def characters(self) -> None:
        rule = f"{self.profile.name} font.name: {self.profile.font.name}, {text_rules.RULE}"
        for n, code, message in text_rules.problems(self.reader.contents.texts):
            self.add(code, message, rule, Element("text", n, self.reader.paragraphs[n - 1]))

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
        severity: Severity = "warning" if rules.practice else "error"
        sizes = sorted({props.size_pt(paragraph, r) for r in runs})
        accepted = _size_range(rules)
        if accepted is not None and not all(accepted[0] <= s <= accepted[1] for s in sizes):
            shown = ", ".join(f"{s:g}" for s in sizes)
            low, high = accepted
            wanted, key = (
                (f"{low:g}", "size_pt")
                if low == high
                else (f"từ {low:g} đến {high:g}", "size_range_pt")
            )
            self.add("size", f"cỡ chữ {shown} pt, phải {wanted} pt", f"{where}.{key}", element, severity)  # fmt: skip
        for name, label in (("bold", "đậm"), ("italic", "nghiêng")):
            self.emphasis(element, name, label, bool(getattr(rules, name)), where, severity)
        if rules.underline and not props.all_runs(paragraph, "underline") and not _ruled(paragraph):
            self.add("underline", "phải gạch chân", f"{where}.underline", element, severity)
        text = element.text
        if rules.caps and text != text.upper() and not props.all_runs(paragraph, "caps"):
            self.add("caps", "phải viết in hoa", f"{where}.caps", element, severity)

    def emphasis(self, element: Element, name: str, label: str, wanted: bool, where: str,
                 severity: Severity) -> None:  # fmt: skip
        paragraph = element.paragraph
        if wanted and not props.all_runs(paragraph, name):
            self.add(name, f"phải in {label}", f"{where}.{name}", element, severity)
        elif not wanted and element.role not in _FREE_EMPHASIS and props.all_runs(paragraph, name):
            self.add(name, f"không được in {label}", f"{where}.{name}", element, severity)

    def number(self) -> None:
        element = self.reader.first("number")
        if element is None:
            return
        rule = f"{self.profile.name} phrases.number ({self.profile.phrases.number})"
        match = self.phrases.number.match(element.text)
        if match is None:
            sample = render(self.profile, "number", so="36", loai="CTr", viet_tat="ĐU")
            word = self.phrases.number_word
            colon = element.text.startswith(f"{word}:") and not self.phrases.number_colon
            hint = f" (không có dấu hai chấm sau '{word}')" if colon else ""
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
        match = self.phrases.date.match(element.text)
        if match is None:
            sample = render(
                self.profile, "date", dia_danh="Đồng Tháp", ngay="05", thang="02", nam=2023
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

    def addressees(self) -> None:
        """'Kính gửi:' entries end as recipients do (FORMAT.md: ';', HD 36 ',', the last
        '.'); several of them each start with '- '."""
        entries = self.reader.addressees
        marks = self.profile.punctuation
        rule = (
            f"{self.profile.name} punctuation.recipient '{marks.recipient}', recipient_last"
            f" '{marks.recipient_last}' (Kính gửi)"
        )
        for n, (element, text) in enumerate(entries):
            end = marks.recipient_last if n == len(entries) - 1 else marks.recipient
            dashed = len(entries) == 1 or text.startswith("- ")
            if not dashed or not text.endswith(end) or text.endswith(end * 2):
                start = "bắt đầu '- ', " if len(entries) > 1 else ""
                self.add("addressee-form", f"dòng kính gửi {start}kết thúc '{end}'", rule, element)

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
        middle, last = self.phrases.recipients
        for n, element in enumerate(lines):
            final = n == len(lines) - 1
            entry = self.reader.entries.get(element.number, element.text).strip()
            if not (last if final else middle).match(entry):
                end = punctuation.recipient_last if final else punctuation.recipient
                self.add(
                    "recipient-form", f"dòng nơi nhận bắt đầu '- ', kết thúc '{end}'", rule, element
                )
        if not lines:
            self.add("recipients-empty", "không có dòng nơi nhận nào ('- …')", rule, label)
        elif not self.phrases.archive_line.match(
            self.reader.entries.get(lines[-1].number, lines[-1].text).strip()
        ):
            self.add(
                "recipients-archive",
                f"dòng nơi nhận cuối phải là '- {labels.archive} …'",
                f"{self.profile.name} labels.archive",
                lines[-1],
            )

    def stacked_marks(self) -> None:
        """A paragraph of the body ending in two marks where one belongs (':.', ';.', ',.'):
        a mark added to one typed (a căn cứ '… như sau:' given the rule set's '.')."""
        rule = f"{self.profile.name} punctuation"
        for element in self.reader.elements:
            found = _STACKED.search(element.text) if element.role in _PROSE else None
            if found:
                message = f"đoạn kết thúc bằng hai dấu câu liền nhau '{found.group(1)}'"
                self.add("stacked-marks", message, rule, element, "warning")

    def signature(self) -> None:
        allowed = self.profile.authority_prefixes
        rule = f"{self.profile.name} authority_prefixes: {', '.join(allowed)}"
        for element in self.reader.all("authority"):
            prefix = self.phrases.authority_prefix(element.text)
            if allowed and prefix not in allowed:
                self.add(
                    "authority",
                    f"thẩm quyền ký '{prefix}' không dùng trong {self.profile.name}; dùng {', '.join(allowed)}",
                    rule,
                    element,
                )

    def presence(self) -> None:
        """Elements every program has; a missing number or signer is only a warning (drafts).

        Recipients and signature may be left out (a programme sent with an invitation); an
        authority line is wanted where the document has recipients, and neither part at all
        is only a warning. An annex in a file of its own has neither header nor signature."""
        if self.reader.annex:
            message = "văn bản kèm theo (phụ lục): không có phần đầu, chữ ký; chỉ kiểm tra trang, phông và mã chữ"
            self.add("annex", message, self.profile.name, None, "warning")
            return
        required = {
            "banner": "quốc hiệu / tiêu đề (ví dụ 'ĐẢNG CỘNG SẢN VIỆT NAM')",
            "date": "dòng địa danh, ngày tháng",
            "kind": "tên loại văn bản (ví dụ 'CHƯƠNG TRÌNH')",
        }
        if self.reader.first("letter_summary") is not None:
            del required["kind"]  # a công văn ("V/v …" under its number) has no kind name
        signed = {"authority", "position"} & {e.role for e in self.reader.elements}
        wanted = self.profile.closing.authority_required or not signed
        if self.reader.first("recipients_label") is not None and wanted:
            prefixes = ", ".join(self.profile.authority_prefixes)
            required["authority"] = f"thẩm quyền ký ({prefixes} …)"
        elif not {"authority", "position"} & {e.role for e in self.reader.elements}:
            what = f"'{self.profile.labels.recipients}:' và chữ ký"
            self.add(
                "missing-closing", f"không tìm thấy {what}", self.profile.name, None, "warning"
            )
        optional = {"number": "dòng số, ký hiệu"}
        if {"authority", "position"} & {e.role for e in self.reader.elements}:
            optional["signer"] = "họ tên người ký"
        groups: tuple[tuple[dict[str, str], Severity], ...] = (
            (required, "error"),
            (optional, "warning"),
        )
        for roles, severity in groups:
            for role, what in roles.items():
                if self.reader.first(role) is None:
                    self.add(f"missing-{role.replace('_', '-')}", f"không tìm thấy {what}",
                             f"{self.profile.name}", severity=severity)  # fmt: skip


def check(
    source: str | Path | IO[bytes] | Any, profile: Profile, contents: Contents | None = None
) -> list[Finding]:
    """Every rule of `profile` the document (a file, or one already open, with its contents
    when already read) breaks, in order."""
    document = source if hasattr(source, "sections") else open_docx(source)
    return Audit(Reader(document, profile, contents)).run()

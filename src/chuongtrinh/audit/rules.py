"""The audit's rules: what a document recognised by the reader breaks of its rule set.

Each rule names the profile key it reads (`quy tắc: dang-2018 styles.date.italic`), so a user
sees which rule and which rule set a finding comes from. Phrases (number line, date line,
recipients) are judged against the same Jinja templates the builder renders.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from docx.text.paragraph import Paragraph

from chuongtrinh.audit.reading import Element, Reader, open_docx
from chuongtrinh.docx import props
from chuongtrinh.errors import Severity
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.recognise import Phrasebook
from chuongtrinh.profiles.templated import render

_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}
# Roles whose paragraphs may carry inline emphasis: only "must be bold/italic" is checked there.
_FREE_EMPHASIS = {"body", "heading", "item", "table_cell", "table_note"}
_MM_TOLERANCE = 0.5
# Two end marks where one belongs; './.' (the end of a document) and '…' are marks of their own.
_STACKED = re.compile(r"([:;,][.;,:])\s*$")
_PROSE = {"body", "heading", "item"}


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


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _label_underlined(paragraph: Paragraph) -> bool:
    """The label's words underlined and its colon not (HD 36)."""
    runs = props.text_runs(paragraph)
    words = [r for r in runs if any(c.isalpha() for c in r.text)]
    colons = [r for r in runs if ":" in r.text]
    underlined = [props.flag(paragraph, r, "underline") for r in words]
    return all(underlined) and not any(props.flag(paragraph, r, "underline") for r in colons)


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
        self.stacked_marks()
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
            if not (last if final else middle).match(element.text):
                end = punctuation.recipient_last if final else punctuation.recipient
                self.add(
                    "recipient-form", f"dòng nơi nhận bắt đầu '- ', kết thúc '{end}'", rule, element
                )
        if not lines:
            self.add("recipients-empty", "không có dòng nơi nhận nào ('- …')", rule, label)
        elif not self.phrases.archive_line.match(lines[-1].text):
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
        is only a warning."""
        required = {
            "banner": "quốc hiệu / tiêu đề (ví dụ 'ĐẢNG CỘNG SẢN VIỆT NAM')",
            "date": "dòng địa danh, ngày tháng",
            "kind": "tên loại văn bản (ví dụ 'CHƯƠNG TRÌNH')",
        }
        if self.reader.first("recipients_label") is not None:
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


def check(source: str | Path | IO[bytes] | Any, profile: Profile) -> list[Finding]:
    """Every rule of `profile` the document (a file, or one already open) breaks, in order."""
    document = source if hasattr(source, "sections") else open_docx(source)
    return Audit(Reader(document, profile)).run()

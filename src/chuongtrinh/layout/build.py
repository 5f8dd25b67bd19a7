"""Program model + profile → layout blocks: numbering, lead-agency lines, header and closing."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from chuongtrinh.layout.annex import AnnexLayout
from chuongtrinh.layout.blocks import Block, Columns, Document, Para, Run, Table
from chuongtrinh.layout.body import Body, Scope
from chuongtrinh.layout.inline import runs
from chuongtrinh.layout.table import TableBuilder
from chuongtrinh.model.body import Section
from chuongtrinh.model.fields import YearMonth
from chuongtrinh.model.program import Program
from chuongtrinh.profiles import phrases
from chuongtrinh.profiles.models import Profile

_BULLET = re.compile(r"^\s*[-–+]\s*")  # a bullet typed before an addressee: the layout adds its own

Key = tuple[str | int, ...]


class _Layout:
    def __init__(self, program: Program, profile: Profile, template_dirs: Sequence[Path]) -> None:
        self.program = program
        self.profile = profile
        self.template_dirs = template_dirs
        self.tables = (
            TableBuilder(profile, program.table_columns) if program.presentation == "bang" else None
        )

    def phrase(self, name: str, key: Key, **values: Any) -> str:
        """A phrase template rendered; a failure says which YAML value fed it (`key`)."""
        template = getattr(self.profile.phrases, name)
        try:
            return phrases.render(template, self.template_dirs, **values)
        except phrases.TemplateFailure as failure:
            failure.key = key
            raise

    def plain(self, role: str, text: str, key: Key = ()) -> Para:
        """A paragraph without inline markup; caps applied when the role's style asks for it."""
        if self.profile.style(role).caps:
            text = text.upper()
        return Para(role, (Run(text),), key)

    def rich(self, role: str, text: str, key: Key = ()) -> Para:
        """A paragraph whose `*italic*` and `**bold**` marks become runs."""
        return Para(role, runs(text), key)

    # -- header ---------------------------------------------------------------------------

    def header(self) -> Columns:
        program, profile = self.program, self.profile
        org = program.organization
        left = [self.plain("superior", line) for line in org.superior]
        left += [self.plain("issuer", line) for line in org.name]
        left.append(self.plain("star", profile.header.star))
        numbered = program.number is not None or program.attached_to is None
        if numbered and program.prints("so"):
            number = self.phrase(
                "number", ("so",), so=program.number, loai=program.kind, viet_tat=org.abbreviation
            )
            left.append(self.plain("number", number, ("so",)))
        if program.is_draft and not profile.header.draft_on_top:
            left.append(self.draft_marker())
        right = [self.plain("banner", profile.header.banner)]
        if profile.header.motto:
            right += [self.plain("motto", profile.header.motto), Para("motto_rule", ())]
        if program.prints("ngay"):
            right += [Para("date", ()) for _ in range(profile.header.date_gap_lines)]
            right.append(self.plain("date", self.date_line(), ("ngay",)))
        return Columns("header", tuple(left), tuple(right))

    def draft_marker(self) -> Para:
        """'Dự thảo' / 'Dự thảo lần 2': under the number (Party), or boxed on top (State)."""
        program = self.program
        marker = self.phrase(
            "draft", ("du_thao",), nhan=self.profile.labels.draft, lan=program.draft_round
        )
        return self.plain("draft", marker, ("du_thao",))

    def top(self) -> Iterator[Para]:
        """What stands above the header table: the boxed draft marker of a State draft."""
        if self.program.is_draft and self.profile.header.draft_on_top:
            yield self.draft_marker()

    def date_line(self) -> str:
        value, rules = self.program.date, self.profile.date
        if isinstance(value, int):
            return self.phrase(
                "date", ("ngay",), dia_danh=self.program.place, ngay="", thang="", nam=value
            )
        if isinstance(value, YearMonth):  # the day is stamped when it is signed
            month = rules.month_text(value.month)
            return self.phrase(
                "date", ("ngay",), dia_danh=self.program.place, ngay="", thang=month, nam=value.year
            )
        day, month = rules.padded(value.day, value.month)
        return self.phrase(
            "date", ("ngay",), dia_danh=self.program.place, ngay=day, thang=month, nam=value.year
        )

    # -- title ----------------------------------------------------------------------------

    def title(self) -> Iterator[Block]:
        program = self.program
        kind_name = program.kind_name or self.profile.kinds.get(program.kind, program.kind)
        yield self.plain("kind", kind_name, ("loai",))
        yield Para("summary", runs(program.summary, bold=True), ("trich_yeu",))
        for i, line in enumerate(program.subtitle):
            yield Para("subtitle", runs(line), ("tieu_de_phu", i))
        if program.attached_to:
            yield Para("attached", runs(f"({program.attached_to})", italic=True), ("kem_theo",))
        yield self.plain("separator", self.profile.separator)
        yield from self.addressees()
        yield from self.info()

    def info(self) -> Iterator[Para]:
        """An agenda's 'Thời gian: …', 'Địa điểm: …' lines; a list value as '- …' lines."""
        info, rules = self.program.info, self.profile.info
        for key, own, value in info.entries() if info else []:
            label = own or rules.labels.get(str(key[0]), str(key[0]))
            head = Run(f"{label}:", bold=rules.label_bold)
            place = ("thong_tin", *key)
            if isinstance(value, str):
                yield Para("info", (head, *runs(f" {value}")), place)
                continue
            yield Para("info", (head,), place)
            for i, line in enumerate(value):
                yield Para("info", runs(f"{rules.bullet}{line}"), (*place, i))

    def addressees(self) -> Iterator[Columns]:
        """'Kính gửi:' and where the document goes: one addressee on the label's line, several
        as '- …' lines, each ended as the rule set ends recipients (';', the last '.')."""
        bare = (_BULLET.sub("", line).rstrip(" ,;.") for line in self.program.addressees)
        typed = [line for line in bare if line]
        if not typed:
            return
        marks = self.profile.punctuation
        ends = [marks.recipient] * (len(typed) - 1) + [marks.recipient_last]
        bullet = "- " if len(typed) > 1 else ""
        right = tuple(
            Para("addressee", runs(f"{bullet}{line}{end}"), ("kinh_gui", i))
            for i, (line, end) in enumerate(zip(typed, ends, strict=True))
        )
        label = self.plain("addressees_label", f"{self.profile.labels.addressees}:", ("kinh_gui",))
        yield Columns("addressees", (label,), right)

    # -- body -----------------------------------------------------------------------------

    def body(self) -> Iterator[Block]:
        program = self.program
        for i, text in enumerate(self.grounds()):
            yield self.rich("body", text, ("can_cu", i))
        if program.opening:
            yield self.rich("body", program.opening, ("mo_dau",))
        yield from self.outline(program.body, ("noi_dung",))
        last = len(program.closing) - 1
        for i, text in enumerate(program.closing):
            text = self.closing_text(text) if i == last and program.prints("dau_ket") else text
            yield self.rich("body", text, ("ket_luan",) if not last else ("ket_luan", i))

    def grounds(self) -> list[str]:
        """The căn cứ, punctuated by the rule set when it says how (HD 05), else as typed."""
        rules, typed = self.profile.punctuation, self.program.grounds
        if rules.grounds is None or not typed:
            return list(typed)
        ends = [rules.grounds] * (len(typed) - 1) + [rules.grounds_last or rules.grounds]
        prefix = rules.grounds_prefix
        return [
            prefix + _ended(text.removeprefix(prefix.strip()), end)
            for text, end in zip(typed, ends, strict=True)
        ]

    def closing_text(self, text: str) -> str:
        end = self.profile.punctuation.body_end
        return text if text.endswith(end) else text.rstrip(".") + end

    def outline(self, sections: Sequence[Section], key: Key) -> Iterator[Block]:
        """A tree of sections numbered from its top (the body's, or an annex's prose)."""
        program, numbers = self.program, self.profile.numbering
        nested = any(section.sections for section in sections)
        headings = program.heading_labels or (
            numbers.nested_headings if nested else numbers.flat_headings
        )
        body = Body(self.profile, self.phrase, self.tables)
        own = body.labels(program.item_style) or body.labels(numbers.item)
        scope = Scope(tuple(headings), own, program.lead_lines or "nhom")
        yield from body.sections(sections, key, scope)

    # -- closing --------------------------------------------------------------------------

    def closing(self) -> Iterator[Columns]:
        """Recipients on the left, the signature on the right; neither: no closing table."""
        program = self.program
        left = self.recipients() if program.recipients and program.prints("noi_nhan") else []
        signature = program.signature if program.prints("ky") else None
        right = self.signature() if signature else []
        if left or right:
            # A side left out is an empty cell: one empty paragraph, as Word keeps it.
            left = left or [Para("recipient", ())]
            right = right or [Para("signing_space", ())]
            yield Columns("closing", tuple(left), tuple(right))

    def recipients(self) -> list[Para]:
        profile = self.profile
        label = profile.labels.recipients
        left = [
            Para(
                "recipients_label",
                (Run(label, underline=profile.closing.label_underline), Run(":")),
            )
        ]
        lines = [line.rstrip(" ,;.") for line in self.program.recipients]
        text = self.phrase(
            "recipients",
            ("noi_nhan",),
            cac_dong=lines,
            dau=profile.punctuation.recipient,
            dau_cuoi=profile.punctuation.recipient_last,
        )
        left += [
            self.plain("recipient", line, ("noi_nhan", i))
            for i, line in enumerate(text.splitlines())
        ]
        return left

    def signature(self) -> list[Para]:
        signature, profile = self.program.signature, self.profile
        if signature is None:
            return []
        # One paragraph however many lines ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"), so the
        # space before the block does not open between them.
        right = []
        if signature.authority:
            authority = "\n".join(signature.authority)
            right.append(self.plain("authority", authority, ("ky", "tham_quyen")))
        if signature.position:
            right.append(self.plain("position", signature.position, ("ky", "chuc_vu")))
        if signature.name or not self.program.is_draft:
            right += [Para("signing_space", ()) for _ in range(profile.closing.signing_lines)]
        if signature.name:
            right.append(self.plain("signer", signature.name, ("ky", "ho_ten")))
        return right


def layout(program: Program, profile: Profile, template_dirs: Sequence[Path] = ()) -> Document:
    """Lay a validated program out under `profile` as blocks in reading order."""
    builder = _Layout(program, profile, template_dirs)
    blocks: list[Block] = [
        *builder.top(),
        *([builder.header()] if program.prints("phan_dau") else []),
        *builder.title(),
        *builder.body(),
        *builder.closing(),
    ]
    if program.circulation:  # where it stands on the page is the style's (profile) business
        blocks.append(Para("circulation", (Run(program.circulation),), ("pham_vi_luu_hanh",)))
    blocks += AnnexLayout(builder).annexes()
    return Document(tuple(_parted(blocks)))


def _parted(blocks: list[Block]) -> Iterator[Block]:
    """`blocks` with an empty paragraph between two tables: with nothing between them they are
    one table to Word and LibreOffice (an items table and the closing, when the programme has
    no ket_luan; the 'Kính gửi:' block and an agenda's table)."""
    for i, block in enumerate(blocks):
        if i and isinstance(block, Columns | Table) and isinstance(blocks[i - 1], Columns | Table):
            yield Para("table_gap", ())
        yield block


def _ended(text: str, end: str) -> str:
    """A căn cứ with the rule set's end mark in place of the one typed; one that ends in ':'
    leads into what follows ('… với những nội dung như sau:') and keeps it (lint says to move
    that sentence to mo_dau), never ':.'."""
    text = text.strip()
    return text if text.endswith(":") else text.rstrip(",;.") + end

"""Program model + profile → layout blocks: numbering, lead-agency lines, header and closing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from chuongtrinh.layout import numbering
from chuongtrinh.layout.annex import AnnexLayout
from chuongtrinh.layout.blocks import Block, Columns, Document, Para, Run
from chuongtrinh.layout.inline import runs
from chuongtrinh.layout.sections import free_text, numbered
from chuongtrinh.layout.table import TableBuilder, has_items, item_text
from chuongtrinh.model.program import Item, Program, Section
from chuongtrinh.profiles import phrases
from chuongtrinh.profiles.models import Profile

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
        left = [self.plain("superior", org.superior)] if org.superior else []
        left += [self.plain("issuer", line) for line in org.name]
        left.append(self.plain("star", profile.header.star))
        if program.number is not None or program.attached_to is None:
            number = self.phrase(
                "number", ("so",), so=program.number, loai=program.kind, viet_tat=org.abbreviation
            )
            left.append(self.plain("number", number, ("so",)))
        if program.is_draft and not profile.header.draft_on_top:
            left.append(self.draft_marker())
        right = [self.plain("banner", profile.header.banner)]
        if profile.header.motto:
            right += [self.plain("motto", profile.header.motto), Para("motto_rule", ())]
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
        day, month = rules.padded(value.day, value.month)
        return self.phrase(
            "date", ("ngay",), dia_danh=self.program.place, ngay=day, thang=month, nam=value.year
        )

    # -- title ----------------------------------------------------------------------------

    def title(self) -> Iterator[Para]:
        program = self.program
        kind_name = program.kind_name or self.profile.kinds.get(program.kind, program.kind)
        yield self.plain("kind", kind_name, ("loai",))
        yield Para("summary", runs(program.summary, bold=True), ("trich_yeu",))
        if program.attached_to:
            yield Para("attached", runs(f"({program.attached_to})", italic=True), ("kem_theo",))
        yield self.plain("separator", self.profile.separator)

    # -- body -----------------------------------------------------------------------------

    def body(self) -> Iterator[Block]:
        program = self.program
        for i, text in enumerate(self.grounds()):
            yield self.rich("body", text, ("can_cu", i))
        if program.opening:
            yield self.rich("body", program.opening, ("mo_dau",))
        yield from self.outline(program.body, ("noi_dung",))
        if program.closing:
            yield self.rich("body", self.closing_text(program.closing), ("ket_luan",))

    def grounds(self) -> list[str]:
        """The căn cứ, punctuated by the rule set when it says how (HD 05), else as typed."""
        rules, typed = self.profile.punctuation, self.program.grounds
        if rules.grounds is None or not typed:
            return list(typed)
        ends = [rules.grounds] * (len(typed) - 1) + [rules.grounds_last or rules.grounds]
        prefix = rules.grounds_prefix
        return [
            prefix + text.removeprefix(prefix.strip()).strip().rstrip(",;.") + end
            for text, end in zip(typed, ends, strict=True)
        ]

    def closing_text(self, text: str) -> str:
        end = self.profile.punctuation.body_end
        return text if text.endswith(end) else text.rstrip(".") + end

    def outline(self, sections: Sequence[Section], key: Key) -> Iterator[Block]:
        """A tree of sections numbered from its top (the body's, or an annex's prose)."""
        nested = any(section.sections for section in sections)
        rules = self.profile.numbering
        styles = rules.nested_headings if nested else rules.flat_headings
        item_style = self.program.item_style or rules.item
        yield from self.sections(sections, key, styles, item_style, level=1)

    def sections(
        self,
        sections: Sequence[Section],
        key: Key,
        heading_styles: Sequence[str],
        item_style: str,
        level: int,
    ) -> Iterator[Block]:
        if self.tables and sections and all(has_items(s) for s in sections):
            own_styles = heading_styles[min(level, len(heading_styles)) - 1 :]
            yield self.tables.table(self.tables.groups(sections, key, own_styles))
            return
        style = heading_styles[min(level, len(heading_styles)) - 1]
        role = f"heading_{min(level, 3)}"
        for here, section, heading in numbered(sections, key, style):
            if heading:
                yield Para(role, runs(heading), (*here, "tieu_de"))
            for place, text in free_text(section, here):
                yield self.rich("body", text, place)
            own_style = section.item_style or item_style
            if self.tables and section.items:
                yield self.tables.table(self.tables.item_rows(section.items, (*here, "muc")))
            else:
                yield from self.items(section.items, (*here, "muc"), own_style)
            yield from self.sections(
                section.sections, (*here, "noi_dung"), heading_styles, own_style, level + 1
            )

    def items(self, items: Sequence[Item], key: Key, style: str) -> Iterator[Para]:
        labels = [numbering.label(style, n) for n in range(1, len(items) + 1)]
        numbered = list(zip(range(len(items)), labels, items, strict=True))
        for (lead, partners), run in groupby(numbered, key=lambda t: (t[2].lead, t[2].partners)):
            members = list(run)
            for j, label, item in members:
                yield self.rich("item", f"{label} {item_text(item)}", (*key, j))
            if lead:
                refs = [label for _, label, _ in members] if numbering.is_counted(style) else []
                line = self.phrase(
                    "lead_agency",
                    (*key, members[0][0], "chu_tri"),
                    nhan=self.profile.labels.lead_agency,
                    co_quan=lead,
                    muc=refs,
                    phoi_hop=partners,
                )
                yield self.rich("lead_agency", line, (*key, members[0][0], "chu_tri"))

    # -- closing --------------------------------------------------------------------------

    def closing(self) -> Columns:
        profile, signature = self.profile, self.program.signature
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
        # One paragraph however many lines ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"), so the
        # space before the block does not open between them.
        right = [self.plain("authority", "\n".join(signature.authority), ("ky", "tham_quyen"))]
        if signature.position:
            right.append(self.plain("position", signature.position, ("ky", "chuc_vu")))
        if signature.name or not self.program.is_draft:
            right += [Para("signing_space", ()) for _ in range(profile.closing.signing_lines)]
        if signature.name:
            right.append(self.plain("signer", signature.name, ("ky", "ho_ten")))
        return Columns("closing", tuple(left), tuple(right))


def layout(program: Program, profile: Profile, template_dirs: Sequence[Path] = ()) -> Document:
    """Lay a validated program out under `profile` as blocks in reading order."""
    builder = _Layout(program, profile, template_dirs)
    blocks: list[Block] = [
        *builder.top(),
        builder.header(),
        *builder.title(),
        *builder.body(),
        builder.closing(),
    ]
    if program.circulation:  # where it stands on the page is the style's (profile) business
        blocks.append(Para("circulation", (Run(program.circulation),), ("pham_vi_luu_hanh",)))
    blocks += AnnexLayout(builder).annexes()
    return Document(tuple(blocks))

"""The body phase: căn cứ and mở đầu, numbered headings (typed, or Word's Heading styles),
items, free paragraphs, the lead-agency lines that follow items, and the closing sentence.
The sections grow as an outline (`Body`); tables add to the same outline (see `tables`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chuongtrinh.importer.reading import Grid, Para, Unit
from chuongtrinh.importer.state import State
from chuongtrinh.importer.text import GROUNDS, HEADING, ITEM, tidy
from chuongtrinh.profiles.recognise import ITEM_REF

_HEADING_STYLE = re.compile(r"^(?:Heading|Tiêu đề|Title)\s*(\d*)$", re.IGNORECASE)


@dataclass
class Section:
    level: float
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    items: list[dict[str, str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    lead_mark: int = 0  # items before this index already had their lead-agency line


def _item_style(label: str) -> str:
    if label in "-–•":
        return "-"
    if label == "+":
        return "+"
    if label.startswith("("):
        return "(1)"
    if label[0].isdigit():
        return "1" + label[-1]
    return "a)"


def heading_kind(match: re.Match[str]) -> str:
    """Which numbering a typed heading uses: 'roman', 'arabic' or 'letter'."""
    return next(k for k in ("roman", "arabic", "letter") if match[k])


class Body:
    """The outline of sections the body's paragraphs (and tables) fill, in `state`."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.root = Section(0)
        self.stack: list[Section] = [self.root]
        self.heading_kinds: list[str] = []
        self.pre: list[tuple[Para, str]] = []
        self.started = False

    def start(self) -> None:
        """The body proper begins: what came before is căn cứ and mở đầu."""
        if self.started:
            return
        self.started = True
        pre, data = self.pre, self.state.data
        grounds = []
        while pre and GROUNDS.match(pre[0][1]):
            grounds.append(pre.pop(0)[1])
        if grounds:
            cleaned = [re.sub(r"^[-–+]\s*", "", g) for g in grounds]
            if len(grounds) > 1 or grounds[0] != cleaned[0]:
                cleaned = [g.rstrip(";,") for g in cleaned]
                cleaned[-1] = cleaned[-1].rstrip(".") if grounds[0] != cleaned[0] else cleaned[-1]
            data["can_cu"] = cleaned
        if pre:
            data["mo_dau"] = pre.pop(0)[1]
        for _, text in pre:  # free text before the first heading: an untitled section
            self.free(text)

    def paragraph(self, para: Para) -> None:
        role, markup = para.role, self.state.markup
        text = markup(para)
        if para.auto_label and not role:
            text = f"{para.auto_label} {text}"
        heading_style = _HEADING_STYLE.match(para.style)
        if role and role.startswith("heading_"):
            match = HEADING.match(markup(para, plain_bold=True))
            self.heading(int(role[-1]), match["rest"] if match else text)
            return
        if role in ("lead_agency", None) and (lead := self._lead_line(tidy(para.text))):
            self.lead(para, lead)
            return
        # A Heading style gives the emphasis (pandoc's are italic or coloured): not markup.
        bold_text = markup(para, plain_bold=True, plain_italic=bool(heading_style))
        if para.auto_label and not role:
            bold_text = f"{para.auto_label} {bold_text}"
        match = HEADING.match(bold_text)
        if not role and match and (para.all_bold or heading_style):
            kind = heading_kind(match)
            if kind not in self.heading_kinds:
                self.heading_kinds.append(kind)
            self.heading(self.heading_kinds.index(kind) + 1, match["rest"])
            return
        if not role and heading_style:
            self.heading(int(heading_style[1] or 1), bold_text)
            self.state.guess("tiêu đề", f"'{bold_text[:40]}' (kiểu Heading, không số)", "khá chắc")
            return
        if role in ("item", None) and (item := ITEM.match(text)):
            self.item(item["label"], item["rest"])
            return
        if role in ("body", None):
            if not self.started:
                self.pre.append((para, text))
            else:
                self.free(text)
            return
        self.state.leave(para, f"vai trò '{role}' không thuộc phần nội dung")

    def _lead_line(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.state.phrases.lead_agency if (m := p.match(text))), None)

    def heading(self, level: float, title: str) -> None:
        self.start()
        # An untitled section (free text between headings) never holds a numbered heading.
        while self.stack[-1].level >= level or (
            self.stack[-1] is not self.root and self.stack[-1].title is None
        ):
            self.stack.pop()
        section = Section(level, title)
        self.stack[-1].sections.append(section)
        self.stack.append(section)

    def target(self, for_items: bool) -> Section:
        """The section that takes the next paragraph or item (a new untitled one when the
        current section already holds what must come after it)."""
        here = self.stack[-1]
        if here.sections or (not for_items and here.items) or here is self.root:
            if here is self.root and not here.sections and (for_items or not here.items):
                untitled = Section(0.5)
            else:
                untitled = Section(here.level + 0.5)
            here.sections.append(untitled)
            self.stack.append(untitled)
            return untitled
        return here

    def free(self, text: str) -> None:
        self.target(for_items=False).paragraphs.append(text)

    def item(self, label: str, text: str, fields: dict[str, str] | None = None) -> None:
        self.start()
        section = self.target(for_items=True)
        section.items.append({"noi_dung": text, **(fields or {})})
        section.labels.append(label)
        if label:  # a table row has no mark of its own
            section.styles.append(_item_style(label))

    def lead(self, para: Para, match: re.Match[str]) -> None:
        """A lead-agency line: its agency (and partners) go to the items it names, or to the
        run of items before it."""
        section = self.stack[-1]
        if not section.items:
            self.state.leave(para, "dòng cơ quan chủ trì không có mục đứng trước")
            return
        if match["muc"]:
            refs = re.findall(ITEM_REF, match["muc"])
            chosen = [i for i, label in enumerate(section.labels) if label in refs]
        elif not section.styles or section.styles[-1] in ("-", "+"):
            chosen = list(range(section.lead_mark, len(section.items)))
        else:
            chosen = [len(section.items) - 1]
        if not chosen:
            self.state.leave(para, "không tìm thấy các mục được nhắc tới")
            return
        who = match["co_quan"].strip()
        for i in chosen:
            section.items[i]["chu_tri"] = who
            if match["phoi_hop"]:
                section.items[i]["phoi_hop"] = match["phoi_hop"].strip()
        section.lead_mark = len(section.items)
        self.state.guess("chu_tri", f"{who} → {len(chosen)} mục", "chắc chắn")


def read_body(state: State, units: list[Unit], table: Callable[[Body, Grid], None]) -> None:
    """Fill can_cu, mo_dau, noi_dung (with kieu_muc) and ket_luan; `table` reads a table."""
    body = Body(state)
    last_text = max(
        (i for i, u in enumerate(units) if isinstance(u, Para) and u.text.strip()), default=-1
    )
    for i, unit in enumerate(units):
        if isinstance(unit, Grid):
            body.start()
            table(body, unit)
            continue
        if not unit.text.strip() or unit.role in ("signing_space",):
            continue
        end = next((e for e in state.phrases.body_ends if tidy(unit.text).endswith(e)), None)
        if i == last_text and end:
            state.data["ket_luan"] = state.markup(unit)[: -len(end)].rstrip() + "."
            state.guess("ket_luan", f"đoạn cuối có '{end}'", "chắc chắn")
            continue
        body.paragraph(unit)
    body.start()
    _outline_out(state.data, body.root)


def _all_styles(section: Section) -> list[str]:
    out = list(section.styles)
    for child in section.sections:
        out += _all_styles(child)
    return out


def _outline_out(data: dict[str, Any], root: Section) -> None:
    styles = _all_styles(root)
    inherited = "-"
    if styles and len(set(styles)) == 1 and styles[0] != "-":
        data["kieu_muc"] = inherited = styles[0]
    body = [_section_out(s, inherited) for s in root.sections]
    if body:
        data["noi_dung"] = body


def _section_out(section: Section, inherited: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if section.title:
        out["tieu_de"] = section.title
    if section.paragraphs:
        if section.items and len(section.paragraphs) == 1 and section.paragraphs[0].endswith(":"):
            out["dan_nhap"] = section.paragraphs[0]
        else:
            out["doan"] = section.paragraphs
    if section.items:
        out["muc"] = [item["noi_dung"] if len(item) == 1 else item for item in section.items]
    # The items' mark: the section's own, or that of everything under it when all agree.
    below = set(_all_styles(section))
    style = section.styles[0] if section.styles else (below.pop() if len(below) == 1 else None)
    children = [_section_out(s, style or inherited) for s in section.sections]
    if children:
        out["noi_dung"] = children
    if style and style != inherited:
        out["kieu_muc"] = style
    return out

"""The body phase: căn cứ and mở đầu, numbered headings (typed, or Word's Heading styles),
items (with their paragraphs and sub-items), free paragraphs, the lead-agency lines that
follow items, and the closing sentence. The sections grow as an outline (`Body`); tables add
to the same outline (see `tables`); `outline` writes it out."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from chuongtrinh.importer import labels
from chuongtrinh.importer.outline import Section, outline_out
from chuongtrinh.importer.reading import Grid, Para, Unit
from chuongtrinh.importer.state import State
from chuongtrinh.importer.text import BOLD_LABEL, GROUNDS, HEADING, ITEM, RUN_IN, tidy
from chuongtrinh.profiles.recognise import ITEM_REF

_HEADING_STYLE = re.compile(r"^(?:Heading|Tiêu đề|Title)\s*(\d*)$", re.IGNORECASE)
# Items whose lead-agency line follows the run of them (no numbers to refer to).
_UNCOUNTED = ("-", "+", "*", "•", "thoi-gian")
_PART = "Phần thứ nhất"


_ADDRESSEE_LINE = re.compile(r"^[-–+]\s*\S")  # '- Sở Nội vụ;' under 'Kính gửi:'
_ADDRESSEE_END = re.compile(r"\s*[;,.]\s*$")


def _capitals(match: re.Match[str]) -> bool:
    """'I. THÀNH PHẦN HỘI NGHỊ' not in bold (a Word-numbered heading, real file 15): a part or
    roman heading typed in capitals is a heading all the same."""
    style = labels.style_of(match["label"])
    rest = match["rest"]
    return style in ("A.", "I.") and rest == rest.upper() and any(c.isalpha() for c in rest)


class Body:
    """The outline of sections the body's paragraphs (and tables) fill, in `state`."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.root = Section(0)
        self.stack: list[Section] = [self.root]
        self.heading_kinds: list[str] = []  # label styles of typed headings, outermost first
        self.last_labels: dict[str, str] = {}  # the last typed heading label of each style
        self.pre: list[tuple[Para, str]] = []
        self.started = False
        self.parts = False  # 'Phần thứ nhất' lines: the headings below them one level down
        self.waiting: list[str] = []  # free paragraphs after items: between items, or not
        self.part_next = False  # a typed 'Phần thứ …' line: its title comes next
        self.slots = "thong_tin" in state.data  # an agenda: plain '14h00 - 14h15: …' are slots

    def start(self) -> None:
        """The body proper begins: what came before is căn cứ and mở đầu."""
        if self.started:
            return
        self.started = True
        pre, data = self.pre, self.state.data
        grounds = []
        while pre and GROUNDS.match(pre[0][1]):
            grounds.append(pre.pop(0)[1])
        # The rule set the document was read with keeps căn cứ as typed (HD 36): so are they.
        profile = self.state.phrases.profile
        typed = profile is not None and profile.punctuation.grounds is None
        if grounds and typed:
            data["can_cu"] = list(grounds)
        elif grounds:
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
        if role in ("part", "part_title") or (role and role.startswith("heading_")):
            self.own_heading(para)
            return
        if role in ("lead_agency", None) and (lead := self._lead_line(tidy(para.text))):
            self.lead(para, lead)
            return
        # A Heading style gives the emphasis (pandoc's are italic or coloured): not markup.
        # A bold italic heading (a second level, often) is not italic markup either.
        whole = bool(heading_style) or (para.all_bold and para.all_italic)
        bold_text = markup(para, plain_bold=True, plain_italic=whole)
        if para.auto_label and not role:
            bold_text = f"{para.auto_label} {bold_text}"
        if not role and self.typed_part(para, bold_text):
            return
        match = HEADING.match(bold_text)
        if not role and match and (para.all_bold or heading_style or _capitals(match)):
            self.typed_heading(match["label"], match["rest"])
            return
        if not role and para.all_bold and self.title_goes_on(bold_text):
            return
        if not role and heading_style:
            self.heading(int(heading_style[1] or 1), bold_text)
            self.state.guess("tiêu đề", f"'{bold_text[:40]}' (kiểu Heading, không số)", "khá chắc")
            return
        if role in ("item", None) and (slot := labels.TIME_SLOT.match(text)):
            self.time_slot(slot)
            return
        if not role and self.slots and (slot := labels.PLAIN_SLOT.match(text)):
            self.time_slot(slot)  # an agenda typed plainly: '14h15 - 15h00: Thảo luận'
            return
        if not role and self.run_in(text):
            return
        if not role and (bold := BOLD_LABEL.match(text)) and ITEM.match(bold["label"] + " x"):
            text = f"{bold['label']} {bold['rest']}"
        item = (labels.LABELLED if role == "item" else ITEM).match(text)
        if role in ("item", None) and item:
            self.item(item["label"], item["rest"])
            return
        if role == "item_body" and self.stack[-1].open_items:
            self.stack[-1].open_items[-1][1].setdefault("doan", []).append(text)
            return
        if role in ("body", "item_body", None):
            if not self.started:
                self.pre.append((para, text))
            elif self.stack[-1].items and not self.stack[-1].sections:
                self.waiting.append(text)
            else:
                self.free(text)
            return
        self.state.leave(para, f"vai trò '{role}' không thuộc phần nội dung")

    def title_goes_on(self, text: str) -> bool:
        """A heading in capitals typed over two paragraphs ('B. ĐỐI VỚI VIỆC HIỆP THƯƠNG,' /
        'NGƯỜI ỨNG CỬ …', real file 15): the second line joins the title."""
        here = self.stack[-1]
        fresh = here.title and not (here.paragraphs or here.items or here.sections)
        if not fresh or here.title != (here.title or "").upper() or text != text.upper():
            return False
        here.title = f"{here.title} {text}"
        return True

    def typed_part(self, para: Para, text: str) -> bool:
        """'Phần thứ nhất' typed in bold on a line of its own, its title on the next line
        (real file 11): a heading above the document's typed levels."""
        if para.all_bold and len(text.split()) <= 4 and labels.part(text):
            self.part_next = True
            return True
        if not self.part_next:
            return False
        self.part_next = False
        if _PART not in self.heading_kinds:
            self.heading_kinds.insert(0, _PART)
        self.heading(1, text, _PART)
        return True

    def run_in(self, text: str) -> bool:
        """'**1. Nội dung:** Ban Thường trực …': a numbered heading in bold and its first
        paragraph typed on one line; the heading's title runs to its colon."""
        bold = RUN_IN.match(text)
        head = HEADING.match(bold["head"]) if bold else None
        if bold is None or head is None or ":" not in head["rest"]:
            return False
        title, _, more = head["rest"].partition(":")
        more = more.strip()
        self.typed_heading(head["label"], f"{title.strip()}:")
        rest = (f"**{more}**" if more else "") + bold["tail"]
        if rest.strip():
            self.free(tidy(rest))
        return True

    def typed_heading(
        self, label: str, title: str, base: float = 0, kinds: list[str] | None = None
    ) -> None:
        """A heading typed with its label: its level (under `base`) from the order its label
        style first appears in `kinds` (the body's, or a table's own): 'A.' parts, then 'I.',
        '1.', '1.1.' …; the style kept for `danh_so`."""
        kinds = self.heading_kinds if kinds is None else kinds
        style = self.heading_style(label)
        if style not in kinds:
            kinds.append(style)
        self.last_labels[style] = label
        self.heading(base + kinds.index(style) + 1, title, style)

    def heading_style(self, label: str) -> str:
        """'C.' after 'B.' is a letter, 'C.' alone a roman hundred: the last letter heading
        tells (see `labels.style_of`)."""
        last = self.last_labels.get("A.", "")
        follows = len(last) == 2 and len(label) == 2 and ord(label[0]) == ord(last[0]) + 1
        return labels.style_of(label, "A." if follows else None)

    def own_heading(self, para: Para) -> None:
        """A heading this tool wrote: its level from its style, its label read back."""
        # The heading's style gives its emphasis (bold, italic): not markup.
        role = para.role or ""
        text = self.state.markup(para, plain_bold=True, plain_italic=para.all_italic)
        if role == "part":
            self.parts, self.part_label = True, tidy(para.text)
            return
        if role == "part_title":
            self.heading(1, text, "Phần thứ nhất")
            return
        level = int(role[-1]) + (1 if self.parts else 0)
        match = labels.LABELLED.match(text)
        if match is None:
            self.heading(level, text)
            return
        before = self._sibling_style(level)
        self.heading(level, match["rest"], labels.style_of(match["label"], before))

    def _sibling_style(self, level: float) -> str | None:
        """The label style of the last heading at `level` under the same parent."""
        for section in reversed(self.stack):
            if section.level < level:
                titled = [s for s in section.sections if s.title and s.level == level]
                return titled[-1].label_style if titled else None
        return None

    def _lead_line(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.state.phrases.lead_agency if (m := p.match(text))), None)

    def flush(self) -> None:
        """Free paragraphs after items that no item followed: the text after the items."""
        waiting, self.waiting = self.waiting, []
        for text in waiting:
            self.free(text)

    def heading(self, level: float, title: str, style: str | None = None) -> None:
        self.start()
        self.flush()
        # An untitled section (free text between headings) never holds a numbered heading.
        while self.stack[-1].level >= level or (
            self.stack[-1] is not self.root and self.stack[-1].title is None
        ):
            self.stack.pop()
        section = Section(level, title, style)
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

    def time_slot(self, match: re.Match[str]) -> None:
        """'**14h00 - 14h15:** Khai mạc (*Đồng chí Bí thư*)' → thoi_gian, noi_dung, thuc_hien."""
        self.slots = True
        fields = {"thoi_gian": match["when"].strip()}
        rest = match["rest"].strip()
        if presenter := labels.PRESENTER.match(rest):
            rest, fields["thuc_hien"] = presenter["text"], presenter["who"].strip()
        self.item("", rest, fields, "thoi-gian")

    def item(
        self, label: str, text: str, fields: dict[str, str] | None = None, kind: str | None = None
    ) -> None:
        """An item; a label of another kind than the items open above it is a sub-item."""
        self.start()
        section = self.target(for_items=True)
        for note in self.waiting:  # paragraphs between items: no lead-agency line spans them
            section.items.append({"doan": note})
            section.labels.append("")
            section.open_items, section.lead_mark = [], len(section.items)
        self.waiting = []
        kind = kind or (labels.style_of(label) if label else "")
        node: dict[str, Any] = {"noi_dung": text, **(fields or {})}
        depth = next((d for d, (k, _) in enumerate(section.open_items) if k == kind), None)
        if depth is not None or not section.open_items or not kind:
            section.open_items = section.open_items[: depth or 0]
        if section.open_items:
            parent = section.open_items[-1][1]
            parent.setdefault("muc", []).append(node)
            parent.setdefault("_kinds", []).append(kind)
        else:
            section.items.append(node)
            section.labels.append(label)
            if kind:  # a table row has no mark of its own
                section.styles.append(kind)
        section.open_items.append((kind, node))

    def lead(self, para: Para, match: re.Match[str]) -> None:
        """A lead-agency line: its agency (and partners) go to the items it names, or to the
        run of items before it."""
        self.flush()
        section = self.stack[-1]
        if not section.items:
            self.state.leave(para, "dòng cơ quan chủ trì không có mục đứng trước")
            return
        if match["muc"]:
            refs = re.findall(ITEM_REF, match["muc"])
            chosen = [i for i, label in enumerate(section.labels) if label and label in refs]
        elif not section.styles or section.styles[-1] in _UNCOUNTED:
            run = range(section.lead_mark, len(section.items))
            chosen = [i for i in run if "noi_dung" in section.items[i]]  # not a paragraph
        else:
            chosen = [len(section.items) - 1]
        if not chosen:
            self.state.leave(para, "không tìm thấy các mục được nhắc tới")
            return
        who = match["co_quan"].strip()
        partners = (match["phoi_hop"] or "").strip() or None
        if self._own_line_each(section, chosen, (who, partners)):
            self.state.data["dong_chu_tri"] = "moi-muc"
        for i in chosen:
            section.items[i]["chu_tri"] = who
            if match["phoi_hop"]:
                section.items[i]["phoi_hop"] = match["phoi_hop"].strip()
        section.lead_mark = len(section.items)
        self.state.guess("chu_tri", f"{who} → {len(chosen)} mục", "chắc chắn")

    @staticmethod
    def _own_line_each(section: Section, chosen: list[int], lead: tuple[str, str | None]) -> bool:
        """Whether the item before the one a line names had the same agencies and a line of
        its own: the office writes one line an item (`dong_chu_tri: moi-muc`)."""
        before = [i for i in range(chosen[0]) if "noi_dung" in section.items[i]]
        if len(chosen) != 1 or not before or before[-1] != chosen[0] - 1:
            return False
        item = section.items[before[-1]]
        same = (item.get("chu_tri"), item.get("phoi_hop")) == lead
        return same and before[-1] < section.lead_mark


def addressees(state: State, units: list[Unit]) -> list[Unit]:
    """'Kính gửi:' and the lines of where it goes, first in the body (typed as paragraphs, or
    as a two-column table as invitations are) → kinh_gui; the units after it are returned."""
    label = state.phrases.addressees_label
    filled = [i for i, u in enumerate(units) if not isinstance(u, Para) or u.text.strip()]
    if not filled:
        return units
    first = units[filled[0]]
    paras = first.paras() if isinstance(first, Grid) else [first]
    lines = [p for p in paras if p.text.strip()]
    opened = label.match(tidy(lines[0].text)) if lines else None
    if opened is None and not (lines and lines[0].role == "addressees_label"):
        return units
    found = [opened["rest"]] if opened and opened["rest"].strip() else []
    found += [tidy(p.text) for p in lines[1:]]
    after = filled[0] + 1
    several = not found or _ADDRESSEE_LINE.match(found[0])  # not 'Kính gửi: Sở Nội vụ.'
    if not isinstance(first, Grid) and several:  # '- …' lines under a 'Kính gửi:' paragraph
        while after < len(units) and isinstance(u := units[after], Para):
            text = tidy(u.text)
            if text and not (u.role == "addressee" or _ADDRESSEE_LINE.match(text)):
                break
            found += [text] if text else []
            after += 1
    found = [_ADDRESSEE_END.sub("", re.sub(r"^[-–+]\s*", "", line)) for line in found]
    state.data["kinh_gui"] = [line for line in found if line]
    state.guess("kinh_gui", f"{len(state.data['kinh_gui'])} nơi", "chắc chắn")
    return units[after:]


def read_body(state: State, units: list[Unit], table: Callable[[Body, Grid], None]) -> None:
    """Fill can_cu, mo_dau, noi_dung (with kieu_muc) and ket_luan; `table` reads a table."""
    units = addressees(state, units)
    body = Body(state)
    last_text = max(
        (i for i, u in enumerate(units) if isinstance(u, Para) and u.text.strip()), default=-1
    )
    last_grid = max((i for i, u in enumerate(units) if isinstance(u, Grid)), default=-1)
    after = [u for u in units[last_grid + 1 :] if isinstance(u, Para) and u.text.strip()]
    closing = last_grid >= 0 and not any(_heading_like(state, p) for p in after)
    for i, unit in enumerate(units):
        if closing and i > last_grid and state.data.get("trinh_bay") == "bang":
            _closing_after_table(state, after)  # no prose part after the items' table
            break
        if isinstance(unit, Grid):
            body.start()
            body.flush()
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
    body.flush()
    outline_out(state, body.root)


def _heading_like(state: State, para: Para) -> bool:
    """A heading of a prose part after the table ('III. TỔ CHỨC THỰC HIỆN'), typed or styled."""
    role = para.role or ""
    if role.startswith(("heading_", "part")) or para.all_bold:
        return True
    return HEADING.match(state.markup(para, plain_bold=True)) is not None


def _closing_after_table(state: State, paras: list[Para]) -> None:
    """The paragraphs after the items' table (trinh_bay: bang) close the body (ket_luan), as
    the layout prints them after the table: '* Ghi chú: …' under a weekly schedule (real
    file 01). Without the rule set's './.' at its end, the closing is printed without it."""
    texts = [state.markup(p) for p in paras if p.text.strip()]
    if not texts:
        return
    end = next((e for e in state.phrases.body_ends if texts[-1].endswith(e)), None)
    if end:
        texts[-1] = texts[-1][: -len(end)].rstrip() + "."
    else:
        state.data["khong_in"] = [*state.data.get("khong_in", []), "dau_ket"]
    state.data["ket_luan"] = texts if len(texts) > 1 else texts[0]
    state.guess("ket_luan", f"{len(texts)} đoạn sau bảng", "khá chắc")

"""Units of a .docx → the YAML contract: header, title, body sections and items, tables,
closing; every paragraph either placed or kept as unplaced (never dropped)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from chuongtrinh.importer import annex
from chuongtrinh.importer.reading import Grid, Para, Unit, read
from chuongtrinh.importer.text import marked, tidy
from chuongtrinh.importer.word97 import legacy_fonts
from chuongtrinh.profiles import loader as profiles

_PARTY_BANNER = "ĐẢNG CỘNG SẢN VIỆT NAM"
_STATE_BANNER = re.compile(r"CỘNG H[OÒ]A X[AÃ] H[OỘ]I CH[UỦ] NGH[IĨ]A VI[EỆ]T NAM")
_MOTTO = re.compile(r"^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$", re.IGNORECASE)
_PARTY_NUMBER = re.compile(r"^Số\s*(?P<so>[^\s:/-]*)\s*-\s*(?P<loai>[^\s/-]+)\s*/\s*(?P<vt>\S+)$")
_STATE_NUMBER = re.compile(r"^Số\s*:\s*(?P<so>[^\s/]*)\s*/\s*(?P<loai>[^\s/-]+)\s*-\s*(?P<vt>\S+)$")
_DATE = re.compile(
    r"^(?P<place>[^,]+?)\s*,\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s*(?P<y>\d{4})\s*$"
)
_DRAFT = re.compile(r"^dự thảo(?:\s+lần\s+(?P<n>\d+))?$", re.IGNORECASE)
_DECORATION = re.compile(r"^(?:\*|[-_–—=.]{2,}|)$")
_AUTHORITY = re.compile(r"^(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|Q/)\s*\S")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?$", re.IGNORECASE)
# The line on circulation printed after the signature ("Không phổ biến trên …").
_CIRCULATION = re.compile(r"^(?:Không|KHÔNG)\s+(?:phổ biến|PHỔ BIẾN|được phổ biến)\b")
_HEADING = re.compile(
    r"^(?:(?P<roman>[IVXLC]+)\.|(?P<arabic>\d+)\.|(?P<letter>[a-zđ])\))\s*(?P<rest>\S.*)$", re.S
)
_ITEM = re.compile(r"^(?P<label>[-+•–]|\(\d+\)|\d+[.)]|[a-zđ]\))\s*(?P<rest>\S.*)$", re.S)
_REF = r"(?:\(\d+\)|\d+[.)]|[a-zđ]\))"
_LEAD = re.compile(
    r"^(?P<label>Cơ quan chủ trì(?: tham mưu)?)\s*:\s*(?P<who>.+?)"
    rf"(?:\s+mục\s+(?P<refs>{_REF}(?:(?:\s*,\s*|\s+và\s+){_REF})*))?"
    r"(?:\s*;\s*cơ quan phối hợp\s*:\s*(?P<with>.+?))?\s*\.?$",
    re.IGNORECASE | re.S,
)
_GROUNDS = re.compile(r"^(?:[-–+]\s*)?Căn cứ\b")
_HEADING_STYLE = re.compile(r"^(?:Heading|Tiêu đề|Title)\s*(\d*)$", re.IGNORECASE)
_CLOSING_END = "./."

# Column titles by meaning: each field and words its title may use.
_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stt", ("stt", "tt", "số thứ tự", "số tt")),
    ("phoi_hop", ("phối hợp",)),
    ("chu_tri", ("chủ trì", "thực hiện", "phụ trách", "người làm", "đơn vị")),
    ("thoi_gian", ("thời gian", "thời hạn", "tiến độ", "ngày", "hạn")),
    ("ghi_chu", ("ghi chú",)),
    ("noi_dung", ("nội dung", "công việc", "nhiệm vụ")),
)


@dataclass
class Guess:
    """One thing the importer inferred, how sure it is, and why."""

    what: str
    value: str
    sure: str  # "chắc chắn" | "khá chắc" | "đoán"


@dataclass
class Unplaced:
    number: int
    text: str
    why: str


@dataclass
class Imported:
    """The YAML contract as plain data, what was guessed, and what could not be placed."""

    data: dict[str, Any]
    guesses: list[Guess]
    unplaced: list[Unplaced]
    paragraphs: int  # non-empty paragraphs read

    @property
    def placed(self) -> int:
        return self.paragraphs - len(self.unplaced)


@dataclass
class _Section:
    level: float
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    items: list[dict[str, str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
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


def _lines(para: Para) -> Iterator[tuple[int, str]]:
    """The pieces of a paragraph split at line breaks and tab gaps, with their column (0 for
    text before a tab gap, 1 after it, -1 when the line has no gap)."""
    for line in para.text.split("\n"):
        parts = []
        for part in re.split(r"\t+", line):
            whole = tidy(part)
            known = _DATE.match(whole) or _PARTY_NUMBER.match(whole) or _STATE_NUMBER.match(whole)
            parts += [whole] if known else [tidy(p) for p in re.split(r"\s{5,}", part)]
        parts = [p for p in parts if p]
        if len(parts) == 1:
            yield -1, parts[0]
        else:
            for i, part in enumerate(parts):
                yield (0 if i < len(parts) - 1 else 1), part


class _Importer:
    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.own = any(p.role for p in self._all_paras())
        self.data: dict[str, Any] = {}
        self.guesses: list[Guess] = []
        self.unplaced: list[Unplaced] = []
        self.evidence: tuple[tuple[str, str] | None, tuple[str, str] | None] = (None, None)
        kinds = profiles.load("dang-2018").kinds
        self.kind_names = {name.upper(): abbr for abbr, name in kinds.items() if name}
        self.kinds = kinds

    def _all_paras(self) -> Iterator[Para]:
        for unit in self.units:
            yield from unit.paras() if isinstance(unit, Grid) else [unit]

    def guess(self, what: str, value: object, sure: str) -> None:
        self.guesses.append(Guess(what, str(value), sure))

    def leave(self, para: Para, why: str, text: str | None = None) -> None:
        self.unplaced.append(Unplaced(para.number, text or tidy(para.text), why))

    # -- regions --------------------------------------------------------------------------

    def run(self) -> Imported:
        kind_at = next(
            (i for i, u in enumerate(self.units) if isinstance(u, Para) and self.is_kind(u)),
            None,
        )
        if kind_at is None:
            raise ValueError("không thấy tên loại văn bản (CHƯƠNG TRÌNH, KẾ HOẠCH…)")
        closing_at = next(
            (i for i in range(kind_at + 1, len(self.units)) if self.is_closing(self.units[i])),
            len(self.units),
        )
        header = [p for u in self.units[:kind_at] for p in self._paras(u)]
        self.header(header)
        rest = self.title(self.units[kind_at:closing_at])
        self.body(rest)
        annex_at = next(
            (i for i in range(closing_at, len(self.units)) if annex.is_label(self.units[i])),
            len(self.units),
        )
        self.closing([p for u in self.units[closing_at:annex_at] for p in self._paras(u)])
        if annex_at < len(self.units):
            self.data["phu_luc"] = annex.read(self.units[annex_at:])
            self.guess("phu_luc", f"{len(self.data['phu_luc'])} phụ lục", "chắc chắn")
        self.family()
        total = sum(1 for p in self._all_paras() if p.text.strip())
        old = legacy_fonts(f for p in self._all_paras() for f in p.fonts)
        for name, prefix in (("TCVN3", ".Vn"), ("VNI", "VNI")):
            fonts = [f for f in old if f.upper().startswith(prefix.upper())]
            if fonts:
                self.guess(f"phông {name}", ", ".join(fonts), "đã chuyển sang Unicode — chắc chắn")
        return Imported(self.ordered(), self.guesses, self.unplaced, total)

    @staticmethod
    def _paras(unit: Unit) -> list[Para]:
        return unit.paras() if isinstance(unit, Grid) else [unit]

    def is_kind(self, para: Para) -> bool:
        """The kind line ('CHƯƠNG TRÌNH'); pandoc may put the summary after it in the same
        paragraph, behind a line break."""
        if para.role == "kind":
            return True
        first = tidy(para.text.split("\n")[0]).upper()
        return para.role is None and first in self.kind_names

    @staticmethod
    def is_closing(unit: Unit) -> bool:
        paras = unit.paras() if isinstance(unit, Grid) else [unit]
        return any(
            _RECIPIENTS.match(text) for p in paras for _, text in _lines(p) if text.strip()
        ) or any(p.role == "recipients_label" for p in paras)

    # -- header ---------------------------------------------------------------------------

    def header(self, paras: list[Para]) -> None:
        org: list[tuple[str, bool, str | None]] = []
        family = None
        number_form = None
        for para in paras:
            for _, line in _lines(para):
                upper = line.upper()
                if _DECORATION.match(line):
                    continue
                if match := _DRAFT.match(line):
                    self.data["du_thao"] = int(match["n"]) if match["n"] else True
                    self.guess("du_thao", self.data["du_thao"], "chắc chắn")
                elif upper == _PARTY_BANNER:
                    family = family or ("dang", f"dòng '{line}'")
                elif _STATE_BANNER.search(upper) or _MOTTO.match(line):
                    family = family or ("nha-nuoc", f"dòng '{line}'")
                elif match := _STATE_NUMBER.match(line):
                    number_form = ("nha-nuoc", f"số dạng '{line}'")
                    self.number(match)
                elif match := _PARTY_NUMBER.match(line):
                    number_form = ("dang", f"số dạng '{line}'")
                    self.number(match)
                elif match := _DATE.match(line):
                    self.date(match)
                elif line == upper and any(c.isalpha() for c in line):
                    org.append((line, para.all_bold, para.role))
                else:
                    self.leave(para, "phần đầu văn bản", line)
        self.organization(org)
        self.evidence = (family, number_form)

    def family(self) -> None:
        """Party or State: the banner or motto says it; else the number's form ('Số 36-CTr/ĐU'
        or 'Số: 15/CTr-UBND'); else the signature ('T/M' Party, 'TM.' State)."""
        banner, number = self.evidence
        authority = self.data["ky"]["tham_quyen"]
        authority = authority if isinstance(authority, str) else " ".join(authority)
        if banner:
            self.data["he_thong"] = banner[0]
            self.guess("he_thong", banner[0], f"chắc chắn ({banner[1]})")
        elif number:
            self.data["he_thong"] = number[0]
            self.guess("he_thong", number[0], f"khá chắc ({number[1]})")
        elif re.search(r"\b(?:TM|KT|TL|TUQ)\.", str(authority)):
            self.data["he_thong"] = "nha-nuoc"
            self.guess("he_thong", "nha-nuoc", "đoán (thẩm quyền ký dạng 'TM.')")
        else:
            self.data["he_thong"] = "dang"
            self.guess("he_thong", "dang", "đoán (không thấy quốc hiệu, tiêu đề hay số)")

    def number(self, match: re.Match[str]) -> None:
        if match["so"]:
            self.data["so"] = match["so"]
        self.data["loai"] = match["loai"]
        self.data.setdefault("co_quan", {})["viet_tat"] = match["vt"]
        self.guess("so", match["so"] or "(để trống)", "chắc chắn")

    def date(self, match: re.Match[str]) -> None:
        self.data["dia_danh"] = match["place"]
        year = int(match["y"])
        if match["d"] and match["m"]:
            try:
                self.data["ngay"] = dt.date(year, int(match["m"]), int(match["d"]))
            except ValueError:
                self.data["ngay"] = year
                self.guess("ngay", year, "đoán (ngày không tồn tại, chỉ giữ năm)")
                return
        else:
            self.data["ngay"] = year
        self.guess("ngay", self.data["ngay"], "chắc chắn")

    def organization(self, lines: list[tuple[str, bool, str | None]]) -> None:
        org = self.data.setdefault("co_quan", {})
        if any(role for _, _, role in lines):
            superior = [t for t, _, role in lines if role == "superior"]
            names = [t for t, _, role in lines if role != "superior"]
            sure = "chắc chắn"
        elif any(bold for _, bold, _ in lines):
            first = next(i for i, (_, bold, _) in enumerate(lines) if bold)
            superior = [t for t, _, _ in lines[:first]]
            names = [t for t, _, _ in lines[first:]]
            sure = "khá chắc (dòng in đậm là cơ quan ban hành)"
        else:
            superior = [t for t, _, _ in lines[:-1]]
            names = [t for t, _, _ in lines[-1:]]
            sure = "đoán (dòng cuối là cơ quan ban hành)"
        if not names:
            names = ["(CHƯA RÕ CƠ QUAN BAN HÀNH)"]
            sure = "đoán (không thấy tên cơ quan ở phần đầu; cần điền)"
        if superior:
            org["cap_tren"] = " ".join(superior)
        org["ten"] = names[0] if len(names) == 1 else names
        self.guess("co_quan.ten", " / ".join(names), sure)
        if "viet_tat" not in org:
            org["viet_tat"] = "".join(w[0] for w in " ".join(names).split())
            self.guess("co_quan.viet_tat", org["viet_tat"], "đoán (không có số ký hiệu)")

    # -- title ----------------------------------------------------------------------------

    def title(self, units: list[Unit]) -> list[Unit]:
        kind = units[0]
        assert isinstance(kind, Para)
        name, *after = [tidy(line) for line in kind.text.split("\n")]
        name = name.upper()
        loai = self.data.get("loai") or self.kind_names.get(name, "CTr")
        self.data["loai"] = loai
        if (self.kinds.get(loai) or "").upper() != name:
            self.data["ten_loai"] = name
        summary: list[str] = [line for line in after if line]
        i = 1
        while i < len(units):
            unit = units[i]
            if not isinstance(unit, Para):
                break
            text = tidy(unit.text, keep_breaks=True)
            plain_first = (  # a summary typed without bold, right under the kind
                not summary and unit.role is None and text and i == 1
                and not (_HEADING.match(text) or _ITEM.match(text) or _GROUNDS.match(text))
            )  # fmt: skip
            if (
                unit.role == "summary"
                or plain_first
                or (unit.role is None and text and unit.all_bold and not _HEADING.match(text))
            ):
                summary.append(marked(unit, plain_bold=True, keep_breaks=True, exact=self.own))
                i += 1
                continue
            if unit.role == "attached" or (text.startswith("(") and text.endswith(")")):
                self.data["kem_theo"] = text[1:-1]
                i += 1
                continue
            if unit.role == "separator" or (_DECORATION.match(text) and summary):
                i += 1
                if unit.role == "separator" or text:
                    break
                continue
            break
        if summary:
            self.data["trich_yeu"] = "\n".join(summary)
        else:
            self.data["trich_yeu"] = "(chưa rõ trích yếu)"
            self.guess("trich_yeu", "không thấy; cần điền", "đoán")
        return units[i:]

    # -- body -----------------------------------------------------------------------------

    def body(self, units: list[Unit]) -> None:
        self.root = _Section(0)
        self.stack: list[_Section] = [self.root]
        self.heading_kinds: list[str] = []
        self.pre: list[tuple[Para, str]] = []
        self.started = False
        last_text = max(
            (i for i, u in enumerate(units) if isinstance(u, Para) and u.text.strip()), default=-1
        )
        for i, unit in enumerate(units):
            if isinstance(unit, Grid):
                self.start()
                self.table(unit)
                continue
            if not unit.text.strip() or unit.role in ("signing_space",):
                continue
            if i == last_text and tidy(unit.text).endswith(_CLOSING_END):
                text = self.markup(unit)
                self.data["ket_luan"] = text[: -len(_CLOSING_END)].rstrip() + "."
                self.guess("ket_luan", "đoạn cuối có './.'", "chắc chắn")
                continue
            self.paragraph(unit)
        self.start()
        self.sections_out()

    def markup(self, para: Para, **plain: bool) -> str:
        return marked(para, exact=self.own, **plain)

    def start(self) -> None:
        """The body proper begins: what came before is căn cứ and mở đầu."""
        if self.started:
            return
        self.started = True
        pre = self.pre
        grounds = []
        while pre and _GROUNDS.match(pre[0][1]):
            grounds.append(pre.pop(0)[1])
        if grounds:
            cleaned = [re.sub(r"^[-–+]\s*", "", g) for g in grounds]
            if len(grounds) > 1 or grounds[0] != cleaned[0]:
                cleaned = [g.rstrip(";,") for g in cleaned]
                cleaned[-1] = cleaned[-1].rstrip(".") if grounds[0] != cleaned[0] else cleaned[-1]
            self.data["can_cu"] = cleaned
        if pre:
            self.data["mo_dau"] = pre.pop(0)[1]
        for _, text in pre:  # free text before the first heading: an untitled section
            self.free(text)

    def paragraph(self, para: Para) -> None:
        role = para.role
        text = self.markup(para)
        if para.auto_label and not role:
            text = f"{para.auto_label} {text}"
        heading_style = _HEADING_STYLE.match(para.style)
        if role and role.startswith("heading_"):
            match = _HEADING.match(self.markup(para, plain_bold=True))
            title = match["rest"] if match else text
            self.heading(int(role[-1]), title)
            return
        if role in ("lead_agency", None) and (lead := _LEAD.match(tidy(para.text))):
            self.lead(para, lead)
            return
        # A Heading style gives the emphasis (pandoc's are italic or coloured): not markup.
        bold_text = self.markup(para, plain_bold=True, plain_italic=bool(heading_style))
        if para.auto_label and not role:
            bold_text = f"{para.auto_label} {bold_text}"
        match = _HEADING.match(bold_text)
        if not role and match and (para.all_bold or heading_style):
            kind = next(k for k in ("roman", "arabic", "letter") if match[k])
            if kind not in self.heading_kinds:
                self.heading_kinds.append(kind)
            self.heading(self.heading_kinds.index(kind) + 1, match["rest"])
            return
        if not role and heading_style:
            level = int(heading_style[1] or 1)
            self.heading(level, bold_text)
            self.guess("tiêu đề", f"'{bold_text[:40]}' (kiểu Heading, không số)", "khá chắc")
            return
        if role in ("item", None) and (item := _ITEM.match(text)):
            self.item(item["label"], item["rest"])
            return
        if role in ("body", None):
            if not self.started:
                self.pre.append((para, text))
            else:
                self.free(text)
            return
        self.leave(para, f"vai trò '{role}' không thuộc phần nội dung")

    def heading(self, level: float, title: str) -> None:
        self.start()
        # An untitled section (free text between headings) never holds a numbered heading.
        while self.stack[-1].level >= level or (
            self.stack[-1] is not self.root and self.stack[-1].title is None
        ):
            self.stack.pop()
        section = _Section(level, title)
        self.stack[-1].sections.append(section)
        self.stack.append(section)

    def target(self, for_items: bool) -> _Section:
        """The section that takes the next paragraph or item (a new untitled one when the
        current section already holds what must come after it)."""
        here = self.stack[-1]
        if here.sections or (not for_items and here.items) or here is self.root:
            if here is self.root and not here.sections and (for_items or not here.items):
                untitled = _Section(0.5)
            else:
                untitled = _Section(here.level + 0.5)
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
        section = self.stack[-1]
        if not section.items:
            self.leave(para, "dòng cơ quan chủ trì không có mục đứng trước")
            return
        if match["refs"]:
            refs = re.findall(_REF, match["refs"])
            chosen = [i for i, label in enumerate(section.labels) if label in refs]
        elif not section.styles or section.styles[-1] in ("-", "+"):
            chosen = list(range(section.lead_mark, len(section.items)))
        else:
            chosen = [len(section.items) - 1]
        if not chosen:
            self.leave(para, "không tìm thấy các mục được nhắc tới")
            return
        for i in chosen:
            section.items[i]["chu_tri"] = match["who"].strip()
            if match["with"]:
                section.items[i]["phoi_hop"] = match["with"].strip()
        section.lead_mark = len(section.items)
        self.guess("chu_tri", f"{match['who'].strip()} → {len(chosen)} mục", "chắc chắn")

    # -- tables ---------------------------------------------------------------------------

    def table(self, grid: Grid) -> None:
        if not grid.rows:
            return
        fields = [self.column(cell.text) for cell in grid.rows[0]]
        if "noi_dung" not in fields or len(set(fields) - {None}) < 2:
            for para in grid.paras():
                if para.text.strip():
                    self.leave(para, "bảng không nhận ra cột (cần Nội dung và cột khác)")
            return
        self.data["trinh_bay"] = "bang"
        self.columns(grid, fields)
        base = self.stack[-1].level if self.stack[-1].title else 0
        while self.stack[-1].level > base:
            self.stack.pop()
        kinds: list[str] = []
        for row in grid.rows[1:]:
            if len(row) == 1:
                self.table_row(row[0].paras, base, kinds)
                continue
            values: dict[str, str] = {}
            for cell, name in zip(row, fields, strict=False):
                text = " ".join(self.markup(p) for p in cell.paras if p.text.strip())
                if name and name != "stt" and text:
                    values[name] = text
            if "noi_dung" in values:
                self.item("", values.pop("noi_dung"), values)
            else:
                for cell in row:
                    for para in cell.paras:
                        if para.text.strip():
                            self.leave(para, "dòng bảng không có nội dung")

    def table_row(self, paras: list[Para], base: float, kinds: list[str]) -> None:
        for para in paras:
            if not para.text.strip():
                continue
            text = self.markup(para, plain_bold=True)
            match = _HEADING.match(text)
            if match and (para.role == "table_group" or para.all_bold):
                kind = next(k for k in ("roman", "arabic", "letter") if match[k])
                if kind not in kinds:
                    kinds.append(kind)
                self.heading(base + kinds.index(kind) + 1, match["rest"])
            elif para.role == "table_note" or para.all_italic:
                self.free(self.markup(para, plain_italic=True))
            else:
                self.leave(para, "dòng gộp của bảng không phải tiêu đề nhóm hay ghi chú")

    @staticmethod
    def column(title: str) -> str | None:
        words = tidy(title).lower()
        for name, keys in _COLUMN_WORDS:
            if any(k == words or k in words.split() or (" " in k and k in words) for k in keys):
                return name
        return None

    def columns(self, grid: Grid, fields: list[str | None]) -> None:
        if "cot_bang" in self.data:
            return
        rules = profiles.load("dang-2018").table
        chosen: list[Any] = []
        for cell, name in zip(grid.rows[0], fields, strict=False):
            if name is None:
                continue
            title = tidy(cell.text)
            chosen.append(name if title == rules.columns[name].title else {name: title})
        if chosen != list(rules.default):
            self.data["cot_bang"] = chosen
        self.guess("cot_bang", ", ".join(str(c) for c in chosen), "khá chắc (theo nghĩa tên cột)")

    # -- closing --------------------------------------------------------------------------

    def closing(self, paras: list[Para]) -> None:
        recipients: list[str] = []
        right: list[tuple[Para, str]] = []
        side = 0
        for para in paras:
            if para.role == "circulation" or _CIRCULATION.match(para.text.strip()):
                self.data["pham_vi_luu_hanh"] = para.text.strip()
                self.guess("pham_vi_luu_hanh", para.text.strip(), "chắc chắn")
                continue
            roles_right = para.role in ("authority", "position", "signer", "signing_space")
            for column, line in _lines(para):
                if _DECORATION.match(line) and line != "*":
                    continue
                if _RECIPIENTS.match(line):
                    side = 0
                    continue
                if para.auto_label in ("-", "+") and column == -1:
                    line = f"- {line}"  # a recipient in a Word (or pandoc) bullet list
                is_signature = roles_right or column == 1 or _AUTHORITY.match(line)
                if not is_signature and re.match(r"^[-–+]\s*", line) and para.role != "authority":
                    recipients.append(re.sub(r"^[-–+]\s*", "", line).rstrip(" ,;."))
                    continue
                if not is_signature and side == 0 and recipients and para.role == "recipient":
                    recipients[-1] += " " + line.rstrip(" ,;.")
                    continue
                side = 1
                right.append((para, line))
        keep = [r for r in recipients if not r.lower().startswith("lưu")]
        keep += [r for r in recipients if r.lower().startswith("lưu")]
        if keep != recipients:
            self.guess("noi_nhan", "dòng 'Lưu' chuyển xuống cuối", "chắc chắn")
        self.data["noi_nhan"] = keep or ["Lưu VT"]
        self.signature(right)

    def signature(self, lines: list[tuple[Para, str]]) -> None:
        authority = [t for p, t in lines if p.role == "authority" or _AUTHORITY.match(t)]
        rest = [(p, t) for p, t in lines if t not in authority]
        sign: dict[str, Any] = {}
        for para, text in rest:
            if para.role == "position" or (
                para.role is None and text == text.upper() and "chuc_vu" not in sign
            ):
                sign["chuc_vu"] = text
            elif para.role == "signer" or (
                para.role is None and not text.startswith("(") and len(text.split()) <= 6
            ):
                sign["ho_ten"] = text
            else:
                self.leave(para, "khối chữ ký", text)
        if not authority:
            authority = [sign.pop("chuc_vu")] if "chuc_vu" in sign else ["(chưa rõ thẩm quyền)"]
            self.guess("ky.tham_quyen", authority[0], "đoán")
        self.data["ky"] = {
            "tham_quyen": authority[0] if len(authority) == 1 else authority,
            **sign,
        }

    # -- output ---------------------------------------------------------------------------

    def sections_out(self) -> None:
        root = self.root
        styles = self.all_styles(root)
        inherited = "-"
        if styles and len(set(styles)) == 1 and styles[0] != "-":
            self.data["kieu_muc"] = inherited = styles[0]
        body = [self.section_out(s, inherited) for s in root.sections]
        if body:
            self.data["noi_dung"] = body

    def all_styles(self, section: _Section) -> list[str]:
        out = list(section.styles)
        for child in section.sections:
            out += self.all_styles(child)
        return out

    def section_out(self, section: _Section, inherited: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if section.title:
            out["tieu_de"] = section.title
        if section.paragraphs:
            if (
                section.items
                and len(section.paragraphs) == 1
                and section.paragraphs[0].endswith(":")
            ):
                out["dan_nhap"] = section.paragraphs[0]
            else:
                out["doan"] = section.paragraphs
        if section.items:
            out["muc"] = [item["noi_dung"] if len(item) == 1 else item for item in section.items]
        # The items' mark: the section's own, or that of everything under it when all agree.
        below = set(self.all_styles(section))
        style = section.styles[0] if section.styles else (below.pop() if len(below) == 1 else None)
        children = [self.section_out(s, style or inherited) for s in section.sections]
        if children:
            out["noi_dung"] = children
        if style and style != inherited:
            out["kieu_muc"] = style
        return out

    def ordered(self) -> dict[str, Any]:
        order = [
            "he_thong", "loai", "ten_loai", "kem_theo", "trinh_bay", "cot_bang", "kieu_muc",
            "co_quan", "so", "dia_danh", "ngay", "du_thao", "trich_yeu", "can_cu", "mo_dau",
            "noi_dung", "ket_luan", "noi_nhan", "ky", "pham_vi_luu_hanh", "phu_luc",
        ]  # fmt: skip
        org = self.data.get("co_quan", {})
        self.data["co_quan"] = {k: org[k] for k in ("cap_tren", "ten", "viet_tat") if k in org}
        if "dia_danh" not in self.data:
            # No date line: the year the summary names ('… tháng 02 năm 2023'), so that the
            # rules of that year apply; else this year. Day and month are left blank.
            years = re.findall(r"\b(?:19|20)\d\d\b", str(self.data.get("trich_yeu", "")))
            self.data["dia_danh"] = "(chưa rõ)"
            self.data["ngay"] = int(years[-1]) if years else dt.date.today().year
            self.guess(
                "ngay",
                f"không thấy dòng địa danh, ngày tháng; lấy năm {self.data['ngay']}",
                "đoán (năm trong trích yếu)" if years else "đoán (năm nay)",
            )
        return {k: self.data[k] for k in order if k in self.data}


def import_document(source: str | Path | IO[bytes]) -> Imported:
    """Read a .docx and recognise the program in it."""
    return _Importer(read(source)).run()

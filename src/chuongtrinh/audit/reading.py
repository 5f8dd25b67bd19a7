"""A .docx read for the audit: its paragraphs, each recognised element with its role.

Elements are found by their content and place (the header's "Số …" line, the date line, the
kind, "Nơi nhận:", the authority line …), not by the 'CT …' styles, so a program typed by
hand in Word is checked as well as one chuongtrinh made. The phrases come from the rule set's
phrasebook (`profiles.recognise`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh.audit import shapes
from chuongtrinh.docx import props
from chuongtrinh.docx.reader import body_paragraphs
from chuongtrinh.docx.untrusted import open_document
from chuongtrinh.errors import MessageError
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.recognise import Phrasebook, phrasebook
from chuongtrinh.source import kinds
from chuongtrinh.source.decode import read_bytes

# Old-style tone placement ("HOÀ", "QUÝ" on the first vowel) read as the new one, so that a
# header typed "CỘNG HOÀ XÃ HỘI …" is recognised; dashes and spaces as one form.
_TONES = str.maketrans({"–": "-", "—": "-", "\u00a0": " "})
_OLD_TONES = {"OÀ": "ÒA", "OÁ": "ÓA", "OẢ": "ỎA", "OÃ": "ÕA", "OẠ": "ỌA", "UỲ": "ÙY", "UÝ": "ÚY",
              "UỶ": "ỦY", "UỸ": "ŨY", "UỴ": "ỤY"}  # fmt: skip
_SPACES = re.compile(r"\s*-\s*|\s+")


def normal(text: str) -> str:
    """`text` in capitals, NFC, new-style tones, one kind of dash and of space: for comparing
    a header line with the rule set's ("Độc lập – Tự do – Hạnh phúc" is the motto)."""
    text = unicodedata.normalize("NFC", text).translate(_TONES).strip().upper()
    for old, new in _OLD_TONES.items():
        text = text.replace(old, new)
    return _SPACES.sub(lambda m: "-" if "-" in m.group() else " ", text)


_TITLE_LINES = 6  # without a separator, the summary is at most a few lines
# How a body begins: the title ends before these words even without a separator line.
_OPENINGS = ("Căn cứ", "Thực hiện", "Kính gửi", "Xét ", "Nhằm ")
_ANNEX_LINES = 8
_ATTACHED = re.compile(r"^\((Ban hành )?[Kk]èm theo ")
_SUMMARY_PREFIX = ("V/v", "V/V", "v/v")
_RULE_CHARACTERS = set("-–—_*=. ")


class CheckError(MessageError):
    """A file or a rule set that cannot be checked at all; the message is for the user, the
    hint (when there is one) says what to do instead."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass
class Element:
    """A paragraph recognised as one element of the document (its role in the profile)."""

    role: str
    number: int  # 1-based, reading order, table cells included
    paragraph: Paragraph

    @property
    def text(self) -> str:
        return props.paragraph_text(self.paragraph).strip()


def open_docx(source: str | Path | IO[bytes]) -> Any:
    """The python-docx Document, or a CheckError / DocxRefused a user can read."""
    if not isinstance(source, str | Path):
        return open_document(source)
    path = Path(source)
    raw = read_bytes(path)  # once, within CHUONGTRINH_MAX_MB, for the checks and the opener
    # An OLE file named .docx is as often a password-protected .docx: open_document says so.
    if path.suffix.lower() != ".docx" and raw.startswith(_OLE):
        raise CheckError(
            "tệp Word 97–2003 (.doc): check chỉ đọc .docx; mở bằng Word và lưu thành .docx,"
            " hoặc `soffice --headless --convert-to docx TỆP.doc`"
        )
    _refuse_other_kinds(path, raw)
    return open_document(raw, str(path))


@dataclass
class Contents:
    """A document's paragraphs in reading order and their texts, read once: walking the
    tables and joining the runs of a long document is most of what check costs."""

    paragraphs: list[Paragraph]
    texts: list[str]  # as typed
    stripped: list[str]

    @classmethod
    def of(cls, document: Any) -> Contents:
        paragraphs = list(body_paragraphs(document))
        texts = [props.paragraph_text(p) for p in paragraphs]
        return cls(paragraphs, texts, [t.strip() for t in texts])


_OLE = b"\xd0\xcf\x11\xe0"  # the compound file of a Word 97–2003 document


def _refuse_other_kinds(path: Path, raw: bytes) -> None:
    """Say what a file that is no Word document is (a YAML programme, a .doc, a PDF…) and
    which command reads it, rather than python-docx's 'Package not found'."""
    if raw.startswith((b"PK", _OLE)):
        return  # a zip or an OLE file: the .docx opener says what is wrong with it, part by part
    kind = kinds.sniff(raw)
    if kind is not None:
        raise CheckError(
            f"không đọc được tệp .docx: đây là {kind.name}",
            "lệnh check đọc tệp Word .docx; mở tệp bằng Word hoặc LibreOffice rồi lưu dạng"
            " .docx (Word Document), rồi kiểm tra tệp đó",
        )
    if kinds.looks_binary(raw):
        return  # binary of no known kind: the .docx opener's words are as good as any
    hint = "lệnh check đọc tệp Word .docx (do chuongtrinh tạo ra hoặc soạn bằng Word)"
    if path.suffix.lower() in (".yaml", ".yml"):
        hint = (
            f"tệp YAML thì kiểm tra bằng 'chuongtrinh validate {path}'; để kiểm tra văn bản"
            f" tạo ra: 'chuongtrinh build {path}' rồi 'chuongtrinh check"
            f" {path.with_suffix('.docx')}'"
        )
    raise CheckError("không đọc được tệp .docx: đây là tệp văn bản, không phải tệp Word", hint)


class Reader:
    """The paragraphs of one .docx with the elements recognised in them."""

    def __init__(self, document: Any, profile: Profile, contents: Contents | None = None) -> None:
        self.document = document
        self.contents = contents or Contents.of(document)
        self.paragraphs = self.contents.paragraphs
        self.profile = profile
        self.phrases: Phrasebook = phrasebook(profile)
        self.elements: list[Element] = []
        self.annex = False  # a file attached to another document: no header, no signature
        self.entries: dict[int, str] = {}  # recipient paragraph number → its entry's text
        self.addressees: list[tuple[Element, str]] = []  # 'Kính gửi:' entries as typed
        self._find()

    def texts(self) -> list[str]:
        return self.contents.stripped

    def add(self, role: str, index: int) -> None:
        self.elements.append(Element(role, index + 1, self.paragraphs[index]))

    def first(self, role: str) -> Element | None:
        return next((e for e in self.elements if e.role == role), None)

    def all(self, role: str) -> list[Element]:
        return [e for e in self.elements if e.role == role]

    def _find(self) -> None:
        texts = self.texts()
        kinds = tuple(normal(k) for k in self.profile.kinds.values())
        kind = next(
            (i for i, t in enumerate(texts) if normal(t).startswith(kinds) and self._caps(i)),
            len(texts),
        )
        banner = normal(self.profile.header.banner)
        self.annex = banner not in map(normal, texts[:kind]) and self._attached(texts)
        if self.annex:
            return
        # Without a kind, the header ends where a table of items starts ("Thứ, ngày" is not
        # a date line).
        end = (
            kind if kind < len(texts) else next((i for i in range(kind) if self._in_table(i)), kind)
        )
        self._header(texts[:end])
        if kind < len(texts):
            self.add("kind", kind)
            end = self._title(texts, kind + 1)
        elif self.first("letter_summary") is not None:
            end = max(e.number for e in self.elements)  # a công văn: the body follows "V/v …"
        else:
            return
        end = self._addressees(texts, end)
        label = next(
            (
                i
                for i in range(end, len(texts))
                if texts[i].startswith(self.profile.labels.recipients)
            ),
            None,
        )
        authority = next(
            (i for i in range(end, len(texts)) if self.phrases.authority_prefix(texts[i])), None
        )
        closing = self._closing_block(end)
        stops = [i for i in (label, authority, closing) if i is not None]
        self._body(texts, end, min(stops, default=len(texts)))
        if label is not None:
            self._recipients(texts, label)
        if authority is not None:
            self._signature(texts, authority, label)
        elif closing is not None:
            self._unprefixed(texts, closing)

    def _attached(self, texts: list[str]) -> bool:
        """A file that is an annex of another document ("PHỤ LỤC" / "(Kèm theo Báo cáo số …)"
        in its first lines): it has no header or signature of its own."""
        first = [t for t in texts if t][:_ANNEX_LINES]
        return any(_ATTACHED.match(t) for t in first)

    def _caps(self, index: int) -> bool:
        """Shown in capitals: typed so, or typed in lower case with Word's 'All caps'."""
        paragraph = self.paragraphs[index]
        text = props.paragraph_text(paragraph).strip()
        return bool(text) and (text == text.upper() or props.all_runs(paragraph, "caps"))

    def _is_date(self, text: str) -> bool:
        """A full date anywhere, or a place followed by 'ngày' or a date in figures."""
        found = self.phrases.dates.in_line + self.phrases.dates.line_start
        return any(pattern.search(text) for pattern in found)

    def _header(self, texts: list[str]) -> None:
        """Roles of the header's lines by what they say and where they stand: banner, motto,
        number, date and star by their text; the body's name is what stands on the left,
        before the number (or the star, or the date), outside the banner's cell."""
        header = self.profile.header
        shapes = {normal(header.banner): "banner"}
        if header.motto:
            shapes[normal(header.motto)] = "motto"
        taken: dict[int, str] = {}
        for i, text in enumerate(texts):
            role = shapes.get(normal(text)) if text else None
            if role is None and text:
                role = self._header_role(text)
            if role is not None:
                taken[i] = role
                self.add(role, i)
        # The banner's cell holds no body name (kept alive here: lxml proxies are compared).
        right = [self._cell(i) for i, r in taken.items() if r in ("banner", "motto")]
        right = [cell for cell in right if cell is not None]
        ends = [i for i, r in taken.items() if r in ("number", "star", "date", "letter_summary")]
        names = [
            i
            for i in range(min(ends, default=len(texts)))
            if texts[i] and i not in taken and not any(self._cell(i) is c for c in right)
        ]
        superiors = self._superiors(names)
        for i in names:
            self.add("superior" if i in superiors else "issuer", i)

    def _header_role(self, text: str) -> str | None:
        if text.startswith(self.phrases.number_word):
            return "number"
        if text.startswith(self.profile.labels.draft):
            return "draft"
        if self._is_date(text):
            return "date"
        if self.profile.header.star and text == self.profile.header.star:
            return "star"
        if text.startswith(_SUMMARY_PREFIX):
            return "letter_summary"  # a công văn's trích yếu, under its number (not styled)
        if set(text) <= _RULE_CHARACTERS:
            return "typed_rule"  # "-------" typed under the issuer or the motto
        return None

    def _superiors(self, names: list[int]) -> set[int]:
        """The superior body's lines: the regular lines above the first bold one ("ỦY BAN MTTQ
        VIỆT NAM / XÃ LƯƠNG MINH" over "BAN THƯỜNG TRỰC"). All bold: one name on several lines
        ("ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG"); none bold: the first line is the superior."""
        if len(names) < 2:
            return set()
        bold = [props.all_runs(self.paragraphs[i], "bold") for i in names]
        if True in bold:
            return set(names[: bold.index(True)])
        return {names[0]}

    def _title(self, texts: list[str], start: int) -> int:
        """Summary lines up to the separator, or up to the body's first words ("Căn cứ …");
        returns where the body starts."""
        separator = self.profile.separator
        end = start + 1
        for i in range(start, min(len(texts), start + _TITLE_LINES)):
            text = texts[i]
            if text == separator or (text and set(text) == {"-"}):
                self.add("separator", i)
                return i + 1
            if text.startswith(_OPENINGS):
                return i
            if text.startswith("(") and text.endswith(")"):
                # "(Ban hành kèm theo …)"; any other line in parentheses is a sub-title.
                self.add("attached" if "kèm theo" in text.lower() else "subtitle", i)
            elif text:
                self.add("summary", i)
            end = i + 1
        return end

    def _addressees(self, texts: list[str], start: int) -> int:
        """'Kính gửi:' where the body starts (a paragraph, or a table's first cell) and the
        entries under it: the one on its own line, else the '- …' lines that follow. Returns
        where the body starts after them."""
        filled = [i for i in range(start, min(len(texts), start + _TITLE_LINES)) if texts[i]]
        opened = self.phrases.addressees_label.match(texts[filled[0]]) if filled else None
        if opened is None:
            return start
        at = filled[0]
        self.add("addressees_label", at)
        rest = opened["rest"].strip()
        if rest:
            self.addressees.append((self.elements[-1], rest))
            if not rest.startswith("-"):
                return at + 1
        end = at + 1
        for i in range(at + 1, len(texts)):
            if not texts[i]:
                continue
            if not texts[i].startswith("-"):
                break
            self.add("addressee", i)
            self.addressees.append((self.elements[-1], texts[i]))
            end = i + 1
        return end

    def _body(self, texts: list[str], start: int, end: int) -> None:
        lines = [i for i in range(start, end) if texts[i]]
        for n, i in enumerate(lines):
            cell = shapes.content_table_cell(self.paragraphs[i])
            if cell is not None:
                self.add(shapes.table_role(cell, texts[i]), i)
                continue
            following = next((texts[j] for j in lines[n + 1 :] if not self._in_table(j)), None)
            self.add("heading" if shapes.is_heading(texts[i], following) else "body", i)

    def _in_table(self, index: int) -> bool:
        return shapes.content_table_cell(self.paragraphs[index]) is not None

    def _recipients(self, texts: list[str], label: int) -> None:
        """The label and its "- …" lines (the dash typed, or Word's bullet); blank lines are
        skipped, and in the closing table a line without a dash continues the entry above it
        (a long entry typed on two lines): `entries` holds each entry's whole text."""
        self.add("recipients_label", label)
        cell = self._cell(label)
        last: int | None = None
        for i in range(label + 1, len(texts)):
            inside = cell is not None and self._cell(i) is cell
            if cell is not None and not inside:
                break
            bullet = not texts[i].startswith("-") and shapes.numbered(self.paragraphs[i])
            if texts[i].startswith("-") or (texts[i] and bullet):
                self.add("recipient", i)
                last = i + 1
                self.entries[last] = f"- {texts[i]}" if bullet else texts[i]
            elif texts[i] and inside and last is not None:
                self.entries[last] = f"{self.entries[last]} {texts[i]}"
            elif texts[i]:
                break

    def _closing_block(self, start: int) -> int | None:
        """Where the closing block starts: the first paragraph of the borderless table of one
        row and two columns after the body (recipients | signature), if the document has one."""
        found = None
        texts = self.texts()
        filled = [i for i in range(start, len(texts)) if texts[i]]
        for i in range(filled[-1] if filled else start - 1, start - 1, -1):
            cell = self._cell(i)
            if cell is None or shapes.content_table_cell(self.paragraphs[i]) is not None:
                break
            table = next(cell.iterancestors(qn("w:tbl")))
            if len(table.findall(qn("w:tr"))) != 1:
                break
            found = i
        return found

    def _unprefixed(self, texts: list[str], start: int) -> None:
        """A signature without an authority prefix ("BAN TỔ CHỨC"; a position and a name): the
        lines of the closing block's right cell."""
        cells = [self._cell(i) for i in range(start, len(texts))]
        filled = [i for i in range(start, len(texts)) if texts[i]]
        right = cells[filled[-1] - start]  # empty paragraphs may follow the table
        lines = [i for i, cell in zip(range(start, len(texts)), cells, strict=True) if texts[i]]
        lines = [i for i in lines if cells[i - start] is right]
        if lines:
            self.add("position", lines[0])
        if len(lines) > 1:
            self.add("signer", lines[-1])

    def _cell(self, index: int) -> Any | None:
        """The table cell holding paragraph `index` (None outside tables): the signature block
        is what shares the authority's cell, not a line printed after the table."""
        return next(self.paragraphs[index]._p.iterancestors(qn("w:tc")), None)

    def _signature(self, texts: list[str], authority: int, label: int | None) -> None:
        i = authority
        while i < len(texts) and self.phrases.authority_prefix(texts[i]):
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

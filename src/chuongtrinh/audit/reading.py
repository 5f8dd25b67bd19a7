"""A .docx read for the audit: its paragraphs, each recognised element with its role.

Elements are found by their content and place (the header's "Số …" line, the date line, the
kind, "Nơi nhận:", the authority line …), not by the 'CT …' styles, so a program typed by
hand in Word is checked as well as one chuongtrinh made. The phrases come from the rule set's
phrasebook (`profiles.recognise`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from chuongtrinh.docx import props
from chuongtrinh.docx.reader import body_paragraphs
from chuongtrinh.errors import MessageError
from chuongtrinh.profiles.models import Profile
from chuongtrinh.profiles.recognise import Phrasebook, phrasebook
from chuongtrinh.source import kinds

_HEADING = re.compile(r"^([IVXLC]+\.\s|\d+\.\s.{0,110}$)")  # "I. …"; "1. …" when heading-short


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
        return self.paragraph.text.strip()


def open_docx(source: str | Path | IO[bytes]) -> Any:
    """The python-docx Document, or a CheckError a user can read."""
    if isinstance(source, str | Path):
        _refuse_other_kinds(Path(source))
    try:
        return docx.Document(str(source) if isinstance(source, Path) else source)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CheckError(f"không đọc được tệp .docx ({type(exc).__name__}: {exc})") from None


def _refuse_other_kinds(path: Path) -> None:
    """Say what a file that is no Word document is (a YAML programme, a .doc, a PDF…) and
    which command reads it, rather than python-docx's 'Package not found'."""
    try:
        raw = path.read_bytes()
    except OSError:
        return  # python-docx says it, below
    kind = kinds.sniff(raw)
    if kind is kinds.WORD:
        return
    if kind is not None:
        raise CheckError(
            f"không đọc được tệp .docx: đây là {kind.name}",
            "lệnh check đọc tệp Word .docx; mở tệp bằng Word hoặc LibreOffice rồi lưu dạng"
            " .docx (Word Document), rồi kiểm tra tệp đó",
        )
    if raw.startswith(b"PK") or kinds.looks_binary(raw):
        return  # a broken zip: python-docx's own words are as good as any
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

    def __init__(self, document: Any, profile: Profile) -> None:
        self.document = document
        self.paragraphs = list(body_paragraphs(self.document))
        self.profile = profile
        self.phrases: Phrasebook = phrasebook(profile)
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

    def _caps(self, index: int) -> bool:
        """Shown in capitals: typed so, or typed in lower case with Word's 'All caps'."""
        paragraph = self.paragraphs[index]
        text = paragraph.text.strip()
        return bool(text) and (text == text.upper() or props.all_runs(paragraph, "caps"))

    def _is_date(self, text: str) -> bool:
        """A full date anywhere, or a place followed by 'ngày' or a date in figures."""
        found = self.phrases.dates.in_line + self.phrases.dates.line_start
        return any(pattern.search(text) for pattern in found)

    def _header(self, texts: list[str]) -> None:
        header = self.profile.header
        star = next((i for i, t in enumerate(texts) if t == header.star), None)
        for i, text in enumerate(texts):
            if text.upper() == header.banner.upper():
                self.add("banner", i)
            elif text.startswith(self.phrases.number_word):
                self.add("number", i)
            elif text.startswith(self.profile.labels.draft):
                self.add("draft", i)
            elif self._is_date(text):
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
                # "(Ban hành kèm theo …)"; any other line in parentheses is a sub-title.
                self.add("attached" if "kèm theo" in text.lower() else "subtitle", i)
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

    def _closing_block(self, start: int) -> int | None:
        """Where the closing block starts: the first paragraph of the borderless table of one
        row and two columns after the body (recipients | signature), if the document has one."""
        found = None
        for i in range(len(self.paragraphs) - 1, start - 1, -1):
            cell = self._cell(i)
            if cell is None or _content_table_cell(self.paragraphs[i]) is not None:
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
        right = cells[-1]
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

"""Annexes → blocks: "PHỤ LỤC I", the title, the "(Kèm theo …)" line, prose, a table whose
header groups columns over two rows and whose cells merge down, and notes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from chuongtrinh.layout import numbering
from chuongtrinh.layout.blocks import Annex, Block, Merge, Para, Row, Run, Table
from chuongtrinh.layout.inline import runs
from chuongtrinh.model.annex import AnnexTable, Column, PlacedRow, placed_rows
from chuongtrinh.model.fields import YearMonth
from chuongtrinh.model.program import Annex as AnnexModel
from chuongtrinh.model.program import Program, Section
from chuongtrinh.profiles.models import Profile

Key = tuple[str | int, ...]


class Builder(Protocol):
    """What an annex needs of the layout of the whole program (layout/build.py)."""

    program: Program
    profile: Profile

    def phrase(self, name: str, key: Key, **values: Any) -> str: ...
    def plain(self, role: str, text: str, key: Key = ()) -> Para: ...
    def rich(self, role: str, text: str, key: Key = ()) -> Para: ...
    def outline(self, sections: Sequence[Section], key: Key) -> Iterator[Block]: ...


# A share of the width for a column without `rong`: about its text's length in characters,
# at least its longest word, within these bounds (a number column stays narrow, a long text
# column does not squeeze the rest).
_SHARE_MIN, _SHARE_MAX = 7.0, 60.0
_NUMBER_LABEL = re.compile(r"^Số:?\s?")


def _sentence(text: str) -> str:
    """'KẾ HOẠCH' → 'Kế hoạch': a kind or body name inside a sentence."""
    return text[:1].upper() + text[1:].lower()


def issuer_in_sentence(lines: Sequence[str]) -> str:
    """The issuer's name lines inside a sentence: the first in sentence case, the words of the
    next ones after their first (the place) capitalised: 'Ủy ban nhân dân tỉnh Quảng Bình'."""
    words = [_sentence(lines[0])]
    for line in lines[1:]:
        first, *rest = line.split()
        words += [first.lower(), *(w[:1].upper() + w[1:].lower() for w in rest)]
    return " ".join(words)


def _share(title: str, texts: Sequence[str]) -> float:
    longest = max(len(word) for text in (title, *texts) for word in text.split() or [""])
    mean = sum(map(len, texts)) / len(texts) if texts else len(title)
    return min(_SHARE_MAX, max(_SHARE_MIN, longest + 2.0, mean))


class AnnexLayout:
    """The annexes of the program `layout` lays out, each as one `Annex` block."""

    def __init__(self, layout: Builder) -> None:
        self.layout = layout
        self.profile = layout.profile
        self.program = layout.program

    def annexes(self) -> Iterator[Annex]:
        many = len(self.program.annexes) > 1
        for i, annex in enumerate(self.program.annexes):
            yield self.annex(annex, ("phu_luc", i), numbering.roman(i + 1) if many else "")

    def annex(self, annex: AnnexModel, key: Key, number: str) -> Annex:
        label = self.profile.labels.annex + (f" {number}" if number else "")
        blocks: list[Para | Table] = [
            self.layout.plain("annex_label", label, (*key, "so_thu_tu")),
            self.layout.plain("annex_title", annex.title, (*key, "tieu_de")),
        ]
        attached = self.attached(annex, key)
        if attached:
            blocks.append(
                Para("annex_attached", runs(f"({attached})", italic=True), (*key, "kem_theo"))
            )
        blocks.append(self.layout.plain("separator", self.profile.separator, (*key, "gach")))
        # The body's own outline: paragraphs, and an items table (`trinh_bay: bang`).
        blocks += [
            b
            for b in self.layout.outline(annex.sections, (*key, "noi_dung"))
            if isinstance(b, Para | Table)
        ]
        if annex.table is not None:
            blocks.append(self.table(annex.table, (*key, "bang"), annex.landscape))
        blocks += [
            self.layout.rich("annex_note", text, (*key, "ghi_chu", j))
            for j, text in enumerate(annex.notes)
        ]
        opening = Para("section_break", (), key)
        return Annex(annex.landscape, opening, tuple(blocks))

    def attached(self, annex: AnnexModel, key: Key) -> str | None:
        """'Kèm theo Kế hoạch số 15/KH-SCT ngày 27/5/2026 của Sở Công Thương' from the
        document's own kind, number, date and issuer; the text typed; or None."""
        if annex.attached is False:
            return None
        if isinstance(annex.attached, str):
            return annex.attached
        program, org = self.program, self.program.organization
        kind = program.kind_name or self.profile.kinds.get(program.kind, program.kind)
        number = self.layout.phrase(
            "number", (*key, "kem_theo"), so=program.number, loai=program.kind,
            viet_tat=org.abbreviation,
        )  # fmt: skip
        date, rules = program.date, self.profile.date
        day = month = ""
        if isinstance(date, YearMonth):  # the day is stamped when it is signed
            month = rules.month_text(date.month)
        elif not isinstance(date, int):
            day, month = rules.padded(date.day, date.month)
        year = date if isinstance(date, int) else date.year
        return self.layout.phrase(
            "annex",
            (*key, "kem_theo"),
            ten_loai=_sentence(kind),
            so_ky_hieu=_NUMBER_LABEL.sub("", number, count=1),
            ngay=day,
            thang=month,
            nam=year,
            co_quan=annex.issuer or issuer_in_sentence(org.name),
        )

    # -- the table ------------------------------------------------------------------------

    def table(self, table: AnnexTable, key: Key, landscape: bool) -> Table:
        leaves = table.leaves()
        placed = list(placed_rows(table))
        texts: list[list[str]] = [[] for _ in leaves]
        for row in placed:
            for column, cell in row.cells:
                texts[column].append(cell.text)
        shares = [
            leaf.width or _share(leaf.title, column_texts)
            for leaf, column_texts in zip(leaves, texts, strict=True)
        ]
        scale = self.profile.page.text_width_mm(landscape) / sum(shares)
        widths = tuple(round(share * scale, 1) for share in shares)
        main = shares.index(max(shares))  # the widest column reads as text, the others centred
        rows = [*self.header(table.columns, (*key, "cot"), table.grouped)]
        for row in placed:
            here = (*key, "dong", row.index)
            if row.group is not None:
                para = Para("table_group", runs(row.group), (*here, "nhom"))
                rows.append(Row("group", ((para,),)))
            else:
                rows.append(self.row(row, len(leaves), main, here))
        return Table(widths, tuple(rows))

    def header(self, columns: Sequence[Column], key: Key, grouped: bool) -> Iterator[Row]:
        """One header row, or two when a column groups sub-columns: a column without
        sub-columns is merged down across both rows, a group spans its sub-columns."""

        def title(text: str, here: Key) -> tuple[Para, ...]:
            return (Para("table_header", (Run(text),), here),)

        if not grouped:
            yield Row("header", tuple(title(c.title, (*key, n)) for n, c in enumerate(columns)))
            return
        first, merges = [], []
        second, second_merges = [], []
        for n, column in enumerate(columns):
            first.append(title(column.title, (*key, n)))
            if column.columns:
                merges.append(Merge(span=len(column.columns)))
                for m, sub in enumerate(column.columns):
                    second.append(title(sub.title, (*key, n, "cot", m)))
                    second_merges.append(Merge())
            else:
                merges.append(Merge(down="restart"))
                second.append(())
                second_merges.append(Merge(down="continue"))
        yield Row("header", tuple(first), tuple(merges))
        yield Row("header", tuple(second), tuple(second_merges))

    def row(self, placed: PlacedRow, width: int, main: int, key: Key) -> Row:
        """A body row: every leaf column a cell, those covered from above empty and merged."""
        typed = {column: (k, cell) for k, (column, cell) in enumerate(placed.cells)}
        cells: list[tuple[Para, ...]] = []
        merges: list[Merge] = []
        for column in range(width):
            if column in placed.covered or column not in typed:
                cells.append(())
                merges.append(Merge(down="continue" if column in placed.covered else ""))
                continue
            k, cell = typed[column]
            role = "table_cell" if column == main else "table_side"
            text = runs(cell.text) if cell.text else ()
            cells.append((Para(role, text, (*key, k)),))
            merges.append(Merge(down="restart" if cell.rows > 1 else ""))
        return Row("item", tuple(cells), tuple(merges))

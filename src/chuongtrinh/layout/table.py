"""Sections and items → one table: group rows per section, a row per item (`trinh_bay: bang`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from chuongtrinh.layout.blocks import Para, Row, Run, Table
from chuongtrinh.layout.inline import runs
from chuongtrinh.layout.sections import children, free_text, numbered
from chuongtrinh.model.body import Item, Note, Section
from chuongtrinh.model.parts import TableColumn
from chuongtrinh.profiles.models import Profile

Key = tuple[str | int, ...]

# The fields of an item that a prose line shows in parentheses when no column holds them.
_EXTRAS = ("thoi_gian", "ghi_chu", "thuc_hien")


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    width_mm: float


def columns(profile: Profile, chosen: Sequence[TableColumn] | None) -> list[Column]:
    """The program's columns (or the profile's default), widths scaled to the text width."""
    rules = profile.table
    picked = chosen or [TableColumn.model_validate({"truong": f}) for f in rules.default]
    shares = [c.width or rules.columns[c.field].width for c in picked]
    scale = profile.page.text_width_mm() / sum(shares)
    return [
        Column(c.field, c.title or rules.columns[c.field].title, round(share * scale, 1))
        for c, share in zip(picked, shares, strict=True)
    ]


# The YAML key of each field an item shows, and the model's name for it.
_ITEM_FIELDS = {
    "noi_dung": "text",
    "chu_tri": "lead",
    "phoi_hop": "partners",
    "thoi_gian": "when",
    "ghi_chu": "note",
    "thuc_hien": "presenter",
    "dia_diem": "place",
    "thanh_phan": "participants",
    "chuan_bi": "preparer",
}
# A schedule's fields that no column holds follow the text under their column's title (these,
# when a rule set of its own has no such column).
_TITLED = {"dia_diem": "Địa điểm", "thanh_phan": "Thành phần", "chuan_bi": "Cơ quan chuẩn bị"}


def item_value(item: Item, field: str) -> str | None:
    value: str | None = getattr(item, _ITEM_FIELDS[field])
    return value


def item_text(item: Item, profile: Profile, shown: Sequence[str] = ()) -> str:
    """Item text with the fields no column shows kept visible: '… (tháng 3/2024)', and a
    schedule's under their title: '… (Địa điểm: Hội trường)'."""
    extras = [item_value(item, f) for f in _EXTRAS if f not in shown]
    text = item.text + "".join(f" ({value})" for value in extras if value)
    columns = profile.table.columns
    for field, title in _TITLED.items():
        value = item_value(item, field)
        if value and field not in shown:
            text += f" ({columns[field].title if field in columns else title}: {value})"
    return text


def has_items(section: Section) -> bool:
    """Whether a section holds items, itself or in its sub-sections."""
    return bool(section.items) or any(has_items(s) for s in section.sections)


class TableBuilder:
    def __init__(self, profile: Profile, chosen: Sequence[TableColumn] | None) -> None:
        self.profile = profile
        self.columns = columns(profile, chosen)

    def table(self, rows: Iterable[Row]) -> Table:
        """The header row (repeated on every page by the writer) and `rows`."""
        header = Row(
            "header", tuple((Para("table_header", (Run(c.title),)),) for c in self.columns)
        )
        return Table(tuple(c.width_mm for c in self.columns), (header, *rows))

    def groups(
        self,
        sections: Sequence[Section],
        key: Key,
        styles: Sequence[str],
        parents: Sequence[int] = (),
    ) -> Iterator[Row]:
        """Group rows numbered as the prose headings of the same level would be (`styles`)."""
        for node in numbered(sections, key, styles[0], parents):
            section, here = node.section, node.key
            if node.heading:
                yield Row(
                    "group", ((Para("table_group", runs(node.heading), (*here, "tieu_de")),),)
                )
            for place, text in free_text(section, here):
                yield Row("note", ((Para("table_note", runs(text), place),),))
            yield from self.item_rows(section.items, (*here, "muc"))
            below = children(styles, section.heading_labels)
            yield from self.groups(section.sections, (*here, "noi_dung"), below, node.numbers)

    def content(self, item: Item, shown: Sequence[str]) -> str:
        """The item text, with agencies that have no column of their own after it in
        parentheses under their column title ('… (Cơ quan chủ trì: Văn phòng)'), so that
        choosing columns never drops what the YAML says."""
        text = item_text(item, self.profile, shown)
        for field in ("chu_tri", "phoi_hop"):
            value = item_value(item, field)
            if value and field not in shown:
                text += f" ({self.profile.table.columns[field].title}: {value})"
        return text

    def item_rows(self, entries: Sequence[Item | Note], key: Key) -> Iterator[Row]:
        """A row per item (numbered among the items), a note row per free paragraph."""
        shown = [c.field for c in self.columns]
        number = 0
        for j, entry in enumerate(entries):
            here = (*key, j)
            if isinstance(entry, Note):
                yield Row("note", ((Para("table_note", runs(entry.text), (*here, "doan")),),))
                continue
            number += 1
            cells: list[tuple[Para, ...]] = []
            for column in self.columns:
                if column.field == "stt":
                    cells.append((Para("table_number", (Run(str(number)),), here),))
                elif column.field == "noi_dung":
                    cells.append(self.content_cell(entry, shown, here))
                else:
                    value = item_value(entry, column.field)
                    cells.append((Para("table_side", runs(value) if value else (), here),))
            yield Row("item", tuple(cells))

    def content_cell(self, item: Item, shown: Sequence[str], here: Key) -> tuple[Para, ...]:
        """The item's text, then its own paragraphs and its sub-items ('- …') in the same cell."""
        paras = [Para("table_cell", runs(self.content(item, shown)), here)]
        paras += [
            Para("table_cell", runs(text), (*here, "doan", m))
            for m, text in enumerate(item.paragraphs)
        ]
        mark = self.profile.numbering.item
        for k, sub in enumerate(item.items):
            place = (*here, "muc", k)
            if isinstance(sub, Note):
                paras.append(Para("table_cell", runs(sub.text), (*place, "doan")))
            else:
                paras.append(Para("table_cell", runs(f"{mark} {self.content(sub, shown)}"), place))
        return tuple(paras)

"""Property tests: a generated program and a random edit script; the diff finds exactly those
edits, and the redline accepts to the new text and rejects to the old."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuongtrinh import api
from chuongtrinh.diff.changes import Diff
from chuongtrinh.diff.revision import Source
from helpers.revisions import count, resolved_lines

pytestmark = pytest.mark.slow

# Two vocabularies: an inserted item shares no words with the ones it could be mistaken for.
OLD_WORDS = [
    "tổng",
    "kết",
    "sơ",
    "kết",
    "thực",
    "hiện",
    "nghị",
    "quyết",
    "chỉ",
    "thị",
    "kết",
    "luận",
    "công",
    "tác",
    "năm",
    "tỉnh",
    "huyện",
]
NEW_WORDS = [
    "báo",
    "cáo",
    "quy",
    "chế",
    "dân",
    "chủ",
    "cơ",
    "sở",
    "đề",
    "án",
    "chuyển",
    "đổi",
    "số",
    "nhiệm",
    "kỳ",
    "giám",
    "sát",
]
AGENCIES = ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", None]
STYLES = ["(1)", "-", "a)", "1."]


def program(sections: list[dict[str, Any]], style: str, issued: bool = False) -> dict[str, Any]:
    """A draft (no number, year only, no signer), or the issued program."""
    draft: dict[str, Any] = {"ngay": 2023, "du_thao": True}
    final: dict[str, Any] = {"so": 125, "ngay": "2023-12-20"}
    signer = {"chuc_vu": "BÍ THƯ", "ho_ten": "Nguyễn Văn A"} if issued else {}
    return {
        "he_thong": "dang",
        "co_quan": {"ten": "TỈNH ỦY HẬU GIANG", "viet_tat": "TU"},
        "dia_danh": "Hậu Giang",
        **(final if issued else draft),
        "trich_yeu": "Làm việc năm 2024",
        "noi_dung": [{"tieu_de": "NỘI DUNG VÀ THỜI GIAN", "kieu_muc": style, "noi_dung": sections}],
        "noi_nhan": ["Lưu VPTU"],
        "ky": {"tham_quyen": "T/M TỈNH ỦY", **signer},
    }


@st.composite
def item(draw: st.DrawFn, uid: int, words: list[str] = OLD_WORDS) -> dict[str, Any]:
    text = f"Việc {uid} " + " ".join(
        draw(st.lists(st.sampled_from(words), min_size=6, max_size=10))
    )
    lead = draw(st.sampled_from(AGENCIES))
    return {"noi_dung": text + "."} | ({"chu_tri": lead} if lead else {})


@st.composite
def sections(draw: st.DrawFn) -> list[dict[str, Any]]:
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4))
    out, uid = [], 0
    for n, size in enumerate(sizes):
        items = []
        for _ in range(size):
            uid += 1
            items.append(draw(item(uid)))
        out.append({"tieu_de": f"Hội nghị lần thứ {n + 17}", "muc": items})
    return out


@dataclass(frozen=True)
class Edit:
    kind: str  # insert, delete, words, move, lead, renumber
    text: str  # the item's text after the edit (before it, for a deletion)


@st.composite
def edited(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], list[Edit]]:
    style = draw(st.sampled_from(STYLES))
    before = draw(sections())
    after = copy.deepcopy(before)
    items = [(s, i) for s, section in enumerate(after) for i in range(len(section["muc"]))]
    chosen = draw(st.lists(st.sampled_from(items), unique=True, max_size=min(4, len(items))))
    kinds = st.sampled_from(["delete", "words", "move", "lead"])
    script = [(where, draw(kinds)) for where in chosen]
    edits: list[Edit] = []
    removed: list[tuple[int, int]] = []
    moved: list[tuple[int, dict[str, Any]]] = []
    for (s, i), kind in script:
        entry = after[s]["muc"][i]
        if kind == "delete":
            removed.append((s, i))
            edits.append(Edit("delete", entry["noi_dung"]))
        elif kind == "words":
            words = entry["noi_dung"].split(" ")
            at = draw(st.integers(2, len(words) - 2))
            words[at] = draw(st.sampled_from(NEW_WORDS))
            entry["noi_dung"] = " ".join(words)
            edits.append(Edit("words", entry["noi_dung"]))
        elif kind == "move":
            target = draw(st.sampled_from([n for n in range(len(after)) if n != s]))
            removed.append((s, i))
            moved.append((target, entry))
            edits.append(Edit("move", entry["noi_dung"]))
        else:
            entry["chu_tri"] = next(a for a in AGENCIES if a != entry.get("chu_tri") and a)
            edits.append(Edit("lead", entry["noi_dung"]))
    for s, i in sorted(removed, reverse=True):
        del after[s]["muc"][i]
    for target, entry in moved:
        position = draw(st.integers(0, len(after[target]["muc"])))
        after[target]["muc"].insert(position, entry)
    for n in range(draw(st.integers(0, 2))):
        target = draw(st.integers(0, len(after) - 1))
        fresh = draw(item(100 + n, NEW_WORDS))
        after[target]["muc"].insert(draw(st.integers(0, len(after[target]["muc"]))), fresh)
        edits.append(Edit("insert", fresh["noi_dung"]))
    if draw(st.booleans()):
        renamed = after[draw(st.integers(0, len(after) - 1))]
        renamed["tieu_de"] += " (dự kiến tháng 9/2024)"
        edits.append(Edit("rename", renamed["tieu_de"]))
    new_style = style
    if draw(st.booleans()):
        new_style = draw(st.sampled_from([s for s in STYLES if s != style]))
        edits.append(Edit("renumber", new_style))
    issued = draw(st.booleans())
    if issued:
        edits.append(Edit("issue", ""))
    return program(before, style), program(after, new_style, issued), edits


LAYOUTS = [("", ""), ("bang", "bang"), ("", "bang"), ("bang", "")]  # trinh_bay: old, new


def laid_out(data: dict[str, Any], layout: str) -> dict[str, Any]:
    """The program with `trinh_bay: bang` (items as a table) when `layout` says so."""
    return {**data, "trinh_bay": layout} if layout else data


def compared(old: dict[str, Any], new: dict[str, Any]) -> Diff:
    def side(name: str, data: dict[str, Any]) -> Any:
        return api.side(Source(name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))

    from chuongtrinh.diff.changes import compare

    return compare(side("cu.yaml", old), side("moi.yaml", new))


def found_edits(diff: Diff) -> set[Edit]:
    kinds = {
        "item-added": "insert",
        "item-removed": "delete",
        "item-edited": "words",
        "item-moved": "move",
        "style-changed": "renumber",
        "section-renamed": "rename",
    }
    out = set()
    for change in diff.changes:
        if change.kind.startswith("text-"):  # number, date, draft mark, signer: one edit
            out.add(Edit("issue", ""))
        elif change.kind == "item-field" and change.field == "chu_tri":
            out.add(Edit("lead", _item_text(diff, change.new_label, change.new_at)))
        else:
            text = change.new if change.new is not None else change.old
            out.add(Edit(kinds.get(change.kind, change.kind), text or ""))
    return out


def _item_text(diff: Diff, label: str | None, at: str | None) -> str:
    from chuongtrinh.diff.tree import flatten

    tree = flatten(diff.new.program, diff.new.document)
    return next(
        n.item.text for n in tree.items if n.label == label and tree.section(n.section).label == at
    )


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(edited())
def test_the_diff_finds_exactly_the_edits_made(case: tuple[Any, Any, list[Edit]]) -> None:
    old, new, edits = case
    assert found_edits(compared(old, new)) == set(edits)


@SETTINGS
@given(edited(), st.sampled_from(LAYOUTS))
def test_the_redline_accepts_to_new_and_rejects_to_old(
    case: tuple[Any, Any, list[Edit]], layouts: tuple[str, str]
) -> None:
    """In prose, as a table (`trinh_bay: bang`), or switching between the two."""
    old, new, edits = case
    diff = compared(laid_out(old, layouts[0]), laid_out(new, layouts[1]))
    redline = api.redline(diff, "VP", "2024-01-01T00:00:00Z")
    assert resolved_lines(redline, True, without_gaps=True) == _lines(diff.new.document)
    assert resolved_lines(redline, False, without_gaps=True) == _lines(diff.old.document)
    if not edits and layouts[0] == layouts[1]:
        assert set(count(redline).values()) == {0}


@SETTINGS
@given(sections(), st.randoms(use_true_random=False), st.sampled_from(["", "bang"]))
def test_any_reordering_accepts_to_new_and_rejects_to_old(
    body: list[dict[str, Any]], random: Any, layout: str
) -> None:
    """Sections and items shuffled anywhere: whatever the diff calls a move, both sides hold."""
    shuffled = copy.deepcopy(body)
    random.shuffle(shuffled)
    everything = [entry for section in shuffled for entry in section["muc"]]
    random.shuffle(everything)
    for section in shuffled:
        section["muc"] = [everything.pop() for _ in section["muc"]]
    diff = compared(
        laid_out(program(body, "(1)"), layout), laid_out(program(shuffled, "(1)"), layout)
    )
    redline = api.redline(diff, "VP", "2024-01-01T00:00:00Z")
    assert resolved_lines(redline, True, without_gaps=True) == _lines(diff.new.document)
    assert resolved_lines(redline, False, without_gaps=True) == _lines(diff.old.document)


def _lines(document: Any) -> list[str]:
    """The lines of a layout, less the empty paragraph that parts two tables: where a revision
    switches between prose and a table, the redline keeps that paragraph's mark on both sides
    (a paragraph before a table cannot be joined to it), an invisible 1 pt line."""
    paragraphs = [p for p in document.paragraphs() if p.role != "table_gap"]
    return [line for p in paragraphs for line in p.text.split("\n")]


@SETTINGS
@given(sections(), st.sampled_from(STYLES), st.sampled_from(["", "bang"]))
def test_a_program_against_itself_has_no_changes(
    body: list[dict[str, Any]], style: str, layout: str
) -> None:
    data = laid_out(program(body, style), layout)
    diff = compared(data, data)
    assert diff.same
    assert set(count(api.redline(diff, "VP", "2024-01-01T00:00:00Z")).values()) == {0}

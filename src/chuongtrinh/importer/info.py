"""An agenda's information block under the title ('Thời gian: …', 'Thành phần:' and its
'- …' lines) back into `thong_tin`."""

from __future__ import annotations

import re
from typing import Any

from chuongtrinh.importer.reading import Para, Unit
from chuongtrinh.importer.state import State
from chuongtrinh.profiles import loader as profiles

# "Label: value" or "Label:" alone, the label written in bold.
_LABELLED = re.compile(r"^\*\*(?P<label>[^*:]+):\*\*\s*(?P<value>.*)$", re.S)
# The same typed without bold: only a label the rule sets know ('Thời gian: …').
_PLAIN = re.compile(r"^(?P<label>[^*:]{2,30}):\s*(?P<value>.*)$", re.S)
_BULLET = re.compile(r"^[-–+•]\s+(?P<value>.+)$", re.S)


def _labels(state: State) -> dict[str, str]:
    """Printed label → key, the profile's own or the built-in rule sets'."""
    found = [state.phrases.profile] if state.phrases.profile else []
    found += [profiles.load(name) for name in profiles.builtin_names()]
    return {label: key for p in found for key, label in p.info.labels.items()}


def read_info(state: State, units: list[Unit], start: int) -> int:
    """Fill `thong_tin` from the paragraphs at `start` that carry this tool's info role (or,
    in a file typed by hand, a bold known label); return where the body starts."""
    known = _labels(state)
    info: dict[str, Any] = {}
    last: str | None = None
    i = start
    while i < len(units):
        unit = units[i]
        if not isinstance(unit, Para) or unit.role not in ("info", None):
            break
        text = state.markup(unit)
        labelled = _LABELLED.match(text) or _PLAIN.match(text)
        bullet = _BULLET.match(text)
        if labelled and (unit.role == "info" or labelled["label"] in known):
            value = labelled["value"].strip()
            where = _entry(info, known, labelled["label"].strip(), value)
            last = None if value else where  # a label alone: its '- …' lines follow
        elif unit.role == "info" and bullet and last is not None:
            _add_line(info, last, bullet["value"])
        else:
            break
        i += 1
    if info:
        state.data["thong_tin"] = info
        state.guess("thong_tin", ", ".join(info), "chắc chắn")
    return i


def _entry(info: dict[str, Any], known: dict[str, str], label: str, value: str) -> str:
    """One labelled line; a label alone starts a list. Returns where '- …' lines go."""
    key = known.get(label)
    if key is None:
        info.setdefault("khac", []).append({"nhan": label, "noi_dung": value or []})
        return f"khac.{len(info['khac']) - 1}"
    info[key] = value or []
    return key


def _add_line(info: dict[str, Any], where: str, line: str) -> None:
    if where.startswith("khac."):
        info["khac"][int(where[5:])]["noi_dung"].append(line.strip())
    else:
        info[where].append(line.strip())

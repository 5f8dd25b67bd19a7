"""The title phase: the kind line ('CHƯƠNG TRÌNH'), the summary under it, what the program is
attached to, and the separator that ends them."""

from __future__ import annotations

from chuongtrinh.importer.info import read_info
from chuongtrinh.importer.reading import Para, Unit
from chuongtrinh.importer.state import State
from chuongtrinh.importer.text import DECORATION, GROUNDS, HEADING, ITEM, marked, tidy


def _attached(text: str) -> bool:
    """'(Ban hành kèm theo …)': what a programme is attached to; any other line in
    parentheses under the summary is a sub-title ('(Giai đoạn 2021 - 2025)')."""
    return "kèm theo" in text.lower()


def is_kind(state: State, para: Para) -> bool:
    """The kind line ('CHƯƠNG TRÌNH'); pandoc may put the summary after it in the same
    paragraph, behind a line break."""
    if para.role == "kind":
        return True
    return para.role is None and known_kind(state, para.text) is not None


def known_kind(state: State, text: str) -> str | None:
    """The kind name a title line starts with ('BÁO CÁO' of 'BÁO CÁO CÔNG TÁC TUẦN 02'),
    typed in capitals; None when it names no kind of the rule sets."""
    first = tidy(text.split("\n")[0])
    if first != first.upper():
        return None
    return next(
        (n for n in state.phrases.kind_names if first == n or first.startswith(n + " ")), None
    )


def title_like(state: State, para: Para) -> bool:
    """A line that can be the title of a document of a kind the rule sets do not name
    ('GIẤY MỜI HỌP', 'LỊCH CÔNG TÁC …'): capitals, two words or more, no label."""
    text = tidy(para.text.split("\n")[0])
    return (
        para.role is None
        and len(text.split()) >= 2
        and text == text.upper()
        and any(c.isalpha() for c in text)
        and not (HEADING.match(text) or ITEM.match(text) or DECORATION.match(text))
        and state.phrases.banner_family(text) is None
    )


def read_title(state: State, units: list[Unit]) -> list[Unit]:
    """Fill loai, ten_loai, trich_yeu and kem_theo from the units from the kind line on;
    return the units after the title."""
    kind = units[0]
    assert isinstance(kind, Para)
    name, *after = [tidy(line) for line in kind.text.split("\n")]
    name = name.upper()
    prefix = known_kind(state, name) or ""
    loai = state.data.get("loai") or state.phrases.kind_names.get(prefix, "CTr")
    state.data["loai"] = loai
    summary: list[str] = [line for line in after if line]
    i = 1
    while i < len(units):
        unit = units[i]
        if not isinstance(unit, Para):
            break
        text = tidy(unit.text, keep_breaks=True)
        plain_first = (  # a summary typed without bold, right under the kind
            not summary and unit.role is None and text and i == 1
            and not (HEADING.match(text) or ITEM.match(text) or GROUNDS.match(text))
        )  # fmt: skip
        # 'BÁO CÁO CÔNG TÁC TUẦN 02' holds its summary: '(Từ ngày …)' under it is a sub-title.
        on_kind_line = bool(prefix) and name != prefix and text.startswith("(")
        if not on_kind_line and (
            unit.role == "summary"
            or plain_first
            or (unit.role is None and text and unit.all_bold and not HEADING.match(text))
        ):
            summary.append(marked(unit, plain_bold=True, keep_breaks=True, exact=state.own))
            i += 1
            continue
        parenthesised = text.startswith("(") and text.endswith(")")
        if unit.role == "subtitle" or (unit.role is None and parenthesised and not _attached(text)):
            state.data.setdefault("tieu_de_phu", []).append(text)
            i += 1
            continue
        if unit.role == "attached" or parenthesised:
            state.data["kem_theo"] = text[1:-1]
            i += 1
            continue
        if unit.role == "separator" or (DECORATION.match(text) and summary):
            i += 1
            if unit.role == "separator" or text:
                break
            continue
        break
    i = read_info(state, units, i)
    if not summary and prefix and name != prefix:  # 'BÁO CÁO CÔNG TÁC TUẦN 02': kind, summary
        name, summary = prefix, [name[len(prefix) :].strip()]
    if (state.phrases.kinds.get(loai) or "").upper() != name:
        state.data["ten_loai"] = name
    if summary:
        state.data["trich_yeu"] = "\n".join(summary)
    else:
        state.data["trich_yeu"] = "(chưa rõ trích yếu)"
        state.guess("trich_yeu", "không thấy; cần điền", "đoán")
    return units[i:]

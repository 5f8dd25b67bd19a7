"""A YAML file edited through ruamel.yaml, so the office's comments, key order, quoting and
folded paragraphs survive a change of a few values."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from chuongtrinh.scaffold.period import ScaffoldError


def replace_scalar(value: Any, change: Callable[[str], str]) -> Any:
    """A changed copy of a string scalar that keeps its YAML style (folded, literal, quoted)."""
    if not isinstance(value, str):
        return value
    old = str(value)
    text = change(old)
    if text == old:
        return value
    copy: Any = text if type(value) is str else type(value)(text)
    folds = getattr(value, "fold_pos", None)
    if folds:
        # A folded paragraph breaks its lines at these offsets: keep them on the same words.
        first = next((n for n, (a, b) in enumerate(zip(old, text, strict=False)) if a != b), 0)
        copy.fold_pos = [p if p < first else p + len(text) - len(old) for p in folds]
    return copy


def map_strings(node: Any, change: Callable[[str], str]) -> Any:
    """`node` with `change` applied to every string in it, YAML styles kept."""
    if isinstance(node, CommentedMap):
        for key in node:
            node[key] = map_strings(node[key], change)
        return node
    if isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = map_strings(item, change)
        return node
    return replace_scalar(node, change)


def clear_items(sections: Any) -> None:
    """Empty every section's items (`muc`), sub-sections included; headings and text stay."""
    if not isinstance(sections, CommentedSeq):
        return
    for section in sections:
        if not isinstance(section, CommentedMap):
            continue
        items = section.get("muc")
        if isinstance(items, CommentedSeq) and items:
            # The blank line after a section hangs on its last item: keep it on the key.
            trailing = items.ca.items.get(len(items) - 1, [None])[0]
            section["muc"] = CommentedSeq()
            if trailing is not None:
                section.ca.items["muc"] = [None, None, trailing, None]
        clear_items(section.get("noi_dung"))


class RoundTrip:
    """A YAML file loaded for editing and dumped back with its indentation and comments."""

    def __init__(self, text: str) -> None:
        try:
            _, sequence, offset = load_yaml_guess_indent(text)
            self.yaml = YAML()
            self.yaml.preserve_quotes = True
            self.yaml.width = 4096  # never re-wrap the office's lines
            self.yaml.indent(mapping=2, sequence=sequence or 2, offset=offset or 0)
            data = self.yaml.load(text)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (dòng {mark.line + 1})" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ScaffoldError(
                f"tệp nguồn không đọc được{where}: {problem}; chạy chuongtrinh validate để xem"
            ) from None
        if not isinstance(data, CommentedMap):
            raise ScaffoldError(
                "tệp nguồn không phải một chương trình (cần các dòng 'khoa: giá trị')"
            )
        self.data: CommentedMap = data

    def dump(self) -> str:
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        return stream.getvalue()

"""The loader: marks point at the keys and values they name; data equals PyYAML's safe load."""

from __future__ import annotations

import string

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from chuongtrinh.source.loader import loads

keys = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8).filter(
    lambda k: k[0] != "_"
)
texts = (
    st.text(alphabet="abc xyzĐđăâêôơưạảấầẩẫậ", min_size=1, max_size=12).map(str.strip).filter(bool)
)
scalars = st.one_of(texts, st.integers(-1000, 1000), st.booleans())
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=3),
        st.dictionaries(keys, children, min_size=1, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, trees, min_size=1, max_size=4), st.sampled_from([True, False]))
def test_data_and_key_marks(data: dict[str, object], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=None if flow else False)
    located = loads(text, "x.yaml")
    assert located.data == yaml.safe_load(text)
    lines = text.splitlines()
    for path, mark in located.keys.items():
        key = str(path[-1])
        at = lines[mark.line - 1][mark.col - 1 :].lstrip("'\"")
        assert at.startswith(key), (path, mark, text)


def test_value_marks_count_characters_not_bytes() -> None:
    located = loads("ten: Đảng ủy\nviet_tat: ĐU\nmuc:\n  - Ủy ban\n", "x.yaml")
    assert located.values[("viet_tat",)] == located.value_mark(("viet_tat",))
    assert (located.values[("viet_tat",)].line, located.values[("viet_tat",)].col) == (2, 11)
    assert (located.values[("muc", 0)].line, located.values[("muc", 0)].col) == (4, 5)


def test_text_is_normalised_to_nfc() -> None:
    decomposed = "ve\u0302\u0300"  # "về" typed with combining marks
    assert loads(f"a: {decomposed}\n").data == {"a": "về"}


def test_alias_bomb_is_refused() -> None:
    from chuongtrinh.errors import ChuongtrinhError

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    try:
        loads("\n".join(lines) + "\n")
    except ChuongtrinhError as exc:
        assert exc.diagnostics[0].code == "too-many-nodes"
    else:
        raise AssertionError("an alias bomb was expanded")


def test_aliases_still_load() -> None:
    located = loads("a: &x [1, 2]\nb: *x\n")
    assert located.data == {"a": [1, 2], "b": [1, 2]}

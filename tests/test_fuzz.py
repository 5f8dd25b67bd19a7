"""Fuzzing: mutated programs, random YAML trees, random text and bytes. Every run ends with a
program or with located diagnostics; no exception escapes, nothing malformed is written.

A case is one input run through the pipeline: a mutated program is compiled after each of its
three mutations, a random tree in block and in flow style. CHUONGTRINH_FUZZ_CASES (default 10,000)
sets how many, spread over the tests below; the last test checks the count. CI runs them
derandomized, so a failure there is reproducible."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
from dataclasses import dataclass

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.source import decode
from helpers.examples import EXAMPLES, MONTHLY, YEARLY

pytestmark = pytest.mark.slow

TOTAL = int(os.environ.get("CHUONGTRINH_FUZZ_CASES", "10000"))
# Hypothesis examples per part, as shares of TOTAL; cases per example differ (see above).
SHARE = {"mutated": 0.2, "trees": 0.16, "text": 0.1, "bytes": 0.015, "render": 0.005}
CASES: dict[str, int] = dict.fromkeys(SHARE, 0)
TEXTS = [(EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8") for name in (MONTHLY, YEARLY)]
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def fuzz_settings(part: str) -> settings:
    return settings(
        max_examples=max(int(TOTAL * SHARE[part]), 10),
        deadline=None,
        database=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def check_diagnostic(diagnostic: Diagnostic, text: str) -> None:
    assert diagnostic.line >= 1 and diagnostic.col >= 1, diagnostic
    assert diagnostic.line <= max(len(text.splitlines()), 1) + 1, diagnostic
    assert CODE.match(diagnostic.code), diagnostic
    assert diagnostic.message.strip(), diagnostic
    assert diagnostic.format().startswith(f"{diagnostic.file}:{diagnostic.line}:")


def outcome(text: str, part: str) -> api.Compiled | None:
    """Compile and lay out `text`; a program, or None after checking every diagnostic."""
    CASES[part] += 1
    try:
        compiled = api.compile_text(text, "f.yaml")
        api.layout(compiled)
    except ChuongtrinhError as exc:
        assert exc.errors, exc.diagnostics
        for diagnostic in exc.diagnostics:
            check_diagnostic(diagnostic, text)
        return None
    for diagnostic in compiled.warnings:
        check_diagnostic(diagnostic, text)
    return compiled


# -- mutations of the examples -----------------------------------------------------------------

SPECIAL = [
    ":",
    ": ",
    "- ",
    "-",
    "#",
    "&a ",
    "*a",
    "!!python/name:os.system ",
    "!x ",
    "|",
    ">-",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "%",
    "@",
    "`",
    "?",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "  ",
    "\x00",
    "\x01",
    "\x0b",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ufffe",
    "\ud800",
    "\U0001f600",
    "\u0300",
    "\u0323",
    "e\u0302\u0300",
    "¸",
    "µ",
    "aù",
    "ñ",
    "“",
    "”",
    "…",
    "./.",
    "1. ",
    "(1) ",
    "2023-02-30",
    "30/02/2023",
    "5/2/2023",
    "0",
    "-1",
    "1e400",
    "null",
    "~",
    "true",
    "no",
    "<<: *a",
    "=",
    "2023",
    "T/M",
    "TM.",
    "Lưu",
    "Đảng ủy",
    "ỦY BAN",
    "\\",
    "\\x01",
]
payloads = st.lists(
    st.one_of(st.sampled_from(SPECIAL), st.text(max_size=6)), min_size=1, max_size=4
).map("".join)


@dataclass(frozen=True)
class Mutation:
    kind: str
    where: float
    other: float
    payload: str

    def apply(self, text: str) -> str:
        lines = text.splitlines(keepends=True)
        at = int(self.where * len(lines)) % max(len(lines), 1)
        to = int(self.other * len(lines)) % max(len(lines), 1)
        position = int(self.where * len(text))
        if self.kind == "insert":
            return text[:position] + self.payload + text[position:]
        if self.kind == "truncate":
            return text[:position]
        if not lines:
            return self.payload
        if self.kind == "delete":
            del lines[min(at, to) : max(at, to) + 1]
        elif self.kind == "duplicate":
            lines.insert(to, lines[at])
        elif self.kind == "swap":
            lines[at], lines[to] = lines[to], lines[at]
        elif self.kind == "value" and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {self.payload}\n"
        elif self.kind == "indent":
            lines[at] = " " * int(self.other * 7) + lines[at].lstrip(" ")
        return "".join(lines)


mutations = st.builds(
    Mutation,
    st.sampled_from(["insert", "truncate", "delete", "duplicate", "swap", "value", "indent"]),
    st.floats(0, 1),
    st.floats(0, 1),
    payloads,
)


@fuzz_settings("mutated")
@given(st.sampled_from(TEXTS), st.lists(mutations, min_size=3, max_size=3))
def test_mutated_programs(text: str, steps: list[Mutation]) -> None:
    for step in steps:
        text = step.apply(text)
        outcome(text, "mutated")


# -- random YAML trees with the contract's keys --------------------------------------------------

KEYS = [
    "he_thong",
    "loai",
    "ten_loai",
    "kem_theo",
    "trinh_bay",
    "co_quan",
    "cap_tren",
    "ten",
    "viet_tat",
    "so",
    "dia_danh",
    "ngay",
    "du_thao",
    "trich_yeu",
    "can_cu",
    "mo_dau",
    "noi_dung",
    "tieu_de",
    "dan_nhap",
    "doan",
    "muc",
    "chu_tri",
    "phoi_hop",
    "thoi_gian",
    "ghi_chu",
    "kieu_muc",
    "ket_luan",
    "noi_nhan",
    "ky",
    "tham_quyen",
    "chuc_vu",
    "ho_ten",
]
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĐỦỨ 0123456789,.;:-/()“”"


def random_scalar(chance: random.Random) -> object:
    pick = chance.randrange(8)
    if pick == 0:
        return chance.choice([None, True, False, float("nan"), float("inf"), 0, -1])
    if pick == 1:
        return chance.randint(-(10**20), 10**20)
    if pick == 2:
        return dt.date(chance.randint(1, 9999), chance.randint(1, 12), chance.randint(1, 28))
    if pick == 3:
        return chance.choice(SPECIAL)
    return "".join(chance.choice(LETTERS) for _ in range(chance.randrange(30)))


def random_tree(chance: random.Random, depth: int = 0) -> object:
    """A scalar, list or mapping; mapping keys are mostly the contract's own."""
    pick = chance.randrange(6) if depth < 4 else 0
    if pick <= 2:
        return random_scalar(chance)
    if pick == 3:
        return [random_tree(chance, depth + 1) for _ in range(chance.randrange(5))]
    keys = [chance.choice(KEYS) if chance.random() < 0.9 else str(random_scalar(chance))]
    keys += [chance.choice(KEYS) for _ in range(chance.randrange(6))]
    return {key: random_tree(chance, depth + 1) for key in keys}


@fuzz_settings("trees")
@given(st.integers(0, 2**32))
def test_random_trees(seed: int) -> None:
    chance = random.Random(seed)  # plain Random: hypothesis's own would draw on every call
    data = {key: random_tree(chance, 1) for key in chance.sample(KEYS, chance.randrange(1, 14))}
    for flow in (False, True):
        try:
            text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, default_flow_style=flow)
        except UnicodeEncodeError:  # libyaml cannot write a lone surrogate; PyYAML escapes it
            text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
        outcome(text, "trees")


@fuzz_settings("text")
@given(st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=10)), max_size=20))
def test_random_text(parts: list[str]) -> None:
    outcome("".join(parts), "text")


@fuzz_settings("bytes")
@given(
    st.sampled_from(TEXTS),
    st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1258"]),
    st.binary(max_size=8),
    st.floats(0, 1),
)
def test_random_bytes(text: str, codec: str, noise: bytes, where: float) -> None:
    raw = text.encode(codec, "ignore")
    at = int(where * len(raw))
    raw = raw[:at] + noise + raw[at:]
    try:
        decoded = decode.decode(raw, "f.yaml")
    except ChuongtrinhError as exc:
        [diagnostic] = exc.diagnostics
        assert diagnostic.code == "not-utf8" and diagnostic.line >= 1 and diagnostic.col >= 1
        assert decode.to_unicode(raw)[1] is not None  # fix-encoding can still read it
        CASES["bytes"] += 1
        return
    outcome(decoded, "bytes")


@fuzz_settings("render")
@given(st.sampled_from(TEXTS), st.lists(mutations, min_size=1, max_size=2))
def test_mutated_programs_render_to_well_formed_docx(text: str, steps: list[Mutation]) -> None:
    for step in steps:
        text = step.apply(text)
    compiled = outcome(text, "render")
    if compiled is not None:
        docx.Document(io.BytesIO(api.render(compiled)))


def test_case_count() -> None:
    """Runs last in this file: the parts above together ran at least TOTAL cases."""
    if not all(CASES.values()):
        pytest.skip("only some of the fuzz tests ran")
    assert sum(CASES.values()) >= TOTAL, CASES

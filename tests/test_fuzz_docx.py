"""Fuzzing the .docx readers: built examples and a hand-made programme, truncated, with bytes
flipped in the zip or inside a part, parts swapped, counts inflated. Every case ends as text,
a YAML, findings, or a Vietnamese diagnostic naming the file; never another exception.

CHUONGTRINH_DOCX_FUZZ_CASES (default 2,000) sets how many cases; the seed is fixed, so a
failure names a case that can be run again."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.importer.files import import_path
from helpers import hostile_docx as hostile
from helpers.examples import EXAMPLES, MONTHLY, YEARLY
from helpers.handmade import HANDMADE

pytestmark = pytest.mark.slow

TOTAL = int(os.environ.get("CHUONGTRINH_DOCX_FUZZ_CASES", "2000"))
VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]")
NUMBERS = re.compile(rb'(w:val|w:w|w:ilvl|w:numId)="(\d+)"')


def seeds() -> list[bytes]:
    """Packages to mutate: two built examples and a programme typed by hand in Word."""
    built = [api.render(api.compile_file(EXAMPLES / f"{n}.yaml")) for n in (MONTHLY, YEARLY)]
    return [*built, next(iter(HANDMADE.values()))()]


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def flip_zip(data: bytes, rng: random.Random) -> bytes:
    changed = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        changed[rng.randrange(len(changed))] = rng.randrange(256)
    return bytes(changed)


def flip_part(data: bytes, rng: random.Random) -> bytes:
    """Bytes changed inside an XML part, the zip rewritten around it (its checksum right)."""
    found = parts(data)
    name = rng.choice([n for n in found if n.endswith(".xml")])
    changed = bytearray(found[name])
    for _ in range(rng.randint(1, 4)):
        changed[rng.randrange(len(changed))] = rng.choice(b'<>/"=&;: \x00abw')
    found[name] = bytes(changed)
    return hostile.package(found)


def swap_parts(data: bytes, rng: random.Random) -> bytes:
    found = parts(data)
    first, second = rng.sample([n for n in found if n.endswith(".xml")], 2)
    found[first], found[second] = found[second], found[first]
    return hostile.package(found)


def inflate_counts(data: bytes, rng: random.Random) -> bytes:
    """Numbers in document, styles and numbering (widths, spans, levels, ids) made huge,
    negative-looking or zero."""
    found = parts(data)
    name = rng.choice([n for n in found if n.startswith("word/") and n.endswith(".xml")])
    values = [b"0", b"9", b"63", b"64", b"2000000000", b"99999999999999999999", b"-1"]

    def change(match: re.Match[bytes]) -> bytes:
        if rng.random() < 0.7:
            return match.group(0)
        return match.group(1) + b'="' + rng.choice(values) + b'"'

    found[name] = NUMBERS.sub(change, found[name])
    return hostile.package(found)


def drop_part(data: bytes, rng: random.Random) -> bytes:
    found = parts(data)
    del found[rng.choice(sorted(found))]
    return hostile.package(found)


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    truncate,
    flip_zip,
    flip_part,
    swap_parts,
    inflate_counts,
    drop_part,
]


def read_all(path: Path, check: bool) -> None:
    """text, import and (every few cases) check: ends well or with a Vietnamese message."""
    readers: list[Callable[[], object]] = [
        lambda: api.plain_text(path),
        lambda: import_path(path),
    ]
    if check:
        readers.append(lambda: api.check(path, "tu-dong"))
    for read in readers:
        try:
            read()
        except ChuongtrinhError as exc:
            said = str(exc)
            assert VIETNAMESE.search(said), said
            assert "tệp YAML" not in said, said
            assert all(d.file == str(path) for d in exc.diagnostics), said


def test_mutated_docx_files_never_crash_a_reader(tmp_path: Path) -> None:
    rng = random.Random(20261203)
    sources = seeds()
    path = tmp_path / "mau.docx"
    try:
        for case in range(TOTAL):
            mutate = MUTATIONS[case % len(MUTATIONS)]
            path.write_bytes(mutate(rng.choice(sources), rng))
            try:
                read_all(path, check=case % 4 == 0)
            except Exception as exc:  # name the case, so it can be run again
                raise AssertionError(f"case {case} ({mutate.__name__}): {exc!r}") from exc
    finally:
        path.unlink()  # made to be refused: out of the session's .docx check

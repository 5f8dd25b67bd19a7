"""The .docx package: a small reference template in, byte-identical zip bytes out.

`reference()` is the starting document. python-docx's own template carries ~880 KB of styles
(and stylesWithEffects) that every `Document()` parses and every style lookup scans; the
`reference/` folder beside this module is that template cut to what a program uses: the same
document defaults, latent styles, settings and theme, and only the styles Normal, Default
Paragraph Font, Normal Table, No List, Table Grid, Header and Footer (add a built-in style there
before the writer asks for it by name). Its bytes are zipped once per process.

`parts()` takes python-docx's parts in the order its `save()` writes them, with the core
properties (created, modified, lastModifiedBy, revision) from `SOURCE_DATE_EPOCH` or a fixed
default; `deflate()` compresses a part once, and `zip_bytes()` writes the archive as `zipfile`
does, every entry with a fixed timestamp and mode, so the same input gives the same bytes on
any machine and any day (with the same zlib; see `ZLIB_VERSION`). The parts that do not change
between programmes are deflated once per rule set, not once per document.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # python-docx is imported only where a package is taken apart
    from docx.document import Document as WordDocument

REFERENCE_DIR = Path(__file__).with_name("reference")
# 1980-01-01 is the earliest time a zip entry can hold.
DEFAULT_EPOCH = 315532800
LAST_MODIFIED_BY = "chuongtrinh"
# Deflate output is stable for one zlib implementation; a different one (e.g. zlib-ng) may
# compress the same parts to other bytes, so the build manifest records this too.
ZLIB_VERSION = zlib.ZLIB_RUNTIME_VERSION
_FILE_MODE = 0o644 << 16


def source_date() -> dt.datetime:
    """`SOURCE_DATE_EPOCH` (reproducible-builds.org) as UTC, clamped to what zip can store."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(raw) if raw.isdigit() else DEFAULT_EPOCH
    return dt.datetime.fromtimestamp(max(seconds, DEFAULT_EPOCH), dt.UTC)


def _reference_files() -> Iterator[tuple[str, bytes]]:
    for path in sorted(REFERENCE_DIR.rglob("*")):
        if path.is_file():
            yield path.relative_to(REFERENCE_DIR).as_posix(), path.read_bytes()


@cache
def _reference_bytes() -> bytes:
    return _zip(
        _reference_files(), dt.datetime.fromtimestamp(DEFAULT_EPOCH, dt.UTC), zipfile.ZIP_STORED
    )


def reference() -> IO[bytes]:
    """The reference template as a fresh stream for `docx.Document()`."""
    return io.BytesIO(_reference_bytes())


def _stamp(document: WordDocument, when: dt.datetime) -> None:
    properties = document.core_properties
    properties.created = when
    properties.modified = when
    properties.last_modified_by = LAST_MODIFIED_BY
    properties.revision = 1


def parts(document: WordDocument) -> list[tuple[str, bytes]]:
    """The package's items in python-docx's own order (content types, package rels, parts),
    stamped with `source_date()`."""
    _stamp(document, source_date())
    return list(_entries(document))


def _entries(document: WordDocument) -> Iterator[tuple[str, bytes]]:
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    package = document.part.package
    parts = list(package.parts)
    content_types = _ContentTypesItem.from_parts(parts)  # type: ignore[no-untyped-call]
    yield CONTENT_TYPES_URI.membername, content_types.blob
    yield PACKAGE_URI.rels_uri.membername, package.rels.xml
    for part in parts:
        yield part.partname.membername, part.blob
        if len(part.rels):
            yield part.partname.rels_uri.membername, part.rels.xml


def _zip(entries: Iterator[tuple[str, bytes]], when: dt.datetime, method: int) -> bytes:
    buffer = io.BytesIO()
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.external_attr = _FILE_MODE
            info.create_system = 3  # Unix, whatever the host: part of the bytes
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


@dataclass(frozen=True)
class Entry:
    """One part of the package, deflated as `zipfile` deflates it."""

    name: str
    crc: int
    size: int
    deflated: bytes


def deflate(name: str, data: bytes) -> Entry:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)  # zipfile's, at compresslevel 6
    return Entry(name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


# The layouts of zipfile's local header, central directory record and end record.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # what zipfile writes as the version made by and needed to extract
_UNIX = 3


def zip_bytes(entries: Sequence[Entry], when: dt.datetime) -> bytes:
    """The archive `zipfile.ZipFile.writestr` writes for these entries, byte for byte (none
    needs ZIP64: a programme's parts are far below 4 GiB)."""
    date = (when.year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        name = entry.name.encode("ascii")
        fields = (zipfile.ZIP_DEFLATED, time, date, entry.crc, len(entry.deflated), entry.size)
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, *fields, len(name), 0)
        out += [local, name, entry.deflated]
        head = (b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, 0)
        central.append(_CENTRAL.pack(*head, *fields, len(name), 0, 0, 0, 0, _FILE_MODE, offset))
        central.append(name)
        offset += len(local) + len(name) + len(entry.deflated)
    directory = b"".join(central)
    count = len(entries)
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(out) + directory + end


DOCUMENT_PART = "word/document.xml"


@dataclass(frozen=True)
class Blank:
    """An empty programme document: the other parts as they go into the zip (deflated once),
    where `word/document.xml` goes among them, and that part's text before and after the
    body's content (the body's section properties come last, in `tail`)."""

    entries: tuple[Entry, ...]
    document_at: int
    head: bytes
    tail: bytes
    style_ids: dict[str, str]  # layout role → Word style id

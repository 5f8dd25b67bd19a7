"""The .docx package: a small reference template in, byte-identical zip bytes out.

`reference()` is the starting document. python-docx's own template carries ~880 KB of styles
(and stylesWithEffects) that every `Document()` parses and every style lookup scans; the
`reference/` folder beside this module is that template cut to what a program uses: the same
document defaults, latent styles, settings and theme, and only the styles Normal, Default
Paragraph Font, Normal Table, No List, Table Grid, Header and Footer (add a built-in style there
before the writer asks for it by name). Its bytes are zipped once per process.

`to_bytes()` replaces python-docx's `save()`: the same parts in the same order, but every zip
entry has a fixed timestamp and mode, and the core properties (created, modified,
lastModifiedBy, revision) come from `SOURCE_DATE_EPOCH` or a fixed default, so the same input
gives the same bytes on any machine and any day (with the same zlib; see `ZLIB_VERSION`).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO

from docx.document import Document as WordDocument
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

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


def _entries(document: WordDocument) -> Iterator[tuple[str, bytes]]:
    """The package's items in python-docx's own order: content types, package rels, parts."""
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


def to_bytes(document: WordDocument) -> bytes:
    """The document as .docx bytes that depend only on its content (and `SOURCE_DATE_EPOCH`)."""
    when = source_date()
    _stamp(document, when)
    return _zip(_entries(document), when, zipfile.ZIP_DEFLATED)

""".docx files someone could send to take the machine down, or that are simply malformed: each a
few kilobytes, built from python-docx's blank document with one part replaced or the zip
itself written by hand (so its declared sizes can lie)."""

from __future__ import annotations

import bz2
import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECLARE = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
STYLES_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'


@cache
def blank() -> dict[str, bytes]:
    """python-docx's blank document, part name → bytes."""
    out = io.BytesIO()
    docx.Document().save(out)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package(parts: Mapping[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of `parts`, the way zipfile writes it (sizes declared truly)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def replaced(**changes: bytes) -> bytes:
    """The blank document with parts replaced (`word_document_xml` names word/document.xml)."""
    parts = dict(blank())
    for key, data in changes.items():
        parts[_part_name(key)] = data
    return package(parts)


def _part_name(key: str) -> str:
    """'word_styles_xml' → 'word/styles.xml', 'docProps_core_xml' → 'docProps/core.xml'."""
    folder, _, rest = key.partition("_")
    stem, _, ext = rest.rpartition("_")
    return f"{folder}/{stem}.{ext}"


def body(xml: str) -> bytes:
    """A document.xml whose body is `xml`."""
    return f"{DECLARE}<w:body>{xml}</w:body></w:document>".encode()


def document(xml: str) -> bytes:
    """The blank document with `xml` as its body."""
    return replaced(word_document_xml=body(xml))


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# -- hand-written zips: methods and sizes of our choosing ------------------------------------


@dataclass(frozen=True)
class Entry:
    """One zip member as stored: its name, method, compressed bytes, and the sizes declared."""

    name: str
    data: bytes
    method: int = zipfile.ZIP_STORED
    size: int | None = None  # declared uncompressed size; None: the true one
    crc: int | None = None
    flags: int = 0

    @classmethod
    def of(cls, name: str, plain: bytes) -> Entry:
        return cls(name, plain, size=len(plain), crc=zlib.crc32(plain))


def raw_zip(entries: list[Entry]) -> bytes:
    """A zip written byte by byte: local headers, data, central directory, end record."""
    out = io.BytesIO()
    central = io.BytesIO()
    for entry in entries:
        name = entry.name.encode()
        offset = out.tell()
        size = entry.size if entry.size is not None else len(entry.data)
        crc = entry.crc or 0
        version = 46 if entry.method == zipfile.ZIP_BZIP2 else 20
        fields = (version, entry.flags, entry.method, 0, 0x21, crc, len(entry.data), size)
        out.write(struct.pack("<4s5HLLLHH", b"PK\x03\x04", *fields, len(name), 0) + name)
        out.write(entry.data)
        central.write(
            struct.pack(
                "<4s6HLLLHHHHHLL", b"PK\x01\x02", version, *fields, len(name), 0, 0, 0, 0, 0, offset
            )
            + name
        )
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    count = len(entries)
    out.write(struct.pack("<4s4HLLH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def _with(entry: Entry) -> bytes:
    """The blank document's parts, stored, with `entry` in place of its namesake."""
    kept = [Entry.of(n, d) for n, d in blank().items() if n != entry.name]
    return raw_zip([*kept, entry])


def deflate_bomb(megabytes: int, lie: bool = True) -> bytes:
    """document.xml inflating to `megabytes` MB of spaces inside the body (~1 KB a MB): a
    1 MB block compressed once, flushed to a byte boundary and repeated."""
    block = b" " * 1048576
    head = DECLARE.encode() + b"<w:body>"
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = squeeze.compress(head) + squeeze.flush(zlib.Z_FULL_FLUSH)
    repeated = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    end = squeeze.compress(b"</w:body></w:document>") + squeeze.flush()
    data = start + repeated * megabytes + end
    size = len(head) + megabytes * len(block) + len(b"</w:body></w:document>")
    entry = Entry("word/document.xml", data, zipfile.ZIP_DEFLATED, 4096 if lie else size)
    return _with(entry)


def bzip2_bomb(megabytes: int) -> bytes:
    """document.xml as bzip2 streams of 1 MB of spaces each, concatenated."""
    head = bz2.compress(DECLARE.encode() + b"<w:body>")
    block = bz2.compress(b" " * 1048576)
    end = bz2.compress(b"</w:body></w:document>")
    entry = Entry("word/document.xml", head + block * megabytes + end, zipfile.ZIP_BZIP2, 4096)
    return _with(entry)


def many_entries(count: int) -> bytes:
    parts = [Entry.of(n, d) for n, d in blank().items()]
    parts += [Entry.of(f"customXml/item{n}.xml", b"<a/>") for n in range(count)]
    return raw_zip(parts)


def encrypted_entry() -> bytes:
    """document.xml flagged as encrypted with a password (zip's traditional encryption)."""
    plain = blank()["word/document.xml"]
    return _with(Entry("word/document.xml", plain, size=len(plain), crc=zlib.crc32(plain), flags=1))


def ole_encrypted() -> bytes:
    """What Word saves for a .docx with a password: an OLE compound file (EncryptionInfo and
    EncryptedPackage streams), not a zip. Its header is enough to tell."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    return header + b"\x00" * (4096 - len(header)) + "EncryptedPackage".encode("utf-16-le")


# -- parts that take a naive reader down ----------------------------------------------------


def style(style_id: str, based_on: str | None, kind: str = "paragraph") -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{style_id}"/>{base}'
        "<w:rPr><w:sz w:val='26'/></w:rPr></w:style>"
    )


def style_loop(length: int = 2) -> bytes:
    """Styles based on each other round a loop, used by a paragraph and a run."""
    ids = [f"S{n}" for n in range(length)]
    styles = "".join(style(s, ids[(n + 1) % length]) for n, s in enumerate(ids))
    styles += style("C0", "C1", "character") + style("C1", "C0", "character")
    text = (
        '<w:p><w:pPr><w:pStyle w:val="S0"/></w:pPr><w:r><w:rPr><w:rStyle w:val="C0"/></w:rPr>'
        "<w:t>CHƯƠNG TRÌNH</w:t></w:r></w:p>"
    )
    return replaced(
        word_styles_xml=f"{STYLES_HEAD}{styles}</w:styles>".encode(),
        word_document_xml=body(text * 3),
    )


def table(rows: list[str], columns: int = 3) -> str:
    grid = "".join("<w:gridCol w:w='2000'/>" for _ in range(columns))
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph(text)}</w:tc>"


def wide_span(span: int = 2_000_000_000) -> bytes:
    """A cell claiming to span two billion grid columns."""
    wide = cell("rộng", f'<w:gridSpan w:val="{span}"/>')
    row = f"<w:tr>{wide}{cell('b')}</w:tr>"
    return document(table([row, row]))


def endless_merge(rows: int = 5000) -> bytes:
    """A cell merged down through every row of a long table."""
    others = cell("a") + cell("b")
    top = cell("gộp", '<w:vMerge w:val="restart"/>')
    first = f"<w:tr>{top}{others}</w:tr>"
    rest = f"<w:tr>{cell('', '<w:vMerge/>')}{others}</w:tr>"
    return document(table([first] + [rest] * rows))


def many_paragraphs(count: int = 100_000) -> bytes:
    return document(paragraph("Công tác") * count)


def empty_paragraphs(megabytes: float = 1.6) -> bytes:
    return document("<w:p/>" * int(megabytes * 1048576 / 6))


def many_runs(count: int = 100_000) -> bytes:
    runs = "<w:r><w:t>chữ </w:t></w:r>" * count
    return document(f"<w:p>{runs}</w:p>")


def deep(levels: int = 5000) -> bytes:
    """Elements nested thousands deep inside a run."""
    return document(f"<w:p><w:r>{'<w:x>' * levels}{'</w:x>' * levels}</w:r></w:p>")


def entities() -> bytes:
    """'Billion laughs' in document.xml's DOCTYPE."""
    defs = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    head = f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{defs}]>\n<w:document xmlns:w="{W}">'
    return replaced(
        word_document_xml=f"{head}<w:body>{paragraph('&a9;')}</w:body></w:document>".encode()
    )


# -- malformed parts: a user's error, never an internal one ----------------------------------

MALFORMED: dict[str, Callable[[], bytes]] = {}


def malformed(function: Callable[[], bytes]) -> Callable[[], bytes]:
    MALFORMED[function.__name__] = function
    return function


@malformed
def styles_doctype() -> bytes:
    head = f'<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY x "y">]>\n<w:styles xmlns:w="{W}">'
    return replaced(word_styles_xml=f"{head}{style('Normal', None)}</w:styles>".encode())


@malformed
def wrong_root() -> bytes:
    return replaced(word_document_xml=f'<w:styles xmlns:w="{W}"/>'.encode())


@malformed
def no_body() -> bytes:
    return replaced(word_document_xml=f"{DECLARE}</w:document>".encode())


@malformed
def not_xml() -> bytes:
    return replaced(word_document_xml=b"<w:document><w:body>")


@malformed
def broken_numbering() -> bytes:
    levels = "<w:lvl w:ilvl='x'><w:numFmt w:val='decimal'/></w:lvl><w:lvl w:ilvl='42'/>"
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{levels}'
        "</w:abstractNum><w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num>"
        "<w:num w:numId='2'/></w:numbering>"
    )
    para = "<w:p><w:pPr><w:numPr><w:ilvl w:val='{}'/><w:numId w:val='{}'/></w:numPr></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>"
    text = "".join(
        para.format(ilvl, num) for ilvl, num in (("x", 1), ("42", 1), ("-1", 2), ("0", "a"))
    )
    parts = dict(blank())
    parts["word/document.xml"] = body(text)
    parts["word/numbering.xml"] = numbering.encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/numbering" Target="numbering.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.numbering+xml"/></Types>',
    )
    return package(parts)


@malformed
def year_zero() -> bytes:
    core = blank()["docProps/core.xml"]
    start = core.index(b"<dcterms:created")
    end = core.index(b"</dcterms:created>")
    changed = (
        core[:start]
        + b'<dcterms:created xsi:type="dcterms:W3CDTF">0000-01-01T00:00:00Z'
        + core[end:]
    )
    return replaced(docProps_core_xml=changed)


@malformed
def corrupt_zip() -> bytes:
    data = bytearray(replaced())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\xff" * 64
    return bytes(data)


@malformed
def truncated_zip() -> bytes:
    data = replaced()
    return data[: len(data) // 2]


@malformed
def encrypted_flag() -> bytes:
    return encrypted_entry()


@malformed
def ole_password() -> bytes:
    return ole_encrypted()


@malformed
def no_document() -> bytes:
    parts = {n: d for n, d in blank().items() if n != "word/document.xml"}
    return package(parts)

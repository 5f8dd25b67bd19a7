"""A .docx someone sent, opened within limits: the one way `text`, `import`, `check` and
`preview` read a Word file.

Nothing is inflated on trust. The zip's directory is read first (entries, methods, encryption,
declared sizes); each part is then inflated in chunks and stopped at the limit whatever its
header says; each XML part is scanned once with lxml for a DOCTYPE, its depth and its number
of elements before python-docx parses it again. What python-docx then builds is checked for what
would make a reader loop or explode (docx/shape.py). Every refusal names the file and the part.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NoReturn

import docx
from docx.exceptions import InvalidXmlError
from lxml import etree

from chuongtrinh.docx import shape
from chuongtrinh.docx.limits import MAX_DEPTH, RATIO_FROM, Limits, count, over_limit, refuse

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # all Word and LibreOffice write
_CHUNK = 65536
# lxml as python-docx configures it, plus no network and no DTD: nesting stops at libxml2's
# MAX_DEPTH, entities are never expanded.
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
)
# What zipfile and zlib raise for a damaged archive (a version it does not know included).
_UNZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)
_RESAVE = "mở tệp bằng Word (hoặc LibreOffice) rồi lưu lại thành .docx, hoặc xin người gửi tệp gốc"


def open_document(source: str | Path | IO[bytes] | bytes, file: str | None = None) -> Any:
    """The python-docx Document of a received .docx, or a DocxRefused naming file and part."""
    raw, file = _bytes(source, file)
    parts = read_parts(raw, file)
    try:
        document = docx.Document(io.BytesIO(_stored(parts)))
    except Exception as exc:  # python-docx's own complaint about a package: a missing part…
        message = f"không mở được như một văn bản Word ({type(exc).__name__}: {exc})"
        raise refuse(file, "", message, _RESAVE) from None
    shape.check(document, file)
    return document


@contextmanager
def values_read(file: str) -> Iterator[None]:
    """Around reading an open document: a value python-docx cannot convert (w:b="-1", a
    width "abc", a level "x") is said as the file's problem, not as an internal error."""
    try:
        yield
    except (InvalidXmlError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        message = f"có giá trị Word không hiểu ({type(exc).__name__}: {exc})"
        raise refuse(file, "", message, _RESAVE, "bad-docx") from None


def name_of(source: str | Path | IO[bytes] | bytes) -> str:
    """What to call `source` in a message."""
    if isinstance(source, str | Path):
        return str(source)
    return str(getattr(source, "name", "<docx>"))


def _bytes(source: str | Path | IO[bytes] | bytes, file: str | None) -> tuple[bytes, str]:
    """The file's bytes, within CHUONGTRINH_MAX_MB when read from disk, and its name."""
    from chuongtrinh.source.decode import read_bytes

    if isinstance(source, bytes):
        return source, file or "<bytes>"
    if isinstance(source, str | Path):
        return read_bytes(Path(source)), file or str(source)
    return source.read(), file or str(getattr(source, "name", "<docx>"))


def read_parts(raw: bytes, file: str) -> dict[str, bytes]:
    """Every part of the package, inflated within the limits and XML parts scanned."""
    limits = Limits.current()
    if raw.startswith(_OLE):
        message = "đây không phải tệp .docx thường mà là tệp Word có mật khẩu, hoặc tệp .doc"
        hint = "bỏ mật khẩu trong Word rồi lưu lại thành .docx; tệp .doc thì đổi đuôi thành .doc"
        raise refuse(file, "", message, hint, "encrypted-docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except _UNZIP_ERRORS as exc:
        message = f"tệp nén .docx hỏng hoặc bị cắt, không đọc được ({exc})"
        raise refuse(file, "", message, _RESAVE, "corrupt-docx") from None
    infos = archive.infolist()
    _check_directory(infos, limits, file)
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        data = _inflate(archive, info, limits.unpacked - total, limits, file)
        total += len(data)
        if info.filename.endswith((".xml", ".rels")):
            scan(data, info.filename, limits, file)
        parts[info.filename] = data
    return parts


def _check_directory(infos: list[zipfile.ZipInfo], limits: Limits, file: str) -> None:
    """What the zip's directory alone tells: too many entries, encryption, odd methods, sizes."""
    if len(infos) > limits.entries:
        message = f"tệp nén có {count(len(infos))} mục, giới hạn là {count(limits.entries)}"
        raise over_limit(file, "", message, "CHUONGTRINH_DOCX_MAX_ENTRIES")
    declared = 0
    for info in infos:
        if info.flag_bits & 0x1:
            message = "được mã hoá (đặt mật khẩu trong tệp nén)"
            hint = "bỏ mật khẩu rồi lưu lại thành .docx"
            raise refuse(file, info.filename, message, hint, "encrypted-docx")
        if info.compress_type not in _METHODS:
            message = f"nén theo cách Word không dùng (mã {info.compress_type})"
            raise refuse(file, info.filename, message, _RESAVE, "corrupt-docx")
        declared += info.file_size
        if info.file_size > limits.unpacked or declared > limits.unpacked:
            raise _too_big(file, info.filename, limits)


def _too_big(file: str, part: str, limits: Limits) -> Exception:
    message = f"giải nén ra quá {limits.unpacked // 1048576} MB"
    return over_limit(file, part, message, "CHUONGTRINH_DOCX_MAX_MB")


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int, limits: Limits, file: str
) -> bytes:
    """One part's bytes, read in chunks and stopped as soon as it passes the size left
    (`room`) or, once over 1 MB, the ratio; a lying header or a bad checksum is refused."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                chunks.append(chunk)
                if size > room:
                    raise _too_big(file, info.filename, limits)
                if size > RATIO_FROM and size > limits.ratio * max(info.compress_size, 1):
                    ratio = (
                        f"nén quá chặt (hơn {limits.ratio} lần): dấu hiệu của bom nén (zip bomb)"
                    )
                    raise over_limit(file, info.filename, ratio, "CHUONGTRINH_DOCX_MAX_RATIO")
    except _UNZIP_ERRORS as exc:
        message = f"hỏng, không giải nén được ({exc})"
        raise refuse(file, info.filename, message, _RESAVE, "corrupt-docx") from None
    return b"".join(chunks)


def scan(data: bytes, part: str, limits: Limits, file: str) -> None:
    """Refuse an XML part with more elements than the limit (counted on the bytes, before
    parsing), nested deeper than libxml2 allows without huge trees, with a DOCTYPE (OOXML
    never has one; it is how entity bombs come), or not well-formed."""
    elements = data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
    if elements > limits.elements:  # an upper bound: every start or empty tag opens with "<"
        message = f"có quá {count(limits.elements)} phần tử XML"
        raise over_limit(file, part, message, "CHUONGTRINH_DOCX_MAX_ELEMENTS")
    if b"<!DOCTYPE" in data:  # before parsing: libxml2 counts entity expansion as it parses
        _doctype(file, part)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in exc.msg:
            message = f"lồng sâu quá {MAX_DEPTH} tầng"
            raise refuse(file, part, message, _RESAVE, "docx-too-large") from None
        line = exc.position[0] if exc.position else 1
        message = f"không phải XML hợp lệ (dòng {line} của phần: {exc.msg})"
        raise refuse(file, part, message, _RESAVE, "corrupt-docx") from None
    if root.getroottree().docinfo.doctype:  # one the bytes did not show (UTF-16)
        _doctype(file, part)
    for tag, name, limit, variable in limits.units:  # by namespace, whatever the prefix
        found = sum(1 for _ in root.iter(f"{{{_W}}}{tag}"))
        if found > limit:
            message = f"có {count(found)} {name}, quá {count(limit)}"
            raise over_limit(file, part, message, variable)


def _doctype(file: str, part: str) -> NoReturn:
    hint = "tệp Word không bao giờ có DOCTYPE: " + _RESAVE
    raise refuse(file, part, "có khai báo DOCTYPE", hint, "docx-doctype")


def _stored(parts: dict[str, bytes]) -> bytes:
    """The checked parts as a zip python-docx reads without inflating anything again."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()

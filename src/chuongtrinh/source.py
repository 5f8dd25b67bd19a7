"""YAML text → a plain tree that remembers the line and column of every key and value."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chuongtrinh import legacy
from chuongtrinh.errors import ChuongtrinhError, Diagnostic, Severity

try:  # libyaml's parser is several times faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

# A document with more nodes than this is an alias bomb, not a work program
# (a 20,000-item program has about 100,000 nodes).
MAX_NODES = 2_000_000
# Deeper nesting than this is not a program either, and would exhaust Python's stack.
MAX_DEPTH = 64
# Input size limit in bytes; CHUONGTRINH_MAX_MB overrides it (a 20,000-item program is ~5 MB).
DEFAULT_MAX_BYTES = 16 * 1024 * 1024

# Characters XML 1.0 forbids: Word refuses a document that carries one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def max_bytes() -> int:
    """The input size limit in force (CHUONGTRINH_MAX_MB, else 16 MB)."""
    setting = os.environ.get("CHUONGTRINH_MAX_MB", "").strip()
    try:
        return int(float(setting) * 1024 * 1024) if setting else DEFAULT_MAX_BYTES
    except ValueError:
        return DEFAULT_MAX_BYTES


_TAG_HINT = (
    "bỏ thẻ bắt đầu bằng '!' trước giá trị: tệp chỉ chứa văn bản, số, ngày, danh sách, bảng khóa"
)
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(frozen=True)
class Mark:
    """1-based line and column of a node in the source text."""

    line: int
    col: int


@dataclass
class Located:
    """The loaded data plus where each value (and each mapping key) stands in the file."""

    file: str
    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    # Problems found while loading that do not stop validation (duplicate keys, bad dates):
    # reporting them together with the schema's findings gives the user every error at once.
    problems: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(default_factory=list, repr=False)

    def text_mark(self, path: Path_, index: int) -> Mark:
        """The place of character `index` of the string at `path`, when it stands on one line
        as typed (plain or quoted without escapes); else the place of the value."""
        mark = self.value_mark(path)
        value = self.data_at(path)
        if path not in self.values or not isinstance(value, str) or mark.line > len(self.lines):
            return mark
        line = self.lines[mark.line - 1]
        start = mark.col - 1
        if line[start : start + 1] in ("'", '"'):
            start += 1
        if line[start:].startswith(value[: index + 1]):
            return Mark(mark.line, start + index + 1)
        return mark

    def data_at(self, path: Path_) -> Any:
        """The loaded value at `path`, or None."""
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def value_mark(self, path: Path_) -> Mark:
        """The mark of the value at `path`, or of its nearest located ancestor."""
        for end in range(len(path), -1, -1):
            mark = self.values.get(path[:end])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def key_mark(self, path: Path_) -> Mark:
        """The mark of the key that names `path` (falls back to the value's)."""
        return self.keys.get(path) or self.value_mark(path)

    def diagnostic(
        self,
        path: Path_,
        code: str,
        message: str,
        hint: str | None = None,
        *,
        at_key: bool = False,
        index: int | None = None,
        severity: Severity = "error",
    ) -> Diagnostic:
        """A finding at the value of `path` (its key with `at_key`, its character `index`)."""
        if index is not None:
            mark = self.text_mark(path, index)
        else:
            mark = self.key_mark(path) if at_key else self.value_mark(path)
        return Diagnostic(self.file, mark.line, mark.col, code, message, hint, severity)


def _mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Walks composed YAML nodes into plain Python values, recording marks and problems."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.constructor = SafeConstructor()
        self.problems: list[Diagnostic] = []
        self.count = 0
        # An alias names a node already built: reuse the value and charge its expanded size,
        # so a "billion laughs" document is refused after a few levels instead of expanded.
        self.built: dict[int, tuple[Any, int]] = {}
        # Findings reported once per file, at their first place, with a count.
        self.first: dict[str, tuple[Mark, int, str]] = {}

    def diag(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        mark = _mark(node)
        self.problems.append(
            Diagnostic(self.located.file, mark.line, mark.col, code, message, hint)
        )

    def note(self, node: Node, code: str, detail: str = "") -> None:
        """Count a per-file finding; the first place and detail are kept for the report."""
        mark, count, first_detail = self.first.get(code, (_mark(node), 0, detail))
        self.first[code] = (mark, count + 1, first_detail)

    def build(self, node: Node, path: Path_) -> Any:
        if len(path) > MAX_DEPTH:
            raise _TooDeep(node)
        self.located.values.setdefault(path, _mark(node))
        if id(node) in self.built:
            value, size = self.built[id(node)]
            self._charge(node, size)
            return value
        start = self.count
        self._charge(node, 1)
        if not isinstance(node, ScalarNode) and node.tag not in _COLLECTION_TAGS:
            # Never constructed (the loader is safe), but say so rather than ignore the tag.
            self.diag(node, "bad-tag", f"thẻ YAML không được hỗ trợ: {node.tag}", _TAG_HINT)
            value = None
        elif isinstance(node, MappingNode):
            value = self._mapping(node, path)
        elif isinstance(node, SequenceNode):
            value = [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        else:
            value = self._scalar(node)
        self.built[id(node)] = (value, self.count - start)
        return value

    def _charge(self, node: Node, size: int) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise _TooLarge(node)

    def _mapping(self, node: MappingNode, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.diag(
                    key_node, "bad-key", "khóa phải là một từ đơn, không phải danh sách hay bảng"
                )
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in first_seen:
                self.diag(
                    key_node,
                    "duplicate-key",
                    f"khóa '{key}' bị lặp lại",
                    f"khóa này đã có ở dòng {first_seen[key].line}; YAML chỉ giữ một giá trị",
                )
                continue
            first_seen[key] = _mark(key_node)
            self.located.keys[(*path, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: Node) -> Any:
        try:
            value = self.constructor.construct_object(node)
        except ConstructorError:
            self.diag(node, "bad-tag", f"thẻ YAML không được hỗ trợ: {node.tag}", _TAG_HINT)
            return None
        except ValueError:
            self.diag(
                node,
                "bad-date",
                f"ngày không tồn tại: {node.value}",
                "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-02-01",
            )
            return None
        if isinstance(value, str):
            return self._text(node, value)
        return value

    def _text(self, node: Node, value: str) -> str:
        """NFC text; forbidden characters and legacy encodings are noted, not fixed."""
        forbidden = _XML_FORBIDDEN.search(value)
        if forbidden:
            char = forbidden.group(0)
            self.diag(
                node,
                "control-char",
                f"ký tự điều khiển U+{ord(char):04X} ở vị trí {forbidden.start() + 1} của giá trị;"
                " tệp .docx không được chứa ký tự này",
                "xóa ký tự này (thường bị dán theo khi sao chép từ Word, Zalo, PDF)",
            )
        normal = unicodedata.normalize("NFC", value)
        if normal != value:
            self.note(node, "nfd-text")
        encoding = legacy.detect(normal)
        if encoding is not None:
            self.note(
                node, f"legacy-{encoding}", normal if len(normal) <= 60 else normal[:59] + "…"
            )
        return normal

    def findings(self) -> list[Diagnostic]:
        """The per-file findings noted while building, one diagnostic each."""
        found = []
        for code, (mark, count, detail) in self.first.items():
            more = f" (và {count - 1} giá trị khác)" if count > 1 else ""
            if code == "nfd-text":
                found.append(
                    Diagnostic(
                        self.located.file,
                        mark.line,
                        mark.col,
                        code,
                        f"chữ tiếng Việt gõ ở dạng tổ hợp (NFD){more}; đã chuẩn hóa sang dạng dựng"
                        " sẵn (NFC)",
                        "lưu tệp bằng bộ gõ Unicode dựng sẵn để chữ tìm kiếm và sắp xếp đúng",
                        severity="warning",
                    )
                )
                continue
            encoding = code.removeprefix("legacy-")
            found.append(
                Diagnostic(
                    self.located.file,
                    mark.line,
                    mark.col,
                    "legacy-encoding",
                    f"văn bản có vẻ gõ bằng bảng mã {legacy.NAMES[encoding]}{more}: '{detail}'",
                    f"chạy 'chuongtrinh fix-encoding {self.located.file}' để chuyển sang Unicode",
                )
            )
        return found


class _TooLarge(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


class _TooDeep(_TooLarge):
    pass


_PROBLEMS_VI = {
    "mapping values are not allowed": (
        "dấu ':' không được phép ở đây",
        "thêm dấu cách sau ':' của khóa, hoặc đặt cả giá trị trong ngoặc kép",
    ),
    "could not find expected ':'": (
        "thiếu dấu ':' sau khóa",
        "mỗi dòng có dạng 'khoa: giá trị'",
    ),
    "did not find expected key": (
        "thụt lề không khớp với các dòng phía trên",
        "các khóa cùng cấp phải thẳng cột với nhau",
    ),
    "did not find expected '-' indicator": (
        "thụt lề không khớp với danh sách phía trên",
        "các dòng '- ' của một danh sách phải thẳng cột với nhau",
    ),
    "found unexpected end of stream": (
        "tệp kết thúc khi một chuỗi trong ngoặc kép chưa được đóng",
        "kiểm tra dấu ngoặc kép cuối cùng",
    ),
}


def _syntax_diagnostic(file: str, text: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = exc.problem or "cú pháp không hợp lệ"
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    caret = f"\n    {source_line}\n    {' ' * (col - 1)}^"
    if "nesting depth" in problem:  # PyYAML ≥ 6.0.4's libyaml stops at its own depth limit
        return _too_deep(file, Mark(line, col))
    if "\t" in problem or "\t" in source_line[: max(col, 1)]:
        tab_col = source_line.find("\t") + 1 or col
        return Diagnostic(
            file,
            line,
            tab_col,
            "tab-indent",
            "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách",
            "thay mỗi Tab bằng dấu cách (thường là 2 dấu cách)",
        )
    for english, (message, hint) in _PROBLEMS_VI.items():
        if problem.startswith(english):
            return Diagnostic(file, line, col, "yaml-syntax", message, hint + caret)
    return Diagnostic(
        file, line, col, "yaml-syntax", f"lỗi cú pháp YAML: {problem}", caret.lstrip("\n")
    )


def loads(text: str, file: str = "<string>") -> Located:
    """Parse YAML text into a Located tree; raise ChuongtrinhError when nothing can be read.

    Problems inside an otherwise readable file are left in `Located.problems`."""
    located = Located(file, None, lines=text.splitlines())
    if len(text) > max_bytes():
        raise ChuongtrinhError([_too_big(file, len(text))])
    surrogate = _SURROGATE.search(text)
    if surrogate:  # libyaml would fail to encode the text before reading it
        raise ChuongtrinhError([_control_char(file, text, surrogate.start())])
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise ChuongtrinhError([_syntax_diagnostic(file, text, exc)]) from None
    except yaml.reader.ReaderError as exc:
        raise ChuongtrinhError([_reader_diagnostic(file, text, exc)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every YAMLError above is one of those
        raise ChuongtrinhError(
            [Diagnostic(file, 1, 1, "yaml-syntax", f"lỗi đọc YAML: {exc}")]
        ) from None
    except RecursionError:
        raise ChuongtrinhError([_too_deep(file, Mark(1, 1))]) from None
    if root is None:
        raise ChuongtrinhError(
            [Diagnostic(file, 1, 1, "empty-file", "tệp trống: chưa có nội dung chương trình")]
        )
    if not isinstance(root, MappingNode):
        mark = _mark(root)
        raise ChuongtrinhError(
            [
                Diagnostic(
                    file,
                    mark.line,
                    mark.col,
                    "not-mapping",
                    "tệp phải là một bảng 'khóa: giá trị' (he_thong, co_quan, trich_yeu…)",
                )
            ]
        )
    builder = _Builder(located)
    try:
        located.data = builder.build(root, ())
    except _TooDeep as exc:
        raise ChuongtrinhError([_too_deep(file, _mark(exc.node))]) from None
    except _TooLarge as exc:
        mark = _mark(exc.node)
        raise ChuongtrinhError(
            [
                Diagnostic(
                    file,
                    mark.line,
                    mark.col,
                    "too-many-nodes",
                    f"tệp có quá {MAX_NODES:,} phần tử (có thể do bí danh YAML lồng nhau)".replace(
                        ",", "."
                    ),
                )
            ]
        ) from None
    located.problems = builder.problems + builder.findings()
    return located


def _too_deep(file: str, mark: Mark) -> Diagnostic:
    return Diagnostic(
        file,
        mark.line,
        mark.col,
        "too-deep",
        f"các danh sách, bảng khóa lồng nhau quá {MAX_DEPTH} tầng",
        "một chương trình chỉ cần vài tầng: phần → phần con → mục",
    )


def _too_big(file: str, size: int) -> Diagnostic:
    limit = max_bytes()
    return Diagnostic(
        file,
        1,
        1,
        "too-large",
        f"tệp quá lớn: {_megabytes(size)}, giới hạn là {_megabytes(limit)}",
        "tách thành nhiều chương trình, hoặc đặt biến môi trường CHUONGTRINH_MAX_MB",
    )


def _megabytes(size: int) -> str:
    """16 MB, 5,4 MB, 812 KB: the way a Vietnamese reader writes sizes."""
    if size < 1048576:
        return f"{round(size / 1024)} KB"
    return f"{size / 1048576:.{0 if size % 1048576 == 0 else 1}f} MB".replace(".", ",")


def _reader_diagnostic(file: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    """A character YAML refuses to read, at its line and column."""
    position = exc.position
    if exc.encoding != "unicode":  # libyaml counts bytes of the UTF-8 text, not characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    return _control_char(file, text, position)


def _control_char(file: str, text: str, position: int) -> Diagnostic:
    before = text[:position]
    line = before.count("\n") + 1
    col = position - (before.rfind("\n") + 1) + 1
    char = text[position] if position < len(text) else "\x00"
    return Diagnostic(
        file,
        line,
        col,
        "control-char",
        f"ký tự điều khiển U+{ord(char):04X} không được phép trong tệp",
        "xóa ký tự này (thường bị dán theo khi sao chép từ Word, Zalo, PDF)",
    )


_OS_ERRORS_VI: dict[type[OSError], str] = {
    IsADirectoryError: "đây là thư mục, không phải tệp",
    PermissionError: "không có quyền đọc",
    FileNotFoundError: "không tìm thấy tệp",
}


def read_text(path: Path) -> str:
    """Read a YAML file: UTF-8 (with or without a byte-order mark) or UTF-16; bad bytes located."""
    try:
        size = path.stat().st_size
        if size > max_bytes():
            raise ChuongtrinhError([_too_big(str(path), size)])
        raw = path.read_bytes()
    except OSError as exc:  # a folder, no permission, a file removed meanwhile
        reason = _OS_ERRORS_VI.get(type(exc), exc.strerror or type(exc).__name__)
        raise ChuongtrinhError(
            [Diagnostic(str(path), 1, 1, "cannot-read", f"không đọc được tệp: {reason}")]
        ) from None
    return decode(raw, str(path))


def decode(raw: bytes, file: str = "<bytes>") -> str:
    """Bytes → text: UTF-8, UTF-8 with BOM, UTF-16 (BOM or not); else say what it looks like."""
    utf16 = _utf16(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: report it as not UTF-8 below
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        name = guess_encoding(raw)
        hint = (
            f"chạy 'chuongtrinh fix-encoding {file}' để chuyển sang UTF-8, hoặc lưu lại tệp với"
            " bảng mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)"
        )
        raise ChuongtrinhError(
            [
                Diagnostic(
                    file,
                    line,
                    col,
                    "not-utf8",
                    f"tệp không phải văn bản UTF-8; có vẻ là bảng mã {name}",
                    hint,
                )
            ]
        ) from None


def is_utf16(raw: bytes) -> bool:
    return _utf16(raw) is not None


def _utf16(raw: bytes) -> str | None:
    """'utf-16' when the bytes start with its BOM or look like it (every other byte zero)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = raw[:400]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        return "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
    return None


WINDOWS_1258 = "Windows-1258 (tiếng Việt của Windows)"
LATIN_1 = "Windows-1252 (Latin-1), không có chữ tiếng Việt"


def guess_encoding(raw: bytes) -> str:
    """Which legacy encoding non-UTF-8 bytes look like: TCVN3, VNI, Windows-1258 or Latin-1."""
    windows = unicodedata.normalize("NFC", raw.decode("cp1258", "replace"))
    if legacy.reads_as_unicode_vietnamese(windows):
        return WINDOWS_1258
    counts = legacy.fix_lines(raw.decode("latin-1"))[1]
    if counts:
        return legacy.NAMES[max(counts, key=lambda enc: counts[enc])]
    return LATIN_1


def to_unicode(raw: bytes) -> tuple[str, str | None]:
    """Any input bytes → NFC text with legacy lines converted; and the encoding they were in."""
    try:
        return decode(raw), None
    except ChuongtrinhError:
        name = guess_encoding(raw)
    codec = "cp1258" if name == WINDOWS_1258 else "latin-1"
    return unicodedata.normalize("NFC", raw.decode(codec, "replace")), name


def load(path: Path) -> Located:
    """Read and parse one YAML file."""
    return loads(read_text(path), str(path))

"""YAML text → a plain tree that remembers the line and column of every key and value."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.source import encodings as legacy
from chuongtrinh.source import slips
from chuongtrinh.source.decode import max_bytes, read_text, too_big
from chuongtrinh.source.located import Located, Mark, Path_

try:  # libyaml's parser is several times faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# A document with more nodes than this is an alias bomb, not a work program
# (a 20,000-item program has about 100,000 nodes).
MAX_NODES = 2_000_000
# What aliases may add to a document: nodes copied (a list of participants named in 1,000
# items is 20,000), and characters copied (no more than the size limit of a file). Under the
# node cap, 617 KB of aliases still made 1.9 million items: 7 minutes and 5 GB to check.
MAX_ALIAS_NODES = 200_000
# Deeper nesting than this is not a program either, and would exhaust Python's stack.
MAX_DEPTH = 64
# Characters XML 1.0 forbids: Word refuses a document that carries one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_TAG_HINT = (
    "bỏ thẻ bắt đầu bằng '!' trước giá trị: tệp chỉ chứa văn bản, số, ngày, danh sách, bảng khóa"
)
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Shape:
    """What a whole file must be, said when it is empty or not a mapping."""

    empty: str
    mapping: str
    hint: str | None = None


PROGRAM = Shape(
    "tệp trống: chưa có nội dung chương trình",
    "tệp phải là một bảng 'khóa: giá trị' (he_thong, co_quan, trich_yeu…)",
)


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
        self.built: dict[int, tuple[Any, int, int]] = {}  # value, nodes, characters
        self.chars = 0  # characters of text built, copies included
        self.copied = 0  # nodes built by aliases
        self.text_budget = max_bytes()
        self.too_much: Node | None = None  # the alias that copied past a budget
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
            value, size, chars = self.built[id(node)]
            self._charge(node, size)
            self._copy(node, size, chars)
            return value
        start, start_chars = self.count, self.chars
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
            self.chars += len(value) if isinstance(value, str) else 0
        self.built[id(node)] = (value, self.count - start, self.chars - start_chars)
        return value

    def _copy(self, node: Node, size: int, chars: int) -> None:
        """Count what an alias copies, its nodes and its text; the first alias past either
        budget is remembered and refused once the whole node cap has had its say."""
        self.copied += size
        self.chars += chars
        over = self.copied > MAX_ALIAS_NODES or self.chars > self.text_budget
        if over and self.too_much is None:
            self.too_much = node

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
        if node.tag == _STR and isinstance(node, ScalarNode):
            return self._text(node, node.value)  # what the constructor returns, without its books
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
                slips.DATE_HINT,
            )
            return None
        if isinstance(value, str):
            return self._text(node, value)
        if isinstance(value, bytes):
            # !!binary would carry text past the checks below (pydantic reads bytes as str).
            self.diag(node, "bad-tag", f"thẻ YAML không được hỗ trợ: {node.tag}", _TAG_HINT)
            return None
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


class _TooAmplified(_TooLarge):
    pass


_LIMITS = frozenset({"too-large", "too-many-nodes", "too-deep", "alias-too-large"})


def check_limits(text: str, file: str) -> None:
    """Raise when `text` is over a limit of this loader (size, nodes, nesting, aliases), for
    readers of their own (`new --from` edits with ruamel.yaml, which has none and recurses);
    other problems are theirs to report."""
    try:
        loads(text, file)
    except ChuongtrinhError as exc:
        over = [d for d in exc.diagnostics if d.code in _LIMITS]
        if over:
            raise ChuongtrinhError(over) from None


def loads(
    text: str, file: str = "<string>", shape: Shape = PROGRAM, recover: bool = False
) -> Located:
    """Parse YAML text into a Located tree; raise ChuongtrinhError when nothing can be read.

    Problems inside an otherwise readable file are left in `Located.problems`; `shape` says
    what the file should have been when it is empty or not a mapping. Syntax slips are mended
    where slips.py knows how, so that every problem is found in one run: the error raised
    carries them all, or, with `recover`, the tree read from the mended text is returned with
    the slips among its problems (for validation to add its own findings)."""
    located = Located(file, None, lines=text.splitlines())
    if len(text) > max_bytes():
        raise ChuongtrinhError([too_big(file, len(text))])
    surrogate = _SURROGATE.search(text)
    if surrogate:  # libyaml would fail to encode the text before reading it
        raise ChuongtrinhError([_control_char(file, text, surrogate.start())])
    try:
        composed = slips.compose(text, file, _Loader)
    except yaml.MarkedYAMLError as exc:  # libyaml's own depth limit (PyYAML ≥ 6.0.4)
        noticed = exc.problem_mark or exc.context_mark
        where = Mark(noticed.line + 1, noticed.column + 1) if noticed else Mark(1, 1)
        raise ChuongtrinhError([_too_deep(file, where)]) from None
    except yaml.reader.ReaderError as exc:
        raise ChuongtrinhError([_reader_diagnostic(file, text, exc)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every YAMLError above is one of those
        raise ChuongtrinhError(
            [Diagnostic(file, 1, 1, "yaml-syntax", f"lỗi đọc YAML: {exc}")]
        ) from None
    except RecursionError:
        raise ChuongtrinhError([_too_deep(file, Mark(1, 1))]) from None
    root, located.slipped = composed.root, composed.touched
    if composed.problems and not isinstance(root, MappingNode):
        raise ChuongtrinhError(composed.problems)
    if root is None:
        raise ChuongtrinhError([Diagnostic(file, 1, 1, "empty-file", shape.empty, shape.hint)])
    if not isinstance(root, MappingNode):
        mark = _mark(root)
        raise ChuongtrinhError(
            [Diagnostic(file, mark.line, mark.col, "not-mapping", shape.mapping, shape.hint)]
        )
    builder = _Builder(located)
    try:
        located.data = builder.build(root, ())
        if builder.too_much is not None:
            raise _TooAmplified(builder.too_much)
    except _TooDeep as exc:
        raise ChuongtrinhError([_too_deep(file, _mark(exc.node))]) from None
    except _TooAmplified as exc:
        raise ChuongtrinhError([_amplified(file, _mark(exc.node))]) from None
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
    located.problems = composed.problems + builder.problems + builder.findings()
    if composed.problems and not recover:
        raise ChuongtrinhError(located.problems)
    return located


def _amplified(file: str, mark: Mark) -> Diagnostic:
    message = (
        f"bí danh YAML (*tên) chép nội dung quá nhiều: quá {MAX_ALIAS_NODES:,} phần tử"
        f" hoặc quá {max_bytes() // 1048576} MB chữ".replace(",", ".")
    )
    hint = "viết thẳng nội dung thay cho bí danh, hoặc tách thành nhiều chương trình"
    return Diagnostic(file, mark.line, mark.col, "alias-too-large", message, hint)


def _too_deep(file: str, mark: Mark) -> Diagnostic:
    return Diagnostic(
        file,
        mark.line,
        mark.col,
        "too-deep",
        f"các danh sách, bảng khóa lồng nhau quá {MAX_DEPTH} tầng",
        "một chương trình chỉ cần vài tầng: phần → phần con → mục",
    )


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


def load(path: Path) -> Located:
    """Read and parse one YAML file."""
    return loads(read_text(path), str(path))

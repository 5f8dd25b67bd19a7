"""YAML text → a plain tree that remembers the line and column of every key and value."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chuongtrinh.errors import ChuongtrinhError, Diagnostic

try:  # libyaml's parser is several times faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

# A document with more nodes than this is an alias bomb, not a work program
# (a 20,000-item program has about 100,000 nodes).
MAX_NODES = 2_000_000


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
        self, path: Path_, code: str, message: str, hint: str | None = None, *, at_key: bool = False
    ) -> Diagnostic:
        mark = self.key_mark(path) if at_key else self.value_mark(path)
        return Diagnostic(self.file, mark.line, mark.col, code, message, hint)


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

    def diag(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        mark = _mark(node)
        self.problems.append(
            Diagnostic(self.located.file, mark.line, mark.col, code, message, hint)
        )

    def build(self, node: Node, path: Path_) -> Any:
        self.located.values.setdefault(path, _mark(node))
        if id(node) in self.built:
            value, size = self.built[id(node)]
            self._charge(node, size)
            return value
        start = self.count
        self._charge(node, 1)
        if isinstance(node, MappingNode):
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
        except ConstructorError as exc:
            self.diag(node, "bad-tag", f"thẻ YAML không được hỗ trợ: {node.tag}", str(exc.problem))
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
            return unicodedata.normalize("NFC", value)
        return value


class _TooLarge(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


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
    located = Located(file, None)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise ChuongtrinhError([_syntax_diagnostic(file, text, exc)]) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on a forbidden character
        raise ChuongtrinhError(
            [Diagnostic(file, 1, 1, "yaml-syntax", f"lỗi đọc YAML: {exc}")]
        ) from None
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
    except _TooLarge as exc:
        mark = _mark(exc.node)
        raise ChuongtrinhError(
            [
                Diagnostic(
                    file,
                    mark.line,
                    mark.col,
                    "too-many-nodes",
                    f"tệp có quá {MAX_NODES:,} phần tử (có thể do bí danh YAML lồng nhau)",
                )
            ]
        ) from None
    located.problems = builder.problems
    return located


def read_text(path: Path) -> str:
    """Read a YAML file as UTF-8 (a byte-order mark is accepted); report bad bytes with their place."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ChuongtrinhError(
            [
                Diagnostic(
                    str(path),
                    line,
                    col,
                    "not-utf8",
                    "tệp không phải văn bản UTF-8",
                    "lưu lại tệp với bảng mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)",
                )
            ]
        ) from None


def load(path: Path) -> Located:
    """Read and parse one YAML file."""
    return loads(read_text(path), str(path))

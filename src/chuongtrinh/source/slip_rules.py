"""How each slip looks to PyYAML, and how it is mended (slips.py runs them).

PyYAML's error names a place and a problem in English; a rule here recognises one slip from
them and from the tokens read before the place, and says where the slip is and how the line
reads once mended. When two lines disagree (which of two misaligned lines is wrong), each
reading is tried and the one that lets YAML read furthest is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import yaml
from yaml.tokens import (
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
    ScalarToken,
    Token,
    ValueToken,
)

# The shape of a key of the contract (and of a profile): lowercase ASCII words joined by '_'.
KEY = re.compile(r"[a-z_][a-z0-9_]*")
# `  - khoa rest`: indentation, list dashes, the first word, what follows it.
_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<word>[^\s:#]+)(?P<after>.*)$")
# A key and its colon at the start of a line (after any list dashes).
_KEYED = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<key>[^\s#'\"\[{][^:#]*?):(?:\s+|$)")
# What starts something else than text when a value begins with it.
_INDICATORS = {
    "*": "một bí danh (alias) của YAML; chữ nghiêng *…* phải nằm trong ngoặc kép",
    "&": "một tên neo (anchor) của YAML",
    "!": "một thẻ (tag) của YAML",
    "@": "một ký tự YAML dành riêng",
    "`": "một ký tự YAML dành riêng",
    "%": "một chỉ thị của YAML",
    "[": "một danh sách […], và chữ sau dấu ']' thì thừa",
    "{": "một bảng khóa {…}, và chữ sau dấu '}' thì thừa",
    '"': "chuỗi trong ngoặc kép, và chữ sau dấu đóng ngoặc thì thừa",
    "'": "chuỗi trong ngoặc đơn, và chữ sau dấu đóng ngoặc thì thừa",
    "|": "dấu mở một khối văn bản nhiều dòng",
    ">": "dấu mở một khối văn bản nhiều dòng",
}
_CLOSING = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class Slip:
    line: int  # 0-based, where it is reported
    col: int  # 1-based
    message: str
    hint: str
    mend: tuple[int, str] | None  # (0-based line, its mended text); None: leave `line` out
    code: str = "yaml-syntax"
    # Other readings of the same error (which of two misaligned lines is the wrong one): the
    # one whose mending lets YAML read furthest is reported.
    instead: tuple[Slip, ...] = ()


def quoted(text: str) -> str:
    """`text` as one YAML string in quotes: double, or single when it holds a double quote."""
    text = text.strip()
    if '"' in text:
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\") + '"'


def indent(line: str) -> int:
    """How many spaces (or Tabs) the line starts with."""
    return len(line) - len(line.lstrip(" \t"))


def _tokens_before(lines: list[str], mark: Any, loader: Any) -> list[Token]:
    """The tokens read before `mark` (libyaml hands a scalar over before failing after it)."""
    tokens: list[Token] = []
    if mark is None:
        return tokens
    where = (mark.line, mark.column)
    try:
        for token in yaml.scan("\n".join(lines), Loader=loader):
            if (token.start_mark.line, token.start_mark.column) >= where:
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


@dataclass(frozen=True)
class Error:
    """What PyYAML said, with the text it said it about."""

    lines: list[str]
    exc: yaml.MarkedYAMLError
    tokens: list[Token]

    @property
    def line(self) -> int:
        mark = self.exc.problem_mark or self.exc.context_mark
        return min(mark.line, len(self.lines) - 1) if mark is not None else 0

    @property
    def col(self) -> int:
        mark = self.exc.problem_mark or self.exc.context_mark
        return mark.column + 1 if mark is not None and mark.line < len(self.lines) else 1

    @property
    def problem(self) -> str:
        return self.exc.problem or ""

    @property
    def context(self) -> str:
        return self.exc.context or ""


def find(lines: list[str], exc: yaml.MarkedYAMLError, loader: Any) -> Slip:
    """The slip behind `exc`: the first rule that recognises it."""
    error = Error(lines, exc, _tokens_before(lines, exc.problem_mark or exc.context_mark, loader))
    for rule in (
        _tab,
        _unclosed_quote,
        _unclosed_bracket,
        _indicator,
        _missing_colon,
        _colon_in_value,
        _indentation,
    ):
        slip = rule(error)
        if slip is not None:
            return max((slip, *slip.instead), key=lambda s: _progress(lines, s, loader))
    return unknown(error)


def unknown(error: Error) -> Slip:
    """`exc` said as it is, where it was noticed: no rule knows it, or no line can be trusted."""
    return Slip(
        error.line,
        error.col,
        f"YAML không đọc được dòng này ({error.problem})",
        "kiểm tra dấu ':' sau khóa, dấu ngoặc kép, ngoặc vuông và thụt lề của dòng này và dòng"
        " trên; một giá trị có ký tự lạ thì đặt trong ngoặc kép",
        None,
    )


def _progress(lines: list[str], slip: Slip, loader: Any) -> int:
    """How far YAML reads once `slip` is mended: the line of the next error, or past the end."""
    if slip.mend is None:
        return -1
    mended = list(lines)
    mended[slip.mend[0]] = slip.mend[1]
    try:
        yaml.compose("\n".join(mended), Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark.line if mark is not None else 0
    return len(lines)


def _above(lines: list[str], line: int) -> int | None:
    """The nearest line above `line` that holds something (not blank, not a comment)."""
    for index in range(min(line, len(lines)) - 1, -1, -1):
        text = lines[index].strip()
        if text and not text.startswith("#"):
            return index
    return None


def _childindent(lines: list[str], line: int) -> int:
    """The indentation line `line` should have, going by the line above it: one level deeper
    under a key that opens a block, a list entry's keys after its '- ', else the same."""
    above = _above(lines, line)
    if above is None:
        return 0
    text = lines[above]
    if text.rstrip().endswith(":") and not text.lstrip().startswith("- "):
        return indent(text) + 2
    entry = re.match(r"^(\s*(?:-\s+)+)", text)
    if entry and not lines[line].lstrip().startswith("-"):
        return len(entry.group(1))
    return indent(text)


def _tab(error: Error) -> Slip | None:
    line, source = error.line, error.lines[error.line]
    if "\t" not in error.problem and "\t" not in source[: max(error.col, 1)]:
        return None
    if "\t" in source[: indent(source)]:
        mended = " " * _childindent(error.lines, line) + source.lstrip(" \t")
    else:
        mended = source.replace("\t", " ")
    return Slip(
        line,
        source.find("\t") + 1 or error.col,
        "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách",
        "thay mỗi Tab bằng dấu cách (thường là 2 dấu cách)",
        (line, mended),
        "tab-indent",
    )


def _structure(line: str) -> bool:
    """A line that looks like a key or a list entry of its own (not text inside a quote)."""
    return bool(re.match(r"^\s*(-\s|[a-z_][a-z0-9_]*:(\s|$))", line))


def _unclosed_quote(error: Error) -> Slip | None:
    """A quote opened and not closed on its line: YAML read on to the next quote, or the end."""
    start = error.exc.context_mark if "quoted scalar" in error.context else None
    for token in error.tokens:
        if (
            isinstance(token, ScalarToken)
            and token.style in ('"', "'")
            and token.end_mark.line > token.start_mark.line
            and any(
                _structure(error.lines[i])
                for i in range(token.start_mark.line + 1, token.end_mark.line + 1)
            )
        ):
            start = token.start_mark
    if start is None:
        return None
    line, col = start.line, start.column + 1
    source = error.lines[line]
    mark = source[col - 1] if col - 1 < len(source) else '"'
    return Slip(
        line,
        col,
        f"dấu {mark} mở ở đây không được đóng trên dòng này, nên YAML đọc cả các dòng dưới vào"
        " giá trị",
        f"thêm dấu {mark} ở cuối dòng, hoặc bỏ dấu {mark} ở đầu giá trị",
        (line, source.rstrip() + mark),
    )


def _open_bracket(tokens: list[Token]) -> Any:
    """The mark of the last '[' or '{' the tokens leave open."""
    opened: list[Any] = []
    for token in tokens:
        if isinstance(token, FlowSequenceStartToken | FlowMappingStartToken):
            opened.append(token.start_mark)
        elif isinstance(token, FlowSequenceEndToken | FlowMappingEndToken) and opened:
            opened.pop()
    return opened[-1] if opened else None


def _unclosed_bracket(error: Error) -> Slip | None:
    """A '[' or '{' never closed, said where YAML looked for its end, naming where it opens."""
    mark = _open_bracket(error.tokens) or error.exc.context_mark
    if "flow" not in error.context or mark is None:
        return None
    opened = error.lines[mark.line]
    char = opened[mark.column] if mark.column < len(opened) else "["
    close = _CLOSING.get(char, "]")
    where = "ở dòng này" if error.line == mark.line else f"ở dòng {mark.line + 1}"
    return Slip(
        error.line,
        error.col,
        f"danh sách mở bằng '{char}' {where} chưa được đóng: thiếu '{close}'",
        f"thêm '{close}' ở cuối dòng {mark.line + 1}; nếu '{char}' là chữ của giá trị, "
        + quote_hint(_quote_value(opened)),
        (mark.line, opened.rstrip() + close),
    )


def _value_start(line: str) -> int | None:
    """Where the value of a `key: value` or `- value` line starts (0-based), if it has one; a
    list entry whose 'key' is text (`- Chủ đề: …`) is a value as a whole."""
    keyed = _KEYED.match(line)
    entry = re.match(r"^\s*(?:-\s+)*", line)
    start = entry.end() if entry else 0
    if keyed and not ("-" in keyed["lead"] and not KEY.fullmatch(keyed["key"].strip())):
        start = keyed.end()
    rest = line[start:]
    return start if rest.strip() and not rest.lstrip().startswith("#") else None


def _quote_value(line: str) -> str:
    """The line with its value put in quotes."""
    start = _value_start(line)
    return line if start is None else line[:start] + quoted(line[start:])


def quote_hint(mended: str) -> str:
    """'Put the value in quotes', showing the mended line."""
    start = _value_start(mended)
    kind = "ngoặc đơn" if start is not None and mended[start] == "'" else "ngoặc kép"
    return f"đặt cả giá trị trong {kind}: {shown(mended)}"


def shown(line: str, width: int = 60) -> str:
    """A mended line as a hint shows it: stripped, its middle cut when long."""
    line = line.strip()
    return line if len(line) <= width else line[: width - 12] + "…" + line[-11:]


def _indicator(error: Error) -> Slip | None:
    """A value beginning with a character that makes it something else than text."""
    line = error.line
    source = error.lines[line]
    start = _value_start(source)
    if start is None or source[start] not in _INDICATORS:
        return None
    char = source[start]
    if char in "[{" and "flow" in error.context:
        return None  # a list never closed: _unclosed_bracket
    if char in "\"'" and source.rstrip().endswith(char) and source.count(char) == 2:
        return None
    return Slip(
        line,
        start + 1,
        f"giá trị bắt đầu bằng {char} nên YAML đọc đó là {_INDICATORS[char]}",
        quote_hint(_quote_value(source)),
        (line, _quote_value(source)),
    )


def _missing_colon_at(lines: list[str], line: int) -> Slip | None:
    """Line `line` holds a key (a word of the contract's shape) without ': ' after it."""
    match = _LINE.match(lines[line])
    if match is None:
        return None
    word, after, lead = match["word"], match["after"], match["lead"]
    glued = re.match(r"^([a-z_][a-z0-9_]*):(\S.*)$", word + after)
    if glued:
        key, rest = glued.groups()
        return Slip(
            line,
            len(lead) + len(key) + 2,
            f"thiếu dấu cách sau dấu ':' của khóa '{key}'",
            f"viết '{key}: {rest}'",
            (line, f"{lead}{key}: {rest}"),
        )
    if not KEY.fullmatch(word):
        return None
    rest = after.strip()
    return Slip(
        line,
        len(lead) + len(word) + 1,
        f"thiếu dấu ':' sau khóa '{word}'",
        f"viết '{word}: {rest}'" if rest else f"viết '{word}:'",
        (line, f"{lead}{word}:{after}"),
    )


def _missing_colon(error: Error) -> Slip | None:
    """'could not find expected ':'': the key is on the line where YAML began to read it."""
    mark = error.exc.context_mark
    if "simple key" not in error.context or mark is None:
        return None
    found = _missing_colon_at(error.lines, mark.line)
    if found is not None:
        return found
    return Slip(
        mark.line,
        mark.column + 1,
        "dòng này không có dạng 'khóa: giá trị'",
        "thêm khóa và dấu ':' ở đầu dòng; nếu dòng này là phần tiếp của giá trị dòng trên,"
        " thụt lề nó sâu hơn khóa của dòng trên",
        None,
    )


def _colon_in_value(error: Error) -> Slip | None:
    """'mapping values are not allowed': a ': ' inside a value, or a line read as part of the
    value above it (a key without its colon there, or this line indented too far)."""
    if not error.problem.startswith("mapping values are not allowed"):
        return None
    scalars = [i for i, t in enumerate(error.tokens) if isinstance(t, ScalarToken)]
    if not scalars:
        return None
    index = scalars[-1]
    scalar = error.tokens[index]
    is_value = index > 0 and isinstance(error.tokens[index - 1], ValueToken)
    line, source = error.line, error.lines[error.line]
    if scalar.start_mark.line == line:
        return Slip(
            line,
            error.col,
            "dấu ':' không được phép ở đây: YAML đọc ': ' trong giá trị là dấu của một khóa",
            quote_hint(_quote_value(source)),
            (line, _quote_value(source)),
        )
    if not is_value:
        slip = _missing_colon_at(error.lines, scalar.start_mark.line)
        if slip is not None:
            return slip
    return _too_deep(error, scalar.start_mark.line)


def _realign(lines: list[str], line: int, depth: int, message: str, hint: str) -> Slip:
    source = lines[line]
    mend = (line, " " * depth + source.lstrip()) if depth != indent(source) else None
    return Slip(line, indent(source) + 1, message, hint, mend)


def _owner_realigned(lines: list[str], owner: int, line: int) -> Slip | None:
    """The other reading of a misaligned pair: `owner` (the line that opened the block) is the
    one out of line, and should start where line `line` (its first key) says."""
    source = lines[owner]
    entry = re.match(r"^\s*((?:-\s+)*)", source)
    depth = indent(lines[line]) - len(entry.group(1) if entry else "")
    if depth < 0 or depth == indent(source) or owner == line:
        return None
    return _realign(
        lines,
        owner,
        depth,
        f"thụt lề không khớp: dòng này {indent(source)} dấu cách, các dòng của nó (dòng"
        f" {line + 1}) {indent(lines[line])} dấu cách",
        f"bắt đầu dòng này ở cột {depth + 1} cho thẳng cột với các dòng cùng cấp",
    )


def _too_deep(error: Error, above: int) -> Slip:
    """Line `error.line` is indented deeper than the key above it, so YAML read it as more of
    that key's value (or that key is the one indented too little)."""
    line = error.line
    depth = _childindent(error.lines, line)
    slip = _realign(
        error.lines,
        line,
        depth,
        f"dòng này thụt lề sâu hơn dòng {above + 1} nên bị đọc là phần tiếp của giá trị dòng đó",
        f"các khóa cùng cấp phải thẳng cột: bắt đầu dòng này ở cột {depth + 1}",
    )
    other = _owner_realigned(error.lines, above, line)
    return replace(slip, instead=(other,)) if other else slip


def _indentation(error: Error) -> Slip | None:
    """A key or a list entry that does not line up with the ones of its block."""
    if not error.problem.startswith(("did not find expected", "expected <block end>")):
        return None
    line, source = error.line, error.lines[error.line]
    depth = _childindent(error.lines, line)
    lined_up = "các dòng '- ' của một danh sách" if source.lstrip().startswith("-") else "các khóa"
    slip = _realign(
        error.lines,
        line,
        depth,
        f"thụt lề không khớp với các dòng phía trên (dòng này {indent(source)} dấu cách)",
        f"{lined_up} cùng cấp phải thẳng cột với nhau: bắt đầu dòng này ở cột {depth + 1}",
    )
    mark = error.exc.context_mark
    other = _owner_realigned(error.lines, mark.line, line) if mark is not None else None
    return replace(slip, instead=(other,)) if other else slip

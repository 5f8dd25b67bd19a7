"""Located tree → Program model, with pydantic's errors turned into located Vietnamese diagnostics."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from chuongtrinh.errors import ChuongtrinhError, Diagnostic, bound_message
from chuongtrinh.model.body import ENTRY_TAGS
from chuongtrinh.model.program import Program
from chuongtrinh.source import slips
from chuongtrinh.source.located import Located, Path_

_TYPE_VI = {
    str: "văn bản",
    int: "số",
    float: "số",
    bool: "đúng/sai",
    list: "danh sách",
    dict: "bảng khóa",
    type(None): "trống",
}

_EXPECTED_VI = {
    "string_type": "văn bản",
    "list_type": "danh sách (mỗi dòng bắt đầu bằng '- ')",
    "model_type": "bảng khóa (các dòng 'khoa: giá trị')",
    "dict_type": "bảng khóa (các dòng 'khoa: giá trị')",
    "bool_type": "true hoặc false",
    "int_type": "số nguyên",
}


def _model_at(loc: Path_) -> type[BaseModel] | None:
    """The model class whose fields are the keys at `loc` (None when `loc` is not a mapping)."""
    current: Any = Program
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap list[...], Optional[...] and Annotated[...] down to a model class, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def _keys_of(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias for f in model.model_fields.values() if f.alias]


def _type_name(value: Any) -> str:
    return _TYPE_VI.get(type(value), type(value).__name__)


def _diagnostic(located: Located, error: ErrorDetails) -> Diagnostic:
    loc: Path_ = tuple(error["loc"])
    kind = error["type"]
    key = str(loc[-1]) if loc else ""
    value = error.get("input")
    if kind == "extra_forbidden":
        known = _keys_of(_model_at(loc[:-1]))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"có phải '{close[0]}'?" if close else "các khóa hợp lệ: " + ", ".join(known)
        return located.diagnostic(
            loc, "unknown-key", f"khóa không hợp lệ '{key}'", hint, at_key=True
        )
    if kind == "missing":
        where = "ở đầu tệp" if len(loc) == 1 else f"trong '{_path_text(loc[:-1])}'"
        return located.diagnostic(
            loc[:-1],
            "missing-key",
            f"thiếu khóa bắt buộc '{key}' {where}",
            "các khóa cần có: " + ", ".join(_required_keys(_model_at(loc[:-1]))),
        )
    if value is None and (kind in _EXPECTED_VI or kind == "string_too_short"):
        return located.diagnostic(loc, "empty-value", f"'{_path_text(loc)}' chưa có giá trị")
    if kind == "string_too_short" or kind == "too_short":
        return located.diagnostic(loc, "empty-value", f"'{_path_text(loc)}' không được để trống")
    if kind in _EXPECTED_VI:
        message = (
            f"'{_path_text(loc)}' phải là {_EXPECTED_VI[kind]}, không phải {_type_name(value)}"
        )
        keys = _keys_of(_model_at(loc))
        return located.diagnostic(
            loc, "wrong-type", message, "các khóa: " + ", ".join(keys) if keys else None
        )
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return located.diagnostic(
            loc,
            "bad-value",
            f"giá trị '{value}' không hợp lệ cho '{key}'",
            f"chọn một trong: {expected}",
        )
    bound = bound_message(error)
    if bound is not None:
        return located.diagnostic(loc, "bad-number", f"'{_path_text(loc)}' {bound}")
    if kind == "bad_date":
        return located.diagnostic(loc, "bad-date", error["msg"], slips.DATE_HINT)
    code = kind.replace("_", "-")
    return located.diagnostic(loc, code, error["msg"])


def _required_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias for f in model.model_fields.values() if f.alias and f.is_required()]


def _path_text(loc: Path_) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else ("." if text else "") + part
    return text


def _misspelt(located: Located, errors: list[ErrorDetails]) -> set[Path_]:
    """Paths of missing keys that an unknown key next to them is a misspelling of."""
    paths: set[Path_] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            known = _keys_of(_model_at(loc[:-1]))
            for close in difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6):
                paths.add((*loc[:-1], close))
    return paths


def _untagged(error: ErrorDetails) -> ErrorDetails:
    """The error located in the file's terms: the branch names pydantic puts into the location
    of a list entry that may be an item or a free paragraph are no keys of the file."""
    loc = tuple(part for part in error["loc"] if part not in ENTRY_TAGS)
    return {**error, "loc": loc}


def _as_text(located: Located, error: ErrorDetails) -> tuple[Path_, Diagnostic] | None:
    """A list entry typed as text with ': ' inside, that YAML read as a key (unless the key is
    a misspelling of one the contract has there: that is said as an unknown key)."""
    found = slips.text_as_key(located, tuple(error["loc"]))
    if found is None:
        return None
    path, _ = found
    [key] = located.data_at(path)
    known = _keys_of(_model_at(path))
    return None if difflib.get_close_matches(str(key), known, n=1, cutoff=0.6) else found


def _after_a_slip(located: Located, diagnostic: Diagnostic) -> bool:
    """A finding a syntax slip may explain (on its line, or a key 'missing' that the slip may
    have swallowed): not said, the slip is."""
    return bool(located.slipped) and (
        diagnostic.line in located.slipped or diagnostic.code == "missing-key"
    )


def to_program(located: Located) -> Program:
    """Validate the tree against the contract; raise ChuongtrinhError with every problem at once."""
    try:
        program = Program.model_validate(located.data)
    except ValidationError as exc:
        errors = [_untagged(error) for error in exc.errors()]
        misspelt = _misspelt(located, errors)
        found = list(located.problems)
        taken = {(d.line, d.col) for d in found if d.severity == "error"}
        texts: dict[Path_, Diagnostic] = {}
        for error in errors:
            if error["type"] == "missing" and tuple(error["loc"]) in misspelt:
                continue  # 'khóa không hợp lệ … có phải …?' already says it
            as_text = _as_text(located, error)
            if as_text is not None:
                texts.setdefault(*as_text)
                continue
            diagnostic = _diagnostic(located, error)
            if (diagnostic.line, diagnostic.col) not in taken and not _after_a_slip(
                located, diagnostic
            ):
                found.append(diagnostic)
        raise ChuongtrinhError(found + list(texts.values())) from None
    if any(d.severity == "error" for d in located.problems):
        raise ChuongtrinhError(located.problems)
    return program

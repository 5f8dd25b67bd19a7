"""Profile files: the built-in ones by name, a user's by path, `extends` merged in.

A user's profile is untrusted data (docs/security.md): the profile it extends and its folder of
templates stay inside its own folder, and every problem, from bad YAML to a cycle of `extends`,
is a diagnostic at its line in the file that has it."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from chuongtrinh.errors import ChuongtrinhError, Diagnostic, bound_message
from chuongtrinh.profiles import confine
from chuongtrinh.profiles.compiled import builtin, compiled
from chuongtrinh.profiles.models import Profile
from chuongtrinh.source.decode import read_text
from chuongtrinh.source.loader import Shape, loads
from chuongtrinh.source.located import Located

_EXTENDS_HINT = (
    "tệp bộ quy tắc riêng bắt đầu bằng 'extends: dang-2018' (hoặc một bộ khác) rồi chỉ ghi các"
    " giá trị đổi"
)
_SHAPE = Shape(
    "tệp bộ quy tắc trống",
    "tệp bộ quy tắc phải là một bảng 'khóa: giá trị' (extends, page, styles…)",
    _EXTENDS_HINT,
)
_BOUND_HINT = "ghi một số hữu hạn trong giới hạn này (như khổ A4: 210 × 297 mm, chữ 14 pt)"
_SCHEMA_HINT = (
    "lược đồ của tệp bộ quy tắc: 'chuongtrinh schema --bo-quy-tac' (trình soạn thảo YAML dùng nó"
    " để chỉ ra giá trị sai)"
)


# libyaml's loader when PyYAML has it, for the shipped files (trusted, tested, and read at
# every start: the located reading of user files costs ~15 ms more for a cold build).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _builtin_dir() -> Path:
    return Path(str(resources.files("chuongtrinh.profiles")))


def builtin_names() -> list[str]:
    """Names of the profiles shipped with the tool (without the abstract base)."""
    return sorted(p.stem for p in _builtin_dir().glob("*.yaml") if p.stem != "base")


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if value is None:
            merged.pop(key, None)  # `key: null` in a profile removes what it extends
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _problem(located: Located, key: str, message: str, hint: str | None = None) -> ChuongtrinhError:
    return ChuongtrinhError([located.diagnostic((key,), "bad-profile", message, hint)])


def read(path: Path) -> Located:
    """One profile file as a located tree; an unreadable one is a located diagnostic."""
    if confine.special(confine.real(path)) or (path.exists() and not confine.regular_file(path)):
        kind = "thư mục" if path.is_dir() else "tệp đặc biệt"
        message = f"{path} là {kind}, không phải tệp bộ quy tắc (.yaml)"
        hint = "ghi đường dẫn tới một tệp .yaml"
        raise ChuongtrinhError([Diagnostic(str(path), 1, 1, "bad-profile", message, hint)])
    located = loads(read_text(path), str(path), _SHAPE)
    errors = [d for d in located.problems if d.severity == "error"]
    if errors:
        raise ChuongtrinhError(errors)
    return located


def _templates(located: Located, value: object) -> str:
    """The profile's own template folder, absolute; it must lie inside the profile's folder."""
    folder = Path(located.file).parent
    problem = confine.relative_problem(value) if isinstance(value, str) else "không phải chữ"
    if problem is None and not confine.within(folder / str(value), folder):
        problem = "dẫn ra ngoài thư mục của bộ quy tắc"
    if problem is None and not (folder / str(value)).is_dir():
        problem = "không có thư mục này"
    if problem is not None:
        raise _problem(
            located,
            "templates",
            f"'templates: {value}': {problem}",
            "ghi tên một thư mục con nằm cạnh tệp bộ quy tắc, ví dụ 'templates: mau'",
        )
    return str(confine.real(folder / str(value)))


_MAX_EXTENDS = 16  # a chain of profiles longer than this is a mistake (or an attack on the stack)
_PARENT_HINT = (
    "ví dụ 'extends: dang-2018', hoặc 'extends: van-phong' cho tệp van-phong.yaml cùng thư mục"
)


def _parent(located: Located, name: object, seen: tuple[Path, ...]) -> Path:
    """The file `extends` names: a profile beside this one, or a built-in one."""
    folder = Path(located.file).parent
    said = f"'extends: {name}'"
    if not isinstance(name, str) or "/" in name or "\\" in name or confine.relative_problem(name):
        message = f"{said}: chỉ ghi tên một bộ quy tắc có sẵn hoặc một tệp cùng thư mục"
        raise _problem(located, "extends", message, _PARENT_HINT)
    if len(seen) > _MAX_EXTENDS:
        message = f"{said}: quá {_MAX_EXTENDS} tầng bộ quy tắc mở rộng nhau"
        raise _problem(located, "extends", message, "gộp bớt các tệp bộ quy tắc")
    beside = folder / f"{name}.yaml"
    if beside.exists() or beside.is_symlink():
        if not confine.within(beside, folder):
            raise _problem(located, "extends", f"{said}: dẫn ra ngoài thư mục", _PARENT_HINT)
        if not confine.regular_file(beside):
            message = f"{said}: {beside.name} không phải tệp bộ quy tắc (là thư mục, tệp đặc biệt)"
            raise _problem(located, "extends", message, "đổi tên thư mục, hoặc sửa 'extends'")
        if confine.real(beside) in seen:
            chain = " → ".join(p.name for p in (*seen, confine.real(beside)))
            message = f"các bộ quy tắc mở rộng nhau thành vòng: {chain}"
            hint = "bỏ 'extends' ở một tệp của vòng"
            if name in builtin_names():
                hint = f"tệp {beside.name} cùng thư mục che bộ có sẵn cùng tên: đổi tên tệp"
            raise _problem(located, "extends", message, hint)
        return beside
    if name in (*builtin_names(), "base"):
        return _builtin_dir() / f"{name}.yaml"
    known = ", ".join(builtin_names())
    message = f"{said}: không có bộ quy tắc này (có: {known})"
    raise _problem(located, "extends", message, _PARENT_HINT)


def _raw(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], tuple[Located, ...]]:
    """A profile file's data with everything it extends merged under it, and the files read
    (this one first), to place a problem in the file whose value caused it."""
    if path.parent == _builtin_dir():
        located = Located(str(path), yaml.load(path.read_text(encoding="utf-8"), _YAML_LOADER))
    else:
        located = read(path)
    data = dict(located.data)
    if data.get("templates") is not None:
        data["templates"] = _templates(located, data["templates"])
    if data.get("extends") is None:
        data.pop("extends", None)
        return data, (located,)
    parent = _parent(located, data.pop("extends"), (*seen, confine.real(path)))
    base, chain = _raw(parent, (*seen, confine.real(path)))
    return _merge(base, data), (located, *chain)


@cache
def load(name_or_path: str) -> Profile:
    """Load a built-in profile by name, or a profile file by path; a bad file raises
    ChuongtrinhError with located diagnostics."""
    path = Path(name_or_path)
    if not is_path(name_or_path):
        if name_or_path not in (*builtin_names(), "base"):
            raise KeyError(f"no built-in profile {name_or_path}")
        path = _builtin_dir() / f"{name_or_path}.yaml"
        return builtin(name_or_path, _builtin_dir(), lambda: _validated(path))
    return _validated(path)


def _validated(path: Path) -> Profile:
    """A profile file with what it extends, validated (once: compiled.py caches it on disk)."""
    data, chain = _raw(path)
    try:
        return compiled(data)
    except ValidationError as exc:
        raise ChuongtrinhError(_validation_problems(chain, exc)) from None


def _validation_problems(chain: tuple[Located, ...], exc: ValidationError) -> list[Diagnostic]:
    """Each problem at its key in the file that wrote the value (this file or one it extends),
    else at the nearest key above it in this file."""
    found = []
    for error in exc.errors():
        where = str(error.get("ctx", {}).get("where", ""))
        loc = (*error["loc"], *(where.split(".") if where else ()))
        # The shipped files (read without places) are not the user's to edit: a problem
        # there is placed in the user's file.
        located = next((f for f in chain if loc in f.values), chain[0])
        key = ".".join(str(p) for p in loc)
        bound = bound_message(error)
        message = bound or error["msg"]
        hint = _BOUND_HINT if bound else _SCHEMA_HINT
        if error["type"] == "missing":
            hint = _EXTENDS_HINT
        found.append(
            located.diagnostic(loc, "bad-profile", f"bộ quy tắc: '{key}': {message}", hint)
        )
    return found


def is_path(system: str) -> bool:
    """Whether `he_thong` (or --profile) names a profile file rather than a rule set."""
    return system.lower().endswith((".yaml", ".yml"))


def parent_of(name: str) -> str | None:
    """The profile a built-in profile extends, as written in its file."""
    data = yaml.safe_load((_builtin_dir() / f"{name}.yaml").read_text(encoding="utf-8")) or {}
    parent = data.get("extends")
    return str(parent) if parent else None

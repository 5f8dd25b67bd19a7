"""Profile files: the built-in ones by name, a user's by path, `extends` merged in."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from chuongtrinh.profiles.compiled import builtin, compiled
from chuongtrinh.profiles.models import Profile

# libyaml's loader when PyYAML has it: the pure one took ~15 ms of a cold build for two files.
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


def _raw(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """A profile file's data with everything it extends merged under it."""
    if path in seen:
        raise ValueError(f"profile {path.name} extends itself")
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    if isinstance(data.get("templates"), str):
        data["templates"] = str((path.parent / data["templates"]).resolve())
    parent = data.pop("extends", None)
    if parent is None:
        return dict(data)
    parent_path = path.parent / f"{parent}.yaml"
    if not parent_path.exists():
        parent_path = _builtin_dir() / f"{parent}.yaml"
    if not parent_path.exists():
        known = ", ".join(builtin_names())
        raise ValueError(f"'extends: {parent}': không có bộ quy tắc này (có: {known})")
    return _merge(_raw(parent_path, (*seen, path)), data)


@cache
def load(name_or_path: str) -> Profile:
    """Load a built-in profile by name, or a profile file by path."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = _builtin_dir() / f"{name_or_path}.yaml"
        return builtin(name_or_path, _builtin_dir(), lambda: compiled(_raw(path)))
    return compiled(_raw(path))


def is_path(system: str) -> bool:
    """Whether `he_thong` (or --profile) names a profile file rather than a rule set."""
    return system.lower().endswith((".yaml", ".yml"))


def parent_of(name: str) -> str | None:
    """The profile a built-in profile extends, as written in its file."""
    data = yaml.safe_load((_builtin_dir() / f"{name}.yaml").read_text(encoding="utf-8")) or {}
    parent = data.get("extends")
    return str(parent) if parent else None

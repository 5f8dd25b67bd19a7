"""The committed JSON Schema is current, and every example validates against it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from chuongtrinh.schema import COMMITTED_PATH, json_text
from helpers.cli import run_cli
from helpers.examples import EXAMPLES, ROOT

COMMITTED = ROOT / COMMITTED_PATH


def _as_json(value: Any) -> Any:
    """What an editor's YAML 1.2 reading hands the schema: dates are text."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_text(), (
        f"{COMMITTED_PATH} is stale: run `chuongtrinh schema > {COMMITTED_PATH}`"
    )


def test_schema_command_prints_the_committed_file() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")


STARTERS = sorted((ROOT / "templates" / "starters").glob("*.yaml"))


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("*.yaml")) + STARTERS, ids=lambda p: p.parent.name + "/" + p.stem
)
def test_every_example_and_starter_validates_against_the_schema(path: Path) -> None:
    document = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [error.message for error in _validator().iter_errors(document)]
    assert errors == []


def test_schema_describes_every_key_in_vietnamese_with_examples() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    models = [schema, *schema["$defs"].values()]
    for model in models:
        for key, prop in model["properties"].items():
            assert prop.get("description"), key
            assert prop.get("examples"), key
    assert schema["properties"]["so"]["examples"] == [36]


def test_schema_rejects_what_validate_rejects() -> None:
    validator = _validator()
    document = _as_json(yaml.safe_load((EXAMPLES / "thang-02-2023.yaml").read_text("utf-8")))
    document["can_cuu"] = document.pop("can_cu")
    assert any("can_cuu" in error.message for error in validator.iter_errors(document))

"""The JSON Schema of profile files: committed, current, and describing every key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from chuongtrinh.schema import PROFILE_COMMITTED_PATH, json_text
from helpers.examples import ROOT

COMMITTED = ROOT / PROFILE_COMMITTED_PATH
PROFILES = sorted((ROOT / "src" / "chuongtrinh" / "profiles").glob("*.yaml"))


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _as_an_editor_reads(path: Path) -> Any:
    """YAML 1.2 as an editor reads it: dates are text."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_committed_profile_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_text(profile=True), (
        f"{PROFILE_COMMITTED_PATH} is stale: run `chuongtrinh schema --bo-quy-tac >"
        f" {PROFILE_COMMITTED_PATH}`"
    )


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_shipped_profile_file_validates(path: Path) -> None:
    errors = [e.message for e in _validator().iter_errors(_as_an_editor_reads(path))]
    assert errors == []


def test_an_office_profile_is_partial_and_may_remove_entries() -> None:
    office = {"extends": "dang-2018", "page": {"margin_mm": {"left": 35}}, "kinds": {"QĐi": None}}
    assert list(_validator().iter_errors(office)) == []


def test_profile_schema_rejects_a_wrong_type_and_an_unknown_key() -> None:
    validator = _validator()
    assert list(validator.iter_errors({"page": {"margin_mm": {"left": "ba mươi"}}}))
    assert list(validator.iter_errors({"page": {"margin": {"left": 35}}}))


def test_every_key_of_a_profile_is_described_in_vietnamese() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    models = [schema, *schema["$defs"].values()]
    undescribed = [
        f"{model.get('title')}.{name}"
        for model in models
        for name, prop in model.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert undescribed == []
    assert schema["properties"]["page"]["description"] == "Khổ giấy và lề"

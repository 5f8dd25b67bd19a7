"""`check` on documents with optional parts: no closing, a signature without an authority
line, a sub-title under the summary, a date whose day is blank, a profile file of its own."""

from __future__ import annotations

from chuongtrinh import api
from helpers.cli import run_cli
from helpers.examples import Built

AGENDA, TABLE = "hoi-nghi-so-ket-quy-1-2026", "ubnd-hop-cum-cong-nghiep-2026"
DRAFT, DOAN = "dang-uy-xa-hanh-dong-2026", "doan-xa-thang-thanh-nien-2026"


def codes(item: Built, profile: str = "tu-dong") -> dict[str, str]:
    return {f.code: f.severity for f in api.check(item.docx, profile).findings}


def test_no_recipients_and_no_signature_is_a_warning(built: dict[str, Built]) -> None:
    found = codes(built[TABLE])
    assert found["missing-closing"] == "warning"
    assert "error" not in found.values()
    assert "missing-signer" not in found  # nothing was signed


def test_a_body_signing_without_an_authority_line_is_no_error(built: dict[str, Built]) -> None:
    found = codes(built[AGENDA])
    assert "missing-authority" not in found and "missing-closing" not in found
    assert "error" not in found.values()


def test_a_sub_title_in_parentheses_is_not_judged_as_the_attached_line(
    built: dict[str, Built],
) -> None:
    findings = api.check(built[AGENDA].docx).findings
    assert not [f for f in findings if f.text and f.text.startswith("(Chiều ngày")]


def test_a_month_with_a_blank_day_chooses_the_rules_of_that_month(built: dict[str, Built]) -> None:
    assert api.check(built[DRAFT].docx).profile.name == "dang-2018"


def test_a_document_of_another_body_is_checked_against_its_profile_file(
    built: dict[str, Built],
) -> None:
    profile = str(built[DOAN].profile)
    result = api.check(built[DOAN].docx, profile)
    assert result.profile.name == "doan-tncs-2013"
    assert result.findings == []
    assert "number-form" in codes(built[DOAN])  # as a Party document: 'Số:' has a colon
    assert run_cli("check", str(built[DOAN].docx), "--profile", profile).returncode == 0

"""A rule author's own profile files, tested from Python (``reglament.conformance.run``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import reglament
import reglament.conformance

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "my-town"


def test_own_profiles_pass() -> None:
    report = reglament.conformance.run([EXAMPLE])
    assert (report["passed"], report["failed"]) == (4, 0), reglament.conformance.format(report)
    assert reglament.conformance.format(report) == "4 passed, 0 failed"


def test_failing_case_reports_the_differing_fields() -> None:
    report = reglament.conformance.run(EXAMPLE / "failing")
    assert (report["passed"], report["failed"]) == (0, 1)
    differences = report["cases"][0]["differences"]
    assert [d["path"] for d in differences] == ["$.answer.clause", "$.answer.due_date"]
    assert differences[1]["expected"] == "2026-03-16" and differences[1]["actual"] == "2026-03-20"
    text = reglament.conformance.format(report)
    assert '  $.answer.due_date\n    - expected "2026-03-16"\n    + actual   "2026-03-20"\n' in text
    assert "explanation" not in text


def test_a_profile_file_alone_is_not_a_case_file() -> None:
    with pytest.raises(ValueError, match="no case file"):
        reglament.conformance.run(EXAMPLE / "my-town.toml")


def test_a_file_extending_a_sibling_loads_from_python() -> None:
    village = reglament.Profile.from_file(EXAMPLE / "my-village.toml")
    assert village.name == "my-village"
    plan = village.plan({"sent_at": "2026-03-07T11:00:00+03:00", "text": "Во дворе не вывозят мусор", "category": "all"})
    assert plan["answer"]["due_date"] == "2026-03-20"


def test_an_instant_text_without_an_offset_is_named_as_such() -> None:
    essentuki = reglament.Profile.builtin("essentuki")
    with pytest.raises(reglament.InputError) as info:
        essentuki.plan({"sent_at": "2026-03-07T11:00:00", "text": "Яма на дороге"})
    assert info.value.path == "message.sent_at"
    assert "has no UTC offset" in str(info.value)

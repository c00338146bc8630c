"""The whole conformance suite (tests/conformance/*.json) through the Python API."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from conformance import judge, load_cases

CASES = load_cases()


def test_the_suite_is_not_empty() -> None:
    assert CASES, "no conformance cases found"


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_case(case: Dict[str, Any]) -> None:
    mismatch = judge(case)
    assert mismatch is None, mismatch

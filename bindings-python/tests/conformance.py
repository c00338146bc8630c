"""Runs tests/conformance/*.json through the Python API (not a generic dispatcher), comparing the
way core/src/conformance.rs does: objects by the keys given, arrays element-wise with equal
length, numbers by value."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import reglament

ROOT = Path(__file__).resolve().parents[2]
# REGLAMENT_CASES_DIR points the runner at other case files (the generated differential cases).
CASES = Path(os.environ.get("REGLAMENT_CASES_DIR") or ROOT / "tests" / "conformance")


def load_cases() -> List[Tuple[str, Dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            out.append((f"{path.stem}::{case['name']}", case))
    return out


def subset_mismatch(expected: Any, actual: Any, path: str = "$") -> Optional[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, value in expected.items():
            if key not in actual:
                if value is None:  # an expected null also matches an absent key
                    continue
                return f"{path}.{key}: expected {value!r}, missing"
            m = subset_mismatch(value, actual[key], f"{path}.{key}")
            if m:
                return m
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} items, got {len(actual)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            m = subset_mismatch(e, a, f"{path}[{i}]")
            if m:
                return m
        return None
    numeric = (int, float)
    if isinstance(expected, numeric) and isinstance(actual, numeric) and not isinstance(expected, bool) and not isinstance(actual, bool):
        return None if float(expected) == float(actual) else f"{path}: expected {expected!r}, got {actual!r}"
    if type(expected) is type(actual) and expected == actual:
        return None
    return f"{path}: expected {expected!r}, got {actual!r}"


def as_date(value: Any) -> Any:
    """A case's date as a `datetime.date`, as a Python caller holds it; text that is no date is
    passed on as is, so that the binding's own error is what the case sees."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def as_instant(value: Any) -> Any:
    if isinstance(value, str):
        try:
            parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        return parsed if parsed.tzinfo is not None else value
    return value


_profiles: Dict[str, reglament.Profile] = {}
_calendars: Dict[Tuple[str, bool], reglament.Calendar] = {}


def profile(name: Optional[str]) -> reglament.Profile:
    if name is None:
        raise reglament.InputError("this operation needs a profile", "invalid_input", "profile")
    if name not in _profiles:
        _profiles[name] = reglament.Profile.builtin(name)
    return _profiles[name]


def calendar(region: str, options: Optional[Dict[str, Any]]) -> reglament.Calendar:
    key = (region, bool((options or {}).get("decree_days_off", True)))
    if key not in _calendars:
        _calendars[key] = reglament.Calendar(region, decree_days_off=key[1])
    return _calendars[key]


def run_op(op: str, profile_name: Optional[str], inp: Dict[str, Any]) -> Any:
    if op == "calendar":
        cal = calendar(inp.get("region", "ru"), inp.get("options"))
        query, date = inp["query"], as_date(inp["date"])
        if query == "day":
            info = cal.day_info(date)
            kinds = sorted({note["kind"] for note in info["notes"]})
            return {k: info[k] for k in ("date", "working", "short", "provisional")} | {"kinds": kinds}  # type: ignore[literal-required]
        if query == "add_working_days":
            return {"date": cal.add_working_days(date, inp["n"]).isoformat()}
        if query == "next_working_day":
            return {"date": cal.next_working_day(date).isoformat()}
        if query == "previous_working_day":
            return {"date": cal.previous_working_day(date).isoformat()}
        if query == "working_days_between":
            return {"count": cal.working_days_between(date, as_date(inp["to"]))}
        raise AssertionError(f"unknown calendar query {query}")
    if op == "deadline":
        return reglament.deadline(
            as_instant(inp["start"]), inp["term"], zone=inp["zone"], region=inp.get("region", "ru"), options=inp.get("options"), sources=inp.get("sources")
        )
    if op in ("validate", "route", "plan"):
        p = profile(profile_name)
        message = with_instant(inp["message"])
        if op == "validate":
            return p.validate(message, inp.get("history"))
        if op == "route":
            return p.route(message)
        return p.plan(message)
    if op == "replay":
        p = profile(profile_name)
        return p.replay(with_instant(inp["message"]), inp.get("events", []), as_instant(inp["now"]))
    if op == "control":
        p = profile(profile_name)
        batch = [dict(item, message=with_instant(item["message"])) for item in inp["batch"]]
        return p.control_report(batch, as_instant(inp["now"]))
    if op == "can_view":
        return profile(profile_name).can_view(with_instant(inp["message"]), inp["viewer"], inp.get("events", []))
    raise NotImplementedError(op)


def with_instant(message: Any) -> Any:
    if isinstance(message, dict) and "sent_at" in message:
        return dict(message, sent_at=as_instant(message["sent_at"]))
    return message


# The arguments of the calendar calls are the fields of a case's `input`, so an
# error about an argument is about `input.<field>` (as the Rust runner names it).
ARGUMENT_FIELDS = {"date": "date", "start": "date", "end": "to"}


def case_path(op: str, path: Optional[str]) -> Optional[str]:
    if op == "deadline" and path and path.split(".")[0].split("[")[0] in ("term", "options", "sources", "zone", "region"):
        return "input." + path
    if op == "calendar" and path:
        head, sep, rest = path.partition(".")
        base, bracket, index = head.partition("[")
        if base in ARGUMENT_FIELDS:
            return "input." + ARGUMENT_FIELDS[base] + bracket + index + sep + rest
    return path


def judge(case: Dict[str, Any]) -> Optional[str]:
    """The mismatch of a case, or None when it passes."""
    try:
        actual = run_op(case["op"], case.get("profile"), case["input"])
    except reglament.ReglamentError as err:
        if "expect_error" not in case:
            return f"unexpected error: {err!r}"
        first = dict(err.errors[0]) if err.errors else {"code": err.code, "path": err.path}
        if first.get("path"):
            first["path"] = case_path(case["op"], first["path"])
        return subset_mismatch(case["expect_error"], first, "$error")
    if "expect_error" in case:
        return f"expected an error, got a result: {json.dumps(actual, ensure_ascii=False)[:300]}"
    if "expect" in case:
        return subset_mismatch(case["expect"], actual)
    return None

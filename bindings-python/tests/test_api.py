"""The Python API: profiles, calendar helpers, deadlines, batches, exceptions."""

from __future__ import annotations

import datetime
import pickle
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import reglament
from reglament import Calendar, Profile

MSK = ZoneInfo("Europe/Moscow")
ROOT = Path(__file__).resolve().parents[2]


def message(**over: object) -> reglament.Message:
    m: reglament.Message = {
        "channel": "web",
        "author": {"kind": "user", "auth": "portal"},
        "sent_at": datetime.datetime(2026, 3, 6, 11, 0, tzinfo=MSK),
        "text": "Во дворе дома на ул. Пушкина, 12 третью неделю не вывозят мусор. Прошу принять меры.",
        "attachments": [{"name": "1.jpg", "media_type": "image/jpeg", "size": 2_400_000}],
    }
    m.update(over)  # type: ignore[typeddict-item]
    return m


def test_builtin_names_load() -> None:
    names = Profile.builtin_names()
    assert "essentuki" in names and "tynda" in names
    for name in names:
        p = Profile.builtin(name)
        assert p.name == name
        assert repr(p) == f"<Profile {name!r}>"


def test_validate_returns_typed_dicts() -> None:
    v = Profile.builtin("essentuki").validate(message())
    assert set(v) >= {"findings", "ok", "privacy", "fingerprint"}
    assert isinstance(v["ok"], bool)
    assert v["privacy"]["must_be_non_public"] is False


def test_six_photos_for_essentuki() -> None:
    photos = [{"name": f"{i}.jpg", "media_type": "image/jpeg", "size": 100_000} for i in range(6)]
    v = Profile.builtin("essentuki").validate(message(attachments=photos))
    codes = [f["code"] for f in v["findings"]]
    assert "attachment_count" in codes
    assert v["ok"] is False


def test_phone_in_a_public_message_must_be_non_public() -> None:
    v = Profile.builtin("essentuki").validate(message(public=True, text="Яма у дома, звоните +7 (912) 345-67-89"))
    assert v["privacy"]["must_be_non_public"] is True
    assert "personal_data" in v["privacy"]["reasons"]


def test_route_and_plan() -> None:
    p = Profile.builtin("tynda")
    r = p.route(message(category="other"))
    assert r["category"] == "other" and r["organisation"]["id"]
    plan = p.plan(message())
    assert plan, "a plan has terms"
    for term in plan.values():
        datetime.datetime.fromisoformat(term["due"])
        assert term["explanation"]


def test_strings_and_datetimes_give_the_same_answer() -> None:
    p = Profile.builtin("essentuki")
    assert p.plan(message()) == p.plan(message(sent_at="2026-03-06T11:00:00+03:00"))


def test_history_is_used() -> None:
    p = Profile.builtin("essentuki")
    first = p.validate(message())
    history = [{"fingerprint": first["fingerprint"], "sent_at": datetime.datetime(2026, 3, 1, tzinfo=MSK)}]
    again = p.validate(message(), history)
    assert isinstance(again["findings"], list)


def test_calendar_helpers() -> None:
    cal = Calendar("ru")
    friday = datetime.date(2026, 3, 6)
    assert cal.add_working_days(friday, 1) == datetime.date(2026, 3, 10)
    assert cal.add_working_days("2026-03-10", -1) == friday
    assert cal.is_working_day(friday) is True
    assert cal.is_working_day(datetime.date(2026, 3, 9)) is False
    assert cal.next_working_day(friday) == datetime.date(2026, 3, 10)
    assert cal.previous_working_day(datetime.date(2026, 3, 10)) == friday
    assert cal.working_days_between(friday, datetime.date(2026, 3, 10)) == 1
    assert cal.day_info(datetime.date(2026, 3, 9))["working"] is False
    lo, hi = cal.range
    assert lo < hi
    assert Calendar("ru-ta").id == "ru-ta"
    assert Profile.builtin("mamadysh").calendar.id == "ru-ta"


def test_deadline() -> None:
    start = datetime.datetime(2026, 3, 6, 18, 0, tzinfo=MSK)
    r = reglament.deadline(start, {"amount": 1, "unit": "working_days"}, zone="Europe/Moscow")
    assert r["due_date"] == "2026-03-10"
    assert r["explanation"][0]["rule"] == "start"


def test_profile_from_str_and_file(tmp_path: Path) -> None:
    source = (ROOT / "rules" / "profiles" / "tynda.toml").read_text(encoding="utf-8")
    p = Profile.from_str(source, file_name="tynda.toml")
    assert p.plan(message()) == Profile.builtin("tynda").plan(message())
    f = tmp_path / "tynda.toml"
    f.write_text(source, encoding="utf-8")
    assert Profile.from_file(f).name == p.name
    assert Profile.from_file(str(f)).name == p.name


def test_batches_match_single_calls_and_release_the_gil() -> None:
    p = Profile.builtin("essentuki")
    messages = [message(text=f"Сообщение номер {i}: яма на дороге у дома {i}") for i in range(200)]
    assert p.validate_many(messages) == [p.validate(m) for m in messages]
    assert p.plan_many(messages) == [p.plan(m) for m in messages]
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(p.validate_many(messages))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)


def test_batch_error_names_the_item() -> None:
    bad = [message(), message(sent_at="yesterday")]
    with pytest.raises(reglament.InputError) as e:
        Profile.builtin("essentuki").validate_many(bad)
    assert e.value.path == "messages[1].sent_at"


def test_errors_are_picklable_and_typed() -> None:
    with pytest.raises(reglament.InputError) as e:
        Profile.builtin("essentuki").validate(message(attachments=[{"name": "a", "media_type": "image/jpeg", "size": "big"}]))
    err = e.value
    assert isinstance(err, ValueError) and isinstance(err, reglament.ReglamentError)
    assert err.code == "invalid_input" and err.path == "message.attachments[0].size"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is reglament.InputError
    assert (back.code, back.path, back.message, back.errors) == (err.code, err.path, err.message, err.errors)

    with pytest.raises(reglament.ProfileError) as pe:
        Profile.from_str("this is = not [toml", file_name="broken.toml")
    back = pickle.loads(pickle.dumps(pe.value))
    assert back.file == "broken.toml" and back.line == pe.value.line and back.diagnostics == pe.value.diagnostics

    for exc in (reglament.UnknownProfileError, reglament.OutOfRangeError):
        x = exc("m", "c", None, [])
        assert type(pickle.loads(pickle.dumps(x))) is exc


def test_api_schema_is_json_schema() -> None:
    import json

    schema = json.loads(reglament.api_schema())
    assert "Message" in schema["$defs"] and "Validation" in schema["$defs"]

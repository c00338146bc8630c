"""Bad input in Python is a typed exception, never a crash or a hang."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import reglament
from reglament import Calendar, Profile

MSK = ZoneInfo("Europe/Moscow")


@pytest.fixture(scope="module")
def essentuki() -> Profile:
    return Profile.builtin("essentuki")


def base(**over: Any) -> Any:
    m = {"sent_at": "2026-03-06T11:00:00+03:00", "text": "Яма на дороге у дома 5"}
    m.update(over)
    return m


@pytest.mark.parametrize(
    "msg,path",
    [
        (base(text=5), "message.text"),
        (base(attachments="photo.jpg"), "message.attachments"),
        (base(attachments=[{"name": "a.jpg", "media_type": "image/jpeg", "size": -1}]), "message.attachments[0].size"),
        (base(attachments=[{"name": "a.jpg", "media_type": "image/jpeg"}]), "message.attachments[0]"),
        (base(public="yes"), "message.public"),
        (base(sentAt="2026-03-06T11:00:00+03:00"), "message"),
        (base(channel="pigeon"), "message.channel"),
        (base(sent_at=datetime.datetime(2026, 3, 6, 11, 0)), "message.sent_at"),
        (base(sent_at="2026-03-06 noon"), "message.sent_at"),
        (base(event={"date": datetime.datetime(2026, 3, 6, 11, 0)}), "message.event.date"),
        (base(extra={1: "int key"}), "message.extra"),
        (base(extra={"x": object()}), "message.extra.x"),
        (base(extra={"x": float("nan")}), "message.extra.x"),
        (base(extra={"x": 10**30}), "message.extra.x"),
    ],
)
def test_wrong_types_name_the_path(essentuki: Profile, msg: Any, path: str) -> None:
    with pytest.raises(reglament.InputError) as e:
        essentuki.validate(msg)
    assert e.value.code == "invalid_input"
    assert e.value.path is not None and e.value.path.startswith(path), (e.value.path, e.value.message)


def test_not_a_dict(essentuki: Profile) -> None:
    for bad in (None, 5, "text", [1, 2]):
        with pytest.raises(reglament.InputError) as e:
            essentuki.plan(bad)
        assert e.value.path is not None and e.value.path.startswith("message")


def test_missing_sent_at(essentuki: Profile) -> None:
    with pytest.raises(reglament.InputError, match="sent_at"):
        essentuki.route({"text": "x"})


def test_naive_datetime_is_an_input_error(essentuki: Profile) -> None:
    with pytest.raises(reglament.InputError) as e:
        essentuki.plan(base(sent_at=datetime.datetime(2026, 3, 6, 11, 0)))
    assert "naive" in str(e.value)
    with pytest.raises(reglament.InputError):
        reglament.deadline(datetime.datetime(2026, 3, 6, 11, 0), {"amount": 1, "unit": "working_days"}, zone="Europe/Moscow")
    # An aware one works, in any zone.
    essentuki.plan(base(sent_at=datetime.datetime(2026, 3, 6, 8, 0, tzinfo=datetime.timezone.utc)))


def test_unknown_profile() -> None:
    with pytest.raises(reglament.UnknownProfileError) as e:
        Profile.builtin("atlantis")
    assert e.value.code == "unknown_profile" and isinstance(e.value, LookupError)
    assert "essentuki" in str(e.value)


def test_malformed_profile_file(tmp_path: Path) -> None:
    f = tmp_path / "broken.toml"
    f.write_text('id = "broken"\n[municipality]\nzone = \n', encoding="utf-8")
    with pytest.raises(reglament.ProfileError) as e:
        Profile.from_file(f)
    err = e.value
    assert err.code == "invalid_data"
    assert err.file == str(f) and err.line == 3 and isinstance(err.column, int)
    assert err.diagnostics and err.diagnostics[0]["location"]["line"] == 3

    g = tmp_path / "unknown-key.toml"
    g.write_text('extends = "essentuki"\nid = "x"\nno_such_key = 1\n', encoding="utf-8")
    with pytest.raises(reglament.ProfileError) as e2:
        Profile.from_file(g)
    assert e2.value.line == 3

    h = tmp_path / "latin1.toml"
    h.write_bytes('id = "é"'.encode("latin-1"))
    with pytest.raises(reglament.ProfileError):
        Profile.from_file(h)
    with pytest.raises(OSError):
        Profile.from_file(tmp_path / "missing.toml")


def test_huge_text_is_a_typed_error(essentuki: Profile) -> None:
    # Speed is measured by bench.py, never asserted in a test.
    text = "а" * (10 * 1024 * 1024 // 2)  # 10 MB of UTF-8
    for call in (essentuki.validate, essentuki.plan):
        with pytest.raises(reglament.InputError) as e:
            call(base(text=text))
        assert e.value.path == "text"


def test_deeply_nested_extra_is_refused(essentuki: Profile) -> None:
    deep: Any = []
    node = deep
    for _ in range(10_000):
        node.append([])
        node = node[0]
    with pytest.raises(reglament.InputError):
        essentuki.validate(base(extra={"deep": deep}))
    cyclic: Any = []
    cyclic.append(cyclic)
    with pytest.raises(reglament.InputError):
        essentuki.validate(base(extra={"cyclic": cyclic}))


def test_calendar_errors() -> None:
    with pytest.raises(reglament.InputError) as e:
        Calendar("mars")
    assert e.value.code == "unknown_region"
    cal = Calendar("ru")
    with pytest.raises(reglament.OutOfRangeError):
        cal.is_working_day(datetime.date(1900, 1, 1))
    with pytest.raises(reglament.OutOfRangeError):
        cal.add_working_days(datetime.date(2026, 1, 1), 10**9)
    with pytest.raises(reglament.InputError):
        cal.is_working_day("2026-02-30")
    with pytest.raises(reglament.InputError):
        cal.is_working_day(datetime.datetime(2026, 3, 6, tzinfo=MSK))
    with pytest.raises(reglament.InputError):
        cal.is_working_day(20260306)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.add_working_days(datetime.date(2026, 3, 6), "1")  # type: ignore[arg-type]


def test_deadline_errors() -> None:
    start = datetime.datetime(2026, 3, 6, 11, 0, tzinfo=MSK)
    with pytest.raises(reglament.InputError) as e:
        reglament.deadline(start, {"amount": 1, "unit": "fortnights"}, zone="Europe/Moscow")
    assert e.value.path == "term.unit"
    with pytest.raises(reglament.InputError) as e:
        reglament.deadline(start, {"amount": 1, "unit": "hours"}, zone="Mars/Olympus")
    assert e.value.code == "unknown_zone"

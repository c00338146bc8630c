"""The Arrow calls: plan_table and validate_table answer every row as the single calls do."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

import reglament
from reglament import Profile

pa = pytest.importorskip("pyarrow")

MSK = ZoneInfo("Europe/Moscow")
UTC = datetime.timezone.utc


def sendings() -> list[datetime.datetime]:
    """Every few hours over a year that holds holidays, transfers and working Saturdays."""
    start = datetime.datetime(2025, 12, 20, 0, 30, tzinfo=UTC)
    return [start + datetime.timedelta(hours=7 * i + (i % 5)) for i in range(0, 1400)]


@pytest.mark.parametrize("name", ["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda"])
def test_plan_table_agrees_with_plan(name: str) -> None:
    profile = Profile.builtin(name)
    sent = sendings()
    table = pa.table({"sent_at": pa.array(sent, pa.timestamp("us", tz="UTC"))})
    out = pa.table(profile.plan_table(table))
    assert out.num_rows == len(sent)
    assert out.column("error").null_count == len(sent)
    terms = [t for t, _ in profile.audit_terms()]
    assert "answer" in terms
    for i in range(0, len(sent), 37):
        plan = profile.plan({"sent_at": sent[i]})
        for term in terms:
            due = out.column(f"{term}_due")[i].as_py()
            day = out.column(f"{term}_due_date")[i].as_py()
            if term not in plan:
                assert due is None and day is None
                continue
            want = datetime.datetime.fromisoformat(plan[term]["due"])
            assert due == want and due.tzinfo is not None, (term, sent[i])
            assert day == datetime.date.fromisoformat(plan[term]["due_date"])
    # The zone of the due instants is the municipality's.
    assert out.schema.field("answer_due").type.tz == profile.zone


def test_text_instants_categories_and_fast_track() -> None:
    profile = Profile.builtin("mamadysh")
    rows = {
        "sent_at": ["2026-03-06T18:30:00+03:00", "2026-04-30T09:00:00+03:00", "2026-05-08T23:00:00+03:00"],
        "fast_track": ["d3", None, "d10"],
        "appeal_59fz": [False, True, None],
    }
    out = pa.table(profile.plan_table(pa.table(rows))).to_pylist()
    for i, row in enumerate(out):
        message: reglament.Message = {"sent_at": rows["sent_at"][i]}  # type: ignore[typeddict-item]
        if rows["fast_track"][i]:
            message["fast_track"] = rows["fast_track"][i]  # type: ignore[typeddict-item]
        if rows["appeal_59fz"][i]:
            message["appeal_59fz"] = True
        plan = profile.plan(message)
        for term, _ in profile.audit_terms():
            got = row[f"{term}_due"]
            assert (got.isoformat() if got else None) == (plan[term]["due"] if term in plan else None), (i, term)


def test_met_and_overdue_from_stopping_events_and_now() -> None:
    profile = Profile.builtin("essentuki")
    sent = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=MSK)
    due = datetime.datetime.fromisoformat(profile.plan({"sent_at": sent})["answer"]["due"])
    answered = [due - datetime.timedelta(hours=1), due + datetime.timedelta(days=7), None, None]
    table = pa.table({
        "sent_at": pa.array([sent] * 4, pa.timestamp("us", tz="Europe/Moscow")),
        "answered_at": pa.array(answered, pa.timestamp("us", tz="UTC")),
    })
    now = due + datetime.timedelta(days=14)
    out = pa.table(profile.plan_table(table, now=now)).to_pydict()
    assert out["answer_met"] == [True, False, False, False]
    late = profile.calendar.working_days_between(due.date(), (due + datetime.timedelta(days=7)).date())
    late_now = profile.calendar.working_days_between(due.date(), now.date())
    assert out["answer_overdue_working_days"] == [0, late, late_now, late_now]
    # Without `now`, an open term is neither met nor late.
    out = pa.table(profile.plan_table(table)).to_pydict()
    assert out["answer_met"] == [True, False, None, None]
    assert out["answer_overdue_working_days"] == [0, late, None, None]
    # No stopping column and no `now`: no judgement columns at all.
    out = pa.table(profile.plan_table(table.select(["sent_at"])))
    assert "answer_met" not in out.column_names and "registration_met" not in out.column_names


def test_bad_rows_get_an_error_naming_the_field_and_the_rest_are_answered() -> None:
    profile = Profile.builtin("essentuki")
    table = pa.table({
        "id": ["a", "b", "c", "d", "e"],
        "sent_at": ["2026-03-02T10:00:00+03:00", "not a date", None, "2026-03-02T10:00:00", "2099-01-01T10:00:00+03:00"],
        "category": ["all", "all", "all", "all", "all"],
        "answered_at": [None, None, None, None, "yesterday"],
    })
    out = pa.table(profile.plan_table(table)).to_pydict()
    assert out["id"] == ["a", "b", "c", "d", "e"]
    assert out["error"][0] is None and out["answer_due"][0] is not None
    for i in (1, 2, 3):
        assert out["error"][i].startswith("sent_at: "), out["error"][i]
        assert out["answer_due"][i] is None
    assert out["error"][4].startswith("answered_at: "), out["error"][4]
    # A category the profile does not know is answered as `plan` answers it.
    sent = "2026-03-02T10:00:00+03:00"
    out = pa.table(profile.plan_table(pa.table({"sent_at": [sent], "category": ["nope"]}))).to_pydict()
    assert out["answer_due"][0].isoformat() == profile.plan({"sent_at": sent, "category": "nope"})["answer"]["due"]


def test_a_column_of_the_wrong_type_fails_naming_it() -> None:
    profile = Profile.builtin("essentuki")
    with pytest.raises(reglament.InputError) as err:
        profile.plan_table(pa.table({"sent_at": [1, 2]}))
    assert err.value.path == "sent_at"
    with pytest.raises(reglament.InputError) as err:
        profile.plan_table(pa.table({"sent_at": pa.array([datetime.datetime(2026, 3, 2)], pa.timestamp("us"))}))
    assert err.value.path == "sent_at"
    with pytest.raises(reglament.InputError) as err:
        profile.plan_table(pa.table({"sent_at": ["2026-03-02T10:00:00+03:00"], "category": [3]}))
    assert err.value.path == "category"
    with pytest.raises((TypeError, ValueError)):
        profile.plan_table([{"sent_at": "2026-03-02T10:00:00+03:00"}])  # type: ignore[arg-type]


def test_batches_streams_and_empty_input() -> None:
    profile = Profile.builtin("tynda")
    table = pa.table({"sent_at": pa.array(sendings()[:3000], pa.timestamp("ms", tz="Asia/Yakutsk"))})
    whole = pa.table(profile.plan_table(table))
    batches = table.to_batches(max_chunksize=700)
    streamed = pa.table(profile.plan_table(pa.RecordBatchReader.from_batches(table.schema, batches)))
    assert streamed.equals(whole)
    one = pa.table(profile.plan_table(batches[0]))
    assert one.num_rows == 700
    empty = pa.table(profile.plan_table(table.schema.empty_table()))
    assert empty.num_rows == 0 and empty.schema == whole.schema


def test_explanations_only_where_asked_for() -> None:
    profile = Profile.builtin("essentuki")
    sent = "2026-03-07T11:00:00+03:00"
    out = pa.table(profile.plan_table(pa.table({"sent_at": [sent]}), explain=True)).to_pydict()
    import json

    assert json.loads(out["answer_explanation"][0]) == profile.plan({"sent_at": sent})["answer"]["explanation"]
    assert "answer_explanation" not in pa.table(profile.plan_table(pa.table({"sent_at": [sent]}))).column_names


def test_validate_table_agrees_with_validate() -> None:
    profile = Profile.builtin("essentuki")
    texts = ["Яма на дороге у дома 5", "", "Во дворе дома на ул. Пушкина, 12 третью неделю не вывозят мусор.", "ВСЕ ПЛОХО!!!"]
    table = pa.table({
        "sent_at": ["2026-03-06T11:00:00+03:00"] * 3 + ["bad"],
        "text": texts,
        "channel": ["web", "app", "phone", "web"],
    })
    out = pa.table(profile.validate_table(table)).to_pydict()
    for i in range(3):
        want = profile.validate({"sent_at": "2026-03-06T11:00:00+03:00", "text": texts[i], "channel": table["channel"][i].as_py()})
        assert out["findings"][i] == [f["code"] for f in want["findings"]]
        assert out["ok"][i] == want["ok"] and out["error"][i] is None
    assert out["findings"][3] is None and out["error"][3].startswith("sent_at")


def test_polars_reads_the_answer() -> None:
    pl = pytest.importorskip("polars")
    profile = Profile.builtin("essentuki")
    frame = pl.DataFrame({"sent_at": ["2026-03-02T10:00:00+03:00", "2026-03-07T11:00:00+03:00"]})
    out = pl.DataFrame(profile.plan_table(frame))
    assert out.height == 2 and "answer_due_date" in out.columns
    # polars.from_arrow reads a bare C stream as one struct column (polars' own choice).
    assert pl.from_arrow(profile.plan_table(frame)).struct.unnest().equals(out)

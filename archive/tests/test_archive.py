"""The archive examples: the generator, the DuckDB audit, and the same audit in Spark."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate  # noqa: E402

import reglament  # noqa: E402

ROWS = int(os.environ.get("REGLAMENT_ARCHIVE_ROWS", "20000"))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "archive.parquet"
    pq.write_table(generate.generate(ROWS, seed=7), path)
    return path


def test_generator_is_reproducible_and_covers_the_profiles() -> None:
    a, b = generate.generate(3000, seed=3), generate.generate(3000, seed=3)
    assert a.equals(b) and a.num_rows == 3000
    assert not a.equals(generate.generate(3000, seed=4))
    assert set(a.column("profile").to_pylist()) == set(generate.PROFILES)
    sent = a.column("sent_at").to_pylist()
    assert min(sent) >= generate.FIRST and max(sent) < generate.LAST + datetime.timedelta(days=1)
    # Answers come after sending; some are still open.
    answered = a.column("answered_at").to_pylist()
    assert all(x is None or x > s for x, s in zip(answered, sent))
    assert 0 < sum(x is None for x in answered) < 3000 * 0.1


def test_every_row_plans_as_plan_does(archive: Path) -> None:
    table = pq.read_table(archive)
    for name in generate.PROFILES:
        profile = reglament.Profile.builtin(name)
        rows = table.filter(pa.compute.equal(table["profile"], name))
        out = pa.table(profile.plan_table(rows, now="2026-12-01T00:00:00+03:00"))
        assert out["error"].null_count == rows.num_rows, out.filter(out["error"].is_valid())["error"][0]
        # A sample, row by row against the single call (a term the regulation leaves unset for a
        # row, such as Kislovodsk's answer, is null in both).
        for row in out.slice(0, 150).to_pylist():
            message: reglament.Message = {"sent_at": row["sent_at"], "category": row["category"]}
            if row["fast_track"]:
                message["fast_track"] = row["fast_track"]
            plan = profile.plan(message)
            for term, _ in profile.audit_terms():
                due = row[f"{term}_due"]
                assert (due.isoformat() if due else None) == (plan[term]["due"] if term in plan else None), (name, term)


def test_duckdb_audit_counts_what_python_counts(archive: Path) -> None:
    pytest.importorskip("duckdb")
    import duckdb_audit

    rows = duckdb_audit.audit(str(archive))
    assert sum(r[2] for r in rows) == ROWS
    # The same numbers computed row by row with the single `plan` call on a sample profile.
    table = pq.read_table(archive)
    name = "essentuki"
    mine = table.filter(pa.compute.equal(table["profile"], name)).to_pylist()
    profile = reglament.Profile.builtin(name)
    now = datetime.datetime.fromisoformat(duckdb_audit.NOW)
    late = 0
    for m in mine:
        message: reglament.Message = {"sent_at": m["sent_at"], "category": m["category"]}
        if m["fast_track"]:
            message["fast_track"] = m["fast_track"]
        plan = profile.plan(message)
        if "answer" in plan:
            late += (m["answered_at"] or now) > datetime.datetime.fromisoformat(plan["answer"]["due"])
    assert late > 0 and sum(r[3] for r in rows if r[0] == name) == late
    assert any(r[3] > 0 for r in rows) and all(r[3] < r[2] for r in rows)


@pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime")
def test_spark_gives_the_duckdb_numbers(archive: Path) -> None:
    pytest.importorskip("pyspark")
    pytest.importorskip("duckdb")
    import duckdb_audit
    import spark_audit

    spark = spark_audit.session("local[2]")
    try:
        assert spark_audit.audit(spark, str(archive)) == duckdb_audit.audit(str(archive))
    finally:
        spark.stop()

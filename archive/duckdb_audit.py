"""The curator's audit of an archive in DuckDB: per profile and organisation, how many messages,
how many answers came late (or are overdue as of ``NOW``), and by how many working days.

    python archive/duckdb_audit.py archive.parquet

Each profile's rows stream from the Parquet file through ``Profile.plan_table`` (all cores) into
DuckDB's aggregation; nothing is materialised.
"""

from __future__ import annotations

import sys
import time
from typing import Dict, List, Tuple

import duckdb

import reglament.duckdb

PROFILES = ["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda"]
#: The instant the audit judges open terms at.
NOW = "2026-12-01T00:00:00+03:00"

#: One audit row: (profile, organisation, messages, late answers, working days late in total,
#: late registrations).
Row = Tuple[str, str, int, int, int, int]


def audit(path: str, profiles: List[str] = PROFILES) -> List[Row]:
    """The audit of the Parquet archive at ``path``, one row per profile and organisation."""
    con = duckdb.connect()
    out: List[Row] = []
    for name in profiles:
        planned = reglament.duckdb.plan(con, name, f"read_parquet('{path}') WHERE profile = '{name}'", now=NOW)
        registration = (
            "count(*) FILTER (WHERE registration_met = false)"
            if "registration_met" in planned.schema.names
            else "0"
        )
        rows = con.sql(
            f"""
            SELECT '{name}' AS profile, organisation,
                   count(*) AS messages,
                   count(*) FILTER (WHERE answer_met = false) AS late_answers,
                   coalesce(sum(answer_overdue_working_days), 0) AS late_working_days,
                   {registration} AS late_registrations
            FROM planned GROUP BY organisation ORDER BY organisation
            """
        ).fetchall()
        out.extend((str(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows)
    return out


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "archive.parquet"
    start = time.perf_counter()
    rows = audit(path)
    took = time.perf_counter() - start
    print(f"{'profile':<12} {'organisation':<32} {'messages':>9} {'late':>7} {'days':>8} {'late reg':>8}")
    for r in rows:
        print(f"{r[0]:<12} {r[1]:<32} {r[2]:>9} {r[3]:>7} {r[4]:>8} {r[5]:>8}")
    total = sum(r[2] for r in rows)
    print(f"{total} messages audited in {took:.2f} s ({total / took / 1e6:.2f} M/s)")


if __name__ == "__main__":
    main()

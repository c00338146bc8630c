"""The archive figures of docs/figures.md, side by side in one pytest-benchmark run:

    RAYON_NUM_THREADS=1 python -m pytest archive/bench_figures.py --benchmark-only -q    # per core
    python -m pytest archive/bench_figures.py --benchmark-only -q                         # all cores

- the Arrow call (``Profile.plan_table``, a plan without explanations) over ``ROWS`` sendings;
- the fastest peer row by row: a Python loop calling numpy's ``busday_offset`` with
  python-holidays' Russian holidays (no working Saturdays, no zones, no start or closing rules);
- numpy's vectorised ``busday_offset`` over the same dates (the same limits);
- the DuckDB audit of a generated archive (``ARCHIVE_ROWS``, 10⁶ by default; 10⁷ for the figure).

Each test's ``extra_info`` holds the due dates it computes per call; divide by the median.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import reglament

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROWS = int(os.environ.get("ROWS", "1000000"))
ARCHIVE_ROWS = int(os.environ.get("ARCHIVE_ROWS", "1000000"))
START = np.datetime64("2024-01-01T00:00:00", "us")


def sendings(n: int) -> Any:
    rng = np.random.default_rng(1)
    return START + rng.integers(0, 2 * 365 * 86_400_000_000, size=n).astype("timedelta64[us]")


@pytest.fixture(scope="module")
def table() -> Any:
    return pa.table({"sent_at": pa.array(sendings(ROWS), pa.timestamp("us", tz="UTC"))})


@pytest.fixture(scope="module")
def holidays_ru() -> Any:
    import holidays

    days = holidays.country_holidays("RU", years=range(2024, 2027))
    return np.array(sorted(days), dtype="datetime64[D]")


def test_arrow_plan_table(benchmark: Any, table: Any) -> None:
    # Essentuki: two terms run from every sending (registration, answer), both computed per row.
    profile = reglament.Profile.builtin("essentuki")
    terms = len(profile.audit_terms())
    out = benchmark(profile.plan_table, table)
    assert pa.table(out)["error"].null_count == ROWS
    benchmark.extra_info["due_dates"] = ROWS * terms
    benchmark.extra_info["threads"] = os.environ.get("RAYON_NUM_THREADS", "all")


def test_numpy_busday_offset_python_loop(benchmark: Any, holidays_ru: Any) -> None:
    # A Python loop is ~100x slower: a tenth of the rows keeps the run short.
    days = sendings(ROWS // 10).astype("datetime64[D]")
    cal = np.busdaycalendar(holidays=holidays_ru)

    def loop() -> list:
        return [np.busday_offset(d, 5, roll="forward", busdaycal=cal) for d in days]

    benchmark(loop)
    benchmark.extra_info["due_dates"] = len(days)


def test_numpy_busday_offset_vectorised(benchmark: Any, holidays_ru: Any) -> None:
    days = sendings(ROWS).astype("datetime64[D]")
    cal = np.busdaycalendar(holidays=holidays_ru)
    benchmark(np.busday_offset, days, 5, roll="forward", busdaycal=cal)
    benchmark.extra_info["due_dates"] = ROWS


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import generate

    path = tmp_path_factory.mktemp("archive") / "archive.parquet"
    pq.write_table(generate.generate(ARCHIVE_ROWS, seed=1), path, row_group_size=1 << 17)
    return path


def test_duckdb_audit(benchmark: Any, archive: Path) -> None:
    import duckdb_audit

    rows = benchmark.pedantic(duckdb_audit.audit, args=(str(archive),), rounds=3, iterations=1)
    assert sum(r[2] for r in rows) == ARCHIVE_ROWS
    benchmark.extra_info["messages"] = ARCHIVE_ROWS

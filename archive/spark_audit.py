"""The DuckDB audit (``duckdb_audit.py``) in Apache Spark through ``mapInArrow``: the same rows,
the same numbers.

    python archive/spark_audit.py archive.parquet [master]     # master: local[2] by default

On a cluster, submit it with the reglament wheel available to the executors (``docs/bindings.md``).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, List

import reglament.spark
from duckdb_audit import NOW, PROFILES, Row


def session(master: str = "local[2]") -> Any:
    """A Spark session whose Python workers run this interpreter (so they import reglament)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName("reglament-audit")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "131072")
        .getOrCreate()
    )


def audit(spark: Any, path: str, profiles: List[str] = PROFILES) -> List[Row]:
    """The audit of the Parquet archive at ``path``, one row per profile and organisation."""
    from pyspark.sql import functions as F

    archive = spark.read.parquet(path)
    out: List[Row] = []
    for name in profiles:
        planned = reglament.spark.plan(archive.where(F.col("profile") == name), name, now=NOW)
        late_reg = (
            F.count_if(F.col("registration_met") == F.lit(False))
            if "registration_met" in planned.columns
            else F.lit(0)
        )
        rows = (
            planned.groupBy("organisation")
            .agg(
                F.count(F.lit(1)).alias("messages"),
                F.count_if(F.col("answer_met") == F.lit(False)).alias("late_answers"),
                F.coalesce(F.sum("answer_overdue_working_days"), F.lit(0)).alias("late_working_days"),
                late_reg.alias("late_registrations"),
            )
            .orderBy("organisation")
            .collect()
        )
        out.extend((name, str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows)
    return out


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "archive.parquet"
    spark = session(sys.argv[2] if len(sys.argv) > 2 else "local[2]")
    start = time.perf_counter()
    rows = audit(spark, path)
    took = time.perf_counter() - start
    for r in rows:
        print(f"{r[0]:<12} {r[1]:<32} {r[2]:>9} {r[3]:>7} {r[4]:>8} {r[5]:>8}")
    total = sum(r[2] for r in rows)
    print(f"{total} messages audited in {took:.2f} s ({total / took / 1e6:.2f} M/s)")
    spark.stop()


if __name__ == "__main__":
    main()

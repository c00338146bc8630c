"""Apache Spark: an archive audited by a profile beyond one machine, through ``mapInArrow``.

>>> planned = reglament.spark.plan(spark.read.parquet("archive.parquet").where("profile = 'tynda'"), "tynda")
>>> planned.groupBy("organisation").agg(F.count_if(~F.col("answer_met")))

Each executor's Python worker loads the profile once (kept in this module between batches and
tasks) and plans every Arrow batch with ``Profile.plan_table`` (the GIL released, all the cores
the worker has). The executors need the reglament wheel installed (``docs/bindings.md``: ship
it with ``--py-files`` or an environment archive). Needs ``pyspark`` and ``pyarrow``.
"""

from __future__ import annotations

import datetime
import importlib
from typing import Any, Dict, Iterator, Optional, Union

from ._reglament import Profile
from .arrow import _pyarrow, plan_schema

_Instant = Union[datetime.datetime, str]

#: The profiles a worker has loaded, by name: loaded on first use, then reused by every batch
#: and task the worker runs.
_LOADED: Dict[str, Profile] = {}


def _profile(name: str) -> Profile:
    profile = _LOADED.get(name)
    if profile is None:
        profile = _LOADED[name] = Profile.builtin(name)
    return profile


def _planner(name: str, now: Optional[_Instant], target: Any) -> Any:
    """The function each worker runs: record batches in, planned record batches out, cast to the
    schema Spark was promised (its timestamps are UTC in the session's zone)."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        pa = _pyarrow()
        profile = _profile(name)
        for batch in batches:
            for out in pa.table(profile.plan_table(batch, now=now)).to_batches():
                yield out.cast(target)

    return run


def plan(df: Any, profile: str, *, now: Optional[_Instant] = None) -> Any:
    """The DataFrame ``df`` (with the columns ``Profile.plan_table`` reads) planned under the
    built-in ``profile``: its columns followed by the plan's, as a Spark DataFrame."""
    types: Any = importlib.import_module("pyspark.sql.pandas.types")
    from_arrow_schema, to_arrow_schema = types.from_arrow_schema, types.to_arrow_schema

    zone = df.sparkSession.conf.get("spark.sql.session.timeZone")
    arrow_in = to_arrow_schema(df.schema, timezone=zone)
    arrow_out = plan_schema(Profile.builtin(profile), arrow_in, now=now)
    spark_out = from_arrow_schema(arrow_out, prefer_timestamp_ntz=False)
    target = to_arrow_schema(spark_out, timezone=zone)
    return df.mapInArrow(_planner(profile, now, target), spark_out)

"""DuckDB: SQL over an archive audited by a profile, on one machine.

>>> import duckdb, reglament.duckdb
>>> con = duckdb.connect()
>>> audit = reglament.duckdb.plan(con, "essentuki", "'archive.parquet' WHERE profile = 'essentuki'")
>>> con.sql("SELECT organisation, count(*) FILTER (WHERE answer_overdue_working_days > 0) FROM audit GROUP BY 1")

``plan`` reads ``SELECT * FROM <source>`` as an Arrow stream, plans every batch with
``Profile.plan_table`` (all cores, the GIL released) and answers a ``pyarrow.RecordBatchReader``
that DuckDB scans by its Python name (a replacement scan) or after ``con.register``. The stream
is read once: plan again for a second query, or materialise it (``CREATE TABLE … AS``).
Needs the ``duckdb`` and ``pyarrow`` packages.
"""

from __future__ import annotations

import datetime
from typing import Any, Optional, Union

from ._reglament import Profile
from .arrow import plan_reader

_Instant = Union[datetime.datetime, str]

#: Rows per Arrow batch read from DuckDB: big enough that each ``plan_table`` call keeps both
#: cores busy, small enough to stream.
BATCH_ROWS = 1 << 17


def plan(
    con: Any,
    profile: Union[str, Profile],
    source: str,
    *,
    now: Optional[_Instant] = None,
    batch_rows: int = BATCH_ROWS,
) -> Any:
    """The audit of ``SELECT * FROM <source>`` under ``profile`` (a built-in name or a
    ``Profile``), as a ``pyarrow.RecordBatchReader``. ``source`` is SQL text: a table name,
    ``'archive.parquet'``, ``read_parquet('archive/*.parquet') WHERE profile = 'tynda'``.
    ``now`` (an aware datetime or RFC 3339 text) judges the terms still open."""
    rules = profile if isinstance(profile, Profile) else Profile.builtin(profile)
    # A cursor of its own: the stream stays readable while `con` runs the query over it.
    relation = con.cursor().sql(f"SELECT * FROM {source}")
    # `to_arrow_reader` since DuckDB 1.4; `fetch_record_batch` before.
    read = getattr(relation, "to_arrow_reader", None) or relation.fetch_record_batch
    reader = read(batch_rows)
    return plan_reader(rules, reader, now=now)


def register(con: Any, name: str, profile: Union[str, Profile], source: str, *, now: Optional[_Instant] = None) -> None:
    """``plan`` registered in ``con`` as the view ``name``."""
    con.register(name, plan(con, profile, source, now=now))

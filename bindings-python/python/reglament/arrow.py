"""Arrow streams through a profile: the glue between ``Profile.plan_table`` and the engines that
hand an archive over batch by batch (DuckDB, Spark's ``mapInArrow``, a Parquet reader).

``Profile.plan_table`` itself needs no Python package; these helpers use pyarrow (install
``pyarrow``) only to re-chunk the answers into a ``pyarrow.RecordBatchReader``.
"""

from __future__ import annotations

import datetime
import importlib
from typing import Any, Iterable, Iterator, Optional, Union

from ._reglament import Profile

_Instant = Union[datetime.datetime, str]


def _pyarrow() -> Any:
    """pyarrow, imported when first needed (it is not a dependency of reglament)."""
    return importlib.import_module("pyarrow")


def plan_batches(profile: Profile, batches: Iterable[Any], *, now: Optional[_Instant] = None, explain: bool = False) -> Iterator[Any]:
    """Plans each Arrow record batch of ``batches`` (pyarrow ``RecordBatch`` objects) and yields
    the answers as pyarrow record batches: the input's columns followed by the plan's."""
    pa = _pyarrow()
    for batch in batches:
        yield from pa.table(profile.plan_table(batch, now=now, explain=explain)).to_batches()


def plan_schema(profile: Profile, schema: Any, *, now: Optional[_Instant] = None, explain: bool = False) -> Any:
    """The pyarrow schema ``plan_table`` answers with for input of ``schema``: the same for
    every batch, so an engine can be told it before the first row is planned."""
    pa = _pyarrow()
    return pa.table(profile.plan_table(schema.empty_table(), now=now, explain=explain)).schema


def plan_reader(profile: Profile, reader: Any, *, now: Optional[_Instant] = None, explain: bool = False) -> Any:
    """A ``pyarrow.RecordBatchReader`` planning ``reader`` (a pyarrow ``RecordBatchReader``)
    lazily, one batch at a time: an archive larger than memory streams through."""
    pa = _pyarrow()
    schema = plan_schema(profile, reader.schema, now=now, explain=explain)
    return pa.RecordBatchReader.from_batches(schema, plan_batches(profile, reader, now=now, explain=explain))

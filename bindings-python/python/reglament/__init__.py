"""reglament: the regulations of Russian citizen-feedback portals.

>>> import reglament
>>> profile = reglament.Profile.builtin("essentuki")
>>> report = profile.validate({"sent_at": "2026-03-07T11:00:00+03:00", "text": "..."})
>>> reglament.Calendar("ru").add_working_days(datetime.date(2026, 3, 6), 1)
datetime.date(2026, 3, 10)

Inputs are dicts shaped as ``reglament.types`` says (``datetime`` values must be aware);
answers are plain dicts with the same generated types. Errors are :class:`ReglamentError`
subclasses with ``code`` and ``path``.
"""

from __future__ import annotations

import datetime
import functools
from typing import Union

from . import _types as types
from ._errors import InputError, OutOfRangeError, ProfileError, ReglamentError, UnknownProfileError
from ._reglament import MAX_TEXT_BYTES, Calendar, Profile, api_schema
from ._types import (
    DayInfo,
    ErrorInfo,
    HistoryEntry,
    Message,
    Plan,
    Route,
    Term,
    TermResult,
    Validation,
)

__all__ = [
    "Calendar",
    "DayInfo",
    "ErrorInfo",
    "HistoryEntry",
    "InputError",
    "MAX_TEXT_BYTES",
    "Message",
    "OutOfRangeError",
    "Plan",
    "Profile",
    "ProfileError",
    "ReglamentError",
    "Route",
    "Term",
    "TermResult",
    "UnknownProfileError",
    "Validation",
    "api_schema",
    "deadline",
    "types",
]


@functools.lru_cache(maxsize=8)
def _calendar(region: str) -> Calendar:
    return Calendar(region)


def deadline(start: Union[datetime.datetime, str], term: Term, zone: str, region: str = "ru") -> TermResult:
    """Resolves a term from ``start`` (an aware datetime or RFC 3339 text) in ``zone`` under the
    production calendar of ``region`` (``"ru"``, ``"ru-ta"``)."""
    return _calendar(region).deadline(start, term, zone)

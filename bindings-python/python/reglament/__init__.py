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
from typing import Any, Dict, Optional, Union

from . import _types as types
from ._errors import InputError, OutOfRangeError, ProfileError, ReglamentError, UnknownProfileError
from ._reglament import MAX_TEXT_BYTES, Calendar, Profile, api_schema
from ._reglament import deadline as _deadline
from ._types import (
    CalendarOptions,
    DayInfo,
    ErrorInfo,
    HistoryEntry,
    Message,
    Plan,
    Replay,
    Route,
    Term,
    TermResult,
    TermSources,
    Validation,
    View,
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
    "Replay",
    "Route",
    "Term",
    "TermResult",
    "UnknownProfileError",
    "Validation",
    "View",
    "api_schema",
    "deadline",
    "types",
]


def deadline(
    start: Union[datetime.datetime, str],
    term: Term,
    zone: str,
    region: str = "ru",
    options: Optional[CalendarOptions] = None,
    sources: Optional[TermSources] = None,
) -> TermResult:
    """Resolves a term from ``start`` (an aware datetime or RFC 3339 text) in ``zone`` under the
    production calendar of ``region`` (``"ru"``, ``"ru-ta"``); ``sources`` are the clauses the
    explanation cites."""
    request: Dict[str, Any] = {"region": region, "zone": zone, "start": start, "term": term}
    if options is not None:
        request["options"] = options
    if sources is not None:
        request["sources"] = sources
    return _deadline(request)

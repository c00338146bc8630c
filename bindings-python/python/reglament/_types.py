# Generated from reglament::ffi::api_schema() by bindings-wasm/tests/generated_types.rs; do not edit.
"""The dict shapes of reglament's API: what the operations take and answer."""

from __future__ import annotations

import datetime
import sys
from typing import Any, Dict, List, Literal, Union

if sys.version_info >= (3, 11):
    from typing import NotRequired, TypedDict
else:
    from typing_extensions import NotRequired, TypedDict

__all__ = [
    "Attachment",
    "Auth",
    "Author",
    "AuthorKind",
    "CalendarOptions",
    "Channel",
    "Contact",
    "DayInfo",
    "DayKind",
    "DayNote",
    "Diagnostic",
    "ErrorInfo",
    "Event",
    "FastTrackSource",
    "Finding",
    "FindingSeverity",
    "HistoryEntry",
    "Location",
    "Message",
    "OnNonWorking",
    "Plan",
    "PlannedTerm",
    "PrivacyHint",
    "Route",
    "RoutedFastTrack",
    "RoutedOrganisation",
    "Severity",
    "Step",
    "Term",
    "TermResult",
    "TermSummary",
    "TermUnit",
    "Validation",
]

class Attachment(TypedDict):
    """An attached file, described as a browser `File` describes it."""

    media_type: str
    name: str
    needs_editing: NotRequired[bool | None]
    size: int

class Author(TypedDict):
    """Who sent the message."""

    auth: NotRequired[Auth | None]
    id: NotRequired[str | None]
    kind: NotRequired[AuthorKind]
    on_own_behalf: NotRequired[bool | None]

class CalendarOptions(TypedDict):
    """Switches that change what counts as a working day."""

    decree_days_off: NotRequired[bool]

class Contact(TypedDict):
    """How to reach the author."""

    email: NotRequired[str | None]
    name: NotRequired[str | None]
    phone: NotRequired[str | None]

class DayInfo(TypedDict):
    """Everything the calendar knows about one date."""

    date: str
    notes: list[DayNote]
    provisional: bool
    short: bool
    working: bool

# One listed entry of a day, with the act it comes from.
DayNote = TypedDict(
    "DayNote",
    {
        "from": "NotRequired[str | None]",
        "kind": "DayKind",
        "layer": "str",
        "note_en": "NotRequired[str | None]",
        "note_ru": "NotRequired[str | None]",
        "provisional": "bool",
        "source_en": "NotRequired[str | None]",
        "source_ru": "str",
        "source_short_en": "NotRequired[str | None]",
        "source_short_ru": "NotRequired[str | None]",
    },
)

class Diagnostic(TypedDict):
    """One problem found in a data file."""

    code: str
    help: NotRequired[str | None]
    location: NotRequired[Location | None]
    message: str
    severity: Severity

class ErrorInfo(TypedDict):
    """One error, flattened for bindings."""

    code: str
    help: NotRequired[str | None]
    location: NotRequired[Location | None]
    message: str
    path: NotRequired[str | None]

class Event(TypedDict):
    """When and where the reported event happened (Essentuki 19)."""

    date: NotRequired[str | datetime.date | None]
    place: NotRequired[str | None]
    time: NotRequired[str | datetime.time | None]

class Finding(TypedDict):
    """One thing validation found."""

    clause: NotRequired[str | None]
    code: str
    en: str
    field: str
    refusal: NotRequired[str | None]
    ru: str
    severity: FindingSeverity
    span: NotRequired[list[int] | None]

class HistoryEntry(TypedDict):
    """One earlier message of the same author, for duplicate detection (Essentuki 22)."""

    answer_due: NotRequired[str | datetime.datetime | None]
    fingerprint: str
    id: NotRequired[str | None]
    sent_at: str | datetime.datetime

class Location(TypedDict):
    """A position in a source file, 1-based as editors show it."""

    column: int
    file: str
    line: int

class Message(TypedDict):
    """A citizen's message."""

    appeal_59fz: NotRequired[bool]
    attachments: NotRequired[list[Attachment]]
    author: NotRequired[Author]
    category: NotRequired[str | None]
    channel: NotRequired[Channel | None]
    contact: NotRequired[Contact]
    event: NotRequired[Event]
    extra: NotRequired[Any]
    fast_track: NotRequired[str | None]
    id: NotRequired[str | None]
    public: NotRequired[bool]
    sent_at: str | datetime.datetime
    subcategory: NotRequired[str | None]
    text: NotRequired[str]

class PlannedTerm(TypedDict):
    """One planned term."""

    amount: int
    clause: str
    due: str
    due_date: str
    explanation: list[Step]
    provisional: NotRequired[list[str]]
    unit: TermUnit

class PrivacyHint(TypedDict):
    """Why a message must not be public, for a form to show before sending."""

    clause: NotRequired[str | None]
    must_be_non_public: bool
    reasons: list[str]

class Route(TypedDict):
    """Everything `route` says."""

    answer_term: NotRequired[TermSummary | None]
    category: str
    clause: str
    co_executors: list[RoutedOrganisation]
    fast_track: NotRequired[RoutedFastTrack | None]
    organisation: RoutedOrganisation
    path: list[str]

class RoutedFastTrack(TypedDict):
    """The fast-track level of a route."""

    clause: str
    level: str
    source: FastTrackSource

class RoutedOrganisation(TypedDict):
    """An organisation in a route."""

    id: str
    name_en: str
    name_ru: str
    placeholder: bool

class Step(TypedDict):
    """One step of an explanation."""

    clause: NotRequired[str | None]
    en: str
    ru: str
    rule: str

class Term(TypedDict):
    """A term: a duration and the conventions it is resolved by."""

    amount: int
    closing_time: NotRequired[str | datetime.time | None]
    cutoff: NotRequired[str | datetime.time | None]
    on_nonworking: NotRequired[OnNonWorking]
    start_on_working_day: NotRequired[bool]
    unit: TermUnit

class TermResult(TypedDict):
    """A resolved term."""

    counts_from: str
    due: str
    due_date: str
    explanation: list[Step]
    provisional: list[str]

class TermSummary(TypedDict):
    """A term summary: what governs the answer."""

    amount: int
    clause: str
    name: str
    unit: TermUnit

class Validation(TypedDict):
    """Everything `validate` says about a message."""

    findings: list[Finding]
    fingerprint: str
    ok: bool
    privacy: PrivacyHint

# How the author signed in.
Auth = Literal['portal', 'esia']

# Registered user or guest.
AuthorKind = Literal['user', 'guest']

# How the message reached the platform.
Channel = Literal['web', 'app', 'phone', 'epgu']

# What a listed day is.
DayKind = Literal['holiday', 'transfer_off', 'decree_off', 'regional_off', 'work_saturday', 'short_day']

# Where the fast-track level came from.
FastTrackSource = Literal['message', 'category']

# How serious a finding is.
FindingSeverity = Literal['error', 'warning']

# What happens when a calendar-day term's last day is not a working day.
OnNonWorking = Literal['next', 'previous', 'as_is']

Plan = Dict[str, PlannedTerm]

# How bad a diagnostic is.
Severity = Literal['error', 'warning']

# The unit a term is counted in.
TermUnit = Literal['calendar_days', 'working_days', 'hours']

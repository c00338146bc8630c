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
    "Action",
    "Actor",
    "AnswerResult",
    "AppliesTo",
    "Attachment",
    "Auth",
    "Author",
    "AuthorKind",
    "BatchItem",
    "Break",
    "CalendarOptions",
    "CallOutcome",
    "Channel",
    "Contact",
    "ControlReport",
    "Counters",
    "DayInfo",
    "DayKind",
    "DayNote",
    "DeadlineRequest",
    "Diagnostic",
    "Effect",
    "EffectStatus",
    "ErrorInfo",
    "Event",
    "Explanation",
    "FastTrackSource",
    "Finding",
    "FindingSeverity",
    "Form",
    "FormAttachments",
    "FormAuthor",
    "FormCategory",
    "FormField",
    "FormPublic",
    "FormRule",
    "FormRule2",
    "FormRule3",
    "FormRule4",
    "FormRule5",
    "FormRule6",
    "HistoryEntry",
    "LiveTerm",
    "Location",
    "Message",
    "OfficeHours",
    "Official",
    "OnNonWorking",
    "OverdueTerm",
    "Pending",
    "PendingKind",
    "Plan",
    "PlannedTerm",
    "PrivacyHint",
    "Rating",
    "Reason",
    "Recipient",
    "RefusedEvent",
    "Replay",
    "Role",
    "RoleActions",
    "Route",
    "RoutedFastTrack",
    "RoutedOrganisation",
    "Severity",
    "Signature",
    "State",
    "Step",
    "StoryStep",
    "Term",
    "TermResult",
    "TermSources",
    "TermStatus",
    "TermSummary",
    "TermUnit",
    "Validation",
    "View",
    "Visibility",
    "WorkflowEvent",
]

class Actor(TypedDict):
    """Who acts: the portal's id of the person and the roles they hold for this message."""

    id: str
    roles: NotRequired[list[Role]]

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

class BatchItem(TypedDict):
    """One message of a batch: the message and its event log so far."""

    events: NotRequired[list[WorkflowEvent]]
    message: Message

# A break in the working day, both ends local (`13:00`–`14:00`).
Break = TypedDict(
    "Break",
    {
        "from": "str | datetime.time",
        "to": "str | datetime.time",
    },
)

class CalendarOptions(TypedDict):
    """Switches that change what counts as a working day."""

    decree_days_off: NotRequired[bool]
    observes: NotRequired[AppliesTo]

class Contact(TypedDict):
    """How to reach the author."""

    email: NotRequired[str | None]
    name: NotRequired[str | None]
    phone: NotRequired[str | None]

class ControlReport(TypedDict):
    """Every overdue term of a batch at `now`."""

    messages: int
    messages_overdue: int
    now: str
    overdue: list[OverdueTerm]

class Counters(TypedDict):
    """The counters the regulations limit."""

    extensions: NotRequired[int]
    planned_date_extensions: NotRequired[int]
    postponements: int
    reworks: int
    votes: int
    votes_in_window: int

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

class DeadlineRequest(TypedDict):
    """A term to resolve on a built-in calendar."""

    options: NotRequired[CalendarOptions]
    region: NotRequired[str]
    sources: NotRequired[TermSources]
    start: str
    term: Term
    zone: str

class Diagnostic(TypedDict):
    """One problem found in a data file."""

    code: str
    help: NotRequired[str | None]
    location: NotRequired[Location | None]
    message: str
    severity: Severity

class Effect(TypedDict):
    """Something the platform owes: a notice, a publication, a reminder, an escalation."""

    at: str
    clause: str
    code: NotRequired[str | None]
    en: str
    kind: str
    ru: str
    status: EffectStatus
    to: Recipient

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

class Form(TypedDict):
    """Everything a message form under a profile offers."""

    act_ru: str
    attachments: FormAttachments
    author: FormAuthor
    categories: list[FormCategory]
    fields: list[FormField]
    language: NotRequired[FormRule | None]
    municipality_ru: str
    profile: str
    public: FormPublic
    regulation_en: str
    regulation_ru: str
    zone: str

class FormAttachments(TypedDict):
    """What may be attached."""

    accept: str
    editing_forbidden: NotRequired[FormRule2 | None]
    max_count: NotRequired[FormRule4 | None]
    max_total_bytes: NotRequired[FormRule5 | None]
    media_types: NotRequired[FormRule3 | None]

class FormAuthor(TypedDict):
    """Who may send, as the portal must know before showing the form."""

    esia_own_behalf_only: NotRequired[FormRule2 | None]
    esia_required: NotRequired[FormRule2 | None]
    guests_may_submit: NotRequired[FormRule2 | None]

class FormCategory(TypedDict):
    """One category, in tree order (a parent before its children)."""

    depth: int
    id: str
    name_en: str
    name_ru: str
    parent: NotRequired[str | None]

class FormField(TypedDict):
    """One field of the form, named by the message path validation uses."""

    citation: str
    clause: NotRequired[str | None]
    name: str
    required: bool

class FormPublic(TypedDict):
    """The public flag."""

    default: NotRequired[FormRule6 | None]
    default_public: bool
    personal_data_non_public: NotRequired[FormRule2 | None]
    user_chooses: NotRequired[FormRule2 | None]

class FormRule(TypedDict):
    """A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation."""

    citation: str
    clause: NotRequired[str | None]
    value: str

class FormRule2(TypedDict):
    """A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation."""

    citation: str
    clause: NotRequired[str | None]
    value: bool

class FormRule3(TypedDict):
    """A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation."""

    citation: str
    clause: NotRequired[str | None]
    value: list[str]

class FormRule4(TypedDict):
    """A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation."""

    citation: str
    clause: NotRequired[str | None]
    value: int

class FormRule5(TypedDict):
    """A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation."""

    citation: str
    clause: NotRequired[str | None]
    value: int

class FormRule6(TypedDict):
    """A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation."""

    citation: str
    clause: NotRequired[str | None]
    value: Visibility

class HistoryEntry(TypedDict):
    """One earlier message of the same author, for duplicate detection (Essentuki 22)."""

    answer_due: NotRequired[str | datetime.datetime | None]
    fingerprint: str
    id: NotRequired[str | None]
    sent_at: str | datetime.datetime

class LiveTerm(TypedDict):
    """A term running now."""

    amount: int
    clause: str
    due: str
    due_date: str
    explanation: NotRequired[Explanation | None]
    extensions: NotRequired[int]
    name: str
    overdue_working_days: NotRequired[int | None]
    provisional: NotRequired[list[str]]
    remind_at: NotRequired[str | None]
    start: str
    status: TermStatus
    unit: TermUnit

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

class OfficeHours(TypedDict):
    """The office hours a `working_hours` term counts in: one ordinary working day, local time."""

    closes: str | datetime.time
    lunch: NotRequired[Break | None]
    opens: str | datetime.time

class Official(TypedDict):
    """The official who signs an answer: position and full name (Tynda 3.5)."""

    name: NotRequired[str]
    position: NotRequired[str]

class OverdueTerm(TypedDict):
    """A term past due at `now`, with the message it belongs to."""

    category: NotRequired[str | None]
    clause: str
    due: str
    due_date: str
    index: int
    message_id: NotRequired[str | None]
    organisation: NotRequired[str | None]
    overdue_working_days: NotRequired[int | None]
    state: State
    term: str

class Pending(TypedDict):
    """A decision awaiting the heads (ПОС approval and sign-off)."""

    approvers: list[str]
    kind: PendingKind
    organisation: NotRequired[str | None]
    planned_date: NotRequired[str | None]
    result: NotRequired[AnswerResult | None]
    signer: NotRequired[str | None]
    text: NotRequired[str | None]

class PlannedTerm(TypedDict):
    """One planned term."""

    amount: int
    clause: str
    due: str
    due_date: str
    explanation: Explanation
    provisional: NotRequired[list[str]]
    remind_at: NotRequired[str | None]
    unit: TermUnit

class PrivacyHint(TypedDict):
    """Why a message must not be public, for a form to show before sending."""

    clause: NotRequired[str | None]
    must_be_non_public: bool
    reasons: list[str]

class Reason(TypedDict):
    """Why an event was refused, in both languages, with the clause when a regulation gives it."""

    clause: NotRequired[str | None]
    code: str
    en: str
    ru: str

class RefusedEvent(TypedDict):
    """An event the replay refused; it changed nothing."""

    action: Action
    actor: str
    at: str
    index: int
    reason: Reason

class Replay(TypedDict):
    """The whole answer of a replay."""

    allowed: list[RoleActions]
    category: NotRequired[str | None]
    counters: Counters
    effects: list[Effect]
    executor: NotRequired[str | None]
    is_final: bool
    now: str
    organisation: NotRequired[str | None]
    pending: NotRequired[Pending | None]
    planned_date: NotRequired[str | None]
    profile: str
    published: bool
    refused: list[RefusedEvent]
    registered_at: NotRequired[str | None]
    result: NotRequired[AnswerResult | None]
    state: State
    story: list[StoryStep]
    terms: list[LiveTerm]

class RoleActions(TypedDict):
    """The actions one role may take now."""

    actions: list[Action]
    role: Role

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

# An accepted event: one line of the message's story.
StoryStep = TypedDict(
    "StoryStep",
    {
        "action": "Action",
        "actor": "str",
        "at": "str",
        "from": "State",
        "index": "int",
        "to": "State",
    },
)

class Term(TypedDict):
    """A term: a duration and the conventions it is resolved by."""

    amount: int
    closing_time: NotRequired[str | datetime.time | None]
    cutoff: NotRequired[str | datetime.time | None]
    office_hours: NotRequired[OfficeHours | None]
    on_nonworking: NotRequired[OnNonWorking]
    start_on_working_day: NotRequired[bool]
    unit: TermUnit

class TermResult(TypedDict):
    """A resolved term."""

    counts_from: str
    due: str
    due_date: str
    explanation: Explanation
    provisional: list[str]

class TermSources(TypedDict):
    """The clauses behind a term, so each explanation step cites where it comes from."""

    cutoff: NotRequired[str | None]
    start: NotRequired[str | None]
    term: NotRequired[str | None]

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

class View(TypedDict):
    """Whether someone may read a message and its answer, and why."""

    allowed: bool
    reason: Reason

class WorkflowEvent(TypedDict):
    """One event of a message's log."""

    action: Action
    actor: Actor
    amount: NotRequired[int | None]
    approver: NotRequired[str | None]
    assignee: NotRequired[str | None]
    at: str | datetime.datetime
    category: NotRequired[str | None]
    co_approvers: NotRequired[list[str]]
    code: NotRequired[str | None]
    days: NotRequired[int | None]
    documents: NotRequired[int | None]
    official: NotRequired[Official | None]
    organisation: NotRequired[str | None]
    outcome: NotRequired[CallOutcome | None]
    planned_date: NotRequired[str | datetime.date | None]
    promise: NotRequired[bool]
    rating: NotRequired[Rating | None]
    reason: NotRequired[str | None]
    remarks: NotRequired[str | None]
    result: NotRequired[AnswerResult | None]
    signature: NotRequired[Signature | None]
    text: NotRequired[str | None]
    to: NotRequired[str | None]
    user: NotRequired[str | None]

# What someone does to a message: the `action` of an event.
Action = Literal['register', 'register_and_publish', 'refuse', 'change_category', 'change_organisation', 'register_call', 'assign', 'take_into_work', 'transfer', 'send_to_approval', 'return', 'accept', 'return_not_in_competence', 'answer', 'approve', 'decline', 'delegate', 'return_for_review', 'rate', 'vote', 'block_user', 'extend']

# The result of an answer (Mamadysh s.2, Tynda 3.5; smart city 39).
AnswerResult = Literal['solved', 'not_solved', 'postponed', 'rejected']

# Whom a regional act gives a day off to. Acts differ: most bind every employer in the region, some only the region's state bodies and the organisations they fund, so a municipal portal has to be able to say which it follows.
AppliesTo = Literal['everyone', 'state_and_municipal_bodies', 'state_bodies']

# How the author signed in.
Auth = Literal['portal', 'esia']

# Registered user or guest.
AuthorKind = Literal['user', 'guest']

# What became of a phone call (Essentuki 33.3-33.5, Kislovodsk 7.4).
CallOutcome = Literal['answered_at_once', 'contacts_given', 'written_message']

# How the message reached the platform.
Channel = Literal['web', 'app', 'phone', 'epgu']

# What a listed day is.
DayKind = Literal['holiday', 'transfer_off', 'decree_off', 'regional_off', 'work_saturday', 'short_day']

# Whether an effect is owed already.
EffectStatus = Literal['owed', 'scheduled']

Explanation = List[Step]

# Where the fast-track level came from.
FastTrackSource = Literal['message', 'category']

# How serious a finding is.
FindingSeverity = Literal['error', 'warning']

# What happens when a calendar-day term's last day is not a working day.
OnNonWorking = Literal['next', 'previous', 'as_is']

# What awaits the heads.
PendingKind = Literal['answer', 'transfer']

Plan = Dict[str, PlannedTerm]

# The applicant's rating of an answer.
Rating = Literal['positive', 'negative']

# To whom an effect is owed.
Recipient = Literal['applicant', 'organisation', 'public', 'authority', 'commission', 'user']

# A role a person holds on the portal; one person may hold several (Mamadysh annex 2).
Role = Literal['applicant', 'user', 'guest', 'moderator', 'operator', 'coordinator', 'executor', 'approver', 'signer', 'curator', 'administrator']

# How bad a diagnostic is.
Severity = Literal['error', 'warning']

# The electronic signature on a ПОС answer (Mamadysh s.2, s.3).
Signature = Literal['unep', 'ukep']

# Where a message stands.
State = Literal['moderation', 'acceptance', 'coordination', 'execution', 'approval', 'sign_off', 'postponed', 'answered', 'refused', 'transferred', 'referred']

# A term's standing at `now`.
TermStatus = Literal['on_time', 'due_today', 'overdue', 'open', 'closed']

# The unit a term is counted in.
TermUnit = Literal['calendar_days', 'working_days', 'hours', 'working_hours']

# Default visibility of a message.
Visibility = Literal['public', 'non_public']

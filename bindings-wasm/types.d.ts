// Generated from reglament::ffi::api_schema() by bindings-wasm/tests/generated_types.rs; do not edit.
// The JSON shapes of reglament's API: what the operations take and answer.

/** An attached file, described as a browser `File` describes it. */
export interface Attachment {
  /** Media type (`image/jpeg`). */
  media_type: string;
  /** File name. */
  name: string;
  /** The photo needs rotating, cropping or zooming to be read (Essentuki 26). */
  needs_editing?: boolean | null;
  /** Size in bytes. */
  size: number;
}

/** How the author signed in. */
export type Auth = "portal" | "esia";

/** Who sent the message. */
export interface Author {
  /** How they signed in, when known. */
  auth?: Auth | null;
  /** The portal's id of the author (used for votes and history). */
  id?: string | null;
  /** User or guest. */
  kind?: AuthorKind;
  /** Whether they write on their own behalf (ESIA users may only do so: Essentuki 16). */
  on_own_behalf?: boolean | null;
}

/** Registered user or guest. */
export type AuthorKind = "user" | "guest";

/** Switches that change what counts as a working day. */
export interface CalendarOptions {
  /** Count presidential decree days (2020, 2021) as non-working. They were days off with pay kept, and most regulations' terms did not run on them, hence the default `true`. */
  decree_days_off?: boolean;
}

/** How the message reached the platform. */
export type Channel = "web" | "app" | "phone" | "epgu";

/** How to reach the author. */
export interface Contact {
  /** E-mail. */
  email?: string | null;
  /** Full name. */
  name?: string | null;
  /** Phone. */
  phone?: string | null;
}

/** Everything the calendar knows about one date. */
export interface DayInfo {
  /** The date. */
  date: string;
  /** Listed entries, lowest layer first. */
  notes: DayNote[];
  /** Whether its status depends on an act not out yet. */
  provisional: boolean;
  /** Whether the day is shortened (art. 95). */
  short: boolean;
  /** Whether terms count this day. */
  working: boolean;
}

/** What a listed day is. */
export type DayKind = "holiday" | "transfer_off" | "decree_off" | "regional_off" | "work_saturday" | "short_day";

/** One listed entry of a day, with the act it comes from. */
export interface DayNote {
  /** For transfers: the day whose rest moved here. */
  from?: string | null;
  /** What the entry says the day is. */
  kind: DayKind;
  /** Id of the layer that lists it (`ru`, `ru-ta`, or a user's layer). */
  layer: string;
  /** English note. */
  note_en?: string | null;
  /** Russian note. */
  note_ru?: string | null;
  /** Whether the act behind it is not out yet. */
  provisional: boolean;
  /** The act: its English title, where known. */
  source_en?: string | null;
  /** The act: its Russian title. */
  source_ru: string;
  /** Short English citation of the act, where the layer gives one. */
  source_short_en?: string | null;
  /** Short Russian citation of the act, where the layer gives one. */
  source_short_ru?: string | null;
}

/** One problem found in a data file. */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `unknown_key`, `extends_cycle`. */
  code: string;
  /** How to fix it. */
  help?: string | null;
  /** Where it is, when known. */
  location?: Location | null;
  /** What is wrong, in English. */
  message: string;
  /** Error or warning. */
  severity: Severity;
}

/** One error, flattened for bindings. */
export interface ErrorInfo {
  /** Stable code (`invalid_input`, `out_of_range`, `unknown_profile`, or a diagnostic's code). */
  code: string;
  /** How to fix it. */
  help?: string | null;
  /** File, line and column, when the error is in a data file. */
  location?: Location | null;
  /** Human-readable message. */
  message: string;
  /** Path of the offending input field, when the error is about one. */
  path?: string | null;
}

/** When and where the reported event happened (Essentuki 19). */
export interface Event {
  /** Date of the event. */
  date?: string | null;
  /** Place: an address or a description. */
  place?: string | null;
  /** Local time of the event. */
  time?: string | null;
}

/** Where the fast-track level came from. */
export type FastTrackSource = "message" | "category";

/** One thing validation found. */
export interface Finding {
  /** The clause behind the rule («Essentuki 24»). */
  clause?: string | null;
  /** Stable code (`attachment_count`, `obscenity`, ...). */
  code: string;
  /** English text. */
  en: string;
  /** Path of the field it concerns (`text`, `attachments[5]`, `event.place`). */
  field: string;
  /** The refusal ground of the profile's catalogue a moderator would cite, if any. */
  refusal?: string | null;
  /** Russian text. */
  ru: string;
  /** Error or warning. */
  severity: FindingSeverity;
  /** Byte range in the text, for detections. */
  span?: number[] | null;
}

/** How serious a finding is. */
export type FindingSeverity = "error" | "warning";

/** One earlier message of the same author, for duplicate detection (Essentuki 22). */
export interface HistoryEntry {
  /** When its answer term ends; a repeat before then is a duplicate. */
  answer_due?: string | Date | null;
  /** Its text fingerprint ([`crate::detect::fingerprint`]). */
  fingerprint: string;
  /** The portal's id of that message. */
  id?: string | null;
  /** When it was sent. */
  sent_at: string | Date;
}

/** A position in a source file, 1-based as editors show it. */
export interface Location {
  /** 1-based column, in characters. */
  column: number;
  /** The file name as the author gave it (or `builtin:NAME` for embedded data). */
  file: string;
  /** 1-based line. */
  line: number;
}

/** A citizen's message. */
export interface Message {
  /** The platform flagged it as an appeal under 59-FZ (Mamadysh). */
  appeal_59fz?: boolean;
  /** Attached files. */
  attachments?: Attachment[];
  /** Who sent it. */
  author?: Author;
  /** Category id of the profile. */
  category?: string | null;
  /** How it arrived. */
  channel?: Channel | null;
  /** How to reach the author. */
  contact?: Contact;
  /** When and where it happened. */
  event?: Event;
  /** The portal's own data, carried through untouched. */
  extra?: unknown;
  /** A fast-track level id of the profile, set by the platform. */
  fast_track?: string | null;
  /** The portal's id of the message. */
  id?: string | null;
  /** The author asks for it to be public. */
  public?: boolean;
  /** When it arrived on the platform; terms run from here. */
  sent_at: string | Date;
  /** Subcategory id of the profile. */
  subcategory?: string | null;
  /** The text. */
  text?: string;
}

/** What happens when a calendar-day term's last day is not a working day. */
export type OnNonWorking = "next" | "previous" | "as_is";

export type Plan = { [key: string]: PlannedTerm };

/** One planned term. */
export interface PlannedTerm {
  /** Amount of the term. */
  amount: number;
  /** The clause that sets it. */
  clause: string;
  /** Due instant, RFC 3339 with the municipality's local offset. */
  due: string;
  /** Last day, local. */
  due_date: string;
  /** Each step with the rule and clause behind it. */
  explanation: Step[];
  /** Provisional calendar days it depends on. */
  provisional?: string[];
  /** Unit of the term. */
  unit: TermUnit;
}

/** Why a message must not be public, for a form to show before sending. */
export interface PrivacyHint {
  /** The clause behind it. */
  clause?: string | null;
  /** The message must be non-public (or is refused if it stays public). */
  must_be_non_public: boolean;
  /** Codes of the reasons: `personal_data`, `medical_data`. */
  reasons: string[];
}

/** Everything `route` says. */
export interface Route {
  /** The answer term that follows; `None` when the regulation sets none. */
  answer_term?: TermSummary | null;
  /** The category routed (the subcategory when given). */
  category: string;
  /** Clause of the routing. */
  clause: string;
  /** Co-executors. */
  co_executors: RoutedOrganisation[];
  /** The fast-track level, if any. */
  fast_track?: RoutedFastTrack | null;
  /** The responsible organisation. */
  organisation: RoutedOrganisation;
  /** The category and its ancestors, nearest first. */
  path: string[];
}

/** The fast-track level of a route. */
export interface RoutedFastTrack {
  /** Clause. */
  clause: string;
  /** Level id (`ft1`, `d5`, `fast`). */
  level: string;
  /** Where it came from. */
  source: FastTrackSource;
}

/** An organisation in a route. */
export interface RoutedOrganisation {
  /** Stable id of the profile. */
  id: string;
  /** English name. */
  name_en: string;
  /** Russian name. */
  name_ru: string;
  /** The profile stands in for an organisation the regulation does not name. */
  placeholder: boolean;
}

/** How bad a diagnostic is. */
export type Severity = "error" | "warning";

/** One step of an explanation. */
export interface Step {
  /** The regulation clause or law behind it. */
  clause?: string | null;
  /** The step in English. */
  en: string;
  /** The step in Russian. */
  ru: string;
  /** Stable code of the rule applied: `start`, `start_moved`, `before_cutoff`, `after_cutoff`, `counted`, `last_day_moved`, `closes`, `rolling_window`, `provisional`. */
  rule: string;
}

/** A term: a duration and the conventions it is resolved by. */
export interface Term {
  /** How many units; never negative. */
  amount: number;
  /** The closing time of the last day; 23:59:59 (art. 194) when unset. */
  closing_time?: string | null;
  /** Same-day cutoff: before it on a working day counts that day, else the next working day. */
  cutoff?: string | null;
  /** What a non-working last day does. */
  on_nonworking?: OnNonWorking;
  /** A start on a non-working day moves to the next working day (Essentuki 34.10). */
  start_on_working_day?: boolean;
  /** The unit. */
  unit: TermUnit;
}

/** A resolved term. */
export interface TermResult {
  /** The day the term counts from (after any move to a working day or cutoff). */
  counts_from: string;
  /** The due instant, RFC 3339 with the zone's local offset. */
  due: string;
  /** The last day of the term, local. */
  due_date: string;
  /** Each step with the rule and clause behind it. */
  explanation: Step[];
  /** Provisional calendar days the result depends on (empty when all acts are out). */
  provisional: string[];
}

/** A term summary: what governs the answer. */
export interface TermSummary {
  /** Amount. */
  amount: number;
  /** Clause. */
  clause: string;
  /** Term name (`answer`, `answer_59fz`) or fast-track level id. */
  name: string;
  /** Unit. */
  unit: TermUnit;
}

/** The unit a term is counted in. */
export type TermUnit = "calendar_days" | "working_days" | "hours";

/** Everything `validate` says about a message. */
export interface Validation {
  /** Findings in a stable order: by field, then code. */
  findings: Finding[];
  /** Fingerprint of the text, to keep in the author's history for duplicate checks. */
  fingerprint: string;
  /** `true` when no finding is an error. */
  ok: boolean;
  /** Whether it must be non-public, whatever the author chose. */
  privacy: PrivacyHint;
}

/** The tagged answer of an operation (the browser module returns it as is). */
export type Answer<T> =
  | { type: "success"; value: T }
  | { type: "failure"; errors: ErrorInfo[] };

// Generated from reglament::ffi::api_schema() by bindings-wasm/tests/generated_types.rs; do not edit.
// The JSON shapes of reglament's API: what the operations take and answer.

/** What someone does to a message: the `action` of an event. */
export type Action = "register" | "register_and_publish" | "refuse" | "change_category" | "change_organisation" | "register_call" | "assign" | "take_into_work" | "transfer" | "send_to_approval" | "return" | "accept" | "return_not_in_competence" | "answer" | "approve" | "decline" | "delegate" | "return_for_review" | "rate" | "vote" | "block_user" | "extend";

/** Who acts: the portal's id of the person and the roles they hold for this message. */
export interface Actor {
  /** The portal's id of the person (a guest's session id for a guest). */
  id: string;
  /** The roles they hold; one person may hold several. */
  roles?: Role[];
}

/** The result of an answer (Mamadysh s.2, Tynda 3.5; smart city 39). */
export type AnswerResult = "solved" | "not_solved" | "postponed" | "rejected";

/** Whom a regional act gives a day off to. Acts differ: most bind every employer in the region, some only the region's state bodies and the organisations they fund, so a municipal portal has to be able to say which it follows. */
export type AppliesTo = "everyone" | "state_and_municipal_bodies" | "state_bodies";

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

/** One message of a batch: the message and its event log so far. */
export interface BatchItem {
  /** Its events, in order (none: just sent). */
  events?: WorkflowEvent[];
  /** The message. */
  message: Message;
}

/** A break in the working day, both ends local (`13:00`–`14:00`). */
export interface Break {
  /** When the break starts. */
  from: string;
  /** When work resumes. */
  to: string;
}

/** Switches that change what counts as a working day. */
export interface CalendarOptions {
  /** Count presidential decree days (2020, 2021) as non-working. They were days off with pay kept, and most regulations' terms did not run on them, hence the default `true`. */
  decree_days_off?: boolean;
  /** Whose days off the calendar keeps: a day a layer gives only to some bodies ([`DayEntry::applies_to`]) counts when `observes` is that scope or a narrower one.  - `everyone`: only days the acts give to every employer (a private firm's calendar); - `state_and_municipal_bodies` (default): also the days given to state *and municipal*   bodies. Every portal the library serves is run by a municipal body, whose staff keep   those days; days an act gives to the region's *state* bodies alone do not bind it; - `state_bodies`: every day, for a regional state body's portal (or a municipality whose   own act adopts the region's state-body days). */
  observes?: AppliesTo;
}

/** What became of a phone call (Essentuki 33.3-33.5, Kislovodsk 7.4). */
export type CallOutcome = "answered_at_once" | "contacts_given" | "written_message";

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

/** Every overdue term of a batch at `now`. */
export interface ControlReport {
  /** How many messages were replayed. */
  messages: number;
  /** How many of them have at least one overdue term. */
  messages_overdue: number;
  /** The instant the batch is judged at. */
  now: string;
  /** The overdue terms, the earliest due first (then by batch order). */
  overdue: OverdueTerm[];
}

/** The counters the regulations limit. */
export interface Counters {
  /** Extensions of the answer term accepted (`extend`); `[limits] extension` `times` bounds them. */
  extensions?: number;
  /** Moves of a postponed answer's planned date («запланировано», moved on by `extend`), over the message's whole life: each by at most the extension's amount, their number not bounded (a portal reports it). */
  planned_date_extensions?: number;
  /** «Отложено» answers delivered. */
  postponements: number;
  /** Times sent back for rework after a negative rating. */
  reworks: number;
  /** Votes accepted. */
  votes: number;
  /** Votes accepted within the vote window. */
  votes_in_window: number;
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
  /** Whether the act behind it is not out yet or not confirmed. */
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

/** A term to resolve on a built-in calendar. */
export interface DeadlineRequest {
  /** Calendar switches. */
  options?: CalendarOptions;
  /** Calendar region: any built-in code (`ru`, `ru-ta`, `ru-sta`, ...), layers stacked with `+` (`ru+ru-sta`); `ru` when omitted. */
  region?: string;
  /** Clauses to cite in the explanation. */
  sources?: TermSources;
  /** Start instant, RFC 3339 with offset. */
  start: string;
  /** The term. */
  term: Term;
  /** IANA time zone of the municipality. */
  zone: string;
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

/** Something the platform owes: a notice, a publication, a reminder, an escalation. */
export interface Effect {
  /** When it is owed. */
  at: string;
  /** The clause that makes the platform owe it. */
  clause: string;
  /** A code that goes with it (the refusal ground of `notice_refused`). */
  code?: string | null;
  /** English text. */
  en: string;
  /** Effect name (`notice_registered`, `notice_refused`, `escalation_votes`, ...). */
  kind: string;
  /** Russian text. */
  ru: string;
  /** Owed now or later. */
  status: EffectStatus;
  /** To whom. */
  to: Recipient;
}

/** Whether an effect is owed already. */
export type EffectStatus = "owed" | "scheduled";

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

export type Explanation = Step[];

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

/** Everything a message form under a profile offers. */
export interface Form {
  /** Full title of the act, in Russian. */
  act_ru: string;
  /** What may be attached. */
  attachments: FormAttachments;
  /** Who may send. */
  author: FormAuthor;
  /** The category tree (empty when the profile lists none). */
  categories: FormCategory[];
  /** The fields, in the order a form shows them. */
  fields: FormField[];
  /** The language messages must be written in, when the regulation sets one. */
  language?: FormRule | null;
  /** Municipality, in Russian. */
  municipality_ru: string;
  /** Profile id. */
  profile: string;
  /** The public flag. */
  public: FormPublic;
  /** Short name of the regulation as citations start («Essentuki»). */
  regulation_en: string;
  /** Short name of the regulation, in Russian. */
  regulation_ru: string;
  /** IANA time zone of the municipality (event times are local to it). */
  zone: string;
}

/** What may be attached. */
export interface FormAttachments {
  /** The file picker's `accept` value for those formats (empty: any file). */
  accept: string;
  /** Photos needing rotation, cropping or zoom are refused. */
  editing_forbidden?: FormRule2 | null;
  /** Most files. */
  max_count?: FormRule4 | null;
  /** Most bytes in total. */
  max_total_bytes?: FormRule5 | null;
  /** Allowed formats as the profile lists them (media types or extensions). */
  media_types?: FormRule3 | null;
}

/** Who may send, as the portal must know before showing the form. */
export interface FormAuthor {
  /** Through ESIA only on one's own behalf. */
  esia_own_behalf_only?: FormRule2 | null;
  /** Sending needs signing in through ESIA (Gosuslugi). */
  esia_required?: FormRule2 | null;
  /** A guest (not signed in) may send: `false` with the clause when the regulation says so. */
  guests_may_submit?: FormRule2 | null;
}

/** One category, in tree order (a parent before its children). */
export interface FormCategory {
  /** Depth in the tree: 0 for a root. */
  depth: number;
  /** Id, the value of `category` (or `subcategory` for a child). */
  id: string;
  /** Name in English. */
  name_en: string;
  /** Name in Russian. */
  name_ru: string;
  /** Parent id. */
  parent?: string | null;
}

/** One field of the form, named by the message path validation uses. */
export interface FormField {
  /** The full citation. */
  citation: string;
  /** The clause that asks for it, `None` when it is the portal's own choice. */
  clause?: string | null;
  /** Message path: `text`, `category`, `event.date`, `event.time`, `event.place`, `contact.name`, `contact.phone`. */
  name: string;
  /** Whether the message is refused without it. */
  required: boolean;
}

/** The public flag. */
export interface FormPublic {
  /** The clause of the default. */
  default?: FormRule6 | null;
  /** Whether the box starts ticked, from the profile's default visibility (ticked when the regulation gives no default: the author sees and decides). */
  default_public: boolean;
  /** Personal data make the message non-public. */
  personal_data_non_public?: FormRule2 | null;
  /** The author chooses (offer the checkbox). */
  user_chooses?: FormRule2 | null;
}

/** A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation. */
export interface FormRule {
  /** The citation validation's findings carry («Essentuki 24»). */
  citation: string;
  /** The clause of the regulation, `None` when the value is the portal's own choice. */
  clause?: string | null;
  /** The value. */
  value: string;
}

/** A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation. */
export interface FormRule2 {
  /** The citation validation's findings carry («Essentuki 24»). */
  citation: string;
  /** The clause of the regulation, `None` when the value is the portal's own choice. */
  clause?: string | null;
  /** The value. */
  value: boolean;
}

/** A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation. */
export interface FormRule3 {
  /** The citation validation's findings carry («Essentuki 24»). */
  citation: string;
  /** The clause of the regulation, `None` when the value is the portal's own choice. */
  clause?: string | null;
  /** The value. */
  value: string[];
}

/** A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation. */
export interface FormRule4 {
  /** The citation validation's findings carry («Essentuki 24»). */
  citation: string;
  /** The clause of the regulation, `None` when the value is the portal's own choice. */
  clause?: string | null;
  /** The value. */
  value: number;
}

/** A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation. */
export interface FormRule5 {
  /** The citation validation's findings carry («Essentuki 24»). */
  citation: string;
  /** The clause of the regulation, `None` when the value is the portal's own choice. */
  clause?: string | null;
  /** The value. */
  value: number;
}

/** A profile value as a form needs it: the value, the bare clause for a short reference («п. 24»), and the full citation. */
export interface FormRule6 {
  /** The citation validation's findings carry («Essentuki 24»). */
  citation: string;
  /** The clause of the regulation, `None` when the value is the portal's own choice. */
  clause?: string | null;
  /** The value. */
  value: Visibility;
}

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

/** A term running now. */
export interface LiveTerm {
  /** Amount (0 for a planned date). */
  amount: number;
  /** The clause that sets it. */
  clause: string;
  /** Due instant, local offset. */
  due: string;
  /** Last day, local. */
  due_date: string;
  /** How it was counted, step by step (absent for a planned date). */
  explanation?: Explanation | null;
  /** How many times it was extended (`extend`): the answer term, or the planned date since the postponed answer that set it; absent when never. */
  extensions?: number;
  /** Term name (`registration`, `answer`, `rework`, `vote_window`, `planned_date`, ...). */
  name: string;
  /** Working days past the due date, when overdue. */
  overdue_working_days?: number | null;
  /** Provisional calendar days it depends on. */
  provisional?: string[];
  /** When the reminder before it is owed, where the profile sets one (`[sla] reminder`). */
  remind_at?: string | null;
  /** The instant it counts from. */
  start: string;
  /** Standing at `now`. */
  status: TermStatus;
  /** Unit. */
  unit: TermUnit;
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

/** The office hours a `working_hours` term counts in: one ordinary working day, local time. */
export interface OfficeHours {
  /** When it closes on an ordinary working day (`18:00`); an hour earlier on a shortened pre-holiday day (art. 95). */
  closes: string;
  /** The lunch break, if any (`13:00`–`14:00`); not counted. */
  lunch?: Break | null;
  /** When the office opens (`09:00`). */
  opens: string;
}

/** The official who signs an answer: position and full name (Tynda 3.5). */
export interface Official {
  /** Full name. */
  name?: string;
  /** Position. */
  position?: string;
}

/** What happens when a calendar-day term's last day is not a working day. */
export type OnNonWorking = "next" | "previous" | "as_is";

/** A term past due at `now`, with the message it belongs to. */
export interface OverdueTerm {
  /** The category (as changed by the moderator, else the message's). */
  category?: string | null;
  /** The clause that sets the term. */
  clause: string;
  /** Due instant, local offset. */
  due: string;
  /** Last day, local. */
  due_date: string;
  /** Index of the message in the batch. */
  index: number;
  /** The message's id, when it has one. */
  message_id?: string | null;
  /** The executor organisation, when changed or transferred. */
  organisation?: string | null;
  /** Working days past the due date. */
  overdue_working_days?: number | null;
  /** Where the message stands. */
  state: State;
  /** Term name (`registration`, `answer`, `rework`, `planned_date`, ...). */
  term: string;
}

/** A decision awaiting the heads (ПОС approval and sign-off). */
export interface Pending {
  /** Co-approving heads who have not approved yet. */
  approvers: string[];
  /** `answer` or `transfer`. */
  kind: PendingKind;
  /** The organisation of a transfer. */
  organisation?: string | null;
  /** The date a postponed answer is postponed until. */
  planned_date?: string | null;
  /** The answer's result. */
  result?: AnswerResult | null;
  /** The head who signs it off, when named. */
  signer?: string | null;
  /** The answer text (as edited by the heads). */
  text?: string | null;
}

/** What awaits the heads. */
export type PendingKind = "answer" | "transfer";

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
  explanation: Explanation;
  /** Provisional calendar days it depends on. */
  provisional?: string[];
  /** When the reminder before it is owed, where the profile sets one (`[sla] reminder`). */
  remind_at?: string | null;
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

/** The applicant's rating of an answer. */
export type Rating = "positive" | "negative";

/** Why an event was refused, in both languages, with the clause when a regulation gives it. */
export interface Reason {
  /** Citation («Essentuki 50.2»), when a clause is behind the refusal. */
  clause?: string | null;
  /** Stable code (`role_missing`, `wrong_state`, `negative_rating_without_remarks`, ...). */
  code: string;
  /** English text. */
  en: string;
  /** Russian text. */
  ru: string;
}

/** To whom an effect is owed. */
export type Recipient = "applicant" | "organisation" | "public" | "authority" | "commission" | "user";

/** An event the replay refused; it changed nothing. */
export interface RefusedEvent {
  /** The action. */
  action: Action;
  /** Who tried. */
  actor: string;
  /** When it was to happen. */
  at: string;
  /** Index of the event in the log. */
  index: number;
  /** Why it was refused. */
  reason: Reason;
}

/** The whole answer of a replay. */
export interface Replay {
  /** The actions each role may take now. */
  allowed: RoleActions[];
  /** The category (as changed by the moderator). */
  category?: string | null;
  /** Counters. */
  counters: Counters;
  /** What the platform owes. */
  effects: Effect[];
  /** The executor's id, when one is assigned. */
  executor?: string | null;
  /** The state is final (the officials owe nothing more unless the applicant acts). */
  is_final: boolean;
  /** The instant the replay is judged at. */
  now: string;
  /** The executor organisation, when changed or transferred. */
  organisation?: string | null;
  /** The decision awaiting the heads. */
  pending?: Pending | null;
  /** The date the answer is postponed until or planned for. */
  planned_date?: string | null;
  /** Profile id. */
  profile: string;
  /** Whether the message is published (visible to everyone). */
  published: boolean;
  /** Events refused, with reasons. */
  refused: RefusedEvent[];
  /** When it was registered. */
  registered_at?: string | null;
  /** The latest answer's result. */
  result?: AnswerResult | null;
  /** Where the message stands. */
  state: State;
  /** Events accepted, in order. */
  story: StoryStep[];
  /** Every term running now, with its standing. */
  terms: LiveTerm[];
}

/** A role a person holds on the portal; one person may hold several (Mamadysh annex 2). */
export type Role = "applicant" | "user" | "guest" | "moderator" | "operator" | "coordinator" | "executor" | "approver" | "signer" | "curator" | "administrator";

/** The actions one role may take now. */
export interface RoleActions {
  /** What it may do in the current state (person-specific guards aside). */
  actions: Action[];
  /** The role. */
  role: Role;
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

/** The electronic signature on a ПОС answer (Mamadysh s.2, s.3). */
export type Signature = "unep" | "ukep";

/** Where a message stands. */
export type State = "moderation" | "acceptance" | "coordination" | "execution" | "approval" | "sign_off" | "postponed" | "answered" | "refused" | "transferred" | "referred";

/** One step of an explanation. */
export interface Step {
  /** The regulation clause or law behind it. */
  clause?: string | null;
  /** The step in English. */
  en: string;
  /** The step in Russian. */
  ru: string;
  /** Stable code of the rule applied: `start`, `start_moved`, `before_cutoff`, `after_cutoff`, `counted`, `skipped`, `last_day_moved`, `last_day_kept`, `closes`, `rolling_window`, `office_opening`, `working_hours`, `short_day`, `extended`, `provisional`. */
  rule: string;
}

/** An accepted event: one line of the message's story. */
export interface StoryStep {
  /** What. */
  action: Action;
  /** Who. */
  actor: string;
  /** When. */
  at: string;
  /** State before. */
  from: State;
  /** Index of the event in the log. */
  index: number;
  /** State after. */
  to: State;
}

/** A term: a duration and the conventions it is resolved by. */
export interface Term {
  /** How many units; never negative. */
  amount: number;
  /** The closing time of the last day; 23:59:59 (art. 194) when unset. */
  closing_time?: string | null;
  /** Same-day cutoff: before it on a working day counts that day, else the next working day. */
  cutoff?: string | null;
  /** The office hours a `working_hours` term counts in (a profile's `[office_hours]`); required for that unit, unused by the others. */
  office_hours?: OfficeHours | null;
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
  explanation: Explanation;
  /** Provisional calendar days the result depends on (empty when all acts are out). */
  provisional: string[];
}

/** The clauses behind a term, so each explanation step cites where it comes from. */
export interface TermSources {
  /** The clause setting the cutoff («Mikhailovka s.3»). */
  cutoff?: string | null;
  /** The clause moving a non-working start to a working day («Essentuki 34.10»). */
  start?: string | null;
  /** The clause setting the term's length («Essentuki 34.9»). */
  term?: string | null;
}

/** A term's standing at `now`. */
export type TermStatus = "on_time" | "due_today" | "overdue" | "open" | "closed";

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
export type TermUnit = "calendar_days" | "working_days" | "hours" | "working_hours";

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

/** Whether someone may read a message and its answer, and why. */
export interface View {
  /** May read it. */
  allowed: boolean;
  /** Why: `public`, `author`, `official`, or `non_public`. */
  reason: Reason;
}

/** Default visibility of a message. */
export type Visibility = "public" | "non_public";

/** One event of a message's log. */
export interface WorkflowEvent {
  /** What they did. */
  action: Action;
  /** Who did it. */
  actor: Actor;
  /** `extend`: by how many units of the profile's `[limits] extension` (at most its amount; the whole amount when omitted). */
  amount?: number | null;
  /** `answer`, `transfer`: the id of the head who signs it off. */
  approver?: string | null;
  /** `assign`: the executor's id. */
  assignee?: string | null;
  /** When it happened, RFC 3339 with an offset. Events must come in time order. */
  at: string | Date;
  /** `change_category`: the new category id. */
  category?: string | null;
  /** `answer`, `transfer`: the ids of the co-approving heads (согласование); empty: none. */
  co_approvers?: string[];
  /** `refuse`: the refusal ground's code from the profile's catalogue. */
  code?: string | null;
  /** `block_user`: for how many days. */
  days?: number | null;
  /** `answer`: how many documents the answer consists of (Mikhailovka 4.2: one). */
  documents?: number | null;
  /** `answer`: the official's position and name. */
  official?: Official | null;
  /** `change_organisation`, `transfer`: the organisation id. */
  organisation?: string | null;
  /** `register_call`: what became of the call. */
  outcome?: CallOutcome | null;
  /** `answer` with `postponed` (or a promise): the date it is postponed until / planned for. */
  planned_date?: string | null;
  /** `answer`: the answer promises that the question will be solved. */
  promise?: boolean;
  /** `rate`: the rating. */
  rating?: Rating | null;
  /** `return`, `return_not_in_competence`, `return_for_review`, `decline`, `extend`: why. */
  reason?: string | null;
  /** `rate`: the remarks a negative rating needs. */
  remarks?: string | null;
  /** `answer`, `send_to_approval`: the result. */
  result?: AnswerResult | null;
  /** `approve` at sign-off: the signature applied. */
  signature?: Signature | null;
  /** `answer`, `send_to_approval`: the answer text; `approve`: the edited text. */
  text?: string | null;
  /** `delegate`: the id of the head the decision passes to. */
  to?: string | null;
  /** `block_user`: the id of the user blocked. */
  user?: string | null;
}

/** The tagged answer of an operation (the browser module returns it as is). */
export type Answer<T> =
  | { type: "success"; value: T }
  | { type: "failure"; errors: ErrorInfo[] };

//! The profile FILE format: what a rule author writes in `rules/profiles/*.toml`.
//!
//! These structs mirror the TOML one to one, deny unknown keys (a typo is an error, not a
//! silently ignored rule) and derive the JSON Schema published as `docs/profile.schema.json`.
//! Everything is optional here because a file may be a base or may extend one; what a concrete
//! profile must have is checked after the chain is merged (see `load.rs`). The resolved,
//! validated model that the rest of the library reads is in `model.rs`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

/// A value with its source: a clause of the regulation, or a local choice, or an explicit
/// statement that the regulation gives no value.
///
/// Write `{ value = 5, clause = "24" }`, `{ value = 5, local_choice = "why" }` or
/// `{ unset = true, note = "the regulation sets no answer term" }`. A bare `5` is refused: the
/// library never presents a figure as the regulation's when nobody said where it comes from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Cited_{T}")]
pub struct CitedField<T> {
    /// The value.
    pub value: Option<T>,
    /// The clause of the seed regulation that gives the value, as the regulation numbers it
    /// (`"34.9"`, `"3.3 1) ж"`, `"s.3"` for an unnumbered section).
    pub clause: Option<String>,
    /// Why this value is used although the regulation does not give it.
    pub local_choice: Option<String>,
    /// `true`: the regulation gives no value here, and the profile says so.
    #[serde(default)]
    pub unset: bool,
    /// Anything a reader of the value should know (how it was read from the text).
    pub note: Option<String>,
}

/// Which family of portals the regulation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// A municipal «Умный город» portal with an operator (Essentuki, Kislovodsk).
    SmartCity,
    /// A regional digital platform with moderators and executors (Mikhailovka).
    RegionalPlatform,
    /// The federal «Платформа обратной связи» on ЕПГУ (Mamadysh, Tynda).
    Pos,
}

/// The top of a profile file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    /// Stable id of the profile (`essentuki`); the name `Profile::builtin` takes.
    pub id: String,
    /// Id of the base profile this one extends (`smart-city`).
    pub extends: Option<String>,
    /// `true` for a base that only exists to be extended.
    #[serde(default, rename = "abstract")]
    pub is_abstract: bool,
    /// Portal family.
    pub family: Option<Family>,
    /// The regulation encoded.
    pub regulation: Option<RegulationFile>,
    /// The municipality it governs.
    pub municipality: Option<MunicipalityFile>,
    /// How a message can be sent.
    #[serde(default)]
    pub channels: ChannelsFile,
    /// Who may send and take part.
    #[serde(default)]
    pub submission: SubmissionFile,
    /// Which parts a message must or may have.
    #[serde(default)]
    pub fields: FieldsFile,
    /// Language of messages.
    #[serde(default)]
    pub language: LanguageFile,
    /// Attachments of a message.
    #[serde(default)]
    pub attachments: AttachmentsFile,
    /// Attachments of an answer (Mikhailovka 4.1 sets these, not the message's).
    #[serde(default)]
    pub answer_attachments: AttachmentsFile,
    /// Public and non-public messages.
    #[serde(default)]
    pub publicity: PublicityFile,
    /// Content a message must not have.
    #[serde(default)]
    pub content: ContentFile,
    /// The catalogue of refusal grounds.
    #[serde(default)]
    pub refusal: Vec<RefusalFile>,
    /// Organisations messages are routed to.
    #[serde(default)]
    pub organisation: Vec<OrganisationFile>,
    /// The category tree with its routing.
    #[serde(default)]
    pub category: Vec<CategoryFile>,
    /// Legal terms by name (`registration`, `answer`, `rework`, ...).
    #[serde(default)]
    pub terms: BTreeMap<String, TermFile>,
    /// Fast-track levels by id; a level's term replaces the answer term.
    #[serde(default)]
    pub fast_track: BTreeMap<String, TermFile>,
    /// What every term has unless it says otherwise (one closing time).
    #[serde(default)]
    pub term_defaults: TermDefaultsFile,
    /// What the portal adds to the regulation's terms: a reminder before each falls due.
    #[serde(default)]
    pub sla: SlaFile,
    /// The office hours `working_hours` terms count in (9:00–18:00, lunch 13:00–14:00).
    pub office_hours: Option<OfficeHoursFile>,
    /// Counts and thresholds.
    #[serde(default)]
    pub limits: LimitsFile,
    /// ПОС: each stage's share of the total term.
    #[serde(default)]
    pub stage_shares: StageSharesFile,
    /// The workflow: which actions, guards and effects the regulation has, each cited.
    #[serde(default)]
    pub workflow: WorkflowFile,
    /// Words the profile adds to the detectors' built-in lexicons.
    #[serde(default)]
    pub lexicon: LexiconFile,
}

/// `[lexicon]`: words a rule author adds to the obscenity and medical detectors, each list
/// cited: `obscene = { value = ["слово", "корень*"], local_choice = "why" }`.
///
/// An entry is one word of letters, matched as a whole word after the detectors' folding (lower
/// case, `ё`→`е`, look-alike Latin letters as Cyrillic); an entry ending in `*` is a stem that
/// matches every word it begins. At most 5,000 entries of at most 64 letters per list.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Words found as obscene language (the `obscenity` finding).
    pub obscene: Option<CitedField<Vec<String>>>,
    /// Words found as medical data (the `medical_data_public` finding).
    pub medical: Option<CitedField<Vec<String>>>,
}

/// `[regulation]`: which act this profile encodes.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulationFile {
    /// The act's full title with its number and date, in Russian.
    pub act_ru: Option<String>,
    /// Short name used in citations, in Russian («Ессентуки»).
    pub short_ru: Option<String>,
    /// Short name used in citations, in English ("Essentuki" gives «Essentuki 34.10»).
    pub short_en: Option<String>,
    /// Date from which the regulation is in force (`"2020-10-08"`), cited.
    pub effective: Option<CitedField<String>>,
    /// File name of the seed text in `shared/seeds/`.
    pub seed: Option<String>,
}

/// `[municipality]`: where the regulation applies.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityFile {
    /// Name in Russian.
    pub name_ru: Option<String>,
    /// Name in English.
    pub name_en: Option<String>,
    /// Region (subject of the federation) in Russian.
    pub region_ru: Option<String>,
    /// IANA time zone of local legal time (`Europe/Volgograd`).
    pub zone: Option<String>,
    /// ISO 3166-2 code of the federal subject, lower case (`ru-sta`): lint checks that the
    /// calendar uses the region's own layer when the library has one.
    pub region_code: Option<String>,
    /// The production calendar: a built-in region id (`"ru"`, `"ru-ta"`), or a table with
    /// layers on top (`{ region = "ru", layers = ["ru-sta", "./local-days.toml"] }`).
    pub calendar: Option<CalendarField>,
}

/// `municipality.calendar`: the plain region id, or a region with layers and the reason.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CalendarField {
    /// A built-in region id (`"ru"`, `"ru-ta"`, `"ru-sta"`).
    Region(String),
    /// A region with layers on top.
    Table(CalendarTable),
}

/// The table form of `municipality.calendar`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarTable {
    /// The built-in region the calendar starts from (`"ru"`).
    pub region: Option<String>,
    /// Layers on top, lowest first: built-in layer ids (`"ru-sta"`) and the profile's own layer
    /// files (a name ending in `.toml`, relative to the profile file: `"./local-days.toml"`).
    #[serde(default)]
    pub layers: Vec<String>,
    /// Whose days off the portal keeps: `everyone`, `state_and_municipal_bodies` (default, a
    /// municipal body) or `state_bodies` (see rules/calendars/README.md).
    pub observes: Option<crate::calendar::AppliesTo>,
    /// Why this calendar: the law of the place that sets its days (the regulations never say).
    pub reason: Option<String>,
}

/// `[channels]`: the ways a message reaches the portal.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelsFile {
    /// The portal's web site.
    pub web: Option<CitedField<bool>>,
    /// A mobile application.
    pub app: Option<CitedField<bool>>,
    /// A single phone number answered by the operator.
    pub phone: Option<CitedField<bool>>,
    /// Forms of ЕПГУ (Gosuslugi).
    pub epgu: Option<CitedField<bool>>,
}

/// `[submission]`: who may send a message and who may take part.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionFile {
    /// Sending needs an account (portal registration or ESIA).
    pub account_required: Option<CitedField<bool>>,
    /// Sending needs an ESIA (Gosuslugi) account specifically.
    pub esia_required: Option<CitedField<bool>>,
    /// Through ESIA a user may send only on their own behalf.
    pub esia_own_behalf_only: Option<CitedField<bool>>,
    /// Legal entities may send.
    pub legal_entities: Option<CitedField<bool>>,
    /// Guests (no account) may support messages.
    pub guests_may_support: Option<CitedField<bool>>,
    /// Guests may take part in polls and votes on projects.
    pub guests_may_vote: Option<CitedField<bool>>,
    /// Guests may send messages.
    pub guests_may_submit: Option<CitedField<bool>>,
}

/// Whether a message must have a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The message is refused without it.
    Required,
    /// The user may give it.
    Optional,
}

/// `[fields]`: the parts of a message.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldsFile {
    /// Text or other content (photos).
    pub content: Option<CitedField<Requirement>>,
    /// Category (topic) chosen by the user.
    pub category: Option<CitedField<Requirement>>,
    /// Date of the event.
    pub event_date: Option<CitedField<Requirement>>,
    /// Time of the event.
    pub event_time: Option<CitedField<Requirement>>,
    /// Place of the event.
    pub event_place: Option<CitedField<Requirement>>,
    /// The user's full name.
    pub full_name: Option<CitedField<Requirement>>,
    /// The user's contact phone.
    pub phone: Option<CitedField<Requirement>>,
    /// Other circumstances the user finds relevant.
    pub other_circumstances: Option<CitedField<Requirement>>,
}

/// `[language]`: the language messages must be written in.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageFile {
    /// Language tag (`ru`).
    pub required: Option<CitedField<String>>,
    /// Every language a message may be written in, when there is more than one («на русском или
    /// якутском языке»: `["ru", "sah"]`); it includes `required` when both are given.
    pub accepted: Option<CitedField<Vec<String>>>,
}

/// `[attachments]` and `[answer_attachments]`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentsFile {
    /// Allowed media types (`image/jpeg`).
    pub media_types: Option<CitedField<Vec<String>>>,
    /// At most this many files.
    pub max_count: Option<CitedField<u32>>,
    /// At most this many bytes in total.
    pub max_total_bytes: Option<CitedField<u64>>,
    /// Photos needing rotation, cropping or zoom are not allowed.
    pub editing_forbidden: Option<CitedField<bool>>,
}

/// Default visibility of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Anyone may read it.
    Public,
    /// Only the user, the operator and the executor.
    NonPublic,
}

/// What happens to a message holding some kind of data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataRule {
    /// It must be non-public.
    NonPublic,
    /// It is refused.
    Reject,
}

/// `[publicity]`: public and non-public messages.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicityFile {
    /// The user says whether the message is public.
    pub user_chooses: Option<CitedField<bool>>,
    /// Visibility when the user says nothing.
    pub default: Option<CitedField<Visibility>>,
    /// Personal data of the user or another person.
    pub personal_data: Option<CitedField<DataRule>>,
    /// Medical data.
    pub medical_data: Option<CitedField<DataRule>>,
    /// Other confidential information or secrets.
    pub confidential: Option<CitedField<DataRule>>,
    /// Personal data of third persons spread without their consent.
    pub third_party_personal_data: Option<CitedField<DataRule>>,
}

/// What happens to a message with some content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentAction {
    /// Registration is refused.
    Reject,
    /// It is removed with a notice to the user.
    Remove,
}

/// `[content]`: content rules the library can check.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    /// Obscene language.
    pub obscenity: Option<CitedField<ContentAction>>,
    /// A full repeat of the user's earlier message.
    pub duplicates: Option<CitedField<ContentAction>>,
}

/// `[[refusal]]`: one ground on which a message may be refused.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RefusalFile {
    /// Stable code a moderator's decision carries (`obscenity`).
    pub code: String,
    /// The ground in Russian, as the regulation words it.
    pub ru: Option<String>,
    /// The ground in English.
    pub en: Option<String>,
    /// Clause of the regulation.
    pub clause: Option<String>,
    /// Why the ground is listed although the regulation does not give it.
    pub local_choice: Option<String>,
    /// Code of the validation finding that detects it, when the library can.
    pub finding: Option<String>,
    /// Remarks.
    pub note: Option<String>,
}

/// `[[organisation]]`: an organisation messages can be routed to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationFile {
    /// Stable id used by category routing.
    pub id: String,
    /// Name in Russian.
    pub name_ru: Option<String>,
    /// Name in English.
    pub name_en: Option<String>,
    /// Clause of the regulation that names it.
    pub clause: Option<String>,
    /// Why it is listed although the regulation does not name it.
    pub local_choice: Option<String>,
    /// `true`: an id that stands in for an organisation the regulation does not name.
    #[serde(default)]
    pub placeholder: bool,
    /// Remarks.
    pub note: Option<String>,
}

/// `[[category]]`: one node of the category tree.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    /// Stable id.
    pub id: String,
    /// Id of the parent category; none for a root.
    pub parent: Option<String>,
    /// Name in Russian.
    pub name_ru: Option<String>,
    /// Name in English.
    pub name_en: Option<String>,
    /// Clause of the regulation that lists the category.
    pub clause: Option<String>,
    /// Why the category exists although the regulation does not list it.
    pub local_choice: Option<String>,
    /// Remarks.
    pub note: Option<String>,
    /// Responsible organisation (an `[[organisation]]` id); inherited by subcategories.
    pub org: Option<CitedField<String>>,
    /// Co-executors (organisation ids); inherited by subcategories.
    pub co_executors: Option<CitedField<Vec<String>>>,
    /// Fast-track level (a `[fast_track.ID]` id); inherited by subcategories.
    pub fast_track: Option<CitedField<String>>,
}

/// Unit of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitFile {
    /// Calendar days («дней», «календарных дней»).
    CalendarDays,
    /// Working days of the profile's calendar («рабочих дней»).
    WorkingDays,
    /// Hours, a rolling window («в течение трех суток» = 72 hours).
    Hours,
    /// Working hours («4 рабочих часа»), counted in the profile's `[office_hours]`.
    WorkingHours,
}

/// When the last day of a calendar-day term is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnNonWorkingFile {
    /// The next working day (Civil Code art. 193; the default).
    Next,
    /// The previous working day.
    Previous,
    /// The day itself.
    AsIs,
}

/// The event a term is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermStart {
    /// The user sends the message (it arrives on the platform).
    Sending,
    /// The message is registered.
    Registration,
    /// The message reaches the executor.
    ExecutorReceipt,
    /// The user gives a negative rating.
    NegativeRating,
    /// The message is published.
    Publication,
    /// The planned date given in an answer.
    PlannedDate,
    /// The message enters a ПОС stage.
    StageEntry,
}

/// Which messages a term applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    /// Every message (the default).
    #[default]
    All,
    /// Only appeals the platform flags as falling under 59-FZ.
    #[serde(rename = "appeal_59fz")]
    Appeal59fz,
}

/// `[terms.NAME]` and `[fast_track.ID]`: one legal term.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermFile {
    /// Name in Russian (fast-track levels: «фаст-трек 1 уровня»).
    pub name_ru: Option<String>,
    /// Name in English.
    pub name_en: Option<String>,
    /// How many units.
    pub amount: Option<i64>,
    /// The unit; required unless the term is unset.
    pub unit: Option<UnitFile>,
    /// The start event; `sending` when omitted (convention 11).
    pub from: Option<TermStart>,
    /// A start event on a non-working day moves to the next working day (convention 5).
    pub start_on_working_day: Option<bool>,
    /// The clause that moves a non-working start (Essentuki 34.10), cited in explanations.
    pub start_clause: Option<String>,
    /// Where a calendar-day term ending on a non-working day ends (default `next`).
    pub on_nonworking: Option<OnNonWorkingFile>,
    /// Local time (`"17:00"`) after which a start event counts from the next working day.
    pub cutoff: Option<String>,
    /// Local time (`"18:00"`) at which the last day ends instead of 23:59:59.
    pub closing_time: Option<String>,
    /// Which messages the term applies to.
    pub applies_to: Option<AppliesTo>,
    /// Clause of the regulation.
    pub clause: Option<String>,
    /// Why the term is used although the regulation does not give it.
    pub local_choice: Option<String>,
    /// `true`: the regulation gives no such term, and the profile says so.
    #[serde(default)]
    pub unset: bool,
    /// Remarks.
    pub note: Option<String>,
    /// Fast-track levels: how categories map to the level when the profile cannot list them.
    pub mapping_note: Option<String>,
    /// The term applies only to messages in these categories (ids) or their subcategories: a
    /// first answer that the regulation gives to one category only.
    pub categories: Option<Vec<String>>,
    /// The term applies only to messages sent in this season (local date); a fast-track level
    /// outside its season leaves the category on the ordinary answer term.
    pub season: Option<SeasonFile>,
}

/// A season of the year, both days included (`from = "10-01"`, `to = "04-30"` is the heating
/// season «с 1 октября по 30 апреля»); it may run over the new year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeasonFile {
    /// First day, `"MM-DD"`.
    pub from: String,
    /// Last day, `"MM-DD"`.
    pub to: String,
}

/// `[sla]`: what a portal adds to the regulation's terms (usually a local choice).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaFile {
    /// A reminder this long before each term falls due:
    /// `{ value = { amount = 1, unit = "working_days" }, local_choice = "..." }`.
    pub reminder: Option<CitedField<ReminderFile>>,
}

/// How long before a term falls due its reminder is owed.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderFile {
    /// How many units before (0 or more).
    pub amount: i64,
    /// `working_days`, `calendar_days`, `hours` or `working_hours` (counted back in
    /// `[office_hours]`).
    pub unit: UnitFile,
}

/// `[office_hours]`: the municipality's office hours, which terms in `working_hours` count in
/// («не позднее 4 рабочих часов»). Local time of the profile's zone; the working days are the
/// calendar's, and a shortened pre-holiday day closes an hour earlier (Labour Code art. 95).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeHoursFile {
    /// When the office opens, `"09:00"`.
    pub opens: String,
    /// When it closes on an ordinary working day, `"18:00"`.
    pub closes: String,
    /// The lunch break, not counted: `{ from = "13:00", to = "14:00" }`.
    pub lunch: Option<BreakFile>,
    /// Clause of the regulation (or of the act on the office's working hours).
    pub clause: Option<String>,
    /// Why these hours are used although the regulation does not give them.
    pub local_choice: Option<String>,
    /// Remarks.
    pub note: Option<String>,
}

/// A break in the working day, local times.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BreakFile {
    /// When the break starts, `"13:00"`.
    pub from: String,
    /// When work resumes, `"14:00"`.
    pub to: String,
}

/// `[term_defaults]`: what every term of the profile has unless it says otherwise.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermDefaultsFile {
    /// One closing time (`"18:00"`, local) for every term without its own `closing_time`: a
    /// regulation that ends every term with the working day («до окончания рабочего дня»).
    pub closing_time: Option<CitedField<String>>,
}

/// `[limits]`: counts and thresholds.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsFile {
    /// How many times a message may go back for rework.
    pub reworks: Option<CitedField<u32>>,
    /// How many times an answer may be «Отложено».
    pub postponements: Option<CitedField<u32>>,
    /// How far and how often the answer term may be extended («срок может быть продлён не
    /// более чем на 30 календарных дней», once or N times):
    /// `{ value = { amount = 30, unit = "calendar_days", times = 1 }, clause = "..." }`.
    pub extension: Option<CitedField<ExtensionFile>>,
    /// A public message with MORE than this many votes within the vote window is handed over.
    pub vote_threshold: Option<CitedField<u32>>,
    /// A user may be blocked for at most this many days.
    pub block_days: Option<CitedField<u32>>,
}

/// How far and how often a term may be extended.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtensionFile {
    /// At most this many units each time (1 or more).
    pub amount: i64,
    /// `calendar_days`, `working_days`, `hours` or `working_hours`.
    pub unit: UnitFile,
    /// At most this many extensions in all; no limit when omitted.
    pub times: Option<u32>,
}

/// `[stage_shares]`: ПОС stage terms as shares (0 to 1) of the total term.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageSharesFile {
    /// Moderation.
    pub moderation: Option<CitedField<f64>>,
    /// Coordination.
    pub coordination: Option<CitedField<f64>>,
    /// Execution.
    pub execution: Option<CitedField<f64>>,
    /// Approval (согласование).
    pub approval: Option<CitedField<f64>>,
    /// Sign-off (утверждение).
    pub sign_off: Option<CitedField<f64>>,
}

/// One provision of the workflow: an action, a guard, an effect or an `unbounded` note, with the
/// clause that gives it (or the reason it is a local choice).
///
/// Write `register = { clause = "34.3" }`. The workflow code knows what each name means; the
/// profile says which of them its regulation has and where.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvisionFile {
    /// Clause of the regulation.
    pub clause: Option<String>,
    /// Why the provision is used although the regulation does not give it.
    pub local_choice: Option<String>,
    /// How it was read from the text.
    pub note: Option<String>,
}

/// `[workflow]`: the stages and actions a regulation has (see `docs/workflow.md`).
///
/// A name not listed is not part of the regulation: an event with an action that is not
/// enabled is refused, a guard that is not listed is not checked, an effect that is not listed
/// is not owed.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowFile {
    /// Actions by name (`register`, `refuse`, `answer`, `rate`, `vote`, ...).
    #[serde(default)]
    pub actions: BTreeMap<String, ProvisionFile>,
    /// Guards by name (`negative_rating_remarks`, `vote_once`, ...); limits come from `[limits]`.
    #[serde(default)]
    pub guards: BTreeMap<String, ProvisionFile>,
    /// Effects the platform owes by name (`notice_registered`, `reminder_planned_date`, ...).
    #[serde(default)]
    pub effects: BTreeMap<String, ProvisionFile>,
    /// States no term bounds, by state name, with the clause that leaves them open.
    #[serde(default)]
    pub unbounded: BTreeMap<String, ProvisionFile>,
    /// A transfer the heads decline goes back to the executor «для доработки» (Mamadysh s.2),
    /// not to coordination (Tynda 3.6 2), the default).
    pub declined_transfer_to_executor: Option<ProvisionFile>,
}

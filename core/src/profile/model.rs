//! The resolved profile: what validation, routing and planning code reads.
//!
//! A [`Profile`] is a merged chain of files that passed every check: each value carries where it
//! comes from ([`Cited`]), terms convert to the term engine's [`Term`], and every value the
//! regulation does not give is listed in [`Profile::unset`] instead of being invented.
//!
//! The model is `Deserialize` as well as `Serialize`, so a resolved profile round-trips through
//! JSON: the browser module embeds its built-in profiles resolved at build time and reads them
//! with `serde_json`, leaving the TOML parser and the profile loader out of the module.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

pub use super::file::{AppliesTo, ContentAction, DataRule, Family, Requirement, TermStart, Visibility};
use super::scope::TermScope;
use crate::term::{OfficeHours, OnNonWorking, ReminderRule, Term, TermUnit};

/// A value with the clause it comes from, or the reason it is a local choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cited<T> {
    /// The value.
    pub value: T,
    /// Clause of the regulation (`"34.10"`), when the regulation gives the value.
    pub clause: Option<String>,
    /// Why the value is used although the regulation does not give it.
    pub local_choice: Option<String>,
    /// How the value was read from the text, when that needs saying.
    pub note: Option<String>,
    /// Short English name of the regulation (`"Essentuki"`), for [`Cited::citation`].
    pub regulation: String,
}

impl<T> Cited<T> {
    /// A human citation: «Essentuki 34.10», or «Essentuki profile, local choice: why».
    pub fn citation(&self) -> String {
        citation(&self.regulation, self.clause.as_deref(), self.local_choice.as_deref())
    }

    /// `true` when the regulation itself does not give this value.
    pub fn is_local_choice(&self) -> bool {
        self.clause.is_none()
    }
}

pub(crate) fn citation(regulation: &str, clause: Option<&str>, local_choice: Option<&str>) -> String {
    // Citations are written for every finding, route and planned term: concatenation rather
    // than `format!`, which costs several times more on these short strings.
    concat(citation_parts(regulation, clause, local_choice))
}

/// The pieces joined into a string of exactly their length (cheaper than the generic `concat`
/// on these short pieces).
fn concat(parts: [&str; 3]) -> String {
    let mut text = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        text.push_str(p);
    }
    text
}

/// The pieces a citation is the concatenation of, for callers that write it into a buffer of
/// their own (a planned term's explanation keeps its citations in one).
pub(crate) fn citation_parts<'a>(regulation: &'a str, clause: Option<&'a str>, local_choice: Option<&'a str>) -> [&'a str; 3] {
    match (clause, local_choice) {
        (Some(clause), _) => [regulation, " ", clause],
        (None, Some(why)) => [regulation, " profile, local choice: ", why],
        (None, None) => [regulation, " profile", ""],
    }
}

/// A value the regulation does not give, recorded so that nobody mistakes its absence for an
/// oversight and explanations can say «the regulation sets no answer term».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsetValue {
    /// Dotted path in the profile file (`terms.answer`, `stage_shares.execution`).
    pub path: String,
    /// The clause that leaves it open or hands it to someone else, if any.
    pub clause: Option<String>,
    /// What the profile says about it.
    pub note: Option<String>,
}

/// `[regulation]`: the act this profile encodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Regulation {
    /// Full title with number and date, in Russian.
    pub act_ru: String,
    /// Short name for citations, in Russian.
    pub short_ru: String,
    /// Short name for citations, in English.
    pub short_en: String,
    /// Date from which the regulation is in force, when the text gives it.
    pub effective: Option<Cited<NaiveDate>>,
    /// File name of the seed text.
    pub seed: Option<String>,
}

/// `[municipality]`: where and in which local time the rules apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// Name in Russian.
    pub name_ru: String,
    /// Name in English.
    pub name_en: String,
    /// Region in Russian.
    pub region_ru: String,
    /// IANA time zone (checked against the time zone database).
    pub zone: String,
    /// ISO 3166-2 code of the federal subject (`ru-sta`), where the profile gives it.
    #[serde(default)]
    pub region_code: Option<String>,
    /// The production calendar: region, layers on top, whose days it keeps.
    pub calendar: crate::calendar::CalendarChoice,
}

impl Municipality {
    /// The time zone, parsed.
    pub fn tz(&self) -> Option<chrono_tz::Tz> {
        self.zone.parse().ok()
    }
}

/// How a message can reach the portal. `None`: the regulation does not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Channels {
    /// Web site.
    pub web: Option<Cited<bool>>,
    /// Mobile application.
    pub app: Option<Cited<bool>>,
    /// Single phone number.
    pub phone: Option<Cited<bool>>,
    /// ЕПГУ forms.
    pub epgu: Option<Cited<bool>>,
}

/// Who may send and take part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// Sending needs an account.
    pub account_required: Option<Cited<bool>>,
    /// Sending needs ESIA.
    pub esia_required: Option<Cited<bool>>,
    /// Through ESIA only on one's own behalf.
    pub esia_own_behalf_only: Option<Cited<bool>>,
    /// Legal entities may send.
    pub legal_entities: Option<Cited<bool>>,
    /// Guests may support messages.
    pub guests_may_support: Option<Cited<bool>>,
    /// Guests may vote in polls.
    pub guests_may_vote: Option<Cited<bool>>,
    /// Guests may send.
    pub guests_may_submit: Option<Cited<bool>>,
}

/// Which parts a message must or may have.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Fields {
    /// Text or other content.
    pub content: Option<Cited<Requirement>>,
    /// Category.
    pub category: Option<Cited<Requirement>>,
    /// Event date.
    pub event_date: Option<Cited<Requirement>>,
    /// Event time.
    pub event_time: Option<Cited<Requirement>>,
    /// Event place.
    pub event_place: Option<Cited<Requirement>>,
    /// Full name.
    pub full_name: Option<Cited<Requirement>>,
    /// Contact phone.
    pub phone: Option<Cited<Requirement>>,
    /// Other circumstances.
    pub other_circumstances: Option<Cited<Requirement>>,
}

/// Language of messages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Required language tag.
    pub required: Option<Cited<String>>,
    /// Every accepted language tag, when there is more than one.
    #[serde(default)]
    pub accepted: Option<Cited<Vec<String>>>,
}

/// Attachment rules of a message or an answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attachments {
    /// Allowed media types.
    pub media_types: Option<Cited<Vec<String>>>,
    /// Maximum number of files.
    pub max_count: Option<Cited<u32>>,
    /// Maximum total size in bytes.
    pub max_total_bytes: Option<Cited<u64>>,
    /// Photos needing rotation, cropping or zoom are not allowed.
    pub editing_forbidden: Option<Cited<bool>>,
}

/// Public and non-public messages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Publicity {
    /// The user chooses.
    pub user_chooses: Option<Cited<bool>>,
    /// Visibility by default.
    pub default: Option<Cited<Visibility>>,
    /// Personal data.
    pub personal_data: Option<Cited<DataRule>>,
    /// Medical data.
    pub medical_data: Option<Cited<DataRule>>,
    /// Confidential information and secrets.
    pub confidential: Option<Cited<DataRule>>,
    /// Third persons' personal data without consent.
    pub third_party_personal_data: Option<Cited<DataRule>>,
}

/// Content rules the library can check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContentRules {
    /// Obscene language.
    pub obscenity: Option<Cited<ContentAction>>,
    /// Full repeats.
    pub duplicates: Option<Cited<ContentAction>>,
}

/// `[lexicon]`: words a profile adds to the detectors' built-in lists, each list cited. An
/// entry is a whole word, or a stem when it ends in `*`; see `docs/detectors.md`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    /// More obscene words: a word of the text in the list is an `obscenity` finding.
    pub obscene: Option<Cited<Vec<String>>>,
    /// More medical words: a word of the text in the list is a medical finding.
    pub medical: Option<Cited<Vec<String>>>,
}

/// One ground on which a moderator may refuse a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusalGround {
    /// Stable code.
    pub code: String,
    /// Russian text.
    pub ru: String,
    /// English text.
    pub en: String,
    /// Clause.
    pub clause: Option<String>,
    /// Local choice reason.
    pub local_choice: Option<String>,
    /// Finding code that detects it, when the library can.
    pub finding: Option<String>,
    /// Remarks.
    pub note: Option<String>,
    /// Short English name of the regulation.
    pub regulation: String,
}

impl RefusalGround {
    /// Human citation («Tynda 3.3 1) а»).
    pub fn citation(&self) -> String {
        citation(&self.regulation, self.clause.as_deref(), self.local_choice.as_deref())
    }
}

/// An organisation messages are routed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Stable id.
    pub id: String,
    /// Russian name.
    pub name_ru: String,
    /// English name.
    pub name_en: String,
    /// Clause naming it.
    pub clause: Option<String>,
    /// Local choice reason.
    pub local_choice: Option<String>,
    /// Stands in for an organisation the regulation does not name.
    pub placeholder: bool,
    /// Remarks.
    pub note: Option<String>,
}

/// One node of the category tree, as written (see [`Profile::routing`] for what it inherits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Stable id.
    pub id: String,
    /// Parent id.
    pub parent: Option<String>,
    /// Russian name.
    pub name_ru: String,
    /// English name.
    pub name_en: String,
    /// Clause listing it.
    pub clause: Option<String>,
    /// Local choice reason.
    pub local_choice: Option<String>,
    /// Remarks.
    pub note: Option<String>,
    /// Responsible organisation id.
    pub org: Option<Cited<String>>,
    /// Co-executor organisation ids.
    pub co_executors: Option<Cited<Vec<String>>>,
    /// Fast-track level id.
    pub fast_track: Option<Cited<String>>,
}

/// The effective routing of a category: its own settings, else its nearest ancestor's.
/// Borrowed from the profile: routing is asked for every message, and a caller copies only
/// what it returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Routing<'p> {
    /// The category asked about.
    pub category: &'p str,
    /// The category and its ancestors, nearest first.
    pub path: Vec<&'p str>,
    /// Responsible organisation.
    pub org: &'p Cited<String>,
    /// Co-executors, if any.
    pub co_executors: Option<&'p Cited<Vec<String>>>,
    /// Fast-track level id, if any.
    pub fast_track: Option<&'p Cited<String>>,
}

/// One legal term, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermRule {
    /// Key in `[terms]` or `[fast_track]`.
    pub name: String,
    /// Russian name.
    pub name_ru: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// Amount (None when unset).
    pub amount: Option<i64>,
    /// Unit (None when unset).
    pub unit: Option<TermUnit>,
    /// Start event.
    pub from: TermStart,
    /// Start on a non-working day moves to the next working day (convention 5).
    pub start_on_working_day: bool,
    /// The clause moving a non-working start, when the regulation has one (Essentuki 34.10).
    pub start_clause: Option<String>,
    /// End on a non-working day (convention 3).
    pub on_nonworking: OnNonWorking,
    /// Same-day cutoff, local time.
    pub cutoff: Option<NaiveTime>,
    /// Closing time of the last day, local time.
    pub closing_time: Option<NaiveTime>,
    /// Which messages it applies to.
    pub applies_to: AppliesTo,
    /// The regulation gives no such term.
    pub unset: bool,
    /// Clause.
    pub clause: Option<String>,
    /// Local choice reason.
    pub local_choice: Option<String>,
    /// Remarks.
    pub note: Option<String>,
    /// Fast-track levels: how categories map to it when the profile cannot list them.
    pub mapping_note: Option<String>,
    /// The categories and season the term is limited to (empty: every message).
    #[serde(default)]
    pub scope: TermScope,
    /// The profile's office hours, for a term in `working_hours`.
    #[serde(default)]
    pub office_hours: Option<OfficeHours>,
    /// Short English name of the regulation.
    pub regulation: String,
}

impl TermRule {
    /// The term for the term engine; `None` when the regulation gives no such term.
    pub fn to_term(&self) -> Option<Term> {
        if self.unset {
            return None;
        }
        Some(Term {
            amount: self.amount?,
            unit: self.unit?,
            start_on_working_day: self.start_on_working_day,
            on_nonworking: self.on_nonworking,
            cutoff: self.cutoff,
            closing_time: self.closing_time,
            office_hours: self.office_hours,
        })
    }

    /// Human citation («Mikhailovka 5.2»).
    pub fn citation(&self) -> String {
        citation(&self.regulation, self.clause.as_deref(), self.local_choice.as_deref())
    }

    /// Citation of the clause moving a non-working start («Essentuki 34.10»), falling back to
    /// the term's own citation.
    pub fn start_citation(&self) -> String {
        concat(self.start_citation_parts())
    }

    /// The pieces of [`TermRule::start_citation`], for writing it into a caller's buffer.
    pub(crate) fn start_citation_parts(&self) -> [&str; 3] {
        match &self.start_clause {
            Some(c) => citation_parts(&self.regulation, Some(c), None),
            None => citation_parts(&self.regulation, self.clause.as_deref(), self.local_choice.as_deref()),
        }
    }
}

/// Counts and thresholds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Reworks allowed.
    pub reworks: Option<Cited<u32>>,
    /// «Отложено» answers allowed.
    pub postponements: Option<Cited<u32>>,
    /// How far and how often the answer term (or a planned date) may be extended.
    #[serde(default)]
    pub extension: Option<Cited<Extension>>,
    /// More than this many votes hands a public message over.
    pub vote_threshold: Option<Cited<u32>>,
    /// Longest user block, days.
    pub block_days: Option<Cited<u32>>,
}

/// How far and how often a term may be extended (`[limits] extension`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// At most this many units each time.
    pub amount: i64,
    /// The unit.
    pub unit: TermUnit,
    /// At most this many extensions in all; `None`: no limit.
    pub times: Option<u32>,
    /// The profile's office hours, for an extension in `working_hours`.
    pub office_hours: Option<OfficeHours>,
}

impl Extension {
    /// The extension by `amount` units as a term counted on from the end of the term it
    /// extends, ending at `closing_time` (the extended term's own time of day).
    pub fn term(&self, amount: i64, closing_time: Option<NaiveTime>) -> Term {
        Term { closing_time, office_hours: self.office_hours, ..Term::new(amount, self.unit) }
    }
}

/// `[sla]`, resolved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sla {
    /// How long before each term falls due its reminder is owed.
    pub reminder: Option<Cited<ReminderRule>>,
}

/// `[term_defaults]`, resolved: kept for explanations; each term already carries its value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermDefaults {
    /// The closing time of every term without its own.
    pub closing_time: Option<Cited<NaiveTime>>,
}

/// ПОС stage shares of the total term.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StageShares {
    /// Moderation.
    pub moderation: Option<Cited<f64>>,
    /// Coordination.
    pub coordination: Option<Cited<f64>>,
    /// Execution.
    pub execution: Option<Cited<f64>>,
    /// Approval.
    pub approval: Option<Cited<f64>>,
    /// Sign-off.
    pub sign_off: Option<Cited<f64>>,
}

/// A municipality's regulation, resolved, merged and validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable id (`essentuki`).
    pub id: String,
    /// The base profiles it extends, nearest first.
    pub extends: Vec<String>,
    /// Portal family.
    pub family: Family,
    /// The act.
    pub regulation: Regulation,
    /// The municipality.
    pub municipality: Municipality,
    /// Channels.
    pub channels: Channels,
    /// Who may submit.
    pub submission: Submission,
    /// Fields of a message.
    pub fields: Fields,
    /// Language.
    pub language: Language,
    /// Message attachments.
    pub attachments: Attachments,
    /// Answer attachments.
    pub answer_attachments: Attachments,
    /// Publicity rules.
    pub publicity: Publicity,
    /// Content rules.
    pub content: ContentRules,
    /// Refusal grounds, in file order.
    pub refusals: Vec<RefusalGround>,
    /// Organisations.
    pub organisations: Vec<Organisation>,
    /// Category tree, in file order.
    pub categories: Vec<Category>,
    /// Terms by name.
    pub terms: BTreeMap<String, TermRule>,
    /// Fast-track levels by id.
    pub fast_track: BTreeMap<String, TermRule>,
    /// Limits.
    pub limits: Limits,
    /// ПОС stage shares.
    pub stage_shares: StageShares,
    /// What every term has unless it says otherwise.
    #[serde(default)]
    pub term_defaults: TermDefaults,
    /// What the portal adds to the terms: a reminder before each falls due.
    #[serde(default)]
    pub sla: Sla,
    /// The office hours `working_hours` terms count in.
    #[serde(default)]
    pub office_hours: Option<Cited<OfficeHours>>,
    /// The workflow provisions: actions, guards, effects, unbounded states.
    pub workflow: Workflow,
    /// Every value the regulation does not give, with the profile's note.
    pub unset: Vec<UnsetValue>,
    /// Words the profile adds to the obscenity and medical detectors.
    #[serde(default)]
    pub lexicon: Lexicon,
}

/// One cited workflow provision (an action, guard, effect or `unbounded` note).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provision {
    /// Clause of the regulation.
    pub clause: Option<String>,
    /// Local choice reason.
    pub local_choice: Option<String>,
    /// Remarks.
    pub note: Option<String>,
    /// Short English name of the regulation.
    pub regulation: String,
}

impl Provision {
    /// Human citation («Essentuki 34.3»).
    pub fn citation(&self) -> String {
        citation(&self.regulation, self.clause.as_deref(), self.local_choice.as_deref())
    }
}

/// `[workflow]`, resolved: what the regulation's workflow has, by name, each cited.
///
/// The names are the workflow module's vocabulary (`crate::workflow`); the profile only says
/// which of them exist in this regulation and where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workflow {
    /// Enabled actions.
    pub actions: BTreeMap<String, Provision>,
    /// Enabled guards.
    pub guards: BTreeMap<String, Provision>,
    /// Effects the platform owes.
    pub effects: BTreeMap<String, Provision>,
    /// States no term bounds, with the clause that leaves them open.
    pub unbounded: BTreeMap<String, Provision>,
    /// A declined transfer goes back to the executor (execution), not to coordination.
    #[serde(default)]
    pub declined_transfer_to_executor: Option<Provision>,
}

impl Workflow {
    /// The action's provision, when the regulation has the action.
    pub fn action(&self, name: &str) -> Option<&Provision> {
        self.actions.get(name)
    }

    /// The guard's provision, when the regulation has the guard.
    pub fn guard(&self, name: &str) -> Option<&Provision> {
        self.guards.get(name)
    }

    /// The effect's provision, when the platform owes it under this regulation.
    pub fn effect(&self, name: &str) -> Option<&Provision> {
        self.effects.get(name)
    }
}

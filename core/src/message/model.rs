//! The message a portal hands to the library, as JSON.
//!
//! Field names are a public contract shared by every binding (see `docs/message.md`). Unknown
//! fields are refused so that a typo (`sentAt`) is an error naming the field rather than a
//! silently missing value; a portal's own data goes under `extra`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// How the message reached the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The portal's web site.
    Web,
    /// The mobile application.
    App,
    /// The single phone number, registered by the operator.
    Phone,
    /// ЕПГУ (Gosuslugi) forms.
    Epgu,
}

/// Registered user or guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    /// A registered user.
    #[default]
    User,
    /// A visitor without an account.
    Guest,
}

/// How the author signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Auth {
    /// The portal's own account.
    Portal,
    /// ЕСИА (Gosuslugi account).
    Esia,
}

/// Who sent the message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// The portal's id of the author (used for votes and history).
    #[serde(default)]
    pub id: Option<String>,
    /// User or guest.
    #[serde(default)]
    pub kind: AuthorKind,
    /// How they signed in, when known.
    #[serde(default)]
    pub auth: Option<Auth>,
    /// Whether they write on their own behalf (ESIA users may only do so: Essentuki 16).
    #[serde(default)]
    pub on_own_behalf: Option<bool>,
}

/// When and where the reported event happened (Essentuki 19).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Date of the event.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Local time of the event.
    #[serde(default)]
    pub time: Option<NaiveTime>,
    /// Place: an address or a description.
    #[serde(default)]
    pub place: Option<String>,
}

/// An attached file, described as a browser `File` describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// File name.
    pub name: String,
    /// Media type (`image/jpeg`).
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// The photo needs rotating, cropping or zooming to be read (Essentuki 26).
    #[serde(default)]
    pub needs_editing: Option<bool>,
}

/// How to reach the author.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
}

/// A citizen's message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// The portal's id of the message.
    #[serde(default)]
    pub id: Option<String>,
    /// How it arrived.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// Who sent it.
    #[serde(default)]
    pub author: Author,
    /// When it arrived on the platform; terms run from here.
    #[serde(deserialize_with = "crate::input::de_instant")]
    pub sent_at: DateTime<FixedOffset>,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Category id of the profile.
    #[serde(default)]
    pub category: Option<String>,
    /// Subcategory id of the profile.
    #[serde(default)]
    pub subcategory: Option<String>,
    /// When and where it happened.
    #[serde(default)]
    pub event: Event,
    /// Attached files.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The author asks for it to be public.
    #[serde(default)]
    pub public: bool,
    /// How to reach the author.
    #[serde(default)]
    pub contact: Contact,
    /// A fast-track level id of the profile, set by the platform.
    #[serde(default)]
    pub fast_track: Option<String>,
    /// The platform flagged it as an appeal under 59-FZ (Mamadysh).
    #[serde(default)]
    pub appeal_59fz: bool,
    /// The portal's own data, carried through untouched.
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
}

/// One earlier message of the same author, for duplicate detection (Essentuki 22).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// The portal's id of that message.
    #[serde(default)]
    pub id: Option<String>,
    /// Its text fingerprint ([`crate::detect::fingerprint`]).
    pub fingerprint: String,
    /// When it was sent.
    #[serde(deserialize_with = "crate::input::de_instant")]
    pub sent_at: DateTime<FixedOffset>,
    /// When its answer term ends; a repeat before then is a duplicate.
    #[serde(default)]
    pub answer_due: Option<DateTime<FixedOffset>>,
}

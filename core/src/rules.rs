//! [`Rules`]: a profile made ready to answer, with its calendar and time zone.
//!
//! Loading a profile and building its calendar's indexes is the expensive part; a portal does it
//! once per municipality and then asks [`Rules`] about every message. Nothing in it is mutable,
//! so one value can serve every thread.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use crate::calendar::{Calendar, CalendarOptions};
use crate::detect;
use crate::error::{Error, Result};
use crate::input::MAX_TEXT_BYTES;
use crate::message::{self, HistoryEntry, Message, Plan, Prepared, PreparedRoutes, PreparedTerms, Route, Validation};
use crate::profile::Profile;
use crate::workflow::{self, Actor, Replay, View, WorkflowEvent};

/// A municipality's regulation, ready to validate, route and plan messages.
#[derive(Debug, Clone)]
pub struct Rules {
    profile: Arc<Profile>,
    calendar: Calendar,
    zone: Tz,
    /// What every message asks of the profile, worked out once.
    prepared: Arc<Prepared>,
    /// The detectors' word lists, opened and indexed once for every message.
    detectors: Arc<detect::Detectors>,
}

impl Rules {
    /// The rules of a built-in profile (`essentuki`, `kislovodsk`, `mikhailovka`, `mamadysh`,
    /// `tynda`).
    pub fn builtin(name: &str) -> Result<Self> {
        Self::new(Profile::builtin(name)?)
    }

    /// The rules of a user's profile file (which may extend a built-in one).
    pub fn from_toml(source: &str, file_name: &str) -> Result<Self> {
        Self::new(Profile::from_toml(source, file_name)?)
    }

    /// [`Rules::from_toml`] for a file that names files of the user's own (`extends`, calendar
    /// layer files): `resolver` maps a name to `(file name, source)`.
    pub fn from_toml_with(source: &str, file_name: &str, resolver: crate::profile::ExtendsResolver<'_>) -> Result<Self> {
        Self::new(Profile::from_toml_with(source, file_name, resolver)?)
    }

    /// Builds the profile's calendar (its region, layers and observed scopes) and zone.
    pub fn new(profile: Profile) -> Result<Self> {
        let decree_days_off = CalendarOptions::default().decree_days_off;
        let calendar = profile.municipality.calendar.build(decree_days_off, &Calendar::builtin_chain)?;
        Self::with_calendar(profile, calendar)
    }

    /// Uses a calendar the caller built (with extra layers or other options).
    pub fn with_calendar(profile: Profile, calendar: Calendar) -> Result<Self> {
        let zone = crate::term::parse_zone(&profile.municipality.zone)?;
        let terms = PreparedTerms::new(&profile, &calendar, zone);
        let prepared = Arc::new(Prepared { terms, routes: PreparedRoutes::new(&profile) });
        fn words(list: &Option<crate::profile::Cited<Vec<String>>>) -> &[String] {
            list.as_ref().map_or(&[][..], |l| &l.value[..])
        }
        let lexicon = &profile.lexicon;
        // The profile's own words are compiled here, once, beside the built-in lists.
        let detectors = Arc::new(detect::Detectors::for_profile(words(&lexicon.obscene), words(&lexicon.medical)));
        Ok(Self { profile: Arc::new(profile), calendar, zone, prepared, detectors })
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The production calendar terms are counted in.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The municipality's time zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// What every message asks of the profile, worked out once: the audit's quiet plan reads
    /// the prepared terms and routes as [`Rules::plan`] does.
    pub(crate) fn prepared(&self) -> &Prepared {
        &self.prepared
    }

    /// Refuses input too large to look at, naming the field.
    fn check_size(message: &Message) -> Result<()> {
        if message.text.len() > MAX_TEXT_BYTES {
            return Err(Error::input(
                "text",
                format!("the text is {} bytes; at most {MAX_TEXT_BYTES} are accepted", message.text.len()),
            ));
        }
        Ok(())
    }

    /// What is wrong with a message, citing the clauses; `history` is the author's earlier
    /// messages for the duplicate rule.
    pub fn validate(&self, message: &Message, history: &[HistoryEntry]) -> Result<Validation> {
        Self::check_size(message)?;
        let report = detect::scan_with(&message.text, &self.detectors);
        Ok(message::validate(&self.profile, message, history, &report))
    }

    /// Where the message goes and which answer term follows.
    pub fn route(&self, message: &Message) -> Result<Route> {
        message::route_prepared(&self.profile, &self.prepared.routes, &self.prepared.terms, message)
    }

    /// Every term that runs from the sending.
    pub fn plan(&self, message: &Message) -> Result<Plan> {
        Self::check_size(message)?;
        message::plan_prepared(&self.profile, &self.calendar, self.zone, message, Some(&self.prepared))
    }

    /// Replays a message's event log: state, counters, who may act, live terms with their
    /// standing at `now`, owed effects and refused events (see `docs/workflow.md`).
    pub fn replay(&self, message: &Message, events: &[WorkflowEvent], now: DateTime<FixedOffset>) -> Result<Replay> {
        Self::check_size(message)?;
        workflow::replay_prepared(&self.profile, &self.calendar, self.zone, message, events, now, Some(&self.prepared))
    }

    /// The control report: every term overdue at `now` across a batch of messages, each
    /// replayed as [`Rules::replay`] replays it, the earliest due first.
    pub fn control_report(&self, batch: &[workflow::BatchItem], now: DateTime<FixedOffset>) -> Result<workflow::ControlReport> {
        workflow::control_report(batch, now, |message, events| self.replay(message, events, now))
    }

    /// Whether `viewer` may read the message and its answer; `events` says whether it is
    /// published (an empty log: not yet).
    pub fn can_view(&self, message: &Message, events: &[WorkflowEvent], viewer: &Actor) -> Result<View> {
        workflow::can_view(&self.profile, &self.calendar, self.zone, message, events, viewer)
    }
}

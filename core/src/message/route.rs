//! `route`: where a message goes and which answer term follows.

use serde::{Deserialize, Serialize};

use super::facts::Facts;
use super::model::Message;
use super::plan::PreparedTerms;
use crate::error::{Error, Result};
use crate::profile::{Cited, Profile, RoutingWalk, TermRule};
use crate::term::TermUnit;

/// An organisation in a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoutedOrganisation {
    /// Stable id of the profile.
    pub id: String,
    /// Russian name.
    pub name_ru: String,
    /// English name.
    pub name_en: String,
    /// The profile stands in for an organisation the regulation does not name.
    pub placeholder: bool,
}

/// Where the fast-track level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FastTrackSource {
    /// The message's own `fast_track`, set by the platform.
    Message,
    /// The category's routing.
    Category,
}

/// The fast-track level of a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoutedFastTrack {
    /// Level id (`ft1`, `d5`, `fast`).
    pub level: String,
    /// Where it came from.
    pub source: FastTrackSource,
    /// Clause.
    pub clause: String,
}

/// A term summary: what governs the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TermSummary {
    /// Term name (`answer`, `answer_59fz`) or fast-track level id.
    pub name: String,
    /// Amount.
    pub amount: i64,
    /// Unit.
    pub unit: TermUnit,
    /// Clause.
    pub clause: String,
}

/// Everything `route` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Route {
    /// The category routed (the subcategory when given).
    pub category: String,
    /// The category and its ancestors, nearest first.
    pub path: Vec<String>,
    /// The responsible organisation.
    pub organisation: RoutedOrganisation,
    /// Co-executors.
    pub co_executors: Vec<RoutedOrganisation>,
    /// Clause of the routing.
    pub clause: String,
    /// The fast-track level, if any.
    pub fast_track: Option<RoutedFastTrack>,
    /// The answer term that follows; `None` when the regulation sets none.
    pub answer_term: Option<TermSummary>,
}

fn organisation(profile: &Profile, id: &str) -> RoutedOrganisation {
    match profile.organisations.iter().find(|o| o.id == id) {
        Some(o) => RoutedOrganisation {
            id: o.id.clone(),
            name_ru: o.name_ru.clone(),
            name_en: o.name_en.clone(),
            placeholder: o.placeholder,
        },
        None => RoutedOrganisation { id: id.to_string(), name_ru: id.to_string(), name_en: id.to_string(), placeholder: true },
    }
}

/// The answer term rule for a message and the fast-track level that chose it (convention 10: a
/// fast-track term replaces the base answer term; a 59-FZ appeal has its own term).
pub(crate) fn answer_rule<'p>(profile: &'p Profile, message: &Message) -> Result<(Option<&'p TermRule>, Option<RoutedFastTrack>)> {
    let facts = Facts::of(message);
    let (rule, level) = answer_level(profile, &facts, || category_level(profile, None, &facts))?;
    Ok((rule, level.map(ChosenLevel::routed)))
}

/// The fast-track level the message's category inherits, found in `routes` when they are
/// given (else by walking the category tree).
pub(crate) fn category_level<'p>(
    profile: &'p Profile,
    routes: Option<&'p PreparedRoutes>,
    facts: &Facts<'_>,
) -> Option<&'p Cited<String>> {
    let category = facts.category?;
    match routes {
        Some(routes) => routes.of(profile, category)?.fast_track.as_ref(),
        None => profile.routing_walk(category)?.fast_track,
    }
}

/// The fast-track level that chose the answer term, still borrowed from the profile: `route`
/// writes it out, `plan` only needs the rule.
pub(crate) enum ChosenLevel<'p, 'm> {
    /// The message's own `fast_track`, and the level's rule.
    Message(&'m str, &'p TermRule),
    /// The category's routing.
    Category(&'p Cited<String>),
}

impl ChosenLevel<'_, '_> {
    /// The level as `route` reports it.
    fn routed(self) -> RoutedFastTrack {
        match self {
            Self::Message(level, rule) => {
                RoutedFastTrack { level: level.to_string(), source: FastTrackSource::Message, clause: rule.citation() }
            }
            Self::Category(ft) => {
                RoutedFastTrack { level: ft.value.clone(), source: FastTrackSource::Category, clause: ft.citation() }
            }
        }
    }
}

/// [`answer_rule`] with the category's fast-track level supplied by the caller (`route` has
/// already walked the category tree), and the level left borrowed.
pub(crate) fn answer_level<'p, 'm>(
    profile: &'p Profile,
    facts: &Facts<'m>,
    category_level: impl FnOnce() -> Option<&'p Cited<String>>,
) -> Result<(Option<&'p TermRule>, Option<ChosenLevel<'p, 'm>>)> {
    if let Some(level) = facts.fast_track {
        let rule = profile.fast_track.get(level).ok_or_else(|| {
            let known: Vec<&str> = profile.fast_track.keys().map(String::as_str).collect();
            Error::input("fast_track", format!("unknown fast-track level `{level}`; known: {}", known.join(", ")))
        })?;
        return Ok((Some(rule), Some(ChosenLevel::Message(level, rule))));
    }
    if let Some(ft) = category_level() {
        // A seasonal level holds only for a message sent in its season (local date); out of
        // it the category is on the ordinary answer term.
        let in_season = |rule: &TermRule| {
            rule.scope.season.is_none_or(|s| {
                let zone = profile.municipality.tz().unwrap_or(chrono_tz::Tz::UTC);
                s.contains(facts.sent_at.with_timezone(&zone).date_naive())
            })
        };
        if let Some(rule) = profile.fast_track.get(&ft.value).filter(|r| in_season(r)) {
            return Ok((Some(rule), Some(ChosenLevel::Category(ft))));
        }
    }
    let appeal = facts.appeal_59fz.then(|| {
        profile.terms.values().find(|t| !t.unset && t.name.starts_with("answer") && t.applies_to == crate::profile::AppliesTo::Appeal59fz)
    });
    Ok((appeal.flatten().or_else(|| profile.term("answer")), None))
}

/// The answer term a route reports, with its citation from `terms` when they hold it (written
/// here otherwise).
fn summary(rule: &TermRule, terms: Option<&PreparedTerms>) -> Option<TermSummary> {
    let clause = terms.and_then(|t| t.clause(rule)).map_or_else(|| rule.citation(), str::to_string);
    Some(TermSummary { name: rule.name.clone(), amount: rule.amount?, unit: rule.unit?, clause })
}

/// What a route says of its category whatever the message: the path, the organisations and
/// the clause. [`route`] writes it for one message; [`PreparedRoutes`] once per category.
#[derive(Debug, Clone)]
struct CategoryRoute {
    path: Vec<String>,
    organisation: RoutedOrganisation,
    co_executors: Vec<RoutedOrganisation>,
    clause: String,
}

impl CategoryRoute {
    /// The route of the category `routing` walked from.
    fn new(profile: &Profile, routing: &RoutingWalk<'_>) -> Self {
        let mut path = Vec::with_capacity(routing.depth);
        path.extend(profile.lineage(routing.first).map(|c| c.id.clone()));
        let co_executors = match routing.co_executors {
            Some(c) => {
                let mut orgs = Vec::with_capacity(c.value.len());
                orgs.extend(c.value.iter().map(|id| organisation(profile, id)));
                orgs
            }
            None => Vec::new(),
        };
        Self { path, organisation: organisation(profile, &routing.org.value), co_executors, clause: routing.org.citation() }
    }

    /// The route of a message in `category`, with the level and answer term chosen for it.
    fn into_route(self, category: &str, level: Option<ChosenLevel<'_, '_>>, answer_term: Option<TermSummary>) -> Route {
        Route {
            category: category.to_string(),
            path: self.path,
            organisation: self.organisation,
            co_executors: self.co_executors,
            clause: self.clause,
            fast_track: level.map(ChosenLevel::routed),
            answer_term,
        }
    }
}

/// One category's route, written out once: every message in the category gets a copy.
#[derive(Debug, Clone)]
struct PreparedRoute {
    route: CategoryRoute,
    /// The fast-track level the category inherits, if any.
    fast_track: Option<Cited<String>>,
}

/// Every category's route, kept by [`crate::Rules`]: routing a message then looks up its
/// category and copies what the route holds, instead of walking the tree, finding the
/// organisations and writing the citation again.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreparedRoutes {
    /// By the index of the category in the profile; `None` where it cannot be routed.
    routes: Vec<Option<PreparedRoute>>,
}

impl PreparedRoutes {
    /// Routes every category of `profile`; the result answers only for that profile.
    pub(crate) fn new(profile: &Profile) -> Self {
        let prepare = |category: &crate::profile::Category| {
            let routing = profile.routing_walk(&category.id)?;
            Some(PreparedRoute { route: CategoryRoute::new(profile, &routing), fast_track: routing.fast_track.cloned() })
        };
        Self { routes: profile.categories.iter().map(prepare).collect() }
    }

    /// The route of `category`: of the first category with the id, as `Profile::category`
    /// finds it; `None` where it cannot be routed.
    fn of(&self, profile: &Profile, category: &str) -> Option<&PreparedRoute> {
        let i = profile.categories.iter().position(|c| c.id == category)?;
        self.routes.get(i)?.as_ref()
    }
}

/// The category a message is routed by (its subcategory when it has one) and the field that
/// names it, for the error when the profile has no such category.
fn routed_category(message: &Message) -> Result<(&str, &'static str)> {
    let category = message
        .subcategory
        .as_deref()
        .or(message.category.as_deref())
        .ok_or_else(|| Error::input("category", "a message needs a category to be routed"))?;
    let field = if message.subcategory.is_some() { "subcategory" } else { "category" };
    Ok((category, field))
}

/// The error for a category the profile does not route.
fn unknown_category(profile: &Profile, field: &str, category: &str) -> Error {
    Error::input(field, format!("unknown category `{category}` in profile `{}`", profile.id))
}

/// [`route`] from the routes and terms prepared for `profile` (as [`crate::Rules`] keeps them);
/// the same answer.
pub(crate) fn route_prepared(
    profile: &Profile,
    routes: &PreparedRoutes,
    terms: &PreparedTerms,
    message: &Message,
) -> Result<Route> {
    let (category, field) = routed_category(message)?;
    let prepared = routes.of(profile, category).ok_or_else(|| unknown_category(profile, field, category))?;
    let (rule, level) = answer_level(profile, &Facts::of(message), || prepared.fast_track.as_ref())?;
    Ok(prepared.route.clone().into_route(category, level, rule.and_then(|r| summary(r, Some(terms)))))
}

/// Routes a message by its (sub)category.
pub fn route(profile: &Profile, message: &Message) -> Result<Route> {
    let (category, field) = routed_category(message)?;
    let routing = profile.routing_walk(category).ok_or_else(|| unknown_category(profile, field, category))?;
    let (rule, level) = answer_level(profile, &Facts::of(message), || routing.fast_track)?;
    Ok(CategoryRoute::new(profile, &routing).into_route(category, level, rule.and_then(|r| summary(r, None))))
}

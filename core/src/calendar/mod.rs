//! The production calendar: which days are working, and counting working days.
//!
//! Regulation terms are counted in working days of the Russian production calendar (federal
//! holidays, Government transfers, presidential decree days) plus regional days off. A
//! [`Calendar`] stacks act-cited layers (see [`Layer`]) and answers every question in O(1) from
//! precomputed indexes. A date outside the covered years is an [`Error::OutOfRange`], never a
//! guess.

mod builtin;
mod choice;
mod index;
mod layer;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use builtin::{REGIONS, REGION_NAMES};
pub use choice::{CalendarChoice, LayerRef};
pub use layer::{AppliesTo, Covers, DayEntry, DayKind, Layer, Source, YearCount};

use crate::error::{Error, Result};
use index::Index;

/// The built-in layer ids of a region code that stacks layers with `+` (`"ru+ru-sta"`), lowest
/// first; a plain code (`"ru-ta"`) is one id.
pub fn region_spec(region: &str) -> impl Iterator<Item = &str> {
    region.split('+').map(str::trim)
}

/// Switches that change what counts as a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarOptions {
    /// Count presidential decree days (2020, 2021) as non-working. They were days off with pay
    /// kept, and most regulations' terms did not run on them, hence the default `true`.
    pub decree_days_off: bool,
    /// Whose days off the calendar keeps: a day a layer gives only to some bodies
    /// ([`DayEntry::applies_to`]) counts when `observes` is that scope or a narrower one.
    ///
    /// - `everyone`: only days the acts give to every employer (a private firm's calendar);
    /// - `state_and_municipal_bodies` (default): also the days given to state *and municipal*
    ///   bodies. Every portal the library serves is run by a municipal body, whose staff keep
    ///   those days; days an act gives to the region's *state* bodies alone do not bind it;
    /// - `state_bodies`: every day, for a regional state body's portal (or a municipality whose
    ///   own act adopts the region's state-body days).
    pub observes: AppliesTo,
}

impl Default for CalendarOptions {
    fn default() -> Self {
        Self { decree_days_off: true, observes: AppliesTo::StateAndMunicipalBodies }
    }
}

impl CalendarOptions {
    /// Whether a day given to `scope` counts under these options: the scopes are ordered from
    /// the widest (`everyone`) to the narrowest (`state_bodies`), and a body observes the days
    /// given to its own scope and to every wider one.
    pub fn observes(&self, scope: AppliesTo) -> bool {
        scope <= self.observes
    }
}

/// One listed entry of a day, with the act it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DayNote {
    /// What the entry says the day is.
    pub kind: DayKind,
    /// Id of the layer that lists it (`ru`, `ru-ta`, or a user's layer).
    pub layer: String,
    /// Russian note.
    pub note_ru: Option<String>,
    /// English note.
    pub note_en: Option<String>,
    /// For transfers: the day whose rest moved here.
    pub from: Option<NaiveDate>,
    /// Whether the act behind it is not out yet or not confirmed.
    pub provisional: bool,
    /// The act: its Russian title.
    pub source_ru: String,
    /// The act: its English title, where known.
    pub source_en: Option<String>,
    /// Short Russian citation of the act, where the layer gives one.
    pub source_short_ru: Option<String>,
    /// Short English citation of the act, where the layer gives one.
    pub source_short_en: Option<String>,
}

/// Everything the calendar knows about one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Whether terms count this day.
    pub working: bool,
    /// Whether the day is shortened (art. 95).
    pub short: bool,
    /// Whether its status depends on an act not out yet.
    pub provisional: bool,
    /// Listed entries, lowest layer first.
    pub notes: Vec<DayNote>,
}

/// A production calendar: stacked layers with O(1) working-day arithmetic.
///
/// Cheap to clone (the tables are shared).
#[derive(Debug, Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    id: String,
    options: CalendarOptions,
    layers: Vec<Layer>,
    notes: BTreeMap<NaiveDate, Vec<DayNote>>,
    index: Index,
}

impl Calendar {
    /// The built-in calendar of a region (`ru`, `ru-ta`, `ru-sta`, or `ru+ru-sta`) with default options.
    pub fn builtin(region: &str) -> Result<Self> {
        Self::builtin_with(region, CalendarOptions::default())
    }

    /// The built-in calendar of a region with the given options.
    ///
    /// `region` may stack built-in layers with `+`: `"ru+ru-sta"` is the region `ru` with the
    /// layer `ru-sta` on top (the same as [`Calendar::builtin_layers`]), so every binding and the
    /// conformance cases accept a layer list wherever they accept a region code.
    pub fn builtin_with(region: &str, options: CalendarOptions) -> Result<Self> {
        let chains = region_spec(region).map(Self::builtin_chain).collect::<Result<Vec<_>>>()?;
        Self::from_chains(chains, options)
    }

    /// A built-in region with further built-in layers on top, in order (the CLI's and the
    /// bindings' `layers`). Each added layer brings the layers it `extends`.
    pub fn builtin_layers(region: &str, layers: &[String], options: CalendarOptions) -> Result<Self> {
        let mut chains = vec![Self::builtin_chain(region)?];
        for id in layers {
            chains.push(Self::builtin_chain(id)?);
        }
        Self::from_chains(chains, options)
    }

    /// Stacks chains of layers in order, each layer once (the first time its id appears): a
    /// region and the layers a profile names on top, which may `extends` the same base.
    pub fn from_chains(chains: Vec<Vec<Layer>>, options: CalendarOptions) -> Result<Self> {
        let mut stack: Vec<Layer> = Vec::new();
        for layer in chains.into_iter().flatten() {
            if !stack.iter().any(|l| l.id == layer.id) {
                stack.push(layer);
            }
        }
        Self::from_layers(stack, options)
    }

    /// The built-in layer `region` and those it `extends`, lowest first.
    pub fn builtin_chain(region: &str) -> Result<Vec<Layer>> {
        let mut chain = Vec::new();
        let mut next = Some(region.to_string());
        while let Some(id) = next {
            let (_, file, source) = builtin::LAYERS
                .iter()
                .find(|(lid, _, _)| *lid == id)
                .ok_or_else(|| Error::UnknownRegion(id.clone(), REGIONS.join(", ")))?;
            let layer = Layer::from_toml(source, file)?;
            next = layer.extends.clone();
            chain.push(layer);
            if chain.len() > builtin::LAYERS.len() {
                return Err(Error::UnknownRegion(region.to_string(), REGIONS.join(", ")));
            }
        }
        chain.reverse();
        Ok(chain)
    }

    /// Builds a calendar from layers, lowest first. The first layer sets the covered range.
    pub fn from_layers(layers: Vec<Layer>, options: CalendarOptions) -> Result<Self> {
        let Some(base) = layers.first() else {
            return Err(Error::input("layers", "a calendar needs at least one layer"));
        };
        let id = layers.last().map_or_else(String::new, |l| l.id.clone());
        // The covered years are the union of the layers' years, which must leave no gap: a
        // layer for 2028 extends a 2019–2027 calendar, a layer for 2030 alone is refused.
        let (mut from, mut to) = (base.covers.from, base.covers.to);
        for l in layers.iter().skip(1) {
            if l.covers.from > to.saturating_add(1) || l.covers.to < from.saturating_sub(1) {
                return Err(Error::input(
                    "covers",
                    format!(
                        "layer `{}` covers {}..={}, which leaves a gap after the calendar's {from}..={to}",
                        l.id, l.covers.from, l.covers.to
                    ),
                ));
            }
            from = from.min(l.covers.from);
            to = to.max(l.covers.to);
        }
        let start = NaiveDate::from_ymd_opt(from, 1, 1)
            .ok_or_else(|| Error::input("covers.from", format!("year {from} is out of range")))?;
        let end = NaiveDate::from_ymd_opt(to, 12, 31)
            .ok_or_else(|| Error::input("covers.to", format!("year {to} is out of range")))?;
        let len = usize::try_from((end - start).num_days() + 1)
            .map_err(|_| Error::input("covers", "empty range"))?;

        let mut working: Vec<bool> = (0..len)
            .map(|i| {
                let d = start + chrono::Days::new(i as u64);
                !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            })
            .collect();
        let mut provisional = vec![false; len];
        let mut notes: BTreeMap<NaiveDate, Vec<DayNote>> = BTreeMap::new();
        for layer in &layers {
            for day in layer.days.iter().filter(|d| options.observes(d.applies_to)) {
                let Some(i) = usize::try_from((day.date - start).num_days()).ok().filter(|i| *i < len)
                else {
                    continue;
                };
                let status = match day.kind {
                    DayKind::Holiday | DayKind::TransferOff | DayKind::RegionalOff => Some(false),
                    DayKind::DecreeOff => options.decree_days_off.then_some(false),
                    DayKind::WorkSaturday => Some(true),
                    DayKind::ShortDay => None,
                };
                if let (Some(w), Some(slot)) = (status, working.get_mut(i)) {
                    *slot = w;
                    if let Some(p) = provisional.get_mut(i) {
                        *p = day.provisional;
                    }
                }
                let source = layer.sources.iter().find(|s| s.id == day.source);
                notes.entry(day.date).or_default().push(DayNote {
                    kind: day.kind,
                    layer: layer.id.clone(),
                    note_ru: day.note_ru.clone(),
                    note_en: day.note_en.clone(),
                    from: day.from,
                    provisional: day.provisional,
                    source_ru: source.map_or_else(|| day.source.clone(), |s| s.title_ru.clone()),
                    source_en: source.and_then(|s| s.title_en.clone()),
                    source_short_ru: source.and_then(|s| s.short_ru.clone()),
                    source_short_en: source.and_then(|s| s.short_en.clone()),
                });
            }
        }
        let index = Index::build(start, end, working, &provisional);
        Ok(Self { inner: Arc::new(Inner { id, options, layers, notes, index }) })
    }

    /// Adds a layer on top (next year's decree, a local day off) without recompiling.
    pub fn with_layer(&self, layer: Layer) -> Result<Self> {
        let mut layers = self.inner.layers.clone();
        layers.push(layer);
        Self::from_layers(layers, self.inner.options)
    }

    /// Parses a layer file and adds it on top; errors name the file, line and column.
    pub fn with_layer_toml(&self, source: &str, file: &str) -> Result<Self> {
        self.with_layer(Layer::from_toml(source, file)?)
    }

    /// Id of the top layer: the region this calendar answers for.
    pub fn id(&self) -> &str {
        &self.inner.id
    }

    /// The options it was built with.
    pub fn options(&self) -> CalendarOptions {
        self.inner.options
    }

    /// The layers, lowest first.
    pub fn layers(&self) -> &[Layer] {
        &self.inner.layers
    }

    /// First and last covered day.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.inner.index.start, self.inner.index.end)
    }

    fn out_of_range(&self, date: NaiveDate) -> Error {
        Error::OutOfRange {
            date: date.to_string(),
            calendar: self.inner.id.clone(),
            from: self.inner.index.start.to_string(),
            to: self.inner.index.end.to_string(),
        }
    }

    fn offset(&self, date: NaiveDate) -> Result<usize> {
        self.inner.index.offset(date).ok_or_else(|| self.out_of_range(date))
    }

    /// Whether terms count `date`.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        let i = self.offset(date)?;
        Ok(self.inner.index.working.get(i).copied().unwrap_or(false))
    }

    /// Everything known about `date`: working or not, shortened, and the acts behind it.
    pub fn day_info(&self, date: NaiveDate) -> Result<DayInfo> {
        let working = self.is_working_day(date)?;
        let notes = self.inner.notes.get(&date).cloned().unwrap_or_default();
        let i = self.offset(date)?;
        Ok(DayInfo {
            date,
            working,
            short: working && notes.iter().any(|n| n.kind == DayKind::ShortDay),
            provisional: self.inner.index.provisional_between(i, i) > 0,
            notes,
        })
    }

    /// Listed days between two dates inclusive with their entries, in date order.
    /// Empty when `to` is before `from`.
    pub fn listed(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (NaiveDate, &[DayNote])> {
        (from <= to)
            .then(|| self.inner.notes.range(from..=to))
            .into_iter()
            .flatten()
            .map(|(d, n)| (*d, n.as_slice()))
    }

    /// Listed entries of `date` (empty for an ordinary day); no range check.
    pub fn notes(&self, date: NaiveDate) -> &[DayNote] {
        self.inner.notes.get(&date).map_or(&[], Vec::as_slice)
    }

    /// The date `n` working days after `date` (before it, for negative `n`).
    ///
    /// `date` itself need not be working; `n = 0` returns `date`. For `n > 0` the result is the
    /// n-th working day strictly after `date`, so a term of N working days that begins on the
    /// day after its start event (Civil Code art. 191) ends on `add_working_days(start, N)`.
    pub fn add_working_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        let i = self.offset(date)?;
        if n == 0 {
            return Ok(date);
        }
        let idx = &self.inner.index;
        let working_here = idx.working.get(i).copied().unwrap_or(false);
        let rank = i64::from(idx.rank_at(i).unwrap_or(0));
        let target = if n > 0 {
            rank + i64::from(working_here) + n - 1
        } else {
            rank + n
        };
        match idx.working_day(target) {
            Some(date) => Ok(date),
            None => Err(self.out_of_range(if n > 0 {
                idx.end + chrono::Days::new(1)
            } else {
                idx.start - chrono::Days::new(1)
            })),
        }
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, 1)
    }

    /// The last working day strictly before `date`.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, -1)
    }

    /// Working days `d` with `from < d <= to`; negative when `to` is before `from`.
    ///
    /// The inverse of [`Calendar::add_working_days`]: counting the days of a term back from its
    /// last day gives its length.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let a = self.offset(from)?;
        let b = self.offset(to)?;
        let idx = &self.inner.index;
        let ra = i64::from(idx.rank_at(a + 1).unwrap_or(0));
        let rb = i64::from(idx.rank_at(b + 1).unwrap_or(0));
        Ok(rb - ra)
    }

    /// Provisional days between two dates inclusive (in either order), for "depends on" notes.
    pub fn provisional_days(&self, a: NaiveDate, b: NaiveDate) -> Result<Vec<NaiveDate>> {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let (ia, ib) = (self.offset(a)?, self.offset(b)?);
        if self.inner.index.provisional_between(ia, ib) == 0 {
            return Ok(Vec::new());
        }
        // Only days whose working status comes from a provisional entry: a shortened day next
        // to a provisional holiday changes no count.
        let idx = &self.inner.index;
        Ok(self
            .listed(a, b)
            .filter(|(d, notes)| {
                notes.iter().any(|n| n.provisional)
                    && idx.offset(*d).is_some_and(|i| idx.provisional_between(i, i) > 0)
            })
            .map(|(d, _)| d)
            .collect())
    }

    /// Days that differ from a plain Monday–Friday week or are holidays, with the kinds that
    /// hold under the calendar's options, for the CLI's CSV. A date may appear twice (a working
    /// Saturday that is also shortened). A decree day is listed as `decree_off` only while decree
    /// days are off, and a shortened day as `short_day` only while the day is working: with
    /// decree days off, 2020-04-30 is a day off, not a shortened working day.
    pub fn listed_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, DayKind)>> {
        self.offset(from)?;
        self.offset(to)?;
        let mut out = Vec::new();
        for (date, notes) in self.listed(from, to) {
            let working = self.is_working_day(date)?;
            let holds = |kind: DayKind| match kind {
                DayKind::ShortDay => working,
                DayKind::DecreeOff => self.inner.options.decree_days_off,
                _ => true,
            };
            let mut kinds: Vec<DayKind> = notes.iter().map(|n| n.kind).filter(|k| holds(*k)).collect();
            kinds.sort();
            kinds.dedup();
            out.extend(kinds.into_iter().map(|k| (date, k)));
        }
        Ok(out)
    }
}

//! Checking a merged profile file and turning it into the [`Profile`] model.
//!
//! Deserialization only proves the file has the right shape. This module checks what makes a
//! profile trustworthy: every value cited, every category routed somewhere, every reference
//! pointing at something that exists, valid zones and calendars. Each problem is a diagnostic at
//! the key or value that causes it, in the file that wrote it.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use crate::diagnostic::{did_you_mean, suggest, Diagnostic, Location, Severity};
use crate::term::{Break, OfficeHours, OnNonWorking, ReminderRule, TermUnit};

use super::file::{
    AttachmentsFile, CitedField, OnNonWorkingFile, ProfileFile, ProvisionFile, TermFile, TermStart,
    UnitFile,
};
use super::load::{display_path, ExtendsResolver};
use super::file::{CalendarField, MunicipalityFile};
use crate::calendar::{CalendarChoice, Layer, LayerRef};
use super::model::{
    Attachments, Category, Channels, Cited, ContentRules, Extension, Fields, Language, Lexicon, Limits, Municipality,
    Organisation, Profile, Provision, Publicity, RefusalGround, Regulation, StageShares, Submission,
    Sla, TermDefaults, TermRule, UnsetValue, Workflow,
};
use super::scope::{planned_at_sending, MonthDay, Season, TermScope};
use super::tree::{Node, Seg, Sources};

/// Production calendar regions the library ships (`rules/calendars`).
pub const KNOWN_CALENDARS: &[&str] = crate::calendar::REGIONS;

/// Term names the library's planning and replay code give a meaning of their own. Another name
/// is planned when it runs from the sending ([`planned_at_sending`]: a first answer beside the
/// final one); a name that is neither is warned about, so that a typo (`registation` with
/// `from = "registration"`) does not silently drop a term.
pub const KNOWN_TERMS: &[&str] = &[
    "registration",
    "registration_expected",
    "acceptance",
    "competence_return",
    "head_notice",
    "answer",
    "rework",
    "redirect",
    "vote_window",
    "moderation",
    "coordination",
    "execution",
    "approval",
    "sign_off",
];

/// Validation finding codes (`message::validate`) a refusal ground may name in `finding`;
/// another code is warned about, since no finding would ever point at the ground.
pub const KNOWN_FINDINGS: &[&str] = &[
    "guest_cannot_submit",
    "esia_required",
    "esia_own_behalf",
    "channel_not_allowed",
    "missing_content",
    "missing_category",
    "missing_event_date",
    "missing_event_time",
    "missing_event_place",
    "unknown_category",
    "unknown_fast_track",
    "attachment_format",
    "attachment_count",
    "attachment_total_size",
    "attachment_needs_editing",
    "not_russian",
    "unreadable",
    "obscenity",
    "personal_data_public",
    "medical_data_public",
    "third_party_personal_data",
    "duplicate",
];

fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

fn path(keys: &[&str]) -> Vec<Seg> {
    keys.iter().map(|k| key(k)).collect()
}

fn with(base: &[Seg], more: &[&str]) -> Vec<Seg> {
    let mut p = base.to_vec();
    p.extend(more.iter().map(|k| key(k)));
    p
}

/// What an author writes in their own file to fix an inherited value at `path`: the table
/// header and the key, with a citation for `clause_missing`.
fn what_to_write(tree: &Node, path: &[Seg], code: &str) -> String {
    let mut header = String::new();
    let mut entry = String::new();
    let keys: Vec<&Seg> = path.iter().collect();
    let (last, table) = match keys.split_last() {
        Some((Seg::Key(k), rest)) => (k.as_str(), rest),
        _ => return "repeat the value with its citation".to_string(),
    };
    let mut i = 0;
    while let Some(seg) = table.get(i) {
        match (seg, table.get(i + 1)) {
            (Seg::Key(array), Some(Seg::Index(n))) => {
                header = format!("[[{array}]]");
                if let Some(id) = tree.entry_id(array, *n) {
                    entry = format!(" with `id = \"{id}\"`");
                }
                i += 2;
            }
            (Seg::Key(k), _) => {
                header = if header.is_empty() || header.starts_with("[[") { format!("[{k}]") } else { format!("{}.{k}]", header.trim_end_matches(']')) };
                i += 1;
            }
            _ => i += 1,
        }
    }
    let line = if code == "clause_missing" {
        format!("{last} = {{ clause = \"...\" }}")
    } else {
        format!("{last} = ...")
    };
    if header.is_empty() {
        format!("`{line}`")
    } else {
        format!("under `{header}`{entry} write `{line}`")
    }
}

/// The checking and converting pass.
pub(crate) struct Ctx<'a> {
    tree: &'a Node,
    sources: &'a Sources,
    /// Problems found.
    pub diags: Vec<Diagnostic>,
    is_abstract: bool,
    regulation: String,
    unset: Vec<UnsetValue>,
    /// `[term_defaults] closing_time`, given to every term without its own.
    default_closing: Option<NaiveTime>,
    /// `[office_hours]`, given to every term and reminder in `working_hours`.
    office_hours: Option<OfficeHours>,
    /// Reads the profile's own calendar layer files (the same look-up as `extends`).
    files: Option<ExtendsResolver<'a>>,
}

impl<'a> Ctx<'a> {
    /// A pass over one merged tree.
    pub fn new(tree: &'a Node, sources: &'a Sources, is_abstract: bool) -> Self {
        Self { tree, sources, diags: Vec::new(), is_abstract, regulation: String::new(), unset: Vec::new(), default_closing: None, office_hours: None, files: None }
    }

    /// The look-up for the profile's own calendar layer files (`calendar.layers`).
    pub fn with_files(mut self, files: Option<ExtendsResolver<'a>>) -> Self {
        self.files = files;
        self
    }

    fn loc(&self, path: &[Seg], at_key: bool) -> Option<Location> {
        let (node, depth) = self.tree.locate(path);
        // A path that stops early points at the parent's key, where the missing key belongs.
        self.sources.origin(node.origin, at_key || depth < path.len())
    }

    fn report(&mut self, diag: Diagnostic, path: &[Seg], at_key: bool, help: &str) {
        let mut location = self.loc(path, at_key);
        let mut help = help.to_string();
        // An error in a value the author's file inherits is fixed in the author's file: point
        // there, and say where the value comes from and what to write.
        let own_file = self.sources.files.first().map(|(name, _)| name.as_str());
        if let (Severity::Error, Some(loc), Some(own)) = (diag.severity, &location, own_file) {
            if loc.file != own {
                help = format!(
                    "{help}. The value is inherited from {}:{}:{}; fix it in this file: {}",
                    loc.file,
                    loc.line,
                    loc.column,
                    what_to_write(self.tree, path, &diag.code)
                );
                location = self.own_location(path);
            }
        }
        let diag = diag.with_help(help);
        let diag = match location {
            Some(loc) => diag.at(loc),
            None => diag,
        };
        self.diags.push(diag);
    }

    /// The deepest table on `path` that the author's own file (the first source) wrote, else
    /// the top of that file.
    fn own_location(&self, path: &[Seg]) -> Option<Location> {
        (0..path.len())
            .rev()
            .find_map(|n| {
                let prefix = path.get(..n)?;
                let (node, depth) = self.tree.locate(prefix);
                (depth == n && n > 0 && node.origin.file == 0).then(|| self.sources.origin(node.origin, true)).flatten()
            })
            .or_else(|| self.sources.location(0, 0))
    }

    fn error(&mut self, code: &str, message: String, path: &[Seg], at_key: bool, help: &str) {
        self.report(Diagnostic::error(code, message), path, at_key, help);
    }

    fn warn(&mut self, code: &str, message: String, path: &[Seg], at_key: bool, help: &str) {
        self.report(Diagnostic::warning(code, message), path, at_key, help);
    }

    /// Checks that something with a `clause`/`local_choice` pair is cited exactly once.
    fn citation(&mut self, clause: Option<&String>, local_choice: Option<&String>, path: &[Seg]) {
        match (clause, local_choice) {
            (Some(_), Some(_)) => self.error(
                "citation_ambiguous",
                format!("`{}` has both `clause` and `local_choice`", display_path(path)),
                path,
                true,
                "keep `clause` when the regulation gives the value, `local_choice` when it does not",
            ),
            (None, None) if !self.is_abstract => self.error(
                "clause_missing",
                format!("`{}` cites no clause", display_path(path)),
                path,
                true,
                "add `clause = \"...\"` (the seed's clause), or `local_choice = \"why\"` when the regulation does not give it",
            ),
            _ => {}
        }
    }

    fn cited<T: Clone>(&mut self, field: Option<&CitedField<T>>, path: &[Seg]) -> Option<Cited<T>> {
        let field = field?;
        if field.unset {
            if field.value.is_some() || field.local_choice.is_some() {
                self.error(
                    "unset_with_value",
                    format!("`{}` is `unset` but also has a value or a local choice", display_path(path)),
                    path,
                    true,
                    "an unset value says the regulation gives none: remove `value`/`local_choice`, or remove `unset`",
                );
            }
            self.unset.push(UnsetValue {
                path: display_path(path),
                clause: field.clause.clone(),
                note: field.note.clone(),
            });
            return None;
        }
        let Some(value) = field.value.clone() else {
            self.error(
                "value_missing",
                format!("`{}` has a citation but no value", display_path(path)),
                path,
                true,
                "add `value = ...`, or `unset = true` with a note when the regulation gives none",
            );
            return None;
        };
        self.citation(field.clause.as_ref(), field.local_choice.as_ref(), path);
        Some(Cited {
            value,
            clause: field.clause.clone(),
            local_choice: field.local_choice.clone(),
            note: field.note.clone(),
            regulation: self.regulation.clone(),
        })
    }

    fn required(&mut self, value: Option<&String>, path: &[Seg]) -> String {
        match value {
            Some(v) => v.clone(),
            None => {
                if !self.is_abstract {
                    let name = path.last().map_or(String::new(), |s| display_path(std::slice::from_ref(s)));
                    let parent = path.get(..path.len().saturating_sub(1)).unwrap_or(&[]);
                    self.error(
                        "missing_key",
                        format!("`{}` needs the key `{name}`", display_path(parent)),
                        parent,
                        true,
                        &format!("add `{name} = \"...\"`"),
                    );
                }
                String::new()
            }
        }
    }

    fn time(&mut self, value: Option<&String>, path: &[Seg]) -> Option<NaiveTime> {
        let text = value?;
        match NaiveTime::parse_from_str(text, "%H:%M").or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S")) {
            Ok(t) => Some(t),
            Err(_) => {
                self.error(
                    "bad_time",
                    format!("`{}` is not a time: `{text}`", display_path(path)),
                    path,
                    false,
                    "write local time as \"HH:MM\", e.g. \"17:00\"",
                );
                None
            }
        }
    }

    fn term(&mut self, name: &str, t: &TermFile, p: &[Seg]) -> TermRule {
        if t.unset {
            if t.amount.is_some() || t.unit.is_some() || t.local_choice.is_some() {
                self.error(
                    "unset_with_value",
                    format!("term `{}` is `unset` but also has an amount, unit or local choice", display_path(p)),
                    p,
                    true,
                    "an unset term says the regulation gives none: remove `amount`/`unit`, or remove `unset`",
                );
            }
            self.unset.push(UnsetValue { path: display_path(p), clause: t.clause.clone(), note: t.note.clone() });
        } else {
            if t.unit.is_none() {
                self.error(
                    "term_unit_missing",
                    format!("term `{}` has no unit", display_path(p)),
                    p,
                    true,
                    "add `unit = \"calendar_days\"`, `\"working_days\"` or `\"hours\"` («дней» without «рабочих» is calendar days)",
                );
            }
            match t.amount {
                None => self.error(
                    "term_amount_missing",
                    format!("term `{}` has no amount", display_path(p)),
                    p,
                    true,
                    "add `amount = N`, or `unset = true` with a note when the regulation gives no such term",
                ),
                Some(a) if a < 0 => self.error(
                    "term_amount_negative",
                    format!("term `{}` has a negative amount {a}", display_path(p)),
                    &with(p, &["amount"]),
                    false,
                    "a term is 0 or more units",
                ),
                _ => {}
            }
            self.citation(t.clause.as_ref(), t.local_choice.as_ref(), p);
        }
        let cutoff = self.time(t.cutoff.as_ref(), &with(p, &["cutoff"]));
        let closing_time = self.time(t.closing_time.as_ref(), &with(p, &["closing_time"])).or(self.default_closing);
        let scope = self.scope(t, p);
        let working_hours = !t.unset && t.unit == Some(UnitFile::WorkingHours);
        if working_hours {
            self.need_office_hours(&with(p, &["unit"]), &format!("term `{}`", display_path(p)));
        }
        TermRule {
            name: name.to_string(),
            name_ru: t.name_ru.clone(),
            name_en: t.name_en.clone(),
            amount: if t.unset { None } else { t.amount },
            unit: if t.unset { None } else { t.unit.map(unit) },
            from: t.from.unwrap_or(TermStart::Sending),
            start_on_working_day: t.start_on_working_day.unwrap_or(false),
            start_clause: t.start_clause.clone(),
            on_nonworking: t.on_nonworking.map_or(OnNonWorking::Next, on_nonworking),
            cutoff,
            closing_time,
            applies_to: t.applies_to.unwrap_or_default(),
            unset: t.unset,
            clause: t.clause.clone(),
            local_choice: t.local_choice.clone(),
            note: t.note.clone(),
            mapping_note: t.mapping_note.clone(),
            scope,
            office_hours: if working_hours { self.office_hours } else { None },
            regulation: self.regulation.clone(),
        }
    }

    /// `[limits] extension`: a positive amount, a unit with what it needs, a count of 1 or more.
    fn extension(&mut self, f: &ProfileFile) -> Option<Cited<Extension>> {
        let p = path(&["limits", "extension"]);
        let c = self.cited(f.limits.extension.as_ref(), &p)?;
        let e = c.value;
        if e.amount <= 0 {
            self.error(
                "bad_extension",
                format!("`limits.extension` extends by {} units", e.amount),
                &with(&p, &["value", "amount"]),
                false,
                "an extension is 1 or more units: «не более чем на 30 календарных дней» is `amount = 30, unit = \"calendar_days\"`",
            );
            return None;
        }
        if e.times == Some(0) {
            self.error(
                "bad_extension",
                "`limits.extension` may be used 0 times".to_string(),
                &with(&p, &["value", "times"]),
                false,
                "write `times = 1` for «однократно», N for «не более N раз», or leave `times` out when the regulation sets no count; remove the extension when the term cannot be extended",
            );
            return None;
        }
        if e.unit == UnitFile::WorkingHours {
            self.need_office_hours(&with(&p, &["value", "unit"]), "`limits.extension`");
        }
        let value = Extension { amount: e.amount, unit: unit(e.unit), times: e.times, office_hours: self.office_hours };
        Some(Cited { value, clause: c.clause, local_choice: c.local_choice, note: c.note, regulation: c.regulation })
    }

    /// A term or reminder in `working_hours` needs the profile's `[office_hours]`.
    fn need_office_hours(&mut self, p: &[Seg], what: &str) {
        if self.office_hours.is_none() {
            self.error(
                "office_hours_missing",
                format!("{what} is in `working_hours`, but the profile sets no office hours to count them in"),
                p,
                false,
                "add `[office_hours]` with `opens = \"09:00\"`, `closes = \"18:00\"`, `lunch = { from = \"13:00\", to = \"14:00\" }` and a `clause` (or `local_choice`), or use `working_days` / `hours`",
            );
        }
    }

    /// `[office_hours]`: times, order, and the citation.
    fn office_hours(&mut self, f: &ProfileFile) -> Option<Cited<OfficeHours>> {
        let o = f.office_hours.as_ref()?;
        let p = path(&["office_hours"]);
        self.citation(o.clause.as_ref(), o.local_choice.as_ref(), &p);
        let opens = self.time(Some(&o.opens), &with(&p, &["opens"]));
        let closes = self.time(Some(&o.closes), &with(&p, &["closes"]));
        let lunch = match &o.lunch {
            Some(b) => {
                let from = self.time(Some(&b.from), &with(&p, &["lunch", "from"]));
                let to = self.time(Some(&b.to), &with(&p, &["lunch", "to"]));
                Some(Break { from: from?, to: to? })
            }
            None => None,
        };
        let hours = OfficeHours { opens: opens?, closes: closes?, lunch };
        if let Some(problem) = hours.problem() {
            self.error(
                "bad_office_hours",
                format!("`office_hours` cannot be counted in: {problem}"),
                &p,
                true,
                "write the hours of one ordinary working day: opens < lunch.from < lunch.to < closes, with more than an hour of work (a pre-holiday day is an hour shorter)",
            );
            return None;
        }
        Some(Cited {
            value: hours,
            clause: o.clause.clone(),
            local_choice: o.local_choice.clone(),
            note: o.note.clone(),
            regulation: self.regulation.clone(),
        })
    }

    /// The categories and season a term is limited to; the category ids are checked once the
    /// categories are read ([`Ctx::check_scopes`]).
    fn scope(&mut self, t: &TermFile, p: &[Seg]) -> TermScope {
        let mut season = None;
        if let Some(s) = &t.season {
            let mut day = |text: &str, key: &str| {
                let day = MonthDay::parse(text);
                if day.is_none() {
                    self.error(
                        "bad_season",
                        format!("`{}` is not a day of the year: `{text}`", display_path(&with(p, &["season", key]))),
                        &with(p, &["season", key]),
                        false,
                        "write the day as \"MM-DD\": the heating season «с 1 октября по 30 апреля» is from = \"10-01\", to = \"04-30\"",
                    );
                }
                day
            };
            let (from, to) = (day(&s.from, "from"), day(&s.to, "to"));
            if let (Some(from), Some(to)) = (from, to) {
                season = Some(Season { from, to });
            }
        }
        TermScope { categories: t.categories.clone().unwrap_or_default(), season }
    }

    /// Every category a term's `categories` names exists.
    fn check_scopes(&mut self, section: &str, rules: &BTreeMap<String, TermRule>, cats: &[Category]) {
        for (name, rule) in rules {
            for id in rule.scope.categories.iter().filter(|id| !cats.iter().any(|c| c.id == **id)) {
                let known: Vec<&str> = cats.iter().map(|c| c.id.as_str()).collect();
                self.error(
                    "unknown_category",
                    format!("term `{section}.{name}` is limited to an unknown category `{id}`"),
                    &path(&[section, name, "categories"]),
                    false,
                    &format!("use the id of a [[category]]: {}", known.join(", ")),
                );
            }
        }
    }

    /// `[language]`: each tag known, and `required` among the `accepted` when both are given.
    fn language(&mut self, f: &ProfileFile) -> Language {
        let required = self.cited(f.language.required.as_ref(), &path(&["language", "required"]));
        let accepted = self.cited(f.language.accepted.as_ref(), &path(&["language", "accepted"]));
        let tags = required.iter().map(|r| &r.value).chain(accepted.iter().flat_map(|a| a.value.iter()));
        for tag in tags.filter(|t| super::languages::language(t).is_none()) {
            let known: Vec<&str> = super::languages::LANGUAGES.iter().map(|l| l.0).collect();
            self.error(
                "unknown_language",
                format!("`{tag}` is not a language tag the library knows"),
                &path(&["language"]),
                true,
                &format!("use an ISO 639 tag: {}", known.join(", ")),
            );
        }
        if let (Some(r), Some(a)) = (&required, &accepted) {
            if !a.value.contains(&r.value) {
                self.error(
                    "language_not_accepted",
                    format!("`language.required` is `{}` but `language.accepted` leaves it out", r.value),
                    &path(&["language", "accepted", "value"]),
                    false,
                    &format!("add \"{}\" to `accepted`, or remove `required`", r.value),
                );
            }
        }
        Language { required, accepted }
    }

    /// `[lexicon] NAME`: the list cited, within the limits, each entry one word of letters (or a
    /// stem ending in `*`) written once.
    fn words(&mut self, field: Option<&CitedField<Vec<String>>>, name: &str) -> Option<Cited<Vec<String>>> {
        let list = self.cited(field, &path(&["lexicon", name]))?;
        let at = |n: usize| vec![key("lexicon"), key(name), key("value"), Seg::Index(n)];
        let max = crate::detect::MAX_PROFILE_WORDS;
        if list.value.len() > max {
            self.error(
                "limit_lexicon_words",
                format!("`lexicon.{name}` has {} words; a list may have at most {max}", list.value.len()),
                &at(max),
                false,
                "list the stems (`корень*`) rather than every form; a portal's own additions are tens of words",
            );
            return None;
        }
        let mut seen = std::collections::HashMap::new();
        for (n, entry) in list.value.iter().enumerate() {
            let problem = match crate::detect::fold_entry(entry) {
                Ok(folded) => seen.insert(folded, n).map(|first| {
                    ("lexicon_duplicate", format!("`{entry}` repeats entry {} of `lexicon.{name}` (after lower case and `ё`→`е`)", first + 1), "remove the repeat".to_string())
                }),
                Err(crate::detect::BadWord::Empty) => Some(("lexicon_empty_word", format!("entry {} of `lexicon.{name}` is empty", n + 1), "write the word, or remove the entry".to_string())),
                Err(crate::detect::BadWord::NotLetters) => Some((
                    "lexicon_not_a_word",
                    format!("`{entry}` in `lexicon.{name}` is not one word of letters"),
                    "write one word per entry, letters only; end it with `*` to match every word it begins".to_string(),
                )),
                Err(crate::detect::BadWord::TooLong) => Some((
                    "limit_lexicon_word_length",
                    format!("`{entry}` in `lexicon.{name}` is longer than {} letters", crate::detect::MAX_PROFILE_WORD_CHARS),
                    "write the word's stem with `*` instead".to_string(),
                )),
            };
            if let Some((code, message, help)) = problem {
                self.error(code, message, &at(n), false, &help);
            }
        }
        Some(list)
    }

    fn attachments(&mut self, a: &AttachmentsFile, section: &str) -> Attachments {
        Attachments {
            media_types: self.cited(a.media_types.as_ref(), &path(&[section, "media_types"])),
            max_count: self.cited(a.max_count.as_ref(), &path(&[section, "max_count"])),
            max_total_bytes: self.cited(a.max_total_bytes.as_ref(), &path(&[section, "max_total_bytes"])),
            editing_forbidden: self.cited(a.editing_forbidden.as_ref(), &path(&[section, "editing_forbidden"])),
        }
    }

    /// Checks the merged file and builds the profile; `None` for an abstract base.
    pub fn resolve(&mut self, f: &ProfileFile, bases: &[String]) -> Option<Profile> {
        let reg_file = f.regulation.as_ref();
        self.regulation = reg_file.and_then(|r| r.short_en.clone()).unwrap_or_else(|| f.id.clone());
        if !self.is_abstract {
            for (present, name) in [
                (f.family.is_some(), "family"),
                (f.regulation.is_some(), "regulation"),
                (f.municipality.is_some(), "municipality"),
            ] {
                if !present {
                    self.error(
                        "missing_key",
                        format!("the profile needs `{name}`"),
                        &[],
                        true,
                        "a concrete profile (not `abstract = true`) must say its family, regulation and municipality",
                    );
                }
            }
        }
        let regulation = self.regulation_section(f);
        let municipality = self.municipality_section(f);

        let c = &f.channels;
        let channels = Channels {
            web: self.cited(c.web.as_ref(), &path(&["channels", "web"])),
            app: self.cited(c.app.as_ref(), &path(&["channels", "app"])),
            phone: self.cited(c.phone.as_ref(), &path(&["channels", "phone"])),
            epgu: self.cited(c.epgu.as_ref(), &path(&["channels", "epgu"])),
        };
        let s = &f.submission;
        let sp = |k: &str| path(&["submission", k]);
        let submission = Submission {
            account_required: self.cited(s.account_required.as_ref(), &sp("account_required")),
            esia_required: self.cited(s.esia_required.as_ref(), &sp("esia_required")),
            esia_own_behalf_only: self.cited(s.esia_own_behalf_only.as_ref(), &sp("esia_own_behalf_only")),
            legal_entities: self.cited(s.legal_entities.as_ref(), &sp("legal_entities")),
            guests_may_support: self.cited(s.guests_may_support.as_ref(), &sp("guests_may_support")),
            guests_may_vote: self.cited(s.guests_may_vote.as_ref(), &sp("guests_may_vote")),
            guests_may_submit: self.cited(s.guests_may_submit.as_ref(), &sp("guests_may_submit")),
        };
        let d = &f.fields;
        let fp = |k: &str| path(&["fields", k]);
        let fields = Fields {
            content: self.cited(d.content.as_ref(), &fp("content")),
            category: self.cited(d.category.as_ref(), &fp("category")),
            event_date: self.cited(d.event_date.as_ref(), &fp("event_date")),
            event_time: self.cited(d.event_time.as_ref(), &fp("event_time")),
            event_place: self.cited(d.event_place.as_ref(), &fp("event_place")),
            full_name: self.cited(d.full_name.as_ref(), &fp("full_name")),
            phone: self.cited(d.phone.as_ref(), &fp("phone")),
            other_circumstances: self.cited(d.other_circumstances.as_ref(), &fp("other_circumstances")),
        };
        let language = self.language(f);
        let attachments = self.attachments(&f.attachments, "attachments");
        let answer_attachments = self.attachments(&f.answer_attachments, "answer_attachments");
        let pb = &f.publicity;
        let pp = |k: &str| path(&["publicity", k]);
        let publicity = Publicity {
            user_chooses: self.cited(pb.user_chooses.as_ref(), &pp("user_chooses")),
            default: self.cited(pb.default.as_ref(), &pp("default")),
            personal_data: self.cited(pb.personal_data.as_ref(), &pp("personal_data")),
            medical_data: self.cited(pb.medical_data.as_ref(), &pp("medical_data")),
            confidential: self.cited(pb.confidential.as_ref(), &pp("confidential")),
            third_party_personal_data: self.cited(pb.third_party_personal_data.as_ref(), &pp("third_party_personal_data")),
        };
        let content = ContentRules {
            obscenity: self.cited(f.content.obscenity.as_ref(), &path(&["content", "obscenity"])),
            duplicates: self.cited(f.content.duplicates.as_ref(), &path(&["content", "duplicates"])),
        };
        let lexicon = Lexicon { obscene: self.words(f.lexicon.obscene.as_ref(), "obscene"), medical: self.words(f.lexicon.medical.as_ref(), "medical") };
        let refusals = self.refusals(f);
        let organisations = self.organisations(f);
        let term_defaults = TermDefaults {
            closing_time: self.cited(f.term_defaults.closing_time.as_ref(), &path(&["term_defaults", "closing_time"])).and_then(|c| {
                let at = self.time(Some(&c.value), &path(&["term_defaults", "closing_time", "value"]))?;
                Some(Cited { value: at, clause: c.clause, local_choice: c.local_choice, note: c.note, regulation: c.regulation })
            }),
        };
        self.default_closing = term_defaults.closing_time.as_ref().map(|c| c.value);
        let office_hours = self.office_hours(f);
        self.office_hours = office_hours.as_ref().map(|c| c.value);
        let sla = Sla {
            reminder: self.cited(f.sla.reminder.as_ref(), &path(&["sla", "reminder"])).and_then(|c| {
                if c.value.amount < 0 {
                    self.error(
                        "term_amount_negative",
                        format!("`sla.reminder` has a negative amount {}", c.value.amount),
                        &path(&["sla", "reminder", "value", "amount"]),
                        false,
                        "a reminder is 0 or more units before the term falls due",
                    );
                    return None;
                }
                if c.value.unit == UnitFile::WorkingHours {
                    self.need_office_hours(&path(&["sla", "reminder", "value", "unit"]), "`sla.reminder`");
                }
                let rule = ReminderRule { amount: c.value.amount, unit: unit(c.value.unit), office_hours: self.office_hours };
                Some(Cited { value: rule, clause: c.clause, local_choice: c.local_choice, note: c.note, regulation: c.regulation })
            }),
        };
        let mut terms = BTreeMap::new();
        for (name, t) in &f.terms {
            let p = path(&["terms", name]);
            let from = t.from.unwrap_or(TermStart::Sending);
            if !KNOWN_TERMS.contains(&name.as_str()) {
                if let Some(meant) = did_you_mean(name, KNOWN_TERMS.iter().copied()) {
                    self.warn(
                        "unknown_term_name",
                        format!("term name `{name}` is not one the library plans with: did you mean `{meant}`?"),
                        &p,
                        true,
                        &format!("as written, `{name}` is a term of its own beside `{meant}`; fix the spelling, or pick a name further from the known ones: {}", KNOWN_TERMS.join(", ")),
                    );
                } else if !planned_at_sending(name, from) {
                    self.warn(
                        "unknown_term_name",
                        format!("term name `{name}` is not one the library plans with"),
                        &p,
                        true,
                        &format!(
                            "a term of your own name is planned only when it runs from the sending (omit `from`) and is not named `answer…`; the names that run from other events are: {}",
                            KNOWN_TERMS.join(", ")
                        ),
                    );
                }
            }
            terms.insert(name.clone(), self.term(name, t, &p));
        }
        let mut fast_track = BTreeMap::new();
        for (id, t) in &f.fast_track {
            let rule = self.term(id, t, &path(&["fast_track", id]));
            fast_track.insert(id.clone(), rule);
        }
        let categories = self.categories(f, &organisations, &fast_track);
        self.check_scopes("terms", &terms, &categories);
        self.check_scopes("fast_track", &fast_track, &categories);
        let l = &f.limits;
        let lp = |k: &str| path(&["limits", k]);
        let limits = Limits {
            reworks: self.cited(l.reworks.as_ref(), &lp("reworks")),
            postponements: self.cited(l.postponements.as_ref(), &lp("postponements")),
            extension: self.extension(f),
            vote_threshold: self.cited(l.vote_threshold.as_ref(), &lp("vote_threshold")),
            block_days: self.cited(l.block_days.as_ref(), &lp("block_days")),
        };
        let stage_shares = self.stage_shares(f);
        let workflow = self.workflow(f);

        let family = f.family?;
        if self.is_abstract {
            return None;
        }
        let profile = Profile {
            id: f.id.clone(),
            extends: bases.to_vec(),
            family,
            regulation: regulation?,
            municipality: municipality?,
            channels,
            submission,
            fields,
            language,
            attachments,
            answer_attachments,
            publicity,
            content,
            refusals,
            organisations,
            categories,
            terms,
            fast_track,
            limits,
            stage_shares,
            term_defaults,
            sla,
            office_hours,
            workflow,
            unset: std::mem::take(&mut self.unset),
            lexicon,
        };
        for issue in crate::workflow::static_check(&profile) {
            let keys: Vec<&str> = issue.path.iter().map(String::as_str).collect();
            self.error(&issue.code, issue.message, &path(&keys), true, &issue.help);
        }
        Some(profile)
    }

    fn provisions(
        &mut self,
        section: &str,
        items: &std::collections::BTreeMap<String, ProvisionFile>,
        known: &[&str],
    ) -> std::collections::BTreeMap<String, Provision> {
        let mut out = BTreeMap::new();
        for (name, item) in items {
            let p = path(&["workflow", section, name]);
            if !known.contains(&name.as_str()) {
                self.error(
                    "unknown_workflow_name",
                    format!("`workflow.{section}` has no `{name}`"),
                    &p,
                    true,
                    &format!("known names: {}", known.join(", ")),
                );
                continue;
            }
            self.citation(item.clause.as_ref(), item.local_choice.as_ref(), &p);
            out.insert(
                name.clone(),
                Provision {
                    clause: item.clause.clone(),
                    local_choice: item.local_choice.clone(),
                    note: item.note.clone(),
                    regulation: self.regulation.clone(),
                },
            );
        }
        out
    }

    fn workflow(&mut self, f: &ProfileFile) -> Workflow {
        use crate::workflow::vocabulary;
        let w = &f.workflow;
        Workflow {
            actions: self.provisions("actions", &w.actions, vocabulary::ACTIONS),
            guards: self.provisions("guards", &w.guards, vocabulary::GUARDS),
            effects: self.provisions("effects", &w.effects, vocabulary::EFFECTS),
            unbounded: self.provisions("unbounded", &w.unbounded, vocabulary::STATES),
            declined_transfer_to_executor: w.declined_transfer_to_executor.as_ref().map(|item| {
                self.citation(item.clause.as_ref(), item.local_choice.as_ref(), &path(&["workflow", "declined_transfer_to_executor"]));
                Provision {
                    clause: item.clause.clone(),
                    local_choice: item.local_choice.clone(),
                    note: item.note.clone(),
                    regulation: self.regulation.clone(),
                }
            }),
        }
    }

    fn regulation_section(&mut self, f: &ProfileFile) -> Option<Regulation> {
        let r = f.regulation.as_ref()?;
        let rp = |k: &str| path(&["regulation", k]);
        let act_ru = self.required(r.act_ru.as_ref(), &rp("act_ru"));
        let short_ru = self.required(r.short_ru.as_ref(), &rp("short_ru"));
        let short_en = self.required(r.short_en.as_ref(), &rp("short_en"));
        let effective_text = self.cited(r.effective.as_ref(), &rp("effective"));
        let effective = match effective_text {
            Some(c) => match NaiveDate::parse_from_str(&c.value, "%Y-%m-%d") {
                Ok(date) => Some(Cited {
                    value: date,
                    clause: c.clause,
                    local_choice: c.local_choice,
                    note: c.note,
                    regulation: c.regulation,
                }),
                Err(_) => {
                    self.error(
                        "bad_date",
                        format!("`regulation.effective` is not a date: `{}`", c.value),
                        &path(&["regulation", "effective", "value"]),
                        false,
                        "write the date as \"YYYY-MM-DD\"",
                    );
                    None
                }
            },
            None => None,
        };
        Some(Regulation { act_ru, short_ru, short_en, effective, seed: r.seed.clone() })
    }

    fn municipality_section(&mut self, f: &ProfileFile) -> Option<Municipality> {
        let m = f.municipality.as_ref()?;
        let mp = |k: &str| path(&["municipality", k]);
        let name_ru = self.required(m.name_ru.as_ref(), &mp("name_ru"));
        let name_en = self.required(m.name_en.as_ref(), &mp("name_en"));
        let region_ru = self.required(m.region_ru.as_ref(), &mp("region_ru"));
        let zone = self.required(m.zone.as_ref(), &mp("zone"));
        if m.calendar.is_none() {
            self.required(None, &mp("calendar"));
        }
        if m.zone.is_some() && zone.parse::<chrono_tz::Tz>().is_err() {
            self.error(
                "invalid_zone",
                format!("`{zone}` is not an IANA time zone"),
                &mp("zone"),
                false,
                &suggest(
                    &zone,
                    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()),
                    "use an IANA zone name such as \"Europe/Moscow\", \"Europe/Volgograd\" or \"Asia/Yakutsk\"",
                ),
            );
        }
        let calendar = self.calendar(m);
        self.region_layer_used(m, &region_ru, &calendar);
        let region_code = m.region_code.clone();
        Some(Municipality { name_ru, name_en, region_ru, zone, region_code, calendar })
    }

    /// `municipality.calendar`, either form: the region and built-in layers must be known, the
    /// profile's own layer files are read through the caller's look-up and parsed here, so a
    /// broken file is reported at its own line and the profile is refused whole.
    fn calendar(&mut self, m: &MunicipalityFile) -> CalendarChoice {
        let mut choice = CalendarChoice::region("ru");
        let (region, layers) = match &m.calendar {
            None => return choice,
            Some(CalendarField::Region(region)) => (region.clone(), &[][..]),
            Some(CalendarField::Table(t)) => {
                if let Some(observes) = t.observes {
                    choice.observes = observes;
                }
                choice.reason.clone_from(&t.reason);
                let region = t.region.clone().unwrap_or_else(|| {
                    self.required(None, &path(&["municipality", "calendar", "region"]));
                    "ru".to_string()
                });
                (region, t.layers.as_slice())
            }
        };
        let at = |tail: &[&str]| {
            let mut p = path(&["municipality", "calendar"]);
            if matches!(m.calendar, Some(CalendarField::Table(_))) {
                p.extend(tail.iter().map(|k| key(k)));
            }
            p
        };
        let help = format!("use one of: {}", KNOWN_CALENDARS.join(", "));
        if !KNOWN_CALENDARS.contains(&region.as_str()) {
            let help = suggest(&region, KNOWN_CALENDARS.iter().copied(), &help);
            self.error("invalid_calendar", format!("`{region}` is not a known calendar region"), &at(&["region"]), false, &help);
        }
        choice.region = region;
        for (i, name) in layers.iter().enumerate() {
            let mut here = at(&["layers"]);
            here.push(Seg::Index(i));
            if !name.ends_with(".toml") {
                if !KNOWN_CALENDARS.contains(&name.as_str()) {
                    self.error(
                        "invalid_calendar",
                        format!("`{name}` is not a known calendar layer"),
                        &here,
                        false,
                        &suggest(
                            name,
                            KNOWN_CALENDARS.iter().copied(),
                            &format!("{help}; or a layer file of your own, named with `.toml`"),
                        ),
                    );
                }
                choice.layers.push(LayerRef::Builtin(name.clone()));
                continue;
            }
            let Some((file, source)) = self.files.and_then(|read| read(name)) else {
                self.error(
                    "calendar_layer_file",
                    format!("the calendar layer file `{name}` cannot be read"),
                    &here,
                    false,
                    "name a file beside the profile (relative to it), or load the profile with a resolver that reads it",
                );
                continue;
            };
            match Layer::from_toml(&source, &file) {
                Ok(layer) => choice.layers.push(LayerRef::File { name: name.clone(), layer }),
                Err(crate::Error::Data(diags)) => self.diags.extend(diags),
                Err(e) => self.error("calendar_layer_file", format!("`{name}`: {e}"), &here, false, "fix the layer file"),
            }
        }
        choice
    }

    /// Warns when the municipality lies in a region that has a built-in layer its calendar does
    /// not use: the law of the place sets its days off, and the regulations never say so. The
    /// region is `region_code` where given, else the layer whose `name_ru` is `region_ru`.
    fn region_layer_used(&mut self, m: &MunicipalityFile, region_ru: &str, calendar: &CalendarChoice) {
        let region = match &m.region_code {
            Some(code) => code.to_lowercase(),
            None => match crate::calendar::REGION_NAMES.iter().find(|(_, name)| *name == region_ru) {
                Some((id, _)) => (*id).to_string(),
                None => return,
            },
        };
        if region == "ru" || !KNOWN_CALENDARS.contains(&region.as_str()) {
            return;
        }
        let used = calendar.builtin_ids().any(|id| id == region);
        if !used {
            self.warn(
                "calendar_region_layer",
                format!("the municipality lies in `{region}`, which has its own calendar layer, but the profile's calendar does not use it"),
                &path(&["municipality", "calendar"]),
                false,
                &format!("write `calendar = {{ region = \"ru\", layers = [\"{region}\"], reason = \"...\" }}`"),
            );
        }
    }

    fn refusals(&mut self, f: &ProfileFile) -> Vec<RefusalGround> {
        let mut out = Vec::new();
        for (i, r) in f.refusal.iter().enumerate() {
            let p = vec![key("refusal"), Seg::Index(i)];
            let ru = self.required(r.ru.as_ref(), &with(&p, &["ru"]));
            let en = self.required(r.en.as_ref(), &with(&p, &["en"]));
            self.citation(r.clause.as_ref(), r.local_choice.as_ref(), &with(&p, &["code"]));
            if let Some(finding) = &r.finding {
                if !KNOWN_FINDINGS.contains(&finding.as_str()) {
                    self.warn(
                        "unknown_finding",
                        format!("refusal `{}` names an unknown finding `{finding}`", r.code),
                        &with(&p, &["finding"]),
                        false,
                        &suggest(finding, KNOWN_FINDINGS.iter().copied(), &format!("known findings: {}", KNOWN_FINDINGS.join(", "))),
                    );
                }
            }
            out.push(RefusalGround {
                code: r.code.clone(),
                ru,
                en,
                clause: r.clause.clone(),
                local_choice: r.local_choice.clone(),
                finding: r.finding.clone(),
                note: r.note.clone(),
                regulation: self.regulation.clone(),
            });
        }
        out
    }

    fn organisations(&mut self, f: &ProfileFile) -> Vec<Organisation> {
        let mut out = Vec::new();
        for (i, o) in f.organisation.iter().enumerate() {
            let p = vec![key("organisation"), Seg::Index(i)];
            let name_ru = self.required(o.name_ru.as_ref(), &with(&p, &["name_ru"]));
            let name_en = self.required(o.name_en.as_ref(), &with(&p, &["name_en"]));
            self.citation(o.clause.as_ref(), o.local_choice.as_ref(), &with(&p, &["id"]));
            out.push(Organisation {
                id: o.id.clone(),
                name_ru,
                name_en,
                clause: o.clause.clone(),
                local_choice: o.local_choice.clone(),
                placeholder: o.placeholder,
                note: o.note.clone(),
            });
        }
        out
    }

    fn categories(
        &mut self,
        f: &ProfileFile,
        orgs: &[Organisation],
        levels: &BTreeMap<String, TermRule>,
    ) -> Vec<Category> {
        let mut out = Vec::new();
        let org_ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
        for (i, c) in f.category.iter().enumerate() {
            let p = vec![key("category"), Seg::Index(i)];
            let name_ru = self.required(c.name_ru.as_ref(), &with(&p, &["name_ru"]));
            let name_en = self.required(c.name_en.as_ref(), &with(&p, &["name_en"]));
            self.citation(c.clause.as_ref(), c.local_choice.as_ref(), &with(&p, &["id"]));
            let org = self.cited(c.org.as_ref(), &with(&p, &["org"]));
            let co_executors = self.cited(c.co_executors.as_ref(), &with(&p, &["co_executors"]));
            let fast_track = self.cited(c.fast_track.as_ref(), &with(&p, &["fast_track"]));
            let known_org = |id: &str| orgs.iter().any(|o| o.id == id);
            if let Some(org) = &org {
                if !known_org(&org.value) {
                    self.error(
                        "unknown_organisation",
                        format!("category `{}` is routed to an unknown organisation `{}`", c.id, org.value),
                        &with(&p, &["org", "value"]),
                        false,
                        &suggest(&org.value, org_ids.iter().copied(), &format!("add an [[organisation]] with this id, or use one of: {}", org_ids.join(", "))),
                    );
                }
            }
            if let Some(co) = &co_executors {
                for id in co.value.iter().filter(|id| !known_org(id)) {
                    self.error(
                        "unknown_organisation",
                        format!("category `{}` names an unknown co-executor `{id}`", c.id),
                        &with(&p, &["co_executors", "value"]),
                        false,
                        &suggest(id, org_ids.iter().copied(), &format!("add an [[organisation]] with this id, or use one of: {}", org_ids.join(", "))),
                    );
                }
            }
            if let Some(ft) = &fast_track {
                if !levels.contains_key(&ft.value) {
                    let known: Vec<&str> = levels.keys().map(String::as_str).collect();
                    self.error(
                        "unknown_fast_track",
                        format!("category `{}` names an unknown fast-track level `{}`", c.id, ft.value),
                        &with(&p, &["fast_track", "value"]),
                        false,
                        &if known.is_empty() {
                            format!("this profile defines no fast-track level: define [fast_track.{}] (a term), or remove `fast_track`", ft.value)
                        } else {
                            suggest(&ft.value, known.iter().copied(), &format!("use a level this profile defines ({}), or define [fast_track.{}]", known.join(", "), ft.value))
                        },
                    );
                }
            }
            out.push(Category {
                id: c.id.clone(),
                parent: c.parent.clone(),
                name_ru,
                name_en,
                clause: c.clause.clone(),
                local_choice: c.local_choice.clone(),
                note: c.note.clone(),
                org,
                co_executors,
                fast_track,
            });
        }
        self.check_tree(&out);
        for (id, level) in levels {
            let used = out.iter().any(|c| c.fast_track.as_ref().is_some_and(|ft| ft.value == *id));
            if !used && level.mapping_note.is_none() && !self.is_abstract {
                self.warn(
                    "fast_track_unmapped",
                    format!("fast-track level `{id}` is used by no category"),
                    &path(&["fast_track", id]),
                    true,
                    "set `fast_track = { value = \"ID\", clause = \"...\" }` on its categories, or say why they cannot be listed in `mapping_note`",
                );
            }
        }
        out
    }

    fn check_tree(&mut self, cats: &[Category]) {
        for (i, c) in cats.iter().enumerate() {
            let p = vec![key("category"), Seg::Index(i)];
            if let Some(parent) = &c.parent {
                if !cats.iter().any(|o| o.id == *parent) {
                    self.error(
                        "category_parent_unknown",
                        format!("category `{}` has an unknown parent `{parent}`", c.id),
                        &with(&p, &["parent"]),
                        false,
                        &suggest(parent, cats.iter().map(|o| o.id.as_str()), "the parent must be the id of another [[category]]"),
                    );
                    continue;
                }
            }
            // Walk up; a walk longer than the tree is a cycle.
            let mut current = Some(c);
            let mut routed = false;
            let mut steps = 0;
            while let Some(cat) = current {
                if cat.org.is_some() {
                    routed = true;
                    break;
                }
                steps += 1;
                if steps > cats.len() {
                    break;
                }
                current = cat.parent.as_ref().and_then(|pid| cats.iter().find(|o| o.id == *pid));
            }
            if steps > cats.len() {
                self.error(
                    "category_cycle",
                    format!("category `{}` is its own ancestor", c.id),
                    &with(&p, &["parent"]),
                    false,
                    "the `parent` links must form a tree",
                );
            } else if !routed && !self.is_abstract {
                self.error(
                    "category_unrouted",
                    format!("category `{}` is routed nowhere: neither it nor an ancestor has `org`", c.id),
                    &with(&p, &["id"]),
                    true,
                    "add `org = { value = \"ORG-ID\", clause = \"...\" }` to it or to an ancestor",
                );
            }
        }
    }

    fn stage_shares(&mut self, f: &ProfileFile) -> StageShares {
        let s = &f.stage_shares;
        let sp = |k: &str| path(&["stage_shares", k]);
        let shares = StageShares {
            moderation: self.cited(s.moderation.as_ref(), &sp("moderation")),
            coordination: self.cited(s.coordination.as_ref(), &sp("coordination")),
            execution: self.cited(s.execution.as_ref(), &sp("execution")),
            approval: self.cited(s.approval.as_ref(), &sp("approval")),
            sign_off: self.cited(s.sign_off.as_ref(), &sp("sign_off")),
        };
        let all = [
            ("moderation", &shares.moderation),
            ("coordination", &shares.coordination),
            ("execution", &shares.execution),
            ("approval", &shares.approval),
            ("sign_off", &shares.sign_off),
        ];
        let mut sum = 0.0;
        for (name, share) in all {
            if let Some(share) = share {
                if !(share.value > 0.0 && share.value <= 1.0) {
                    self.error(
                        "share_out_of_range",
                        format!("stage share `{name}` is {}, not in (0, 1]", share.value),
                        &with(&sp(name), &["value"]),
                        false,
                        "a share is a fraction of the total term: 0.25 is a quarter",
                    );
                }
                sum += share.value;
            }
        }
        if sum > 1.0 + 1e-9 {
            self.warn(
                "shares_exceed_total",
                format!("stage shares add up to {sum}, more than the total term"),
                &path(&["stage_shares"]),
                true,
                "the shares of the stages should add up to at most 1",
            );
        }
        shares
    }
}

fn unit(u: UnitFile) -> TermUnit {
    match u {
        UnitFile::CalendarDays => TermUnit::CalendarDays,
        UnitFile::WorkingDays => TermUnit::WorkingDays,
        UnitFile::Hours => TermUnit::Hours,
        UnitFile::WorkingHours => TermUnit::WorkingHours,
    }
}

fn on_nonworking(o: OnNonWorkingFile) -> OnNonWorking {
    match o {
        OnNonWorkingFile::Next => OnNonWorking::Next,
        OnNonWorkingFile::Previous => OnNonWorking::Previous,
        OnNonWorkingFile::AsIs => OnNonWorking::AsIs,
    }
}

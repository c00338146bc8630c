//! `reglament check MESSAGE.json --profile NAME`: findings, route and plan of one message.

use std::process::ExitCode;

use reglament::message::{FindingSeverity, Validation};
use reglament::{Error, HistoryEntry, Message, Profile};
use serde_json::json;

/// Language of the printed texts.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Russian.
    Ru,
    /// English.
    En,
}

/// Arguments of `reglament check`.
#[derive(clap::Args)]
pub struct Args {
    /// The message, as JSON (see docs/message.md); `-` reads standard input.
    message: std::path::PathBuf,
    /// Built-in profile id, or a profile file (`./my-town.toml`); its `extends` may name a file
    /// beside it.
    #[arg(long)]
    profile: String,
    /// The author's earlier messages, as a JSON array, for the duplicate rule.
    #[arg(long)]
    history: Option<std::path::PathBuf>,
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "ru")]
    lang: Lang,
    /// Print one JSON object `{findings, route, plan}`.
    #[arg(long)]
    json: bool,
}


/// Runs the subcommand; exit 1 when a finding is an error.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let rules = crate::profiles::load_rules(&args.profile)?;
    let message: Message = reglament::input::from_str(&crate::profiles::read_input(&args.message, "message")?, "message")?;
    let history: Vec<HistoryEntry> = match &args.history {
        Some(p) => reglament::input::from_str(&crate::profiles::read_input(p, "history")?, "history")?,
        None => Vec::new(),
    };
    let validation = rules.validate(&message, &history)?;
    let route = rules.route(&message);
    let plan = rules.plan(&message)?;
    if args.json {
        let route = match &route {
            Ok(r) => serde_json::to_value(r).map_err(|e| Error::input("$", e.to_string()))?,
            Err(e) => json!({"error": reglament::ffi::ErrorInfo::all(e)}),
        };
        let answer = json!({
            "ok": validation.ok, "fingerprint": validation.fingerprint, "findings": validation.findings,
            "privacy": validation.privacy, "route": route, "plan": plan,
        });
        say!(out, "{}", crate::output::to_json(&answer)?);
    } else {
        let ru = args.lang == Lang::Ru;
        let p = rules.profile();
        say!(out, "{}", verdict(&validation, message.public, ru));
        say!(out, "{}", header(p, ru));
        say!(out);
        for f in &validation.findings {
            let sev = match (f.severity, ru) {
                (FindingSeverity::Error, true) => "ошибка",
                (FindingSeverity::Error, false) => "error",
                (_, true) => "предупреждение",
                (_, false) => "warning",
            };
            say!(out, "{sev}[{}] {}: {}", f.code, f.field, if ru { &f.ru } else { &f.en });
            if let Some(place) = f.span.and_then(|span| where_in_text(&message.text, span, ru)) {
                say!(out, "    {place}");
            }
            if let Some(fix) = how_to_fix(&f.code, ru) {
                say!(out, "    {} {fix}", if ru { "как исправить:" } else { "how to fix:" });
            }
            if let Some(c) = &f.clause {
                say!(out, "    {} {c}", if ru { "основание:" } else { "clause:" });
            }
        }
        if !validation.findings.is_empty() {
            say!(out);
        }
        match &route {
            Ok(r) => {
                let org = if ru { &r.organisation.name_ru } else { &r.organisation.name_en };
                say!(out, "{} {org} ({})", if ru { "Исполнитель:" } else { "Responsible:" }, r.clause);
                if let Some(ft) = &r.fast_track {
                    say!(out, "{} {} ({})", if ru { "Ускоренное рассмотрение:" } else { "Fast track:" }, ft.level, ft.clause);
                }
            }
            Err(e) => say!(out, "{}", route_failure(e, message.category.as_deref(), ru)),
        }
        say!(out);
        // The terms in the order they fall, each under its name in the profile's language.
        let mut terms: Vec<_> = plan.iter().collect();
        terms.sort_by_key(|(name, t)| (t.due, name.as_str()));
        for (name, t) in terms {
            let title = term_title(p, name, message.category.as_deref(), ru);
            say!(out, "{title}: {} {} ({})", if ru { "до" } else { "due" }, t.due.to_rfc3339(), t.clause);
            for s in &t.explanation.steps() {
                let clause = s.clause.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
                say!(out, "  - {}{clause}", if ru { &s.ru } else { &s.en });
            }
        }
    }
    Ok(if validation.ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The municipality a profile is for, as a header: its name and region, and the regulation's
/// short name (the act's full title runs to 300 characters).
pub fn header(p: &Profile, ru: bool) -> String {
    let m = &p.municipality;
    if ru {
        format!("{}, {} (регламент: {})", m.name_ru, m.region_ru, p.regulation.short_ru)
    } else {
        format!("{} (regulation: {})", m.name_en, p.regulation.short_en)
    }
}

/// `n` with the Russian noun form its number takes (1 замечание, 2 замечания, 5 замечаний).
fn ru_count(n: usize, one: &str, few: &str, many: &str) -> String {
    let word = match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    };
    format!("{n} {word}")
}

/// The first line: whether the message can be sent as it is, with the count of findings.
fn verdict(v: &Validation, public: bool, ru: bool) -> String {
    let errors = v.findings.iter().filter(|f| f.severity == FindingSeverity::Error).count();
    let warnings = v.findings.len() - errors;
    let counts = if ru {
        match (errors, warnings) {
            (0, 0) => "замечаний нет".to_string(),
            (0, w) => ru_count(w, "предупреждение", "предупреждения", "предупреждений"),
            (e, 0) => ru_count(e, "ошибка", "ошибки", "ошибок"),
            (e, w) => format!("{}, {}", ru_count(e, "ошибка", "ошибки", "ошибок"), ru_count(w, "предупреждение", "предупреждения", "предупреждений")),
        }
    } else {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (errors, warnings) {
            (0, 0) => "no findings".to_string(),
            (0, w) => plural(w, "warning"),
            (e, 0) => plural(e, "error"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        }
    };
    let (ru_text, en_text) = if !v.ok {
        ("Будет отклонено", "Will be refused")
    } else if v.privacy.must_be_non_public && public {
        ("Можно отправить только непубличным", "Can be sent only as non-public")
    } else {
        ("Можно отправить", "Can be sent")
    };
    format!("{}: {counts}.", if ru { ru_text } else { en_text })
}

/// Where a finding's byte range falls in the text: the characters' positions and the excerpt.
fn where_in_text(text: &str, span: [usize; 2], ru: bool) -> Option<String> {
    let [start, end] = span;
    let excerpt = text.get(start..end)?;
    let from = text.get(..start)?.chars().count() + 1;
    let to = from + excerpt.chars().count() - 1;
    let line = text.get(..start)?.matches('\n').count() + 1;
    Some(if ru {
        format!("где: строка {line}, символы {from}–{to} текста: «{excerpt}»")
    } else {
        format!("where: line {line}, characters {from}–{to} of the text: «{excerpt}»")
    })
}

/// Why a message has no route, in the output's language: a missing or unknown category (the
/// findings above say so too) in words, any other failure as the core states it.
fn route_failure(err: &Error, category: Option<&str>, ru: bool) -> String {
    let about_category = err.path() == Some("category");
    match (about_category, category, ru) {
        (true, None, true) => "Маршрут не определён: у сообщения не указана категория.".to_string(),
        (true, Some(c), true) => format!("Маршрут не определён: категории «{c}» нет в перечне категорий профиля."),
        (_, _, true) => format!("Маршрут не определён: {err}"),
        (_, _, false) => format!("No route: {err}"),
    }
}

/// What the author can do about a finding in the text.
fn how_to_fix(code: &str, ru: bool) -> Option<&'static str> {
    Some(match (code, ru) {
        ("personal_data_public" | "third_party_personal_data", true) => {
            "уберите эти данные из текста (контакты передаются в полях контактов) или отправьте сообщение непубличным"
        }
        ("personal_data_public" | "third_party_personal_data", false) => {
            "remove them from the text (contacts go in the contact fields) or send the message as non-public"
        }
        ("medical_data_public", true) => "уберите сведения о здоровье из текста или отправьте сообщение непубличным",
        ("medical_data_public", false) => "remove the health details from the text or send the message as non-public",
        ("obscenity", true) => "перепишите это место без нецензурной лексики",
        ("obscenity", false) => "rewrite this passage without obscene language",
        _ => return None,
    })
}

/// A planned term's name: the profile's own (`name_ru`/`name_en`; for `answer`, the fast-track
/// level's when the category has one), else the library's name for a known term.
fn term_title(p: &Profile, name: &str, category: Option<&str>, ru: bool) -> String {
    let rule = if name == "answer" { p.answer_term(category) } else { p.term(name) };
    let own = rule.and_then(|t| if ru { t.name_ru.clone() } else { t.name_en.clone() });
    own.unwrap_or_else(|| {
        let (r, e) = match name {
            "registration" => ("срок регистрации", "registration term"),
            "registration_expected" => ("ожидаемый срок регистрации", "expected registration term"),
            "acceptance" => ("срок принятия в работу", "acceptance term"),
            "competence_return" => ("срок возврата не по компетенции", "return-for-competence term"),
            "head_notice" => ("срок уведомления руководителя", "head notice term"),
            "answer" => ("срок ответа", "answer term"),
            "rework" => ("срок доработки ответа", "rework term"),
            "redirect" => ("срок перенаправления", "redirect term"),
            "vote_window" => ("срок голосования", "vote window"),
            "moderation" => ("этап модерации", "moderation stage"),
            "coordination" => ("этап координации", "coordination stage"),
            "execution" => ("этап исполнения", "execution stage"),
            "approval" => ("этап согласования", "approval stage"),
            "sign_off" => ("этап подписания", "sign-off stage"),
            other => (other, other),
        };
        (if ru { r } else { e }).to_string()
    })
}

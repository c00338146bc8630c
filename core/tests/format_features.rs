//! The format features no seed regulation has, through the example profile
//! `examples/profiles/format-features.toml` and its cases (`format-features.cases.json`, which
//! names the profile by a path relative to itself), and the lint of each feature.

use std::path::Path;

use reglament::conformance::{judge, CaseFile};
use reglament::diagnostic::Severity;
use reglament::ffi::ErrorInfo;
use reglament::workflow::WorkflowEvent;
use reglament::{profile, Message, Result, Rules};
use serde_json::Value;

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/profiles")
}

fn run(rules: &Rules, op: &str, input: &Value) -> Result<Value> {
    let message: Message = reglament::input::from_value(&input["message"], "message")?;
    match op {
        "plan" => Ok(serde_json::to_value(rules.plan(&message)?).unwrap_or_default()),
        "route" => Ok(serde_json::to_value(rules.route(&message)?).unwrap_or_default()),
        "validate" => Ok(serde_json::to_value(rules.validate(&message, &[])?).unwrap_or_default()),
        "replay" => {
            let events: Vec<WorkflowEvent> = reglament::input::from_value(&input["events"], "events")?;
            let now = reglament::term::parse_instant(input["now"].as_str().unwrap_or_default(), "now")?;
            Ok(serde_json::to_value(rules.replay(&message, &events, now)?).unwrap_or_default())
        }
        other => Err(reglament::Error::input("op", format!("`{other}` is not used by these cases"))),
    }
}

#[test]
fn example_cases_pass() {
    let dir = examples();
    let file: CaseFile =
        serde_json::from_str(&std::fs::read_to_string(dir.join("format-features.cases.json")).expect("reads")).expect("parses");
    assert!(file.cases.len() >= 7);
    let mut failed = Vec::new();
    for case in &file.cases {
        let path = dir.join(case.profile.as_deref().expect("names a profile"));
        let source = std::fs::read_to_string(&path).expect("reads the profile");
        let rules = Rules::from_toml(&source, &path.display().to_string()).expect("loads");
        let outcome = judge(case, run(&rules, &case.op, &case.input).map_err(|e| ErrorInfo::all(&e)));
        if !outcome.passed {
            failed.push(format!("{}: {}", outcome.name, outcome.mismatch.unwrap_or_default()));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn example_profile_lints_clean() {
    let path = examples().join("format-features.toml");
    let source = std::fs::read_to_string(&path).expect("reads");
    assert_eq!(profile::lint(&source, "format-features.toml"), vec![]);
}

fn codes(src: &str) -> Vec<(String, Severity)> {
    profile::lint(src, "user.toml").into_iter().map(|d| (d.code, d.severity)).collect()
}

const BASE: &str = "id = \"x\"\nextends = \"essentuki\"\n";

#[test]
fn a_term_of_ones_own_name_from_the_sending_is_planned_and_not_warned() {
    let src = format!("{BASE}[terms.first_answer]\namount = 1\nunit = \"working_days\"\nlocal_choice = \"t\"\n");
    assert_eq!(codes(&src), vec![]);
    let rules = Rules::from_toml(&src, "user.toml").expect("loads");
    let message: Message = serde_json::from_value(serde_json::json!({
        "sent_at": "2026-03-10T10:00:00+03:00", "text": "t", "category": "all"
    }))
    .expect("message");
    let plan = rules.plan(&message).expect("plans");
    assert_eq!(plan.get("first_answer").map(|t| t.due_date.to_string()), Some("2026-03-11".to_string()));
}

#[test]
fn a_typo_of_a_known_name_or_a_name_nothing_plans_is_warned() {
    let typo = format!("{BASE}[terms.registation]\namount = 2\nunit = \"working_days\"\nclause = \"34.9\"\n");
    let diags = profile::lint(&typo, "user.toml");
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.contains("did you mean `registration`"), "{}", diags[0].message);
    let unplanned = format!("{BASE}[terms.second_look]\namount = 2\nunit = \"working_days\"\nfrom = \"registration\"\nclause = \"34.9\"\n");
    assert_eq!(codes(&unplanned), vec![("unknown_term_name".to_string(), Severity::Warning)]);
}

#[test]
fn a_bad_season_and_an_unknown_scope_category_are_errors_at_their_keys() {
    let src = format!(
        "{BASE}[terms.first_answer]\namount = 1\nunit = \"working_days\"\nlocal_choice = \"t\"\ncategories = [\"heeting\"]\nseason = {{ from = \"10-01\", to = \"04-31\" }}\n"
    );
    let diags = profile::lint(&src, "user.toml");
    let found: Vec<(&str, usize)> = diags.iter().map(|d| (d.code.as_str(), d.location.as_ref().map_or(0, |l| l.line))).collect();
    // In the order of the file (lint reports top to bottom).
    assert_eq!(found, vec![("unknown_category", 7), ("bad_season", 8)]);
    assert!(diags[0].help.as_deref().unwrap_or_default().contains("all"));
}

#[test]
fn term_defaults_need_a_citation_and_a_time() {
    let src = format!("{BASE}[term_defaults]\nclosing_time = {{ value = \"6pm\", local_choice = \"t\" }}\n");
    assert_eq!(codes(&src), vec![("bad_time".to_string(), Severity::Error)]);
    let src = format!("{BASE}[term_defaults]\nclosing_time = {{ value = \"18:00\" }}\n");
    assert_eq!(codes(&src), vec![("clause_missing".to_string(), Severity::Error)]);
}

#[test]
fn accepted_languages_are_known_tags_and_include_the_required_one() {
    let src = format!("{BASE}[language]\naccepted = {{ value = [\"ru\", \"yakut\"], local_choice = \"t\" }}\n");
    assert_eq!(codes(&src), vec![("unknown_language".to_string(), Severity::Error)]);
    let src = format!("{BASE}[language]\naccepted = {{ value = [\"sah\"], local_choice = \"t\" }}\n");
    assert_eq!(codes(&src), vec![("language_not_accepted".to_string(), Severity::Error)]);
}

#[test]
fn a_language_in_another_script_leaves_the_script_check_off() {
    let src = format!("{BASE}[language]\naccepted = {{ value = [\"ru\", \"en\"], local_choice = \"t\" }}\n");
    let rules = Rules::from_toml(&src, "user.toml").expect("loads");
    let message: Message = serde_json::from_value(serde_json::json!({
        "sent_at": "2026-03-10T10:00:00+03:00", "text": "The road near our house is broken, cars cannot pass", "category": "all"
    }))
    .expect("message");
    let v = rules.validate(&message, &[]).expect("validates");
    assert!(v.findings.iter().all(|f| f.code != "not_russian"), "{:?}", v.findings);
}

#[test]
fn a_reminder_needs_a_citation_and_no_negative_amount() {
    let src = format!("{BASE}[sla]\nreminder = {{ value = {{ amount = -1, unit = \"hours\" }}, local_choice = \"t\" }}\n");
    assert_eq!(codes(&src), vec![("term_amount_negative".to_string(), Severity::Error)]);
    let src = format!("{BASE}[sla]\nreminder = {{ value = {{ amount = 4, unit = \"hours\" }} }}\n");
    assert_eq!(codes(&src), vec![("clause_missing".to_string(), Severity::Error)]);
}

#[test]
fn a_working_hours_term_needs_office_hours_in_the_profile() {
    let src = format!("{BASE}[terms.acknowledgement]\namount = 4\nunit = \"working_hours\"\nlocal_choice = \"t\"\n");
    let diags = profile::lint(&src, "user.toml");
    assert_eq!(diags.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), vec!["office_hours_missing"]);
    assert_eq!(diags[0].location.as_ref().map(|l| l.line), Some(5), "{:?}", diags[0]);
    assert!(diags[0].help.as_deref().unwrap_or_default().contains("[office_hours]"));
    assert!(Rules::from_toml(&src, "user.toml").is_err());
    let reminder = format!("{BASE}[sla]\nreminder = {{ value = {{ amount = 2, unit = \"working_hours\" }}, local_choice = \"t\" }}\n");
    assert_eq!(codes(&reminder), vec![("office_hours_missing".to_string(), Severity::Error)]);
}

#[test]
fn office_hours_are_times_in_order_and_cited() {
    let hours = |opens: &str, lunch: &str, cite: &str| {
        format!("{BASE}[office_hours]\nopens = \"{opens}\"\ncloses = \"18:00\"\nlunch = {{ from = \"{lunch}\", to = \"14:00\" }}\n{cite}")
    };
    assert_eq!(codes(&hours("09:00", "13:00", "local_choice = \"t\"\n")), vec![]);
    assert_eq!(codes(&hours("9am", "13:00", "local_choice = \"t\"\n")), vec![("bad_time".to_string(), Severity::Error)]);
    assert_eq!(codes(&hours("19:00", "13:00", "local_choice = \"t\"\n")), vec![("bad_office_hours".to_string(), Severity::Error)]);
    assert_eq!(codes(&hours("09:00", "15:00", "local_choice = \"t\"\n")), vec![("bad_office_hours".to_string(), Severity::Error)]);
    assert_eq!(codes(&hours("09:00", "13:00", "")), vec![("clause_missing".to_string(), Severity::Error)]);
}

#[test]
fn a_working_hours_term_explains_each_day_it_counted() {
    let path = examples().join("format-features.toml");
    let rules = Rules::from_toml(&std::fs::read_to_string(&path).expect("reads"), "format-features.toml").expect("loads");
    let message: Message = serde_json::from_value(serde_json::json!({
        "sent_at": "2026-03-13T16:00:00+03:00", "text": "t", "category": "roads"
    }))
    .expect("message");
    let plan = rules.plan(&message).expect("plans");
    let ack = plan.get("acknowledgement").expect("planned");
    let steps = ack.explanation.steps();
    let counted = steps.iter().find(|s| s.rule == "working_hours").expect("a working_hours step");
    assert!(counted.ru.contains("13 марта 2026 16:00–18:00; 16 марта 2026 09:00–11:00"), "{}", counted.ru);
    assert!(counted.ru.contains("4 рабочих часа"), "{}", counted.ru);
    assert!(counted.en.contains("break 13:00–14:00"), "{}", counted.en);
    assert!(counted.clause.as_deref().unwrap_or_default().contains("4 рабочих часов"), "{:?}", counted.clause);
    // The reminder one working day before falls on Friday at 11:00.
    assert_eq!(ack.remind_at.map(|t| t.to_rfc3339()), Some("2026-03-13T11:00:00+03:00".to_string()));
}

#[test]
fn an_extension_is_positive_used_at_least_once_and_cited() {
    let ext = |value: &str, cite: &str| format!("{BASE}[limits]\nextension = {{ value = {{ {value} }}{cite} }}\n");
    let ok = ext("amount = 30, unit = \"calendar_days\", times = 1", ", clause = \"5.3\"");
    assert_eq!(codes(&ok), vec![]);
    let limit = Rules::from_toml(&ok, "user.toml").expect("loads").profile().limits.extension.clone().expect("an extension");
    assert_eq!((limit.value.amount, limit.value.times), (30, Some(1)));
    assert_eq!(codes(&ext("amount = 0, unit = \"calendar_days\"", ", clause = \"5.3\"")), vec![("bad_extension".to_string(), Severity::Error)]);
    assert_eq!(codes(&ext("amount = 30, unit = \"calendar_days\", times = 0", ", clause = \"5.3\"")), vec![("bad_extension".to_string(), Severity::Error)]);
    assert_eq!(codes(&ext("amount = 30, unit = \"calendar_days\"", "")), vec![("clause_missing".to_string(), Severity::Error)]);
    assert_eq!(codes(&ext("amount = 8, unit = \"working_hours\"", ", clause = \"5.3\"")), vec![("office_hours_missing".to_string(), Severity::Error)]);
}

#[test]
fn the_extend_action_needs_the_extension_it_uses() {
    let src = format!("{BASE}[workflow.actions]\nextend = {{ clause = \"5.3\" }}\n");
    let diags = profile::lint(&src, "user.toml");
    assert!(diags.iter().any(|d| d.code == "extension_not_set" && d.help.as_deref().unwrap_or_default().contains("[limits]")), "{diags:#?}");
}

/// A profile adding an obscene word, an obscene stem and a medical stem (`[lexicon]`).
const LEXICON: &str = "[lexicon]\nobscene = { value = [\"жопа\", \"Хрен*\"], local_choice = \"the portal's own list\" }\nmedical = { value = [\"ковид*\"], local_choice = \"the portal's own list\" }\n";

fn validate_codes(rules: &Rules, text: &str) -> Vec<(String, Option<[usize; 2]>)> {
    let json = serde_json::json!({ "sent_at": "2026-03-10T10:00:00+03:00", "text": text, "category": "all", "public": true });
    let findings = reglament::input::from_value::<Message>(&json, "message").and_then(|m| rules.validate(&m, &[])).map(|v| v.findings);
    assert!(findings.is_ok(), "{findings:?}");
    findings.unwrap_or_default().into_iter().filter(|f| f.code == "obscenity" || f.code == "medical_data_public").map(|f| (f.code, f.span)).collect()
}

#[test]
fn a_profiles_own_words_are_found_as_the_built_in_ones_are() {
    let src = format!("{BASE}{LEXICON}");
    assert_eq!(codes(&src), vec![]);
    let rules = Rules::from_toml(&src, "user.toml").expect("loads");
    let builtin = Rules::builtin("essentuki").expect("builtin");
    let rude = "Во дворе полная ЖОПА с мусором";
    let at = rude.find("ЖОПА").expect("in the text");
    assert_eq!(validate_codes(&rules, rude), vec![("obscenity".to_string(), Some([at, at + "ЖОПА".len()]))]);
    assert_eq!(validate_codes(&builtin, rude), vec![], "the built-in lexicon does not have the word");
    assert_eq!(validate_codes(&rules, "Какая-то хреновина стоит у подъезда").len(), 1, "a stem matches the words it begins");
    assert_eq!(validate_codes(&rules, "Соседка болеет ковидом, просит помочь с продуктами").first().map(|c| c.0.as_str()), Some("medical_data_public"));
    assert_eq!(validate_codes(&rules, "Во дворе жопан и хрен, ковидный мусор").len(), 2, "whole words only, stems as prefixes");
    assert_eq!(validate_codes(&rules, "Во дворе не вывозят мусор, контейнеры переполнены"), vec![]);
    // The built-in words are still found under a profile that adds its own.
    assert_eq!(validate_codes(&rules, "Опять этот пиздец во дворе").len(), validate_codes(&builtin, "Опять этот пиздец во дворе").len());
}

#[test]
fn bad_lexicon_entries_are_errors_at_their_place() {
    let src = format!("{BASE}[lexicon]\nobscene = {{ value = [\"слово\", \"\", \"два слова\", \"Слово\", \"с1\"], local_choice = \"t\" }}\nmedical = {{ value = [\"ковид\"] }}\n");
    let diags = profile::lint(&src, "user.toml");
    let found: Vec<(&str, usize, usize)> =
        diags.iter().map(|d| (d.code.as_str(), d.location.as_ref().map_or(0, |l| l.line), d.location.as_ref().map_or(0, |l| l.column))).collect();
    assert_eq!(
        found,
        vec![
            ("lexicon_empty_word", 4, 31),
            ("lexicon_not_a_word", 4, 35),
            ("lexicon_duplicate", 4, 48),
            ("lexicon_not_a_word", 4, 57),
            ("clause_missing", 5, 1),
        ]
    );
    assert!(diags.iter().all(|d| d.help.is_some()));
    assert!(Rules::from_toml(&src, "user.toml").is_err());
}

#[test]
fn a_lexicon_over_the_limits_is_refused() {
    // Distinct three-letter words: `а`..`я` for each base-32 digit of the entry's number.
    let letter = |n: usize| char::from_u32('а' as u32 + (n % 32) as u32).unwrap_or('а');
    let many: Vec<String> =
        (0..=reglament::detect::MAX_PROFILE_WORDS).map(|i| format!("\"{}{}{}\"", letter(i / 1024), letter(i / 32), letter(i))).collect();
    let src = format!("{BASE}[lexicon]\nobscene = {{ value = [{}], local_choice = \"t\" }}\n", many.join(", "));
    let diags = profile::lint(&src, "user.toml");
    assert_eq!(diags.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), vec!["limit_lexicon_words"], "{diags:?}");
    assert!(diags[0].location.as_ref().is_some_and(|l| l.line == 4 && l.column > 1) && diags[0].help.is_some());
    assert!(Rules::from_toml(&src, "user.toml").is_err());
    let long = format!("{BASE}[lexicon]\nmedical = {{ value = [\"{}\"], local_choice = \"t\" }}\n", "я".repeat(reglament::detect::MAX_PROFILE_WORD_CHARS + 1));
    assert_eq!(codes(&long), vec![("limit_lexicon_word_length".to_string(), Severity::Error)]);
}

//! The workflow: replay is a pure function of the log, refused events change nothing, terms
//! start and restart as the regulations say, effective dating, visibility and the static check.
//! Per-municipality cases live in `tests/conformance/*-workflow.json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use reglament::workflow::{Action, Actor, Role, State, TermStatus, WorkflowEvent};
use reglament::{profile, Message, Rules};
use serde_json::{json, Value};

fn message(v: Value) -> Message {
    reglament::input::from_value(&v, "message").unwrap()
}

fn events(v: Value) -> Vec<WorkflowEvent> {
    reglament::input::from_value(&v, "events").unwrap()
}

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn essentuki_message() -> Message {
    message(json!({"id": "e1", "channel": "web", "author": {"id": "u1"}, "sent_at": "2026-03-07T11:00:00+03:00",
        "text": "Не вывозят мусор", "category": "all", "public": true}))
}

fn essentuki_log() -> Vec<WorkflowEvent> {
    events(json!([
        {"at": "2026-03-10T09:00:00+03:00", "actor": {"id": "op", "roles": ["operator"]}, "action": "register_and_publish"},
        {"at": "2026-03-10T10:00:00+03:00", "actor": {"id": "g1", "roles": ["guest"]}, "action": "vote"},
        {"at": "2026-03-10T10:01:00+03:00", "actor": {"id": "g1", "roles": ["guest"]}, "action": "vote"},
        {"at": "2026-03-12T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer",
         "result": "postponed", "text": "Вывоз по графику", "planned_date": "2026-04-15"},
        {"at": "2026-03-13T10:00:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate", "rating": "negative"},
        {"at": "2026-03-13T10:05:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate",
         "rating": "negative", "remarks": "Не вывезли"},
        {"at": "2026-03-13T10:06:00+03:00", "actor": {"id": "adm", "roles": ["administrator"]}, "action": "answer",
         "result": "solved", "text": "x"}
    ]))
}

#[test]
fn same_log_same_answer() {
    let rules = Rules::builtin("essentuki").unwrap();
    let m = essentuki_message();
    let log = essentuki_log();
    let now = at("2026-03-14T12:00:00+03:00");
    let a = serde_json::to_value(rules.replay(&m, &log, now).unwrap()).unwrap();
    let b = serde_json::to_value(rules.replay(&m, &log, now).unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn refused_events_change_nothing() {
    let rules = Rules::builtin("essentuki").unwrap();
    let m = essentuki_message();
    let log = essentuki_log();
    let now = at("2026-03-14T12:00:00+03:00");
    let full = rules.replay(&m, &log, now).unwrap();
    assert_eq!(full.refused.iter().map(|r| r.index).collect::<Vec<_>>(), [2, 4, 6]);
    let kept: Vec<WorkflowEvent> =
        log.iter().enumerate().filter(|(i, _)| ![2, 4, 6].contains(i)).map(|(_, e)| e.clone()).collect();
    let clean = rules.replay(&m, &kept, now).unwrap();
    assert!(clean.refused.is_empty());
    assert_eq!(full.state, clean.state);
    assert_eq!(full.counters, clean.counters);
    assert_eq!(full.effects, clean.effects);
    assert_eq!(full.terms, clean.terms);
    assert_eq!(full.allowed, clean.allowed);
}

#[test]
fn essentuki_story_snapshot() {
    let rules = Rules::builtin("essentuki").unwrap();
    let r = rules.replay(&essentuki_message(), &essentuki_log(), at("2026-03-14T12:00:00+03:00")).unwrap();
    assert_eq!(r.state, State::Execution);
    assert_eq!(r.counters.reworks, 1);
    let term = r.terms.iter().find(|t| t.name == "rework").unwrap();
    assert_eq!(term.due, at("2026-03-18T23:59:59+03:00"));
    assert_eq!(term.status, TermStatus::OnTime);
    let mut v = serde_json::to_value(&r).unwrap();
    for t in v["terms"].as_array_mut().unwrap() {
        t.as_object_mut().unwrap().remove("explanation");
    }
    insta::assert_json_snapshot!("essentuki_story", v);
}

#[test]
fn a_second_negative_rating_restarts_the_rework_term() {
    let rules = Rules::builtin("essentuki").unwrap();
    let mut log = essentuki_log();
    log.truncate(6);
    log.extend(events(json!([
        {"at": "2026-03-15T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer",
         "result": "solved", "text": "Вывезли"},
        {"at": "2026-03-16T09:00:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate",
         "rating": "negative", "remarks": "Опять не вывезли"}
    ])));
    let r = rules.replay(&essentuki_message(), &log, at("2026-03-16T10:00:00+03:00")).unwrap();
    let term = r.terms.iter().find(|t| t.name == "rework").unwrap();
    assert_eq!(term.start, at("2026-03-16T09:00:00+03:00"));
    // 5 calendar days end on Saturday 21 March, so on Monday 23 March (convention 3).
    assert_eq!(term.due, at("2026-03-23T23:59:59+03:00"));
    assert_eq!(r.counters.reworks, 2);
}

#[test]
fn allowed_actions_follow_the_state() {
    let rules = Rules::builtin("tynda").unwrap();
    let m = message(json!({"channel": "epgu", "author": {"id": "u1"}, "sent_at": "2026-03-02T10:00:00+09:00", "text": "x", "category": "other"}));
    let r = rules.replay(&m, &[], at("2026-03-02T11:00:00+09:00")).unwrap();
    let moderator = r.allowed.iter().find(|ra| ra.role == Role::Moderator).unwrap();
    assert_eq!(
        moderator.actions,
        [Action::Register, Action::Refuse, Action::ChangeCategory, Action::ChangeOrganisation]
    );
    assert!(r.allowed.iter().all(|ra| ra.role != Role::Administrator));
    assert!(r.allowed.iter().all(|ra| ra.role != Role::Executor));
}

#[test]
fn one_person_may_hold_several_roles() {
    let rules = Rules::builtin("mamadysh").unwrap();
    let m = message(json!({"channel": "epgu", "author": {"id": "u1"}, "sent_at": "2026-03-02T10:00:00+03:00", "text": "x", "category": "all"}));
    // Mamadysh annex 2: one official is coordinator and executor at once.
    let log = events(json!([
        {"at": "2026-03-02T11:00:00+03:00", "actor": {"id": "epgu", "roles": ["moderator"]}, "action": "register"},
        {"at": "2026-03-02T12:00:00+03:00", "actor": {"id": "nas", "roles": ["administrator", "coordinator", "executor"]}, "action": "assign", "assignee": "nas"},
        {"at": "2026-03-02T12:10:00+03:00", "actor": {"id": "nas", "roles": ["administrator", "coordinator", "executor"]}, "action": "accept"}
    ]));
    let r = rules.replay(&m, &log, at("2026-03-02T13:00:00+03:00")).unwrap();
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    assert_eq!(r.state, State::Execution);
}

const EFFECTIVE: &str = r#"
id = "essentuki-dated"
extends = "essentuki"

[regulation]
effective = { value = "2026-03-01", local_choice = "test: a regulation in force from 1 March 2026" }
"#;

#[test]
fn a_message_sent_before_the_regulation_is_not_judged_by_it() {
    let rules = Rules::from_toml(EFFECTIVE, "dated.toml").unwrap();
    let early = message(json!({"author": {"id": "u1"}, "sent_at": "2026-02-27T10:00:00+03:00", "text": "x", "category": "all"}));
    let e = rules.replay(&early, &[], at("2026-03-02T10:00:00+03:00")).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(e.path(), Some("message.sent_at"));
    assert!(e.to_string().contains("not_in_force"), "{e}");
    let late = message(json!({"author": {"id": "u1"}, "sent_at": "2026-03-01T00:30:00+03:00", "text": "x", "category": "all"}));
    assert!(rules.replay(&late, &[], at("2026-03-02T10:00:00+03:00")).is_ok());
}

#[test]
fn visibility() {
    let rules = Rules::builtin("essentuki").unwrap();
    let m = essentuki_message();
    let guest = Actor { id: "g".into(), roles: vec![Role::Guest] };
    let admin = Actor { id: "adm".into(), roles: vec![Role::Administrator] };
    assert!(!rules.can_view(&m, &[], &guest).unwrap().allowed, "not yet published");
    assert!(rules.can_view(&m, &essentuki_log(), &guest).unwrap().allowed);
    let private = message(json!({"author": {"id": "u1"}, "sent_at": "2026-03-07T11:00:00+03:00", "text": "x"}));
    assert!(!rules.can_view(&private, &[], &admin).unwrap().allowed);
    let author = Actor { id: "u1".into(), roles: vec![Role::User] };
    assert_eq!(rules.can_view(&private, &[], &author).unwrap().reason.code, "author");
}

#[test]
fn every_builtin_has_a_checked_workflow() {
    for name in reglament::Profile::builtin_names() {
        let p = reglament::Profile::builtin(name).unwrap();
        assert!(!p.workflow.actions.is_empty(), "{name}");
        assert!(reglament::workflow::static_check(&p).is_empty(), "{name}");
        let reach = reglament::workflow::reachable(&reglament::workflow::edges(&p));
        assert!(reach.contains(&State::Answered), "{name}");
    }
}

const BROKEN: &str = r#"
id = "broken-workflow"
family = "smart_city"

[regulation]
act_ru = "Тест"
short_ru = "Тест"
short_en = "Test"

[municipality]
name_ru = "Тест"
name_en = "Test"
region_ru = "Тест"
zone = "Europe/Moscow"
calendar = "ru"

[[organisation]]
id = "org"
name_ru = "Орг"
name_en = "Org"
local_choice = "test"

[[category]]
id = "all"
name_ru = "Все"
name_en = "All"
local_choice = "test"
org = { value = "org", local_choice = "test" }

[[refusal]]
code = "x"
ru = "x"
en = "x"
local_choice = "test"

[workflow.actions]
register = { local_choice = "test" }
refuse = { local_choice = "test" }
answer = { local_choice = "test" }
approve = { local_choice = "test" }
escalate = { local_choice = "test" }

[workflow.effects]
notice_answer = { local_choice = "test" }
"#;

#[test]
fn lint_checks_the_workflow() {
    let diags = profile::lint(BROKEN, "broken.toml");
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    for code in ["unknown_workflow_name", "workflow_unreachable_state", "workflow_final_silent", "workflow_unbounded_state"] {
        assert!(codes.contains(&code), "missing {code}: {codes:?}");
    }
    let unreachable = diags.iter().find(|d| d.code == "workflow_unreachable_state").unwrap();
    assert!(unreachable.message.contains("approval"), "{}", unreachable.message);
    assert!(unreachable.location.is_some());
    insta::assert_snapshot!(
        "lint_broken",
        diags.iter().filter(|d| d.code.starts_with("workflow") || d.code == "unknown_workflow_name").map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
}

//! Municipality profiles: the built-ins load and lint clean, broken files are refused with the
//! right code at the right place, user files extend built-ins, and the published JSON Schema
//! matches the code.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use reglament::diagnostic::{Diagnostic, Severity};
use reglament::profile::{self, AppliesTo, Profile, TermStart};
use reglament::{Error, TermUnit};

fn render(diags: &[Diagnostic]) -> String {
    diags.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// `(code, line, column)` of every diagnostic.
fn positions(diags: &[Diagnostic]) -> Vec<(String, usize, usize)> {
    diags
        .iter()
        .map(|d| {
            let (line, column) = d.location.as_ref().map_or((0, 0), |l| (l.line, l.column));
            (d.code.clone(), line, column)
        })
        .collect()
}

#[track_caller]
fn expect_at(source: &str, code: &str, line: usize, column: usize) {
    let diags = profile::lint(source, "user.toml");
    let found = positions(&diags);
    assert!(
        found.contains(&(code.to_string(), line, column)),
        "expected {code} at {line}:{column}, got:\n{}",
        render(&diags)
    );
    let d = diags.iter().find(|d| d.code == code).expect("diagnostic present");
    assert!(d.help.is_some(), "every diagnostic has a help text: {d}");
    assert_eq!(d.location.as_ref().map(|l| l.file.as_str()), Some("user.toml"));
    // All-or-nothing: the same file is refused.
    match Profile::from_toml(source, "user.toml") {
        Err(Error::Data(d)) => assert!(d.iter().any(|d| d.code == code)),
        other => panic!("expected Error::Data, got {other:?}"),
    }
}

#[test]
fn every_builtin_loads_and_lints_clean() {
    // Every concrete file of rules/profiles/ is built in, with no list to edit (a new file only
    // has to be put there): the five seeds first, in their order.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/profiles");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("rules/profiles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|f| f.extension().is_some_and(|x| x == "toml"))
        .filter(|f| !std::fs::read_to_string(f).unwrap_or_default().lines().any(|l| l.trim() == "abstract = true"))
        .map(|f| f.file_stem().unwrap_or_default().to_string_lossy().into_owned())
        .collect();
    let mut names: Vec<String> = Profile::builtin_names().iter().map(ToString::to_string).collect();
    assert_eq!(names.get(..5), Some(&["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda"].map(String::from)[..]));
    files.sort();
    names.sort();
    assert_eq!(names, files, "the built-in profiles are the concrete files of rules/profiles/");
    for name in Profile::builtin_names().iter().chain(["smart-city", "pos"].iter()) {
        let diags = profile::lint_builtin(name).expect("known builtin");
        assert!(diags.is_empty(), "{name} does not lint clean:\n{}", render(&diags));
    }
    for name in Profile::builtin_names() {
        let p = Profile::builtin(name).expect("builtin loads");
        assert_eq!(p.id, *name);
        assert!(p.municipality.tz().is_some());
        assert!(!p.regulation.short_en.is_empty());
        for c in &p.categories {
            assert!(p.routing(&c.id).is_some(), "{name}: {} routed", c.id);
        }
    }
}

#[test]
fn unknown_builtin_lists_the_names() {
    match Profile::builtin("moscow") {
        Err(Error::UnknownProfile(name, known)) => {
            assert_eq!(name, "moscow");
            assert_eq!(known, "essentuki, kislovodsk, mikhailovka, mamadysh, tynda");
        }
        other => panic!("expected UnknownProfile, got {other:?}"),
    }
    assert!(matches!(Profile::builtin("smart-city"), Err(Error::UnknownProfile(..))));
}

#[test]
fn zones_calendars_and_citations() {
    let cases = [
        ("essentuki", "Europe/Moscow", "ru+ru-sta", "Essentuki"),
        ("kislovodsk", "Europe/Moscow", "ru+ru-sta", "Kislovodsk"),
        ("mikhailovka", "Europe/Volgograd", "ru", "Mikhailovka"),
        ("mamadysh", "Europe/Moscow", "ru-ta", "Mamadysh"),
        ("tynda", "Asia/Yakutsk", "ru", "Tynda"),
    ];
    for (name, zone, calendar, short) in cases {
        let p = Profile::builtin(name).expect("loads");
        assert_eq!(p.municipality.zone, zone);
        let ids: Vec<&str> = p.municipality.calendar.builtin_ids().collect();
        assert_eq!(ids.join("+"), calendar, "{name}");
        assert!(p.municipality.calendar.reason.is_some(), "{name} states why its calendar");
        assert_eq!(p.regulation.short_en, short);
    }
    let e = Profile::builtin("essentuki").expect("loads");
    let reg = e.term("registration").expect("registration term");
    assert_eq!(reg.citation(), "Essentuki 34.9");
    assert!(reg.start_on_working_day);
    let max = e.attachments.max_count.as_ref().expect("max_count");
    assert_eq!((max.value, max.citation()), (5, "Essentuki 24".to_string()));
    let answer = e.term("answer").and_then(|t| t.to_term()).expect("answer term");
    assert_eq!((answer.amount, answer.unit, answer.start_on_working_day), (5, TermUnit::CalendarDays, true));
    let route = e.routing("all").expect("routed");
    assert!(route.org.is_local_choice());
    assert!(route.org.citation().starts_with("Essentuki profile, local choice"));
}

#[test]
fn smart_city_terms_from_the_sending_start_on_a_working_day() {
    for (name, clause) in [("essentuki", "34.9"), ("kislovodsk", "7.11"), ("mikhailovka", "s.3")] {
        let p = Profile::builtin(name).expect("loads");
        let reg = p.term("registration").expect("registration");
        assert_eq!(reg.clause.as_deref(), Some(clause));
        assert_eq!((reg.amount, reg.unit, reg.from), (Some(2), Some(TermUnit::WorkingDays), TermStart::Sending));
        assert!(reg.start_on_working_day, "{name}: rule 5");
    }
    let m = Profile::builtin("mikhailovka").expect("loads");
    let expected = m.term("registration_expected").and_then(|t| t.to_term()).expect("expected registration");
    assert_eq!(expected.amount, 0);
    assert_eq!(expected.unit, TermUnit::WorkingDays);
    assert_eq!(expected.cutoff, chrono::NaiveTime::from_hms_opt(17, 0, 0));
}

#[test]
fn values_the_seeds_do_not_give_are_unset_not_invented() {
    let k = Profile::builtin("kislovodsk").expect("loads");
    assert!(k.terms.get("answer").is_some_and(|t| t.unset && t.to_term().is_none()));
    assert!(k.term("answer").is_none());
    assert!(k.answer_term(Some("all")).is_none());
    assert!(k.unset.iter().any(|u| u.path == "terms.answer" && u.note.is_some()));
    assert!(k.attachments.max_total_bytes.is_none());
    let m = Profile::builtin("mamadysh").expect("loads");
    assert!(m.stage_shares.execution.is_none());
    assert!(m.unset.iter().any(|u| u.path == "stage_shares.execution"));
    for level in m.fast_track.values() {
        assert!(level.mapping_note.is_some(), "mapping of {} explained", level.name);
    }
    let redirect = m.term("redirect").expect("redirect");
    assert_eq!(redirect.applies_to, AppliesTo::Appeal59fz);
}

#[test]
fn fast_track_levels_are_a_public_contract() {
    let m = Profile::builtin("mikhailovka").expect("loads");
    let ids: Vec<&str> = m.fast_track.keys().map(String::as_str).collect();
    assert_eq!(ids, ["ft1", "ft2"]);
    for (id, amount) in [("ft1", 8), ("ft2", 14)] {
        let t = m.fast_track.get(id).and_then(|t| t.to_term()).expect("level");
        assert_eq!((t.amount, t.unit), (amount, TermUnit::WorkingDays));
    }
    let md = Profile::builtin("mamadysh").expect("loads");
    let ids: Vec<&str> = md.fast_track.keys().map(String::as_str).collect();
    assert_eq!(ids, ["d10", "d3", "d5", "d7"]);
    for (id, amount) in [("d3", 3), ("d5", 5), ("d7", 7), ("d10", 10)] {
        let t = md.fast_track.get(id).and_then(|t| t.to_term()).expect("level");
        assert_eq!((t.amount, t.unit), (amount, TermUnit::CalendarDays));
    }
    let t = Profile::builtin("tynda").expect("loads");
    let ids: Vec<&str> = t.fast_track.keys().map(String::as_str).collect();
    assert_eq!(ids, ["fast"]);
    let fast = t.fast_track.get("fast").and_then(|t| t.to_term()).expect("fast");
    assert_eq!((fast.amount, fast.unit), (10, TermUnit::CalendarDays));
    // The annex, read by meaning: 5 + 2 + 1 subcategories, all fast-tracked.
    let annex = [
        ("hot-meals", 5),
        ("culture", 2),
        ("ppe", 1),
    ];
    for (parent, n) in annex {
        let subs: Vec<_> = t.categories.iter().filter(|c| c.parent.as_deref() == Some(parent)).collect();
        assert_eq!(subs.len(), n, "{parent}");
        for sub in subs {
            let r = t.routing(&sub.id).expect("routed");
            assert_eq!(r.fast_track.map(|f| f.value.as_str()), Some("fast"));
            assert_eq!(r.org.value, "tynda-administration");
            assert_eq!(r.path.last().copied(), Some(parent));
            assert_eq!(t.answer_term(Some(&sub.id)).map(|a| a.name.as_str()), Some("fast"));
        }
    }
    let menu = t.category("hot-meals-menu").expect("menu");
    assert_eq!(menu.parent.as_deref(), Some("hot-meals"));
    let info = t.category("culture-restrictions-info").expect("info");
    assert_eq!(info.parent.as_deref(), Some("culture"));
    assert_eq!(t.answer_term(Some("other")).map(|a| a.name.as_str()), Some("answer"));
    assert_eq!(t.answer_term(None).and_then(|a| a.amount), Some(30));
}

const USER: &str = r#"id = "essentuki-test"
extends = "essentuki"

[attachments]
max_count = { value = 3, clause = "24" }
"#;

#[test]
fn a_user_profile_extends_a_builtin_and_overrides_a_value() {
    let p = Profile::from_toml(USER, "user.toml").expect("loads");
    assert_eq!(p.id, "essentuki-test");
    assert_eq!(p.extends, ["essentuki", "smart-city"]);
    assert_eq!(p.attachments.max_count.as_ref().map(|c| c.value), Some(3));
    // Inherited, with the citation of the file that gave it.
    let formats = p.attachments.media_types.as_ref().expect("formats");
    assert_eq!(formats.citation(), "Essentuki 23");
    assert_eq!(p.refusals.len(), Profile::builtin("essentuki").expect("loads").refusals.len());
}

#[test]
fn a_user_profile_can_extend_a_user_file() {
    let base = "id = \"my-base\"\nextends = \"essentuki\"\n[limits]\nreworks = { value = 2, local_choice = \"pilot\" }\n";
    let child = "id = \"my-city\"\nextends = \"my-base\"\n";
    let resolve = |name: &str| (name == "my-base").then(|| ("my-base.toml".to_string(), base.to_string()));
    let p = Profile::from_toml_with(child, "my-city.toml", &resolve).expect("loads");
    let reworks = p.limits.reworks.expect("reworks");
    assert_eq!(reworks.value, 2);
    assert_eq!(reworks.local_choice.as_deref(), Some("pilot"));
    assert_eq!(p.extends, ["my-base", "essentuki", "smart-city"]);
}

#[test]
fn unknown_key_points_at_the_key() {
    expect_at("id = \"x\"\nextends = \"essentuki\"\n\n[attachments]\nmax_cnt = { value = 3, clause = \"24\" }\n", "unknown_key", 5, 1);
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[attachments]\nmax_count = { value = 3, clause = \"24\", claus = \"1\" }\n", "unknown_key", 4, 41);
}

#[test]
fn wrong_type_points_at_the_value() {
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[attachments]\nmax_count = { value = \"five\", clause = \"24\" }\n", "wrong_type", 4, 23);
}

#[test]
fn bad_toml_is_a_syntax_error() {
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[attachments\nmax_count = 3\n", "toml_syntax", 3, 13);
}

#[test]
fn clause_missing_points_at_the_key() {
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[attachments]\nmax_count = { value = 3 }\n", "clause_missing", 4, 1);
    // A bare value is a value without a citation.
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[attachments]\nmax_count = 3\n", "clause_missing", 4, 1);
}

#[test]
fn term_without_unit() {
    expect_at(
        "id = \"x\"\nextends = \"essentuki\"\n[terms.redirect]\namount = 7\nclause = \"1\"\n",
        "term_unit_missing",
        3,
        8,
    );
}

#[test]
fn category_routed_nowhere() {
    expect_at(
        "id = \"x\"\nextends = \"essentuki\"\n\n[[category]]\nid = \"lost\"\nname_ru = \"Потерянная\"\nname_en = \"Lost\"\nlocal_choice = \"test\"\n",
        "category_unrouted",
        5,
        1,
    );
}

#[test]
fn category_with_unknown_parent_and_fast_track() {
    let src = "id = \"x\"\nextends = \"tynda\"\n[[category]]\nid = \"sub\"\nparent = \"nope\"\nname_ru = \"a\"\nname_en = \"a\"\nclause = \"annex\"\nfast_track = { value = \"turbo\", clause = \"3.9\" }\n";
    expect_at(src, "category_parent_unknown", 5, 10);
    expect_at(src, "unknown_fast_track", 9, 24);
}

#[test]
fn extends_cycle_points_at_the_extends_that_closes_it() {
    let a = "id = \"a\"\nextends = \"b\"\n";
    let b = "id = \"b\"\nextends = \"a\"\n";
    let resolve = |name: &str| match name {
        "a" => Some(("a.toml".to_string(), a.to_string())),
        "b" => Some(("b.toml".to_string(), b.to_string())),
        _ => None,
    };
    let diags = profile::lint_with(a, "a.toml", &resolve);
    let d = diags.iter().find(|d| d.code == "extends_cycle").expect("cycle found");
    let loc = d.location.as_ref().expect("located");
    assert_eq!((loc.file.as_str(), loc.line, loc.column), ("b.toml", 2, 11));
    assert!(d.message.contains("a -> b -> a"), "{}", d.message);
    // A profile extending itself.
    expect_at("id = \"x\"\nextends = \"x\"\n", "extends_cycle", 2, 11);
}

#[test]
fn extends_unknown_zone_and_calendar() {
    expect_at("id = \"x\"\nextends = \"atlantis\"\n", "extends_unknown", 2, 11);
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[municipality]\nzone = \"Europe/Essentuki\"\n", "invalid_zone", 4, 8);
    expect_at("id = \"x\"\nextends = \"essentuki\"\n[municipality]\ncalendar = \"ru-xx\"\n", "invalid_calendar", 4, 12);
}

#[test]
fn duplicates_in_one_file() {
    let cat = "[[category]]\nid = \"all\"\nname_ru = \"a\"\nname_en = \"a\"\nlocal_choice = \"t\"\n";
    let src = format!("id = \"x\"\nextends = \"essentuki\"\n{cat}{cat}");
    expect_at(&src, "duplicate_category", 9, 6);
    let src = "id = \"x\"\nextends = \"essentuki\"\n[[refusal]]\ncode = \"hate\"\nclause = \"21\"\n[[refusal]]\ncode = \"hate\"\nclause = \"21\"\n";
    expect_at(src, "duplicate_refusal", 7, 8);
}

#[test]
fn merged_values_are_located_in_the_file_that_wrote_them() {
    // An uncited value inherited from a base is the author's to cite: the error points at the
    // author's file (the table they wrote, else its top), names where the value comes from and
    // says what to write.
    let src = "id = \"x\"\nextends = \"smart-city\"\nfamily = \"smart_city\"\n\n[attachments]\nmax_count = { value = 4, clause = \"6\" }\n";
    let diags = profile::lint(src, "user.toml");
    let d = diags.iter().find(|d| d.code == "clause_missing" && d.message.contains("attachments.media_types")).expect("uncited inherited value");
    let loc = d.location.as_ref().expect("located");
    assert_eq!((loc.file.as_str(), loc.line), ("user.toml", 5), "{d}");
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("inherited from builtin:smart-city:"), "{help}");
    assert!(help.contains("under `[attachments]` write `media_types = { clause = \"...\" }`"), "{help}");
    let d = diags.iter().find(|d| d.code == "clause_missing" && d.message.contains("channels.web")).expect("uncited inherited value");
    assert_eq!(d.location.as_ref().map(|l| (l.file.as_str(), l.line)), Some(("user.toml", 1)), "{d}");
    assert!(diags.iter().any(|d| d.code == "missing_key"));
}

#[test]
fn warnings_do_not_refuse_a_profile() {
    let src = "id = \"x\"\nextends = \"essentuki\"\n[terms.registation]\namount = 2\nunit = \"working_days\"\nclause = \"34.9\"\n";
    let diags = profile::lint(src, "user.toml");
    assert!(diags.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(positions(&diags), [("unknown_term_name".to_string(), 3, 8)]);
    assert!(Profile::from_toml(src, "user.toml").is_ok());
}

#[test]
fn lint_output_snapshot() {
    let src = r#"id = "broken"
extends = "essentuki"

[municipality]
zone = "Europe/Nowhere"

[attachments]
max_count = { value = 3 }

[terms.redirect]
amount = 7
clause = "1"

[[category]]
id = "lost"
name_ru = "Потерянная"
name_en = "Lost"
local_choice = "test"
"#;
    insta::assert_snapshot!("lint_broken", render(&profile::lint(src, "broken.toml")));
}

#[test]
fn json_schema_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/profile.schema.json");
    let generated = format!("{}\n", serde_json::to_string_pretty(&profile::schema()).expect("serializes"));
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("writes docs/profile.schema.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/profile.schema.json is out of date with core/src/profile/file.rs; regenerate it with \
         `UPDATE_SCHEMA=1 cargo test -p reglament --test profiles json_schema_is_up_to_date`"
    );
}

#[test]
fn profiles_serialize() {
    for name in Profile::builtin_names() {
        let p = Profile::builtin(name).expect("loads");
        let json = serde_json::to_value(&p).expect("serializes");
        assert_eq!(json["id"], *name);
    }
}

const LOCAL_DAYS: &str = r#"id = "local-days"
extends = "ru"
covers = { from = 2026, to = 2026 }
[[source]]
id = "city-order"
kind = "municipal_act"
title_ru = "Распоряжение администрации о нерабочем дне"
[[day]]
date = "2026-06-10"
kind = "regional_off"
source = "city-order"
"#;

/// A profile names built-in layers and its own layer file (read through the caller's look-up,
/// relative to the profile); the calendar stacks them in order and keeps the reason.
#[test]
fn a_profile_names_builtin_layers_and_its_own_layer_file() {
    let child = "id = \"my-city\"\nextends = \"essentuki\"\n[municipality]\ncalendar = { region = \"ru\", layers = [\"ru-sta\", \"./local-days.toml\"], reason = \"law\" }\n";
    let resolve = |name: &str| (name == "./local-days.toml").then(|| ("dir/local-days.toml".to_string(), LOCAL_DAYS.to_string()));
    let p = Profile::from_toml_with(child, "dir/my-city.toml", &resolve).expect("loads");
    assert_eq!(p.municipality.calendar.reason.as_deref(), Some("law"));
    let rules = reglament::Rules::new(p).expect("builds");
    let ids: Vec<&str> = rules.calendar().layers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["ru", "ru-sta", "local-days"]);
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    assert!(!rules.calendar().is_working_day(day(2026, 6, 10)).expect("covered"));
    assert!(!rules.calendar().is_working_day(day(2024, 5, 14)).expect("covered"), "Радоница 2024");
    // Without the look-up the file cannot be read: refused, at the layer's entry.
    let diags = profile::lint(child, "dir/my-city.toml");
    assert_eq!(positions(&diags), [("calendar_layer_file".to_string(), 4, 49)], "{}", render(&diags));
    // A look-up that answers every name with one file ends in a cycle error, not a hang.
    let any = |_: &str| Some(("dir/local-days.toml".to_string(), LOCAL_DAYS.to_string()));
    assert!(!profile::lint_with(child, "dir/my-city.toml", &any).is_empty());
    // A broken layer file is reported in that file.
    let broken = |name: &str| {
        name.ends_with(".toml").then(|| ("dir/local-days.toml".to_string(), LOCAL_DAYS.replace("regional_off", "regional_of")))
    };
    let diags = profile::lint_with(child, "dir/my-city.toml", &broken);
    let loc = diags.first().and_then(|d| d.location.clone()).expect("located");
    assert_eq!((loc.file.as_str(), loc.line), ("dir/local-days.toml", 10), "{}", render(&diags));
}

#[test]
fn unknown_builtin_layer_points_at_its_entry() {
    expect_at(
        "id = \"x\"\nextends = \"essentuki\"\n[municipality]\ncalendar = { region = \"ru\", layers = [\"ru-xx\"] }\n",
        "invalid_calendar",
        4,
        39,
    );
}

/// A misspelt calendar region or layer gets «did you mean», as a key, zone or id does.
#[test]
fn a_misspelt_calendar_region_or_layer_is_suggested() {
    for (src, meant) in [
        ("id = \"x\"\nextends = \"essentuki\"\n[municipality]\ncalendar = \"ru-taa\"\n", "ru-ta"),
        ("id = \"x\"\nextends = \"essentuki\"\n[municipality]\ncalendar = { region = \"ru\", layers = [\"ru-stta\"], reason = \"r\" }\n", "ru-sta"),
    ] {
        let diags = profile::lint(src, "user.toml");
        let d = diags.iter().find(|d| d.code == "invalid_calendar").expect("invalid_calendar");
        let help = d.help.as_deref().unwrap_or_default();
        assert!(help.starts_with(&format!("did you mean `{meant}`?")), "{src}\n{}", render(&diags));
    }
}

/// Lint warns when the municipality's region has a layer the calendar does not use, whether the
/// region is named by `region_code` or found from `region_ru`; the warning does not refuse.
#[test]
fn lint_warns_when_the_region_layer_is_not_used() {
    for src in [
        "id = \"x\"\nextends = \"essentuki\"\n[municipality]\ncalendar = \"ru\"\n",
        "id = \"x\"\nextends = \"mikhailovka\"\n[municipality]\nregion_code = \"RU-STA\"\ncalendar = \"ru\"\n",
        "id = \"x\"\nextends = \"mikhailovka\"\n[municipality]\nregion_code = \"ru-ta\"\n",
    ] {
        let diags = profile::lint(src, "user.toml");
        assert!(diags.iter().any(|d| d.code == "calendar_region_layer" && d.severity == Severity::Warning), "{src}\n{}", render(&diags));
        assert!(Profile::from_toml(src, "user.toml").is_ok());
    }
    let fine = "id = \"x\"\nextends = \"mikhailovka\"\n[municipality]\nregion_code = \"ru-ta\"\ncalendar = \"ru-ta\"\n";
    assert!(profile::lint(fine, "user.toml").is_empty());
}

#[test]
fn every_problem_in_one_run_with_suggestions_and_categories_by_id() {
    // Four typos of four kinds: all reported at once, each with what was meant.
    let src = "id = \"x\"\nextends = \"essentuki\"\n\n[municipality]\nzone = \"Europe/Moskow\"\n\n[attachments]\nmax_cuont = { value = 3, clause = \"24\" }\nmax_total_bytes = 5\n\n[terms.answer]\nunit = \"calender_days\"\nclause = \"47\"\n\n[[category]]\nid = \"all\"\norg = { value = \"essentuki-administraton\", clause = \"34.6\" }\nname_ru = 5\n";
    let diags = profile::lint(src, "user.toml");
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    for code in ["clause_missing", "unknown_key", "wrong_value", "wrong_type", "invalid_zone", "unknown_organisation"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert!(!codes.contains(&"term_unit_missing"), "a removed value is not reported twice: {codes:?}");
    let help = |code: &str| diags.iter().find(|d| d.code == code).and_then(|d| d.help.clone()).unwrap_or_default();
    assert!(help("unknown_key").starts_with("did you mean `max_count`?"), "{}", help("unknown_key"));
    assert!(help("wrong_value").starts_with("did you mean `calendar_days`?"), "{}", help("wrong_value"));
    assert!(help("invalid_zone").starts_with("did you mean `Europe/Moscow`?"), "{}", help("invalid_zone"));
    assert!(help("unknown_organisation").starts_with("did you mean `essentuki-administration`?"));
    let wrong_type = diags.iter().find(|d| d.code == "wrong_type").map(|d| d.message.clone()).unwrap_or_default();
    assert!(wrong_type.starts_with("`category[\"all\"].name_ru`"), "{wrong_type}");
    assert!(profile::Profile::from_toml(src, "user.toml").is_err());
}

#[test]
fn unknown_fast_track_lists_the_levels_it_means() {
    let src = "id = \"x\"\nextends = \"mikhailovka\"\n\n[[category]]\nid = \"all\"\nfast_track = { value = \"ft3\", clause = \"9\" }\n";
    let diags = profile::lint(src, "user.toml");
    let d = diags.iter().find(|d| d.code == "unknown_fast_track").expect("unknown level");
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("ft1, ft2"), "{help}");
}

/// `docs/terms.md` is the one source of the legal conventions: it quotes each of the Civil Code's
/// arts. 190–194 and numbers every convention that profiles, cases and documents cite by number.
#[test]
fn the_term_conventions_live_in_docs_terms() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let terms = std::fs::read_to_string(format!("{root}/docs/terms.md")).expect("docs/terms.md");
    for art in 190..=194 {
        let heading = format!("## Art. {art}:");
        let at = terms.find(&heading).unwrap_or_else(|| panic!("no section {heading}"));
        let section = &terms[at..];
        let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
        assert!(section[..end].contains("\n> "), "art. {art} is not quoted");
    }
    assert!(!terms.contains("shared/REGULATIONS.md"), "the conventions must not live outside the repository");
    let numbered = terms.split("## The conventions, numbered").nth(1).expect("the numbered list");
    let count = (1..).take_while(|n| numbered.contains(&format!("\n{n}. "))).count();
    assert_eq!(count, 13, "conventions 1 to 13");
    // Every «convention N» cited in the documents and the example profile exists.
    for file in ["docs/message.md", "docs/conformance.md", "rules/profiles/README.md", "examples/my-town/my-town.toml", "docs/terms.md"] {
        let text = std::fs::read_to_string(format!("{root}/{file}")).expect("readable");
        for (i, _) in text.match_indices("convention ") {
            let n: String = text[i + "convention ".len()..].chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = n.parse::<usize>() {
                assert!((1..=count).contains(&n), "{file} cites convention {n}");
            }
        }
    }
}

/// Lint reports every problem of a file in one run, top to bottom as a compiler does: four typos
/// of different kinds (an unknown key, a wrong value, an uncited value, a bad zone) come together,
/// ordered by line.
#[test]
fn every_problem_in_one_run_in_reading_order() {
    let src = "id = \"x\"\nextends = \"essentuki\"\n[municipality]\nzone = \"Europe/Moskow\"\n[attachments]\nmax_cuont = { value = 3, clause = \"24\" }\nmax_count = { value = 3 }\n[terms.answer]\nunit = \"calendar_dayz\"\n";
    let diags = profile::lint(src, "user.toml");
    let found: Vec<(String, usize)> = positions(&diags).into_iter().map(|(code, line, _)| (code, line)).collect();
    let expected = [("invalid_zone", 4), ("unknown_key", 6), ("clause_missing", 7), ("wrong_value", 9)];
    assert_eq!(found, expected.map(|(c, l)| (c.to_string(), l)).to_vec(), "{}", render(&diags));
}

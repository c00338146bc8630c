//! The production calendar against its decrees and against itself.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use reglament::{Calendar, CalendarOptions, Error};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn working_days_in_year(cal: &Calendar, year: i32) -> i64 {
    let first = d(year, 1, 1);
    cal.working_days_between(first, d(year, 12, 31)).unwrap() + i64::from(cal.is_working_day(first).unwrap())
}

/// Each year's count of working days (a five-day week, decree days not subtracted) equals the
/// officially published figure recorded next to the decree in the layer file.
#[test]
fn every_year_matches_its_published_count() {
    for region in reglament::calendar::REGIONS {
        let cal = Calendar::builtin_with(region, CalendarOptions { decree_days_off: false, ..Default::default() }).unwrap();
        let top = cal.layers().last().unwrap();
        let (from, to) = (top.covers.from, top.covers.to);
        for year in from..=to {
            let Some(published) = top.years.iter().find(|y| y.year == year) else {
                assert!(*region != "ru", "ru.toml has no published count for {year}");
                continue;
            };
            assert_eq!(
                working_days_in_year(&cal, year),
                i64::from(published.working_days),
                "{region} {year}: computed count differs from the published one"
            );
        }
    }
}

#[test]
fn covers_2019_through_2027() {
    let cal = Calendar::builtin("ru").unwrap();
    assert_eq!(cal.range(), (d(2019, 1, 1), d(2027, 12, 31)));
}

#[test]
fn known_days() {
    let cal = Calendar::builtin("ru").unwrap();
    // Essentuki worked example: 8 March 2026 is a Sunday holiday, 9 March a day off by transfer.
    assert!(!cal.is_working_day(d(2026, 3, 8)).unwrap());
    assert!(!cal.is_working_day(d(2026, 3, 9)).unwrap());
    assert!(cal.is_working_day(d(2026, 3, 10)).unwrap());
    // Working Saturday 1 November 2025 (Government transfer to 3 November).
    assert!(cal.is_working_day(d(2025, 11, 1)).unwrap());
    assert!(!cal.is_working_day(d(2025, 11, 3)).unwrap());
    // Decree days of April 2020 are non-working by default and switchable.
    assert!(!cal.is_working_day(d(2020, 4, 15)).unwrap());
    let plain = Calendar::builtin_with("ru", CalendarOptions { decree_days_off: false, ..Default::default() }).unwrap();
    assert!(plain.is_working_day(d(2020, 4, 15)).unwrap());
    // 31 December 2025 is a day off by transfer from 5 January.
    assert!(!cal.is_working_day(d(2025, 12, 31)).unwrap());
}

#[test]
fn tatarstan_adds_its_holidays() {
    let ru = Calendar::builtin("ru").unwrap();
    let ta = Calendar::builtin("ru-ta").unwrap();
    // Republic Day, 30 August 2024 (a Friday).
    assert!(ru.is_working_day(d(2024, 8, 30)).unwrap());
    assert!(!ta.is_working_day(d(2024, 8, 30)).unwrap());
    // Constitution Day of Tatarstan, 6 November 2025 (a Thursday).
    assert!(!ta.is_working_day(d(2025, 11, 6)).unwrap());
}

#[test]
fn out_of_range_names_the_covered_range() {
    let cal = Calendar::builtin("ru").unwrap();
    let err = cal.is_working_day(d(2018, 12, 31)).unwrap_err();
    assert_eq!(err.code(), "out_of_range");
    assert!(err.to_string().contains("2019-01-01 to 2027-12-31"), "{err}");
    let err = cal.add_working_days(d(2027, 12, 20), 30).unwrap_err();
    assert!(matches!(err, Error::OutOfRange { .. }));
    assert!(matches!(Calendar::builtin("ru-xx"), Err(Error::UnknownRegion(..))));
}

#[test]
fn runtime_layer_adds_a_local_day_off() {
    let cal = Calendar::builtin("ru").unwrap();
    let layer = r#"
id = "local"
extends = "ru"
covers = { from = 2026, to = 2026 }
[[source]]
id = "local-1"
kind = "municipal_act"
title_ru = "Распоряжение о нерабочем дне"
[[day]]
date = "2026-06-11"
kind = "regional_off"
source = "local-1"
"#;
    let with = cal.with_layer_toml(layer, "local.toml").unwrap();
    assert!(cal.is_working_day(d(2026, 6, 11)).unwrap());
    assert!(!with.is_working_day(d(2026, 6, 11)).unwrap());
    assert_eq!(with.id(), "local");
}

/// A layer whose days an act gives to different bodies: 10 June for everyone, 11 June to state
/// and municipal bodies, 12 June (all 2026 weekdays) to the region's state bodies only.
const SCOPED: &str = r#"
id = "scoped"
extends = "ru"
covers = { from = 2026, to = 2026 }
[[source]]
id = "act"
kind = "regional_law"
title_ru = "Закон о нерабочих днях"
[[day]]
date = "2026-06-10"
kind = "regional_off"
source = "act"
[[day]]
date = "2026-06-11"
kind = "regional_off"
source = "act"
applies_to = "state_and_municipal_bodies"
[[day]]
date = "2026-06-15"
kind = "regional_off"
source = "act"
applies_to = "state_bodies"
"#;

/// A municipal body's calendar (the default) keeps the days given to everyone and to state and
/// municipal bodies, not those given to the region's state bodies alone; a private employer's
/// keeps only everyone's days; a state body's keeps all three.
#[test]
fn a_calendar_keeps_the_days_of_the_scopes_it_observes() {
    use reglament::calendar::AppliesTo;
    let working = |observes: Option<AppliesTo>| {
        let options = observes.map_or_else(CalendarOptions::default, |observes| CalendarOptions { observes, ..Default::default() });
        let cal = Calendar::builtin_with("ru", options).unwrap().with_layer_toml(SCOPED, "scoped.toml").unwrap();
        [d(2026, 6, 10), d(2026, 6, 11), d(2026, 6, 15)].map(|day| cal.is_working_day(day).unwrap())
    };
    assert_eq!(working(None), [false, false, true]);
    assert_eq!(working(Some(AppliesTo::StateAndMunicipalBodies)), [false, false, true]);
    assert_eq!(working(Some(AppliesTo::Everyone)), [false, true, true]);
    assert_eq!(working(Some(AppliesTo::StateBodies)), [false, false, false]);
    // A day that does not apply is not listed either.
    let cal = Calendar::builtin("ru").unwrap().with_layer_toml(SCOPED, "scoped.toml").unwrap();
    assert!(cal.notes(d(2026, 6, 15)).is_empty());
    assert_eq!(cal.notes(d(2026, 6, 10)).len(), 1);
}

/// The CSV lists the kinds that hold under the options: with decree days off, 2020-04-30,
/// 2020-05-08 and 2021-11-03 are decree days off and not shortened working days; with decree days
/// working they are shortened working days and not days off.
#[test]
fn listed_kinds_follow_the_options() {
    for day in [d(2020, 4, 30), d(2020, 5, 8), d(2021, 11, 3)] {
        let off = Calendar::builtin("ru").unwrap();
        let kinds: Vec<_> = off.listed_days(day, day).unwrap().into_iter().map(|(_, k)| k).collect();
        assert_eq!(kinds, [reglament::DayKind::DecreeOff], "{day}");
        let on = Calendar::builtin_with("ru", CalendarOptions { decree_days_off: false, ..Default::default() }).unwrap();
        let kinds: Vec<_> = on.listed_days(day, day).unwrap().into_iter().map(|(_, k)| k).collect();
        assert_eq!(kinds, [reglament::DayKind::ShortDay], "{day}");
    }
}

/// Built-in layers named on top of a region come with the layers they extend, once each.
#[test]
fn builtin_layers_stack_on_a_region() {
    let cal = Calendar::builtin_layers("ru", &["ru-ta".to_string()], CalendarOptions::default()).unwrap();
    let ids: Vec<_> = cal.layers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["ru", "ru-ta"]);
    assert_eq!(cal.id(), "ru-ta");
    let err = Calendar::builtin_layers("ru", &["ru-zz".to_string()], CalendarOptions::default()).unwrap_err();
    assert_eq!(err.code(), "unknown_region");
}

#[test]
fn broken_layer_names_file_line_and_column() {
    let cal = Calendar::builtin("ru").unwrap();
    let broken = "id = \"x\"\ncovers = { from = 2026, to = 2026 }\n[[day]]\ndate = \"2026-06-11\"\nkind = \"holliday\"\nsource = \"s\"\n";
    let Err(Error::Data(diags)) = cal.with_layer_toml(broken, "x.toml") else { panic!("accepted") };
    let loc = diags[0].location.as_ref().unwrap();
    assert_eq!((loc.file.as_str(), loc.line), ("x.toml", 5), "{}", diags[0]);
}

/// Built once per test binary: parsing a calendar per generated case would dominate the run.
static RU: std::sync::LazyLock<Calendar> = std::sync::LazyLock::new(|| Calendar::builtin("ru").unwrap());
static RU_TA: std::sync::LazyLock<Calendar> = std::sync::LazyLock::new(|| Calendar::builtin("ru-ta").unwrap());

fn covered_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..3287).prop_map(|o| d(2019, 1, 1) + chrono::Duration::days(o))
}

proptest! {
    #[test]
    fn adding_lands_on_a_working_day_and_counts_back(date in covered_date(), n in 1i64..400) {
        let cal = &*RU_TA;
        if let Ok(end) = cal.add_working_days(date, n) {
            prop_assert!(cal.is_working_day(end).unwrap());
            prop_assert_eq!(cal.working_days_between(date, end).unwrap(), n);
            prop_assert!(end > date);
        }
        if let Ok(back) = cal.add_working_days(date, -n) {
            prop_assert!(cal.is_working_day(back).unwrap());
            // `back` is the n-th working day strictly before `date`.
            let here = i64::from(cal.is_working_day(date).unwrap());
            prop_assert_eq!(cal.working_days_between(back, date).unwrap(), n - 1 + here);
            prop_assert!(back < date);
        }
    }

    #[test]
    fn next_and_previous_are_inverse_on_working_days(date in covered_date()) {
        let cal = &*RU;
        if cal.is_working_day(date).unwrap() {
            if let Ok(next) = cal.next_working_day(date) {
                prop_assert_eq!(cal.previous_working_day(next).unwrap(), date);
            }
            if let Ok(prev) = cal.previous_working_day(date) {
                prop_assert_eq!(cal.next_working_day(prev).unwrap(), date);
            }
        }
    }

    #[test]
    fn between_agrees_with_a_day_by_day_count(a in covered_date(), len in 0i64..60) {
        let cal = &*RU;
        let b = a + chrono::Duration::days(len);
        if b.year() <= 2027 {
            let mut count = 0;
            let mut x = a;
            while x < b {
                x = x.succ_opt().unwrap();
                count += i64::from(cal.is_working_day(x).unwrap());
            }
            prop_assert_eq!(cal.working_days_between(a, b).unwrap(), count);
        }
    }
}

#[test]
fn a_layer_for_the_next_year_extends_the_range_and_a_gap_is_refused() {
    let cal = Calendar::builtin("ru").unwrap();
    let next = r#"
id = "ru-2028"
extends = "ru"
covers = { from = 2028, to = 2028 }
[[source]]
id = "tk-112"
kind = "labour_code"
title_ru = "Трудовой кодекс РФ, ст. 112"
[[day]]
date = "2028-01-03"
kind = "holiday"
source = "tk-112"
"#;
    let with = cal.with_layer_toml(next, "ru-2028.toml").unwrap();
    assert_eq!(with.range().1, d(2028, 12, 31));
    assert!(!with.is_working_day(d(2028, 1, 3)).unwrap());
    let gap = next.replace("2028", "2030");
    let err = cal.with_layer_toml(&gap, "ru-2030.toml").unwrap_err();
    assert_eq!(err.path(), Some("covers"), "{err}");
}

/// A region code may stack built-in layers with `+`, as the bindings and cases pass it.
#[test]
fn a_region_code_stacks_layers_with_plus() {
    let spec = Calendar::builtin("ru+ru-sta").unwrap();
    let sta = Calendar::builtin("ru-sta").unwrap();
    let ids: Vec<_> = spec.layers().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["ru", "ru-sta"]);
    for day in d(2019, 1, 1).iter_days().take_while(|x| *x <= d(2027, 12, 31)) {
        assert_eq!(spec.is_working_day(day).unwrap(), sta.is_working_day(day).unwrap(), "{day}");
    }
    assert_eq!(Calendar::builtin("ru+ru-xx").unwrap_err().code(), "unknown_region");
}

/// Радоница in Stavropol Krai, each year from the appendix of Закон СК № 60-кз: a day off there,
/// a working day federally except where it coincided with a federal day off (2020 decree days,
/// 2022 transfer).
#[test]
fn radonitsa_is_a_day_off_in_stavropol_krai() {
    let ru = Calendar::builtin("ru").unwrap();
    let sta = Calendar::builtin("ru-sta").unwrap();
    for (day, federally_working) in [
        (d(2019, 5, 7), true),
        (d(2020, 4, 28), false),
        (d(2021, 5, 11), true),
        (d(2022, 5, 3), false),
        (d(2023, 4, 25), true),
        (d(2024, 5, 14), true),
        (d(2025, 4, 29), true),
        (d(2026, 4, 21), true),
        (d(2027, 5, 11), true),
    ] {
        assert_eq!(ru.is_working_day(day).unwrap(), federally_working, "{day}");
        assert!(!sta.is_working_day(day).unwrap(), "{day}");
        assert!(sta.notes(day).iter().any(|n| n.layer == "ru-sta" && n.source_short_ru.as_deref() == Some("Закон СК от 23.06.2016 № 60-кз")), "{day}");
    }
    // The 2026 and 2027 dates are provisional (the appendix was not checked against a second source).
    assert_eq!(sta.provisional_days(d(2026, 4, 20), d(2026, 4, 23)).unwrap(), [d(2026, 4, 21)]);
    assert!(sta.provisional_days(d(2024, 5, 13), d(2024, 5, 16)).unwrap().is_empty());
}

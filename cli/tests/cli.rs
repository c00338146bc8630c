//! The command line as a person uses it: output snapshots and typed errors with exit codes.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reglament")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn calendar_csv_2026() {
    let (code, out, _) = run(&["calendar", "--region", "ru", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("date,kind\n"));
    insta::assert_snapshot!("calendar_ru_2026_csv", out);
}

#[test]
fn calendar_csv_tatarstan_2025() {
    let (code, out, _) = run(&["calendar", "--region", "ru-ta", "--from", "2025-01-01", "--to", "2025-12-31"]);
    assert_eq!(code, 0);
    // The working Saturday of 1 November 2025 is also shortened: two lines for one date.
    assert!(out.contains("2025-11-01,work_saturday\n2025-11-01,short_day\n"), "{out}");
    assert!(out.contains("2025-08-30,regional_off"), "Republic Day");
    insta::assert_snapshot!("calendar_ru_ta_2025_csv", out);
}

#[test]
fn calendar_table_is_readable() {
    let (code, out, _) = run(&["calendar", "--region", "ru", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "table"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("calendar_table_march_2026", out);
}

#[test]
fn deadline_json_worked_example() {
    let (code, out, _) = run(&[
        "deadline", "--zone", "Europe/Moscow", "--region", "ru", "--start", "2026-03-07T11:00:00+03:00", "--days", "5",
        "--start-on-working-day", "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due"], "2026-03-16T23:59:59+03:00");
    assert_eq!(v["due_date"], "2026-03-16");
    assert!(v["explanation"].as_array().unwrap().len() >= 4);
}

#[test]
fn bad_input_is_a_typed_error() {
    let cases: &[(&[&str], &str)] = &[
        (&["calendar", "--region", "ru-xx", "--from", "2026-01-01", "--to", "2026-01-31"], "unknown_region"),
        (&["calendar", "--from", "2018-01-01", "--to", "2018-01-31"], "out_of_range"),
        (&["calendar", "--from", "2026-13-01", "--to", "2026-12-31"], "invalid_input"),
        (&["deadline", "--zone", "Mars/Olympus", "--start", "2026-03-07T11:00:00+03:00", "--days", "5"], "unknown_zone"),
        (&["deadline", "--start", "2026-03-07 11:00", "--days", "5"], "invalid_input"),
        (&["deadline", "--start", "2026-03-07T11:00:00+03:00", "--days", "-3"], "invalid_input"),
        (&["deadline", "--start", "2026-03-07T11:00:00+03:00", "--days", "0", "--cutoff", "25:00"], "invalid_input"),
        (&["deadline", "--start", "2027-12-30T11:00:00+03:00", "--days", "10", "--working"], "out_of_range"),
        (&["check", "examples/does-not-exist.json", "--profile", "essentuki"], "invalid_input"),
    ];
    for (args, code) in cases {
        let (exit, _, err) = run(args);
        assert_eq!(exit, 2, "{args:?}: {err}");
        assert!(err.contains(&format!("error[{code}]")), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn check_prints_findings_route_and_plan() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/message.json");
    let (code, out, err) = run(&["check", example, "--profile", "essentuki", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["code"], "personal_data_public");
    assert_eq!(v["plan"]["registration"]["due"], "2026-03-12T23:59:59+03:00");
    assert_eq!(v["plan"]["answer"]["due"], "2026-03-16T23:59:59+03:00");
    assert!(v["route"]["organisation"]["id"].is_string());
}

#[test]
fn lint_refuses_a_broken_profile_with_a_position() {
    let dir = std::env::temp_dir().join(format!("reglament-cli-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.toml");
    std::fs::write(&file, "id = \"broken\"\nextends = \"essentuki\"\n\n[attachments]\nmax_cuont = { value = 3, clause = \"24\" }\n").unwrap();
    let (code, out, _) = run(&["lint", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("broken.toml:5:1"), "{out}");
    let (code, out, _) = run(&["lint", "--error-format", "json", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["location"]["line"], 5);
}

fn example(path: &str) -> String {
    format!("{}/../examples/my-town/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn test_runs_cases_naming_the_authors_own_profile_files() {
    let (code, out, err) = run(&["test", &example("")]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("4 passed, 0 failed\n"), "{out}");
    // A profile file given to `test` is a profile the cases may name, not a case file.
    let (code, _, err) = run(&["test", &example("my-town.toml")]);
    assert_eq!(code, 2);
    assert!(err.contains("no case file given"), "{err}");
}

#[test]
fn a_failing_case_shows_the_differing_fields_not_the_whole_answer() {
    let (code, out, err) = run(&["test", &example("failing")]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("FAIL "), "{out}");
    assert!(out.contains("  $.answer.due_date\n    - expected \"2026-03-16\"\n    + actual   \"2026-03-20\"\n"), "{out}");
    assert!(out.contains("  $.answer.clause\n    - expected \"Essentuki 47\"\n    + actual   \"Obraztsovo 47\"\n"), "{out}");
    // The registration matched, and the explanation steps are not printed.
    assert!(!out.contains("registration") && !out.contains("explanation"), "{out}");
    assert!(out.ends_with("0 passed, 1 failed\n"), "{out}");

    let (code, out, _) = run(&["test", "--json", &example("failing")]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["passed"].as_u64(), v["failed"].as_u64()), (Some(0), Some(1)));
    let paths: Vec<&str> = v["cases"][0]["differences"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["$.answer.clause", "$.answer.due_date"]);
}

#[test]
fn a_file_extending_a_sibling_lints_and_loads() {
    let village = example("my-village.toml");
    let (code, out, _) = run(&["lint", &village]);
    assert_eq!(code, 0, "{out}");
    // The README's worked example lints clean, without a warning for the new author to puzzle over.
    let (code, out, _) = run(&["lint", &example("my-town.toml"), &village]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.lines().filter(|l| l.ends_with(".toml: ok")).count(), 2, "{out}");
    let message = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/message.json");
    let (code, out, err) = run(&["check", message, "--profile", &village, "--json"]);
    assert!(code == 0 || code == 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plan"]["answer"]["due"], "2026-03-20T23:59:59+03:00");
    assert_eq!(v["route"]["organisation"]["id"], "obraztsovo-administration");
}

#[test]
fn check_reads_as_a_moderator_reads_it() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/message.json");
    let (code, out, err) = run(&["check", example, "--profile", "essentuki"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Можно отправить только непубличным: 1 предупреждение.");
    assert_eq!(lines[1], "город-курорт Ессентуки, Ставропольский край (регламент: Ессентуки)");
    assert!(!out.contains("Постановление администрации"), "the act's title is not the header: {out}");
    assert!(out.contains("где: строка 1, символы 122–139 текста: «+7 (912) 345-67-89»"), "{out}");
    assert!(out.contains("как исправить: уберите эти данные из текста"), "{out}");
    assert!(!out.contains("ст. 112 ТК РФ): ст. 112 ТК РФ"), "a citation is not repeated: {out}");
    // Russian names, in the order the terms fall: registration (12 March) before the answer (16 March).
    let registration = out.find("срок регистрации: до 2026-03-12T23:59:59+03:00").unwrap();
    let answer = out.find("срок обработки сообщения и предоставления ответа: до 2026-03-16T23:59:59+03:00").unwrap();
    assert!(registration < answer, "{out}");
    let (_, json_out, _) = run(&["check", example, "--profile", "essentuki", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["fingerprint"].as_str().map(str::len), Some(64));
}

#[test]
fn an_instant_without_an_offset_is_reported_as_such() {
    let dir = std::env::temp_dir().join(format!("reglament-cli-naive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("naive.json");
    std::fs::write(&file, r#"{"sent_at": "2026-03-07T11:00:00", "text": "Яма на дороге"}"#).unwrap();
    let (code, _, err) = run(&["check", file.to_str().unwrap(), "--profile", "essentuki"]);
    assert_eq!(code, 2);
    assert!(err.contains("`message.sent_at`") && err.contains("has no UTC offset"), "{err}");
    assert!(!err.contains("column"), "{err}");
    // A flag is named as the user typed it.
    let (code, _, err) = run(&["deadline", "--start", "2026-03-07T11:00:00", "--days", "5"]);
    assert_eq!(code, 2);
    assert!(err.contains("`--start`") && err.contains("has no UTC offset"), "{err}");
    let replay = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/replay.json");
    let (code, _, err) = run(&["replay", replay, "--profile", "essentuki", "--at", "2026-03-16T12:00:00"]);
    assert_eq!(code, 2);
    assert!(err.contains("`--at`") && err.contains("has no UTC offset"), "{err}");
}

#[test]
fn lint_watch_lints_again_when_the_file_changes() {
    let dir = std::env::temp_dir().join(format!("reglament-cli-watch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("town.toml");
    std::fs::write(&file, "id = \"town\"\nextends = \"essentuki\"\n").unwrap();
    let log = dir.join("out.txt");
    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(["lint", "--watch", file.to_str().unwrap()])
        .stdout(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let wait_for = |needle: &str| {
        for _ in 0..100 {
            if std::fs::read_to_string(&log).unwrap_or_default().contains(needle) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    let first = wait_for("town.toml: ok");
    // Modification times can be coarse: make sure the next write is a later one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&file, "id = \"town\"\nextends = \"essentuki\"\n[attachments]\nmax_cuont = { value = 3, clause = \"24\" }\n").unwrap();
    let second = wait_for("did you mean `max_count`?");
    child.kill().unwrap();
    let _ = child.wait();
    let out = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(first && second, "{out}");
    assert_eq!(out.matches("-- watching 1 file(s)").count(), 2, "{out}");
}

/// The pre-commit hook hands `lint` every staged `.toml`: a calendar layer is checked as a
/// layer, not refused as a profile with unknown keys.
#[test]
fn lint_checks_a_calendar_layer_as_a_layer() {
    let layer = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/calendars/ru-sta.toml");
    let (code, out, err) = run(&["lint", layer]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("ru-sta.toml: ok\n"), "{out}");
    let dir = std::env::temp_dir().join(format!("reglament-cli-layer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("local-days.toml");
    let broken = std::fs::read_to_string(layer).unwrap().replacen("source = \"", "source = \"no-such-", 1);
    std::fs::write(&file, broken).unwrap();
    let (code, out, _) = run(&["lint", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[calendar_unknown_source]") && out.contains("local-days.toml:"), "{out}");
    assert!(!out.contains("unknown_key"), "{out}");
}

/// A message the profile cannot route says why in the output's language.
#[test]
fn a_refused_message_says_so_first_and_in_russian() {
    let dir = std::env::temp_dir().join(format!("reglament-cli-refused-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("refused.json");
    std::fs::write(&file, r#"{"sent_at": "2026-03-07T11:00:00+03:00", "text": "Яма на дороге", "category": "дороги"}"#).unwrap();
    let (code, out, err) = run(&["check", file.to_str().unwrap(), "--profile", "essentuki"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.starts_with("Будет отклонено: "), "{out}");
    assert!(out.contains("Маршрут не определён: категории «дороги» нет в перечне категорий профиля."), "{out}");
    assert!(!out.contains("invalid input"), "{out}");
    let (_, out, _) = run(&["check", file.to_str().unwrap(), "--profile", "essentuki", "--lang", "en"]);
    assert!(out.starts_with("Will be refused: ") && out.contains("No route: "), "{out}");
}

/// `scripts/pre-commit-lint.sh` lints the staged profiles and calendar layers, prints what
/// `reglament lint` prints and refuses a commit with an error; build files are left alone.
#[test]
fn the_pre_commit_script_lints_what_is_staged() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let repo = std::env::temp_dir().join(format!("reglament-cli-hook-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(repo.join("rules/profiles")).unwrap();
    std::fs::create_dir_all(repo.join("rules/calendars")).unwrap();
    std::fs::copy(format!("{root}/rules/calendars/ru-sta.toml"), repo.join("rules/calendars/ru-sta.toml")).unwrap();
    std::fs::copy(format!("{root}/examples/my-town/my-town.toml"), repo.join("rules/profiles/my-town.toml")).unwrap();
    std::fs::write(repo.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    let git = |args: &[&str]| Command::new("git").args(args).current_dir(&repo).output().unwrap();
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    let hook = || {
        let out = Command::new("bash")
            .arg(format!("{root}/scripts/pre-commit-lint.sh"))
            .env("REGLAMENT", env!("CARGO_BIN_EXE_reglament"))
            .current_dir(&repo)
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
    };
    let (code, out) = hook();
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "rules/calendars/ru-sta.toml: ok\nrules/profiles/my-town.toml: ok\n");
    std::fs::write(repo.join("rules/profiles/broken.toml"), "id = \"broken\"\nextends = \"essentuki\"\n\n[attachments]\nmax_cuont = { value = 3, clause = \"24\" }\n").unwrap();
    git(&["add", "-A"]);
    let (code, out) = hook();
    assert_eq!(code, 1, "{out}");
    let manual = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(["lint", "rules/calendars/ru-sta.toml", "rules/profiles/broken.toml", "rules/profiles/my-town.toml"])
        .current_dir(&repo)
        .output()
        .unwrap();
    assert_eq!(out, String::from_utf8(manual.stdout).unwrap(), "the same output as a manual run");
    assert!(out.contains("rules/profiles/broken.toml:5:1"), "{out}");
}

/// `reglament pack` writes a rule author's profile and the layers it needs, and nothing at all
/// when one of the files does not load (the browser test reads what it writes).
#[test]
fn pack_writes_own_profiles_and_their_layers_only() {
    let dir = std::env::temp_dir().join(format!("reglament-pack-{}", std::process::id()));
    let out = dir.to_str().unwrap();
    let (code, stdout, stderr) = run(&["pack", &example("my-town.toml"), "--out", out]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("packed 1 profile(s) and 2 calendar layer(s)"), "{stdout}");
    assert!(dir.join("profiles/my-town.bin").is_file());
    assert!(dir.join("calendars/ru-sta.bin").is_file());
    assert!(!dir.join("calendars/ru-ta.bin").exists(), "a layer the profile does not use is not written");
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    assert!(index.contains("\"my-town\""), "{index}");
    std::fs::remove_dir_all(&dir).unwrap();

    let (code, _, stderr) = run(&["pack", &example("no-such.toml"), "--out", out]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no-such.toml"), "{stderr}");
    assert!(!dir.exists(), "nothing is written when a profile does not load");
}

/// `deadline --profile FILE --term NAME` counts a rule author's own term as the profile sets it
/// (the my-town case: sent Saturday 7 March 2026, ten calendar days from Tuesday 10 March), and
/// an unknown term name is a typed error listing the profile's terms.
#[test]
fn deadline_counts_a_term_of_the_authors_own_profile() {
    let (code, stdout, stderr) =
        run(&["deadline", "--profile", &example("my-town.toml"), "--term", "answer", "--start", "2026-03-07T11:00:00+03:00", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["due"], "2026-03-20T23:59:59+03:00", "{stdout}");
    assert!(stdout.contains("Obraztsovo 47"), "the term's clause is cited: {stdout}");
    let (code, _, stderr) =
        run(&["deadline", "--profile", &example("my-town.toml"), "--term", "answr", "--start", "2026-03-07T11:00:00+03:00"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("answer") && stderr.contains("--term"), "{stderr}");
}

//! Input as Thai officers type it: `1,500.-` baht, `50%` for a ร้อยละ KPI, Thai month names
//! in dates and months, Thai digits on the command line. Each accepted form gives the same
//! figures as the canonical one; each bad form is named as typed.

use std::path::Path;
use std::process::Output;

const PLAN: &str = "plans/2566/office-a/act/plan.yaml";
const ENTRY: &str = "plans/2566/office-a/act/progress/2022-10.yaml";
const BASE_PLAN: &str = include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml");

/// The base fixture, copied.
fn fixture() -> tempfile::TempDir {
    crate::common::fixture("base")
}

fn write(content: &Path, file: &str, text: &str) {
    std::fs::write(content.join(file), text).expect("write a content file");
}

fn planbook(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .env("PLANBOOK_LANG", "en")
        .output()
        .expect("run planbook")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The plan with its KPI counted in ร้อยละ and the given replacements.
fn plan(replacements: &[(&str, &str)]) -> String {
    let mut text = BASE_PLAN.replacen("unit: ราย", "unit: ร้อยละ", 1);
    for (from, to) in replacements {
        assert!(text.contains(from), "the fixture has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Builds `content` and returns every JSON file of the output, by path.
fn built_data(content: &Path) -> Vec<(String, String)> {
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    let result = planbook(&[
        "build",
        "--content",
        content.to_str().expect("UTF-8 path"),
        "--output",
        site.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(site.join("data"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("read JSON");
            (
                e.path()
                    .strip_prefix(&site)
                    .expect("inside")
                    .display()
                    .to_string(),
                text,
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

#[test]
fn typed_forms_give_the_figures_of_the_canonical_forms() {
    let canonical = fixture();
    write(
        canonical.path(),
        PLAN,
        &plan(&[("target: 20", "target: 80")]),
    );
    write(
        canonical.path(),
        ENTRY,
        "month: 2022-10\ndisbursed:\n  staff: 1500\ntasks: { train: 0 }\nkpis: { members: 25 }\nevents:\n  - { name: อบรม, kind: training, ended_on: 2022-10-05, participants: 30 }\nnarrative: เริ่มดำเนินการ\n",
    );
    let typed = fixture();
    write(
        typed.path(),
        PLAN,
        &plan(&[
            ("target: 20", "target: 80%"),
            ("amount: 4000", "amount: 4,000.-"),
            ("amount: 6000", "amount: \"6,000.- บาท\""),
            (
                "schedule: { 2022-11: 1, 2023-02: 1 }",
                "schedule: { พ.ย. 2565: 1, ก.พ. ๖๖: 1 }",
            ),
            (
                "{ 2022-11: 4000, 2023-02: 6000 }",
                "{ พฤศจิกายน ๒๕๖๕: 4000, 2566-02: \"6,000.00\" }",
            ),
        ]),
    );
    write(
        typed.path(),
        ENTRY,
        "month: ต.ค. ๒๕๖๕\ndisbursed:\n  staff: 1,500.-\ntasks: { train: 0 }\nkpis: { members: 25% }\nevents:\n  - { name: อบรม, kind: training, ended_on: ๕ ต.ค. ๖๕, participants: 30 }\nnarrative: เริ่มดำเนินการ\n",
    );
    let canonical_data = built_data(canonical.path());
    let typed_data = built_data(typed.path());
    assert_eq!(canonical_data, typed_data);
    let plan_json = &canonical_data
        .iter()
        .find(|(path, _)| path.ends_with("office-a/act.json"))
        .expect("the plan's JSON")
        .1;
    assert!(plan_json.contains("\"1500.00\""), "{plan_json}");
}

#[test]
fn long_thai_dates_and_dates_with_the_era_are_read() {
    let canonical = fixture();
    let typed = fixture();
    let event = |date: &str| {
        format!(
            "month: 2022-10\nevents:\n  - {{ name: อบรม, kind: training, ended_on: {date}, participants: 30 }}\n"
        )
    };
    write(canonical.path(), ENTRY, &event("2022-10-05"));
    write(typed.path(), ENTRY, &event("\"5 ตุลาคม พ.ศ. 2565\""));
    assert_eq!(built_data(canonical.path()), built_data(typed.path()));
}

fn check(content: &Path) -> (Option<i32>, String) {
    let result = planbook(&["check", "--content", content.to_str().expect("UTF-8 path")]);
    (result.status.code(), stderr(&result))
}

#[test]
fn bad_typed_forms_are_named_as_typed() {
    let content = fixture();
    write(
        content.path(),
        ENTRY,
        "month: 2656-03\ndisbursed:\n  staff: 1,500.-.-\nkpis: { members: 50% }\nevents:\n  - { name: x, kind: training, ended_on: ๓๐ ก.พ. ๖๖ }\n",
    );
    let (code, report) = check(content.path());
    assert_eq!(code, Some(1), "{report}");
    for expected in [
        "progress/2022-10.yaml:1:8: error: month 2656-03 is outside fiscal year 2566 (2565-10 .. 2566-09)",
        "progress/2022-10.yaml:3:10: error: `1,500.-.-` is not an amount of baht",
        "progress/2022-10.yaml:4:18: error: `50%` is a percentage, but the unit here is `ราย`: write the number alone",
        "error: `๓๐ ก.พ. ๖๖` is not a date",
    ] {
        assert!(report.contains(expected), "no `{expected}` in:\n{report}");
    }
    assert!(!report.contains("2113"), "{report}");
}

#[test]
fn every_unknown_key_of_a_file_is_reported() {
    let content = fixture();
    write(
        content.path(),
        PLAN,
        &plan(&[
            ("office:", "ofice:"),
            ("    unit: ครั้ง", "    unti: ครั้ง"),
            (
                "        amount: 6000",
                "        amout: 6000\n        notes:\n          - a",
            ),
        ]),
    );
    let (code, report) = check(content.path());
    assert_eq!(code, Some(1), "{report}");
    for expected in [
        "plan.yaml:1:1: error: unknown key `ofice`; did you mean `office`?",
        "plan.yaml:13:5: error: unknown key `unti`; did you mean `unit`?",
        "plan.yaml:28:9: error: unknown key `amout`; did you mean `amount`?",
        "plan.yaml:29:9: error: unknown key `notes`; did you mean `note`?",
    ] {
        assert!(report.contains(expected), "no `{expected}` in:\n{report}");
    }
}

#[test]
fn command_line_months_take_thai_digits_and_plan_ids_get_a_suggestion() {
    let content = fixture();
    let dir = content.path().to_str().expect("UTF-8 path");
    let misspelt = planbook(&[
        "new",
        "progress",
        "2566/ofice-a/act",
        "--month",
        "๒๕๖๕-๑๑",
        "--content",
        dir,
    ]);
    assert_eq!(misspelt.status.code(), Some(2), "{}", stderr(&misspelt));
    assert!(
        stderr(&misspelt).contains("no plan `2566/ofice-a/act`; did you mean `2566/office-a/act`?"),
        "{}",
        stderr(&misspelt)
    );
    let written = planbook(&[
        "new",
        "progress",
        "2566/office-a/act",
        "--month",
        "๒๕๖๕-๑๑",
        "--content",
        dir,
    ]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    assert!(
        content
            .path()
            .join("plans/2566/office-a/act/progress/2022-11.yaml")
            .is_file()
    );
    let copied = planbook(&[
        "new",
        "plan",
        "office-b/act",
        "--year",
        "๒๕๖๗",
        "--from",
        "2566/office-a/akt",
        "--content",
        dir,
    ]);
    assert_eq!(copied.status.code(), Some(2), "{}", stderr(&copied));
    assert!(
        stderr(&copied).contains("did you mean `2566/office-a/act`?"),
        "{}",
        stderr(&copied)
    );
    let bad_month = planbook(&[
        "new",
        "progress",
        "2566/office-a/act",
        "--month",
        "๒๕๖๕-๑๓",
        "--content",
        dir,
    ]);
    assert!(
        stderr(&bad_month).contains("`๒๕๖๕-๑๓` is not a month"),
        "{}",
        stderr(&bad_month)
    );
}

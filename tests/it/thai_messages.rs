//! planbook speaks Thai when the environment or the content asks: `PLANBOOK_LANG=th`, a
//! Thai locale (`LANG=th_TH.UTF-8`), or `language: th` in site.yaml; English otherwise.

use std::path::Path;
use std::process::Output;

/// The base fixture, copied.
fn fixture() -> tempfile::TempDir {
    crate::common::fixture("base")
}

/// A fixture with three mistakes: an unknown key, a bad amount and a month outside the year.
fn bad_content() -> tempfile::TempDir {
    let content = fixture();
    std::fs::write(
        content
            .path()
            .join("plans/2566/office-a/act/progress/2022-10.yaml"),
        "month: 2656-03\ndisbursed:\n  staff: 1,2345\n",
    )
    .expect("write the entry");
    let other = content.path().join("plans/2566/office-b/act");
    std::fs::create_dir_all(&other).expect("mkdir");
    let plan = include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml");
    std::fs::write(
        other.join("plan.yaml"),
        plan.replacen("activity:", "activty:", 1),
    )
    .expect("write the plan");
    content
}

/// `planbook ARGS` with only the given language variables set.
fn planbook(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_planbook"));
    command.args(args);
    for name in ["PLANBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    for (name, value) in vars {
        command.env(name, value);
    }
    command.output().expect("run planbook")
}

fn check(content: &Path, vars: &[(&str, &str)]) -> String {
    let result = planbook(
        &["check", "--content", content.to_str().expect("UTF-8")],
        vars,
    );
    assert_eq!(result.status.code(), Some(1));
    String::from_utf8_lossy(&result.stderr).into_owned()
}

const ENTRY: &str = "plans/2566/office-a/act/progress/2022-10.yaml";

fn assert_thai(report: &str) {
    for expected in [
        &format!("{ENTRY}:1:8: ข้อผิดพลาด: เดือน 2656-03 อยู่นอกปีงบประมาณ 2566 (2565-10 .. 2566-09)")
            as &str,
        &format!("{ENTRY}:3:10: ข้อผิดพลาด: `1,2345` ไม่ใช่จำนวนเงินบาท: เครื่องหมายจุลภาคต้องคั่นทุก 3 หลัก"),
        "plans/2566/office-b/act/plan.yaml:2:1: ข้อผิดพลาด: ไม่รู้จักคีย์ `activty` หมายถึง `activity` หรือไม่?",
        "ข้อผิดพลาด: ข้อผิดพลาด 3 รายการ คำเตือน 0 รายการ",
    ] {
        assert!(report.contains(expected), "no `{expected}` in:\n{report}");
    }
    assert!(!report.contains("error"), "{report}");
    assert!(
        !report.contains('\u{2068}'),
        "bidi isolation marks: {report:?}"
    );
}

fn assert_english(report: &str) {
    for expected in [
        &format!(
            "{ENTRY}:1:8: error: month 2656-03 is outside fiscal year 2566 (2565-10 .. 2566-09)"
        ) as &str,
        &format!(
            "{ENTRY}:3:10: error: `1,2345` is not an amount of baht: thousands separators must group 3 digits"
        ),
        "plans/2566/office-b/act/plan.yaml:2:1: error: unknown key `activty`; did you mean `activity`?",
        "error: 3 errors, 0 warnings",
    ] {
        assert!(report.contains(expected), "no `{expected}` in:\n{report}");
    }
}

#[test]
fn planbook_lang_th_prints_thai() {
    let content = bad_content();
    assert_thai(&check(content.path(), &[("PLANBOOK_LANG", "th")]));
}

#[test]
fn a_thai_locale_prints_thai() {
    let content = bad_content();
    assert_thai(&check(content.path(), &[("LANG", "th_TH.UTF-8")]));
    assert_thai(&check(
        content.path(),
        &[("LC_ALL", "th_TH.UTF-8"), ("LANG", "C.UTF-8")],
    ));
}

#[test]
fn english_otherwise_and_when_asked() {
    let content = bad_content();
    assert_english(&check(content.path(), &[]));
    assert_english(&check(content.path(), &[("LANG", "C.UTF-8")]));
    assert_english(&check(
        content.path(),
        &[("PLANBOOK_LANG", "en"), ("LANG", "th_TH.UTF-8")],
    ));
}

#[test]
fn site_language_th_decides_when_the_environment_does_not() {
    let content = bad_content();
    let site = content.path().join("site.yaml");
    let text = std::fs::read_to_string(&site).expect("site.yaml");
    std::fs::write(&site, format!("{text}language: th\n")).expect("write site.yaml");
    assert_thai(&check(content.path(), &[("LANG", "C.UTF-8")]));
    assert_english(&check(content.path(), &[("LANG", "en_US.UTF-8")]));
}

#[test]
fn help_speaks_the_language_of_the_locale() {
    let thai = planbook(&["check", "--help"], &[("LANG", "th_TH.UTF-8")]);
    let text = String::from_utf8_lossy(&thai.stdout);
    assert!(text.contains("ตรวจและคำนวณอย่างเดียว"), "{text}");
    assert!(text.contains("คำนวณ ณ เดือนนี้"), "{text}");
    assert!(text.contains("วิธีใช้: planbook check"), "{text}");
    assert!(
        text.contains("ตัวเลือก:") && !text.contains("Options:"),
        "{text}"
    );
    let english = planbook(&["check", "--help"], &[]);
    let text = String::from_utf8_lossy(&english.stdout);
    assert!(text.contains("Validate and compute only"), "{text}");
}

#[test]
fn a_clean_check_sums_up_in_thai() {
    let content = fixture();
    let result = planbook(
        &[
            "check",
            "--content",
            content.path().to_str().expect("UTF-8"),
        ],
        &[("PLANBOOK_LANG", "th")],
    );
    assert_eq!(result.status.code(), Some(0));
    let out = String::from_utf8_lossy(&result.stdout);
    assert!(out.contains("ผ่าน: แผน 1 แผน คำเตือน 0 รายการ"), "{out}");
}

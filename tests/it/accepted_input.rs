//! Inputs that are accepted (BOM, CRLF, Excel-pasted and Thai-digit numbers) and findings
//! that are warnings: printed as `path:line:col: warning:`, the build goes on (exit 0).

use crate::common;

use common::{fixture, planbook, stderr};
use std::path::Path;

const PLAN: &str = "plans/2566/office-a/act/plan.yaml";
const ENTRY: &str = "plans/2566/office-a/act/progress/2022-10.yaml";

fn write(dir: &Path, file: &str, bytes: &[u8]) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn plan_with(from: &str, to: &str) -> String {
    let base = include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml");
    assert!(base.contains(from));
    base.replacen(from, to, 1)
}

/// Runs build into a fresh folder; returns (exit code, stderr, output folder).
fn build(content: &Path) -> (Option<i32>, String, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let result = planbook(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        out.path().to_str().unwrap(),
    ]);
    (result.status.code(), stderr(&result), out)
}

fn plan_json(out: &Path) -> serde_json::Value {
    let text = std::fs::read(out.join("data/2566/plans/office-a/act.json")).unwrap();
    serde_json::from_slice(&text).unwrap()
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_accepted() {
    let content = fixture("base");
    write(
        content.path(),
        ENTRY,
        b"\xEF\xBB\xBFmonth: 2022-10\r\ndisbursed:\r\n  staff: 1000\r\n",
    );
    let (code, report, out) = build(content.path());
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(plan_json(out.path())["disbursed"], "1000.00");
}

#[test]
fn excel_pasted_amounts_and_thai_digits_are_read_exactly() {
    let content = fixture("base");
    write(
        content.path(),
        ENTRY,
        "month: ๒๕๖๕-๑๐\ndisbursed:\n  staff: \"1,234.50 บาท\"\n  training: ๑,๒๐๐.๐๗\n".as_bytes(),
    );
    let (code, report, out) = build(content.path());
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(plan_json(out.path())["disbursed"], "2434.57");
}

fn assert_warning(file: &str, text: &str, expect: &str) {
    let content = fixture("base");
    write(content.path(), file, text.as_bytes());
    let (code, report, out) = build(content.path());
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.lines().any(|l| l.starts_with(expect)),
        "expected `{expect}` in:\n{report}"
    );
    assert!(out.path().join("index.html").is_file());
}

#[test]
fn a_schedule_not_summing_to_its_target_is_a_warning() {
    assert_warning(
        PLAN,
        &plan_with(
            "schedule: { 2022-11: 1, 2023-02: 1 }",
            "schedule: { 2022-11: 1 }",
        ),
        "plans/2566/office-a/act/plan.yaml:15:15: warning: the schedule plans 1 in all but the target is 2",
    );
}

#[test]
fn a_spending_plan_not_summing_to_the_allocation_is_a_warning() {
    assert_warning(
        PLAN,
        &plan_with("2023-02: 6000 }", "2023-02: 5000 }"),
        "plans/2566/office-a/act/plan.yaml:29:16: warning: the spending plan adds up to 9,000.00 but the allocation is 10,000.00",
    );
}

#[test]
fn disbursing_more_than_received_is_a_warning() {
    assert_warning(
        ENTRY,
        "month: 2022-10\nreceived: { operating: 500 }\ndisbursed: { staff: 1000 }\n",
        "plans/2566/office-a/act/progress/2022-10.yaml:1:8: warning: 1,000.00 baht disbursed by 2022-10 but only 500.00 received",
    );
}

#[test]
fn a_top_level_node_without_a_type_is_a_warning() {
    assert_warning(
        PLAN,
        &plan_with("    type: operating\n", ""),
        "plans/2566/office-a/act/plan.yaml:17:5: warning: no `type`",
    );
}

#[test]
fn a_yaml_file_in_no_known_place_is_a_warning() {
    assert_warning(
        "plans/2566/office-a/notes.yaml",
        "x: 1\n",
        "plans/2566/office-a/notes.yaml:1:1: warning: this file is not in a place planbook reads",
    );
}

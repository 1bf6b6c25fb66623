//! The example site in `content/` builds, and its export carries the seed plan's figures.

use crate::common;

use common::{planbook, repo_root, stderr, stdout};
use serde_json::Value;

/// The example site, built once for the tests that read it.
fn built_example() -> &'static std::path::Path {
    let built = common::example_site();
    assert!(
        built.stdout.starts_with("built 4 plans"),
        "{}",
        built.stdout
    );
    &built.site
}

fn json(path: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_seed_plan_is_exported_with_its_allocation_tasks_and_kpis() {
    let site = built_example();
    let plan = json(&site.join("data/2566/plans/samut-prakan/debt-relief.json"));
    assert_eq!(plan["allocation"], "6300.00");
    assert_eq!(plan["disbursed"], "6300.00");
    assert_eq!(plan["disbursement_rate"], "100.00");
    assert_eq!(plan["as_of"], "2023-09");
    assert_eq!(plan["tasks"].as_array().unwrap().len(), 7);
    assert_eq!(plan["kpis"].as_array().unwrap().len(), 2);
    assert_eq!(plan["kpis"][1]["id"], "debt-reduction");
    assert_eq!(plan["kpis"][1]["achieved"], true);
    assert_eq!(plan["months"].as_array().unwrap().len(), 12);
    let budget = &plan["budget"][0];
    assert_eq!(budget["items"][0]["items"][0]["allocation"], "1200.00");
    assert_eq!(budget["items"][0]["items"][1]["allocation"], "5100.00");
    assert!(site.join("index.html").is_file());
}

#[test]
fn the_summary_ranks_offices_and_the_csv_opens_in_excel() {
    let site = built_example();
    let summary = json(&site.join("data/2566/summary.json"));
    let offices = summary["offices"].as_array().unwrap();
    assert_eq!(offices.len(), 4);
    let ranks: Vec<u64> = offices
        .iter()
        .map(|o| o["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, vec![1, 2, 3, 4]);
    assert_eq!(summary["plan_count"], 4);
    let csv = std::fs::read(site.join("data/2566/offices.csv")).unwrap();
    assert!(csv.starts_with("\u{FEFF}อันดับ,รหัสหน่วยงาน,หน่วยงาน".as_bytes()));
    assert!(
        String::from_utf8(csv)
            .unwrap()
            .contains("สำนักงานสหกรณ์จังหวัดสมุทรปราการ")
    );
    let budget_csv =
        std::fs::read_to_string(site.join("data/2566/plans/samut-prakan/debt-relief.csv")).unwrap();
    assert!(
        budget_csv.contains(",รวมทั้งสิ้น,0,,,6300.00,6300.00,6300.00,0.00,6300.00,0.00,100.00"),
        "{budget_csv}"
    );
}

#[test]
fn as_of_moves_every_figure_back() {
    let out = tempfile::tempdir().unwrap();
    let content = repo_root().join("content");
    let result = planbook(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        out.path().to_str().unwrap(),
        "--as-of",
        "2566-03",
    ]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let plan = json(
        &out.path()
            .join("data/2566/plans/samut-prakan/debt-relief.json"),
    );
    assert_eq!(plan["as_of"], "2023-03");
    assert_eq!(plan["months"].as_array().unwrap().len(), 6);
    assert_eq!(plan["quarter_target"], "57.00");
}

#[test]
fn check_reports_the_example_clean() {
    let content = repo_root().join("content");
    let result = planbook(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert!(
        stdout(&result).starts_with("ok: 4 plans, 0 warnings"),
        "{}",
        stdout(&result)
    );
}

#[test]
fn usage_and_missing_folders_exit_2() {
    let bad_flag = planbook(&["build", "--no-such-flag"]);
    assert_eq!(bad_flag.status.code(), Some(2));
    let bad_month = planbook(&["check", "--as-of", "March"]);
    assert_eq!(bad_month.status.code(), Some(2));
    let missing = planbook(&["check", "--content", "/nonexistent/planbook-content"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no such content folder"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn an_unwritable_destination_is_an_io_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file-not-folder");
    std::fs::write(&blocker, "keep me").unwrap();
    let content = repo_root().join("content");
    let result = planbook(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        blocker.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "keep me");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "staging left behind");
}

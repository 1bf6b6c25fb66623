//! `planbook new`: what it writes passes `check` as written, and it never overwrites.

use crate::common;

use common::{copy_tree, planbook, repo_root, stderr, stdout};

fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo_root().join("content"), dir.path());
    dir
}

fn check_ok(content: &std::path::Path) {
    let check = planbook(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_new_month_entry_lists_every_id_and_passes_check() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    let made = planbook(&[
        "new",
        "progress",
        "2566/nonthaburi/new-theory",
        "--month",
        "2566-08",
        "--content",
        dir,
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let path = content
        .path()
        .join("plans/2566/nonthaburi/new-theory/progress/2023-08.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    for id in [
        "staff:",
        "training:",
        "production-inputs:",
        "follow-up:",
        "evaluate:",
        "apply: 70",
        "income: 0",
    ] {
        assert!(text.contains(id), "{id} missing:\n{text}");
    }
    check_ok(content.path());
    // Filled in, it still passes.
    std::fs::write(&path, text.replace("  staff: 0 ", "  staff: 150.50 ")).unwrap();
    check_ok(content.path());
}

#[test]
fn new_never_overwrites_an_entry_or_a_plan() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    let again = planbook(&[
        "new",
        "progress",
        "2566/samut-prakan/debt-relief",
        "--month",
        "2023-03",
        "--content",
        dir,
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("exists already"),
        "{}",
        stderr(&again)
    );
    let plan = planbook(&[
        "new",
        "plan",
        "samut-prakan/debt-relief",
        "--year",
        "2566",
        "--content",
        dir,
    ]);
    assert_eq!(plan.status.code(), Some(2));
    let outside = planbook(&[
        "new",
        "progress",
        "2566/samut-prakan/debt-relief",
        "--month",
        "2023-10",
        "--content",
        dir,
    ]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(
        stderr(&outside).contains("outside fiscal year 2566"),
        "{}",
        stderr(&outside)
    );
}

#[test]
fn a_new_plan_skeleton_passes_check() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    let made = planbook(&[
        "new",
        "plan",
        "lampang/new-activity",
        "--year",
        "2566",
        "--content",
        dir,
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    assert!(stdout(&made).contains("plans/2566/lampang/new-activity/plan.yaml"));
    check_ok(content.path());
}

#[test]
fn a_plan_copied_to_the_next_year_keeps_amounts_and_moves_months() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    let year = std::fs::read_to_string(content.path().join("fiscal-years/2566.yaml")).unwrap();
    std::fs::write(
        content.path().join("fiscal-years/2567.yaml"),
        year.replace("fiscal_year: 2566", "fiscal_year: 2567"),
    )
    .unwrap();
    let made = planbook(&[
        "new",
        "plan",
        "chon-buri/debt-relief",
        "--year",
        "2567",
        "--from",
        "2566/chon-buri/debt-relief",
        "--content",
        dir,
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let copy = std::fs::read_to_string(
        content
            .path()
            .join("plans/2567/chon-buri/debt-relief/plan.yaml"),
    )
    .unwrap();
    assert!(!copy.contains("revisions:"));
    assert!(!copy.contains("2022-"), "months not moved:\n{copy}");
    check_ok(content.path());
    let out = tempfile::tempdir().unwrap();
    let build = planbook(&[
        "build",
        "--content",
        dir,
        "--output",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            out.path()
                .join("data/2567/plans/chon-buri/debt-relief.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(json["allocation"], "18900.00");
    assert_eq!(json["disbursed"], "0.00");
}

/// `planbook new plan TARGET --year 2566 [--from FROM]` in `dir`, which must succeed.
fn new_plan_2566(dir: &str, target: &str, from: Option<&str>) {
    let mut args = vec!["new", "plan", target, "--year", "2566", "--content", dir];
    if let Some(from) = from {
        args.extend(["--from", from]);
    }
    let made = planbook(&args);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
}

#[test]
fn an_untouched_skeleton_passes_check_with_warnings_for_what_is_unfinished() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    new_plan_2566(dir, "lampang/new-activity", None);
    let check = planbook(&["check", "--content", dir]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let err = stderr(&check);
    let file = "plans/2566/lampang/new-activity/plan.yaml";
    assert!(
        err.contains(&format!(
            "{file}:7:13: warning: `(กรอก)` is a placeholder left from `planbook new plan`"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:27:1: warning: the plan's allocation is 0 baht"
        )),
        "{err}"
    );
    // Its office name differs from nothing else: lampang has one plan.
    assert!(!err.contains("one office folder is one office"));
}

#[test]
fn a_copy_into_another_office_resets_office_job_no_and_header() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    new_plan_2566(
        dir,
        "lampang/debt-relief",
        Some("2566/samut-prakan/debt-relief"),
    );
    let copy = std::fs::read_to_string(
        content
            .path()
            .join("plans/2566/lampang/debt-relief/plan.yaml"),
    )
    .unwrap();
    assert!(copy.starts_with("# แผนปฏิบัติงานและงบประมาณรายจ่าย ประจำปีงบประมาณ พ.ศ. 2566\n"));
    assert!(!copy.contains("สมุทรปราการ"), "{copy}");
    assert!(!copy.contains("กปน.13"), "{copy}");
    assert!(copy.contains("\noffice: (กรอก)"), "{copy}");
    assert!(copy.contains("\njob_no: \"\""), "{copy}");
    let check = planbook(&["check", "--content", dir]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stderr(&check).contains("plans/2566/lampang/debt-relief/plan.yaml"));
    assert!(stderr(&check).contains("is a placeholder left from `planbook new plan`"));
}

#[test]
fn two_plans_of_one_office_folder_with_different_office_names_warn() {
    let content = example();
    let dir = content.path().to_str().unwrap();
    new_plan_2566(
        dir,
        "samut-prakan/second",
        Some("2566/samut-prakan/debt-relief"),
    );
    let path = content
        .path()
        .join("plans/2566/samut-prakan/second/plan.yaml");
    let copy = std::fs::read_to_string(&path).unwrap();
    // The same office keeps its name in a copy; a typo in it is caught.
    assert!(copy.contains("office: สำนักงานสหกรณ์จังหวัดสมุทรปราการ"));
    std::fs::write(
        &path,
        copy.replace(
            "office: สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
            "office: สำนักงานสหกรณ์จังหวัดสมุทปราการ",
        ),
    )
    .unwrap();
    // Two plans, one name each: the tie goes to the first plan (debt-relief).
    let check = planbook(&["check", "--content", dir]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let err = stderr(&check);
    assert!(
        err.contains("plans/2566/samut-prakan/second/plan.yaml:")
            && err.contains("warning: office `สำนักงานสหกรณ์จังหวัดสมุทปราการ` differs from `สำนักงานสหกรณ์จังหวัดสมุทรปราการ`, the name the other plans of plans/2566/samut-prakan/ use"),
        "{err}"
    );
}

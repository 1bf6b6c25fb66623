//! Incremental rebuilds: a change to one plan's entry re-checks that folder only and
//! re-renders only the pages that show it; anything else rebuilds everything. Counted, not
//! timed.

use crate::common;

use common::{built_files, copy_tree, repo_root, unmarked};
use planbook::build::{BuildError, BuildOptions};
use planbook::session::Session;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

struct Site {
    _dir: tempfile::TempDir,
    content: PathBuf,
    output: PathBuf,
}

fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("content"), &content);
    let output = dir.path().join("output");
    Site {
        _dir: dir,
        content,
        output,
    }
}

fn session(site: &Site) -> Session {
    Session::new(BuildOptions {
        content_dir: site.content.clone(),
        output_dir: site.output.clone(),
        as_of: None,
    })
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

const ENTRY: &str = "plans/2566/samut-prakan/debt-relief/progress/2023-03.yaml";
const PLAN_PAGE: &str = "2566/plans/samut-prakan/debt-relief/index.html";
const OTHER_PLAN_PAGE: &str = "2566/plans/chon-buri/debt-relief/index.html";
const OFFICE_REPORT: &str = "2566/reports/2023-03/samut-prakan-2023-03.html";
const OTHER_OFFICE_REPORT: &str = "2566/reports/2023-03/chon-buri-2023-03.html";
const SEARCH_INDEX: &str = "search/index.js";

fn edit_entry(site: &Site, from: &str, to: &str) -> PathBuf {
    let path = site.content.join(ENTRY);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {ENTRY}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn one_entry_changed_rerenders_only_the_pages_that_show_it() {
    let site = site();
    let mut session = session(&site);
    let full = session.full().unwrap();
    assert!(full.full);
    assert_eq!(full.plans_checked, 4);
    let other_before = modified(&site.output.join(OTHER_PLAN_PAGE));
    let other_report_before = modified(&site.output.join(OTHER_OFFICE_REPORT));

    let narrative = std::fs::read_to_string(site.content.join(ENTRY)).unwrap();
    let line = narrative
        .lines()
        .find(|l| l.starts_with("narrative:"))
        .unwrap()
        .to_string();
    let changed = edit_entry(&site, &line, "narrative: ผลงานแก้ไขใหม่ของเดือนมีนาคม");
    let stats = session.rebuild(&[changed]).unwrap();

    assert!(!stats.full, "{stats:?}");
    assert_eq!(stats.plans_checked, 1);
    // The plan page, its document, the dashboard, the year page, the offices list, its
    // office (unless the ranking moved), the 3 group lists and its 3 groups, the report
    // index and the monthly reports of March to September (the entry is March's: earlier
    // months' figures are as they were): far fewer than the full site.
    // 1 + 1 + 1 + 1 + 1 + 1 + 3 + 3 + 1 + 7 = 20 of the 42 pages and documents: not the
    // other 3 plans and documents, the other 3 offices, the 5 other groups, the 2 free
    // pages, 404.html, the reports of October to February.
    assert_eq!(stats.pages_rendered, 20, "{stats:?}");
    // The 42 pages and documents and the search page (its index, not a page, is rewritten by both).
    assert_eq!(full.pages_rendered, 43, "{full:?}");
    // The email reports of its office from March on; not the 3 other offices' 36.
    assert_eq!(stats.reports_written, 7, "{stats:?}");
    assert_eq!(full.reports_written, 48, "{full:?}");
    let page = unmarked(&std::fs::read_to_string(site.output.join(PLAN_PAGE)).unwrap());
    assert!(page.contains("ผลงานแก้ไขใหม่ของเดือนมีนาคม"));
    assert_eq!(modified(&site.output.join(OTHER_PLAN_PAGE)), other_before);
    let report = unmarked(&std::fs::read_to_string(site.output.join(OFFICE_REPORT)).unwrap());
    assert!(report.contains("ผลงานแก้ไขใหม่ของเดือนมีนาคม"));
    assert_eq!(
        modified(&site.output.join(OTHER_OFFICE_REPORT)),
        other_report_before
    );
    // The export follows the change too.
    let json = std::fs::read_to_string(
        site.output
            .join("data/2566/plans/samut-prakan/debt-relief.json"),
    )
    .unwrap();
    assert!(json.contains("\"allocation\":\"6300.00\""));
}

#[test]
fn the_latest_narrative_reaches_the_search_index() {
    let site = site();
    let mut session = session(&site);
    session.full().unwrap();
    let index = || std::fs::read_to_string(site.output.join(SEARCH_INDEX)).unwrap();
    assert!(!index().contains("\"zebracrossing\""));
    let path = site
        .content
        .join("plans/2566/samut-prakan/debt-relief/progress/2023-09.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("narrative: |\n", "narrative: |\n  zebracrossing\n", 1),
    )
    .unwrap();
    let stats = session.rebuild(&[path]).unwrap();
    assert!(!stats.full, "{stats:?}");
    assert!(index().contains("\"zebracrossing\""));
}

#[test]
fn an_incremental_rebuild_writes_what_a_full_build_writes() {
    let site = site();
    let mut session = session(&site);
    session.full().unwrap();
    // A figure of an early month: every later month's report of the office moves.
    let path = site
        .content
        .join("plans/2566/samut-prakan/debt-relief/progress/2022-11.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("staff:") || l.trim_start().starts_with("training:"))
        .expect("a disbursed line")
        .to_string();
    std::fs::write(
        &path,
        text.replacen(
            &line,
            &line.replace(|c: char| c.is_ascii_digit() && c != '0', "1"),
            1,
        ),
    )
    .unwrap();
    let index_written = modified(&site.output.join(SEARCH_INDEX));
    let stats = session.rebuild(&[path]).unwrap();
    assert!(!stats.full, "{stats:?}");
    // Figures alone: the search index holds none, so it is not rewritten (and below it
    // equals a full build's).
    assert_eq!(modified(&site.output.join(SEARCH_INDEX)), index_written);

    let fresh = site._dir.path().join("fresh");
    planbook::build::build(&BuildOptions {
        content_dir: site.content.clone(),
        output_dir: fresh.clone(),
        as_of: None,
    })
    .unwrap();
    let incremental = built_files(&site.output);
    let full = built_files(&fresh);
    let names: Vec<&String> = incremental.keys().collect();
    assert_eq!(names, full.keys().collect::<Vec<_>>());
    let differing: Vec<&String> = incremental
        .iter()
        .filter(|(name, bytes)| full.get(*name) != Some(bytes))
        .map(|(name, _)| name)
        .collect();
    assert!(
        differing.is_empty(),
        "differ from a full build: {differing:?}"
    );
}

#[test]
fn a_comment_renders_nothing_and_a_plan_change_renders_every_month() {
    let site = site();
    let mut session = session(&site);
    session.full().unwrap();
    let entry = site.content.join(ENTRY);
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, format!("{text}# ตรวจทานแล้ว\n")).unwrap();
    let stats = session.rebuild(&[entry]).unwrap();
    assert!(!stats.full);
    assert_eq!(
        (stats.pages_rendered, stats.reports_written),
        (0, 0),
        "{stats:?}"
    );

    let plan = site
        .content
        .join("plans/2566/samut-prakan/debt-relief/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let objective = "  - เพื่อเสริมสร้างรายได้ให้แก่สมาชิก";
    assert!(text.contains(objective));
    std::fs::write(
        &plan,
        text.replacen(objective, "  - เพื่อเพิ่มรายได้ให้แก่สมาชิก", 1),
    )
    .unwrap();
    let stats = session.rebuild(&[plan]).unwrap();
    assert!(!stats.full);
    // The plan itself changed: every month's report of its office is written again.
    assert_eq!(stats.reports_written, 12, "{stats:?}");
}

#[test]
fn a_changed_figure_reaches_the_roll_ups() {
    let site = site();
    let mut session = session(&site);
    session.full().unwrap();
    let text = std::fs::read_to_string(site.content.join(ENTRY)).unwrap();
    let disbursed_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("staff:"))
        .unwrap()
        .to_string();
    let changed = edit_entry(
        &site,
        &disbursed_line,
        &disbursed_line.replace(|c: char| c.is_ascii_digit(), "0"),
    );
    let stats = session.rebuild(&[changed]).unwrap();
    assert!(!stats.full);
    let summary = std::fs::read_to_string(site.output.join("data/2566/summary.json")).unwrap();
    let plan = std::fs::read_to_string(
        site.output
            .join("data/2566/plans/samut-prakan/debt-relief.json"),
    )
    .unwrap();
    assert!(
        !plan.contains("\"disbursed\":\"6300.00\""),
        "the plan's total did not move"
    );
    assert!(
        !summary.contains("\"disbursed\":\"425300.00\""),
        "the year's total did not move"
    );
    // The plan's row in the whole-year files moved with it (the rows of other plans are kept
    // from the first build), and each file is what a full build writes.
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    let row = summary["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == "2566/samut-prakan/debt-relief")
        .unwrap();
    assert_eq!(row["disbursed"], plan["disbursed"]);
    let fresh = site.output.with_file_name("fresh");
    planbook::build::build(&BuildOptions {
        content_dir: site.content.clone(),
        output_dir: fresh.clone(),
        as_of: None,
    })
    .unwrap();
    let plan_line = |file: &str| {
        let csv = std::fs::read_to_string(site.output.join(file)).unwrap();
        let line = csv
            .lines()
            .find(|l| l.contains(",debt-relief,") && l.starts_with("samut-prakan,"))
            .unwrap_or_else(|| panic!("no line of the plan in {file}"))
            .to_string();
        assert_eq!(
            csv,
            std::fs::read_to_string(fresh.join(file)).unwrap(),
            "{file} differs from a full build's"
        );
        line
    };
    let disbursed = plan["disbursed"].as_str().unwrap();
    for file in ["data/2566/plans.csv", "data/2566/offices/samut-prakan.csv"] {
        assert!(
            plan_line(file).contains(&format!(",{disbursed},")),
            "{file}: the plan's line does not show {disbursed}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(site.output.join("data/2566/summary.json")).unwrap(),
        std::fs::read_to_string(fresh.join("data/2566/summary.json")).unwrap()
    );
}

#[test]
fn settings_and_new_plans_rebuild_everything() {
    let site = site();
    let mut session = session(&site);
    let full = session.full().unwrap();
    let site_yaml = site.content.join("site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{text}\n# edited\n")).unwrap();
    let stats = session.rebuild(&[site_yaml]).unwrap();
    assert!(stats.full);
    assert_eq!(stats.pages_rendered, full.pages_rendered);
}

#[test]
fn a_broken_entry_keeps_the_last_good_output_until_it_is_fixed() {
    let site = site();
    let mut session = session(&site);
    session.full().unwrap();
    let before = std::fs::read_to_string(site.output.join(PLAN_PAGE)).unwrap();
    let broken = edit_entry(&site, "month:", "montth:");
    match session.rebuild(&[broken]) {
        Err(BuildError::Content { report, .. }) => {
            assert!(report.contains("2023-03.yaml:"), "{report}");
            assert!(report.contains("did you mean `month`?"), "{report}");
        }
        other => panic!("expected content errors, got {other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(site.output.join(PLAN_PAGE)).unwrap(),
        before
    );
    let fixed = edit_entry(&site, "montth:", "month:");
    let stats = session.rebuild(&[fixed]).unwrap();
    assert!(!stats.full);
    assert_eq!(stats.plans_checked, 1);
    // Back as it was when the output was last written: nothing to render again.
    assert_eq!(
        (stats.pages_rendered, stats.files_written),
        (0, 0),
        "{stats:?}"
    );
}

#[test]
fn rows_kept_for_other_years_are_made_again_whole() {
    use planbook::export::rows::PlanRows;
    let checked = planbook::build::check(&repo_root().join("content")).unwrap();
    let figures = planbook::compute::execute(&checked.content, None);
    let plans = &checked.content.plans;
    let fresh = PlanRows::new(plans, &figures).unwrap();
    // Rows kept from no build at all, refreshed for no changed plan: made whole, not left empty.
    let mut kept = PlanRows::default();
    kept.refresh(plans, &figures, &std::collections::HashSet::new())
        .unwrap();
    assert!(!figures.years.is_empty());
    for year in &figures.years {
        let summary = |rows: &PlanRows| {
            let rows = rows.year(year.year).expect("rows of every year");
            planbook::export::json::summary_json(plans, year, rows.json())
        };
        assert_eq!(summary(&kept), summary(&fresh));
        assert!(summary(&kept).contains("\"plans\":[{"));
    }
}

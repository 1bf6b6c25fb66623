//! The department's monthly cycle: months not reported shown as such, the reporting deadline
//! (no office late or behind before it), the default as-of month, and `report`'s month.

use crate::common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const YEAR: &str = "fiscal_year: 2566\ndisbursement_targets:\n  overall: [10, 20, 30, 40]\n";

fn plan(office: &str) -> String {
    format!(
        "office: สำนักงาน{office}\nactivity: กิจกรรม\nbudget:\n  - id: op\n    type: operating\n    name: งบดำเนินงาน\n    items:\n      - {{ id: a, name: เอ, amount: 1200 }}\n"
    )
}

fn entry(month: &str) -> String {
    format!("month: {month}\ndisbursed: {{ a: 100 }}\n")
}

/// Four offices: each filed October to December, offices a–c also January, d not yet
/// (d skipped November, too).
fn four_offices(dir: &Path) {
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("site.yaml", "title: t\n");
    write("fiscal-years/2566.yaml", YEAR);
    for office in ["a", "b", "c", "d"] {
        let folder = format!("plans/2566/{office}/act");
        write(&format!("{folder}/plan.yaml"), &plan(office));
        let mut months = vec!["2022-10", "2022-11", "2022-12", "2023-01"];
        if office == "d" {
            months = vec!["2022-10", "2022-12"];
        }
        for month in months {
            write(&format!("{folder}/progress/{month}.yaml"), &entry(month));
        }
    }
}

/// `planbook ARGS` with the clock at `epoch` (seconds since 1970).
fn planbook_at(epoch: i64, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .expect("run planbook")
}

/// 2023-02-05 09:00 in Thailand: January's entries are due on 10 February.
const BEFORE_DEADLINE: i64 = 1_675_562_400;
/// 2023-02-11 09:00 in Thailand.
const AFTER_DEADLINE: i64 = 1_676_080_800;

fn build(content: &Path, out: &Path, epoch: i64, extra: &[&str]) -> Output {
    let mut args = common::build_args(content, out);
    args.extend_from_slice(extra);
    let output = planbook_at(epoch, &args);
    assert!(output.status.success(), "{}", common::stderr(&output));
    output
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn alert_kinds(plan: &Value) -> Vec<(String, String)> {
    plan["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["subject"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn three_of_four_offices_filed_before_the_deadline_and_no_one_is_late_or_behind() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    four_offices(&content);
    let out = dir.path().join("site");

    // By default: as of December, the latest month past its deadline (10 January).
    build(&content, &out, BEFORE_DEADLINE, &[]);
    let summary = json(&out.join("data/2566/summary.json"));
    assert_eq!(summary["as_of"], "2022-12");
    let home = common::read_built(out.join("index.html")).unwrap();
    assert!(
        home.contains("เดือนล่าสุดที่พ้นกำหนดส่งรายงานแล้ว (กำหนดส่ง 10 ม.ค. 2566)"),
        "the home page says why it shows December"
    );

    // Asked for January before its deadline: d has not filed it and is not late or behind.
    build(&content, &out, BEFORE_DEADLINE, &["--as-of", "2023-01"]);
    let d = json(&out.join("data/2566/plans/d/act.json"));
    assert_eq!(d["status"], "not_due");
    let kinds = alert_kinds(&d);
    assert!(
        !kinds
            .iter()
            .any(|(k, s)| k == "missed_report" && s.contains("2023-01")),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .all(|(k, _)| k != "behind_target" && k != "at_risk"),
        "{kinds:?}"
    );
    // November, past its deadline, is missed.
    assert!(kinds.contains(&("missed_report".into(), "2022-11".into())));
    let d_alerts = d["alerts"].as_array().unwrap();
    assert_eq!(d_alerts.len(), 1, "one alert: {d_alerts:?}");
    assert_eq!(d_alerts[0]["message"], "ขาดส่ง 1 เดือน: พ.ย. 65");
    let summary = json(&out.join("data/2566/summary.json"));
    for office in summary["offices"].as_array().unwrap() {
        assert_ne!(office["status"], "behind", "{office}");
    }
    for office in ["a", "b", "c"] {
        let plan = json(&out.join(format!("data/2566/plans/{office}/act.json")));
        assert!(alert_kinds(&plan).is_empty(), "{office}: {plan}");
        assert_eq!(plan["status"], "on_track");
    }
    let page = common::read_built(out.join("2566/plans/d/act/index.html")).unwrap();
    assert!(page.contains("ยังไม่ถึงกำหนดส่ง"));

    // After the deadline, the same content makes January due: d has missed it.
    build(&content, &out, AFTER_DEADLINE, &[]);
    let d = json(&out.join("data/2566/plans/d/act.json"));
    assert_eq!(d["as_of"], "2023-01");
    assert!(alert_kinds(&d).contains(&("missed_report".into(), "2022-11,2023-01".into())));
    assert_eq!(
        d["alerts"][0]["message"], "ขาดส่ง 2 เดือน: พ.ย. 65, ม.ค. 66",
        "the missed months grouped in one alert"
    );
    assert_ne!(d["status"], "not_due");
}

#[test]
fn a_month_not_reported_is_null_and_shown_as_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    four_offices(&content);
    let out = dir.path().join("site");
    build(&content, &out, AFTER_DEADLINE, &[]);
    let d = json(&out.join("data/2566/plans/d/act.json"));
    let months: Vec<(&str, Value)> = d["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["month"].as_str().unwrap(), m["disbursed"].clone()))
        .collect();
    assert_eq!(
        months,
        vec![
            ("2022-10", Value::from("100.00")),
            ("2022-11", Value::Null),
            ("2022-12", Value::from("100.00")),
            ("2023-01", Value::Null),
        ]
    );
    // Cumulative figures stay defined.
    assert_eq!(d["months"][1]["disbursed_cumulative"], "100.00");
    let page = common::read_built(out.join("2566/plans/d/act/index.html")).unwrap();
    let table = page.split("<caption>ผลการเบิกจ่ายรายเดือน").nth(1).unwrap();
    assert_eq!(
        table.matches("ยังไม่รายงาน").count(),
        2,
        "November and January"
    );
    // The office's email report of January says so too, never 0.00 for the month.
    let report = common::read_built(out.join("2566/reports/2023-01/d-2023-01.html")).unwrap();
    assert!(report.contains("ยังไม่รายงาน"));
}

#[test]
fn report_defaults_to_the_offices_own_latest_entry_and_warns_for_a_month_not_filed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    four_offices(&content);
    let file = dir.path().join("d.html");
    let args = |month: Option<&str>| {
        let mut args = vec![
            "report".to_string(),
            "2566/d".into(),
            "--content".into(),
            content.to_str().unwrap().into(),
            "-o".into(),
            file.to_str().unwrap().into(),
        ];
        if let Some(m) = month {
            args.extend(["--month".into(), m.into()]);
        }
        args
    };
    let run = |month: Option<&str>| {
        let args = args(month);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        planbook_at(AFTER_DEADLINE, &args)
    };
    let own = run(None);
    assert!(own.status.success(), "{}", common::stderr(&own));
    assert!(
        common::stdout(&own).contains("2022-12"),
        "{}",
        common::stdout(&own)
    );
    assert!(!common::stderr(&own).contains("warning"));
    let unfiled = run(Some("2023-01"));
    assert!(unfiled.status.success());
    assert!(
        common::stderr(&unfiled)
            .contains("warning: `2566/d` has no entry for 2023-01: the report shows that month as not reported (ยังไม่รายงาน); its latest entry is 2022-12"),
        "{}",
        common::stderr(&unfiled)
    );
}

#[test]
fn a_bad_report_due_day_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    four_offices(dir.path());
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: t\nreport_due_day: 40\n",
    )
    .unwrap();
    let output = planbook_at(
        AFTER_DEADLINE,
        &["check", "--content", dir.path().to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        common::stderr(&output)
            .contains("site.yaml:2:17: error: report_due_day `40` is not a day of the month"),
        "{}",
        common::stderr(&output)
    );
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: t\nreport_due_day: 15\n",
    )
    .unwrap();
    // Outside the content folder, which the build refuses to write into.
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    // On 11 February, January is not due until the 15th: as of December.
    let output = planbook_at(
        AFTER_DEADLINE,
        &[
            "build",
            "--content",
            dir.path().to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert_eq!(
        json(&out.join("data/2566/summary.json"))["as_of"],
        "2022-12"
    );
}

/// Runs `planbook build` with no `SOURCE_DATE_EPOCH`: the stamps come from the content.
fn build_unpinned(content: &Path, out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(["build", "--content"])
        .arg(content)
        .arg("--output")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run planbook");
    assert!(output.status.success(), "{}", common::stderr(&output));
}

#[test]
fn two_builds_of_unchanged_content_are_identical_trees() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    build_unpinned(&common::example_content(), &first);
    build_unpinned(&common::example_content(), &second);
    let (a, b) = (
        common::snapshot_tree(&first),
        common::snapshot_tree(&second),
    );
    assert_eq!(
        a.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        b.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let differing: Vec<_> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| x.0.clone())
        .collect();
    assert!(differing.is_empty(), "{differing:?}");
    // The email report of a month carries the day its latest entry was reported.
    let report =
        common::read_built(first.join("2566/reports/2023-03/samut-prakan-2023-03.html")).unwrap();
    assert!(
        report.contains("จากข้อมูลที่รายงานถึง "),
        "the stamp says whence"
    );
}

#[test]
fn an_entry_without_reported_on_stamps_its_reports_with_its_files_day() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    four_offices(&content);
    // 2023-02-03 12:00 in Thailand.
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_675_400_400);
    for month in ["2022-10", "2022-12"] {
        let file = std::fs::File::options()
            .write(true)
            .open(content.join(format!("plans/2566/d/act/progress/{month}.yaml")))
            .unwrap();
        file.set_modified(when).unwrap();
    }
    let out = dir.path().join("site");
    build_unpinned(&content, &out);
    let report = common::read_built(out.join("2566/reports/2022-12/d-2022-12.html")).unwrap();
    assert!(
        report.contains("จากข้อมูลที่รายงานถึง 3 ก.พ. 2566"),
        "{}",
        report.split("สร้างโดย").nth(1).unwrap_or_default()
    );
}

#[test]
fn check_lists_the_alerts_of_the_plans_under_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    four_offices(&content);
    let check_from = |folder: &Path, extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_planbook"));
        command
            .current_dir(folder)
            .args(["check", "--content"])
            .arg(&content)
            .args(extra)
            .env("SOURCE_DATE_EPOCH", AFTER_DEADLINE.to_string());
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", common::stderr(&output));
        common::stdout(&output)
    };
    // From office d's progress folder: its plan's alert, in the site's words.
    let listed = check_from(&content.join("plans/2566/d/act/progress"), &[]);
    assert!(
        listed.starts_with(
            "2566/d/act (สำนักงานd, as of 2023-01): 1 alert\n  - ขาดส่ง 2 เดือน: พ.ย. 65, ม.ค. 66\n"
        ),
        "{listed}"
    );
    assert!(
        listed.ends_with("ok: 4 plans, 0 warnings, 1 alert\n"),
        "{listed}"
    );
    // From office a's folder: nothing of d's.
    let elsewhere = check_from(&content.join("plans/2566/a"), &[]);
    assert_eq!(elsewhere, "ok: 4 plans, 0 warnings, 1 alert\n");
    // --alerts: every plan's, wherever it runs.
    assert_eq!(check_from(dir.path(), &["--alerts"]), listed);
}

#[test]
fn on_track_below_the_quarter_end_target_is_explained_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let write = |path: &str, text: &str| {
        let path = content.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("site.yaml", "title: t\n");
    write(
        "fiscal-years/2566.yaml",
        "disbursement_targets:\n  overall: [32, 52, 72, 93]\n",
    );
    write(
        "plans/2566/a/act/plan.yaml",
        "office: สำนักงานเอ\nactivity: กิจกรรม\nbudget:\n  - { id: a, type: operating, name: เอ, amount: 1000 }\n",
    );
    write(
        "plans/2566/a/act/progress/oct.yaml",
        "month: 2022-10\ndisbursed: { a: 400 }\n",
    );
    for month in ["2022-11", "2022-12", "2023-01"] {
        write(
            &format!("plans/2566/a/act/progress/{month}.yaml"),
            &format!("month: {month}\n"),
        );
    }
    let out = dir.path().join("site");
    build(&content, &out, AFTER_DEADLINE, &[]);
    let plan = json(&out.join("data/2566/plans/a/act.json"));
    // January: 40 % against the line of 38.67 % (on track), 12 points below Q2's 52 %.
    assert_eq!(plan["status"], "on_track");
    assert_eq!(plan["target_gap"], "-12.00");
    let note = "ตามเป้าหมาย: เบิกจ่ายร้อยละ 40.00 ถึงแนวเป้าหมายของเดือนนี้ (ร้อยละ 38.67) แต่ยังต่ำกว่าเป้าหมายสิ้นไตรมาส (ร้อยละ 52.00) อยู่ 12.00 จุด";
    let page = common::read_built(out.join("2566/plans/a/act/index.html")).unwrap();
    assert!(page.contains(note));
    assert!(page.contains("เป้าหมายสิ้นไตรมาส ร้อยละ"));
    let report = common::read_built(out.join("2566/reports/2023-01/a-2023-01.html")).unwrap();
    assert!(report.contains(note));
    assert!(report.contains("เป้าหมายสิ้นไตรมาสที่ 2"));
}

#[test]
fn years_side_by_side_the_home_page_stays_on_the_year_being_reported() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    common::copy_tree(&common::example_content(), &content);
    let year = common::read_built(content.join("fiscal-years/2566.yaml")).unwrap();
    std::fs::write(
        content.join("fiscal-years/2567.yaml"),
        year.replace("fiscal_year: 2566", "fiscal_year: 2567"),
    )
    .unwrap();
    let made = planbook_at(
        AFTER_DEADLINE,
        &[
            "new",
            "plan",
            "samut-prakan/debt-relief",
            "--year",
            "2567",
            "--from",
            "2566/samut-prakan/debt-relief",
            "--content",
            content.to_str().unwrap(),
        ],
    );
    assert!(made.status.success(), "{}", common::stderr(&made));
    let progress = content.join("plans/2567/samut-prakan/debt-relief/progress");
    std::fs::create_dir_all(&progress).unwrap();
    std::fs::write(
        progress.join("2023-10.yaml"),
        "month: 2023-10\nreported_on: 2023-11-01\n",
    )
    .unwrap();
    let out = dir.path().join("site");
    let home = |epoch: i64| {
        build(&content, &out, epoch, &[]);
        common::read_built(out.join("index.html")).unwrap()
    };
    // 5 November 2023: October's entries are due on the 10th; FY 2566 stays home.
    let early = home(1_699_160_400);
    assert!(
        early.contains("ปีงบประมาณ พ.ศ. 2566 · ข้อมูล ณ สิ้นเดือนกันยายน 2566"),
        "home shows 2566"
    );
    // The other year is one click away, from every page.
    assert!(early.contains("<li><a href=\"2567/index.html\">2567</a></li>"));
    assert!(early.contains("<span aria-current=\"page\">2566</span>"));
    let page_2567 = common::read_built(out.join("2567/index.html")).unwrap();
    assert!(page_2567.contains("<span aria-current=\"page\">2567</span>"));
    assert!(page_2567.contains("<li><a href=\"../2566/index.html\">2566</a></li>"));
    let plan_2566 =
        common::read_built(out.join("2566/plans/chon-buri/debt-relief/index.html")).unwrap();
    assert!(plan_2566.contains("<a href=\"../../../../2567/index.html\">2567</a>"));
    // 11 November: FY 2567's first month is due; the home page moves on.
    let later = home(1_699_678_800);
    assert!(later.contains("ปีงบประมาณ พ.ศ. 2567"), "home shows 2567");
    // current_year pins it.
    let site = content.join("site.yaml");
    let text = common::read_built(&site).unwrap();
    std::fs::write(&site, format!("{text}current_year: 2566\n")).unwrap();
    let pinned = home(1_699_678_800);
    assert!(pinned.contains("ปีงบประมาณ พ.ศ. 2566 · ข้อมูล ณ สิ้นเดือนกันยายน 2566"));
}

#[test]
fn check_from_outside_the_plans_folder_lists_no_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    four_offices(&content);
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .current_dir(dir.path())
        .args(["check", "--content", "content"])
        .env("SOURCE_DATE_EPOCH", AFTER_DEADLINE.to_string())
        .output()
        .unwrap();
    assert_eq!(
        common::stdout(&output),
        "ok: 4 plans, 0 warnings, 1 alert\n"
    );
}

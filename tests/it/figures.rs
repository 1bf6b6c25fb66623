//! The figures of figures.md on small hand-computed cases: satang, revisions by date,
//! adjustments, committed stocks, flexible over-spend, KPIs both ways, B.E. months, 4- and
//! 12-value targets, tasks, evaluations, missed reports, rankings and the year end.

use planbook::compute::alerts::AlertKind;
use planbook::compute::targets::Status;
use planbook::compute::{Figures, PlanFigures, execute, round2};
use planbook::model::{Content, Month};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::path::Path;

const SITE: &str = "title: t\n";
const YEAR_QUARTERLY: &str = "fiscal_year: 2566\ndisbursement_targets:\n  current: [35, 57, 80, 98]\n  capital: [19, 35, 55, 75]\n  overall: [32, 52, 72, 93]\n";

const PLAN: &str = "\
office: สำนักงานเอ
activity: กิจกรรม
kpis:
  - { id: reach, name: เข้าถึง, unit: ร้อยละ, target: 10 }
  - { id: cost, name: ต้นทุน, unit: บาท, target: 50, direction: at_most }
tasks:
  - { id: visit, name: เยี่ยม, unit: ครั้ง, target: 4, schedule: { 2022-11: 1, 2023-01: 1, 2023-04: 2 } }
budget:
  - id: operating
    type: operating
    name: งบดำเนินงาน
    items:
      - { id: a, name: เอ, amount: 1000.25 }
      - { id: b, name: บี, amount: \"2,000.50\", flexible: true }
revisions:
  - { date: 2023-01-15, reference: ที่ 1, changes: { a: 100.10, b: -100.10 } }
";

const OCT: &str = "month: 2565-10\ndisbursed: { a: 300.05 }\ncommitted: { b: 500 }\nkpis: { reach: 4.5, cost: 80 }\n";
const DEC: &str =
    "month: 2022-12\ndisbursed: { b: 499.99 }\ncommitted: { b: 0 }\ntasks: { visit: 1 }\n";
const FEB: &str = "month: 2023-02\ndisbursed: { a: 650.30 }\nadjustment:\n  - { id: a, amount: -50.05, reason: คืนเงินยืม }\ncommitted: { a: 100 }\nkpis: { cost: 40 }\nevents:\n  - { name: อบรม, kind: training, ended_on: 2023-01-20, participants: 30 }\n";

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn load(files: &[(&str, &str)]) -> Content {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let checked = planbook::build::check(dir.path()).unwrap();
    assert!(
        !checked.diagnostics().has_errors(),
        "{}",
        checked.diagnostics().render(&checked.sources)
    );
    checked.content
}

fn base_files<'a>(year: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut files = vec![
        ("site.yaml", SITE),
        ("fiscal-years/2566.yaml", year),
        ("plans/2566/office-a/act/plan.yaml", PLAN),
        ("plans/2566/office-a/act/progress/oct.yaml", OCT),
        ("plans/2566/office-a/act/progress/dec.yaml", DEC),
        ("plans/2566/office-a/act/progress/feb.yaml", FEB),
    ];
    files.extend_from_slice(extra);
    files
}

fn plan_figures(figures: &Figures) -> &PlanFigures {
    &figures.years[0].plans[0]
}

fn month(text: &str) -> Option<Month> {
    Month::parse(text)
}

#[test]
fn budget_execution_with_satang_revisions_adjustments_and_committed_stocks() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let figures = execute(&content, month("2023-02"));
    let plan = plan_figures(&figures);
    let nodes = &content.plans[0].budget.nodes;
    let a = nodes.iter().position(|n| &*n.id == "a").unwrap();
    let b = nodes.iter().position(|n| &*n.id == "b").unwrap();

    // a: 1000.25 + 100.10 revision; 300.05 + 650.30 - 50.05 adjustment; 100 committed.
    assert_eq!(plan.nodes[a].allocation, dec!(1100.35));
    assert_eq!(plan.nodes[a].original_allocation, dec!(1000.25));
    assert_eq!(plan.nodes[a].disbursed, dec!(900.30));
    assert_eq!(plan.nodes[a].committed, dec!(100));
    assert_eq!(plan.nodes[a].remaining(), dec!(100.05));
    // b: 2000.50 - 100.10; committed 500 in October, cleared to 0 in December.
    assert_eq!(plan.nodes[b].allocation, dec!(1900.40));
    assert_eq!(plan.nodes[b].disbursed, dec!(499.99));
    assert_eq!(plan.nodes[b].committed, dec!(0));
    // The plan.
    assert_eq!(plan.totals.allocation, dec!(3000.75));
    assert_eq!(plan.totals.disbursed, dec!(1400.29));
    assert_eq!(plan.totals.committed, dec!(100));
    assert_eq!(plan.totals.spent(), dec!(1500.29));
    assert_eq!(plan.totals.remaining(), dec!(1500.46));
    assert_eq!(round2(plan.totals.disbursement_rate()), dec!(46.66));
    assert_eq!(round2(plan.totals.spent_rate()), dec!(50.00));
}

#[test]
fn revisions_count_from_their_date() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let december = execute(&content, month("2022-12"));
    let a = content.plans[0].budget.index_of("a").unwrap();
    assert_eq!(plan_figures(&december).nodes[a].allocation, dec!(1000.25));
    let january = execute(&content, month("2566-01"));
    assert_eq!(plan_figures(&january).nodes[a].allocation, dec!(1100.35));
}

#[test]
fn committed_is_the_latest_value_reported_on_or_before_the_month() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let b = content.plans[0].budget.index_of("b").unwrap();
    let november = execute(&content, month("2022-11"));
    assert_eq!(plan_figures(&november).nodes[b].committed, dec!(500));
    let december = execute(&content, month("2022-12"));
    assert_eq!(plan_figures(&december).nodes[b].committed, dec!(0));
}

#[test]
fn monthly_series_and_quarterly_targets() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let figures = execute(&content, month("2023-02"));
    let plan = plan_figures(&figures);
    let months: Vec<(String, Decimal, Decimal, Decimal, Option<Decimal>)> = plan
        .months
        .iter()
        .map(|m| {
            (
                m.month.to_string(),
                m.disbursed,
                m.disbursed_cumulative,
                round2(m.rate()),
                m.target_rate,
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![
            (
                "2022-10".into(),
                dec!(300.05),
                dec!(300.05),
                dec!(10.00),
                Some(dec!(35))
            ),
            (
                "2022-11".into(),
                dec!(0),
                dec!(300.05),
                dec!(10.00),
                Some(dec!(35))
            ),
            (
                "2022-12".into(),
                dec!(499.99),
                dec!(800.04),
                dec!(26.66),
                Some(dec!(35))
            ),
            (
                "2023-01".into(),
                dec!(0),
                dec!(800.04),
                dec!(26.66),
                Some(dec!(57))
            ),
            (
                "2023-02".into(),
                dec!(600.25),
                dec!(1400.29),
                dec!(46.66),
                Some(dec!(57))
            ),
        ]
    );
    // Q2's target applies in February; the gap is rate - target in points.
    assert_eq!(plan.target.quarter_target, Some(dec!(57)));
    assert_eq!(plan.target.target_gap.map(round2), Some(dec!(-10.34)));
    // Q1 ended behind (26.66 < 35) but the rate has passed 35 since: not behind. February
    // is below the line from 35 to 57 (49.67 at two months in): at risk.
    assert_eq!(plan.target.behind_quarter, None);
    assert_eq!(plan.target.status, Status::AtRisk);
    let line = plan.target.at_risk_line.map(|(line, _)| round2(line));
    assert_eq!(line, Some(dec!(49.67)));
}

#[test]
fn behind_at_the_end_of_a_completed_quarter() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let figures = execute(&content, month("2023-01"));
    let plan = plan_figures(&figures);
    assert_eq!(plan.target.status, Status::Behind);
    let (quarter, gap) = plan.target.behind_quarter.unwrap();
    assert_eq!((quarter, round2(gap)), (1, dec!(-8.34)));
    assert!(
        plan.alerts
            .iter()
            .any(|a| a.kind == AlertKind::BehindTarget)
    );
}

#[test]
fn twelve_monthly_targets_are_used_month_by_month() {
    let year = "fiscal_year: 2566\ndisbursement_targets:\n  current: [5, 10, 20, 30, 45, 57, 60, 70, 80, 85, 90, 98]\n";
    let content = load(&base_files(year, &[]));
    let figures = execute(&content, month("2023-02"));
    let plan = plan_figures(&figures);
    assert_eq!(plan.target.quarter_target, Some(dec!(45)));
    let targets: Vec<Option<Decimal>> = plan.months.iter().map(|m| m.target_rate).collect();
    assert_eq!(
        targets,
        vec![
            Some(dec!(5)),
            Some(dec!(10)),
            Some(dec!(20)),
            Some(dec!(30)),
            Some(dec!(45))
        ]
    );
    // 46.66 >= 45: on track with monthly targets.
    assert_eq!(plan.target.status, Status::OnTrack);
}

#[test]
fn kpis_in_both_directions() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let january = execute(&content, month("2023-01"));
    let kpis = &plan_figures(&january).kpis;
    // reach: at least 10, 4.5 reported → 45%.
    assert_eq!(kpis[0].value, Some(dec!(4.5)));
    assert!(!kpis[0].achieved);
    assert_eq!(kpis[0].achievement, Some(dec!(45)));
    // cost: at most 50, 80 reported → target / value = 62.5%.
    assert_eq!(kpis[1].value, Some(dec!(80)));
    assert!(!kpis[1].achieved);
    assert_eq!(kpis[1].achievement, Some(dec!(62.5)));
    // In February cost falls to 40: achieved, 100%.
    let february = execute(&content, month("2023-02"));
    let kpis = &plan_figures(&february).kpis;
    assert!(kpis[1].achieved);
    assert_eq!(kpis[1].achievement, Some(dec!(100)));
    assert_eq!(kpis[0].reported_in, month("2022-10"));
}

#[test]
fn tasks_against_target_and_schedule() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let figures = execute(&content, month("2023-02"));
    let task = &plan_figures(&figures).tasks[0];
    assert_eq!(task.done, dec!(1));
    assert_eq!(task.percent, dec!(25));
    assert_eq!(task.planned_by_now, dec!(2));
    assert!(task.late);
    let december = execute(&content, month("2022-12"));
    assert!(!plan_figures(&december).tasks[0].late);
}

#[test]
fn training_evaluations_fall_due_sixty_days_after_the_end() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    // Ended 2023-01-20: due 2023-03-21.
    let february = execute(&content, month("2023-02"));
    let kinds: Vec<AlertKind> = plan_figures(&february)
        .alerts
        .iter()
        .map(|a| a.kind)
        .collect();
    assert!(kinds.contains(&AlertKind::EvaluationDue), "{kinds:?}");
    let march = execute(&content, month("2023-03"));
    let kinds: Vec<AlertKind> = plan_figures(&march).alerts.iter().map(|a| a.kind).collect();
    assert!(kinds.contains(&AlertKind::EvaluationOverdue), "{kinds:?}");
    let evaluated = FEB.replace(
        "participants: 30",
        "participants: 30, evaluated_on: 2023-03-01",
    );
    let content = load(&base_files(
        YEAR_QUARTERLY,
        &[("plans/2566/office-a/act/progress/feb.yaml", &evaluated)],
    ));
    let march = execute(&content, month("2023-03"));
    assert!(!plan_figures(&march).alerts.iter().any(|a| matches!(
        a.kind,
        AlertKind::EvaluationDue | AlertKind::EvaluationOverdue
    )));
}

#[test]
fn missing_months_between_the_first_entry_and_the_as_of_month_are_one_alert() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let figures = execute(&content, month("2023-03"));
    let missed: Vec<(Option<String>, String)> = plan_figures(&figures)
        .alerts
        .iter()
        .filter(|a| a.kind == AlertKind::MissedReport)
        .map(|a| (a.subject.clone(), a.message.clone()))
        .collect();
    assert_eq!(
        missed,
        vec![(
            Some("2022-11,2023-01,2023-03".into()),
            "ขาดส่ง 3 เดือน: พ.ย. 65, ม.ค. 66, มี.ค. 66".into()
        )]
    );
}

#[test]
fn a_flexible_line_may_go_over_while_its_group_has_room() {
    let over = "month: 2023-03\ndisbursed: { b: 1500.41 }\n";
    let files = base_files(
        YEAR_QUARTERLY,
        &[("plans/2566/office-a/act/progress/mar.yaml", over)],
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &files);
    let checked = planbook::build::check(dir.path()).unwrap();
    // b: 499.99 + 1500.41 = 2000.40 > 1900.40 after the revision; the group (3000.75) has room.
    assert!(!checked.diagnostics().has_errors());
    let report = checked.diagnostics().render(&checked.sources);
    assert!(
        report.contains("mar.yaml:2:17: warning: `b` has 2,000.40 baht disbursed and committed by 2023-03, above its 1,900.40; allowed because it is ถัวจ่าย"),
        "{report}"
    );
    let figures = execute(&checked.content, month("2023-03"));
    let alert = plan_figures(&figures)
        .alerts
        .iter()
        .find(|a| a.kind == AlertKind::LineOverAmount)
        .expect("an over-spend alert");
    assert_eq!(alert.subject.as_deref(), Some("b"));
}

#[test]
fn the_year_end_flags_anything_below_full_disbursement() {
    let content = load(&base_files(YEAR_QUARTERLY, &[]));
    let september = execute(&content, month("2023-09"));
    let alert = plan_figures(&september)
        .alerts
        .iter()
        .find(|a| a.kind == AlertKind::YearEndUnderspent)
        .expect("year-end alert");
    assert!(alert.message.contains("46.66"), "{}", alert.message);
}

#[test]
fn offices_are_ranked_by_rate_then_by_id() {
    let other = PLAN.replace("สำนักงานเอ", "สำนักงานบี");
    let files = base_files(
        YEAR_QUARTERLY,
        &[
            ("plans/2566/office-0/act/plan.yaml", &other),
            ("plans/2566/office-0/act/progress/oct.yaml", OCT),
            ("plans/2566/office-0/act/progress/dec.yaml", DEC),
            ("plans/2566/office-0/act/progress/feb.yaml", FEB),
            ("plans/2566/office-z/act/plan.yaml", &other),
        ],
    );
    let content = load(&files);
    let figures = execute(&content, month("2023-02"));
    let ranking: Vec<(usize, &str)> = figures.years[0]
        .offices
        .iter()
        .map(|(rank, office)| (*rank, office.key.as_str()))
        .collect();
    assert_eq!(
        ranking,
        vec![(1, "office-0"), (2, "office-a"), (3, "office-z")]
    );
    let total = &figures.years[0].total.totals;
    assert_eq!(total.allocation, dec!(9002.25));
    assert_eq!(total.disbursed, dec!(2800.58));
}

#[test]
fn the_as_of_month_defaults_to_the_latest_month_past_its_deadline_and_the_site_can_fix_it() {
    // Office b has filed October only.
    let mut content = load(&base_files(
        YEAR_QUARTERLY,
        &[
            ("plans/2566/office-b/act/plan.yaml", PLAN),
            ("plans/2566/office-b/act/progress/oct.yaml", OCT),
        ],
    ));
    // By the build's clock (years after FY 2566), every month is past its deadline.
    assert_eq!(execute(&content, None).years[0].as_of, Month::new(2023, 9));
    // On 5 March 2023, January's entries were due on 10 February, February's are not yet.
    content.today = Some(planbook::model::Date {
        year: 2023,
        month: 3,
        day: 5,
    });
    assert_eq!(execute(&content, None).years[0].as_of, Month::new(2023, 1));
    content.today = Some(planbook::model::Date {
        year: 2023,
        month: 3,
        day: 11,
    });
    assert_eq!(execute(&content, None).years[0].as_of, Month::new(2023, 2));
    // Once office b files February too, February is as of before its deadline.
    let mut everyone = load(&base_files(
        YEAR_QUARTERLY,
        &[
            ("plans/2566/office-b/act/plan.yaml", PLAN),
            ("plans/2566/office-b/act/progress/oct.yaml", OCT),
            ("plans/2566/office-b/act/progress/feb.yaml", FEB),
        ],
    ));
    everyone.today = content.today.map(|d| planbook::model::Date { day: 5, ..d });
    assert_eq!(execute(&everyone, None).years[0].as_of, Month::new(2023, 2));
    // Without a clock: the latest month with an entry.
    content.today = None;
    assert_eq!(execute(&content, None).years[0].as_of, Month::new(2023, 2));
    let pinned = load(&base_files(
        YEAR_QUARTERLY,
        &[("site.yaml", "as_of: 2565-12\n")],
    ));
    assert_eq!(execute(&pinned, None).years[0].as_of, Month::new(2022, 12));
    assert_eq!(
        execute(&pinned, month("2023-01")).years[0].as_of,
        Month::new(2023, 1)
    );
}

//! View pieces shared by many pages: the layout, money summaries, monthly rows, plan and
//! roll-up rows, alerts. Money and rates are exact decimal strings the filters format.

use crate::compute::alerts::Alert;
use crate::compute::series::MonthFigures;
use crate::compute::targets::TargetFigures;
use crate::compute::{Amounts, OfReceived, PlanFigures, RollUp, YearFigures};
use crate::export::money;
use crate::model::{Month, Plan};
use crate::render::paths;
use rust_decimal::Decimal;
use serde::Serialize;

/// What every page's base template needs.
#[derive(Serialize)]
pub struct Layout<'a> {
    /// Leads back to the output folder: `""`, `"../"`, …
    pub root: String,
    /// The page's own path, relative to the output folder.
    pub path: String,
    pub title: String,
    pub section: &'static str,
    pub site: SiteInfo<'a>,
    pub nav: &'a Nav,
    pub crumbs: Vec<Crumb>,
    pub version: &'static str,
    /// Plans this page would have shown, left out by `build --keep-going` for errors.
    pub left_out: Vec<&'a crate::left_out::LeftOutPlan>,
    /// Settings files with errors (on the home page only).
    pub left_out_files: Vec<&'a crate::left_out::LeftOutFile>,
    pub left_out_page: &'static str,
    /// The fiscal year the page belongs to (the home page's for pages of no year), for
    /// the year switcher.
    pub page_year: Option<i32>,
}

/// A file to download (CSV for Excel), linked from a page's head.
#[derive(Serialize)]
pub struct Download {
    pub label: &'static str,
    pub href: String,
}

impl Download {
    pub fn new(label: &'static str, href: String) -> Download {
        Download { label, href }
    }
}

#[derive(Serialize)]
pub struct SiteInfo<'a> {
    pub title: &'a str,
    pub organisation: &'a str,
    pub ministry: &'a str,
}

/// The site-wide navigation: the latest year's sections, every year, the free pages.
#[derive(Serialize, Default)]
pub struct Nav {
    pub dashboard: String,
    pub year: Option<NavYear>,
    pub years: Vec<NavYear>,
    pub pages: Vec<NavLink>,
}

#[derive(Serialize, Clone)]
pub struct NavYear {
    pub fiscal_year: i32,
    pub href: String,
    pub offices: String,
    pub reports: String,
}

#[derive(Serialize)]
pub struct NavLink {
    pub slug: String,
    pub title: String,
    pub href: String,
}

#[derive(Serialize)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

impl Crumb {
    pub fn new(label: impl Into<String>, href: impl Into<String>) -> Crumb {
        Crumb {
            label: label.into(),
            href: href.into(),
        }
    }
}

/// Money and progress against targets of a plan or roll-up.
#[derive(Serialize)]
pub struct Summary {
    pub allocation: String,
    pub original_allocation: String,
    pub revised: bool,
    pub received: String,
    pub disbursed: String,
    pub committed: String,
    pub spent: String,
    pub remaining: String,
    pub rate: String,
    pub spent_rate: String,
    /// The rate clamped to 0..100, for bars.
    pub bar: String,
    pub planned: Option<String>,
    pub planned_rate: Option<String>,
    /// `on_track`, `at_risk`, `behind` or `no_target`.
    pub status: &'static str,
    pub target: Option<String>,
    pub gap: Option<String>,
    /// The target clamped to 0..100, for the marker on bars.
    pub marker: Option<String>,
    pub behind_quarter: Option<usize>,
    pub spending_target: Option<String>,
    pub spending_gap: Option<String>,
    /// Where the status and the gap seem to disagree (on track, yet below the quarter-end
    /// target; or not judged yet), why, in words.
    pub status_note: Option<String>,
    /// Against the allotment received; `None` (shown "–") where no plan reports it.
    pub of_received: Option<OfReceivedView>,
    /// For roll-ups: (plans reporting `received`, plans), when some do not report it.
    pub received_plans: Option<(usize, usize)>,
}

/// The figures against the allotment received, as exact strings.
#[derive(Serialize)]
pub struct OfReceivedView {
    pub received: String,
    pub remaining: String,
    pub spent_rate: String,
    pub rate: String,
}

pub fn of_received_view(of_received: Option<OfReceived>) -> Option<OfReceivedView> {
    of_received.map(|r| OfReceivedView {
        received: money(r.received),
        remaining: money(r.remaining_of_received()),
        spent_rate: money(r.spent_rate_of_received()),
        rate: money(r.disbursement_rate_of_received()),
    })
}

pub fn summary(totals: &Amounts, target: &TargetFigures, planned: Option<Decimal>) -> Summary {
    let rate = totals.disbursement_rate();
    Summary {
        allocation: money(totals.allocation),
        original_allocation: money(totals.original_allocation),
        revised: totals.allocation != totals.original_allocation,
        received: money(totals.received),
        disbursed: money(totals.disbursed),
        committed: money(totals.committed),
        spent: money(totals.spent()),
        remaining: money(totals.remaining()),
        rate: money(rate),
        spent_rate: money(totals.spent_rate()),
        bar: money(clamp_percent(rate)),
        planned: planned.map(money),
        planned_rate: planned.map(|p| money(crate::compute::percent(p, totals.allocation))),
        status: target.status.as_str(),
        target: target.quarter_target.map(money),
        gap: target.target_gap.map(money),
        marker: target.quarter_target.map(|t| money(clamp_percent(t))),
        behind_quarter: target.behind_quarter.map(|(q, _)| q),
        spending_target: target.spending_target.map(money),
        spending_gap: target.spending_gap.map(money),
        status_note: status_note(target, rate),
        of_received: None,
        received_plans: None,
    }
}

/// Explains a status beside a gap of the other sign: the status follows this month's
/// straight line to the quarter's target, the gap the quarter-end target itself.
fn status_note(target: &TargetFigures, rate: Decimal) -> Option<String> {
    use crate::compute::targets::Status;
    let pct = |v: Decimal| crate::thai::format_number(crate::compute::round2(v), 2);
    match target.status {
        Status::NotDue => Some("ยังไม่ถึงกำหนดส่งรายงานของเดือนนี้ จึงยังไม่ประเมินเทียบเป้าหมาย".to_string()),
        Status::OnTrack => {
            let (line, quarter_target) = (target.line?, target.quarter_target?);
            (rate < quarter_target).then(|| {
                format!(
                    "ตามเป้าหมาย: เบิกจ่ายร้อยละ {} ถึงแนวเป้าหมายของเดือนนี้ (ร้อยละ {}) \
                     แต่ยังต่ำกว่าเป้าหมายสิ้นไตรมาส (ร้อยละ {}) อยู่ {} จุด",
                    pct(rate),
                    pct(line),
                    pct(quarter_target),
                    pct(quarter_target - rate)
                )
            })
        }
        _ => None,
    }
}

pub fn plan_summary(figures: &PlanFigures) -> Summary {
    Summary {
        of_received: of_received_view(figures.of_received),
        ..summary(&figures.totals, &figures.target, figures.planned)
    }
}

pub fn rollup_summary(rollup: &RollUp) -> Summary {
    let plans = rollup.plans.len();
    Summary {
        of_received: of_received_view(rollup.of_received),
        received_plans: (rollup.received_plans < plans).then_some((rollup.received_plans, plans)),
        ..summary(&rollup.totals, &rollup.target, rollup.planned)
    }
}

pub fn clamp_percent(value: Decimal) -> Decimal {
    value.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)
}

/// Why a year's figures are as of their month, in words for the page's lede.
pub fn as_of_note(year: &YearFigures) -> String {
    use crate::compute::AsOfBasis;
    let mut note = match year.as_of_basis {
        AsOfBasis::Requested => "เดือนที่กำหนดให้แสดง".to_string(),
        AsOfBasis::DeadlinePassed(deadline) => format!(
            "เดือนล่าสุดที่พ้นกำหนดส่งรายงานแล้ว (กำหนดส่ง {})",
            crate::thai::date_short(deadline, false)
        ),
        AsOfBasis::AllFiled => "ทุกแผนส่งรายงานเดือนนี้ครบแล้ว".to_string(),
        AsOfBasis::LatestEntry => "เดือนล่าสุดที่มีรายงาน".to_string(),
        AsOfBasis::YearStart => "ยังไม่มีเดือนที่ถึงกำหนดส่งรายงาน".to_string(),
    };
    if year.total.pending_plans > 0 {
        note.push_str(&format!(
            " · ยังไม่ถึงกำหนดส่ง {} แผน",
            year.total.pending_plans
        ));
    }
    note
}

/// One month of a series.
#[derive(Serialize)]
pub struct MonthRow {
    pub month: String,
    /// `None` when no entry of the month was filed (shown as ยังไม่รายงาน, not 0.00).
    pub disbursed: Option<String>,
    /// Not reported, and its deadline has not passed yet (ยังไม่ถึงกำหนดส่ง).
    pub not_due: bool,
    pub cumulative: String,
    pub allocation: String,
    pub rate: String,
    pub planned: Option<String>,
    pub planned_rate: Option<String>,
    pub target: Option<String>,
    pub gap: Option<String>,
    /// Cumulative disbursed over cumulative received, where reported by this month.
    pub rate_of_received: Option<String>,
    /// The month's report across offices.
    pub report: String,
}

/// The row of `month` in a series, where the series reaches it.
pub fn month_row(year: &YearFigures, months: &[MonthFigures], month: Month) -> Option<MonthRow> {
    let found = months.iter().find(|m| m.month == month)?;
    month_rows(year, std::slice::from_ref(found)).pop()
}

pub fn month_rows(year: &YearFigures, months: &[MonthFigures]) -> Vec<MonthRow> {
    months
        .iter()
        .map(|m| MonthRow {
            month: m.month.to_string(),
            disbursed: m.reported_disbursed().map(money),
            not_due: !m.reported && m.month == year.as_of && !year.as_of_due,
            cumulative: money(m.disbursed_cumulative),
            allocation: money(m.allocation),
            rate: money(m.rate()),
            planned: m.planned_cumulative.map(money),
            planned_rate: m.planned_rate().map(money),
            target: m.target_rate.map(money),
            gap: m.target_rate.map(|t| money(m.rate() - t)),
            rate_of_received: m
                .of_received
                .map(|r| money(r.disbursement_rate_of_received())),
            report: paths::report(year.year, m.month),
        })
        .collect()
}

/// A plan in a list of plans.
#[derive(Serialize)]
pub struct PlanRow<'a> {
    pub href: String,
    pub office: &'a str,
    pub office_href: String,
    pub activity: &'a str,
    pub project: Option<&'a str>,
    pub summary: Summary,
    pub alerts: usize,
}

pub fn plan_row<'a>(plan: &'a Plan, figures: &PlanFigures) -> PlanRow<'a> {
    PlanRow {
        href: paths::plan(&plan.id),
        office: &plan.office_name,
        office_href: paths::office(plan.id.fiscal_year, &plan.id.office),
        activity: &plan.activity,
        project: plan.project.as_deref(),
        summary: plan_summary(figures),
        // Every alert, as the plan's own section and its office's row count them.
        alerts: figures.alerts.len(),
    }
}

/// An office, program, project or strategy in a list.
#[derive(Serialize)]
pub struct RollUpRow<'a> {
    pub rank: Option<usize>,
    pub name: &'a str,
    pub href: String,
    pub plans: usize,
    pub summary: Summary,
    pub alerts: usize,
}

pub fn rollup_row<'a>(rollup: &'a RollUp, rank: Option<usize>, href: String) -> RollUpRow<'a> {
    RollUpRow {
        rank,
        name: &rollup.name,
        href,
        plans: rollup.plans.len(),
        summary: rollup_summary(rollup),
        alerts: rollup.alert_count,
    }
}

/// An alert, with the plan it belongs to where the page lists several plans.
#[derive(Serialize)]
pub struct AlertView<'a> {
    pub kind: &'static str,
    pub serious: bool,
    pub message: &'a str,
    pub plan: Option<AlertPlan<'a>>,
}

#[derive(Serialize)]
pub struct AlertPlan<'a> {
    pub href: String,
    pub office: &'a str,
    pub activity: &'a str,
}

pub fn alert_view<'a>(alert: &'a Alert, plan: Option<&'a Plan>) -> AlertView<'a> {
    AlertView {
        kind: alert.kind.as_str(),
        serious: alert.kind.is_serious(),
        message: &alert.message,
        plan: plan.map(|p| AlertPlan {
            href: paths::plan(&p.id),
            office: &p.office_name,
            activity: &p.activity,
        }),
    }
}

/// The alerts of several plans, serious ones first, then by plan order.
/// Lists longer than this (plans of a year or group, alerts of a year) show their most
/// urgent rows only: the lowest disbursement rates, the serious alerts first. A department
/// of thousands of plans keeps pages an officer can read and a build that stays fast;
/// every plan stays two clicks away through its office.
pub const LIST_LIMIT: usize = 200;

/// Alerts shown on the dashboard and year pages; the rest are on each office's page.
pub const ALERT_LIMIT: usize = 30;

/// Plan rows, limited to the `limit` lowest disbursement rates when there are more.
pub fn limited_plan_rows<'a>(
    plans: impl Iterator<Item = (&'a Plan, &'a PlanFigures)>,
    limit: usize,
) -> (Vec<PlanRow<'a>>, usize) {
    let all: Vec<(&'a Plan, &'a PlanFigures)> = plans.collect();
    let total = all.len();
    if total <= limit {
        return (
            all.into_iter().map(|(p, f)| plan_row(p, f)).collect(),
            total,
        );
    }
    // Each rate once (a division), the `limit` lowest picked in linear time, then sorted.
    let mut keyed: Vec<(Decimal, &'a Plan, &'a PlanFigures)> = all
        .into_iter()
        .map(|(p, f)| (f.totals.disbursement_rate(), p, f))
        .collect();
    let order = |a: &(Decimal, &Plan, &PlanFigures), b: &(Decimal, &Plan, &PlanFigures)| {
        a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
    };
    keyed.select_nth_unstable_by(limit - 1, order);
    keyed.truncate(limit);
    keyed.sort_by(order);
    (
        keyed.into_iter().map(|(_, p, f)| plan_row(p, f)).collect(),
        total,
    )
}

pub fn plans_alerts<'a>(
    plans: impl Iterator<Item = (&'a Plan, &'a PlanFigures)>,
) -> Vec<AlertView<'a>> {
    limited_alerts(plans, usize::MAX).0
}

/// The first `limit` of [`plans_alerts`], and how many there are in all: only those shown
/// are put into words.
pub fn limited_alerts<'a>(
    plans: impl Iterator<Item = (&'a Plan, &'a PlanFigures)>,
    limit: usize,
) -> (Vec<AlertView<'a>>, usize) {
    let mut all: Vec<(&'a Alert, &'a Plan)> = plans
        .flat_map(|(plan, figures)| figures.alerts.iter().map(move |a| (a, plan)))
        .collect();
    let total = all.len();
    all.sort_by_key(|(alert, _)| !alert.kind.is_serious());
    let shown = all
        .into_iter()
        .take(limit)
        .map(|(alert, plan)| alert_view(alert, Some(plan)))
        .collect();
    (shown, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::targets::Status;
    use rust_decimal_macros::dec;

    #[test]
    fn summary_gives_exact_strings_and_clamped_bars() {
        let totals = Amounts {
            allocation: dec!(6300),
            original_allocation: dec!(6000),
            disbursed: dec!(7000),
            committed: dec!(100),
            ..Amounts::default()
        };
        let target = TargetFigures {
            status: Status::Behind,
            quarter_target: Some(dec!(120)),
            target_gap: Some(dec!(-8.888)),
            behind_quarter: Some((2, dec!(-1))),
            at_risk_line: None,
            spending_target: None,
            spending_gap: None,
            line: None,
        };
        let s = summary(&totals, &target, Some(dec!(3150)));
        assert_eq!(s.allocation, "6300.00");
        assert!(s.revised);
        assert_eq!(s.remaining, "-800.00");
        assert_eq!(s.rate, "111.11");
        assert_eq!(s.bar, "100.00");
        assert_eq!(s.marker.as_deref(), Some("100.00"));
        assert_eq!(s.gap.as_deref(), Some("-8.89"));
        assert_eq!(s.planned_rate.as_deref(), Some("50.00"));
        assert_eq!(s.status, "behind");
        assert_eq!(s.behind_quarter, Some(2));
    }
}

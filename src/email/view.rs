//! The view the email template receives: an office's roll-up (for an office report), then
//! each plan as of the month, built from the same view pieces as the site's pages. Nothing
//! in it links out of the file: plan rows lead to `#` anchors, alerts name no page.

use super::target::Target;
use crate::compute::{PlanFigures, RollUp, YearFigures};
use crate::model::{Content, Month, Plan};
use crate::render::markdown;
use crate::render::views::charts;
use crate::render::views::common::{
    AlertView, MonthRow, Summary, alert_view, month_row, plan_summary, rollup_summary,
};
use crate::render::views::progress::{
    BudgetRow, KpiRow, TaskRow, budget_rows, kpi_rows, task_rows,
};
use serde::Serialize;

/// Where the `@font-face` rules go once the characters are known: a CSS comment in the
/// `<style>` at the top of `<head>`, ahead of anything a user wrote.
pub const FONT_SLOT: &str = "/*planbook:font-faces*/";

#[derive(Serialize)]
pub struct EmailView<'a> {
    /// The document title: the report, the office or plan, the month.
    pub title: String,
    pub organisation: &'a str,
    pub ministry: &'a str,
    pub fiscal_year: i32,
    pub month: String,
    /// The quarter (1–4) of the fiscal year the month falls in.
    pub quarter: usize,
    pub office: &'a str,
    /// The office's roll-up; absent in a one-plan report.
    pub rollup: Option<OfficeSection<'a>>,
    pub plans: Vec<PlanSection<'a>>,
    /// `สร้างโดย planbook … เมื่อ …`.
    pub stamp: String,
    pub font_slot: &'static str,
    /// The month's report page on the site, when `base_path` is a whole `http(s)://`
    /// address (a path alone leads nowhere from a mail client).
    pub site_link: Option<String>,
}

#[derive(Serialize)]
pub struct OfficeSection<'a> {
    pub summary: Summary,
    /// This month's row of the office's series.
    pub month: Option<MonthRow>,
    pub s_curve: String,
    pub plans: Vec<PlanLine<'a>>,
    /// Every alert of the office's plans: the same count as each plan's section and the
    /// site's office page.
    pub alert_total: usize,
}

/// A plan in the office's table, leading to its section further down.
#[derive(Serialize)]
pub struct PlanLine<'a> {
    pub anchor: String,
    pub activity: &'a str,
    pub summary: Summary,
    pub reported: bool,
}

#[derive(Serialize)]
pub struct PlanSection<'a> {
    pub anchor: String,
    pub id: String,
    pub activity: &'a str,
    pub job_no: Option<&'a str>,
    pub project: Option<&'a str>,
    pub summary: Summary,
    pub month: Option<MonthRow>,
    /// Charts, budget lines, tasks and KPIs: in a one-plan report only (see [`PlanDetail`]).
    pub detail: Option<PlanDetail<'a>>,
    /// Tasks and KPIs counted, for an office report's one line per plan.
    pub progress: ProgressCounts,
    pub alerts: Vec<AlertView<'a>>,
    pub entry: Option<MonthEntry>,
}

/// What a one-plan report adds to a plan's section. An office report leaves it out: its
/// plan table and each plan's figures, tasks, KPIs, alerts and narrative are what an office
/// reads in a month, and the charts and budget lines (about 45 KB a plan) would make an
/// office of a hundred plans a file of several megabytes, past what mail systems take.
#[derive(Serialize)]
pub struct PlanDetail<'a> {
    pub s_curve: String,
    pub budget_chart: String,
    pub budget: Vec<BudgetRow<'a>>,
    /// Tasks and KPIs carry their percentages in the table, with a bar (no chart: for ten
    /// plans the two charts would add about 130 KB that repeat those columns).
    pub tasks: Vec<TaskRow<'a>>,
    pub kpis: Vec<KpiRow<'a>>,
}

/// A plan's tasks and KPIs in a line: how many are done, which are late.
#[derive(Serialize)]
pub struct ProgressCounts {
    pub tasks: usize,
    pub tasks_done: usize,
    /// How many tasks are behind their schedule (each named, with its figures, in the
    /// plan's alerts just below: the line gives the count only).
    pub tasks_late: usize,
    pub kpis: usize,
    pub kpis_achieved: usize,
    pub kpis_reported: usize,
}

fn progress_counts(figures: &PlanFigures) -> ProgressCounts {
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    ProgressCounts {
        tasks: figures.tasks.len(),
        tasks_done: figures
            .tasks
            .iter()
            .filter(|t| t.percent >= hundred)
            .count(),
        tasks_late: figures.tasks.iter().filter(|t| t.late).count(),
        kpis: figures.kpis.len(),
        kpis_achieved: figures.kpis.iter().filter(|k| k.achieved).count(),
        kpis_reported: figures.kpis.iter().filter(|k| k.value.is_some()).count(),
    }
}

/// The plan's entry for the month.
#[derive(Serialize)]
pub struct MonthEntry {
    pub reported_on: Option<String>,
    /// Sanitised HTML.
    pub narrative: Option<String>,
    pub problems: Option<String>,
}

/// The view of `target`'s report for `month`; `year` holds figures as of that month.
pub fn email_view<'a>(
    content: &'a Content,
    year: &'a YearFigures,
    target: &Target,
    month: Month,
    stamp: String,
) -> EmailView<'a> {
    let plans: Vec<(&'a Plan, &'a PlanFigures)> = year
        .plan_indices
        .iter()
        .zip(&year.plans)
        .map(|(&i, f)| (&content.plans[i], f))
        .filter(|(p, _)| target.covers(&p.id))
        .collect();
    let office_name = plans.first().map_or("", |(p, _)| &*p.office_name);
    let rollup = match target {
        Target::Office { office, .. } => year
            .offices
            .iter()
            .map(|(_, o)| o)
            .find(|o| o.key == *office)
            .map(|o| office_section(year, o, &plans, month)),
        Target::Plan(_) => None,
    };
    let subject = match (target, plans.first()) {
        (Target::Plan(_), Some((plan, _))) => format!("{} {}", plan.activity, office_name),
        _ => office_name.to_string(),
    };
    let site = &content.site;
    EmailView {
        title: format!(
            "รายงานผลการดำเนินงานประจำเดือน{} {subject}",
            crate::thai::month_full(month, false)
        ),
        organisation: &site.organisation,
        ministry: &site.ministry,
        fiscal_year: year.year.0,
        month: month.to_string(),
        quarter: month.quarter(),
        office: office_name,
        rollup,
        plans: plans
            .iter()
            .map(|&(plan, figures)| {
                let detailed = matches!(target, Target::Plan(_));
                plan_section(year, plan, figures, month, detailed)
            })
            .collect(),
        stamp,
        font_slot: FONT_SLOT,
        site_link: site_address(&site.base_path)
            .map(|base| format!("{base}{}", crate::render::paths::report(year.year, month))),
    }
}

/// `base_path` when it is a whole address a mail client can open (it ends with `/`).
fn site_address(base_path: &str) -> Option<&str> {
    let lower = base_path.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(base_path)
}

/// A chart made smaller for a file that travels by email: attributes that only restate the
/// SVG default (`opacity="1"`) or the report's CSS (the font family, set once for every
/// `svg text`) are dropped, and so are the line breaks after tags. Safe by exact match: in
/// chart text `"` and `>` are escaped, so no user text can hold these strings.
pub fn compact(svg: String) -> String {
    if svg.is_empty() {
        return svg;
    }
    let family = format!(" font-family=\"{}\"", crate::render::charts::FONT_FAMILY);
    svg.replace(" opacity=\"1\"", "")
        .replace(&family, "")
        .replace(">\n", ">")
        .replace("\n</text>", "</text>")
}

/// The anchor of a plan's section: its activity id, unique within an office.
fn anchor(plan: &Plan) -> String {
    format!("plan-{}", plan.id.activity)
}

fn office_section<'a>(
    year: &YearFigures,
    office: &RollUp,
    plans: &[(&'a Plan, &'a PlanFigures)],
    month: Month,
) -> OfficeSection<'a> {
    OfficeSection {
        summary: rollup_summary(office),
        month: month_row(year, &office.months, month),
        s_curve: compact(charts::s_curve(
            "ผลการเบิกจ่ายสะสมของหน่วยงานเทียบแผนและเป้าหมาย",
            &office.months,
            year.year,
        )),
        plans: plans
            .iter()
            .map(|&(plan, figures)| PlanLine {
                anchor: anchor(plan),
                activity: &plan.activity,
                summary: plan_summary(figures),
                reported: plan.entries.iter().any(|e| e.month == month),
            })
            .collect(),
        alert_total: plans.iter().map(|(_, f)| f.alerts.len()).sum(),
    }
}

fn plan_section<'a>(
    year: &YearFigures,
    plan: &'a Plan,
    figures: &'a PlanFigures,
    month: Month,
    detailed: bool,
) -> PlanSection<'a> {
    let entry = plan.entries.iter().find(|e| e.month == month);
    let mut alerts: Vec<AlertView<'a>> =
        figures.alerts.iter().map(|a| alert_view(a, None)).collect();
    alerts.sort_by_key(|a| !a.serious);
    PlanSection {
        anchor: anchor(plan),
        id: plan.id.to_string(),
        activity: &plan.activity,
        job_no: plan.job_no.as_deref(),
        project: plan.project.as_deref(),
        summary: plan_summary(figures),
        month: month_row(year, &figures.months, month),
        detail: detailed.then(|| PlanDetail {
            s_curve: compact(charts::s_curve(
                "ผลการเบิกจ่ายสะสมเทียบแผนและเป้าหมาย",
                &figures.months,
                plan.id.fiscal_year,
            )),
            budget_chart: compact(charts::budget(plan, figures)),
            budget: budget_rows(plan, figures),
            tasks: task_rows(plan, figures),
            kpis: kpi_rows(plan, figures),
        }),
        progress: progress_counts(figures),
        alerts,
        entry: entry.map(|e| MonthEntry {
            reported_on: e.reported_on.map(|d| d.to_string()),
            narrative: e
                .narrative
                .as_ref()
                .map(|t| markdown::to_standalone_html(&t.text())),
            problems: e
                .problems
                .as_ref()
                .map(|t| markdown::to_standalone_html(&t.text())),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_drops_only_restated_defaults() {
        let svg = "<svg>\n<text x=\"1\" font-family=\"Sarabun, sans-serif\" opacity=\"1\">\nก opacity=&quot;1&quot; &gt;\n</text>\n<rect opacity=\"0.5\"/>\n</svg>\n".to_string();
        assert_eq!(
            compact(svg),
            "<svg><text x=\"1\">ก opacity=&quot;1&quot; &gt;</text><rect opacity=\"0.5\"/></svg>"
        );
    }
}

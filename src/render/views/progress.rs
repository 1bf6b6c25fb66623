//! `<fy>/plans/<office>/<plan>/index.html`: one plan's progress as of the month: budget tree,
//! monthly series, tasks, KPIs, events, alerts and each month's narrative and problems.

use super::SiteContext;
use super::charts::{self, Charts};
use super::common::{
    AlertView, Crumb, Layout, MonthRow, Summary, alert_view, clamp_percent, month_rows,
    plan_summary,
};
use crate::compute::alerts::EVALUATION_DAYS;
use crate::compute::{PlanFigures, YearFigures};
use crate::export::{money, quantity};
use crate::model::{Direction, Plan};
use crate::render::markdown;
use crate::render::paths::{self as p, GroupKind};
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize)]
pub struct PlanView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub fiscal_year: i32,
    pub as_of: String,
    pub plan: PlanHead<'a>,
    pub summary: Summary,
    pub budget: Vec<BudgetRow<'a>>,
    pub revisions: Vec<RevisionRow<'a>>,
    pub months: Vec<MonthRow>,
    pub tasks: Vec<TaskRow<'a>>,
    pub kpis: Vec<KpiRow<'a>>,
    pub events: Vec<EventRow<'a>>,
    pub alerts: Vec<AlertView<'a>>,
    /// Latest month first.
    pub entries: Vec<EntryView>,
    pub charts: Charts,
}

#[derive(Serialize)]
pub struct PlanHead<'a> {
    pub id: String,
    pub activity: &'a str,
    pub office: &'a str,
    pub office_href: String,
    pub job_no: Option<&'a str>,
    pub department: &'a str,
    pub ministry: &'a str,
    pub prepared_by: Option<&'a str>,
    pub program: Option<GroupRef<'a>>,
    pub project: Option<GroupRef<'a>>,
    pub strategy: Option<GroupRef<'a>>,
    pub master_plan: Option<&'a str>,
    pub sub_plans: Vec<&'a str>,
    pub objectives: Vec<&'a str>,
    /// The printable plan document (written by the document stage).
    pub document: String,
    /// Its PDF, when the build prints them (`build --pdf`).
    pub document_pdf: Option<DocumentPdf>,
    pub data_json: String,
    pub data_csv: String,
}

/// A plan document's PDF: where it is, and the name to save it as.
#[derive(Serialize)]
pub struct DocumentPdf {
    pub href: String,
    pub file_name: String,
}

#[derive(Serialize)]
pub struct GroupRef<'a> {
    pub name: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct BudgetRow<'a> {
    pub name: &'a str,
    pub depth: usize,
    pub leaf: bool,
    pub flexible: bool,
    pub note: Option<&'a str>,
    pub details: Vec<&'a str>,
    pub original: String,
    pub allocation: String,
    /// allocation - original, when revisions changed it.
    pub revision: Option<String>,
    pub disbursed: String,
    pub committed: String,
    pub remaining: String,
    pub rate: String,
    /// Against the allotment received, where the plan reports it.
    pub of_received: Option<super::common::OfReceivedView>,
    pub over: bool,
}

#[derive(Serialize)]
pub struct RevisionRow<'a> {
    pub date: String,
    pub reference: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub changes: Vec<Change<'a>>,
}

#[derive(Serialize)]
pub struct Change<'a> {
    pub name: &'a str,
    pub amount: String,
}

#[derive(Serialize)]
pub struct TaskRow<'a> {
    pub name: &'a str,
    pub unit: &'a str,
    pub target: String,
    pub planned: String,
    pub done: String,
    pub percent: String,
    pub bar: String,
    pub late: bool,
    /// Planned quantity by month (the action plan).
    pub schedule: Vec<Scheduled>,
}

#[derive(Serialize)]
pub struct Scheduled {
    pub month: String,
    pub quantity: String,
}

#[derive(Serialize)]
pub struct KpiRow<'a> {
    pub name: &'a str,
    pub unit: &'a str,
    pub target: String,
    pub at_most: bool,
    pub value: Option<String>,
    pub reported_in: Option<String>,
    pub achieved: bool,
    pub achievement: Option<String>,
    /// The achievement clamped to 0..100, for bars.
    pub bar: Option<String>,
    pub strategy: bool,
}

#[derive(Serialize)]
pub struct EventRow<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub ended_on: String,
    pub participants: Option<String>,
    pub evaluated_on: Option<String>,
    pub evaluation_due: Option<String>,
    /// Not evaluated and past the 60 days as of the month's end.
    pub overdue: bool,
}

#[derive(Serialize)]
pub struct EntryView {
    pub month: String,
    pub reported_on: Option<String>,
    pub report: String,
    /// Sanitised HTML.
    pub narrative: Option<String>,
    pub problems: Option<String>,
}

pub fn plan_page<'a>(
    ctx: &'a SiteContext<'a>,
    year: &'a YearFigures,
    position: usize,
) -> PlanView<'a> {
    let (plan, figures) = ctx.plan(year, position);
    let mut crumbs = super::year_crumbs(year);
    crumbs.push(Crumb::new(
        plan.office_name.to_string(),
        p::office(year.year, &plan.id.office),
    ));
    PlanView {
        layout: ctx.layout(
            p::plan(&plan.id),
            plan.activity.to_string(),
            "plans",
            crumbs,
        ),
        fiscal_year: year.year.0,
        as_of: figures.as_of.to_string(),
        plan: head(ctx, year, plan),
        summary: plan_summary(figures),
        budget: budget_rows(plan, figures),
        revisions: revision_rows(plan),
        months: month_rows(year, &figures.months),
        tasks: task_rows(plan, figures),
        kpis: kpi_rows(plan, figures),
        events: event_rows(plan, figures),
        alerts: figures.alerts.iter().map(|a| alert_view(a, None)).collect(),
        entries: plan
            .entries
            .iter()
            .rev()
            .filter(|e| e.month <= figures.as_of)
            .map(|e| EntryView {
                month: e.month.to_string(),
                reported_on: e.reported_on.map(|d| d.to_string()),
                report: p::report(year.year, e.month),
                narrative: e.narrative.as_ref().map(|t| markdown::to_html(&t.text())),
                problems: e.problems.as_ref().map(|t| markdown::to_html(&t.text())),
            })
            .collect(),
        charts: charts::plan(plan, figures),
    }
}

fn head<'a>(ctx: &SiteContext<'a>, year: &YearFigures, plan: &'a Plan) -> PlanHead<'a> {
    let group = |kind: GroupKind, name: &'a Option<Arc<str>>| {
        name.as_deref().map(|n| GroupRef {
            name: n,
            href: ctx.group_href(year.year, kind, n),
        })
    };
    PlanHead {
        id: plan.id.to_string(),
        activity: &plan.activity,
        office: &plan.office_name,
        office_href: p::office(year.year, &plan.id.office),
        job_no: plan.job_no.as_deref(),
        department: &plan.department,
        ministry: &plan.ministry,
        prepared_by: plan.prepared_by.as_deref(),
        program: group(GroupKind::Program, &plan.program),
        project: group(GroupKind::Project, &plan.project),
        strategy: group(GroupKind::Strategy, &plan.strategy.national),
        master_plan: plan.strategy.master_plan.as_deref(),
        sub_plans: plan.strategy.sub_plans.iter().map(|s| &*s.name).collect(),
        objectives: plan.objectives.iter().map(|o| &**o).collect(),
        document: p::plan_document(&plan.id),
        document_pdf: ctx.pdf_links.then(|| DocumentPdf {
            href: p::plan_document_pdf(&plan.id),
            file_name: p::pdf_file_name(&plan.id),
        }),
        data_json: crate::export::plan_json_path(&plan.id),
        data_csv: crate::export::plan_csv_path(&plan.id),
    }
}

pub fn budget_rows<'a>(plan: &'a Plan, figures: &PlanFigures) -> Vec<BudgetRow<'a>> {
    plan.budget
        .nodes
        .iter()
        .zip(&figures.nodes)
        .enumerate()
        .map(|(index, (node, f))| {
            let change = f.allocation - f.original_allocation;
            BudgetRow {
                name: &node.name,
                depth: node.depth,
                leaf: node.is_leaf(),
                flexible: node.flexible,
                note: node.note.as_deref(),
                details: node.details.iter().map(|d| &**d).collect(),
                original: money(f.original_allocation),
                allocation: money(f.allocation),
                revision: (!change.is_zero()).then(|| money(change)),
                disbursed: money(f.disbursed),
                committed: money(f.committed),
                remaining: money(f.remaining()),
                rate: money(f.disbursement_rate()),
                of_received: super::common::of_received_view(figures.node_of_received(index)),
                over: f.spent() > f.allocation,
            }
        })
        .collect()
}

fn revision_rows(plan: &Plan) -> Vec<RevisionRow<'_>> {
    plan.revisions
        .iter()
        .map(|r| RevisionRow {
            date: r.date.to_string(),
            reference: r.reference.as_deref(),
            reason: r.reason.as_deref(),
            changes: r
                .changes
                .iter()
                .map(|&(node, amount)| Change {
                    name: &plan.budget.nodes[node].name,
                    amount: money(amount),
                })
                .collect(),
        })
        .collect()
}

pub fn task_rows<'a>(plan: &'a Plan, figures: &PlanFigures) -> Vec<TaskRow<'a>> {
    figures
        .tasks
        .iter()
        .map(|t| {
            let task = &plan.tasks[t.index];
            TaskRow {
                name: &task.name,
                unit: &task.unit,
                target: quantity(task.target),
                planned: quantity(t.planned_by_now),
                done: quantity(t.done),
                percent: money(t.percent),
                bar: money(clamp_percent(t.percent)),
                late: t.late,
                schedule: task
                    .schedule
                    .iter()
                    .map(|(m, q)| Scheduled {
                        month: m.to_string(),
                        quantity: quantity(*q),
                    })
                    .collect(),
            }
        })
        .collect()
}

pub fn kpi_rows<'a>(plan: &'a Plan, figures: &PlanFigures) -> Vec<KpiRow<'a>> {
    plan.all_kpis()
        .zip(&figures.kpis)
        .map(|(kpi, f)| KpiRow {
            name: &kpi.name,
            unit: &kpi.unit,
            target: quantity(kpi.target),
            at_most: kpi.direction == Direction::AtMost,
            value: f.value.map(quantity),
            reported_in: f.reported_in.map(|m| m.to_string()),
            achieved: f.achieved,
            achievement: f.achievement.map(money),
            bar: f.achievement.map(|a| money(clamp_percent(a))),
            strategy: f.strategy,
        })
        .collect()
}

fn event_rows<'a>(plan: &'a Plan, figures: &PlanFigures) -> Vec<EventRow<'a>> {
    plan.entries
        .iter()
        .filter(|e| e.month <= figures.as_of)
        .flat_map(|e| e.events.iter())
        .map(|e| {
            let due = e.ended_on.add_days(EVALUATION_DAYS);
            EventRow {
                name: &e.name,
                kind: e.kind.as_str(),
                ended_on: e.ended_on.to_string(),
                participants: e.participants.map(quantity),
                evaluated_on: e.evaluated_on.map(|d| d.to_string()),
                evaluation_due: e.kind.needs_evaluation().then(|| due.to_string()),
                overdue: e.kind.needs_evaluation()
                    && e.evaluated_on.is_none()
                    && figures.as_of.last_day() > due,
            }
        })
        .collect()
}

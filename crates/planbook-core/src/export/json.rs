//! The JSON export: one file per plan, a `summary.json` per fiscal year, and an index.

use super::{money, quantity};
use crate::compute::alerts::Alert;
use crate::compute::series::MonthFigures;
use crate::compute::targets::TargetFigures;
use crate::compute::{Amounts, OfReceived, PlanFigures, RollUp, YearFigures};
use crate::model::{BudgetTree, Plan};
use serde::Serialize;
use serde_json::value::RawValue;

#[derive(Serialize)]
pub struct MoneyFields {
    pub allocation: String,
    pub original_allocation: String,
    /// `null` where no plan in scope reports `received` (shown as "–").
    pub received: Option<String>,
    pub disbursed: String,
    pub committed: String,
    pub spent: String,
    pub remaining: String,
    pub disbursement_rate: String,
    pub spent_rate: String,
    #[serde(flatten)]
    pub of_received: OfReceivedFields,
}

impl MoneyFields {
    /// The money of `a`, and its figures against received where `of_received` is given.
    pub fn new(a: &Amounts, of_received: Option<&OfReceived>) -> MoneyFields {
        MoneyFields {
            allocation: money(a.allocation),
            original_allocation: money(a.original_allocation),
            received: of_received.map(|r| money(r.received)),
            disbursed: money(a.disbursed),
            committed: money(a.committed),
            spent: money(a.spent()),
            remaining: money(a.remaining()),
            disbursement_rate: money(a.disbursement_rate()),
            spent_rate: money(a.spent_rate()),
            of_received: OfReceivedFields::new(of_received),
        }
    }
}

/// The figures against the allotment received, `null` where no plan in scope reports it.
/// Over the plans that do: roll-ups leave the others out.
#[derive(Serialize)]
pub struct OfReceivedFields {
    pub remaining_of_received: Option<String>,
    pub spent_rate_of_received: Option<String>,
    pub disbursement_rate_of_received: Option<String>,
}

impl OfReceivedFields {
    pub fn new(of_received: Option<&OfReceived>) -> OfReceivedFields {
        OfReceivedFields {
            remaining_of_received: of_received.map(|r| money(r.remaining_of_received())),
            spent_rate_of_received: of_received.map(|r| money(r.spent_rate_of_received())),
            disbursement_rate_of_received: of_received
                .map(|r| money(r.disbursement_rate_of_received())),
        }
    }
}

#[derive(Serialize)]
pub struct TargetFields {
    pub budget_class: &'static str,
    pub status: &'static str,
    pub quarter_target: Option<String>,
    pub target_gap: Option<String>,
    pub spending_target: Option<String>,
    pub spending_gap: Option<String>,
    pub planned: Option<String>,
}

impl TargetFields {
    fn new(
        class: crate::model::BudgetClass,
        t: &TargetFigures,
        planned: Option<rust_decimal::Decimal>,
    ) -> Self {
        TargetFields {
            budget_class: class.as_str(),
            status: t.status.as_str(),
            quarter_target: t.quarter_target.map(money),
            target_gap: t.target_gap.map(money),
            spending_target: t.spending_target.map(money),
            spending_gap: t.spending_gap.map(money),
            planned: planned.map(money),
        }
    }
}

#[derive(Serialize)]
struct MonthJson {
    month: String,
    /// `null` when no entry of the month was filed (not reported is not zero).
    disbursed: Option<String>,
    disbursed_cumulative: String,
    allocation: String,
    rate: String,
    planned_cumulative: Option<String>,
    target_rate: Option<String>,
    /// Cumulative received, where the plans in scope report it by this month.
    received: Option<String>,
    #[serde(flatten)]
    of_received: OfReceivedFields,
}

fn months(series: &[MonthFigures]) -> Vec<MonthJson> {
    series
        .iter()
        .map(|m| MonthJson {
            month: m.month.to_string(),
            disbursed: m.reported_disbursed().map(money),
            disbursed_cumulative: money(m.disbursed_cumulative),
            allocation: money(m.allocation),
            rate: money(m.rate()),
            planned_cumulative: m.planned_cumulative.map(money),
            target_rate: m.target_rate.map(money),
            received: m.of_received.map(|r| money(r.received)),
            of_received: OfReceivedFields::new(m.of_received.as_ref()),
        })
        .collect()
}

#[derive(Serialize)]
struct NodeJson<'a> {
    id: &'a str,
    name: &'a str,
    /// GFMIS budget code, shown after the name.
    code: Option<&'a str>,
    #[serde(rename = "type")]
    budget_type: &'static str,
    flexible: bool,
    #[serde(flatten)]
    money: MoneyFields,
    items: Vec<NodeJson<'a>>,
}

fn node_json<'a>(tree: &'a BudgetTree, figures: &PlanFigures, index: usize) -> NodeJson<'a> {
    let node = &tree.nodes[index];
    NodeJson {
        id: &node.id,
        name: &node.name,
        code: node.code.as_deref(),
        budget_type: node.budget_type.as_str(),
        flexible: node.flexible,
        money: MoneyFields::new(
            &figures.nodes[index],
            figures.node_of_received(index).as_ref(),
        ),
        items: node
            .children
            .iter()
            .map(|&c| node_json(tree, figures, c))
            .collect(),
    }
}

#[derive(Serialize)]
struct TaskJson<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    target: String,
    done: String,
    percent: String,
    planned_by_now: String,
    late: bool,
}

#[derive(Serialize)]
struct KpiJson<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    direction: &'static str,
    target: String,
    value: Option<String>,
    reported_in: Option<String>,
    achieved: bool,
    achievement: Option<String>,
}

#[derive(Serialize)]
pub struct AlertJson<'a> {
    kind: &'static str,
    message: &'a str,
    subject: Option<&'a str>,
}

pub fn alerts_json(alerts: &[Alert]) -> Vec<AlertJson<'_>> {
    alerts
        .iter()
        .map(|a| AlertJson {
            kind: a.kind.as_str(),
            message: &a.message,
            subject: a.subject.as_deref(),
        })
        .collect()
}

#[derive(Serialize)]
struct PlanJson<'a> {
    id: String,
    fiscal_year: i32,
    as_of: String,
    office: &'a str,
    office_name: &'a str,
    activity: &'a str,
    activity_code: Option<&'a str>,
    project: Option<&'a str>,
    program: Option<&'a str>,
    program_code: Option<&'a str>,
    #[serde(flatten)]
    money: MoneyFields,
    #[serde(flatten)]
    target: TargetFields,
    budget: Vec<NodeJson<'a>>,
    months: Vec<MonthJson>,
    tasks: Vec<TaskJson<'a>>,
    kpis: Vec<KpiJson<'a>>,
    strategy_kpis: Vec<KpiJson<'a>>,
    alerts: Vec<AlertJson<'a>>,
}

/// `data/<fy>/plans/<office>/<plan>.json`
pub fn plan_json(plan: &Plan, figures: &PlanFigures) -> String {
    let kpi_json = |strategy: bool| {
        plan.all_kpis()
            .zip(&figures.kpis)
            .filter(|(_, f)| f.strategy == strategy)
            .map(|(k, f)| KpiJson {
                id: &k.id,
                name: &k.name,
                unit: &k.unit,
                direction: match k.direction {
                    crate::model::Direction::AtLeast => "at_least",
                    crate::model::Direction::AtMost => "at_most",
                },
                target: quantity(k.target),
                value: f.value.map(quantity),
                reported_in: f.reported_in.map(|m| m.to_string()),
                achieved: f.achieved,
                achievement: f.achievement.map(money),
            })
            .collect::<Vec<_>>()
    };
    let view = PlanJson {
        id: plan.id.to_string(),
        fiscal_year: plan.id.fiscal_year.0,
        as_of: figures.as_of.to_string(),
        office: &plan.id.office,
        office_name: &plan.office_name,
        activity: &plan.activity,
        activity_code: plan.activity_code.as_deref(),
        project: plan.project.as_deref(),
        program: plan.program.as_deref(),
        program_code: plan.program_code.as_deref(),
        money: MoneyFields::new(&figures.totals, figures.of_received.as_ref()),
        target: TargetFields::new(figures.class, &figures.target, figures.planned),
        budget: plan
            .budget
            .roots()
            .map(|r| node_json(&plan.budget, figures, r))
            .collect(),
        months: months(&figures.months),
        tasks: plan
            .tasks
            .iter()
            .zip(&figures.tasks)
            .map(|(t, f)| TaskJson {
                id: &t.id,
                name: &t.name,
                unit: &t.unit,
                target: quantity(t.target),
                done: quantity(f.done),
                percent: money(f.percent),
                planned_by_now: quantity(f.planned_by_now),
                late: f.late,
            })
            .collect(),
        kpis: kpi_json(false),
        strategy_kpis: kpi_json(true),
        alerts: alerts_json(&figures.alerts),
    };
    to_json(&view)
}

#[derive(Serialize)]
struct RollUpJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    id: &'a str,
    name: &'a str,
    /// The budget code of a program, where its plans give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    plan_count: usize,
    alert_count: usize,
    #[serde(flatten)]
    money: MoneyFields,
    #[serde(flatten)]
    target: TargetFields,
}

fn roll_up_json<'a>(rank: Option<usize>, r: &'a RollUp, code: Option<&'a str>) -> RollUpJson<'a> {
    RollUpJson {
        rank,
        id: &r.key,
        name: &r.name,
        code,
        plan_count: r.plans.len(),
        alert_count: r.alert_count,
        money: MoneyFields::new(&r.totals, r.of_received.as_ref()),
        target: TargetFields::new(r.class, &r.target, r.planned),
    }
}

#[derive(Serialize)]
struct PlanRowJson<'a> {
    id: String,
    office: &'a str,
    activity: &'a str,
    activity_code: Option<&'a str>,
    data: String,
    status: &'static str,
    alert_count: usize,
    #[serde(flatten)]
    money: MoneyFields,
}

/// A plan's object in `summary.json`'s `plans`, as that file holds it.
pub fn plan_row_json(plan: &Plan, figures: &PlanFigures) -> Box<RawValue> {
    let row = PlanRowJson {
        id: plan.id.to_string(),
        office: &plan.id.office,
        activity: &plan.activity,
        activity_code: plan.activity_code.as_deref(),
        data: format!("plans/{}/{}.json", plan.id.office, plan.id.activity),
        status: figures.target.status.as_str(),
        alert_count: figures.alerts.len(),
        money: MoneyFields::new(&figures.totals, figures.of_received.as_ref()),
    };
    // Serializing a plain struct of strings, numbers and bools cannot fail.
    serde_json::value::to_raw_value(&row).unwrap_or_else(|_| RawValue::NULL.to_owned())
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    fiscal_year: i32,
    as_of: String,
    plan_count: usize,
    office_count: usize,
    #[serde(flatten)]
    money: MoneyFields,
    #[serde(flatten)]
    target: TargetFields,
    months: Vec<MonthJson>,
    offices: Vec<RollUpJson<'a>>,
    projects: Vec<RollUpJson<'a>>,
    programs: Vec<RollUpJson<'a>>,
    strategies: Vec<RollUpJson<'a>>,
    plans: &'a [Box<RawValue>],
}

/// `data/<fy>/summary.json`: the year's roll-ups, then `rows`, each plan's object as
/// [`plan_row_json`] made it, in the order of the year's plans.
pub fn summary_json(plans: &[Plan], year: &YearFigures, rows: &[Box<RawValue>]) -> String {
    let total = &year.total;
    let view = SummaryJson {
        fiscal_year: year.year.0,
        as_of: year.as_of.to_string(),
        plan_count: year.plans.len(),
        office_count: year.offices.len(),
        money: MoneyFields::new(&total.totals, total.of_received.as_ref()),
        target: TargetFields::new(total.class, &total.target, total.planned),
        months: months(&total.months),
        offices: year
            .offices
            .iter()
            .map(|(rank, r)| roll_up_json(Some(*rank), r, None))
            .collect(),
        projects: year
            .by_project
            .iter()
            .map(|r| roll_up_json(None, r, None))
            .collect(),
        programs: year
            .by_program
            .iter()
            .map(|r| roll_up_json(None, r, program_code(plans, year, r)))
            .collect(),
        strategies: year
            .by_strategy
            .iter()
            .map(|r| roll_up_json(None, r, None))
            .collect(),
        plans: rows,
    };
    to_json(&view)
}

/// A program's budget code: the first its plans give.
pub fn program_code<'a>(
    plans: &'a [Plan],
    year: &YearFigures,
    program: &RollUp,
) -> Option<&'a str> {
    program
        .plans
        .iter()
        .filter_map(|&position| plans[year.plan_indices[position]].program_code.as_deref())
        .next()
}

#[derive(Serialize)]
struct IndexYear {
    fiscal_year: i32,
    as_of: String,
    summary: String,
}

/// `data/index.json`: the years exported.
pub fn index_json(years: &[YearFigures]) -> String {
    let view: Vec<IndexYear> = years
        .iter()
        .map(|y| IndexYear {
            fiscal_year: y.year.0,
            as_of: y.as_of.to_string(),
            summary: format!("{}/summary.json", y.year),
        })
        .collect();
    to_json(&serde_json::json!({ "years": view }))
}

/// Compact JSON, one line and a newline: the files are read by tools, not by hand, and the
/// indentation of the pretty form was a third of their bytes.
fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings, numbers and bools cannot fail.
    let mut text = serde_json::to_string(value).unwrap_or_default();
    text.push('\n');
    text
}

//! Every figure of one plan as of a month.

use super::alerts::{Alert, AlertInputs, alerts};
use super::amounts::{Amounts, OfReceived};
use super::budget::{node_amounts, plan_amounts, reports_received};
use super::progress::{KpiFigures, TaskFigures, kpis, tasks};
use super::series::{MonthFigures, plan_series};
use super::targets::{TargetFigures, assess};
use crate::model::{BudgetClass, FiscalYearSettings, Month, Plan};
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub struct PlanFigures {
    pub as_of: Month,
    /// Per budget node, same indices as the plan's tree; each includes its subtree.
    pub nodes: Vec<Amounts>,
    pub totals: Amounts,
    /// The totals against the allotment received, where the plan reports `received`.
    pub of_received: Option<OfReceived>,
    pub class: BudgetClass,
    /// Cumulative spending plan through the as-of month, where the plan has one.
    pub planned: Option<Decimal>,
    pub target: TargetFigures,
    pub months: Vec<MonthFigures>,
    pub tasks: Vec<TaskFigures>,
    pub kpis: Vec<KpiFigures>,
    pub alerts: Vec<Alert>,
    /// The as-of month is not due yet and the plan has not filed it: no status, no late
    /// alert for that month ("ยังไม่ถึงกำหนดส่ง").
    pub pending: bool,
}

impl PlanFigures {
    /// A budget node's figures against the allotment received, where the plan reports it.
    pub fn node_of_received(&self, node: usize) -> Option<OfReceived> {
        self.of_received.map(|_| OfReceived::of(&self.nodes[node]))
    }
}

/// The figures of `plan` as of `as_of`, a month whose deadline has passed.
pub fn plan_figures(plan: &Plan, year: &FiscalYearSettings, as_of: Month) -> PlanFigures {
    plan_figures_when(plan, year, as_of, true)
}

/// The figures of `plan` as of `as_of`; `as_of_due` says whether that month's deadline
/// has passed.
pub fn plan_figures_when(
    plan: &Plan,
    year: &FiscalYearSettings,
    as_of: Month,
    as_of_due: bool,
) -> PlanFigures {
    let pending = !as_of_due && !plan.entries.iter().any(|e| e.month == as_of);
    let nodes = node_amounts(plan, as_of);
    let totals = plan_amounts(plan, &nodes);
    let of_received = reports_received(plan, as_of).then(|| OfReceived::of(&totals));
    let class = plan.budget.class();
    let mut months = plan_series(plan, as_of);
    let mut target = assess(&mut months, class, year, as_of, totals.spent_rate());
    if pending {
        target.set_not_due();
    }
    let planned = months.last().and_then(|m| m.planned_cumulative);
    let tasks = tasks(plan, as_of);
    let kpis = kpis(plan, as_of);
    let mut alerts = alerts(&AlertInputs {
        plan,
        as_of,
        nodes: &nodes,
        totals,
        target: &target,
        tasks: &tasks,
        as_of_due,
        pending,
    });
    // The series is collected from a month range of unknown length; the figures live as
    // long as the build.
    months.shrink_to_fit();
    alerts.shrink_to_fit();
    PlanFigures {
        as_of,
        nodes,
        totals,
        of_received,
        class,
        planned,
        target,
        months,
        tasks,
        kpis,
        alerts,
        pending,
    }
}

//! Tasks against target and schedule, KPIs against target, as of a month.

use super::amounts::percent;
use crate::model::{Direction, Kpi, Month, Plan, Task};
use rust_decimal::Decimal;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFigures {
    pub index: usize,
    pub done: Decimal,
    pub percent: Decimal,
    /// Planned by the schedule through the as-of month.
    pub planned_by_now: Decimal,
    pub late: bool,
}

pub fn tasks(plan: &Plan, as_of: Month) -> Vec<TaskFigures> {
    plan.tasks
        .iter()
        .enumerate()
        .map(|(index, task)| task_figures(plan, index, task, as_of))
        .collect()
}

fn task_figures(plan: &Plan, index: usize, task: &Task, as_of: Month) -> TaskFigures {
    let done: Decimal = plan
        .entries
        .iter()
        .filter(|e| e.month <= as_of)
        .flat_map(|e| e.tasks.iter())
        .filter(|(t, _)| *t == index)
        .map(|(_, q)| *q)
        .sum();
    let planned_by_now: Decimal = task
        .schedule
        .iter()
        .filter(|(m, _)| *m <= as_of)
        .map(|(_, q)| *q)
        .sum();
    TaskFigures {
        index,
        done,
        percent: percent(done, task.target),
        planned_by_now,
        late: planned_by_now > done,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiFigures {
    pub id: Arc<str>,
    /// The latest value reported on or before the as-of month.
    pub value: Option<Decimal>,
    pub reported_in: Option<Month>,
    pub achieved: bool,
    pub achievement: Option<Decimal>,
    /// A national-strategy KPI rather than an activity KPI.
    pub strategy: bool,
}

pub fn kpis(plan: &Plan, as_of: Month) -> Vec<KpiFigures> {
    let strategy_ids: Vec<&str> = plan
        .strategy
        .sub_plans
        .iter()
        .flat_map(|s| s.kpis.iter().map(|k| &*k.id))
        .collect();
    plan.all_kpis()
        .enumerate()
        .map(|(index, kpi)| {
            let latest = plan
                .entries
                .iter()
                .rev()
                .filter(|e| e.month <= as_of)
                .find_map(|e| e.kpi_value(index).map(|v| (v, e.month)));
            let (achieved, achievement) = match latest {
                Some((value, _)) => judge(kpi, value),
                None => (false, None),
            };
            KpiFigures {
                id: kpi.id.clone(),
                value: latest.map(|(v, _)| v),
                reported_in: latest.map(|(_, m)| m),
                achieved,
                achievement,
                strategy: strategy_ids.contains(&&*kpi.id),
            }
        })
        .collect()
}

/// Achieved, and achievement in percent (`docs/spec/figures.md`'s KPI rules).
pub fn judge(kpi: &Kpi, value: Decimal) -> (bool, Option<Decimal>) {
    match kpi.direction {
        Direction::AtLeast => (value >= kpi.target, Some(percent(value, kpi.target))),
        Direction::AtMost if value <= kpi.target => (true, Some(Decimal::ONE_HUNDRED)),
        Direction::AtMost => (false, Some(percent(kpi.target, value))),
    }
}

//! Roll-ups: a fiscal year's plans summed by office, project, program and national strategy,
//! and the offices ranked by disbursement rate.

use super::amounts::Amounts;
use super::plan::PlanFigures;
use super::series::{MonthFigures, add_series};
use super::targets::{TargetFigures, assess};
use crate::model::{BudgetClass, FiscalYearSettings, Month, Plan};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A group of plans and their summed figures.
#[derive(Debug, Clone)]
pub struct RollUp {
    /// Office id, or the group's name for projects, programs and strategies.
    pub key: String,
    /// The display name.
    pub name: String,
    /// Indices into the year's plans.
    pub plans: Vec<usize>,
    pub totals: Amounts,
    pub class: BudgetClass,
    pub planned: Option<Decimal>,
    pub target: TargetFigures,
    pub months: Vec<MonthFigures>,
    pub alert_count: usize,
}

/// Sums the given plans (indices into `plans`/`figures`).
pub fn roll_up(
    key: String,
    name: String,
    members: Vec<usize>,
    figures: &[PlanFigures],
    year: &FiscalYearSettings,
    as_of: Month,
) -> RollUp {
    let totals: Amounts = members.iter().map(|&i| figures[i].totals).sum();
    let class = BudgetClass::combine(members.iter().map(|&i| figures[i].class));
    let mut months: Vec<MonthFigures> = Vec::new();
    for &i in &members {
        add_series(&mut months, &figures[i].months);
    }
    let target = assess(&mut months, class, year, as_of, totals.spent_rate());
    let planned = months.last().and_then(|m| m.planned_cumulative);
    let alert_count = members.iter().map(|&i| figures[i].alerts.len()).sum();
    RollUp {
        key,
        name,
        plans: members,
        totals,
        class,
        planned,
        target,
        months,
        alert_count,
    }
}

/// Groups plan indices by a key; the name is taken from the first plan of each group.
pub fn group_by<'a>(
    plans: &[&'a Plan],
    key: impl Fn(&'a Plan) -> Option<(String, String)>,
) -> Vec<(String, String, Vec<usize>)> {
    let mut groups: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (index, plan) in plans.iter().enumerate() {
        if let Some((k, name)) = key(plan) {
            groups
                .entry(k)
                .or_insert_with(|| (name, Vec::new()))
                .1
                .push(index);
        }
    }
    groups
        .into_iter()
        .map(|(k, (name, members))| (k, name, members))
        .collect()
}

/// Ranks by disbursement rate, highest first, ties by key. Returns (rank, roll-up).
pub fn rank(mut offices: Vec<RollUp>) -> Vec<(usize, RollUp)> {
    offices.sort_by(|a, b| {
        b.totals
            .disbursement_rate()
            .cmp(&a.totals.disbursement_rate())
            .then_with(|| a.key.cmp(&b.key))
    });
    offices
        .into_iter()
        .enumerate()
        .map(|(i, office)| (i + 1, office))
        .collect()
}

//! Roll-ups: a fiscal year's plans summed by office, project, program and national strategy,
//! and the offices ranked by disbursement rate.

use super::amounts::{Amounts, OfReceived, add_of_received};
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
    /// The totals against the allotment received, over the plans that report `received`
    /// (none of them: `None`).
    pub of_received: Option<OfReceived>,
    /// How many of its plans report `received` (the others are left out of `of_received`).
    pub received_plans: usize,
    pub class: BudgetClass,
    pub planned: Option<Decimal>,
    pub target: TargetFigures,
    pub months: Vec<MonthFigures>,
    pub alert_count: usize,
    /// Member plans that have not filed the as-of month before its deadline; while any
    /// has not, the roll-up is not judged against its target.
    pub pending_plans: usize,
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
    let parts = members.iter().map(|&i| {
        let plan = &figures[i];
        (
            plan.totals,
            plan.of_received,
            usize::from(plan.of_received.is_some()),
            plan.class,
            plan.months.as_slice(),
            plan.alerts.len(),
            usize::from(plan.pending),
        )
    });
    sum_parts(key, name, members.clone(), parts, year, as_of)
}

/// Sums roll-ups that split `members` between them (a year's offices) into one: the same
/// figures as [`roll_up`] over the plans (sums of decimals are exact, in any order), from
/// a few dozen parts instead of thousands of plans.
pub fn roll_up_parts(
    key: String,
    name: String,
    members: Vec<usize>,
    parts: &[RollUp],
    year: &FiscalYearSettings,
    as_of: Month,
) -> RollUp {
    let parts = parts.iter().map(|r| {
        (
            r.totals,
            r.of_received,
            r.received_plans,
            r.class,
            r.months.as_slice(),
            r.alert_count,
            r.pending_plans,
        )
    });
    sum_parts(key, name, members, parts, year, as_of)
}

/// The roll-up of parts given as (totals, figures against received, plans reporting
/// received, class, monthly series, alerts, pending plans).
fn sum_parts<'a>(
    key: String,
    name: String,
    members: Vec<usize>,
    parts: impl Iterator<
        Item = (
            Amounts,
            Option<OfReceived>,
            usize,
            BudgetClass,
            &'a [MonthFigures],
            usize,
            usize,
        ),
    >,
    year: &FiscalYearSettings,
    as_of: Month,
) -> RollUp {
    let mut totals = Amounts::default();
    let mut of_received = None;
    let mut received_plans = 0;
    let mut classes = Vec::new();
    let mut months: Vec<MonthFigures> = Vec::new();
    let mut alert_count = 0;
    let mut pending_plans = 0;
    for (part_totals, part_of_received, part_received_plans, class, series, alerts, pending) in
        parts
    {
        pending_plans += pending;
        totals += part_totals;
        add_of_received(&mut of_received, part_of_received);
        received_plans += part_received_plans;
        classes.push(class);
        add_series(&mut months, series);
        alert_count += alerts;
    }
    let class = BudgetClass::combine(classes);
    let mut target = assess(&mut months, class, year, as_of, totals.spent_rate());
    if pending_plans > 0 {
        target.set_not_due();
    }
    let planned = months.last().and_then(|m| m.planned_cumulative);
    RollUp {
        key,
        name,
        plans: members,
        totals,
        of_received,
        received_plans,
        class,
        planned,
        target,
        months,
        alert_count,
        pending_plans,
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

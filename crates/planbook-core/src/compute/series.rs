//! The monthly series of a plan or roll-up: disbursed per month, cumulative, rate, plan line.

use super::amounts::{OfReceived, add_of_received, percent};
use crate::model::{FiscalYear, Month, Plan};
use rust_decimal::Decimal;

/// One month of the fiscal year, up to the as-of month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonthFigures {
    pub month: Month,
    /// Disbursed in this month, adjustments included (0 when not reported).
    pub disbursed: Decimal,
    /// Whether a progress entry of this month exists (for a roll-up: any member's). A
    /// month not reported has no flows of its own; its cumulative figures stand.
    pub reported: bool,
    pub disbursed_cumulative: Decimal,
    /// The allocation as of the as-of month (every figure is "as of A", the series too).
    pub allocation: Decimal,
    /// Cumulative spending plan through this month, where there is one.
    pub planned_cumulative: Option<Decimal>,
    /// The disbursement target for this month (quarter steps, or monthly values).
    pub target_rate: Option<Decimal>,
    /// Cumulative received, disbursed and the committed stock at this month's end, over the
    /// plans that report `received` by this month (none: `None`).
    pub of_received: Option<OfReceived>,
}

impl MonthFigures {
    /// Cumulative disbursed / allocation as of A × 100.
    pub fn rate(&self) -> Decimal {
        percent(self.disbursed_cumulative, self.allocation)
    }

    /// Disbursed in this month, or `None` when nothing was reported (not the same as 0).
    pub fn reported_disbursed(&self) -> Option<Decimal> {
        self.reported.then_some(self.disbursed)
    }

    pub fn planned_rate(&self) -> Option<Decimal> {
        self.planned_cumulative
            .map(|planned| percent(planned, self.allocation))
    }
}

/// The months of `year` from October through `as_of`.
pub fn months_through(year: FiscalYear, as_of: Month) -> impl Iterator<Item = Month> {
    year.months().take_while(move |m| *m <= as_of)
}

/// The plan's series from October through `as_of` (target lines are added by the caller).
pub fn plan_series(plan: &Plan, as_of: Month) -> Vec<MonthFigures> {
    let as_of_end = as_of.last_day();
    let allocation = plan.budget.original_total()
        + plan
            .revisions
            .iter()
            .filter(|r| r.date <= as_of_end)
            .flat_map(|r| r.changes.iter().map(|(_, c)| *c))
            .sum::<Decimal>();
    let has_spending_plan = !plan.spending_plan.is_empty();
    let mut cumulative = Decimal::ZERO;
    let mut planned = Decimal::ZERO;
    let mut received = ReceivedSoFar::new(plan);
    months_through(plan.id.fiscal_year, as_of)
        .map(|month| {
            let reported = plan.entries.iter().any(|e| e.month == month);
            let disbursed: Decimal = plan
                .entries
                .iter()
                .filter(|e| e.month == month)
                .map(|e| {
                    e.disbursed.iter().map(|d| d.amount).sum::<Decimal>()
                        + e.adjustments.iter().map(|a| a.amount).sum::<Decimal>()
                })
                .sum();
            cumulative += disbursed;
            planned += plan
                .spending_plan
                .iter()
                .filter(|(m, _)| *m == month)
                .map(|(_, a)| *a)
                .sum::<Decimal>();
            MonthFigures {
                month,
                disbursed,
                reported,
                disbursed_cumulative: cumulative,
                allocation,
                planned_cumulative: has_spending_plan.then_some(planned),
                target_rate: None,
                of_received: received.through(plan, month, cumulative),
            }
        })
        .collect()
}

/// Received and committed month by month, for the series against the allotment received.
struct ReceivedSoFar {
    /// Whether any entry reports `received` (else nothing is tracked).
    tracked: bool,
    reported: bool,
    received: Decimal,
    /// The committed stock standing at each budget node.
    committed: Vec<Decimal>,
}

impl ReceivedSoFar {
    fn new(plan: &Plan) -> ReceivedSoFar {
        let tracked = plan.entries.iter().any(|e| !e.received.is_empty());
        ReceivedSoFar {
            tracked,
            reported: false,
            received: Decimal::ZERO,
            committed: if tracked {
                vec![Decimal::ZERO; plan.budget.nodes.len()]
            } else {
                Vec::new()
            },
        }
    }

    /// Takes in `month`'s entry; the figures at its end, once the plan reports `received`.
    fn through(
        &mut self,
        plan: &Plan,
        month: Month,
        disbursed_cumulative: Decimal,
    ) -> Option<OfReceived> {
        if !self.tracked {
            return None;
        }
        for entry in plan.entries.iter().filter(|e| e.month == month) {
            self.reported |= !entry.received.is_empty();
            self.received += entry.received.iter().map(|r| r.amount).sum::<Decimal>();
            for stock in &entry.committed {
                self.committed[stock.node] = stock.amount;
            }
        }
        self.reported.then(|| OfReceived {
            received: self.received,
            disbursed: disbursed_cumulative,
            committed: self.committed.iter().sum(),
        })
    }
}

/// Adds series month by month (roll-ups). A plan line is summed over the parts that have one.
pub fn add_series(into: &mut Vec<MonthFigures>, other: &[MonthFigures]) {
    if into.is_empty() {
        into.extend_from_slice(other);
        return;
    }
    for (sum, part) in into.iter_mut().zip(other) {
        sum.disbursed += part.disbursed;
        sum.reported |= part.reported;
        sum.disbursed_cumulative += part.disbursed_cumulative;
        sum.allocation += part.allocation;
        sum.planned_cumulative = match (sum.planned_cumulative, part.planned_cumulative) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        add_of_received(&mut sum.of_received, part.of_received);
    }
}

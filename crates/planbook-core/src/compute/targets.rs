//! Progress against the cabinet's disbursement targets: quarter target, gap, behind / at risk.

use super::series::MonthFigures;
use crate::model::{BudgetClass, FiscalYearSettings, Month, TargetCurve};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// At or above the target line.
    OnTrack,
    /// Within the current quarter, below the straight line to this quarter's target.
    AtRisk,
    /// Below the target at the end of the latest completed quarter.
    Behind,
    /// The fiscal year sets no target for this class.
    NoTarget,
    /// The as-of month's entry is not due yet and has not been filed (ยังไม่ถึงกำหนดส่ง).
    NotDue,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
            Status::NoTarget => "no_target",
            Status::NotDue => "not_due",
        }
    }
}

/// Where a plan or roll-up stands against its targets as of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetFigures {
    pub status: Status,
    /// The disbursement target for the as-of month (its quarter's, or its month's).
    pub quarter_target: Option<Decimal>,
    /// disbursement_rate - quarter_target, in percentage points.
    pub target_gap: Option<Decimal>,
    /// The latest completed quarter (1..=4) and its gap then, when it ended behind and the
    /// rate has not reached that quarter's target since.
    pub behind_quarter: Option<(usize, Decimal)>,
    /// The straight-line target for the as-of month and the rate's gap to it, when at risk.
    pub at_risk_line: Option<(Decimal, Decimal)>,
    pub spending_target: Option<Decimal>,
    pub spending_gap: Option<Decimal>,
    /// Inside a quarter, the straight-line target for the as-of month that the status is
    /// judged by (the gap is to the quarter-end target).
    pub line: Option<Decimal>,
}

impl TargetFigures {
    /// Not judged: the as-of month is not due and not filed by all. The target and gap stay
    /// shown for reference.
    pub fn set_not_due(&mut self) {
        self.status = Status::NotDue;
        self.behind_quarter = None;
        self.at_risk_line = None;
    }
}

/// Fills each month's target line and measures the rate at `as_of` against the targets.
pub fn assess(
    months: &mut [MonthFigures],
    class: BudgetClass,
    year: &FiscalYearSettings,
    as_of: Month,
    spent_rate: Decimal,
) -> TargetFigures {
    let curve = year.disbursement_targets.curve(class);
    for m in months.iter_mut() {
        m.target_rate = curve.map(|c| c.at(m.month));
    }
    let spending_target = year.spending_targets.curve(class).map(|c| c.at(as_of));
    let spending_gap = spending_target.map(|t| spent_rate - t);
    let Some(curve) = curve else {
        return TargetFigures {
            status: Status::NoTarget,
            quarter_target: None,
            target_gap: None,
            behind_quarter: None,
            at_risk_line: None,
            spending_target,
            spending_gap,
            line: None,
        };
    };
    let rate_at = |month: Month| {
        months
            .iter()
            .find(|m| m.month == month)
            .map_or(Decimal::ZERO, MonthFigures::rate)
    };
    let rate = rate_at(as_of);
    let quarter_target = curve.at(as_of);
    // Behind: below target at the latest quarter end, and not caught up with it since.
    let behind_quarter = latest_completed_quarter(as_of).and_then(|(quarter, end)| {
        let quarter_target = curve.at_quarter_end(quarter);
        let gap = rate_at(end) - quarter_target;
        let still_below = rate < quarter_target;
        (gap < Decimal::ZERO && still_below).then_some((quarter, gap))
    });
    let at_risk_line = (!as_of.is_quarter_end())
        .then(|| pro_rata_gap(curve, as_of, rate))
        .flatten();
    let status = if behind_quarter.is_some() {
        Status::Behind
    } else if at_risk_line.is_some() {
        Status::AtRisk
    } else {
        Status::OnTrack
    };
    TargetFigures {
        status,
        quarter_target: Some(quarter_target),
        target_gap: Some(rate - quarter_target),
        behind_quarter,
        at_risk_line,
        spending_target,
        spending_gap,
        line: (!as_of.is_quarter_end()).then(|| curve.pro_rata(as_of)),
    }
}

fn pro_rata_gap(curve: &TargetCurve, as_of: Month, rate: Decimal) -> Option<(Decimal, Decimal)> {
    let line = curve.pro_rata(as_of);
    (rate < line).then_some((line, rate - line))
}

/// The latest quarter whose last month is on or before `as_of`, with that month.
fn latest_completed_quarter(as_of: Month) -> Option<(usize, Month)> {
    let year = as_of.fiscal_year();
    year.months()
        .filter(|m| m.is_quarter_end() && *m <= as_of)
        .last()
        .map(|m| (m.quarter(), m))
}

//! Disbursement and spending targets: cumulative percentages by quarter or by month.

use super::budget::BudgetClass;
use super::calendar::Month;
use rust_decimal::Decimal;

/// A cumulative target curve over the fiscal year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetCurve {
    /// At the end of Q1..Q4.
    Quarterly([Decimal; 4]),
    /// At the end of each month, October .. September.
    Monthly([Decimal; 12]),
}

impl TargetCurve {
    /// The target in force for `month`: the month's own value, or its quarter's.
    pub fn at(&self, month: Month) -> Decimal {
        match self {
            TargetCurve::Quarterly(q) => q[month.quarter() - 1],
            TargetCurve::Monthly(m) => m[month.fiscal_index()],
        }
    }

    /// The target at the end of quarter `quarter` (1..=4).
    pub fn at_quarter_end(&self, quarter: usize) -> Decimal {
        match self {
            TargetCurve::Quarterly(q) => q[quarter - 1],
            TargetCurve::Monthly(m) => m[quarter * 3 - 1],
        }
    }

    /// The straight line from the previous quarter's target to this quarter's, at `month`.
    pub fn pro_rata(&self, month: Month) -> Decimal {
        match self {
            TargetCurve::Monthly(m) => m[month.fiscal_index()],
            TargetCurve::Quarterly(q) => {
                let quarter = month.quarter();
                let start = if quarter == 1 {
                    Decimal::ZERO
                } else {
                    q[quarter - 2]
                };
                let months_in = Decimal::from(month.fiscal_index() % 3 + 1);
                start + (q[quarter - 1] - start) * months_in / Decimal::from(3)
            }
        }
    }
}

/// Curves by budget class; any may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub current: Option<TargetCurve>,
    pub capital: Option<TargetCurve>,
    pub overall: Option<TargetCurve>,
}

impl Targets {
    /// The curve for a class; an overall total falls back to current, then capital, and a
    /// missing class curve falls back to overall.
    pub fn curve(&self, class: BudgetClass) -> Option<&TargetCurve> {
        match class {
            BudgetClass::Current => self.current.as_ref().or(self.overall.as_ref()),
            BudgetClass::Capital => self.capital.as_ref().or(self.overall.as_ref()),
            BudgetClass::Overall => self.overall.as_ref(),
        }
    }
}

//! The money figures of a budget node, plan or roll-up, and the rates derived from them.

use rust_decimal::{Decimal, RoundingStrategy};
use std::iter::Sum;
use std::ops::{Add, AddAssign};

/// Money as of a month. Every derived figure is computed from these five.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Amounts {
    /// Original amounts plus revisions dated on or before the as-of month's end.
    pub allocation: Decimal,
    pub original_allocation: Decimal,
    pub received: Decimal,
    /// Cumulative, adjustments included.
    pub disbursed: Decimal,
    /// Outstanding at the as-of month's end.
    pub committed: Decimal,
}

impl Amounts {
    pub fn spent(&self) -> Decimal {
        self.disbursed + self.committed
    }

    pub fn remaining(&self) -> Decimal {
        self.allocation - self.spent()
    }

    pub fn disbursement_rate(&self) -> Decimal {
        percent(self.disbursed, self.allocation)
    }

    pub fn spent_rate(&self) -> Decimal {
        percent(self.spent(), self.allocation)
    }
}

impl Add for Amounts {
    type Output = Amounts;
    fn add(mut self, other: Amounts) -> Amounts {
        self += other;
        self
    }
}

impl AddAssign for Amounts {
    fn add_assign(&mut self, other: Amounts) {
        self.allocation += other.allocation;
        self.original_allocation += other.original_allocation;
        self.received += other.received;
        self.disbursed += other.disbursed;
        self.committed += other.committed;
    }
}

impl Sum for Amounts {
    fn sum<I: Iterator<Item = Amounts>>(iter: I) -> Amounts {
        iter.fold(Amounts::default(), Add::add)
    }
}

/// `part / whole × 100`, exact; 0 when `whole` is 0. Never panics: a result beyond
/// `Decimal`'s range (absurd inputs only) saturates.
pub fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        return Decimal::ZERO;
    }
    let saturated = || {
        if part.is_sign_negative() != whole.is_sign_negative() {
            Decimal::MIN
        } else {
            Decimal::MAX
        }
    };
    match part.checked_mul(Decimal::ONE_HUNDRED) {
        Some(scaled) => scaled.checked_div(whole).unwrap_or_else(saturated),
        None => part
            .checked_div(whole)
            .and_then(|ratio| ratio.checked_mul(Decimal::ONE_HUNDRED))
            .unwrap_or_else(saturated),
    }
}

/// Rounds for display and export: 2 decimals, midpoint away from zero.
pub fn round2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rates_are_exact_until_rounded_for_display() {
        let a = Amounts {
            allocation: dec!(3),
            disbursed: dec!(1),
            committed: dec!(1),
            ..Amounts::default()
        };
        assert_eq!(round2(a.disbursement_rate()), dec!(33.33));
        assert_eq!(round2(a.spent_rate()), dec!(66.67));
        assert_eq!(a.remaining(), dec!(1));
        assert_eq!(percent(dec!(5), Decimal::ZERO), Decimal::ZERO);
        assert_eq!(round2(dec!(0.125)), dec!(0.13));
        assert_eq!(round2(dec!(-0.125)), dec!(-0.13));
        assert_eq!(percent(Decimal::MAX, dec!(1)), Decimal::MAX);
        assert_eq!(percent(Decimal::MAX, dec!(-0.01)), Decimal::MIN);
        assert_eq!(percent(Decimal::MAX, Decimal::MAX), dec!(100));
    }
}

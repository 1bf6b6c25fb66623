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

/// The money of the plans that report `received` (the allotment transferred to the office),
/// the base of the figures against it. A plan that reports none has no such figures ("–"),
/// and roll-ups leave it out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OfReceived {
    /// Cumulative allotment received.
    pub received: Decimal,
    /// Cumulative disbursed, adjustments included.
    pub disbursed: Decimal,
    /// Outstanding at the month's end.
    pub committed: Decimal,
}

impl OfReceived {
    /// The part of `amounts` measured against what was received.
    pub fn of(amounts: &Amounts) -> OfReceived {
        OfReceived {
            received: amounts.received,
            disbursed: amounts.disbursed,
            committed: amounts.committed,
        }
    }

    pub fn spent(&self) -> Decimal {
        self.disbursed + self.committed
    }

    /// คงเหลือทั้งสิ้น: received − spent.
    pub fn remaining_of_received(&self) -> Decimal {
        self.received - self.spent()
    }

    /// spent ÷ received × 100 (0 when nothing was received).
    pub fn spent_rate_of_received(&self) -> Decimal {
        percent(self.spent(), self.received)
    }

    /// disbursed ÷ received × 100 (0 when nothing was received).
    pub fn disbursement_rate_of_received(&self) -> Decimal {
        percent(self.disbursed, self.received)
    }
}

impl AddAssign for OfReceived {
    fn add_assign(&mut self, other: OfReceived) {
        self.received += other.received;
        self.disbursed += other.disbursed;
        self.committed += other.committed;
    }
}

/// Adds `part` into `sum`, where either may be absent (a plan that reports no `received`).
pub fn add_of_received(sum: &mut Option<OfReceived>, part: Option<OfReceived>) {
    if let Some(part) = part {
        *sum.get_or_insert_default() += part;
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

    #[test]
    fn figures_against_received_use_the_allotment_as_base() {
        // Maha Sarakham's personnel program at 29 November 2565.
        let a = Amounts {
            allocation: dec!(7937400),
            received: dec!(3968700),
            disbursed: dec!(1364540),
            ..Amounts::default()
        };
        let r = OfReceived::of(&a);
        assert_eq!(r.remaining_of_received(), dec!(2604160));
        assert_eq!(round2(r.disbursement_rate_of_received()), dec!(34.38));
        assert_eq!(round2(r.spent_rate_of_received()), dec!(34.38));
        assert_eq!(round2(a.disbursement_rate()), dec!(17.19));
        assert_eq!(
            OfReceived::default().spent_rate_of_received(),
            Decimal::ZERO
        );
        let mut sum = None;
        add_of_received(&mut sum, None);
        assert_eq!(sum, None);
        add_of_received(&mut sum, Some(r));
        add_of_received(&mut sum, Some(r));
        assert_eq!(sum.map(|s| s.received), Some(dec!(7937400)));
    }
}

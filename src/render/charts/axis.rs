//! Value axes: "nice" tick steps computed on `Decimal`, converted to `f64` only for plotting.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Values beyond this are clamped before axis arithmetic, so steps never overflow `Decimal`.
const LIMIT: Decimal = Decimal::from_parts(0, 0x0000_0000, 0x0000_0001, false, 0); // 2^64 ≈ 1.8e19

/// Plotting coordinate of a value (chart code only: money stays `Decimal` everywhere else).
pub fn coord(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A linear axis from `lo` to `hi` with ticks every `step` (all multiples of `step`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    pub lo: Decimal,
    pub hi: Decimal,
    pub step: Decimal,
}

impl Axis {
    /// An axis covering `min..=max` with at most `ticks + 1` intervals, on the smallest step
    /// of 1, 2, 2.5 or 5 × 10ⁿ (at least 0.01) that fits.
    pub fn nice(min: Decimal, max: Decimal, ticks: u32) -> Axis {
        let min = min.clamp(-LIMIT, LIMIT);
        let max = max.clamp(-LIMIT, LIMIT);
        let (min, max) = if min <= max { (min, max) } else { (max, min) };
        let ticks = ticks.max(1);
        let raw = ((max - min) / Decimal::from(ticks)).max(Decimal::new(1, 2));
        let mut power = Decimal::new(1, 2);
        while power * Decimal::TEN <= raw {
            power *= Decimal::TEN;
        }
        let factors = [
            Decimal::ONE,
            Decimal::TWO,
            Decimal::new(25, 1),
            Decimal::new(5, 0),
        ];
        let candidates = factors
            .iter()
            .map(|f| f * power)
            .chain(factors.iter().map(|f| f * power * Decimal::TEN));
        let mut chosen = None;
        for step in candidates {
            let lo = (min / step).floor() * step;
            let hi = (max / step).ceil() * step;
            if (hi - lo) / step <= Decimal::from(ticks + 1) {
                chosen = Some((lo, hi, step));
                break;
            }
        }
        // The last candidate, 50 × power ≥ 5 × raw, always fits; this is only a guard.
        let (lo, mut hi, step) = chosen.unwrap_or((min, max, max - min));
        let step = if step.is_zero() { Decimal::ONE } else { step };
        if hi <= lo {
            hi = lo + step;
        }
        Axis {
            lo: lo.normalize(),
            hi: hi.normalize(),
            step: step.normalize(),
        }
    }

    /// The tick values, `lo`, `lo + step`, …, `hi`.
    pub fn ticks(&self) -> Vec<Decimal> {
        let mut out = Vec::new();
        let mut v = self.lo;
        // The count is bounded by construction (about `ticks` + 2); the cap guards anyway.
        while v <= self.hi && out.len() < 64 {
            out.push(v);
            v += self.step;
        }
        out
    }

    pub fn range(&self) -> std::ops::Range<f64> {
        coord(self.lo)..coord(self.hi)
    }

    /// The axis as a plotters coordinate with a grid line at every tick.
    pub fn ticked(&self) -> Ticked {
        Ticked::new(self.range(), self.ticks().into_iter().map(coord).collect())
    }

    /// `value` clamped into the axis, as a coordinate.
    pub fn clamp(&self, value: Decimal) -> f64 {
        coord(value.clamp(self.lo, self.hi))
    }
}

/// A linear `f64` coordinate whose grid lines and labels sit exactly at the given points.
///
/// Plotters' own `with_key_points` wrapper keeps `f64`'s "no default formatting" marker,
/// which makes `configure_mesh` unusable in plotters 0.3.7; this one formats by default
/// (every chart sets its own label formatter anyway).
#[derive(Clone)]
pub struct Ticked {
    inner: RangedCoordf64,
    points: Vec<f64>,
}

impl Ticked {
    pub fn new(range: std::ops::Range<f64>, points: Vec<f64>) -> Ticked {
        Ticked {
            inner: range.into(),
            points,
        }
    }
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Light (minor) grid lines: none.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.points.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn percent_axis() {
        let a = Axis::nice(dec!(0), dec!(100), 5);
        assert_eq!((a.lo, a.hi, a.step), (dec!(0), dec!(100), dec!(20)));
        assert_eq!(a.ticks().len(), 6);
    }

    #[test]
    fn money_axis() {
        let a = Axis::nice(dec!(0), dec!(1234567.89), 5);
        assert_eq!(a.step, dec!(250000));
        assert_eq!(a.hi, dec!(1250000));
        let b = Axis::nice(dec!(-300), dec!(1000), 5);
        assert_eq!((b.lo, b.hi, b.step), (dec!(-500), dec!(1000), dec!(250)));
        let c = Axis::nice(dec!(0), dec!(0.3), 5);
        assert_eq!((c.lo, c.hi, c.step), (dec!(0), dec!(0.3), dec!(0.05)));
    }

    #[test]
    fn degenerate_and_huge() {
        let a = Axis::nice(dec!(0), dec!(0), 5);
        assert!(a.hi > a.lo);
        let b = Axis::nice(dec!(0), dec!(1e15), 5);
        assert_eq!(b.step, dec!(2e14));
        let c = Axis::nice(Decimal::MIN, Decimal::MAX, 5);
        assert!(c.ticks().len() <= 8);
        let d = Axis::nice(dec!(-1000), dec!(1000), 5);
        assert!(d.ticks().len() <= 7);
        assert_eq!(coord(dec!(1.5)), 1.5);
    }
}

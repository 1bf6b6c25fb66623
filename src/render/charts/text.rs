//! Labels for charts: cleaning, Thai-safe truncation, percent and baht formatting.

use crate::compute::round2;
use crate::thai::format_number;
use rust_decimal::Decimal;

/// Thai marks that sit above or below the preceding character and take no width:
/// MAI HAN-AKAT, SARA I .. PHINTHU, MAITAIKHU .. YAMAKKAN.
pub fn is_thai_combining(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Thai vowels written before the consonant they follow in speech (เ แ โ ใ ไ).
fn is_thai_leading_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// Collapses whitespace and control characters (a label is one line) and trims.
pub fn clean(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Shortens `label` to at most `max` spacing characters (marks above and below do not
/// count) and appends `…`. The cut falls on a character boundary and never before a
/// combining mark, so no vowel or tone mark is separated from its base; a dangling leading
/// vowel or trailing space before the cut is dropped too.
pub fn truncate(label: &str, max: usize) -> String {
    let spacing = label.chars().filter(|c| !is_thai_combining(*c)).count();
    if spacing <= max {
        return label.to_owned();
    }
    let keep = max.saturating_sub(1).max(1);
    let mut count = 0;
    let mut cut = label.len();
    for (i, c) in label.char_indices() {
        if !is_thai_combining(c) {
            if count == keep {
                cut = i;
                break;
            }
            count += 1;
        }
    }
    let mut kept = label[..cut].to_owned();
    while kept
        .chars()
        .next_back()
        .is_some_and(|c| is_thai_leading_vowel(c) || c.is_whitespace())
    {
        kept.pop();
    }
    kept.push('…');
    kept
}

/// `part / whole × 100` like `compute::percent` (0 when `whole` is 0), but saturating
/// instead of panicking when absurd amounts overflow `Decimal`.
pub fn rate(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        return Decimal::ZERO;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(whole))
        .or_else(|| {
            part.checked_div(whole)
                .map(|q| q.saturating_mul(Decimal::ONE_HUNDRED))
        })
        .unwrap_or(if part.is_sign_negative() == whole.is_sign_negative() {
            Decimal::MAX
        } else {
            Decimal::MIN
        })
}

/// A sum that saturates instead of panicking on overflow.
pub fn total(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, Decimal::saturating_add)
}

/// `93.65%`.
pub fn percent(value: Decimal) -> String {
    format!("{}%", format_number(round2(value), 2))
}

/// Decimals needed to print multiples of `step` exactly (0 for whole steps).
pub fn decimals_for(step: Decimal) -> u32 {
    step.normalize().scale()
}

/// Money axis: baht below ten million, ล้านบาท (millions) from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyUnit {
    Baht,
    Million,
}

impl MoneyUnit {
    pub fn for_max(max_abs: Decimal) -> MoneyUnit {
        if max_abs >= Decimal::from(10_000_000) {
            MoneyUnit::Million
        } else {
            MoneyUnit::Baht
        }
    }

    pub fn divisor(self) -> Decimal {
        match self {
            MoneyUnit::Baht => Decimal::ONE,
            MoneyUnit::Million => Decimal::from(1_000_000),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MoneyUnit::Baht => "บาท",
            MoneyUnit::Million => "ล้านบาท",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn clean_makes_one_line() {
        assert_eq!(clean("  ก\nข\t ค\u{0}ง "), "ก ข ค ง");
    }

    #[test]
    fn truncate_keeps_short_labels() {
        assert_eq!(truncate("สำนักงาน", 8), "สำนักงาน");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn truncate_counts_spacing_characters() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        // ที่ is one spacing character with two marks.
        assert_eq!(truncate("ที่ที่ที่ที่", 3), "ที่ที่…");
    }

    #[test]
    fn truncate_never_orphans_a_mark() {
        let label = "สำนักงานปลัดกระทรวงเกษตรและสหกรณ์จังหวัดนครศรีธรรมราช";
        for max in 1..40 {
            let short = truncate(label, max);
            let body = short.trim_end_matches('…');
            assert!(label.starts_with(body), "{short}");
            let next = label[body.len()..].chars().next();
            assert!(
                !next.is_some_and(is_thai_combining),
                "cut before a mark: {short}"
            );
            assert!(!body.chars().next_back().is_some_and(is_thai_leading_vowel));
        }
    }

    #[test]
    fn truncate_drops_dangling_leading_vowel() {
        // Cut would leave "กเ": the เ belongs to the next consonant.
        assert_eq!(truncate("กเขียว", 3), "ก…");
    }

    #[test]
    fn formats() {
        assert_eq!(percent(dec!(93.645)), "93.65%");
        assert_eq!(percent(dec!(-5)), "-5.00%");
        assert_eq!(decimals_for(dec!(2.50)), 1);
        assert_eq!(decimals_for(dec!(200)), 0);
        assert_eq!(MoneyUnit::for_max(dec!(9999999)), MoneyUnit::Baht);
        assert_eq!(MoneyUnit::for_max(dec!(10000000)), MoneyUnit::Million);
    }

    #[test]
    fn rate_and_total_saturate() {
        assert_eq!(
            rate(dec!(1), dec!(3)),
            crate::compute::percent(dec!(1), dec!(3))
        );
        assert_eq!(rate(dec!(5), Decimal::ZERO), Decimal::ZERO);
        assert_eq!(rate(Decimal::MAX, Decimal::new(1, 28)), Decimal::MAX);
        assert_eq!(rate(Decimal::MIN, Decimal::ONE), Decimal::MIN);
        assert_eq!(
            total([Decimal::MAX, Decimal::MAX].into_iter()),
            Decimal::MAX
        );
    }
}

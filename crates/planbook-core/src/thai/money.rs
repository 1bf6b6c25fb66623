//! Number and money formatting: rounding half away from zero, thousands separators.
//!
//! All work is done on the decimal digit string of the rounded value, so every
//! `Decimal` (up to `Decimal::MAX`) formats without overflow.

use rust_decimal::{Decimal, RoundingStrategy};

/// A value rounded half away from zero, split into sign and ASCII digit strings.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Rounded {
    /// True only when the rounded value is negative and non-zero (no `-0`).
    pub negative: bool,
    /// Integer digits without leading zeros; `"0"` for a value below one.
    pub integer: String,
    /// Fraction digits as stored after rounding: at most `decimals` of them, possibly fewer
    /// (`1.5` rounded to 2 places keeps the single digit `"5"`).
    pub fraction: String,
}

/// Rounds `value` to `decimals` places, half away from zero, and splits it into digits.
pub(crate) fn round_parts(value: Decimal, decimals: u32) -> Rounded {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let digits = rounded.mantissa().unsigned_abs().to_string();
    let scale = rounded.scale() as usize;
    // Left-pad so at least one integer digit remains: 0.05 is mantissa 5, scale 2 → "005".
    let padded = if digits.len() <= scale {
        format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
    } else {
        digits
    };
    // ok: padded.len() > scale, and the string is ASCII, so this is a char boundary.
    let (integer, fraction) = padded.split_at(padded.len() - scale);
    let integer = match integer.trim_start_matches('0') {
        "" => "0",
        trimmed => trimmed,
    };
    Rounded {
        negative: rounded.is_sign_negative() && !rounded.is_zero(),
        integer: integer.to_owned(),
        fraction: fraction.to_owned(),
    }
}

/// `1234567` → `1,234,567`. The input must be ASCII digits.
fn group_thousands(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Renders rounded parts with exactly `decimals` fraction digits.
fn render(parts: &Rounded, decimals: u32) -> String {
    let mut out = String::new();
    if parts.negative {
        out.push('-');
    }
    out.push_str(&group_thousands(&parts.integer));
    if decimals > 0 {
        out.push('.');
        out.push_str(&parts.fraction);
        let missing = (decimals as usize).saturating_sub(parts.fraction.len());
        out.extend(std::iter::repeat_n('0', missing));
    }
    out
}

/// Formats `value` with thousands separators, rounded half away from zero to exactly
/// `decimals` places: `(6300, 0)` → `6,300`, `(-1234.5, 2)` → `-1,234.50`.
/// A value that rounds to zero has no minus sign. Digits are ASCII; see `digits_if`.
pub fn format_number(value: Decimal, decimals: u32) -> String {
    render(&round_parts(value, decimals), decimals)
}

/// Baht with satang: `format_number(value, 2)`.
pub fn baht(value: Decimal) -> String {
    format_number(value, 2)
}

/// Whole baht as the plan document prints them: `6,300`; an amount with satang
/// (after rounding to 2 places) keeps both decimals: `6,300.50`.
pub fn baht_whole(value: Decimal) -> String {
    let parts = round_parts(value, 2);
    if parts.fraction.bytes().all(|b| b == b'0') {
        render(&parts, 0)
    } else {
        render(&parts, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn format_number_cases() {
        let cases: &[(&str, u32, &str)] = &[
            ("6300", 0, "6,300"),
            ("6300", 2, "6,300.00"),
            ("-1234.5", 2, "-1,234.50"),
            ("1234567.891", 2, "1,234,567.89"),
            ("0", 0, "0"),
            ("0", 2, "0.00"),
            ("0.00", 0, "0"),
            ("5", 0, "5"),
            ("999", 0, "999"),
            ("1000", 0, "1,000"),
            ("12345", 0, "12,345"),
            ("100000", 0, "100,000"),
            ("123456", 0, "123,456"),
            ("1234567", 0, "1,234,567"),
            ("999.995", 2, "1,000.00"),
            ("999.994", 2, "999.99"),
            ("0.5", 0, "1"),
            ("-0.5", 0, "-1"),
            ("1.5", 0, "2"),
            ("2.5", 0, "3"),
            ("-2.5", 0, "-3"),
            ("0.005", 2, "0.01"),
            ("1.005", 2, "1.01"),
            ("-0.004", 2, "0.00"),
            ("-0.001", 0, "0"),
            ("-999999.999", 2, "-1,000,000.00"),
            ("12345.678", 1, "12,345.7"),
            ("1.5", 4, "1.5000"),
            ("0.05", 2, "0.05"),
            (
                "0.0000000000000000000000000001",
                28,
                "0.0000000000000000000000000001",
            ),
            (
                "0.0000000000000000000000000001",
                30,
                "0.000000000000000000000000000100",
            ),
            ("7.9228162514264337593543950335", 2, "7.92"),
            (
                "7.9228162514264337593543950335",
                28,
                "7.9228162514264337593543950335",
            ),
        ];
        for &(input, decimals, expected) in cases {
            assert_eq!(
                format_number(dec(input), decimals),
                expected,
                "format_number({input}, {decimals})"
            );
        }
    }

    #[test]
    fn format_number_extremes() {
        assert_eq!(
            format_number(Decimal::MAX, 0),
            "79,228,162,514,264,337,593,543,950,335"
        );
        assert_eq!(
            format_number(Decimal::MAX, 2),
            "79,228,162,514,264,337,593,543,950,335.00"
        );
        assert_eq!(
            format_number(Decimal::MIN, 0),
            "-79,228,162,514,264,337,593,543,950,335"
        );
        // Rounding a maximal mantissa with a fraction must not overflow.
        let max_tenths = Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 1);
        assert_eq!(
            format_number(max_tenths, 0),
            "7,922,816,251,426,433,759,354,395,034"
        );
        assert_eq!(
            format_number(-max_tenths, 1),
            "-7,922,816,251,426,433,759,354,395,033.5"
        );
    }

    #[test]
    fn baht_always_has_two_decimals() {
        assert_eq!(baht(dec("6300")), "6,300.00");
        assert_eq!(baht(dec("0.5")), "0.50");
        assert_eq!(baht(dec("-1234.567")), "-1,234.57");
    }

    #[test]
    fn baht_whole_drops_zero_satang_only() {
        assert_eq!(baht_whole(dec("6300")), "6,300");
        assert_eq!(baht_whole(dec("6300.00")), "6,300");
        assert_eq!(baht_whole(dec("6300.5")), "6,300.50");
        assert_eq!(baht_whole(dec("6300.004")), "6,300");
        assert_eq!(baht_whole(dec("6300.005")), "6,300.01");
        assert_eq!(baht_whole(dec("6300.995")), "6,301");
        assert_eq!(baht_whole(dec("1234567.1")), "1,234,567.10");
        assert_eq!(baht_whole(dec("-5")), "-5");
        assert_eq!(baht_whole(dec("-0.001")), "0");
        assert_eq!(baht_whole(dec("0")), "0");
        assert_eq!(
            baht_whole(Decimal::MAX),
            "79,228,162,514,264,337,593,543,950,335"
        );
    }

    #[test]
    fn round_parts_splits_digits() {
        let parts = round_parts(dec("-0.05"), 2);
        assert_eq!(
            parts,
            Rounded {
                negative: true,
                integer: "0".into(),
                fraction: "05".into()
            }
        );
        let parts = round_parts(dec("1.5"), 2);
        assert_eq!(parts.integer, "1");
        assert_eq!(parts.fraction, "5");
    }
}

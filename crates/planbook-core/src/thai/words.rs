//! Baht in words (`หกพันสามร้อยบาทถ้วน`), following the Royal Institute reading that
//! Excel's BAHTTEXT uses.
//!
//! The amount is rounded to satang (half away from zero) and then read from its digit
//! string, so every `Decimal` up to `Decimal::MAX` works without arithmetic overflow.
//!
//! Reading rules:
//! * digits are read in 6-digit groups from the right; every group boundary is a ล้าน,
//!   so 10^12 is หนึ่งล้านล้าน and 2,000,003,000,000 is สองล้านสามล้าน;
//! * a 1 in a tens place is สิบ, a 2 is ยี่สิบ;
//! * a 1 in a units place (of the units group or of a ล้าน group) is เอ็ด when any digit
//!   is read before it (11 สิบเอ็ด, 101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด,
//!   101,000,000 หนึ่งร้อยเอ็ดล้าน) and หนึ่ง when it stands alone (1 หนึ่ง, 10^6 หนึ่งล้าน);
//! * satang are read as their own number 1..=99 with the same rules;
//! * no satang → บาทถ้วน; no baht → satang only (0.75 เจ็ดสิบห้าสตางค์); zero → ศูนย์บาทถ้วน;
//! * negative amounts are prefixed with ลบ.

use super::money::round_parts;
use rust_decimal::Decimal;

const DIGIT_WORDS: [&str; 10] = [
    "ศูนย์",
    "หนึ่ง",
    "สอง",
    "สาม",
    "สี่",
    "ห้า",
    "หก",
    "เจ็ด",
    "แปด",
    "เก้า",
];

/// Place names within a 6-digit group, for places 2..=5 (ร้อย .. แสน).
const PLACE_WORDS: [&str; 4] = ["ร้อย", "พัน", "หมื่น", "แสน"];

const MILLION: &str = "ล้าน";

/// Reads a string of ASCII digits as a Thai number. Leading zeros are ignored;
/// an all-zero (or empty) string reads as ศูนย์.
fn read_number(digits: &str) -> String {
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return DIGIT_WORDS[0].to_owned();
    }
    let len = digits.len();
    let mut out = String::new();
    for (i, b) in digits.bytes().enumerate() {
        let d = usize::from(b.wrapping_sub(b'0'));
        // ok: callers pass ASCII digits only, so d is 0..=9; `get` keeps it total anyway.
        let word = DIGIT_WORDS.get(d).copied().unwrap_or("");
        let power = len - 1 - i;
        match (power % 6, d) {
            (_, 0) => {}
            (0, 1) if i > 0 => out.push_str("เอ็ด"),
            (0, _) => out.push_str(word),
            (1, 1) => out.push_str("สิบ"),
            (1, 2) => out.push_str("ยี่สิบ"),
            (1, _) => {
                out.push_str(word);
                out.push_str("สิบ");
            }
            (place, _) => {
                out.push_str(word);
                out.push_str(PLACE_WORDS.get(place - 2).copied().unwrap_or(""));
            }
        }
        if power > 0 && power.is_multiple_of(6) {
            out.push_str(MILLION);
        }
    }
    out
}

/// The amount in Thai words: `6300` → `หกพันสามร้อยบาทถ้วน`,
/// `21.01` → `ยี่สิบเอ็ดบาทหนึ่งสตางค์`, `0.75` → `เจ็ดสิบห้าสตางค์`, `0` → `ศูนย์บาทถ้วน`,
/// `-1` → `ลบหนึ่งบาทถ้วน`. Rounds to satang first (half away from zero).
pub fn baht_text(value: Decimal) -> String {
    let parts = round_parts(value, 2);
    // `fraction` has at most two digits after rounding; "5" means 50 satang.
    let mut satang = parts.fraction.clone();
    while satang.len() < 2 {
        satang.push('0');
    }
    let has_baht = parts.integer != "0";
    let has_satang = satang.bytes().any(|b| b != b'0');

    let mut out = String::new();
    if parts.negative {
        out.push_str("ลบ");
    }
    if has_baht || !has_satang {
        out.push_str(&read_number(&parts.integer));
        out.push_str("บาท");
    }
    if has_satang {
        out.push_str(&read_number(&satang));
        out.push_str("สตางค์");
    } else {
        out.push_str("ถ้วน");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thai::words_reader::parse_baht_text;
    use rust_decimal::RoundingStrategy;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// Expected readings, worked out by hand from the rules in the module docs.
    const CASES: &[(&str, &str)] = &[
        // Zero, satang only.
        ("0", "ศูนย์บาทถ้วน"),
        ("0.00", "ศูนย์บาทถ้วน"),
        ("0.01", "หนึ่งสตางค์"),
        ("0.02", "สองสตางค์"),
        ("0.10", "สิบสตางค์"),
        ("0.1", "สิบสตางค์"),
        ("0.11", "สิบเอ็ดสตางค์"),
        ("0.20", "ยี่สิบสตางค์"),
        ("0.21", "ยี่สิบเอ็ดสตางค์"),
        ("0.25", "ยี่สิบห้าสตางค์"),
        ("0.5", "ห้าสิบสตางค์"),
        ("0.75", "เจ็ดสิบห้าสตางค์"),
        ("0.99", "เก้าสิบเก้าสตางค์"),
        // Rounding to satang, half away from zero.
        ("0.005", "หนึ่งสตางค์"),
        ("0.004", "ศูนย์บาทถ้วน"),
        ("0.0049999", "ศูนย์บาทถ้วน"),
        ("1.005", "หนึ่งบาทหนึ่งสตางค์"),
        ("1.004", "หนึ่งบาทถ้วน"),
        ("0.995", "หนึ่งบาทถ้วน"),
        ("9.999", "สิบบาทถ้วน"),
        ("0.0050000000000000000000000000", "หนึ่งสตางค์"),
        ("7.9228162514264337593543950335", "เจ็ดบาทเก้าสิบสองสตางค์"),
        // Units and tens.
        ("1", "หนึ่งบาทถ้วน"),
        ("2", "สองบาทถ้วน"),
        ("5", "ห้าบาทถ้วน"),
        ("10", "สิบบาทถ้วน"),
        ("11", "สิบเอ็ดบาทถ้วน"),
        ("12", "สิบสองบาทถ้วน"),
        ("20", "ยี่สิบบาทถ้วน"),
        ("21", "ยี่สิบเอ็ดบาทถ้วน"),
        ("22", "ยี่สิบสองบาทถ้วน"),
        ("31", "สามสิบเอ็ดบาทถ้วน"),
        ("99", "เก้าสิบเก้าบาทถ้วน"),
        // Hundreds to hundred-thousands.
        ("100", "หนึ่งร้อยบาทถ้วน"),
        ("101", "หนึ่งร้อยเอ็ดบาทถ้วน"),
        ("110", "หนึ่งร้อยสิบบาทถ้วน"),
        ("111", "หนึ่งร้อยสิบเอ็ดบาทถ้วน"),
        ("120", "หนึ่งร้อยยี่สิบบาทถ้วน"),
        ("201", "สองร้อยเอ็ดบาทถ้วน"),
        ("1000", "หนึ่งพันบาทถ้วน"),
        ("1001", "หนึ่งพันเอ็ดบาทถ้วน"),
        ("1011", "หนึ่งพันสิบเอ็ดบาทถ้วน"),
        ("1100", "หนึ่งพันหนึ่งร้อยบาทถ้วน"),
        ("1101", "หนึ่งพันหนึ่งร้อยเอ็ดบาทถ้วน"),
        ("6300", "หกพันสามร้อยบาทถ้วน"),
        ("10000", "หนึ่งหมื่นบาทถ้วน"),
        ("10001", "หนึ่งหมื่นเอ็ดบาทถ้วน"),
        ("45678", "สี่หมื่นห้าพันหกร้อยเจ็ดสิบแปดบาทถ้วน"),
        ("100000", "หนึ่งแสนบาทถ้วน"),
        ("120500", "หนึ่งแสนสองหมื่นห้าร้อยบาทถ้วน"),
        ("999999", "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทถ้วน"),
        // Millions.
        ("1000000", "หนึ่งล้านบาทถ้วน"),
        ("1000001", "หนึ่งล้านเอ็ดบาทถ้วน"),
        ("1010101", "หนึ่งล้านหนึ่งหมื่นหนึ่งร้อยเอ็ดบาทถ้วน"),
        ("2000000", "สองล้านบาทถ้วน"),
        ("3500000", "สามล้านห้าแสนบาทถ้วน"),
        ("10000000", "สิบล้านบาทถ้วน"),
        ("10000001", "สิบล้านเอ็ดบาทถ้วน"),
        ("11000000", "สิบเอ็ดล้านบาทถ้วน"),
        ("11000011", "สิบเอ็ดล้านสิบเอ็ดบาทถ้วน"),
        ("20000020", "ยี่สิบล้านยี่สิบบาทถ้วน"),
        ("21000021", "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน"),
        ("100000000", "หนึ่งร้อยล้านบาทถ้วน"),
        ("101000000", "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
        ("1000000000", "หนึ่งพันล้านบาทถ้วน"),
        ("1000000001", "หนึ่งพันล้านเอ็ดบาทถ้วน"),
        ("1001000000", "หนึ่งพันเอ็ดล้านบาทถ้วน"),
        // Millions of millions.
        ("1000000000000", "หนึ่งล้านล้านบาทถ้วน"),
        ("1000000000001", "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
        ("1000001000000", "หนึ่งล้านเอ็ดล้านบาทถ้วน"),
        ("2000003000000", "สองล้านสามล้านบาทถ้วน"),
        ("11000000000000", "สิบเอ็ดล้านล้านบาทถ้วน"),
        ("2000000000000000000", "สองล้านล้านล้านบาทถ้วน"),
        ("1000000000000000000000001", "หนึ่งล้านล้านล้านล้านเอ็ดบาทถ้วน"),
        // Baht and satang.
        ("1.50", "หนึ่งบาทห้าสิบสตางค์"),
        ("1.5", "หนึ่งบาทห้าสิบสตางค์"),
        ("21.01", "ยี่สิบเอ็ดบาทหนึ่งสตางค์"),
        ("11.11", "สิบเอ็ดบาทสิบเอ็ดสตางค์"),
        ("100.11", "หนึ่งร้อยบาทสิบเอ็ดสตางค์"),
        ("101.01", "หนึ่งร้อยเอ็ดบาทหนึ่งสตางค์"),
        ("6300.50", "หกพันสามร้อยบาทห้าสิบสตางค์"),
        ("500000.21", "ห้าแสนบาทยี่สิบเอ็ดสตางค์"),
        ("1000000.01", "หนึ่งล้านบาทหนึ่งสตางค์"),
        (
            "1234567.89",
            "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์",
        ),
        // Negative amounts.
        ("-1", "ลบหนึ่งบาทถ้วน"),
        ("-0.75", "ลบเจ็ดสิบห้าสตางค์"),
        ("-21.01", "ลบยี่สิบเอ็ดบาทหนึ่งสตางค์"),
        ("-1000001", "ลบหนึ่งล้านเอ็ดบาทถ้วน"),
        ("-0.005", "ลบหนึ่งสตางค์"),
        ("-0.004", "ศูนย์บาทถ้วน"),
        ("-0", "ศูนย์บาทถ้วน"),
    ];

    const MAX_WORDS: &str = concat!(
        "เจ็ดหมื่นเก้าพันสองร้อยยี่สิบแปดล้าน",      // 79228
        "หนึ่งแสนหกหมื่นสองพันห้าร้อยสิบสี่ล้าน",     // 162514
        "สองแสนหกหมื่นสี่พันสามร้อยสามสิบเจ็ดล้าน", // 264337
        "ห้าแสนเก้าหมื่นสามพันห้าร้อยสี่สิบสามล้าน",  // 593543
        "เก้าแสนห้าหมื่นสามร้อยสามสิบห้า",        // 950335
        "บาทถ้วน",
    );

    #[test]
    fn baht_text_table() {
        assert!(CASES.len() >= 60);
        for &(input, expected) in CASES {
            assert_eq!(baht_text(dec(input)), expected, "baht_text({input})");
        }
    }

    #[test]
    fn baht_text_extremes() {
        assert_eq!(baht_text(Decimal::MAX), MAX_WORDS);
        assert_eq!(baht_text(Decimal::MIN), format!("ลบ{MAX_WORDS}"));
        let max_tenths = Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 1);
        // Maximal mantissa with one decimal place: 50 satang, already at satang precision.
        assert_eq!(parse_baht_text(&baht_text(max_tenths)), Some(max_tenths));
        assert!(baht_text(max_tenths).ends_with("สามบาทห้าสิบสตางค์"));
        // Maximal mantissa with three decimal places: ...950.335 rounds up to ...950.34.
        let max_thousandths = Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 3);
        assert_eq!(
            parse_baht_text(&baht_text(max_thousandths)),
            Some(dec("79228162514264337593543950.34"))
        );
        let max_hundredths = Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 2);
        assert_eq!(
            parse_baht_text(&baht_text(max_hundredths)),
            Some(max_hundredths)
        );
    }

    #[test]
    fn read_number_handles_zeros() {
        assert_eq!(read_number(""), "ศูนย์");
        assert_eq!(read_number("000"), "ศูนย์");
        assert_eq!(read_number("01"), "หนึ่ง");
        assert_eq!(read_number("0021"), "ยี่สิบเอ็ด");
    }

    #[test]
    fn parser_reads_the_hand_table() {
        for &(input, words) in CASES {
            let expected =
                dec(input).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(parse_baht_text(words), Some(expected), "parse({words})");
        }
        assert_eq!(parse_baht_text(MAX_WORDS), Some(Decimal::MAX));
    }

    #[test]
    fn parser_rejects_non_canonical_readings() {
        for bad in [
            "",
            "บาทถ้วน",
            "หนึ่งสิบบาทถ้วน",
            "สองสิบบาทถ้วน",
            "สิบหนึ่งบาทถ้วน",
            "เอ็ดบาทถ้วน",
            "หนึ่งร้อยหนึ่งบาทถ้วน",
            "หนึ่งล้านหนึ่งบาทถ้วน",
            "ร้อยบาทถ้วน",
            "สิบร้อยบาทถ้วน",
            "หนึ่งพันหนึ่งพันบาทถ้วน",
            "ล้านบาทถ้วน",
            "ศูนย์บาทห้าสิบสตางค์",
            "ศูนย์สตางค์",
            "หนึ่งร้อยสตางค์",
            "ลบศูนย์บาทถ้วน",
            "หนึ่งบาท",
        ] {
            assert_eq!(parse_baht_text(bad), None, "{bad}");
        }
    }

    /// Knuth's MMIX linear congruential generator: deterministic, no extra crates.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 11 ^ self.0 << 53 >> 11
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn round_trips_pseudo_random_amounts() {
        const MAX_MANTISSA: u128 = (1 << 96) - 1;
        let mut rng = Lcg(0x5EED_2566);
        let mut checked = 0;
        for _ in 0..5000 {
            // Pick a digit count first so small and huge amounts are equally likely.
            let digits = 1 + rng.below(29) as u32;
            let raw = u128::from(rng.next()) << 64 | u128::from(rng.next());
            let mantissa = (raw % 10u128.pow(digits)).min(MAX_MANTISSA);
            // Sometimes force runs of zeros and ones, where เอ็ด and ล้าน matter most.
            let zeros = 10u128.pow(rng.below(u64::from(digits)) as u32);
            let mantissa = match rng.below(5) {
                0 => mantissa / zeros * zeros,
                1 => mantissa / zeros * zeros + 1,
                2 => (mantissa
                    .to_string()
                    .replace(['2', '3', '4'], "1")
                    .replace(['5', '6'], "0"))
                .parse()
                .unwrap(),
                _ => mantissa,
            }
            .min(MAX_MANTISSA);
            let scale = rng.below(5) as u32;
            let mut value = Decimal::from_i128_with_scale(mantissa as i128, scale);
            if rng.below(3) == 0 {
                value = -value;
            }
            let text = baht_text(value);
            let expected = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(parse_baht_text(&text), Some(expected), "{value} → {text}");
            checked += 1;
        }
        assert_eq!(checked, 5000);
    }
}

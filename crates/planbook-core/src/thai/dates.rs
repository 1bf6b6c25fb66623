//! Thai month names and official date labels with B.E. years (`๒๙ ก.ย. ๒๕๖๕`).

use super::digits::digits_if;
use crate::model::calendar::{BE_OFFSET, Date, FiscalYear, Month};

/// Full month names, index 0 = January.
pub const MONTHS_FULL: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// Abbreviated month names, index 0 = January.
pub const MONTHS_ABBR: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

/// Shown for a month number outside 1..=12 (only possible for a hand-built value;
/// the parsers in `model::calendar` never produce one).
const UNKNOWN_MONTH: &str = "?";

fn month_name(table: &[&'static str; 12], month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| table.get(i as usize))
        .copied()
        .unwrap_or(UNKNOWN_MONTH)
}

/// The month number (1..=12) of a Thai month name as officers type it: full (`กุมภาพันธ์`)
/// or abbreviated, with or without its last dot (`ก.พ.`, `ก.พ`).
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim();
    let index = MONTHS_FULL
        .iter()
        .position(|full| *full == name)
        .or_else(|| {
            MONTHS_ABBR
                .iter()
                .position(|abbr| *abbr == name || abbr.strip_suffix('.') == Some(name))
        })?;
    u32::try_from(index + 1).ok()
}

/// B.E. year for a C.E. year, without overflowing for absurd years.
fn be_year(ce_year: i32) -> i64 {
    i64::from(ce_year) + i64::from(BE_OFFSET)
}

/// Abbreviated month name (`ต.ค.`), for chart axis labels.
pub fn month_abbr(m: Month) -> &'static str {
    month_name(&MONTHS_ABBR, m.month)
}

/// Full month name and B.E. year: `ตุลาคม 2565`, or `ตุลาคม ๒๕๖๕` with Thai digits.
pub fn month_full(m: Month, thai: bool) -> String {
    let text = format!("{} {}", month_name(&MONTHS_FULL, m.month), be_year(m.year));
    digits_if(&text, thai)
}

/// Abbreviated month name and two-digit B.E. year: `ต.ค. 65` / `ต.ค. ๖๕`.
pub fn month_short(m: Month, thai: bool) -> String {
    let yy = be_year(m.year).rem_euclid(100);
    let text = format!("{} {:02}", month_abbr(m), yy);
    digits_if(&text, thai)
}

/// Day (no leading zero), abbreviated month and B.E. year: `๒๙ ก.ย. ๒๕๖๕`.
pub fn date_short(d: Date, thai: bool) -> String {
    date_with(&MONTHS_ABBR, d, thai)
}

/// Day (no leading zero), full month name and B.E. year: `๒๙ กันยายน ๒๕๖๕`.
pub fn date_full(d: Date, thai: bool) -> String {
    date_with(&MONTHS_FULL, d, thai)
}

/// Day, the month named from `names`, B.E. year.
fn date_with(names: &[&'static str; 12], d: Date, thai: bool) -> String {
    let text = format!(
        "{} {} {}",
        d.day,
        month_name(names, d.month),
        be_year(d.year)
    );
    digits_if(&text, thai)
}

/// `ปีงบประมาณ พ.ศ. ๒๕๖๖` (the fiscal year is already numbered in B.E.).
pub fn fiscal_year_label(fy: FiscalYear, thai: bool) -> String {
    digits_if(&format!("ปีงบประมาณ พ.ศ. {}", fy.0), thai)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn short_and_full_dates() {
        let d = date(2022, 9, 29);
        assert_eq!(date_short(d, true), "๒๙ ก.ย. ๒๕๖๕");
        assert_eq!(date_full(d, true), "๒๙ กันยายน ๒๕๖๕");
        assert_eq!(date_short(d, false), "29 ก.ย. 2565");
        assert_eq!(date_full(d, false), "29 กันยายน 2565");
    }

    #[test]
    fn month_names_read_back_to_their_number() {
        for m in 1..=12 {
            let month = Month::new(2023, m);
            assert_eq!(month_number(month_abbr(month)), Some(m));
            assert_eq!(month_number(month_name(&MONTHS_FULL, m)), Some(m));
        }
        assert_eq!(month_number("ก.พ"), Some(2));
        assert_eq!(month_number("มี.ค."), Some(3));
        assert_eq!(month_number("ม.ค"), Some(1));
        assert_eq!(month_number("กพ"), None);
        assert_eq!(month_number(""), None);
    }

    #[test]
    fn day_has_no_leading_zero() {
        let d = date(2023, 1, 5);
        assert_eq!(date_short(d, false), "5 ม.ค. 2566");
        assert_eq!(date_short(d, true), "๕ ม.ค. ๒๕๖๖");
        assert_eq!(date_full(d, true), "๕ มกราคม ๒๕๖๖");
    }

    #[test]
    fn parsed_be_dates_format_back_to_the_same_year() {
        let d = Date::parse("2565-09-29").unwrap();
        assert_eq!(date_short(d, false), "29 ก.ย. 2565");
        let leap = Date::parse("2024-02-29").unwrap();
        assert_eq!(date_full(leap, false), "29 กุมภาพันธ์ 2567");
    }

    #[test]
    fn month_labels() {
        let m = Month::new(2022, 10);
        assert_eq!(month_short(m, true), "ต.ค. ๖๕");
        assert_eq!(month_short(m, false), "ต.ค. 65");
        assert_eq!(month_full(m, true), "ตุลาคม ๒๕๖๕");
        assert_eq!(month_full(m, false), "ตุลาคม 2565");
        assert_eq!(month_abbr(m), "ต.ค.");
    }

    #[test]
    fn two_digit_year_keeps_its_leading_zero() {
        // 1957 C.E. = 2500 B.E.; 1966 C.E. = 2509 B.E.
        assert_eq!(month_short(Month::new(1957, 12), false), "ธ.ค. 00");
        assert_eq!(month_short(Month::new(1966, 3), true), "มี.ค. ๐๙");
        assert_eq!(month_short(Month::new(2023, 9), true), "ก.ย. ๖๖");
    }

    #[test]
    fn every_month_in_order() {
        // Each abbreviation begins as its full name does; spot months stand where they should.
        let first = |name: &str| name.chars().next();
        for m in 1..=12 {
            let month = Month::new(2023, m);
            let full = month_full(month, false);
            assert!(full.ends_with(" 2566"), "{full}");
            assert_eq!(first(month_abbr(month)), first(&full), "{full}");
        }
        assert_eq!(month_full(Month::new(2023, 1), false), "มกราคม 2566");
        assert_eq!(month_abbr(Month::new(2023, 4)), "เม.ย.");
        assert_eq!(month_full(Month::new(2023, 7), false), "กรกฎาคม 2566");
        assert_eq!(month_abbr(Month::new(2023, 11)), "พ.ย.");
        assert_eq!(month_full(Month::new(2023, 12), false), "ธันวาคม 2566");
    }

    #[test]
    fn fiscal_year_months_label_in_fiscal_order() {
        let labels: Vec<String> = FiscalYear(2566)
            .months()
            .map(|m| month_short(m, false))
            .collect();
        assert_eq!(labels.first().map(String::as_str), Some("ต.ค. 65"));
        assert_eq!(labels.last().map(String::as_str), Some("ก.ย. 66"));
    }

    #[test]
    fn fiscal_year_labels() {
        assert_eq!(
            fiscal_year_label(FiscalYear(2566), true),
            "ปีงบประมาณ พ.ศ. ๒๕๖๖"
        );
        assert_eq!(
            fiscal_year_label(FiscalYear(2566), false),
            "ปีงบประมาณ พ.ศ. 2566"
        );
    }

    #[test]
    fn out_of_range_values_do_not_panic() {
        assert_eq!(month_abbr(Month::new(2023, 0)), "?");
        assert_eq!(month_abbr(Month::new(2023, 13)), "?");
        assert_eq!(month_full(Month::new(2023, 13), false), "? 2566");
        assert_eq!(date_short(date(2023, 0, 1), false), "1 ? 2566");
        assert_eq!(
            month_full(Month::new(i32::MAX, 1), false),
            format!("มกราคม {}", i64::from(i32::MAX) + 543)
        );
        assert_eq!(month_short(Month::new(i32::MIN, 1), false), "ม.ค. 95");
    }
}

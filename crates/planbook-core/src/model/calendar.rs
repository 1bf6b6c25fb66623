//! Months, dates and fiscal years: B.E. and C.E. parsing, Thai fiscal-year arithmetic.
//!
//! Years are stored in C.E.; a written year above 2400 is read as B.E. (C.E. + 543).
//! The fiscal year N (B.E.) runs from 1 October of C.E. year N-544 to 30 September of N-543.

use std::fmt;

/// Years above this are Buddhist Era.
const BE_THRESHOLD: i32 = 2400;
/// B.E. = C.E. + 543.
pub const BE_OFFSET: i32 = 543;

/// A calendar month (C.E. year, month 1..=12).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

/// A calendar date (C.E.).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A Thai fiscal year, numbered in B.E. (2566 = Oct 2022 .. Sep 2023).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

fn normalise_year(written: i32) -> i32 {
    if written > BE_THRESHOLD {
        written - BE_OFFSET
    } else {
        written
    }
}

fn parse_number(text: &str, digits: usize) -> Option<i32> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Month {
    /// Parses `YYYY-MM` (C.E. or B.E.).
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        let year = normalise_year(parse_number(y, 4)?);
        let month = u32::try_from(parse_number(m, 2)?).ok()?;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn new(year: i32, month: u32) -> Month {
        Month { year, month }
    }

    /// The fiscal year this month belongs to.
    pub fn fiscal_year(self) -> FiscalYear {
        let ce = if self.month >= 10 {
            self.year + 1
        } else {
            self.year
        };
        FiscalYear(ce + BE_OFFSET)
    }

    /// Position in the fiscal year: October = 0 .. September = 11.
    pub fn fiscal_index(self) -> usize {
        ((self.month + 2) % 12) as usize
    }

    /// Fiscal quarter 1..=4 (Q1 = Oct-Dec).
    pub fn quarter(self) -> usize {
        self.fiscal_index() / 3 + 1
    }

    /// True for the last month of a fiscal quarter (Dec, Mar, Jun, Sep).
    pub fn is_quarter_end(self) -> bool {
        self.fiscal_index() % 3 == 2
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month::new(self.year + 1, 1)
        } else {
            Month::new(self.year, self.month + 1)
        }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month::new(self.year - 1, 12)
        } else {
            Month::new(self.year, self.month - 1)
        }
    }

    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: days_in_month(self.year, self.month),
        }
    }

    pub fn be_year(self) -> i32 {
        self.year + BE_OFFSET
    }
}

impl fmt::Display for Month {
    /// `YYYY-MM` in C.E.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Parses `YYYY-MM-DD` (C.E. or B.E.), checking the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = normalise_year(parse_number(parts.next()?, 4)?);
        let month = u32::try_from(parse_number(parts.next()?, 2)?).ok()?;
        let day = u32::try_from(parse_number(parts.next()?, 2)?).ok()?;
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn month(self) -> Month {
        Month::new(self.year, self.month)
    }

    pub fn be_year(self) -> i32 {
        self.year + BE_OFFSET
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later.
    pub fn add_days(self, days: i64) -> Date {
        let z = self.days_since_epoch() + days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD` in C.E.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FiscalYear {
    /// Parses a fiscal year written in B.E. (`2566`) or C.E. (`2023`).
    pub fn parse(text: &str) -> Option<FiscalYear> {
        let year = parse_number(text.trim(), 4)?;
        Some(FiscalYear(normalise_year(year) + BE_OFFSET))
    }

    /// October, the first month.
    pub fn first_month(self) -> Month {
        Month::new(self.0 - BE_OFFSET - 1, 10)
    }

    /// September, the last month.
    pub fn last_month(self) -> Month {
        Month::new(self.0 - BE_OFFSET, 9)
    }

    /// The twelve months, October to September.
    pub fn months(self) -> impl Iterator<Item = Month> {
        std::iter::successors(Some(self.first_month()), |m| Some(m.next())).take(12)
    }

    pub fn contains_month(self, month: Month) -> bool {
        month.fiscal_year() == self
    }

    pub fn contains_date(self, date: Date) -> bool {
        date.month().fiscal_year() == self
    }
}

impl fmt::Display for FiscalYear {
    /// The B.E. number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_buddhist_and_common_era_months_alike() {
        assert_eq!(Month::parse("2566-01"), Month::parse("2023-01"));
        assert_eq!(Month::parse("2023-01"), Some(Month::new(2023, 1)));
        assert_eq!(Month::parse("2023-13"), None);
        assert_eq!(Month::parse("2023-1"), None);
        assert_eq!(Month::parse("๒๕๖๖-01"), None);
    }

    #[test]
    fn fiscal_year_2566_runs_october_2022_to_september_2023() {
        let fy = FiscalYear(2566);
        assert_eq!(fy.first_month(), Month::new(2022, 10));
        assert_eq!(fy.last_month(), Month::new(2023, 9));
        assert_eq!(Month::new(2022, 10).fiscal_year(), fy);
        assert_eq!(Month::new(2023, 9).fiscal_year(), fy);
        assert_eq!(Month::new(2023, 10).fiscal_year(), FiscalYear(2567));
        assert_eq!(fy.months().count(), 12);
        assert_eq!(FiscalYear::parse("2023"), Some(fy));
    }

    #[test]
    fn quarters_start_in_october() {
        assert_eq!(Month::new(2022, 12).quarter(), 1);
        assert_eq!(Month::new(2023, 1).quarter(), 2);
        assert_eq!(Month::new(2023, 9).quarter(), 4);
        assert!(Month::new(2023, 3).is_quarter_end());
        assert!(!Month::new(2023, 2).is_quarter_end());
    }

    #[test]
    fn dates_check_the_day_and_add_days() {
        assert_eq!(Date::parse("2565-09-29"), Date::parse("2022-09-29"));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert!(Date::parse("2024-02-29").is_some());
        let d = Date::parse("2023-01-20").unwrap();
        assert_eq!(d.add_days(60), Date::parse("2023-03-21").unwrap());
        assert_eq!(d.add_days(0), d);
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
    }
}

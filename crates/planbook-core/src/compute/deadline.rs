//! Reporting deadlines: which months are due by the build's clock, and the default as-of
//! month of a fiscal year (the latest month past its deadline, or that every plan has
//! filed, whichever is later).

use crate::model::{Content, Date, FiscalYear, Month, Site};

/// Why a year's figures are as of their month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfBasis {
    /// `--as-of`, `--month` or the site's `as_of`.
    Requested,
    /// The latest month whose deadline (this date) has passed.
    DeadlinePassed(Date),
    /// The latest month every plan of the year has filed, before its deadline.
    AllFiled,
    /// No clock: the latest month with an entry (or October).
    LatestEntry,
    /// No month of the year is due yet and none is filed by all: October.
    YearStart,
}

impl AsOfBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            AsOfBasis::Requested => "requested",
            AsOfBasis::DeadlinePassed(_) => "deadline_passed",
            AsOfBasis::AllFiled => "all_filed",
            AsOfBasis::LatestEntry => "latest_entry",
            AsOfBasis::YearStart => "year_start",
        }
    }
}

/// A year's as-of month and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub month: Month,
    pub basis: AsOfBasis,
}

/// Whether `month`'s entries are due: its deadline is before `content.today` (always, with
/// no clock).
pub fn is_due(content: &Content, month: Month) -> bool {
    month_is_due(&content.site, content.today, month)
}

fn month_is_due(site: &Site, today: Option<Date>, month: Month) -> bool {
    today.is_none_or(|today| today > site.deadline(month))
}

/// The as-of month of `year`: the requested month when it falls in the year; else, with a
/// clock, the later of the latest month past its deadline and the latest month every plan
/// of the year has filed; without one, the latest month with an entry; else October.
pub fn as_of(content: &Content, year: FiscalYear, requested: Option<Month>) -> AsOf {
    if let Some(month) = requested.filter(|m| year.contains_month(*m)) {
        return AsOf {
            month,
            basis: AsOfBasis::Requested,
        };
    }
    let filed: Vec<Vec<Month>> = content
        .plans
        .iter()
        .filter(|p| p.id.fiscal_year == year)
        .map(|p| p.entries.iter().map(|e| e.month).collect())
        .collect();
    default_as_of(&content.site, content.today, year, &filed)
}

/// [`as_of`] without a requested month, from the months each plan of the year has filed.
fn default_as_of(site: &Site, today: Option<Date>, year: FiscalYear, filed: &[Vec<Month>]) -> AsOf {
    let year_start = AsOf {
        month: year.first_month(),
        basis: AsOfBasis::YearStart,
    };
    if today.is_none() {
        return filed
            .iter()
            .filter_map(|months| months.iter().max().copied())
            .max()
            .map_or(year_start, |month| AsOf {
                month,
                basis: AsOfBasis::LatestEntry,
            });
    }
    let past_deadline = year
        .months()
        .filter(|m| month_is_due(site, today, *m))
        .last();
    let all_filed = year
        .months()
        .filter(|m| !filed.is_empty() && filed.iter().all(|months| months.contains(m)))
        .last();
    match (past_deadline, all_filed) {
        (_, Some(month)) if past_deadline.is_none_or(|due| month > due) => AsOf {
            month,
            basis: AsOfBasis::AllFiled,
        },
        (Some(month), _) => AsOf {
            month,
            basis: AsOfBasis::DeadlinePassed(site.deadline(month)),
        },
        (None, _) => year_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FY: FiscalYear = FiscalYear(2566);

    fn day(year: i32, month: u32, day: u32) -> Option<Date> {
        Some(Date { year, month, day })
    }

    fn as_of_on(today: Option<Date>, filed: &[Vec<Month>]) -> AsOf {
        default_as_of(&Site::default(), today, FY, filed)
    }

    #[test]
    fn a_month_is_due_after_the_tenth_of_the_next() {
        let site = Site::default();
        let march = Month::new(2023, 3);
        assert!(!month_is_due(&site, day(2023, 4, 10), march));
        assert!(month_is_due(&site, day(2023, 4, 11), march));
        assert!(month_is_due(&site, None, march));
        let fifth = Site {
            report_due_day: 31,
            ..Site::default()
        };
        assert_eq!(
            fifth.deadline(Month::new(2023, 1)),
            Date {
                year: 2023,
                month: 2,
                day: 28
            }
        );
    }

    #[test]
    fn the_default_as_of_waits_for_the_deadline_unless_everyone_filed() {
        let (feb, mar) = (Month::new(2023, 2), Month::new(2023, 3));
        let mut filed = vec![vec![feb, mar], vec![feb, mar], vec![feb, mar], vec![feb]];
        assert_eq!(
            as_of_on(day(2023, 4, 5), &filed),
            AsOf {
                month: feb,
                basis: AsOfBasis::DeadlinePassed(Date {
                    year: 2023,
                    month: 3,
                    day: 10
                })
            }
        );
        assert_eq!(as_of_on(day(2023, 4, 11), &filed).month, mar);
        filed[3].push(mar);
        assert_eq!(
            as_of_on(day(2023, 4, 5), &filed),
            AsOf {
                month: mar,
                basis: AsOfBasis::AllFiled
            }
        );
    }

    #[test]
    fn a_past_year_is_as_of_september_and_a_new_one_of_october() {
        let filed = vec![vec![Month::new(2023, 1)]];
        assert_eq!(as_of_on(day(2026, 1, 1), &filed).month, Month::new(2023, 9));
        assert_eq!(
            as_of_on(day(2022, 10, 20), &[Vec::new()]),
            AsOf {
                month: Month::new(2022, 10),
                basis: AsOfBasis::YearStart
            }
        );
        assert_eq!(
            as_of_on(None, &filed),
            AsOf {
                month: Month::new(2023, 1),
                basis: AsOfBasis::LatestEntry
            }
        );
    }
}

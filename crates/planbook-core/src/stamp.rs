//! The footer stamp of a report: which planbook made it and when, as Thai officials write a
//! date and time (`สร้างโดย planbook 0.1.0 เมื่อ ๒๖ พ.ย. ๒๕๖๙ ๐๙:๑๕ น.`).
//!
//! The time is the system clock in Thailand's time (UTC+7; Thailand keeps no daylight saving
//! time, so no time-zone database is needed), or `SOURCE_DATE_EPOCH` when set, the usual
//! switch for reproducible builds.

use crate::model::Date;
use crate::thai;
use std::time::{SystemTime, UNIX_EPOCH};

/// Indochina Time, UTC+7.
const ICT_OFFSET_SECONDS: i64 = 7 * 3600;

/// When a report was made, in Thailand's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: Date,
    pub hour: u32,
    pub minute: u32,
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970), when it is set to a number.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
}

/// The footer of a report showing `entries`: `SOURCE_DATE_EPOCH` when set; else the day the
/// latest of them changed (its `reported_on`, else its file's modification day), so an
/// unchanged month rebuilds byte for byte; else (nothing shown) now. In Arabic digits, as
/// every figure of the report (`thai_digits` governs the printable document only).
pub fn report_label<'a>(entries: impl Iterator<Item = &'a crate::model::ProgressEntry>) -> String {
    if source_date_epoch().is_some() {
        return Stamp::now().label(false);
    }
    match entries.filter_map(|e| e.changed_on()).max() {
        Some(date) => format!(
            "สร้างโดย planbook {} จากข้อมูลที่รายงานถึง {}",
            env!("CARGO_PKG_VERSION"),
            thai::date_short(date, false)
        ),
        None => Stamp::now().label(false),
    }
}

impl Stamp {
    /// Now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when it is set to a number.
    pub fn now() -> Stamp {
        let seconds = source_date_epoch().unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 2))
        });
        Stamp::from_unix(seconds)
    }

    /// The Thai local time of a Unix time.
    pub fn from_unix(seconds: i64) -> Stamp {
        let local = seconds.saturating_add(ICT_OFFSET_SECONDS);
        let days = local.div_euclid(86_400);
        let second_of_day = local.rem_euclid(86_400);
        let epoch = Date {
            year: 1970,
            month: 1,
            day: 1,
        };
        Stamp {
            date: epoch.add_days(days),
            // ok: second_of_day < 86_400, so both fit in u32.
            hour: u32::try_from(second_of_day / 3600).unwrap_or(0),
            minute: u32::try_from(second_of_day % 3600 / 60).unwrap_or(0),
        }
    }

    /// `๒๖ พ.ย. ๒๕๖๙ ๐๙:๑๕ น.`, in Thai digits when `thai_digits`.
    pub fn when(&self, thai_digits: bool) -> String {
        let text = format!(
            "{} {:02}:{:02} น.",
            thai::date_short(self.date, false),
            self.hour,
            self.minute
        );
        thai::digits_if(&text, thai_digits)
    }

    /// `สร้างโดย planbook 0.1.0 เมื่อ ๒๖ พ.ย. ๒๕๖๙ ๐๙:๑๕ น.`: the version is an identifier
    /// and keeps its Arabic digits.
    pub fn label(&self, thai_digits: bool) -> String {
        format!(
            "สร้างโดย planbook {} เมื่อ {}",
            env!("CARGO_PKG_VERSION"),
            self.when(thai_digits)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_time_reads_as_thai_time() {
        // 2026-11-26 02:15 UTC is 09:15 in Bangkok.
        let stamp = Stamp::from_unix(1_795_659_300);
        assert_eq!(
            stamp,
            Stamp {
                date: Date {
                    year: 2026,
                    month: 11,
                    day: 26
                },
                hour: 9,
                minute: 15
            }
        );
        assert_eq!(
            stamp.label(true),
            format!(
                "สร้างโดย planbook {} เมื่อ ๒๖ พ.ย. ๒๕๖๙ ๐๙:๑๕ น.",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert_eq!(stamp.when(false), "26 พ.ย. 2569 09:15 น.");
        // 20:00 UTC on 31 Dec is already 1 January in Thailand.
        let new_year = Stamp::from_unix(1_767_211_200);
        assert_eq!((new_year.date.year, new_year.date.day), (2026, 1));
        assert_eq!(new_year.hour, 3);
    }
}

//! Thai formatting: line breaks between words, B.E. years, Thai digits, month names, official dates, baht in words,
//! outline numbering and unit placement.
//!
//! Every function here is total: any `Month`, `Date`, `FiscalYear` or `Decimal` value
//! produces a string, never a panic. Money is always `rust_decimal::Decimal`.

mod breaks;
mod dates;
mod digits;
mod money;
mod outline;
mod units;
mod words;
#[cfg(any(test, fuzzing))]
pub mod words_reader;

pub use breaks::{BreakMode, break_offsets, has_thai, marked_html, word_offsets};
pub use dates::{
    MONTHS_ABBR, MONTHS_FULL, date_full, date_short, fiscal_year_label, month_abbr, month_full,
    month_number, month_short,
};
pub use digits::{digits_if, thai_digits};
pub use money::{baht, baht_whole, format_number};
pub use outline::{outline_label, thai_letter};
pub use units::{unit_before_number, with_unit};
pub use words::baht_text;

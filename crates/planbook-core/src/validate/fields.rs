//! Reading one located scalar as money, a quantity, a month, a date or an id.
//!
//! Every reader reports its own problem at the value's place and returns `None`, so callers
//! go on and collect every finding in one pass.

use super::ids::IdRegistry;
use super::names::Names;
use crate::diag::{Diagnostics, FileId, Loc};
use crate::i18n::Message;
use crate::load::pairs::Pairs;
use crate::load::raw::Text;
use crate::load::yaml::{file_start, loc};
use crate::model::compact::CompactText;
use crate::model::{Date, FiscalYear, Month};
use crate::msg;
use rust_decimal::Decimal;
use serde_saphyr::Spanned;
use std::str::FromStr;
use std::sync::Arc;

/// No single figure may exceed this (a quadrillion baht), so no sum or rate can overflow.
pub const MAX_MAGNITUDE: Decimal = Decimal::from_parts(0x5D89_FFFF, 0x0163_4578, 0, false, 2);

/// A reader bound to one file, handing out names from the check's shared `Names`.
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    pub file: FileId,
    pub names: &'a Names,
}

/// Whether a money value may be negative.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    NonNegative,
    Any,
}

impl Fields<'_> {
    /// Where a located value stands.
    pub fn at<T>(&self, value: &Spanned<T>) -> Loc {
        loc(self.file, &value.referenced)
    }

    pub fn start(&self) -> Loc {
        file_start(self.file)
    }

    /// A required value: reports `missing required field` at `parent` when absent.
    pub fn required<'a, T>(
        &self,
        value: &'a Option<T>,
        name: &str,
        parent: Loc,
        diags: &mut Diagnostics,
    ) -> Option<&'a T> {
        if value.is_none() {
            diags.error(parent, msg!("field-missing", name = name));
        }
        value.as_ref()
    }

    /// A required non-empty string.
    pub fn required_text(
        &self,
        value: &Option<Text>,
        name: &str,
        parent: Loc,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let text = self.required(value, name, parent, diags)?;
        self.text(text, name, diags)
    }

    /// A required non-empty name, shared with every equal name of the check.
    pub fn required_name(
        &self,
        value: &Option<Text>,
        name: &str,
        parent: Loc,
        diags: &mut Diagnostics,
    ) -> Option<Arc<str>> {
        let text = self.required(value, name, parent, diags)?;
        self.name(text, name, diags)
    }

    /// A non-empty string.
    pub fn text(&self, text: &Text, name: &str, diags: &mut Diagnostics) -> Option<String> {
        non_empty(self, text, name, diags).map(str::to_string)
    }

    /// A non-empty name, shared with every equal name of the check.
    pub fn name(&self, text: &Text, name: &str, diags: &mut Diagnostics) -> Option<Arc<str>> {
        non_empty(self, text, name, diags).map(|value| self.names.get(value))
    }

    /// An optional string: empty counts as absent.
    pub fn optional_text(&self, value: &Option<Text>, diags: &mut Diagnostics) -> Option<String> {
        present(self, value, diags).map(str::to_string)
    }

    /// An optional free text, held compact: empty counts as absent.
    pub fn optional_compact_text(
        &self,
        value: &Option<Text>,
        diags: &mut Diagnostics,
    ) -> Option<CompactText> {
        present(self, value, diags).map(CompactText::new)
    }

    /// An optional name: empty counts as absent.
    pub fn optional_name(&self, value: &Option<Text>, diags: &mut Diagnostics) -> Option<Arc<str>> {
        present(self, value, diags).map(|value| self.names.get(value))
    }

    /// Baht: at most 2 decimals, thousands separators allowed.
    pub fn money(&self, text: &Text, sign: Sign, diags: &mut Diagnostics) -> Option<Decimal> {
        let at = self.at(text);
        let value = match parse_number(&text.value, true) {
            Ok(value) => value,
            Err(problem) => {
                diags.error(
                    at,
                    msg!("money-invalid", value = &text.value, problem = problem),
                );
                return None;
            }
        };
        if value.scale() > 2 && value.normalize().scale() > 2 {
            diags.error(at, msg!("money-decimals", value = &text.value));
            return None;
        }
        if sign == Sign::NonNegative && value.is_sign_negative() && !value.is_zero() {
            diags.error(at, msg!("money-negative", value = &text.value));
            return None;
        }
        Some(value)
    }

    /// A quantity (targets, outputs, KPI values).
    pub fn quantity(&self, text: &Text, diags: &mut Diagnostics) -> Option<Decimal> {
        match parse_number(&text.value, false) {
            Ok(value) => Some(value),
            Err(problem) => {
                diags.error(
                    self.at(text),
                    msg!("number-invalid", value = &text.value, problem = problem),
                );
                None
            }
        }
    }

    /// A quantity in `unit`: when the unit is a percentage (ร้อยละ, `%`, เปอร์เซ็นต์), the
    /// value may carry a trailing `%` as typed in Excel (`50%` is 50).
    pub fn quantity_in(
        &self,
        text: &Text,
        unit: Option<&str>,
        diags: &mut Diagnostics,
    ) -> Option<Decimal> {
        let written = text.value.trim();
        let Some(number) = written.strip_suffix(['%', '％']) else {
            return self.quantity(text, diags);
        };
        if !unit.is_some_and(is_percent_unit) {
            diags.error(
                self.at(text),
                msg!(
                    "percent-not-percent-unit",
                    value = written,
                    unit = unit.unwrap_or_default()
                ),
            );
            return None;
        }
        match parse_number(number, false) {
            Ok(value) => Some(value),
            Err(problem) => {
                diags.error(
                    self.at(text),
                    msg!("number-invalid", value = &text.value, problem = problem),
                );
                None
            }
        }
    }

    /// A quantity that cannot be negative.
    pub fn count(&self, text: &Text, diags: &mut Diagnostics) -> Option<Decimal> {
        let value = self.quantity(text, diags)?;
        if value.is_sign_negative() && !value.is_zero() {
            diags.error(self.at(text), msg!("number-negative", value = &text.value));
            return None;
        }
        Some(value)
    }

    /// `YYYY-MM`, C.E. or B.E.
    pub fn month(&self, text: &Text, diags: &mut Diagnostics) -> Option<Month> {
        let value = parse_month_typed(&text.value);
        if value.is_none() {
            diags.error(self.at(text), msg!("month-invalid", value = &text.value));
        }
        value
    }

    /// A month that must fall in `fiscal_year`.
    pub fn month_in(
        &self,
        text: &Text,
        fiscal_year: FiscalYear,
        diags: &mut Diagnostics,
    ) -> Option<Month> {
        let month = self.month(text, diags)?;
        if fiscal_year.contains_month(month) {
            return Some(month);
        }
        self.outside_year(text, fiscal_year, month.year, false, diags);
        None
    }

    /// `YYYY-MM-DD`, C.E. or B.E.
    pub fn date(&self, text: &Text, diags: &mut Diagnostics) -> Option<Date> {
        let value = parse_date_typed(&text.value);
        if value.is_none() {
            diags.error(self.at(text), msg!("date-invalid", value = &text.value));
        }
        value
    }

    /// A date that must fall in `fiscal_year`.
    pub fn date_in(
        &self,
        text: &Text,
        fiscal_year: FiscalYear,
        diags: &mut Diagnostics,
    ) -> Option<Date> {
        let date = self.date(text, diags)?;
        if fiscal_year.contains_date(date) {
            return Some(date);
        }
        self.outside_year(text, fiscal_year, date.year, true, diags);
        None
    }

    /// Reports `text`, a month (or with `days` a date) of C.E. year `year`, as outside
    /// `fiscal_year`, giving the year's range in the era it was typed in.
    fn outside_year(
        &self,
        text: &Text,
        fiscal_year: FiscalYear,
        year: i32,
        days: bool,
        diags: &mut Diagnostics,
    ) {
        let value = text.value.trim();
        let range = year_range(fiscal_year, typed_in_ce(value, year), days);
        let message = if days {
            msg!(
                "date-outside-year",
                value = value,
                year = fiscal_year,
                range = range
            )
        } else {
            msg!(
                "month-outside-year",
                value = value,
                year = fiscal_year,
                range = range
            )
        };
        diags.error(self.at(text), message);
    }

    /// A required id of the plan-wide namespace (budget node, task, KPI), claimed in `ids`.
    pub fn plan_id(
        &self,
        value: &Option<Text>,
        parent: Loc,
        ids: &mut IdRegistry,
        diags: &mut Diagnostics,
    ) -> Option<Arc<str>> {
        let text = self.required(value, "id", parent, diags)?;
        self.id(text, diags)
            .inspect(|id| ids.claim(id, self.at(text), diags))
    }

    /// The entries of a mapping keyed by id (`disbursed`, `tasks`, `changes` …), without
    /// keys that name an id an earlier key named: spaces around an id do not count
    /// (`"workshop\u{a0}"` pasted from Excel is `workshop`), so such a key is a duplicate-key
    /// error at its place rather than a second amount silently added.
    pub fn unique_id_keys<'p, V>(
        &self,
        pairs: Option<&'p Spanned<Pairs<V>>>,
        diags: &mut Diagnostics,
    ) -> Vec<&'p (Text, Spanned<V>)> {
        let mut seen: Vec<(&str, u32)> = Vec::new();
        let mut unique = Vec::new();
        for pair in pairs.iter().flat_map(|p| p.value.0.iter()) {
            let key = &pair.0;
            let id = id_text(&key.value);
            if let Some((_, line)) = seen.iter().find(|(known, _)| *known == id) {
                diags.error(
                    self.at(key),
                    msg!(
                        "id-key-twice",
                        key = key.value.escape_debug(),
                        id = id,
                        line = line
                    ),
                );
                continue;
            }
            seen.push((id, self.at(key).line));
            unique.push(pair);
        }
        unique
    }

    /// An id: `[a-z0-9-]+`. A malformed id is reported but still returned, so references to
    /// it resolve and one mistake is not reported again at every use.
    pub fn id(&self, text: &Text, diags: &mut Diagnostics) -> Option<Arc<str>> {
        let value = id_text(&text.value);
        if !is_valid_id(value) {
            diags.error(self.at(text), msg!("id-invalid", value = value));
        }
        (!value.is_empty()).then(|| self.names.get(value))
    }
}

/// The trimmed text, reporting it when empty.
fn non_empty<'t>(
    f: &Fields<'_>,
    text: &'t Text,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<&'t str> {
    let value = text.value.trim();
    if value.is_empty() {
        diags.error(f.at(text), msg!("field-empty", name = name));
        return None;
    }
    printable(f, text, value, diags)
}

/// The trimmed text of an optional value, absent when empty.
fn present<'t>(
    f: &Fields<'_>,
    value: &'t Option<Text>,
    diags: &mut Diagnostics,
) -> Option<&'t str> {
    let text = value.as_ref()?;
    let value = text.value.trim();
    if value.is_empty() {
        return None;
    }
    printable(f, text, value, diags)
}

/// The text, unless it holds a control character (tab and line breaks aside): those come
/// from escapes such as `"\0"` or from binary pasted in, and no page, document or
/// spreadsheet can show them.
fn printable<'t>(
    f: &Fields<'_>,
    text: &Text,
    value: &'t str,
    diags: &mut Diagnostics,
) -> Option<&'t str> {
    let Some(control) = value
        .chars()
        .find(|&c| c.is_control() && c != '\t' && c != '\n')
    else {
        return Some(value);
    };
    diags.error(
        f.at(text),
        msg!(
            "text-control-character",
            code = format!("{:04X}", u32::from(control))
        ),
    );
    None
}

/// An id as written, without the spaces around it (also the no-break and zero-width ones
/// that come with text pasted from Word or Excel).
pub fn id_text(written: &str) -> &str {
    written.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
}

pub fn is_valid_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A month as typed: `2023-01`, `2566-01`, `๒๕๖๖-๐๑`, or a Thai month name and year
/// (`ม.ค. 2566`, `มกราคม ๒๕๖๖`, `ม.ค. พ.ศ. 2566`, `ม.ค. 66`: see [`parse_date_typed`]).
pub fn parse_month_typed(text: &str) -> Option<Month> {
    let ascii = to_ascii_digits(text);
    Month::parse(&ascii).or_else(|| match thai_named(&ascii)? {
        (None, month, year) => Month::parse(&format!("{year}-{month:02}")),
        (Some(_), ..) => None,
    })
}

/// A date as typed: `2023-02-05`, `2566-02-05`, Thai digits, or day, Thai month name and
/// year as in Thai letters: `๕ ก.พ. ๒๕๖๖`, `5 กุมภาพันธ์ 2566`, `5 ก.พ. พ.ศ. 2566`. With a
/// Thai month name a two-digit year is B.E. (`๕ ก.พ. ๖๖` is 5 February 2566); a four-digit
/// year follows the rule of every date (above 2400: B.E.).
pub fn parse_date_typed(text: &str) -> Option<Date> {
    let ascii = to_ascii_digits(text);
    Date::parse(&ascii).or_else(|| match thai_named(&ascii)? {
        (Some(day), month, year) => Date::parse(&format!("{year}-{month:02}-{day:02}")),
        (None, ..) => None,
    })
}

/// `(day, month, year)` of `[day] <Thai month name> [พ.ศ.] year`, the year as four digits
/// (`66` becomes `2566`); `None` when the text is not of that form.
fn thai_named(ascii: &str) -> Option<(Option<u32>, u32, String)> {
    let text = ascii.trim();
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let day = &text[..text.len() - rest.len()];
    let middle = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let year = &rest[middle.len()..];
    let middle = middle.trim();
    let name = middle.strip_suffix("พ.ศ.").unwrap_or(middle);
    let month = crate::thai::month_number(name)?;
    let day = match day.len() {
        0 => None,
        1 | 2 => Some(day.parse().ok()?),
        _ => return None,
    };
    let year = match year.len() {
        4 => year.to_string(),
        2 => format!("25{year}"),
        _ => return None,
    };
    Some((day, month, year))
}

/// Whether a month or date was typed with its C.E. year (`2023-10`), so that a message
/// about it speaks C.E.; otherwise (`2566-10`, `ต.ค. 66`) it speaks B.E., as typed.
fn typed_in_ce(written: &str, ce_year: i32) -> bool {
    to_ascii_digits(written).contains(&format!("{ce_year:04}"))
}

/// `YYYY-MM` with the B.E. year.
/// The months (or, with `days`, the dates) of `fiscal_year`, first .. last, in the era the
/// value was typed in.
fn year_range(fiscal_year: FiscalYear, in_ce: bool, days: bool) -> String {
    let (first, last) = (fiscal_year.first_month(), fiscal_year.last_month());
    let shown = |month: Month| {
        if in_ce {
            month.to_string()
        } else {
            month_be(month)
        }
    };
    if days {
        let last_day = last.last_day().day;
        format!("{}-01 .. {}-{last_day:02}", shown(first), shown(last))
    } else {
        format!("{} .. {}", shown(first), shown(last))
    }
}

fn month_be(month: Month) -> String {
    format!("{:04}-{:02}", month.be_year(), month.month)
}

/// Whether a unit names a percentage: ร้อยละ (also `ร้อยละ (ต่อปี)`), `%`, เปอร์เซ็นต์.
pub fn is_percent_unit(unit: &str) -> bool {
    let unit = unit.trim();
    unit.starts_with("ร้อยละ")
        || unit.starts_with("เปอร์เซ็นต์")
        || unit == "%"
        || unit.eq_ignore_ascii_case("percent")
}

/// Thai digits ๐-๙ become 0-9; everything else is kept.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// Parses a decimal written by a person: `6300`, `1234.50`, `"6,300.00"`, `๖,๓๐๐`, and for
/// money a trailing `บาท` and the whole-baht dash of Thai forms (`1,500.-`, `1,500.- บาท`).
/// Exponents, hex, `_` separators, `.inf` and floats are refused.
pub fn parse_number(text: &str, money: bool) -> Result<Decimal, Message> {
    let mut s = to_ascii_digits(text.trim());
    if money && let Some(stripped) = s.strip_suffix("บาท") {
        s = stripped.trim_end().to_string();
    }
    if money && let Some(stripped) = s.strip_suffix(".-") {
        s = stripped.to_string();
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    if body.is_empty() {
        return Err(msg!("number-write-digits"));
    }
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if !whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
        || whole.is_empty()
    {
        return Err(msg!("number-write-digits"));
    }
    if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(msg!("number-groups"));
        }
    }
    let digits: String = whole.chars().filter(|c| *c != ',').collect();
    let whole_digits = digits.trim_start_matches('0').len();
    let canonical = match fraction {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let significant = canonical.trim_start_matches('0').len();
    if significant > 26 {
        // Beyond what a `Decimal` holds exactly: a long whole part is over the cap anyway.
        return Err(if whole_digits > 15 {
            msg!("number-too-large")
        } else {
            msg!("number-too-many-digits")
        });
    }
    let value = Decimal::from_str(&canonical).map_err(|_| msg!("number-too-large-or-precise"))?;
    if value > MAX_MAGNITUDE {
        return Err(msg!("number-over-cap"));
    }
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_is_parsed_from_text_without_floats() {
        assert_eq!(
            parse_number("12345678901234.57", true),
            Ok(dec!(12345678901234.57))
        );
        assert_eq!(parse_number("0.07", true), Ok(dec!(0.07)));
        assert_eq!(parse_number("6,300.00", true), Ok(dec!(6300.00)));
        assert_eq!(parse_number("๑,๒๐๐", true), Ok(dec!(1200)));
        assert_eq!(parse_number("1,234.50 บาท", true), Ok(dec!(1234.50)));
        assert_eq!(parse_number("-100", true), Ok(dec!(-100)));
    }

    #[test]
    fn odd_numbers_are_refused() {
        for bad in [
            "1e3",
            "0x10",
            "1_000",
            ".inf",
            "12,34",
            "1,2345",
            "abc",
            "",
            "-",
            "1.",
            "บาท",
        ] {
            assert!(parse_number(bad, true).is_err(), "{bad} accepted");
        }
        assert!(parse_number("1234.50 บาท", false).is_err());
        assert!(parse_number("99999999999999999999999999999999", true).is_err());
        assert!(parse_number("1000000000000000", true).is_err());
        assert_eq!(
            parse_number("0.00000000000000000000000000001", false).map_err(|m| m.english()),
            Err("too many digits: at most 26 in all".into())
        );
        assert!(parse_number("999999999999999.99", true).is_ok());
    }

    #[test]
    fn the_magnitude_cap_is_a_quadrillion() {
        assert_eq!(MAX_MAGNITUDE, dec!(999999999999999.99));
    }
}

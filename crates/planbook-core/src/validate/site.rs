//! `site.yaml` and `fiscal-years/*.yaml`: site settings and each year's targets and texts.

use super::fields::{Fields, parse_number};
use crate::diag::Diagnostics;
use crate::load::raw::{List, RawFiscalYear, RawSignOff, RawSigner, RawSite, RawTargets, Text};
use crate::model::{FiscalYear, FiscalYearSettings, SignOff, Signer, Site, TargetCurve, Targets};
use rust_decimal::Decimal;
use serde_saphyr::Spanned;
use std::sync::Arc;

pub fn site(f: Fields, raw: &RawSite, diags: &mut Diagnostics) -> Site {
    let defaults = Site::default();
    let digits = digit_style(f, raw.thai_digits.as_ref(), diags);
    Site {
        title: f.optional_text(&raw.title, diags).unwrap_or(defaults.title),
        organisation: f
            .optional_text(&raw.organisation, diags)
            .unwrap_or_default(),
        ministry: f.optional_text(&raw.ministry, diags).unwrap_or_default(),
        base_path: base_path(f, raw.base_path.as_ref(), diags).unwrap_or(defaults.base_path),
        thai_digits: digits == DigitStyle::Thai,
        thai_digits_official: digits != DigitStyle::Arabic,
        as_of: raw.as_of.as_ref().and_then(|t| f.month(t, diags)),
        theme: theme(f, raw.theme.as_ref(), diags),
        report_due_day: report_due_day(f, raw.report_due_day.as_ref(), diags)
            .unwrap_or(defaults.report_due_day),
        current_year: raw
            .current_year
            .as_ref()
            .and_then(|t| year_value(f, t, diags)),
        language: raw.language.as_ref().and_then(|t| language(f, t, diags)),
    }
}

/// `language: th` or `en`.
fn language(f: Fields, text: &Text, diags: &mut Diagnostics) -> Option<crate::i18n::Lang> {
    let lang = match text.value.trim() {
        "th" => Some(crate::i18n::Lang::Th),
        "en" => Some(crate::i18n::Lang::En),
        _ => None,
    };
    if lang.is_none() {
        diags.error(
            f.at(text),
            crate::msg!("site-language-invalid", value = &text.value),
        );
    }
    lang
}

/// A fiscal year written in a settings file, or an error at its place.
fn year_value(f: Fields, text: &Text, diags: &mut Diagnostics) -> Option<FiscalYear> {
    let year = FiscalYear::parse(&text.value);
    if year.is_none() {
        diags.error(
            f.at(text),
            crate::msg!("site-year-invalid", value = &text.value),
        );
    }
    year
}

/// `report_due_day:` a day of the month, 1 to 31 (clamped to a shorter month's last day).
fn report_due_day(f: Fields, raw: Option<&Text>, diags: &mut Diagnostics) -> Option<u32> {
    let text = raw?;
    let day = text
        .value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d));
    if day.is_none() {
        diags.error(
            f.at(text),
            crate::msg!("site-due-day-invalid", value = text.value.trim()),
        );
    }
    day
}

/// What `thai_digits:` asks for.
#[derive(PartialEq, Eq)]
enum DigitStyle {
    /// `true`: every digit Thai.
    Thai,
    /// `false`: every digit Arabic but the signature dates'.
    Arabic,
    /// `official` (the default): Arabic in the body, Thai on the cover's year, the page
    /// numbers and the signature dates, as the official document.
    Official,
}

fn digit_style(f: Fields, raw: Option<&Text>, diags: &mut Diagnostics) -> DigitStyle {
    let Some(text) = raw else {
        return DigitStyle::Official;
    };
    match text.value.trim() {
        "true" => DigitStyle::Thai,
        "false" => DigitStyle::Arabic,
        "official" | "" => DigitStyle::Official,
        other => {
            diags.error(
                f.at(text),
                crate::msg!("site-digits-invalid", value = other),
            );
            DigitStyle::Official
        }
    }
}

/// `theme:` names a folder of `themes/` beside the content folder, nothing else: a path
/// (`../../etc`, `/srv/x`, `a/b`) or a hidden name is refused at its place.
/// `base_path`: where the site is served, for the few links that must be absolute (the
/// 404 page, shown at any depth; email reports' link back to the site). A path from the
/// server's root (`/plans/`) or a whole `http(s)://` address; a `/` is added at its end.
fn base_path(f: Fields, raw: Option<&Text>, diags: &mut Diagnostics) -> Option<String> {
    let text = raw?;
    let value = text.value.trim();
    let lower = value.to_ascii_lowercase();
    let absolute = value.starts_with('/') && !value.starts_with("//");
    let address = ["http://", "https://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    let plain = !value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\?#".contains(c));
    if !(absolute || address) || !plain {
        diags.error(f.at(text), crate::msg!("base-path-invalid", value = value));
        return None;
    }
    Some(if value.ends_with('/') {
        value.to_string()
    } else {
        format!("{value}/")
    })
}

fn theme(f: Fields, raw: Option<&Text>, diags: &mut Diagnostics) -> Option<String> {
    let text = raw?;
    let name = text.value.trim();
    if name.is_empty() {
        return None;
    }
    if !crate::paths::is_plain_name(name) {
        diags.error(f.at(text), crate::msg!("theme-name-invalid", name = name));
        return None;
    }
    Some(name.to_string())
}

/// A fiscal-year file; `named` is the year its file name gives, if any.
pub fn fiscal_year(
    f: Fields,
    raw: &RawFiscalYear,
    named: Option<FiscalYear>,
    diags: &mut Diagnostics,
) -> Option<FiscalYearSettings> {
    let declared = raw
        .fiscal_year
        .as_ref()
        .and_then(|t| year_value(f, t, diags));
    let year = match (declared, named) {
        (Some(d), Some(n)) if d != n => {
            if let Some(t) = &raw.fiscal_year {
                diags.error(
                    f.at(t),
                    crate::msg!("fiscal-year-differs", declared = d, named = n),
                );
            }
            return None;
        }
        (Some(year), _) | (None, Some(year)) => year,
        (None, None) => {
            diags.error(f.start(), crate::msg!("fiscal-year-missing"));
            return None;
        }
    };
    Some(FiscalYearSettings {
        year,
        disbursement_targets: targets(f, raw.disbursement_targets.as_ref(), diags),
        spending_targets: targets(f, raw.spending_targets.as_ref(), diags),
        conditions: text_list(f, raw.conditions.as_ref(), diags),
        approval_terms: text_list(f, raw.approval_terms.as_ref(), diags),
        sign_off: sign_off(f, raw.sign_off.as_ref(), diags),
    })
}

fn targets(f: Fields, raw: Option<&Spanned<RawTargets>>, diags: &mut Diagnostics) -> Targets {
    let Some(raw) = raw else {
        return Targets::default();
    };
    let curve = |list: &Option<Spanned<List<String>>>, diags: &mut Diagnostics| {
        list.as_ref().and_then(|l| target_curve(f, l, diags))
    };
    Targets {
        current: curve(&raw.value.current, diags),
        capital: curve(&raw.value.capital, diags),
        overall: curve(&raw.value.overall, diags),
    }
}

/// 4 quarter-end or 12 month-end cumulative percentages between 0 and 100.
fn target_curve(
    f: Fields,
    list: &Spanned<List<String>>,
    diags: &mut Diagnostics,
) -> Option<TargetCurve> {
    let at = f.at(list);
    let mut values = Vec::new();
    for item in &list.value {
        let item_at = f.at(item);
        match parse_number(&item.value, false) {
            Ok(v) if v >= Decimal::ZERO && v <= Decimal::ONE_HUNDRED => values.push(v),
            Ok(_) => {
                diags.error(
                    item_at,
                    crate::msg!("target-not-percentage", value = &item.value),
                );
                return None;
            }
            Err(problem) => {
                diags.error(
                    item_at,
                    crate::msg!("target-not-number", value = &item.value, problem = problem),
                );
                return None;
            }
        }
    }
    if values.windows(2).any(|w| w[1] < w[0]) {
        diags.warning(at, crate::msg!("targets-not-cumulative"));
    }
    match values.len() {
        4 => values.try_into().ok().map(TargetCurve::Quarterly),
        12 => values.try_into().ok().map(TargetCurve::Monthly),
        n => {
            diags.error(at, crate::msg!("targets-count", count = n));
            None
        }
    }
}

/// A list of names (objectives, details, conditions, approval terms), each shared.
pub fn text_list(f: Fields, list: Option<&List<String>>, diags: &mut Diagnostics) -> Vec<Arc<str>> {
    list.into_iter()
        .flatten()
        .filter_map(|t| f.name(t, "item", diags))
        .collect()
}

pub fn sign_off(f: Fields, raw: Option<&RawSignOff>, diags: &mut Diagnostics) -> SignOff {
    let Some(raw) = raw else {
        return SignOff::default();
    };
    SignOff {
        proposer: raw.proposer.as_ref().and_then(|s| signer(f, s, diags)),
        approver: raw.approver.as_ref().and_then(|s| signer(f, s, diags)),
    }
}

fn signer(f: Fields, raw: &Spanned<RawSigner>, diags: &mut Diagnostics) -> Option<Signer> {
    let at = f.at(raw);
    let name = f.required_name(&raw.value.name, "name", at, diags);
    let title = f.required_name(&raw.value.title, "title", at, diags);
    let date = raw.value.date.as_ref().and_then(|d| f.date(d, diags));
    Some(Signer {
        name: name?,
        title: title?,
        date,
    })
}

//! The data export under `output/data/`: JSON for other intranet tools and CSV for Excel.
//!
//! Money and percentages are strings with exactly 2 decimals, rounded half away from zero;
//! quantities are exact decimal strings; months are `YYYY-MM` in C.E.

pub mod csv;
pub mod json;
pub mod rows;

use crate::compute::round2;
use rust_decimal::Decimal;

/// A figure as an Excel cell holds it (a float): the one place a decimal becomes one, for
/// the workbooks. Every `Decimal` has a nearest `f64`.
pub fn excel_number(value: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value
        .to_f64()
        .expect("every Decimal converts to its nearest f64")
}

/// `"6300.00"`: 2 decimals, rounded half away from zero, never `-0.00`.
pub fn money(value: Decimal) -> String {
    let mut rounded = round2(value);
    if rounded.is_zero() {
        rounded = Decimal::ZERO;
    }
    rounded.rescale(2);
    // A figure of 27 digits or more (a saturated percentage) cannot take 2 decimals.
    match rounded.scale() {
        0 => format!("{rounded}.00"),
        1 => format!("{rounded}0"),
        _ => rounded.to_string(),
    }
}

/// A quantity as written, without trailing zeros: `"4.5"`, `"10"`.
pub fn quantity(value: Decimal) -> String {
    let normal = value.normalize();
    if normal.is_zero() {
        "0".into()
    } else {
        normal.to_string()
    }
}

/// Where each file goes, relative to the output folder.
pub fn plan_json_path(plan: &crate::model::PlanId) -> String {
    format!(
        "data/{}/plans/{}/{}.json",
        plan.fiscal_year, plan.office, plan.activity
    )
}

/// `data/<fy>/offices.csv`: the year's offices, ranked.
pub fn offices_csv_path(year: crate::model::FiscalYear) -> String {
    format!("data/{year}/offices.csv")
}

/// `data/<fy>/plans.csv`: every plan of the year.
pub fn plans_csv_path(year: crate::model::FiscalYear) -> String {
    format!("data/{year}/plans.csv")
}

/// `data/<fy>/offices/<office>.csv`: an office's plans.
pub fn office_csv_path(year: crate::model::FiscalYear, office: &str) -> String {
    format!("data/{year}/offices/{office}.csv")
}

/// `data/<fy>/months.csv`: the year's monthly series, whole and by office.
pub fn months_csv_path(year: crate::model::FiscalYear) -> String {
    format!("data/{year}/months.csv")
}

pub fn plan_csv_path(plan: &crate::model::PlanId) -> String {
    format!(
        "data/{}/plans/{}/{}.csv",
        plan.fiscal_year, plan.office, plan.activity
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_has_exactly_two_decimals() {
        assert_eq!(money(dec!(6300)), "6300.00");
        assert_eq!(money(dec!(52.375)), "52.38");
        assert_eq!(money(dec!(-0.001)), "0.00");
        assert_eq!(money(dec!(-12.345)), "-12.35");
        assert_eq!(money(Decimal::MAX), "79228162514264337593543950335.00");
        assert_eq!(money(Decimal::MIN), "-79228162514264337593543950335.00");
        let tenths = Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 1);
        assert_eq!(money(tenths), "7922816251426433759354395033.50");
        assert_eq!(quantity(dec!(4.50)), "4.5");
        assert_eq!(quantity(dec!(10)), "10");
    }
}

//! The office's register (ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณรายจ่ายประจำปีงบประมาณ), as
//! provincial offices keep it each month: programs, activities by budget type and budget
//! lines, with the allocation, the allotment received, what was spent and disbursed, what is
//! left of the allotment and the rates against it.
//!
//! `rows` builds it from figures as of its month; `xlsx` writes the workbook; the site page
//! is `render::views::register`. The site build writes both for every office and month
//! with an entry (beside the email reports, `site::reports`); `planbook register` writes one
//! workbook (`commands::register`).

pub mod rows;
pub mod xlsx;

pub use rows::{Register, has_register, register, register_months};

use crate::model::{FiscalYear, Month};

/// `data/<fy>/registers/<YYYY-MM>/<office>.xlsx`: the workbook of an office's month.
pub fn workbook_path(fy: FiscalYear, month: Month, office: &str) -> String {
    format!("data/{fy}/registers/{month}/{office}.xlsx")
}

/// The creation time written into a workbook (Unix seconds): `SOURCE_DATE_EPOCH` when set,
/// else the register's date (its month's last day, 00:00 UTC), so that two builds of the
/// same content give the same bytes.
pub fn creation_time(month: Month) -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| month.last_day().days_since_epoch() * 86_400)
}

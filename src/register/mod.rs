//! The office's register (ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณรายจ่ายประจำปีงบประมาณ), as
//! provincial offices keep it each month: programs, activities by budget type and budget
//! lines, with the allocation, the allotment received, what was spent and disbursed, what is
//! left of the allotment and the rates against it.
//!
//! `rows` builds it from figures as of its month; `xlsx` writes the workbook; the site page
//! is `render::views::register`. The site build writes both for every office and month
//! with an entry (beside the email reports, `report::site`); `planbook register` writes one
//! workbook (`write_register`).

pub mod rows;
pub mod xlsx;

pub use rows::{Register, has_register, register, register_months};

use crate::check::{self, CheckError};
use crate::compute;
use crate::model::{FiscalYear, Month};
use crate::output::{self, WriteError};
use std::path::PathBuf;

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

/// What `planbook register` is asked to do.
#[derive(Debug, Clone)]
pub struct RegisterOptions {
    pub content_dir: PathBuf,
    /// `YEAR/OFFICE`.
    pub target: String,
    /// The register's month; the as-of month of the year when absent.
    pub month: Option<Month>,
    /// Where to write; `ทะเบียนคุม-<office>-<YYYY-MM>.xlsx` in the current folder when absent.
    pub output: Option<PathBuf>,
}

/// What `planbook register` wrote.
#[derive(Debug)]
pub struct RegisterSummary {
    pub path: PathBuf,
    pub bytes: usize,
    pub month: Month,
    pub rows: usize,
    /// Warnings of the content, rendered as `path:line:col: warning: …`.
    pub warnings: String,
}

/// Why no register was written.
#[derive(Debug)]
pub enum RegisterError {
    Check(CheckError),
    /// The target is malformed, names no office, or the month is outside its year.
    Target(String),
    Xlsx(rust_xlsxwriter::XlsxError),
    Write(WriteError),
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegisterError::Check(e) => write!(f, "{e}"),
            RegisterError::Target(message) => f.write_str(message),
            RegisterError::Xlsx(message) => write!(f, "cannot make the workbook: {message}"),
            RegisterError::Write(e) => write!(f, "cannot write {e}"),
        }
    }
}

impl std::error::Error for RegisterError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RegisterError::Xlsx(e) => Some(e),
            RegisterError::Write(e) => Some(e),
            _ => None,
        }
    }
}

/// `planbook register YEAR/OFFICE`: checks the content, computes it as of the month and
/// writes the office's workbook.
pub fn write_register(options: &RegisterOptions) -> Result<RegisterSummary, RegisterError> {
    let (fiscal_year, office) = match crate::report::Target::parse(&options.target) {
        Ok(crate::report::Target::Office { year, office }) => (year, office),
        _ => {
            return Err(RegisterError::Target(format!(
                "`{}` is not YEAR/OFFICE (e.g. 2566/samut-prakan)",
                options.target
            )));
        }
    };
    let office = office.as_str();
    let checked = check::check(&options.content_dir).map_err(RegisterError::Check)?;
    checked.refuse_errors().map_err(RegisterError::Check)?;
    let content = &checked.content;
    let month = options
        .month
        .unwrap_or_else(|| compute::as_of_for(content, fiscal_year, content.site.as_of));
    if !fiscal_year.contains_month(month) {
        return Err(RegisterError::Target(format!(
            "{month} is outside fiscal year {fiscal_year}: choose a month from {} to {}",
            fiscal_year.first_month(),
            fiscal_year.last_month()
        )));
    }
    let figures = compute::execute(content, Some(month));
    let year = figures.years.iter().find(|y| y.year == fiscal_year);
    let office_figures = year.and_then(|y| y.offices.iter().find(|(_, o)| o.key == office));
    let (Some(year), Some((_, office_figures))) = (year, office_figures) else {
        return Err(RegisterError::Target(format!(
            "no office `{office}` in fiscal year {fiscal_year}"
        )));
    };
    let register = register(content, year, office_figures);
    let bytes = xlsx::workbook(&register, creation_time(month)).map_err(RegisterError::Xlsx)?;
    let path = options
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("ทะเบียนคุม-{office}-{month}.xlsx")));
    output::write_file(&path, &bytes).map_err(RegisterError::Write)?;
    Ok(RegisterSummary {
        path,
        bytes: bytes.len(),
        month,
        rows: register.rows.len(),
        warnings: checked.render(),
    })
}

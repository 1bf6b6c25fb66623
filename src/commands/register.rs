//! `planbook register YEAR/OFFICE`: one office's register of a month, as a workbook.

use crate::check::{self, CheckError};
use crate::compute;
use crate::model::Month;
use crate::output::{self, WriteError};
use crate::register::{creation_time, register, xlsx};
use std::path::PathBuf;

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
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error(transparent)]
    Check(CheckError),
    /// The target is malformed, names no office, or the month is outside its year.
    #[error("{0}")]
    Target(String),
    #[error("{}", crate::tr!("cannot-make-workbook", reason = .0))]
    Xlsx(#[source] rust_xlsxwriter::XlsxError),
    #[error("{}", crate::tr!("cannot-write", what = .0))]
    Write(#[source] WriteError),
}

impl crate::diag::Failure for RegisterError {
    fn passed_on(&self) -> Option<&dyn crate::diag::Failure> {
        match self {
            RegisterError::Check(error) => Some(error),
            _ => None,
        }
    }
}

/// `planbook register YEAR/OFFICE`: checks the content, computes it as of the month and
/// writes the office's workbook.
pub fn write_register(options: &RegisterOptions) -> Result<RegisterSummary, RegisterError> {
    let (fiscal_year, office) = match crate::email::Target::parse(&options.target) {
        Ok(crate::email::Target::Office { year, office }) => (year, office),
        _ => {
            return Err(RegisterError::Target(crate::tr!(
                "register-target-invalid",
                value = &options.target
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
        return Err(RegisterError::Target(crate::tr!(
            "month-outside-office-year",
            month = month,
            year = fiscal_year,
            first = fiscal_year.first_month(),
            last = fiscal_year.last_month()
        )));
    }
    let figures = compute::execute(content, Some(month));
    let year = figures.years.iter().find(|y| y.year == fiscal_year);
    let office_figures = year.and_then(|y| y.offices.iter().find(|(_, o)| o.key == office));
    let (Some(year), Some((_, office_figures))) = (year, office_figures) else {
        let message = crate::tr!("no-office-in-year", office = office, year = fiscal_year);
        let offices = crate::validate::suggest::office_ids(content, Some(fiscal_year));
        return Err(RegisterError::Target(
            crate::validate::suggest::did_you_mean(message, &options.target, &offices),
        ));
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

//! Email reports: one self-contained HTML file per office (or plan) and month, to attach to
//! an email and open anywhere, offline, on a phone or on paper.
//!
//! The file holds everything: styles in a `<style>`, charts as inline SVG, Sarabun as
//! `data:` URIs subset to what the file shows (see `fonts`); no script and no reference of any
//! kind outside it. Figures are computed as of the report's month. `planbook report` writes
//! one (`write_email_report`); the site build writes one per office beside each monthly report
//! page (`site::reports::write_site_reports`), through the same `render_email_report`.

pub mod fonts;
pub use crate::stamp;
pub mod target;
pub mod text;
pub mod view;

pub use fonts::{FontEmbedder, FontError};
pub use stamp::Stamp;
pub use target::Target;

use crate::check::{self, CheckError};
use crate::compute::{self, YearFigures};
use crate::model::{Content, Month};
use crate::output::guard::OutputRefused;
use crate::output::{self, WriteError};
use crate::render::RenderError;
use crate::render::theme::Theme;
use std::path::PathBuf;

/// What `planbook report` is asked to do.
#[derive(Debug, Clone)]
pub struct EmailReportOptions {
    pub content_dir: PathBuf,
    /// `YEAR/OFFICE` or `YEAR/OFFICE/ACTIVITY`.
    pub target: String,
    /// The report's month; the as-of month of the target's fiscal year when absent.
    pub month: Option<Month>,
    /// Where to write; a name saying what it is, in the current folder, when absent.
    pub output: Option<PathBuf>,
}

/// What `planbook report` wrote.
#[derive(Debug)]
pub struct EmailReportSummary {
    pub path: PathBuf,
    pub bytes: usize,
    pub month: Month,
    pub plans: usize,
    /// Warnings of the content, rendered as `path:line:col: warning: …`.
    pub warnings: String,
}

/// Why no report was written.
#[derive(Debug, thiserror::Error)]
pub enum EmailReportError {
    /// The content has errors, or no content folder (as `check` and `build` say it).
    #[error(transparent)]
    Check(CheckError),
    /// The output file would replace the content or themes, or cannot be a file.
    #[error(transparent)]
    OutputRefused(OutputRefused),
    /// The target is malformed or names no plan.
    #[error("{0}")]
    Target(String),
    /// The month is outside the target's fiscal year.
    #[error("{0}")]
    Month(String),
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The font could not be subset to what the report shows.
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("{}", crate::tr!("cannot-write", what = .0))]
    Write(#[source] WriteError),
}

impl crate::diag::Failure for EmailReportError {
    fn passed_on(&self) -> Option<&dyn crate::diag::Failure> {
        match self {
            EmailReportError::Check(error) => Some(error),
            _ => None,
        }
    }
}

/// Why one report could not be made: its template, or its font.
#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Font(#[from] FontError),
}

impl From<EmailError> for EmailReportError {
    fn from(e: EmailError) -> Self {
        match e {
            EmailError::Render(e) => EmailReportError::Render(e),
            EmailError::Font(e) => EmailReportError::Font(e),
        }
    }
}

/// Renders the report of `target` for `month`; `year` holds the figures as of that month.
pub fn render_email_report(
    theme: &Theme,
    fonts: &FontEmbedder<'_>,
    content: &Content,
    year: &YearFigures,
    target: &Target,
    month: Month,
    stamp: &str,
) -> Result<String, EmailError> {
    let view = view::email_view(content, year, target, month, stamp.to_string());
    let html = theme.render("email.html", &view)?;
    let faces = fonts.font_faces_for(&html)?;
    // The slot is the first thing in <head>'s <style>: user text comes later, escaped.
    Ok(html.replacen(view::FONT_SLOT, &faces, 1))
}

/// `planbook report`: checks the content, computes it as of the month and writes one file.
pub fn write_email_report(
    options: &EmailReportOptions,
) -> Result<EmailReportSummary, EmailReportError> {
    let target = Target::parse(&options.target).map_err(EmailReportError::Target)?;
    if let Some(path) = &options.output {
        output::guard::check_output_file(path, &options.content_dir)
            .map_err(EmailReportError::OutputRefused)?;
    }
    let mut checked = check::check(&options.content_dir).map_err(EmailReportError::Check)?;
    let loaded_theme = checked.theme.take();
    checked.refuse_errors().map_err(EmailReportError::Check)?;
    let content = &checked.content;
    let plans = target.plans(content).map_err(EmailReportError::Target)?;
    let fiscal_year = target.year();
    let filed = |month: Month| {
        plans
            .iter()
            .any(|&i| content.plans[i].entries.iter().any(|e| e.month == month))
    };
    // The month asked for, else the site's, else the target's own latest entry (not the
    // latest month any office has filed), else the year's as-of month.
    let own_latest = plans
        .iter()
        .filter_map(|&i| content.plans[i].entries.last().map(|e| e.month))
        .filter(|m| fiscal_year.contains_month(*m))
        .max();
    let month = options
        .month
        .or(content
            .site
            .as_of
            .filter(|m| fiscal_year.contains_month(*m)))
        .or(own_latest)
        .unwrap_or_else(|| compute::as_of_for(content, fiscal_year, None));
    let mut warnings = checked.render();
    if fiscal_year.contains_month(month) && !filed(month) {
        let latest = own_latest.map_or(String::new(), |m| {
            crate::tr!("report-latest-entry", month = m)
        });
        warnings.push_str(&format!(
            "{}: {}\n",
            crate::tr!("diag-warning"),
            crate::tr!(
                "report-no-entry",
                target = &target,
                month = month,
                latest = latest
            )
        ));
    }
    if !fiscal_year.contains_month(month) {
        return Err(EmailReportError::Month(crate::tr!(
            "month-outside-target-year",
            month = month,
            year = fiscal_year,
            target = &target,
            first = fiscal_year.first_month(),
            last = fiscal_year.last_month()
        )));
    }
    let figures = compute::execute(content, Some(month));
    let Some(year) = figures.years.iter().find(|y| y.year == fiscal_year) else {
        return Err(EmailReportError::Target(crate::tr!(
            "no-plan-plain",
            plan = &target
        )));
    };
    // Loaded by the check (which reports why, when it could not).
    let theme = match loaded_theme {
        Some(theme) => theme,
        None => Theme::load(&options.content_dir, content.site.theme.as_deref())
            .map_err(EmailReportError::Render)?,
    };
    let fonts = FontEmbedder::from_theme(&theme).map_err(EmailReportError::Render)?;
    let stamp = stamp::report_label(
        plans
            .iter()
            .flat_map(|&i| content.plans[i].entries.iter())
            .filter(|e| e.month <= month),
    );
    let html = render_email_report(&theme, &fonts, content, year, &target, month, &stamp)?;
    let path = options
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(target.file_name(month)));
    output::write_file(&path, html.as_bytes()).map_err(EmailReportError::Write)?;
    Ok(EmailReportSummary {
        path,
        bytes: html.len(),
        month,
        plans: plans.len(),
        warnings,
    })
}

/// `123.4 KB`, as the command line reports a file's size.
pub fn size_label(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    format!("{}.{} KB", tenths / 10, tenths % 10)
}

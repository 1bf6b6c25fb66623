//! The email reports of the site: beside every monthly report page
//! (`<fy>/reports/<YYYY-MM>/index.html`), one file per office of the year,
//! `<office>-<YYYY-MM>.html`, as `planbook report` writes it, figures as of that month.
//!
//! Months run one after another and offices within them in parallel; each month's figures are computed once
//! (the build's own figures serve its as-of month), and the font subsets are shared through
//! one `FontEmbedder` for the whole build. An incremental rebuild writes only the offices
//! whose plans changed, computing each month over their plans alone.

use super::{FontEmbedder, Stamp, Target, render_report};
use crate::compute::{self, Figures, YearFigures, series::months_through};
use crate::model::{Content, Month, Plan};
use crate::output::Sink;
use crate::render::paths;
use crate::render::theme::Theme;
use crate::site::SiteError;
use rayon::prelude::*;
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// Whose reports to write: every office's (a full build), or only these offices', by
/// fiscal year (B.E.) and office key (a rebuild after their plans changed).
#[derive(Clone, Copy)]
pub enum Offices<'a> {
    All,
    /// These offices' reports of `from` and later months (earlier months' figures and
    /// entries did not change).
    Only {
        offices: &'a HashSet<(i32, &'a str)>,
        from: Month,
    },
}

impl Offices<'_> {
    fn covers(&self, year: i32, office: &str) -> bool {
        match self {
            Offices::All => true,
            Offices::Only { offices, .. } => offices.contains(&(year, office)),
        }
    }

    fn covers_month(&self, month: Month) -> bool {
        match self {
            Offices::All => true,
            Offices::Only { from, .. } => month >= *from,
        }
    }
}

/// What the reports stage wrote, and how long it took.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteReports {
    pub files: usize,
    pub bytes: usize,
    pub elapsed: Duration,
}

/// Writes the reports of `offices` for every month that has a report page.
pub fn write_site_reports(
    sink: &dyn Sink,
    theme: &Theme,
    content: &Content,
    figures: &Figures,
    offices: Offices<'_>,
) -> Result<SiteReports, SiteError> {
    let started = Instant::now();
    // Figures of past months need only the plans whose reports are written.
    let scoped;
    let month_content = match offices {
        Offices::All => content,
        Offices::Only { .. } => {
            let covered = |p: &&Plan| offices.covers(p.id.fiscal_year.0, &p.id.office);
            scoped = Content {
                site: content.site.clone(),
                fiscal_years: content.fiscal_years.clone(),
                plans: content.plans.iter().filter(covered).cloned().collect(),
                pages: Vec::new(),
            };
            &scoped
        }
    };
    let fonts = FontEmbedder::from_theme(theme)?;
    let stamp = Stamp::now().label(content.site.thai_digits);
    let jobs: Vec<(&YearFigures, Month)> = figures
        .years
        .iter()
        .flat_map(|year| months_through(year.year, year.as_of).map(move |m| (year, m)))
        .filter(|&(_, month)| offices.covers_month(month))
        .collect();
    let write_month =
        |&(year, month): &(&YearFigures, Month)| -> Result<(usize, usize), SiteError> {
            // Figures index their plans in the content they were computed from.
            let computed;
            let (content_then, figures_then) = if month == year.as_of {
                (content, year)
            } else {
                computed = compute::execute(month_content, Some(month));
                match computed.years.iter().find(|y| y.year == year.year) {
                    Some(found) => (month_content, found),
                    None => return Ok((0, 0)),
                }
            };
            let sizes = figures_then
                .offices
                .par_iter()
                .filter(|(_, office)| offices.covers(year.year.0, &office.key))
                .map(|(_, office)| -> Result<usize, SiteError> {
                    let target = Target::Office {
                        year: year.year,
                        office: office.key.clone(),
                    };
                    let html = render_report(
                        theme,
                        &fonts,
                        content_then,
                        figures_then,
                        &target,
                        month,
                        &stamp,
                    )?;
                    sink.write(
                        &paths::report_download(year.year, month, &office.key),
                        html.as_bytes(),
                    )?;
                    Ok(html.len())
                })
                .collect::<Result<Vec<usize>, SiteError>>()?;
            Ok((sizes.len(), sizes.iter().sum()))
        };
    // A full build takes months one after another (each computes and holds the figures of
    // a whole year as of that month) and a month's offices in parallel; a rebuild, with an
    // office or two, takes its months in parallel instead.
    let written = match offices {
        Offices::All => jobs
            .iter()
            .map(write_month)
            .collect::<Result<Vec<_>, _>>()?,
        Offices::Only { .. } => jobs
            .par_iter()
            .map(write_month)
            .collect::<Result<Vec<_>, _>>()?,
    };
    Ok(SiteReports {
        files: written.iter().map(|(files, _)| files).sum(),
        bytes: written.iter().map(|(_, bytes)| bytes).sum(),
        elapsed: started.elapsed(),
    })
}

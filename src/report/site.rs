//! The email reports of the site: beside every monthly report page
//! (`<fy>/reports/<YYYY-MM>/index.html`), one file per office of the year,
//! `<office>-<YYYY-MM>.html`, as `planbook report` writes it, figures as of that month.
//!
//! Months run in parallel and offices within them; each month's figures are computed once
//! (the build's own figures serve its as-of month), and the font subsets are shared through
//! one `FontEmbedder` for the whole build.

use super::{FontEmbedder, Stamp, Target, render_report};
use crate::compute::{self, Figures, YearFigures, series::months_through};
use crate::model::{Content, Month};
use crate::output::Staging;
use crate::render::paths;
use crate::render::theme::Theme;
use crate::site::SiteError;
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// What the reports stage wrote, and how long it took.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteReports {
    pub files: usize,
    pub bytes: usize,
    pub elapsed: Duration,
}

/// Writes every office's report of every month that has a report page.
pub fn write_site_reports(
    staging: &Staging,
    theme: &Theme,
    content: &Content,
    figures: &Figures,
) -> Result<SiteReports, SiteError> {
    let started = Instant::now();
    let fonts = FontEmbedder::from_theme(theme)?;
    let stamp = Stamp::now().label(content.site.thai_digits);
    let jobs: Vec<(&YearFigures, Month)> = figures
        .years
        .iter()
        .flat_map(|year| months_through(year.year, year.as_of).map(move |m| (year, m)))
        .collect();
    let written = jobs
        .into_par_iter()
        .map(|(year, month)| -> Result<(usize, usize), SiteError> {
            let computed;
            let figures_then = if month == year.as_of {
                year
            } else {
                computed = compute::execute(content, Some(month));
                match computed.years.iter().find(|y| y.year == year.year) {
                    Some(found) => found,
                    None => return Ok((0, 0)),
                }
            };
            let sizes = figures_then
                .offices
                .par_iter()
                .map(|(_, office)| -> Result<usize, SiteError> {
                    let target = Target::Office {
                        year: year.year,
                        office: office.key.clone(),
                    };
                    let html = render_report(
                        theme,
                        &fonts,
                        content,
                        figures_then,
                        &target,
                        month,
                        &stamp,
                    )?;
                    staging.write(
                        &paths::report_download(year.year, month, &office.key),
                        html.as_bytes(),
                    )?;
                    Ok(html.len())
                })
                .collect::<Result<Vec<usize>, SiteError>>()?;
            Ok((sizes.len(), sizes.iter().sum()))
        })
        .collect::<Result<Vec<(usize, usize)>, SiteError>>()?;
    Ok(SiteReports {
        files: written.iter().map(|(files, _)| files).sum(),
        bytes: written.iter().map(|(_, bytes)| bytes).sum(),
        elapsed: started.elapsed(),
    })
}

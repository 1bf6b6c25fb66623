//! The email reports of the site: beside every monthly report page
//! (`<fy>/reports/<YYYY-MM>/index.html`), one file per office of the year,
//! `<office>-<YYYY-MM>.html`, as `planbook report` writes it, figures as of that month.
//! With the same figures, each office's register of every month with an entry: its page
//! (`<fy>/offices/<office>/register/<YYYY-MM>/index.html`) and its workbook
//! (`data/<fy>/registers/<YYYY-MM>/<office>.xlsx`).
//!
//! Offices run side by side, each computing the figures of its past months over its own
//! plans (an office's report shows nothing of other offices, so they come out the same as
//! over the whole content, and a thread holds one office's figures, not the year's); the
//! build's own figures serve the as-of month, and the font subsets are shared through one
//! `FontEmbedder` for the whole build. An incremental rebuild writes only the offices whose
//! plans changed, from the changed month on, the same way.

use super::SiteError;
use crate::compute::{self, Figures, YearFigures, series::months_through};
use crate::email::{FontEmbedder, Target, render_email_report};
use crate::model::{Content, Month};
use crate::output::Sink;
use crate::register;
use crate::render::paths;
use crate::render::theme::Theme;
use crate::render::views::SiteContext;
use crate::stamp;
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

/// What the reports stage wrote, and how long it took.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteReports {
    pub files: usize,
    /// Register pages and workbooks written (two files an office and month with an entry).
    pub registers: usize,
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
    let fonts = FontEmbedder::from_theme(theme)?;
    let site = SiteContext::new(content, figures);
    let writer = Writer {
        sink,
        theme,
        fonts: &fonts,
        content,
        figures,
        site: &site,
    };
    let sizes = match offices {
        // A full build takes the offices side by side, each with its months' figures
        // computed over its own plans: a thread holds one office's figures of a month, not
        // the whole year's (an office's report shows nothing of other offices).
        Offices::All => {
            let every: Vec<(i32, &str)> = figures
                .years
                .iter()
                .flat_map(|year| {
                    year.offices
                        .iter()
                        .map(|(_, o)| (year.year.0, o.key.as_str()))
                })
                .collect();
            every
                .par_iter()
                .map(|&office| writer.offices(&HashSet::from([office]), None))
                .collect::<Result<Vec<_>, _>>()?
                .concat()
        }
        Offices::Only { offices, from } => writer.offices(offices, Some(from))?,
    };
    let (reports, registers): (Vec<Written>, Vec<Written>) =
        sizes.into_iter().partition(|w| w.kind == Kind::Report);
    Ok(SiteReports {
        files: reports.len(),
        registers: registers.len(),
        bytes: reports.iter().map(|w| w.bytes).sum(),
        elapsed: started.elapsed(),
    })
}

/// What the reports of one build share.
struct Writer<'a> {
    sink: &'a dyn Sink,
    theme: &'a Theme,
    fonts: &'a FontEmbedder<'a>,
    content: &'a Content,
    figures: &'a Figures,
    /// The site's navigation, for the register pages.
    site: &'a SiteContext<'a>,
}

/// What kind of file was written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Report,
    Register,
}

/// A file written, and its size.
#[derive(Clone, Copy)]
struct Written {
    kind: Kind,
    bytes: usize,
}

impl Writer<'_> {
    /// The reports of `offices` (by fiscal year and office key) for every month, or for
    /// `from` and later months. Figures of a past month are computed over these offices'
    /// plans alone, months side by side; the as-of month takes the build's own figures.
    /// The size of each file written.
    fn offices(
        &self,
        offices: &HashSet<(i32, &str)>,
        from: Option<Month>,
    ) -> Result<Vec<Written>, SiteError> {
        let covers = |year: i32, office: &str| offices.contains(&(year, office));
        let content = self.content;
        let scoped = Content {
            site: content.site.clone(),
            fiscal_years: content.fiscal_years.clone(),
            plans: content
                .plans
                .iter()
                .filter(|p| covers(p.id.fiscal_year.0, &p.id.office))
                .cloned()
                .collect(),
            pages: Vec::new(),
            today: content.today,
        };
        let jobs: Vec<(&YearFigures, Month)> = self
            .figures
            .years
            .iter()
            .flat_map(|year| months_through(year.year, year.as_of).map(move |m| (year, m)))
            .filter(|&(_, month)| from.is_none_or(|from| month >= from))
            .collect();
        let sizes = jobs
            .par_iter()
            .map(|&(year, month)| -> Result<Vec<Written>, SiteError> {
                // Figures index their plans in the content they were computed from.
                let computed;
                let (content_then, figures_then) = if month == year.as_of {
                    (content, year)
                } else {
                    computed = compute::execute(&scoped, Some(month));
                    match computed.years.iter().find(|y| y.year == year.year) {
                        Some(found) => (&scoped, found),
                        None => return Ok(Vec::new()),
                    }
                };
                figures_then
                    .offices
                    .iter()
                    .filter(|(_, office)| covers(year.year.0, &office.key))
                    .map(|(_, office)| -> Result<Vec<Written>, SiteError> {
                        let target = Target::Office {
                            year: year.year,
                            office: office.key.clone(),
                        };
                        let stamp = stamp::report_label(
                            office
                                .plans
                                .iter()
                                .map(|&i| &content_then.plans[figures_then.plan_indices[i]])
                                .flat_map(|p| p.entries.iter())
                                .filter(|e| e.month <= month),
                        );
                        let html = render_email_report(
                            self.theme,
                            self.fonts,
                            content_then,
                            figures_then,
                            &target,
                            month,
                            &stamp,
                        )?;
                        self.sink.write(
                            &paths::report_download(year.year, month, &office.key),
                            html.as_bytes(),
                        )?;
                        let mut written = vec![Written {
                            kind: Kind::Report,
                            bytes: html.len(),
                        }];
                        if register::has_register(content_then, figures_then, office, month) {
                            written.extend(self.register(content_then, figures_then, office)?);
                        }
                        Ok(written)
                    })
                    .collect::<Result<Vec<Vec<Written>>, SiteError>>()
                    .map(|w| w.concat())
            })
            .collect::<Result<Vec<_>, SiteError>>()?;
        Ok(sizes.concat())
    }

    /// An office's register of the month its figures are computed as of: page and workbook.
    fn register(
        &self,
        content: &Content,
        year: &YearFigures,
        office: &crate::compute::RollUp,
    ) -> Result<[Written; 2], SiteError> {
        let register = register::register(content, year, office);
        let view = crate::render::views::register::register_page(self.site, &register);
        let html = self.theme.render_bytes("register.html", &view)?;
        self.sink.write(&view.layout.path, &html)?;
        let workbook = register::xlsx::workbook(&register, register::creation_time(year.as_of))
            .map_err(|e| {
                SiteError::Render(crate::render::RenderError {
                    template: "register.xlsx".into(),
                    message: e.to_string(),
                })
            })?;
        self.sink.write(
            &register::workbook_path(year.year, year.as_of, &office.key),
            &workbook,
        )?;
        Ok([
            Written {
                kind: Kind::Register,
                bytes: html.len(),
            },
            Written {
                kind: Kind::Register,
                bytes: workbook.len(),
            },
        ])
    }
}

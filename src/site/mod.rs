//! The site stage: every page of the site map (`docs/spec/outputs.md`) rendered in parallel through the
//! theme and written through the staging writer, with the theme's static files.
//! `check_links` then reads back everything staged, once every writer has run.

pub mod admin_files;
pub mod links;
pub mod progress_bar;
pub mod reports;
pub mod source_links;

pub use links::{BrokenLink, LinkIndex, check_links};
pub use progress_bar::Progress;

use crate::compute::{RollUp, YearFigures};
use crate::model::{Month, Page};
use crate::output::{Sink, WriteError};
use crate::render::RenderError;
use crate::render::paths::GroupKind;
use crate::render::theme::Theme;
use crate::render::views::{self, SiteContext, groups_of};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// `robots.txt` at the output's root.
pub const ROBOTS: &str = "robots.txt";
/// What it says unless `content/static/robots.txt` says otherwise: the site is an intranet's,
/// so no crawler is welcome.
pub const ROBOTS_DISALLOW_ALL: &str = "User-agent: *\nDisallow: /\n";

/// What the site stage wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteStats {
    pub pages: usize,
    pub charts: usize,
}

/// Why a stage of the site could not write its files.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("{}", crate::tr!("cannot-write", what = .0))]
    Write(#[from] WriteError),
    /// The email reports' font could not be subset.
    #[error(transparent)]
    Font(#[from] crate::email::FontError),
    /// A file of `content/static/` could not be read.
    #[error(transparent)]
    AdminFile(#[from] admin_files::ReadError),
}

impl From<crate::email::EmailError> for SiteError {
    fn from(e: crate::email::EmailError) -> Self {
        match e {
            crate::email::EmailError::Render(e) => SiteError::Render(e),
            crate::email::EmailError::Font(e) => SiteError::Font(e),
        }
    }
}

/// One page of the site to render.
#[derive(Clone, Copy)]
pub enum Job<'a> {
    Dashboard,
    Year(&'a YearFigures),
    Offices(&'a YearFigures),
    Office(&'a YearFigures, usize, &'a RollUp),
    Groups(&'a YearFigures, GroupKind),
    Group(&'a YearFigures, GroupKind, &'a RollUp),
    Plan(&'a YearFigures, usize),
    Reports(&'a YearFigures),
    Report(&'a YearFigures, Month),
    Free(&'a Page),
    /// `404.html`.
    NotFound,
    /// The search page.
    Search,
    /// The search index beside it: a script, not a page.
    SearchIndex,
}

impl Job<'_> {
    /// The kind of page, for timings.
    fn kind(&self) -> &'static str {
        match self {
            Job::Dashboard => "dashboard",
            Job::Year(_) => "year",
            Job::Offices(_) => "offices",
            Job::Office(..) => "office",
            Job::Groups(..) => "groups",
            Job::Group(..) => "group",
            Job::Plan(..) => "plan",
            Job::Reports(_) => "reports",
            Job::Report(..) => "report",
            Job::Free(_) => "free",
            Job::NotFound => "404",
            Job::Search => "search",
            Job::SearchIndex => "search index",
        }
    }
}

/// Every page of the site map, in a stable order.
fn jobs<'a>(ctx: &SiteContext<'a>) -> Vec<Job<'a>> {
    let mut jobs = vec![Job::Dashboard];
    for year in &ctx.figures.years {
        jobs.push(Job::Year(year));
        jobs.push(Job::Offices(year));
        jobs.extend(
            year.offices
                .iter()
                .map(|(rank, o)| Job::Office(year, *rank, o)),
        );
        for kind in GroupKind::ALL {
            jobs.push(Job::Groups(year, kind));
            jobs.extend(
                groups_of(year, kind)
                    .iter()
                    .map(|g| Job::Group(year, kind, g)),
            );
        }
        jobs.extend((0..year.plans.len()).map(|i| Job::Plan(year, i)));
        jobs.push(Job::Reports(year));
        jobs.extend(
            crate::compute::series::months_through(year.year, year.as_of)
                .map(|m| Job::Report(year, m)),
        );
    }
    jobs.extend(ctx.content.pages.iter().map(Job::Free));
    jobs.extend([Job::NotFound, Job::Search, Job::SearchIndex]);
    jobs
}

/// A rendered page: where it goes, its HTML, how many charts it holds.
struct Rendered {
    path: String,
    html: Vec<u8>,
    charts: usize,
}

/// A view that is one page of the site: where it goes and how many charts it draws.
trait SitePage: Serialize {
    fn path(&self) -> String;
    fn charts(&self) -> usize;
}

/// `SitePage` for views with a `layout`, each with how it counts its charts.
macro_rules! site_pages {
    ($($view:ty => |$it:pat_param| $charts:expr;)*) => {$(
        impl SitePage for $view {
            fn path(&self) -> String {
                self.layout.path.clone()
            }
            fn charts(&self) -> usize {
                let $it = self;
                $charts
            }
        }
    )*};
}

site_pages! {
    views::dashboard::DashboardView<'_> => |v| v.year.as_ref().map_or(0, |y| y.charts.count());
    views::year::YearView<'_> => |v| v.year.charts.count();
    views::office::OfficesView<'_> => |v| v.charts.count();
    views::office::OfficeView<'_> => |v| v.charts.count();
    views::groups::GroupsView<'_> => |_| 0;
    views::groups::GroupView<'_> => |v| v.charts.count();
    views::progress::PlanView<'_> => |v| v.charts.count();
    views::report::ReportsView<'_> => |_| 0;
    views::report::ReportView<'_> => |_| 0;
    views::page::PageView<'_> => |_| 0;
    views::search::SearchView<'_> => |_| 0;
}

/// The page `view` makes through `template`.
fn page(theme: &Theme, template: &str, view: &impl SitePage) -> Result<Rendered, RenderError> {
    Ok(Rendered {
        html: theme.render_bytes(template, view)?,
        path: view.path(),
        charts: view.charts(),
    })
}

fn render<'a>(
    ctx: &'a SiteContext<'a>,
    theme: &Theme,
    job: Job<'a>,
) -> Result<Rendered, RenderError> {
    use views::{dashboard, groups, office, progress, report, search, year};
    match job {
        Job::Dashboard => page(theme, "index.html", &dashboard::dashboard(ctx)),
        Job::Year(y) => page(theme, "year.html", &year::year_page(ctx, y)),
        Job::Offices(y) => page(theme, "offices.html", &office::offices_page(ctx, y)),
        Job::Office(y, rank, o) => {
            page(theme, "office.html", &office::office_page(ctx, y, rank, o))
        }
        Job::Groups(y, kind) => page(theme, "groups.html", &groups::groups_page(ctx, y, kind)),
        Job::Group(y, kind, g) => page(theme, "group.html", &groups::group_page(ctx, y, kind, g)),
        Job::Plan(y, position) => page(
            theme,
            "progress.html",
            &progress::plan_page(ctx, y, position),
        ),
        Job::Reports(y) => page(theme, "reports.html", &report::reports_page(ctx, y)),
        Job::Report(y, month) => page(theme, "report.html", &report::report_page(ctx, y, month)),
        Job::NotFound => page(theme, "404.html", &views::page::not_found_page(ctx)),
        Job::Free(free) => page(theme, "page.html", &views::page::free_page(ctx, free)),
        Job::Search => page(theme, "search.html", &search::search_page(ctx)),
        Job::SearchIndex => Ok(Rendered {
            path: crate::render::search::INDEX.to_string(),
            html: crate::render::search::site_index(ctx)
                .to_script()
                .into_bytes(),
            charts: 0,
        }),
    }
}

/// The theme's static files, under `static/`, and `robots.txt`.
pub fn write_statics(theme: &Theme, sink: &dyn Sink) -> Result<(), SiteError> {
    for (name, bytes) in theme.static_files()? {
        sink.write(&format!("static/{name}"), bytes)?;
    }
    sink.write(ROBOTS, ROBOTS_DISALLOW_ALL.as_bytes())?;
    Ok(())
}

/// Renders and writes the pages of the site map that `select` keeps (incremental rebuilds
/// pass the pages a change touches).
pub fn write_pages(
    ctx: &SiteContext<'_>,
    theme: &Theme,
    sink: &dyn Sink,
    progress: &Progress,
    select: &(dyn Fn(&Job) -> bool + Sync),
) -> Result<SiteStats, SiteError> {
    let jobs: Vec<Job> = jobs(ctx).into_iter().filter(|job| select(job)).collect();
    progress.add_work(jobs.len());
    let by_kind = std::sync::Mutex::new(BTreeMap::<&str, (usize, Duration)>::new());
    let timed = std::env::var_os("PLANBOOK_TIMINGS").is_some();
    let charts = jobs
        .into_par_iter()
        .map(|job| -> Result<(usize, bool), SiteError> {
            let started = Instant::now();
            let rendered = render(ctx, theme, job)?;
            sink.write(&rendered.path, &rendered.html)?;
            if timed && let Ok(mut by_kind) = by_kind.lock() {
                let entry = by_kind.entry(job.kind()).or_default();
                entry.0 += 1;
                entry.1 += started.elapsed();
            }
            progress.inc();
            Ok((rendered.charts, rendered.path.ends_with(".html")))
        })
        .collect::<Result<Vec<(usize, bool)>, SiteError>>()?;
    if timed {
        for (kind, (count, time)) in by_kind.into_inner().unwrap_or_default() {
            eprintln!(
                "timing:   {kind:<10} {count:>6} pages {:>8.1} ms (cpu)",
                time.as_secs_f64() * 1000.0
            );
        }
    }
    Ok(SiteStats {
        pages: charts.iter().filter(|(_, page)| *page).count(),
        charts: charts.iter().map(|(charts, _)| charts).sum(),
    })
}

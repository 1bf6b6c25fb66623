//! The stages after the check, in one order, for a full build and for a rebuild alike: the
//! data export, the plan documents, the site's pages and its email reports and registers,
//! written through a [`Sink`]. A [`Selection`] says what to write: everything, or what a
//! change to some plans touches. Every file written is shown to the link checker.

use crate::check::Checked;
use crate::compute::Figures;
use crate::export;
use crate::export::rows::{PlanRows, RowError};
use crate::left_out::LeftOut;
use crate::model::{Content, FiscalYearSettings, Month, Plan, PlanId};
use crate::output::{Sink, WriteError};
use crate::render::theme::Theme;
use crate::render::views::SiteContext;
use crate::render::{self, RenderError};
use crate::site::reports::Offices;
use crate::site::{self, BrokenLink, Job, LinkIndex, Progress, SiteError};
use crate::timings::Timings;
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

/// What to write.
pub enum Selection {
    /// Every file of the output.
    All,
    /// What a change to some plans touches (an incremental rebuild).
    Changed(Changes),
}

/// Plans changed since the output was written, and what that changed beyond their pages.
pub struct Changes {
    pub plans: HashSet<PlanId>,
    /// The earliest month whose figures or entry changed: reports of earlier months stay.
    pub from: Month,
    /// Whether the offices' ranking changed (every office page shows its rank).
    pub ranks_changed: bool,
    /// Whether a text the search index holds changed (a name, a code, a narrative): a
    /// change of figures alone leaves the index as it was.
    pub search_texts_changed: bool,
}

/// What the pages say beyond the content: what was left out, and whether each plan's
/// document is printed to PDF beside it.
#[derive(Default)]
pub struct PageOptions {
    pub left_out: LeftOut,
    pub pdf_links: bool,
    /// `content/static/`, copied to the output's root last (its files win); only when
    /// everything is written.
    pub admin_files: Option<std::path::PathBuf>,
}

/// What [`write`] wrote.
pub struct Written {
    /// HTML pages of the site (plan documents not included).
    pub pages: usize,
    /// Charts drawn into those pages.
    pub charts: usize,
    /// Email report files.
    pub reports: usize,
    /// What `--keep-going` left out, as the pages said.
    pub left_out: LeftOut,
}

/// What a selection keeps, resolved against the content.
struct Touched<'a> {
    plans: Option<&'a HashSet<PlanId>>,
    /// Where the changed plans are in `Content::plans`.
    plan_indices: HashSet<usize>,
    offices: HashSet<(i32, &'a str)>,
    groups: HashSet<&'a str>,
    from: Option<Month>,
    ranks_changed: bool,
    search_texts_changed: bool,
}

impl<'a> Touched<'a> {
    fn new(selection: &'a Selection, content: &'a Content) -> Touched<'a> {
        let Selection::Changed(changes) = selection else {
            return Touched {
                plans: None,
                plan_indices: HashSet::new(),
                offices: HashSet::new(),
                groups: HashSet::new(),
                from: None,
                ranks_changed: true,
                search_texts_changed: true,
            };
        };
        let offices = changes
            .plans
            .iter()
            .map(|id| (id.fiscal_year.0, id.office.as_str()))
            .collect();
        let groups = content
            .plans
            .iter()
            .filter(|p| changes.plans.contains(&p.id))
            .flat_map(|p| {
                [
                    p.project.as_deref(),
                    p.program.as_deref(),
                    p.strategy.national.as_deref(),
                ]
            })
            .flatten()
            .collect();
        let plan_indices = content
            .plans
            .iter()
            .enumerate()
            .filter(|(_, p)| changes.plans.contains(&p.id))
            .map(|(i, _)| i)
            .collect();
        Touched {
            plans: Some(&changes.plans),
            plan_indices,
            offices,
            groups,
            from: Some(changes.from),
            ranks_changed: changes.ranks_changed,
            search_texts_changed: changes.search_texts_changed,
        }
    }

    fn plan(&self, plan: &Plan) -> bool {
        self.plans.is_none_or(|plans| plans.contains(&plan.id))
    }

    /// Whether an office's own files (its plans' export) show a plan the selection touches.
    fn office(&self, year: i32, office: &str) -> bool {
        self.plans.is_none() || self.offices.contains(&(year, office))
    }

    /// Whether the page of `job` shows anything the selection touches.
    fn job(&self, job: &Job) -> bool {
        if self.plans.is_none() {
            return true;
        }
        match job {
            Job::Plan(year, position) => year
                .plan_indices
                .get(*position)
                .is_some_and(|i| self.plan_indices.contains(i)),
            Job::Office(year, _, office) => {
                self.ranks_changed || self.offices.contains(&(year.year.0, office.key.as_str()))
            }
            Job::Group(_, _, group) => self.groups.contains(group.key.as_str()),
            Job::Free(_) | Job::NotFound | Job::Search => false,
            // Rebuilt whole when a name, code or narrative changed.
            Job::SearchIndex => self.search_texts_changed,
            // A month's report shows figures as of that month: earlier ones stay as they were.
            Job::Report(_, month) => self.from.is_none_or(|from| *month >= from),
            _ => true,
        }
    }

    fn offices(&self) -> Offices<'_> {
        match self.from {
            None => Offices::All,
            Some(from) => Offices::Only {
                offices: &self.offices,
                from,
            },
        }
    }
}

/// Writes what `selection` keeps through `sink`: the export beside the documents, pages
/// and reports; pages and reports side by side (a few large pages, the year's and its
/// groups', would otherwise leave a core idle at the end). `rows`, the plans' rows of the
/// whole-year exports, are kept between writes: made whole when everything is written,
/// remade for the changed plans otherwise.
#[allow(clippy::too_many_arguments)]
pub fn write(
    sink: &dyn Sink,
    theme: &Theme,
    content: &Content,
    figures: &Figures,
    selection: &Selection,
    rows: &mut PlanRows,
    page_options: PageOptions,
    progress: &Progress,
) -> Result<Written, SiteError> {
    let admin_files = page_options.admin_files.clone();
    let touched = Touched::new(selection, content);
    let everything = matches!(selection, Selection::All);
    let select_plan = |plan: &Plan| touched.plan(plan);
    let (data, rendered) = rayon::join(
        || -> Result<(), SiteError> {
            let mut timings = Timings::start();
            let select_office = |year: i32, office: &str| touched.office(year, office);
            if everything {
                *rows = PlanRows::new(&content.plans, figures).map_err(rows_error)?;
            } else {
                rows.refresh(&content.plans, figures, &touched.plan_indices)
                    .map_err(rows_error)?;
            }
            write_data(sink, content, figures, rows, &select_plan, &select_office)?;
            timings.phase("data");
            Ok(())
        },
        || -> Result<Written, SiteError> {
            let mut timings = Timings::start();
            write_documents(sink, theme, content, &select_plan)?;
            timings.phase("documents");
            let mut context = SiteContext::new(content, figures);
            context.left_out = page_options.left_out;
            context.pdf_links = page_options.pdf_links;
            let (stats, reports) = rayon::join(
                || -> Result<site::SiteStats, SiteError> {
                    let select_job = |job: &Job| touched.job(job);
                    let stats = site::write_pages(&context, theme, sink, progress, &select_job)?;
                    if everything {
                        site::write_statics(theme, sink)?;
                    }
                    if everything && !context.left_out.is_empty() {
                        let page = render::views::left_out::page(&context, theme)?;
                        sink.write(crate::left_out::PAGE, page.as_bytes())?;
                    }
                    Ok(stats)
                },
                || {
                    site::reports::write_site_reports(
                        sink,
                        theme,
                        content,
                        figures,
                        touched.offices(),
                    )
                },
            );
            let (stats, reports) = (stats?, reports?);
            timings.phase("pages and reports");
            Ok(Written {
                pages: stats.pages,
                charts: stats.charts,
                reports: reports.files,
                left_out: context.left_out,
            })
        },
    );
    data?;
    let written = rendered?;
    if let (true, Some(folder)) = (everything, &admin_files) {
        site::admin_files::copy(folder, sink)?;
    }
    Ok(written)
}

/// A sink that shows every file to a link checker on its way to another sink, and
/// remembers its path.
pub struct LinkChecked<'a> {
    inner: &'a dyn Sink,
    links: LinkIndex,
    written: Mutex<HashSet<String>>,
}

impl<'a> LinkChecked<'a> {
    /// `base_path`: where the site is served (`site.yaml`), for links written from it.
    pub fn new(inner: &'a dyn Sink, base_path: &str) -> LinkChecked<'a> {
        LinkChecked {
            inner,
            links: LinkIndex::served_at(base_path),
            written: Mutex::new(HashSet::new()),
        }
    }

    /// Every writer has run: what the files refer to, and the files written.
    pub fn finish(self) -> (LinkIndex, HashSet<String>) {
        let written = self
            .written
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        (self.links, written)
    }
}

impl Sink for LinkChecked<'_> {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.inner.write(relative, bytes)?;
        self.links.observe(relative, bytes);
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(relative.to_string());
        Ok(())
    }
}

/// A sink that keeps nothing.
struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> Result<(), WriteError> {
        Ok(())
    }
}

/// The links the build would find broken, found without writing anything: every file is
/// rendered as the build renders it and shown to the link checker, then dropped. For
/// `check`, so it refuses what `build` would (links in user Markdown, or in a theme).
pub fn broken_links(checked: &Checked, figures: &Figures) -> Result<Vec<BrokenLink>, SiteError> {
    // Without a theme there is nothing to render: why is already an error of `checked`.
    let Some(theme) = &checked.theme else {
        return Ok(Vec::new());
    };
    let sink = LinkChecked::new(&Discard, &checked.content.site.base_path);
    write(
        &sink,
        theme,
        &checked.content,
        figures,
        &Selection::All,
        &mut PlanRows::default(),
        PageOptions {
            admin_files: Some(checked.content_dir.join(site::admin_files::FOLDER)),
            ..PageOptions::default()
        },
        &Progress::hidden(),
    )?;
    let (links, written) = sink.finish();
    Ok(links.broken(&written))
}

/// `<fy>/plans/<office>/<plan>/plan.html`: the printable plan document of every plan.
pub fn write_documents(
    sink: &dyn Sink,
    theme: &Theme,
    content: &Content,
    select: &(dyn Fn(&Plan) -> bool + Sync),
) -> Result<(), SiteError> {
    content
        .plans
        .par_iter()
        .filter(|p| select(p))
        .try_for_each(|plan| {
            let fallback;
            let fy = match content.fiscal_years.get(&plan.id.fiscal_year) {
                Some(fy) => fy,
                None => {
                    fallback = FiscalYearSettings {
                        year: plan.id.fiscal_year,
                        ..FiscalYearSettings::default()
                    };
                    &fallback
                }
            };
            let html = render::document::document_page(theme, &content.site, plan, fy)
                .map_err(|e: RenderError| SiteError::Render(e))?;
            sink.write(&render::document::document_path(&plan.id), html.as_bytes())?;
            Ok(())
        })
}

/// A CSV that could not be made, as a failure to write it.
fn csv_error(path: &str) -> impl Fn(csv::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.into(),
        error: error.into(),
    }
}

/// A plan's row of a whole-year file that could not be made, as a failure to write the file.
fn rows_error(error: RowError) -> WriteError {
    let path = export::plans_csv_path(error.year);
    csv_error(&path)(error.error)
}

/// The JSON and CSV export, the whole-year files joined from `rows`.
pub fn write_data(
    sink: &dyn Sink,
    content: &Content,
    figures: &Figures,
    rows: &PlanRows,
    select: &(dyn Fn(&Plan) -> bool + Sync),
    select_office: &(dyn Fn(i32, &str) -> bool + Sync),
) -> Result<(), WriteError> {
    sink.write(
        "data/index.json",
        export::json::index_json(&figures.years).as_bytes(),
    )?;
    for year in &figures.years {
        // The year's whole-year files side by side.
        let fy = year.year;
        // `write` made or refreshed the rows for these figures: every year has its rows.
        let Some(rows) = rows.year(fy) else {
            continue;
        };
        let summary = || {
            sink.write(
                &format!("data/{fy}/summary.json"),
                export::json::summary_json(&content.plans, year, rows.json()).as_bytes(),
            )
        };
        let tables = || -> Result<(), WriteError> {
            let offices = export::offices_csv_path(fy);
            sink.write(
                &offices,
                &export::csv::offices_csv(year).map_err(csv_error(&offices))?,
            )?;
            let months = export::months_csv_path(fy);
            sink.write(
                &months,
                &export::csv::months_csv(year).map_err(csv_error(&months))?,
            )?;
            let plans = export::plans_csv_path(fy);
            let csv = export::csv::plans_csv(rows.csv_lines(0..year.plans.len()));
            sink.write(&plans, &csv.map_err(csv_error(&plans))?)
        };
        let offices = || {
            year.offices
                .par_iter()
                .filter(|(_, office)| select_office(fy.0, &office.key))
                .try_for_each(|(_, office)| {
                    let path = export::office_csv_path(fy, &office.key);
                    let csv = export::csv::plans_csv(rows.csv_lines(office.plans.iter().copied()));
                    sink.write(&path, &csv.map_err(csv_error(&path))?)
                })
        };
        let plans = || {
            year.plan_indices
                .par_iter()
                .zip(&year.plans)
                .filter(|(i, _)| select(&content.plans[**i]))
                .try_for_each(|(&i, plan_figures)| {
                    let plan = &content.plans[i];
                    sink.write(
                        &export::plan_json_path(&plan.id),
                        export::json::plan_json(plan, plan_figures).as_bytes(),
                    )?;
                    let path = export::plan_csv_path(&plan.id);
                    let csv =
                        export::csv::budget_csv(plan, plan_figures).map_err(csv_error(&path))?;
                    sink.write(&path, &csv)
                })
        };
        let ((summary, tables), (offices, plans)) = rayon::join(
            || rayon::join(summary, tables),
            || rayon::join(offices, plans),
        );
        summary?;
        tables?;
        offices?;
        plans?;
    }
    Ok(())
}

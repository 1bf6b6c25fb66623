//! The pipeline as named steps: load → validate → compute → render → write.

use crate::compute::{self, Figures};
use crate::diag::{Diagnostics, FileId, SourceMap};
use crate::export;
use crate::model::{Content, FiscalYearSettings, Month, Plan};
use crate::output::{Sink, Staging, WriteError};
use crate::render::views::SiteContext;
use crate::render::{self, RenderError, theme::Theme};
use crate::site::LinkIndex;
use crate::site::{self, BrokenLink, Progress, SiteError};
use crate::timings::Timings;
use crate::{load, validate};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What `build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub output_dir: PathBuf,
    pub as_of: Option<Month>,
}

/// A content folder read and checked.
pub struct Checked {
    pub content: Content,
    pub sources: SourceMap,
    /// Every finding.
    pub diagnostics: Diagnostics,
    /// The findings of site.yaml, the fiscal years and the pages (and the walk).
    pub settings_diagnostics: Diagnostics,
    /// The findings of each plan folder, by plan id.
    pub folder_diagnostics: std::collections::BTreeMap<String, Diagnostics>,
}

/// Why a build did not publish.
#[derive(Debug)]
pub enum BuildError {
    /// The content has errors; the rendered findings are in `report`.
    Content {
        report: String,
        errors: usize,
    },
    /// The content folder is missing or not a folder.
    NoContent(PathBuf),
    Write(WriteError),
    Render(RenderError),
    /// Pages link to files that do not exist, or outside the output folder.
    BrokenLinks(Vec<BrokenLink>),
    /// `build --pdf` could not print the documents (no browser, say).
    Pdf(Box<crate::pdf::PdfError>),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content { errors, .. } => write!(
                f,
                "{errors} error{} in the content; nothing was written",
                if *errors == 1 { "" } else { "s" }
            ),
            BuildError::NoContent(path) => {
                write!(f, "{}: no such content folder", path.display())
            }
            BuildError::Write(e) => write!(f, "cannot write {e}"),
            BuildError::Render(e) => write!(f, "{e}"),
            BuildError::Pdf(e) => write!(f, "{e}"),
            BuildError::BrokenLinks(links) => {
                for (i, link) in links.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                        write!(f, "error: ")?;
                    }
                    write!(f, "{link}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<WriteError> for BuildError {
    fn from(e: WriteError) -> Self {
        BuildError::Write(e)
    }
}

impl From<RenderError> for BuildError {
    fn from(e: RenderError) -> Self {
        BuildError::Render(e)
    }
}

impl From<SiteError> for BuildError {
    fn from(e: SiteError) -> Self {
        match e {
            SiteError::Render(e) => BuildError::Render(e),
            SiteError::Write(e) => BuildError::Write(e),
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildSummary {
    pub plans: usize,
    pub files: usize,
    /// HTML pages of the site.
    pub pages: usize,
    /// Charts drawn into those pages.
    pub charts: usize,
    /// Email report files written beside the monthly report pages.
    pub reports: usize,
    pub warnings: String,
    pub warning_count: usize,
    pub elapsed: Duration,
}

impl BuildSummary {
    /// The one line printed at the end of a build, also when piped.
    pub fn line(&self, output: &Path) -> String {
        format!(
            "built {} plan{} into {}: {} page{}, {} chart{}, {} file{}, {} warning{} in {:.2} s",
            self.plans,
            plural(self.plans),
            output.display(),
            self.pages,
            plural(self.pages),
            self.charts,
            plural(self.charts),
            self.files,
            plural(self.files),
            self.warning_count,
            plural(self.warning_count),
            self.elapsed.as_secs_f64()
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One plan folder checked, with the texts its findings quote.
struct CheckedFolder {
    plan: Option<Plan>,
    diagnostics: Diagnostics,
    quoted: Vec<(FileId, String)>,
}

/// Loads and validates a content folder: settings first, then every plan folder in
/// parallel, each read, parsed and checked in one go so its raw form is dropped at once.
/// File texts are kept only where there is a finding to quote.
pub fn check(content_dir: &Path) -> Result<Checked, BuildError> {
    if !content_dir.is_dir() {
        return Err(BuildError::NoContent(content_dir.to_path_buf()));
    }
    let (found, mut sources, mut diagnostics) = load::discover(content_dir);
    let (raw_settings, texts) =
        load::load_settings(content_dir, &found, &sources, &mut diagnostics);
    for (file, text) in texts {
        sources.set_text(file, text);
    }
    let settings = validate::settings(&raw_settings, &sources, &mut diagnostics);
    drop(raw_settings);
    let settings_diagnostics = diagnostics.clone();
    let check_folders = || -> Vec<(String, CheckedFolder)> {
        found
            .plan_folders
            .par_iter()
            .map(|(plan_id, files)| {
                let mut local = Diagnostics::default();
                let (raw, texts) = load::load_plan_folder(content_dir, files, &sources, &mut local);
                let plan = validate::plan_folder(plan_id, &raw, &settings, &mut local);
                let quoted = texts
                    .into_iter()
                    .filter(|(f, _)| local.mentions(*f))
                    .collect();
                let folder = CheckedFolder {
                    plan,
                    diagnostics: local,
                    quoted,
                };
                (plan_id.clone(), folder)
            })
            .collect()
    };
    let checked = match load::parser_pool() {
        Some(pool) => pool.install(check_folders),
        None => check_folders(),
    };
    let mut plans = Vec::with_capacity(checked.len());
    let mut folder_diagnostics = std::collections::BTreeMap::new();
    for (plan_id, folder) in checked {
        diagnostics.extend(folder.diagnostics.clone());
        folder_diagnostics.insert(plan_id, folder.diagnostics);
        for (file, text) in folder.quoted {
            sources.set_text(file, text);
        }
        plans.extend(folder.plan);
    }
    let content = Content {
        site: settings.site,
        fiscal_years: settings.fiscal_years,
        plans,
        pages: settings.pages,
    };
    Ok(Checked {
        content,
        sources,
        diagnostics,
        settings_diagnostics,
        folder_diagnostics,
    })
}

/// Checks, computes and publishes the whole output, or leaves the old output untouched.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    build_full(options).map(|built| built.summary)
}

/// Prints the documents staged (with the theme's fonts, written by the site) to PDF beside
/// them, through the one writer.
fn print_staged_documents(staging: &Staging, content: &Content) -> Result<(), BuildError> {
    let documents: Vec<(&Plan, PathBuf)> = content
        .plans
        .iter()
        .map(|plan| {
            (
                plan,
                staging
                    .root()
                    .join(render::document::document_path(&plan.id)),
            )
        })
        .collect();
    crate::pdf::print_documents(&documents, |plan, pdf| {
        staging
            .write(&render::paths::plan_document_pdf(&plan.id), pdf)
            .map_err(crate::pdf::PdfError::Write)
    })
    .map_err(|e| BuildError::Pdf(Box::new(e)))?;
    Ok(())
}

/// A full build and what it knew: for sessions that rebuild incrementally afterwards.
pub struct Built {
    pub summary: BuildSummary,
    pub checked: Checked,
    pub figures: Figures,
    pub theme: Theme,
    /// Every file of the output, relative to it.
    pub written: std::collections::HashSet<String>,
}

/// [`build`], then every plan's document printed to PDF beside it (`build --pdf`), which the
/// plan's page links to.
pub fn build_with_pdfs(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    build_staged(options, true).map(|built| built.summary)
}

/// [`build`], keeping what it computed.
pub fn build_full(options: &BuildOptions) -> Result<Built, BuildError> {
    build_staged(options, false)
}

/// The whole build, printing the documents to PDF when `pdfs`.
fn build_staged(options: &BuildOptions, pdfs: bool) -> Result<Built, BuildError> {
    let started = Instant::now();
    let mut timings = Timings::start();
    let checked = check(&options.content_dir)?;
    timings.phase("check");
    if checked.diagnostics.has_errors() {
        return Err(BuildError::Content {
            report: checked.diagnostics.render(&checked.sources),
            errors: checked.diagnostics.error_count(),
        });
    }
    let figures = compute::execute(&checked.content, options.as_of);
    timings.phase("compute");
    let theme = Theme::load(&options.content_dir, checked.content.site.theme.as_deref())?;
    let mut staging = Staging::begin(&options.output_dir)?;
    let links = std::sync::Arc::new(LinkIndex::default());
    let observed = std::sync::Arc::clone(&links);
    staging.observe_with(Box::new(move |path, bytes| observed.observe(path, bytes)));
    write_data(&staging, &checked.content, &figures, &|_| true)?;
    timings.phase("data");
    write_documents(&staging, &theme, &checked.content, &|_| true)?;
    timings.phase("documents");
    let progress = Progress::new(started);
    let mut context = SiteContext::new(&checked.content, &figures);
    context.pdf_links = pdfs;
    let stats = site::write_site(&context, &theme, &staging, &progress)?;
    timings.phase("site");
    if pdfs {
        print_staged_documents(&staging, &checked.content)?;
        timings.phase("pdf");
    }
    let reports = crate::report::write_site_reports(
        &staging,
        &theme,
        &checked.content,
        &figures,
        crate::report::Offices::All,
    )?;
    progress.finish();
    timings.phase("reports");
    // Every writer has run: check the links of everything staged.
    staging.stop_observing();
    let broken = match std::sync::Arc::into_inner(links) {
        Some(links) => links.broken(&staging.written()),
        // Unreachable once the observer is dropped; read everything back rather than skip.
        None => site::check_links(staging.root()),
    };
    if !broken.is_empty() {
        return Err(BuildError::BrokenLinks(broken));
    }
    timings.phase("links");
    let files = staging.files_written();
    let written = staging.written();
    staging.publish()?;
    timings.phase("publish");
    let summary = BuildSummary {
        plans: checked.content.plans.len(),
        files,
        pages: stats.pages,
        charts: stats.charts,
        reports: reports.files,
        warnings: checked.diagnostics.render(&checked.sources),
        warning_count: checked.diagnostics.warning_count(),
        elapsed: started.elapsed(),
    };
    Ok(Built {
        summary,
        checked,
        figures,
        theme,
        written,
    })
}

/// `<fy>/plans/<office>/<plan>/plan.html`: the printable plan document of every plan.
pub fn write_documents(
    staging: &dyn Sink,
    theme: &Theme,
    content: &Content,
    select: &(dyn Fn(&Plan) -> bool + Sync),
) -> Result<(), BuildError> {
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
            let html = render::document::document_page(theme, &content.site, plan, fy)?;
            staging.write(&render::document::document_path(&plan.id), html.as_bytes())?;
            Ok(())
        })
}

/// The JSON and CSV export.
pub fn write_data(
    staging: &dyn Sink,
    content: &Content,
    figures: &Figures,
    select: &(dyn Fn(&Plan) -> bool + Sync),
) -> Result<(), WriteError> {
    staging.write(
        "data/index.json",
        export::json::index_json(&figures.years).as_bytes(),
    )?;
    for year in &figures.years {
        let fy = year.year;
        staging.write(
            &format!("data/{fy}/summary.json"),
            export::json::summary_json(&content.plans, year).as_bytes(),
        )?;
        staging.write(
            &format!("data/{fy}/offices.csv"),
            &export::csv::offices_csv(year),
        )?;
        year.plan_indices
            .par_iter()
            .zip(&year.plans)
            .filter(|(i, _)| select(&content.plans[**i]))
            .try_for_each(|(&i, plan_figures)| {
                let plan = &content.plans[i];
                staging.write(
                    &export::plan_json_path(&plan.id),
                    export::json::plan_json(plan, plan_figures).as_bytes(),
                )?;
                staging.write(
                    &export::plan_csv_path(&plan.id),
                    &export::csv::budget_csv(plan, plan_figures),
                )
            })?;
    }
    Ok(())
}

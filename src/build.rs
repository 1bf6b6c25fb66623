//! A full build: check → compute → the pipeline's stages into a staging folder → the
//! link check → publish, or nothing published at all.

use crate::check::CheckError;
use crate::compute::{self, Figures};
use crate::email::FontError;
use crate::export::rows::PlanRows;
use crate::left_out::LeftOut;
use crate::model::{Content, Month, Plan};
use crate::output::guard::{self, OutputRefused};
use crate::output::{Sink, Staging, WriteError};
use crate::pipeline::{self, LinkChecked, PageOptions, Selection};
use crate::render::{self, RenderError, theme::Theme};
use crate::site::{BrokenLink, Progress, SiteError};
use crate::timings::Timings;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What `build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub output_dir: PathBuf,
    pub as_of: Option<Month>,
}

pub use crate::check::{Checked, check};

/// Why a build did not publish.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors; the rendered findings are in `report`.
    #[error("{}", crate::tr!("build-content-errors", errors = errors))]
    Content { report: String, errors: usize },
    /// The content folder is missing or not a folder.
    #[error("{}", crate::tr!("no-content-folder", path = .0.display()))]
    NoContent(PathBuf),
    /// The output would replace the content or themes, or cannot be a folder.
    #[error(transparent)]
    OutputRefused(OutputRefused),
    #[error("{}", crate::tr!("cannot-write", what = .0))]
    Write(#[from] WriteError),
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The email reports' font could not be subset.
    #[error(transparent)]
    Font(#[from] FontError),
    /// Pages link to files that do not exist, or outside the output folder.
    #[error("{}", broken_links(.0))]
    BrokenLinks(Vec<BrokenLink>),
    /// `build --pdf` could not print the documents (no browser, say).
    #[error(transparent)]
    Pdf(Box<crate::pdf::PdfError>),
    /// A file of `content/static/` could not be read.
    #[error(transparent)]
    AdminFile(crate::site::admin_files::ReadError),
}

/// Every broken link, one a line, each after the first with its own `error: `.
fn broken_links(links: &[BrokenLink]) -> String {
    links
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(&format!("\n{}: ", crate::tr!("diag-error")))
}

impl crate::diag::Failure for BuildError {
    fn findings(&self) -> Option<&str> {
        match self {
            BuildError::Content { report, .. } => Some(report),
            _ => None,
        }
    }

    fn line(&self) -> String {
        match self {
            BuildError::Content { errors, .. } => {
                crate::tr!("build-content-errors", errors = *errors)
            }
            _ => self.to_string(),
        }
    }
}

impl From<CheckError> for BuildError {
    fn from(e: CheckError) -> Self {
        match e {
            CheckError::Content { report, errors } => BuildError::Content { report, errors },
            CheckError::NoContent(path) => BuildError::NoContent(path),
        }
    }
}

impl From<SiteError> for BuildError {
    fn from(e: SiteError) -> Self {
        match e {
            SiteError::Render(e) => BuildError::Render(e),
            SiteError::Write(e) => BuildError::Write(e),
            SiteError::Font(e) => BuildError::Font(e),
            SiteError::AdminFile(e) => BuildError::AdminFile(e),
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
        crate::tr!(
            "built",
            plans = self.plans,
            output = output.display(),
            pages = self.pages,
            charts = self.charts,
            files = self.files,
            warnings = self.warning_count,
            seconds = format!("{:.2}", self.elapsed.as_secs_f64())
        )
    }
}

/// Checks, computes and publishes the whole output, or leaves the old output untouched.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    build_full(options).map(|built| built.summary)
}

/// Prints the documents staged (with the theme's fonts, written by the site) to PDF beside
/// them, through the one writer.
fn print_staged_documents(
    staging: &Staging,
    sink: &dyn Sink,
    content: &Content,
) -> Result<(), BuildError> {
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
        sink.write(&render::paths::plan_document_pdf(&plan.id), pdf)
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
    /// The plans' rows of the whole-year exports, for a rebuild to join again.
    pub rows: PlanRows,
    pub theme: Theme,
    /// Every file of the output, relative to it.
    pub written: std::collections::HashSet<String>,
    /// What `--keep-going` left out (empty otherwise).
    pub left_out: LeftOut,
}

/// `build --keep-going`: plans, fiscal years and pages with errors are left out and the
/// rest is built and published; what was left out is returned (empty: a clean build).
pub fn build_keeping_going(
    options: &BuildOptions,
    pdfs: bool,
) -> Result<(BuildSummary, LeftOut), BuildError> {
    build_full_with(options, true, pdfs).map(|built| (built.summary, built.left_out))
}

/// [`build`], then every plan's document printed to PDF beside it (`build --pdf`), which the
/// plan's page links to.
pub fn build_with_pdfs(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    build_full_with(options, false, true).map(|built| built.summary)
}

/// [`build`], keeping what it computed.
pub fn build_full(options: &BuildOptions) -> Result<Built, BuildError> {
    build_full_with(options, false, false)
}

/// The whole build: with `keep_going`, plans with errors are left out; with `pdfs`, the
/// documents are printed to PDF too.
fn build_full_with(
    options: &BuildOptions,
    keep_going: bool,
    pdfs: bool,
) -> Result<Built, BuildError> {
    let started = Instant::now();
    let mut timings = Timings::start();
    // Before anything is read: no build may replace the content or the themes.
    let destination = guard::check_output(&options.output_dir, &options.content_dir)
        .map_err(BuildError::OutputRefused)?;
    let mut checked = check(&options.content_dir)?;
    timings.phase("check");
    let left_out = if keep_going && checked.has_errors() {
        checked.leave_out()
    } else {
        LeftOut::default()
    };
    checked.refuse_errors()?;
    let figures = compute::execute(&checked.content, options.as_of);
    timings.phase("compute");
    let theme = match checked.theme.take() {
        Some(theme) => theme,
        None => Theme::load(&options.content_dir, checked.content.site.theme.as_deref())?,
    };
    let staging = Staging::begin(&destination)?;
    let sink = LinkChecked::new(&staging, &checked.content.site.base_path);
    let progress = Progress::new(started);
    let mut rows = PlanRows::default();
    let written_out = pipeline::write(
        &sink,
        &theme,
        &checked.content,
        &figures,
        &Selection::All,
        &mut rows,
        PageOptions {
            left_out,
            pdf_links: pdfs,
            admin_files: Some(checked.content_dir.join(crate::site::admin_files::FOLDER)),
        },
        &progress,
    )?;
    progress.finish();
    timings.phase("write");
    if pdfs {
        print_staged_documents(&staging, &sink, &checked.content)?;
        timings.phase("pdf");
    }
    // Every writer has run: check the links of everything staged.
    let (links, written) = sink.finish();
    let broken = links.broken(&written);
    if !broken.is_empty() {
        return Err(BuildError::BrokenLinks(broken));
    }
    timings.phase("links");
    let files = staging.files_written();
    staging.publish()?;
    timings.phase("publish");
    let summary = BuildSummary {
        plans: checked.content.plans.len(),
        files,
        pages: written_out.pages,
        charts: written_out.charts,
        reports: written_out.reports,
        warnings: checked.render(),
        warning_count: checked.warning_count(),
        elapsed: started.elapsed(),
    };
    Ok(Built {
        summary,
        checked,
        figures,
        rows,
        theme,
        written,
        left_out: written_out.left_out,
    })
}

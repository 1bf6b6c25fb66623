//! The pipeline as named steps: load → validate → compute → render → write.

use crate::compute::{self, Figures};
use crate::diag::{Diagnostics, FileId, SourceMap};
use crate::export;
use crate::left_out::LeftOut;
use crate::model::{Content, FiscalYearSettings, Month, Plan};
use crate::output::guard::{self, OutputRefused};
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
    /// The content folder read.
    pub content_dir: PathBuf,
    /// The theme the build will render with; `None` when it cannot be loaded (an error of
    /// `diagnostics` says why), so `check` refuses what `build` would.
    pub theme: Option<Theme>,
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
    /// The output would replace the content or themes, or cannot be a folder.
    OutputRefused(OutputRefused),
    Write(WriteError),
    Render(RenderError),
    /// Pages link to files that do not exist, or outside the output folder.
    BrokenLinks(Vec<BrokenLink>),
    /// `build --pdf` could not print the documents (no browser, say).
    Pdf(Box<crate::pdf::PdfError>),
    /// A file of `content/static/` could not be read.
    AdminFile(site::admin_files::ReadError),
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
            BuildError::OutputRefused(e) => write!(f, "{e}"),
            BuildError::Write(e) => write!(f, "cannot write {e}"),
            BuildError::Render(e) => write!(f, "{e}"),
            BuildError::Pdf(e) => write!(f, "{e}"),
            BuildError::AdminFile(e) => write!(f, "{e}"),
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
    /// Where plan.yaml says `office:`, for the check across an office's plans.
    office_at: Option<crate::diag::Loc>,
}

/// Loads and validates a content folder: settings first, then every plan folder in
/// parallel, each read, parsed and checked in one go so its raw form is dropped at once.
/// File texts are kept only where there is a finding to quote.
pub fn check(content_dir: &Path) -> Result<Checked, BuildError> {
    if !content_dir.is_dir() {
        return Err(BuildError::NoContent(content_dir.to_path_buf()));
    }
    let (found, mut sources, mut diagnostics) = load::discover(content_dir);
    validate::same_plan_twice(&found, &mut diagnostics);
    let (raw_settings, texts) =
        load::load_settings(content_dir, &found, &sources, &mut diagnostics);
    for (file, text) in texts {
        sources.set_text(file, text);
    }
    let settings = validate::settings(&raw_settings, &sources, &mut diagnostics);
    let theme = load_theme(
        content_dir,
        &raw_settings,
        &settings.site,
        &mut sources,
        &mut diagnostics,
    );
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
                let plan_text = files
                    .plan
                    .and_then(|id| texts.iter().find(|(f, _)| *f == id).map(|(f, t)| (*f, t)));
                let office_at = plan_text.and_then(|(file, text)| {
                    validate::unfinished::plan_file(file, text, plan.as_ref(), &mut local);
                    validate::unfinished::top_level_key(file, text, "office")
                });
                let quoted = texts
                    .into_iter()
                    .filter(|(f, _)| local.mentions(*f))
                    .collect();
                let folder = CheckedFolder {
                    plan,
                    diagnostics: local,
                    quoted,
                    office_at,
                };
                (plan_id.clone(), folder)
            })
            .collect()
    };
    let checked = match load::parser_pool() {
        Some(pool) => pool.install(check_folders),
        None => check_folders(),
    };
    let mut office_names = Diagnostics::default();
    validate::unfinished::office_names(
        &checked
            .iter()
            .filter_map(|(_, folder)| {
                Some(validate::unfinished::OfficeName {
                    plan: folder.plan.as_ref()?,
                    at: folder.office_at?,
                })
            })
            .collect::<Vec<_>>(),
        &mut office_names,
    );
    diagnostics.extend(office_names);
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
        today: Some(crate::report::stamp::Stamp::now().date),
    };
    Ok(Checked {
        content_dir: content_dir.to_path_buf(),
        content,
        sources,
        diagnostics,
        settings_diagnostics,
        folder_diagnostics,
        theme,
    })
}

/// Loads and compiles the theme as the build will, reporting a problem at site.yaml's
/// `theme:` (a missing theme), or at the theme's templates folder (`../themes/…`, the
/// message naming the template, line and column).
fn load_theme(
    content_dir: &Path,
    raw: &load::RawSettings,
    site: &crate::model::Site,
    sources: &mut SourceMap,
    diagnostics: &mut Diagnostics,
) -> Option<Theme> {
    let error = match Theme::load(content_dir, site.theme.as_deref()) {
        Ok(theme) => return Some(theme),
        Err(error) => error,
    };
    let named_at = raw.site.as_ref().and_then(|(file, site)| {
        site.theme
            .as_ref()
            .map(|text| load::yaml::loc(*file, &text.referenced))
    });
    let name = site.theme.as_deref().unwrap_or("default");
    let missing = error.message.contains("not found");
    let at = match named_at {
        Some(at) if missing => at,
        // A template that does not compile: at the theme's folder, the message naming the
        // template, line and column.
        _ => load::yaml::file_start(sources.add(
            Path::new("..").join("themes").join(name).join("templates"),
            String::new(),
        )),
    };
    let message = error.message.trim_start_matches("error: ");
    diagnostics.error(at, message.to_string());
    None
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
    let left_out = if keep_going && checked.diagnostics.has_errors() {
        crate::left_out::leave_out(&mut checked)
    } else {
        LeftOut::default()
    };
    if checked.diagnostics.has_errors() {
        return Err(BuildError::Content {
            report: checked.diagnostics.render(&checked.sources),
            errors: checked.diagnostics.error_count(),
        });
    }
    let figures = compute::execute(&checked.content, options.as_of);
    timings.phase("compute");
    let theme = match checked.theme.take() {
        Some(theme) => theme,
        None => Theme::load(&options.content_dir, checked.content.site.theme.as_deref())?,
    };
    let mut staging = Staging::begin(&destination)?;
    let links = std::sync::Arc::new(LinkIndex::served_at(&checked.content.site.base_path));
    let observed = std::sync::Arc::clone(&links);
    staging.observe_with(Box::new(move |path, bytes| observed.observe(path, bytes)));
    let progress = Progress::new(started);
    let written_out = write_everything(
        &staging,
        &theme,
        &checked.content,
        &figures,
        PageOptions {
            left_out,
            pdf_links: pdfs,
            admin_files: Some(checked.content_dir.join(site::admin_files::FOLDER)),
        },
        &progress,
        &mut timings,
    )?;
    progress.finish();
    if pdfs {
        print_staged_documents(&staging, &checked.content)?;
        timings.phase("pdf");
    }
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
        pages: written_out.site.pages,
        charts: written_out.site.charts,
        reports: written_out.reports,
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
        left_out: written_out.left_out,
    })
}

/// What [`write_everything`] wrote.
/// What the pages say beyond the content: what was left out, and whether each plan's
/// document is printed to PDF beside it.
#[derive(Default)]
struct PageOptions {
    left_out: LeftOut,
    pdf_links: bool,
    /// `content/static/`, copied to the output's root last (its files win).
    admin_files: Option<PathBuf>,
}

struct WrittenOut {
    site: site::SiteStats,
    /// Email report files.
    reports: usize,
    /// What `--keep-going` left out, as the pages said.
    left_out: LeftOut,
}

/// Every file of the output, through `sink`: the data export, the plan documents, the
/// site's pages and its email reports. The build writes them to the staging folder; `check`
/// to a sink that keeps nothing but their links.
fn write_everything(
    sink: &dyn Sink,
    theme: &Theme,
    content: &Content,
    figures: &Figures,
    page_options: PageOptions,
    progress: &Progress,
    timings: &mut Timings,
) -> Result<WrittenOut, BuildError> {
    write_data(sink, content, figures, &|_| true)?;
    timings.phase("data");
    write_documents(sink, theme, content, &|_| true)?;
    timings.phase("documents");
    let mut context = SiteContext::new(content, figures);
    context.left_out = page_options.left_out;
    context.pdf_links = page_options.pdf_links;
    let stats = site::write_site(&context, theme, sink, progress)?;
    if !context.left_out.is_empty() {
        let page = crate::left_out::page(&context, theme)?;
        sink.write(crate::left_out::PAGE, page.as_bytes())?;
    }
    timings.phase("site");
    let reports = crate::report::write_site_reports(
        sink,
        theme,
        content,
        figures,
        crate::report::Offices::All,
    )?;
    timings.phase("reports");
    if let Some(folder) = &page_options.admin_files {
        site::admin_files::copy(folder, sink).map_err(|e| match e {
            site::admin_files::CopyError::Read(e) => BuildError::AdminFile(e),
            site::admin_files::CopyError::Write(e) => BuildError::Write(e),
        })?;
    }
    Ok(WrittenOut {
        site: stats,
        reports: reports.files,
        left_out: context.left_out,
    })
}

/// The links the build would find broken, found without writing anything: every file is
/// rendered as the build renders it and shown to the link checker, then dropped. For
/// `check`, so it refuses what `build` would (links in user Markdown, or in a theme).
pub fn broken_links(checked: &Checked, figures: &Figures) -> Result<Vec<BrokenLink>, BuildError> {
    // Without a theme there is nothing to render: why is already an error of `checked`.
    let Some(theme) = &checked.theme else {
        return Ok(Vec::new());
    };
    let sink = LinksOnly {
        links: LinkIndex::served_at(&checked.content.site.base_path),
        written: Default::default(),
    };
    write_everything(
        &sink,
        theme,
        &checked.content,
        figures,
        PageOptions {
            admin_files: Some(checked.content_dir.join(site::admin_files::FOLDER)),
            ..PageOptions::default()
        },
        &Progress::hidden(),
        &mut Timings::start(),
    )?;
    let written = sink.written.into_inner().unwrap_or_default();
    Ok(sink.links.broken(&written))
}

/// A sink that writes nothing: it shows each file to a link checker and remembers its path.
#[derive(Default)]
struct LinksOnly {
    links: LinkIndex,
    written: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl Sink for LinksOnly {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.links.observe(relative, bytes);
        if let Ok(mut written) = self.written.lock() {
            written.insert(relative.to_string());
        }
        Ok(())
    }
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
            &export::offices_csv_path(fy),
            &export::csv::offices_csv(year),
        )?;
        staging.write(
            &export::plans_csv_path(fy),
            &export::csv::plans_csv(&content.plans, year, 0..year.plans.len()),
        )?;
        for (_, office) in &year.offices {
            staging.write(
                &export::office_csv_path(fy, &office.key),
                &export::csv::plans_csv(&content.plans, year, office.plans.iter().copied()),
            )?;
        }
        staging.write(&export::months_csv_path(fy), &export::csv::months_csv(year))?;
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

//! `planbook pdf` and `build --pdf`: the printable plan documents printed to PDF by an
//! installed Chromium, Chrome or Edge (found by `browser`, driven by `printer`), one browser
//! for all of them, each PDF tagged with its title, office and activity (`metadata`).
//!
//! Without a browser nothing is printed and the error says what to install (exit 2).

pub mod browser;
pub mod metadata;
pub mod printer;

use crate::check::{self, CheckError};
use crate::email::Target;
use crate::model::Plan;
use crate::output::{self, WriteError};
use crate::render::RenderError;
use crate::render::document::{document_page, document_path, document_title};
use crate::render::theme::Theme;
use browser::BrowserNotFound;
use printer::{BrowserError, Printer};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What `planbook pdf` is asked to do.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    pub content_dir: PathBuf,
    /// `YEAR/OFFICE/ACTIVITY` (one plan) or `YEAR/OFFICE` (every plan of the office).
    pub targets: Vec<String>,
    /// The folder the PDFs go to.
    pub output_dir: PathBuf,
}

/// What was printed.
#[derive(Debug)]
pub struct PdfSummary {
    pub written: Vec<PathBuf>,
    /// From the browser's start to the last PDF written.
    pub printing: Duration,
    /// Warnings of the content, rendered as `path:line:col: warning: …`.
    pub warnings: String,
}

/// Why the PDFs were not (all) printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The content has errors, or there is no content folder.
    #[error(transparent)]
    Check(CheckError),
    /// A target is malformed or names no plan.
    #[error("{0}")]
    Target(String),
    #[error(transparent)]
    Browser(BrowserNotFound),
    /// The browser failed to start or to print `document`.
    #[error("{}", crate::tr!("pdf-cannot-print", document = .document, reason = .source))]
    Print {
        document: String,
        source: BrowserError,
    },
    /// The PDF the browser made could not be read to set its metadata.
    #[error("{}", crate::tr!("pdf-cannot-tag", document = .document, reason = .source))]
    Metadata {
        document: String,
        source: lopdf::Error,
    },
    #[error(transparent)]
    Render(RenderError),
    #[error("{}", crate::tr!("cannot-write", what = .0))]
    Write(#[source] WriteError),
}

impl crate::diag::Failure for PdfError {
    fn passed_on(&self) -> Option<&dyn crate::diag::Failure> {
        match self {
            PdfError::Check(error) => Some(error),
            _ => None,
        }
    }
}

/// Prints already written documents, each `(plan, its plan.html)`, one browser for all, and
/// hands each tagged PDF to `write`.
pub fn print_documents(
    documents: &[(&Plan, PathBuf)],
    mut write: impl FnMut(&Plan, &[u8]) -> Result<(), PdfError>,
) -> Result<Duration, PdfError> {
    let program = browser::find_browser().map_err(PdfError::Browser)?;
    let started = Instant::now();
    let printer = Printer::launch(&program).map_err(|source| PdfError::Print {
        document: "(starting the browser)".into(),
        source,
    })?;
    for (plan, page) in documents {
        let document = plan.id.to_string();
        let printed = printer.print(page).map_err(|source| PdfError::Print {
            document: document.clone(),
            source,
        })?;
        let title = document_title(plan);
        let tags = metadata::Metadata {
            title: &title,
            author: &plan.office_name,
            subject: &plan.activity,
        };
        let tagged = metadata::with_metadata(&printed, &tags)
            .map_err(|source| PdfError::Metadata { document, source })?;
        write(plan, &tagged)?;
    }
    Ok(started.elapsed())
}

/// `planbook pdf`: checks the content, renders the targets' documents into a temporary
/// folder (with the theme's fonts) and prints them into `output_dir`.
pub fn print_plans(options: &PdfOptions) -> Result<PdfSummary, PdfError> {
    let targets = options
        .targets
        .iter()
        .map(|t| Target::parse(t))
        .collect::<Result<Vec<_>, _>>()
        .map_err(PdfError::Target)?;
    let checked = check::check(&options.content_dir).map_err(PdfError::Check)?;
    checked.refuse_errors().map_err(PdfError::Check)?;
    let content = &checked.content;
    let mut plans: Vec<usize> = Vec::new();
    for target in &targets {
        for index in target.plans(content).map_err(PdfError::Target)? {
            if !plans.contains(&index) {
                plans.push(index);
            }
        }
    }
    // Before rendering anything: without a browser, say so at once.
    browser::find_browser().map_err(PdfError::Browser)?;
    let theme = Theme::load(&options.content_dir, content.site.theme.as_deref())
        .map_err(PdfError::Render)?;
    let staging = tempfile::tempdir().map_err(|error| {
        PdfError::Write(WriteError {
            path: std::env::temp_dir(),
            error,
        })
    })?;
    write_statics(&theme, staging.path())?;
    let mut documents = Vec::with_capacity(plans.len());
    for &index in &plans {
        let Some(plan) = content.plans.get(index) else {
            continue;
        };
        let Some(fy) = content.fiscal_years.get(&plan.id.fiscal_year) else {
            return Err(PdfError::Target(crate::tr!(
                "pdf-no-fiscal-year",
                year = plan.id.fiscal_year,
                plan = &plan.id
            )));
        };
        let html = document_page(&theme, &content.site, plan, fy).map_err(PdfError::Render)?;
        let page = staging.path().join(document_path(&plan.id));
        write_creating(&page, html.as_bytes())?;
        documents.push((plan, page));
    }
    std::fs::create_dir_all(&options.output_dir).map_err(|error| {
        PdfError::Write(WriteError {
            path: options.output_dir.clone(),
            error,
        })
    })?;
    let mut written = Vec::with_capacity(documents.len());
    let printing = print_documents(&documents, |plan, pdf| {
        let path = options
            .output_dir
            .join(crate::paths::pdf_file_name(&plan.id));
        output::write_file(&path, pdf).map_err(PdfError::Write)?;
        written.push(path);
        Ok(())
    })?;
    Ok(PdfSummary {
        written,
        printing,
        warnings: checked.render(),
    })
}

/// The theme's static files (the fonts the documents link to) under `root/static/`.
fn write_statics(theme: &Theme, root: &Path) -> Result<(), PdfError> {
    let files = theme.static_files().map_err(PdfError::Render)?;
    for (name, bytes) in files {
        write_creating(&root.join("static").join(name), bytes)?;
    }
    Ok(())
}

fn write_creating(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    let write = || -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)
    };
    write().map_err(|error| {
        PdfError::Write(WriteError {
            path: path.to_path_buf(),
            error,
        })
    })
}

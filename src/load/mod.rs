//! Load: walk the content folder, read every file and parse it into the raw layer.
//!
//! Files are recognised by their place: `site.yaml`, `fiscal-years/*.yaml`,
//! `plans/<fy>/<office>/<activity>/plan.yaml`, `…/progress/*.yaml` and `pages/*.md`.
//! Reading and parsing run in parallel; findings are collected, never fatal.

pub mod pairs;
pub mod raw;
pub mod yaml;

use crate::diag::{Diagnostics, FileId, Loc, SourceMap};
use raw::{RawFiscalYear, RawPageFront, RawPlan, RawProgress, RawSite};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;
use yaml::file_start;

/// Larger content files are refused: a plan or a month's entry is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Everything read from a content folder, still unchecked.
#[derive(Default, Debug)]
pub struct RawContent {
    pub site: Option<(FileId, RawSite)>,
    pub fiscal_years: Vec<(FileId, RawFiscalYear)>,
    /// Plan folders by their id (`2566/samut-prakan/debt-relief`), in id order.
    pub plans: BTreeMap<String, RawPlanFolder>,
    pub pages: Vec<RawPage>,
}

#[derive(Default, Debug)]
pub struct RawPlanFolder {
    pub plan: Option<(FileId, RawPlan)>,
    pub progress: Vec<(FileId, RawProgress)>,
    /// A file of the folder, to name when the folder itself is at fault.
    pub first_file: Option<FileId>,
    /// The plan file existed but could not be parsed (its error is already reported).
    pub plan_unreadable: bool,
}

#[derive(Debug)]
pub struct RawPage {
    pub file: FileId,
    /// The page's name: the file name without `.md`.
    pub slug: String,
    pub front: RawPageFront,
    pub body: String,
}

/// What a file is, from where it lies.
#[derive(Clone, Debug, PartialEq, Eq)]
enum FileKind {
    Site,
    FiscalYear,
    Plan(String),
    Progress(String),
    Page(String),
}

/// A file found by the walk.
struct Found {
    relative: PathBuf,
    kind: FileKind,
}

/// Reads and parses the whole content folder.
pub fn load(content_dir: &Path) -> (RawContent, SourceMap, Diagnostics) {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut found = Vec::new();
    let mut strays = Vec::new();
    for entry in WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")))
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let relative = error
                    .path()
                    .and_then(|p| p.strip_prefix(content_dir).ok())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let id = sources.add(relative, String::new());
                diags.error(file_start(id), format!("cannot read: {error}"));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(content_dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        match classify(&relative) {
            Some(kind) => found.push(Found { relative, kind }),
            None if is_content_like(&relative) => strays.push(relative),
            None => {}
        }
    }

    let read: Vec<(Found, Result<String, ReadProblem>)> = found
        .into_par_iter()
        .map(|f| {
            let text = read_text(&content_dir.join(&f.relative));
            (f, text)
        })
        .collect();

    // Register every file first so ids are stable and in walk order.
    let mut parsed_inputs = Vec::with_capacity(read.len());
    for (found, text) in read {
        let (text, problem) = match text {
            Ok(text) => (text, None),
            Err(problem) => (String::new(), Some(problem)),
        };
        let id = sources.add(found.relative.clone(), text);
        if let Some(problem) = problem {
            diags.error(problem_loc(id, &problem), problem.message);
            parsed_inputs.push((id, found.kind, false));
        } else {
            parsed_inputs.push((id, found.kind, true));
        }
    }
    for stray in strays {
        let id = sources.add(stray.clone(), String::new());
        diags.warning(
            file_start(id),
            "this file is not in a place planbook reads (site.yaml, fiscal-years/, plans/<year>/<office>/<activity>/, pages/): ignored",
        );
    }

    let parse_all = || -> Vec<(FileId, FileKind, Parsed, Diagnostics)> {
        parsed_inputs
            .into_par_iter()
            .map(|(id, kind, readable)| {
                let mut local = Diagnostics::default();
                let parsed = if readable {
                    parse_file(id, &kind, sources.text(id), &mut local)
                } else {
                    Parsed::Unreadable
                };
                (id, kind, parsed, local)
            })
            .collect()
    };
    let parsed = match parser_pool() {
        Some(pool) => pool.install(parse_all),
        None => parse_all(),
    };

    let mut content = RawContent::default();
    for (id, kind, parsed, local) in parsed {
        diags.extend(local);
        match (kind, parsed) {
            (FileKind::Site, Parsed::Site(site)) => content.site = Some((id, *site)),
            (FileKind::FiscalYear, Parsed::FiscalYear(fy)) => content.fiscal_years.push((id, *fy)),
            (FileKind::Plan(plan_id), Parsed::Plan(plan)) => {
                plan_folder(&mut content, &plan_id, id).plan = Some((id, *plan));
            }
            (FileKind::Plan(plan_id), _) => {
                plan_folder(&mut content, &plan_id, id).plan_unreadable = true;
            }
            (FileKind::Progress(plan_id), Parsed::Progress(entry)) => {
                plan_folder(&mut content, &plan_id, id)
                    .progress
                    .push((id, *entry));
            }
            (FileKind::Progress(plan_id), _) => {
                plan_folder(&mut content, &plan_id, id);
            }
            (FileKind::Page(slug), Parsed::Page(front, body)) => content.pages.push(RawPage {
                file: id,
                slug,
                front: *front,
                body,
            }),
            _ => {}
        }
    }
    (content, sources, diags)
}

fn plan_folder<'a>(
    content: &'a mut RawContent,
    plan_id: &str,
    file: FileId,
) -> &'a mut RawPlanFolder {
    let folder = content.plans.entry(plan_id.to_string()).or_default();
    folder.first_file.get_or_insert(file);
    folder
}

/// Parsing recurses once per nesting level: its threads get stacks deep enough for the
/// deepest document the YAML budget lets through, whatever the platform's default.
fn parser_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(PARSER_STACK_BYTES)
            .thread_name(|i| format!("planbook-parse-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Stack for parser threads (reserved lazily by the OS, so only what is used costs memory).
const PARSER_STACK_BYTES: usize = 256 * 1024 * 1024;

enum Parsed {
    Site(Box<RawSite>),
    FiscalYear(Box<RawFiscalYear>),
    Plan(Box<RawPlan>),
    Progress(Box<RawProgress>),
    Page(Box<RawPageFront>, String),
    Unreadable,
}

fn parse_file(id: FileId, kind: &FileKind, text: &str, diags: &mut Diagnostics) -> Parsed {
    let parsed = match kind {
        FileKind::Site => yaml::parse(id, text, diags).map(|s| Parsed::Site(Box::new(s))),
        FileKind::FiscalYear => {
            yaml::parse(id, text, diags).map(|f| Parsed::FiscalYear(Box::new(f)))
        }
        FileKind::Plan(_) => yaml::parse(id, text, diags).map(|p| Parsed::Plan(Box::new(p))),
        FileKind::Progress(_) => {
            yaml::parse(id, text, diags).map(|p| Parsed::Progress(Box::new(p)))
        }
        FileKind::Page(_) => parse_page(id, text, diags),
    };
    parsed.unwrap_or(Parsed::Unreadable)
}

/// A Markdown page: optional `---` YAML front matter, then the body.
fn parse_page(id: FileId, text: &str, diags: &mut Diagnostics) -> Option<Parsed> {
    let Some(rest) = text.strip_prefix("---\n").or(text.strip_prefix("---\r\n")) else {
        diags.error(
            file_start(id),
            "a page starts with front matter: a `---` line, `title: …`, and another `---` line",
        );
        return None;
    };
    let end = rest.match_indices("\n---").map(|(i, _)| i).find(|&i| {
        let after = &rest[i + 4..];
        after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")
    });
    let Some(end) = end else {
        diags.error(file_start(id), "the front matter has no closing `---` line");
        return None;
    };
    // Keep line numbers: parse the front matter with the first line blanked.
    let front_text = format!("\n{}\n", &rest[..end]);
    let front: RawPageFront = yaml::parse(id, &front_text, diags)?;
    let body = rest[end + 4..]
        .trim_start_matches('\r')
        .trim_start_matches('\n')
        .to_string();
    Some(Parsed::Page(Box::new(front), body))
}

/// Why a file could not be read as text.
struct ReadProblem {
    message: String,
    line: u32,
    col: u32,
}

fn problem_loc(file: FileId, problem: &ReadProblem) -> Loc {
    Loc {
        file,
        line: problem.line,
        col: problem.col,
        len: 1,
    }
}

fn read_text(path: &Path) -> Result<String, ReadProblem> {
    let at_start = |message: String| ReadProblem {
        message,
        line: 1,
        col: 1,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| at_start(format!("cannot read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(at_start(format!(
            "the file is {size} bytes, more than the {} MiB a content file may have",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| at_start(format!("cannot read: {e}")))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count() as u32
                + 1;
            Err(ReadProblem {
                message: "the file is not UTF-8 text (save it as UTF-8; Excel: \"CSV UTF-8\", editors: \"UTF-8\")".into(),
                line,
                col,
            })
        }
    }
}

/// Editor backups, hidden files and folders are skipped.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn is_content_like(relative: &Path) -> bool {
    let name = relative.to_string_lossy();
    is_yaml(&name) || name.ends_with(".md") && relative.components().count() > 1
}

fn classify(relative: &Path) -> Option<FileKind> {
    let parts: Vec<&str> = relative
        .components()
        .map(|c| c.as_os_str().to_str().unwrap_or("\u{fffd}"))
        .collect();
    match parts.as_slice() {
        ["site.yaml" | "site.yml"] => Some(FileKind::Site),
        ["fiscal-years", name] if is_yaml(name) => Some(FileKind::FiscalYear),
        ["plans", fy, office, activity, "plan.yaml" | "plan.yml"] => {
            Some(FileKind::Plan(format!("{fy}/{office}/{activity}")))
        }
        ["plans", fy, office, activity, "progress", name] if is_yaml(name) => {
            Some(FileKind::Progress(format!("{fy}/{office}/{activity}")))
        }
        ["pages", name] if name.ends_with(".md") => {
            Some(FileKind::Page(name.trim_end_matches(".md").to_string()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_their_place() {
        assert_eq!(classify(Path::new("site.yaml")), Some(FileKind::Site));
        assert_eq!(
            classify(Path::new("plans/2566/a/b/plan.yaml")),
            Some(FileKind::Plan("2566/a/b".into()))
        );
        assert_eq!(
            classify(Path::new("plans/2566/a/b/progress/x.yml")),
            Some(FileKind::Progress("2566/a/b".into()))
        );
        assert_eq!(classify(Path::new("plans/2566/a/plan.yaml")), None);
        assert!(is_content_like(Path::new("plans/2566/a/plan.yaml")));
        assert!(is_ignored(".plan.yaml.swp"));
    }
}

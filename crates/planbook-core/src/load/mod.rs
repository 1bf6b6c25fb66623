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
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;
use yaml::file_start;

/// Larger content files are refused: a plan or a month's entry is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The files of a content folder, by kind, registered in a [`SourceMap`] (texts not read).
#[derive(Default, Debug)]
pub struct Discovered {
    pub site: Option<FileId>,
    pub fiscal_years: Vec<FileId>,
    /// Fiscal-year files skipped as not regular files (reported).
    pub skipped_fiscal_years: Vec<FileId>,
    /// Plan folders by id (`2566/samut-prakan/debt-relief`), in id order.
    pub plan_folders: BTreeMap<String, PlanFolderFiles>,
    pub pages: Vec<(FileId, String)>,
}

#[derive(Default, Debug)]
pub struct PlanFolderFiles {
    pub plan: Option<FileId>,
    /// The folder's plan file was skipped as not a regular file (reported).
    pub plan_skipped: bool,
    pub progress: Vec<FileId>,
}

impl PlanFolderFiles {
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.plan
            .iter()
            .copied()
            .chain(self.progress.iter().copied())
    }
}

/// The settings files read: site, fiscal years and pages.
#[derive(Default, Debug)]
pub struct RawSettings {
    pub site: Option<(FileId, RawSite)>,
    pub fiscal_years: Vec<(FileId, RawFiscalYear)>,
    /// Fiscal-year files that could not be read or parsed (their errors are reported).
    pub unreadable_fiscal_years: Vec<FileId>,
    pub pages: Vec<RawPage>,
}

/// One plan folder read.
#[derive(Default, Debug)]
pub struct RawPlanFolder {
    pub plan: Option<(FileId, RawPlan)>,
    pub progress: Vec<(FileId, RawProgress)>,
    /// A file of the folder, to name when the folder itself is at fault.
    pub first_file: Option<FileId>,
    /// The plan file existed but could not be read or parsed (its error is reported).
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

/// Walks the content folder: every file planbook reads gets an id; misplaced content files
/// are warnings and unreadable folders errors.
pub fn discover(content_dir: &Path) -> (Discovered, SourceMap, Diagnostics) {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut found = Discovered::default();
    let hidden = std::cell::RefCell::new(Vec::new());
    let walk = WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_str().unwrap_or("");
            let keep = e.depth() == 0 || !is_skipped_name(name);
            let read_place = e.path().strip_prefix(content_dir).is_ok_and(in_read_place);
            if !keep && read_place && hides_content(name, e.file_type().is_dir()) {
                hidden.borrow_mut().push(e.path().to_path_buf());
            }
            keep
        });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let relative = error
                    .path()
                    .and_then(|p| p.strip_prefix(content_dir).ok())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let id = sources.add(relative, String::new());
                diags.error(
                    file_start(id),
                    crate::msg!(
                        "file-cannot-read",
                        reason = crate::i18n::io_reason(error.io_error(), &error)
                    ),
                );
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = relative_to(content_dir, entry.path());
        let kind = classify(&relative);
        if let Some(what) = special_file(entry.file_type()) {
            // Never opened (a FIFO would block); said, so nothing vanishes in silence.
            let read_here = kind.is_some() || in_read_place(&relative);
            let id = sources.add(relative, String::new());
            let message = crate::msg!("file-special", what = what);
            if read_here {
                diags.error(file_start(id), message.clone());
            } else {
                diags.warning(file_start(id), message);
            }
            // Its absence is this error, not another.
            match kind {
                Some(FileKind::Plan(plan_id)) => {
                    found.plan_folders.entry(plan_id).or_default().plan_skipped = true;
                }
                Some(FileKind::FiscalYear) => found.skipped_fiscal_years.push(id),
                _ => {}
            }
            continue;
        }
        // content/static/: copied to the output as it is (site::admin_files), not read.
        if relative.starts_with(ADMIN_FILES) {
            continue;
        }
        if kind.is_none() && !is_content_like(&relative) {
            continue;
        }
        let id = sources.add(relative, String::new());
        match kind {
            Some(FileKind::Site) => {
                if let Some(first) = found.site.replace(id) {
                    twice(&mut diags, &sources, first, id, "site");
                }
            }
            Some(FileKind::FiscalYear) => found.fiscal_years.push(id),
            Some(FileKind::Plan(plan_id)) => {
                if let Some(first) = found
                    .plan_folders
                    .entry(plan_id)
                    .or_default()
                    .plan
                    .replace(id)
                {
                    twice(&mut diags, &sources, first, id, "plan");
                }
            }
            Some(FileKind::Progress(plan_id)) => {
                found
                    .plan_folders
                    .entry(plan_id)
                    .or_default()
                    .progress
                    .push(id);
            }
            Some(FileKind::Page(slug)) => found.pages.push((id, slug)),
            None => diags.warning(file_start(id), crate::msg!("file-not-read")),
        }
    }
    for path in hidden.into_inner() {
        let relative = relative_to(content_dir, &path);
        let id = sources.add(relative, String::new());
        diags.warning(file_start(id), crate::msg!("file-hidden"));
    }
    (found, sources, diags)
}

/// Two files where one is read (`plan.yaml` and `plan.yml`): an error at each.
fn twice(diags: &mut Diagnostics, sources: &SourceMap, first: FileId, second: FileId, what: &str) {
    for (here, other) in [(first, second), (second, first)] {
        diags.error(
            file_start(here),
            crate::msg!(
                "file-twice",
                what = what,
                other = sources.display_path(other)
            ),
        );
    }
}

/// What a walked entry is when it is neither a folder nor a regular file.
fn special_file(file_type: std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_file() || file_type.is_dir() {
        None
    } else if file_type.is_symlink() {
        Some("symlink")
    } else if file_type.is_fifo() {
        Some("fifo")
    } else if file_type.is_socket() {
        Some("socket")
    } else if file_type.is_block_device() || file_type.is_char_device() {
        Some("device")
    } else {
        Some("other")
    }
}

/// Whether planbook reads what lies at `relative`: `site.yaml`, or anything in
/// `fiscal-years/`, `plans/` or `pages/`.
fn in_read_place(relative: &Path) -> bool {
    let mut parts = relative.components().map(|c| c.as_os_str());
    match (parts.next(), parts.next()) {
        (Some(only), None) => only == "site.yaml" || only == "site.yml",
        (Some(top), Some(_)) => ["fiscal-years", "plans", "pages"].iter().any(|p| top == *p),
        _ => false,
    }
}

/// Whether a skipped name would hide content rather than an editor's leftover: a hidden
/// folder (`..samut-prakan`) or a hidden YAML or Markdown file (`.2023-01.yaml`).
fn hides_content(name: &str, is_dir: bool) -> bool {
    name.starts_with('.')
        && !name.starts_with(".#")
        && !matches!(name, ".git" | ".svn" | ".hg" | ".vscode" | ".idea")
        && !is_editor_leftover(name)
        && (is_dir || is_yaml(name) || name.ends_with(".md"))
}

/// The files of one plan folder as they are now, registered in `sources` (for rebuilding
/// one folder after a change).
pub fn discover_folder(
    content_dir: &Path,
    plan_id: &str,
    sources: &mut SourceMap,
) -> PlanFolderFiles {
    let folder = Path::new("plans").join(plan_id);
    let mut files = PlanFolderFiles::default();
    for entry in WalkDir::new(content_dir.join(&folder))
        .max_depth(2)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_name(e.file_name().to_str().unwrap_or("")))
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = relative_to(content_dir, entry.path());
        match classify(&relative) {
            Some(FileKind::Plan(_)) => files.plan = Some(sources.add_again(relative)),
            Some(FileKind::Progress(_)) => files.progress.push(sources.add_again(relative)),
            _ => {}
        }
    }
    files
}

/// The plan folder id (`2566/office/activity`) a content path belongs to, if any.
pub fn plan_folder_of(relative: &Path) -> Option<String> {
    let parts: Vec<&str> = relative
        .components()
        .map(|c| c.as_os_str().to_str().unwrap_or("\u{fffd}"))
        .collect();
    match parts.as_slice() {
        ["plans", fy, office, activity, ..] => Some(format!("{fy}/{office}/{activity}")),
        _ => None,
    }
}

/// `path` as written below the content folder (the whole path when it is not below it).
fn relative_to(content_dir: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(content_dir).unwrap_or(path).to_path_buf()
}

/// Reads one file and parses it as `T`; the text comes back too, for findings to quote.
fn read_and_parse<T>(
    content_dir: &Path,
    sources: &SourceMap,
    id: FileId,
    diags: &mut Diagnostics,
    parse: impl FnOnce(&str, &mut Diagnostics) -> Option<T>,
) -> (Option<T>, String) {
    let path = content_dir.join(sources.path(id).unwrap_or(Path::new("")));
    match read_text(&path) {
        Ok(text) => (parse(&text, diags), text),
        Err(problem) => {
            diags.error(problem_loc(id, &problem), problem.message);
            (None, String::new())
        }
    }
}

/// Reads one YAML file and parses it as `T`.
fn read_yaml<T: serde::de::DeserializeOwned>(
    content_dir: &Path,
    sources: &SourceMap,
    id: FileId,
    diags: &mut Diagnostics,
) -> (Option<T>, String) {
    read_and_parse(content_dir, sources, id, diags, |t, d| {
        yaml::parse(id, t, d)
    })
}

/// Reads the site, fiscal-year and page files.
pub fn load_settings(
    content_dir: &Path,
    found: &Discovered,
    sources: &SourceMap,
    diags: &mut Diagnostics,
) -> (RawSettings, Vec<(FileId, String)>) {
    let mut settings = RawSettings {
        unreadable_fiscal_years: found.skipped_fiscal_years.clone(),
        ..RawSettings::default()
    };
    let mut texts = Vec::new();
    if let Some(id) = found.site {
        let (site, text) = read_yaml(content_dir, sources, id, diags);
        settings.site = site.map(|s| (id, s));
        texts.push((id, text));
    }
    for &id in &found.fiscal_years {
        let (year, text) = read_yaml(content_dir, sources, id, diags);
        match year {
            Some(year) => settings.fiscal_years.push((id, year)),
            None => settings.unreadable_fiscal_years.push(id),
        }
        texts.push((id, text));
    }
    for (id, slug) in &found.pages {
        let id = *id;
        let (page, text) =
            read_and_parse(content_dir, sources, id, diags, |t, d| parse_page(id, t, d));
        if let Some((front, body)) = page {
            settings.pages.push(RawPage {
                file: id,
                slug: slug.clone(),
                front,
                body,
            });
        }
        texts.push((id, text));
    }
    (settings, texts)
}

/// Reads one plan folder: its plan.yaml and every progress entry.
pub fn load_plan_folder(
    content_dir: &Path,
    files: &PlanFolderFiles,
    sources: &SourceMap,
    diags: &mut Diagnostics,
) -> (RawPlanFolder, Vec<(FileId, String)>) {
    let mut folder = RawPlanFolder {
        first_file: files.files().min(),
        ..RawPlanFolder::default()
    };
    let mut texts = Vec::with_capacity(files.progress.len() + 1);
    folder.plan_unreadable = files.plan_skipped;
    if let Some(id) = files.plan {
        let (plan, text) = read_yaml(content_dir, sources, id, diags);
        folder.plan_unreadable = plan.is_none();
        folder.plan = plan.map(|p| (id, p));
        texts.push((id, text));
    }
    for &id in &files.progress {
        let (entry, text) = read_yaml::<RawProgress>(content_dir, sources, id, diags);
        // The file's day stands in for a missing `reported_on` (report stamps): one stat,
        // only where it is needed.
        let modified = |e: &RawProgress| {
            e.reported_on.is_none().then(|| {
                sources
                    .path(id)
                    .and_then(|p| std::fs::metadata(content_dir.join(p)).ok())
                    .and_then(|m| m.modified().ok())
            })?
        };
        folder.progress.extend(entry.map(|e| {
            let modified = modified(&e);
            (id, RawProgress { modified, ..e })
        }));
        texts.push((id, text));
    }
    (folder, texts)
}

/// Parsing recurses once per nesting level: run it on threads with stacks deep enough for the
/// deepest document the YAML budget lets through, whatever the platform's default.
pub fn parser_pool() -> Option<&'static rayon::ThreadPool> {
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

/// A Markdown page: optional `---` YAML front matter, then the body.
fn parse_page(id: FileId, text: &str, diags: &mut Diagnostics) -> Option<(RawPageFront, String)> {
    let Some(rest) = text.strip_prefix("---\n").or(text.strip_prefix("---\r\n")) else {
        diags.error(file_start(id), crate::msg!("page-no-front-matter"));
        return None;
    };
    let end = rest.match_indices("\n---").map(|(i, _)| i).find(|&i| {
        let after = &rest[i + 4..];
        after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")
    });
    let Some(end) = end else {
        diags.error(file_start(id), crate::msg!("page-front-matter-open"));
        return None;
    };
    // Keep line numbers: parse the front matter with the first line blanked.
    let front_text = format!("\n{}\n", &rest[..end]);
    let front: RawPageFront = yaml::parse(id, &front_text, diags)?;
    let body = rest[end + 4..]
        .trim_start_matches('\r')
        .trim_start_matches('\n')
        .to_string();
    Some((front, body))
}

/// Why a file could not be read as text.
struct ReadProblem {
    message: crate::i18n::Message,
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
    let at_start = |message: crate::i18n::Message| ReadProblem {
        message,
        line: 1,
        col: 1,
    };
    let cannot_read = |e: std::io::Error| {
        at_start(crate::msg!(
            "file-cannot-read",
            reason = crate::i18n::io_reason(Some(&e), &e)
        ))
    };
    let mebibytes = MAX_FILE_BYTES / (1024 * 1024);
    let file = open_regular(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(at_start(crate::msg!("file-not-regular")));
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(at_start(crate::msg!(
            "file-too-large",
            size = size,
            limit = mebibytes
        )));
    }
    // The size is only what it was a moment ago: the read itself stops past the limit.
    let Some(bytes) = read_capped(file, size, MAX_FILE_BYTES).map_err(cannot_read)? else {
        return Err(at_start(crate::msg!("file-grew", limit = mebibytes)));
    };
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
                message: crate::msg!("file-not-utf8"),
                line,
                col,
            })
        }
    }
}

/// Opens a file for reading without waiting: a FIFO put where a file was found does not
/// block the build (it is then refused as not a regular file).
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

/// Reads everything `reader` holds if that is at most `limit` bytes; `None` if there is more
/// (it reads no further than one byte past the limit). `expected` (the size the file had)
/// sizes the buffer, so a file is read in one call and its end found in another, instead
/// of growing through small reads.
fn read_capped(
    reader: impl std::io::Read,
    expected: u64,
    limit: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let capacity = expected.min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Editor backups, hidden files and folders are skipped (by the build's walk, and by
/// `serve`'s watcher).
/// The content's folder of files copied to the output's root as they are, never read.
pub const ADMIN_FILES: &str = "static";

pub fn is_skipped_name(name: &str) -> bool {
    name.starts_with('.') || is_editor_leftover(name)
}

/// An editor's backup, swap or temporary file.
fn is_editor_leftover(name: &str) -> bool {
    name.starts_with('#')
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
    fn reading_stops_one_byte_past_the_limit() {
        let exact = read_capped(&b"0123456789"[..], 10, 10).unwrap();
        assert_eq!(exact.as_deref(), Some(&b"0123456789"[..]));
        assert_eq!(read_capped(&b"0123456789X"[..], 11, 10).unwrap(), None);
        // More than the size said, within the limit: all of it.
        let grown = read_capped(&b"0123456789"[..], 4, 10).unwrap();
        assert_eq!(grown.as_deref(), Some(&b"0123456789"[..]));
        // An endless source (a file still growing) ends at the limit, not in memory.
        assert_eq!(read_capped(std::io::repeat(b'x'), 0, 1000).unwrap(), None);
        assert_eq!(
            read_capped(std::io::repeat(b'x'), 5000, 1000).unwrap(),
            None
        );
    }

    #[test]
    fn special_files_are_refused_without_reading_or_waiting() {
        // /dev/zero never ends; a FIFO with no writer would block the open itself.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("plan.yaml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
        )
        .unwrap();
        for special in [Path::new("/dev/zero"), &fifo] {
            let problem = read_text(special).expect_err("refused");
            assert_eq!(
                problem.message.english(),
                "this is not a regular file: planbook reads regular files only"
            );
            assert_eq!((problem.line, problem.col), (1, 1));
        }
    }

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
        assert!(is_skipped_name(".plan.yaml.swp"));
    }
}

//! `planbook import FILE.xlsx`: reads a progress workbook back (calamine) into the entry
//! `new progress` would write with those numbers, checks it as `planbook check` does (on a
//! copy of the settings and the plan's folder, so nothing is written until it passes), and
//! writes it. Every problem names the file, the cell and the row's Thai name
//! (`2566-01.xlsx!D7 (ค่าใช้จ่ายในการสัมมนา): not a number`), all at once. An existing entry
//! is replaced only with `--force`, and then the lines that changed are printed.
//!
//! Numbers typed as text are read as in YAML (thousands separators, Thai digits, a
//! trailing บาท); a number cell's float is read back through its shortest decimal text,
//! the one place a float meets a figure.

use super::layout::{
    self, COMMITTED_COL, DISBURSED_COL, FIRST_ROW, ID_COL, KIND_COL, KPI_COL, META_ROW, NAME_COL,
    OUTPUT_COL, RECEIVED_COL, RowKind, cell,
};
use crate::check;
use crate::diag::Severity;
use crate::model::{Month, Plan};
use crate::scaffold::ScaffoldError;
use crate::scaffold::progress::{EntryValues, entry_place, entry_text_with};
use crate::validate::fields::parse_number;
use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// What `planbook import` is asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub content_dir: PathBuf,
    pub file: PathBuf,
    /// Replace the month's entry when there is one.
    pub force: bool,
}

/// What `planbook import` wrote.
#[derive(Debug)]
pub struct ImportSummary {
    pub path: PathBuf,
    pub month: Month,
    /// When an entry was replaced: its lines that went (`- …`) and came (`+ …`).
    pub changes: Option<Vec<String>>,
    /// Warnings of the check, rendered.
    pub warnings: String,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read as a workbook.
    #[error("{}", crate::tr!("import-unreadable", path = .0.display(), reason = workbook_reason(.1)))]
    Unreadable(PathBuf, #[source] calamine::XlsxError),
    /// Bad cells or an entry that fails the checks: one located message each.
    #[error("{}", crate::tr!("import-cell-problems", count = .0.len()))]
    Cells(Vec<String>),
    /// The content has errors of its own (rendered findings).
    #[error("{}", crate::tr!("content-has-errors"))]
    Content(String),
    /// The plan, the month or an existing entry stands in the way.
    #[error("{}", scaffold_message(.0))]
    Scaffold(#[source] ScaffoldError),
    #[error("{}", crate::tr!("cannot-write", what = .0))]
    Write(#[source] crate::output::WriteError),
}

/// Why a workbook could not be opened, in the language of the run when the system said it.
fn workbook_reason(error: &calamine::XlsxError) -> String {
    match error {
        calamine::XlsxError::Io(io) => crate::i18n::io_said(io),
        other => other.to_string(),
    }
}

/// What import says of a scaffold error: an existing entry can be replaced with `--force`.
fn scaffold_message(error: &ScaffoldError) -> String {
    match error {
        ScaffoldError::Exists(path) => {
            crate::tr!("import-exists", path = path.display())
        }
        error => error.to_string(),
    }
}

impl crate::diag::Failure for ImportError {
    fn findings(&self) -> Option<&str> {
        match self {
            ImportError::Content(report) => Some(report),
            _ => None,
        }
    }

    fn problems(&self) -> &[String] {
        match self {
            ImportError::Cells(problems) => problems,
            _ => &[],
        }
    }
}

/// `2566-01.xlsx!D7 (ชื่อ)`: where a problem is.
struct Place<'a> {
    file: &'a str,
}

impl Place<'_> {
    fn at(&self, row: u32, col: u16, name: &str) -> String {
        if name.is_empty() {
            format!("{}!{}", self.file, cell(row, col))
        } else {
            format!("{}!{} ({name})", self.file, cell(row, col))
        }
    }
}

/// Reads the workbook, checks the entry and writes it.
pub fn import(options: &ImportOptions) -> Result<ImportSummary, ImportError> {
    let file = &options.file;
    let mut book: Xlsx<_> =
        open_workbook(file).map_err(|e| ImportError::Unreadable(file.clone(), e))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => return Err(ImportError::Unreadable(file.clone(), e)),
        None => {
            return Err(ImportError::Cells(vec![format!(
                "{}: no sheet",
                file.display()
            )]));
        }
    };
    let file_name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let place = Place { file: &file_name };
    let text_at = |row: u32, col: u16| text_of(range.get_value((row, u32::from(col))));
    let plan_id = text_at(META_ROW, ID_COL);
    let month_text = text_at(META_ROW, DISBURSED_COL);
    let Some(month) = crate::validate::fields::parse_month_typed(month_text.trim()) else {
        return Err(ImportError::Cells(vec![crate::tr!(
            "import-month-cell",
            place = place.at(META_ROW, DISBURSED_COL, "เดือน"),
            value = &month_text
        )]));
    };
    let checked = check::check(&options.content_dir)
        .map_err(|e| ImportError::Scaffold(ScaffoldError::Invalid(e.to_string())))?;
    if checked.has_errors() {
        return Err(ImportError::Content(checked.render()));
    }
    let (plan, path, old_text) =
        match entry_place(&checked, &options.content_dir, plan_id.trim(), month) {
            Ok((plan, path)) => (plan, path, None),
            Err(ScaffoldError::Exists(existing)) if options.force => {
                let plan = checked
                    .content
                    .plans
                    .iter()
                    .find(|p| p.id.to_string() == plan_id.trim().trim_matches('/'))
                    .ok_or(ImportError::Scaffold(ScaffoldError::Exists(
                        existing.clone(),
                    )))?;
                let old = std::fs::read_to_string(&existing).ok();
                (plan, existing, old)
            }
            Err(e) => return Err(ImportError::Scaffold(e)),
        };
    let (values, rows) = read_values(&range, plan, month, &place)?;
    let text = entry_text_with(plan, month, &values);
    let relative = path
        .strip_prefix(&options.content_dir)
        .unwrap_or(&path)
        .to_path_buf();
    let warnings = check_entry(&options.content_dir, plan, &relative, &text, &rows, &place)?;
    crate::output::write_file(&path, text.as_bytes()).map_err(ImportError::Write)?;
    Ok(ImportSummary {
        path,
        month,
        changes: old_text.map(|old| changed_lines(&old, &text)),
        warnings,
    })
}

/// The text of a cell, as shown.
fn text_of(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    }
}

/// A figure of a cell: `None` when blank. Numbers typed as text read as in YAML; a number
/// cell's float goes through its shortest decimal text.
fn figure(cell: Option<&Data>, money: bool) -> Result<Option<Decimal>, String> {
    match cell {
        None | Some(Data::Empty) => Ok(None),
        Some(Data::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Data::String(s)) => parse_number(s, money)
            .map(Some)
            .map_err(|problem| crate::tr!("number-invalid", value = s, problem = problem)),
        Some(Data::Int(i)) => Ok(Some(Decimal::from(*i))),
        Some(Data::Float(f)) => Decimal::from_str(&f.to_string())
            .map(Some)
            .map_err(|_| crate::tr!("import-number-too-large", value = f)),
        Some(other) => Err(crate::tr!("import-not-a-number", value = other)),
    }
}

/// Where each (section, id) of the entry stands in the sheet, for locating findings.
type Places = HashMap<(&'static str, String), (u32, u16, String)>;

/// The values of the sheet's cells, and where each one stands.
fn read_values(
    range: &Range<Data>,
    plan: &Plan,
    month: Month,
    place: &Place<'_>,
) -> Result<(EntryValues, Places), ImportError> {
    let mut values = EntryValues::blank(plan, month);
    let layout_rows = layout::rows(plan);
    let mut problems = Vec::new();
    let mut places = Places::new();
    let end = range.end().map_or(0, |(row, _)| row);
    for row in FIRST_ROW..=end {
        let at = |col: u16| range.get_value((row, u32::from(col)));
        let id = text_of(at(ID_COL));
        if id.trim().is_empty() {
            continue;
        }
        let kind = text_of(at(KIND_COL));
        let Some(found) = layout_rows
            .iter()
            .find(|r| r.id == id.trim() && r.kind.label() == kind.trim())
        else {
            let what = if kind.is_empty() {
                crate::tr!("import-row")
            } else {
                kind.trim().to_string()
            };
            problems.push(crate::tr!(
                "import-unknown-id",
                place = place.at(row, ID_COL, ""),
                what = what,
                id = &id
            ));
            continue;
        };
        let name = found.name;
        let mut read = |col: u16, money: bool, section: &'static str| -> Option<Decimal> {
            places.insert(
                (section, found.id.to_string()),
                (row, col, name.to_string()),
            );
            match figure(at(col), money) {
                Ok(value) => value,
                Err(problem) => {
                    problems.push(format!("{}: {problem}", place.at(row, col, name)));
                    None
                }
            }
        };
        match found.kind {
            RowKind::Line(i) => {
                values.disbursed[i] = read(DISBURSED_COL, true, "disbursed").unwrap_or_default();
                values.committed[i] = read(COMMITTED_COL, true, "committed").unwrap_or_default();
                values.received[i] = read(RECEIVED_COL, true, "received");
            }
            RowKind::Task(i) => {
                values.tasks[i] = read(OUTPUT_COL, false, "tasks").unwrap_or_default();
            }
            RowKind::Kpi(i) => values.kpis[i] = read(KPI_COL, false, "kpis"),
            RowKind::Narrative | RowKind::Problems => {
                let section = if found.kind == RowKind::Narrative {
                    "narrative"
                } else {
                    "problems"
                };
                places.insert((section, String::new()), (row, NAME_COL, name.to_string()));
                let text = text_of(at(NAME_COL)).trim().to_string();
                if found.kind == RowKind::Narrative {
                    values.narrative = text;
                } else {
                    values.problems = text;
                }
            }
        }
    }
    if problems.is_empty() {
        Ok((values, places))
    } else {
        Err(ImportError::Cells(problems))
    }
}

/// Checks the entry as `planbook check` would, on a copy of the settings and the plan's
/// folder with the entry in place; findings of the entry are told at their cells.
fn check_entry(
    content_dir: &Path,
    plan: &Plan,
    relative: &Path,
    text: &str,
    places: &Places,
    place: &Place<'_>,
) -> Result<String, ImportError> {
    let scratch = tempfile::tempdir()
        .map_err(|e| ImportError::Scaffold(ScaffoldError::Io(std::env::temp_dir(), e)))?;
    let copy = |from: &Path, to: &Path| -> std::io::Result<()> {
        for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
            let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target)?;
            } else if entry.file_type().is_file() {
                std::fs::copy(entry.path(), &target)?;
            }
        }
        Ok(())
    };
    let root = scratch.path();
    let io = |e: std::io::Error| ImportError::Scaffold(ScaffoldError::Io(root.to_path_buf(), e));
    let site = content_dir.join("site.yaml");
    if site.is_file() {
        std::fs::copy(&site, root.join("site.yaml")).map_err(io)?;
    }
    copy(
        &content_dir.join("fiscal-years"),
        &root.join("fiscal-years"),
    )
    .map_err(io)?;
    let folder = Path::new("plans").join(plan.id.to_string());
    copy(&content_dir.join(&folder), &root.join(&folder)).map_err(io)?;
    if let Some(parent) = root.join(relative).parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    std::fs::write(root.join(relative), text).map_err(io)?;
    let checked = check::check(root)
        .map_err(|e| ImportError::Scaffold(ScaffoldError::Invalid(e.to_string())))?;
    if !checked.has_errors() {
        return Ok(checked.render());
    }
    let lines: Vec<&str> = text.lines().collect();
    let diagnostics = checked.diagnostics();
    let problems = diagnostics
        .findings()
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|finding| {
            let ours = checked.sources.path(finding.loc.file) == Some(relative);
            let located = ours
                .then(|| section_and_id(&lines, finding.loc.line))
                .flatten()
                .and_then(|key| places.get(&key));
            match located {
                Some((row, col, name)) => {
                    format!("{}: {}", place.at(*row, *col, name), finding.message)
                }
                None => format!("{}: {}", place.file, finding.message),
            }
        })
        .collect();
    Err(ImportError::Cells(problems))
}

/// The (section, id) a line of the written entry gives a value for (1-based line).
fn section_and_id(lines: &[&str], line: u32) -> Option<(&'static str, String)> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    let text = lines.get(index)?;
    let key_of = |l: &str| l.split(':').next().unwrap_or("").trim().to_string();
    let known = |key: &str| -> Option<&'static str> {
        [
            "disbursed",
            "committed",
            "received",
            "tasks",
            "kpis",
            "narrative",
            "problems",
        ]
        .into_iter()
        .find(|k| *k == key)
    };
    if !text.starts_with(' ') {
        return Some((known(&key_of(text))?, String::new()));
    }
    let section = lines[..index]
        .iter()
        .rev()
        .find(|l| !l.starts_with(' ') && !l.starts_with('#'))?;
    Some((known(&key_of(section))?, key_of(text)))
}

/// The lines of `old` that went (`- …`) and of `new` that came (`+ …`), comments aside;
/// an indented line names its section (`- training: 250.5 (disbursed)`).
fn changed_lines(old: &str, new: &str) -> Vec<String> {
    let meaningful = |text: &str| -> Vec<String> {
        let mut section = String::new();
        let mut lines = Vec::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let line = line.split(" #").next().unwrap_or("").trim_end();
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with(' ') {
                lines.push(format!("{} ({section})", line.trim()));
            } else {
                section = line.split(':').next().unwrap_or("").to_string();
                lines.push(line.to_string());
            }
        }
        lines
    };
    let (old, new) = (meaningful(old), meaningful(new));
    let went = old
        .iter()
        .filter(|l| !new.contains(l))
        .map(|l| format!("- {l}"));
    let came = new
        .iter()
        .filter(|l| !old.contains(l))
        .map(|l| format!("+ {l}"));
    went.chain(came).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_in_yaml() {
        let text = |s: &str| Data::String(s.into());
        assert_eq!(
            figure(Some(&text("1,234.50 บาท")), true),
            Ok(Some(Decimal::new(123450, 2)))
        );
        assert_eq!(
            figure(Some(&text("๑,๒๐๐")), true),
            Ok(Some(Decimal::from(1200)))
        );
        assert_eq!(
            figure(Some(&Data::Float(5100.5)), true),
            Ok(Some(Decimal::new(51005, 1)))
        );
        assert_eq!(
            figure(Some(&Data::Float(0.07)), true),
            Ok(Some(Decimal::new(7, 2)))
        );
        assert_eq!(figure(Some(&Data::Empty), true), Ok(None));
        assert!(figure(Some(&text("หนึ่งพัน")), true).is_err());
        assert!(figure(Some(&Data::Bool(true)), true).is_err());
    }

    #[test]
    fn a_line_of_the_entry_names_its_section_and_id() {
        let lines = [
            "month: 2023-01",
            "disbursed:   # x",
            "  staff: 5",
            "narrative: \"\"",
        ];
        assert_eq!(
            section_and_id(&lines, 3),
            Some(("disbursed", "staff".into()))
        );
        assert_eq!(
            section_and_id(&lines, 4),
            Some(("narrative", String::new()))
        );
        assert_eq!(section_and_id(&lines, 1), None);
    }
}

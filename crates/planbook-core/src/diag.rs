//! Findings about the content: errors and warnings that name `path:line:col`.
//!
//! Every stage adds findings to one [`Diagnostics`] collector; nothing fails on the first
//! problem. Rendering prints each finding with its source line and a caret under the value.

use crate::i18n::{Lang, Message};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthChar as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a content file. Line and column are 1-based; 0 means "the whole file".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
    /// Length of the marked value in characters (at least 1 when shown).
    pub len: u32,
}

/// Index of a file in [`SourceMap`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub loc: Loc,
    /// The English text.
    pub message: String,
    /// The catalog message it was made from, shown in the language of the run.
    pub localized: Option<Message>,
}

impl Finding {
    /// The text in `lang` (English when the finding has no catalog message).
    pub fn text(&self, lang: Lang) -> String {
        match &self.localized {
            Some(message) if lang != Lang::En => message.render(lang),
            _ => self.message.clone(),
        }
    }

    /// What the finding says, to pass on to another collector.
    pub fn said(&self) -> Said {
        Said {
            english: self.message.clone(),
            localized: self.localized.clone(),
        }
    }
}

/// What a finding says: its English text, and the catalog message (by id, with arguments)
/// when it was made from one (`msg!`); plain text is shown as it is in every language.
#[derive(Clone, Debug)]
pub struct Said {
    english: String,
    localized: Option<Message>,
}

impl From<String> for Said {
    fn from(english: String) -> Said {
        Said {
            english,
            localized: None,
        }
    }
}

impl From<&str> for Said {
    fn from(english: &str) -> Said {
        Said::from(english.to_string())
    }
}

impl From<Message> for Said {
    fn from(message: Message) -> Said {
        Said {
            english: message.english(),
            localized: Some(message),
        }
    }
}

/// The content files read, by id: their path relative to the content folder and their text.
#[derive(Default, Debug)]
pub struct SourceMap {
    files: Vec<(PathBuf, String)>,
}

impl SourceMap {
    pub fn add(&mut self, relative: PathBuf, text: String) -> FileId {
        self.files.push((relative, text));
        FileId((self.files.len() - 1) as u32)
    }

    /// The id `relative` already has, its text cleared, or a new one: a file read again
    /// keeps its id, so places in it (and the plan read from it) compare equal when its
    /// content has not changed, and a long `serve` session does not grow the map.
    pub fn add_again(&mut self, relative: PathBuf) -> FileId {
        match self.files.iter().position(|(path, _)| *path == relative) {
            Some(index) => {
                self.files[index].1.clear();
                FileId(index as u32)
            }
            None => self.add(relative, String::new()),
        }
    }

    /// The path relative to the content folder, with `/` separators.
    pub fn display_path(&self, id: FileId) -> String {
        self.files
            .get(id.0 as usize)
            .map(|(p, _)| display_relative(p))
            .unwrap_or_default()
    }

    pub fn path(&self, id: FileId) -> Option<&Path> {
        self.files.get(id.0 as usize).map(|(p, _)| p.as_path())
    }

    pub fn text(&self, id: FileId) -> &str {
        self.files
            .get(id.0 as usize)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    /// Replaces a file's text (used when a file is re-read by the incremental build).
    pub fn set_text(&mut self, id: FileId, text: String) {
        if let Some(entry) = self.files.get_mut(id.0 as usize) {
            entry.1 = text;
        }
    }
}

/// Joins path components with `/` whatever the platform.
pub fn display_relative(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Exit codes of the command line: 0 ok, 1 content errors, 2 usage or I/O errors, 3 built
/// with plans left out (`build --keep-going`).
pub mod exit {
    pub const CONTENT: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const LEFT_OUT: u8 = 3;
}

/// A command's error as the command line ends with it: the findings or problems printed
/// first, the error line, and the exit code, decided here for every command.
pub trait Failure: std::error::Error {
    /// The failure this one only passes on (a command's check of the content), which then
    /// says everything.
    fn passed_on(&self) -> Option<&dyn Failure> {
        None
    }
    /// The content's findings, rendered (`path:line:col: error: …`), when they are at fault.
    fn findings(&self) -> Option<&str> {
        self.passed_on().and_then(Failure::findings)
    }
    /// Problems of the input that each get an error line of their own (a workbook's cells).
    fn problems(&self) -> &[String] {
        self.passed_on().map_or(&[], Failure::problems)
    }
    /// The error line after `error: `: the error's own message unless it says it better.
    fn line(&self) -> String {
        self.passed_on()
            .map_or_else(|| self.to_string(), Failure::line)
    }
    /// 1 when the content or the input is at fault (findings or problems), 2 otherwise
    /// (usage, I/O, environment).
    fn exit_code(&self) -> u8 {
        if self.findings().is_some() || !self.problems().is_empty() {
            exit::CONTENT
        } else {
            exit::USAGE
        }
    }
}

/// The English plural ending of a count in messages: `1 plan`, `2 plans`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Collects findings from every stage.
#[derive(Default, Debug, Clone)]
pub struct Diagnostics {
    findings: Vec<Finding>,
}

impl Diagnostics {
    pub fn error(&mut self, loc: Loc, message: impl Into<Said>) {
        self.push(Severity::Error, loc, message.into());
    }

    pub fn warning(&mut self, loc: Loc, message: impl Into<Said>) {
        self.push(Severity::Warning, loc, message.into());
    }

    fn push(&mut self, severity: Severity, loc: Loc, said: Said) {
        self.findings.push(Finding {
            severity,
            loc,
            message: said.english,
            localized: said.localized,
        });
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.findings.extend(other.findings);
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Findings in file order, then line and column; errors before warnings at one place.
    pub fn sorted(&self, sources: &SourceMap) -> Vec<&Finding> {
        let mut all: Vec<&Finding> = self.findings.iter().collect();
        all.sort_by(|a, b| {
            let pa = sources.display_path(a.loc.file);
            let pb = sources.display_path(b.loc.file);
            (pa, a.loc.line, a.loc.col, a.severity, &a.message)
                .cmp(&(pb, b.loc.line, b.loc.col, b.severity, &b.message))
        });
        all.dedup();
        all
    }

    /// Renders every finding as `path:line:col: error: message` plus the source line and
    /// caret, in the language of the run.
    pub fn render(&self, sources: &SourceMap) -> String {
        self.render_in(crate::i18n::current(), sources)
    }

    /// [`Diagnostics::render`] in `lang`.
    pub fn render_in(&self, lang: Lang, sources: &SourceMap) -> String {
        let mut out = String::new();
        for finding in self.sorted(sources) {
            render_finding(&mut out, finding, sources, lang);
        }
        out
    }

    /// Whether any finding points into `file`.
    pub fn mentions(&self, file: FileId) -> bool {
        self.findings.iter().any(|f| f.loc.file == file)
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

fn render_finding(out: &mut String, finding: &Finding, sources: &SourceMap, lang: Lang) {
    let kind = severity_label(finding.severity, lang);
    let path = sources.display_path(finding.loc.file);
    let Loc { line, col, len, .. } = finding.loc;
    let _ = writeln!(out, "{path}:{line}:{col}: {kind}: {}", finding.text(lang));
    let Some(source_line) = (line as usize)
        .checked_sub(1)
        .and_then(|i| sources.text(finding.loc.file).lines().nth(i))
    else {
        return;
    };
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let shown: String = source_line.chars().take(200).collect();
    let before = col.saturating_sub(1) as usize;
    // By display width: Thai vowels above and below and tone marks take no column.
    let pad: String = shown
        .chars()
        .take(before)
        .map(|c| match c {
            '\t' => "\t".to_string(),
            _ => " ".repeat(c.width().unwrap_or(0)),
        })
        .collect();
    let marked: Vec<char> = shown.chars().skip(before).take(len as usize).collect();
    let beyond_line = (len as usize).saturating_sub(marked.len());
    let width: usize = marked.iter().map(|c| c.width().unwrap_or(0)).sum();
    let carets = "^".repeat((width + beyond_line).clamp(1, 80));
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {shown}");
    let _ = writeln!(out, "{gutter} | {pad}{carets}");
}

/// `error` / `warning` in `lang` (`ข้อผิดพลาด` / `คำเตือน` in Thai).
pub fn severity_label(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => crate::msg!("diag-error").render(lang),
        Severity::Warning => crate::msg!("diag-warning").render(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_path_line_col_with_a_caret_under_the_value() {
        let mut sources = SourceMap::default();
        let file = sources.add(
            PathBuf::from("plans/a/plan.yaml"),
            "id: x\namount: -5\n".into(),
        );
        let mut diags = Diagnostics::default();
        let loc = Loc {
            file,
            line: 2,
            col: 9,
            len: 2,
        };
        diags.error(loc, "negative money");
        let text = diags.render(&sources);
        assert_eq!(
            text,
            "plans/a/plan.yaml:2:9: error: negative money\n  |\n2 | amount: -5\n  |         ^^\n"
        );
        assert!(diags.has_errors());
    }

    #[test]
    fn the_caret_under_thai_text_skips_marks_that_take_no_column() {
        let mut sources = SourceMap::default();
        // ที่ ปี่ and กิ้ each hold marks above the consonant: 6 characters, 3 columns.
        let line = "name: ที่ปี่กิ้ x: 5";
        let file = sources.add(PathBuf::from("a.yaml"), format!("{line}\n"));
        let col = line
            .chars()
            .position(|c| c == '5')
            .expect("the value is there") as u32
            + 1;
        let mut diags = Diagnostics::default();
        diags.error(
            Loc {
                file,
                line: 1,
                col,
                len: 1,
            },
            "bad",
        );
        let text = diags.render(&sources);
        let caret_line = text.lines().last().expect("a caret line");
        let value_line = text.lines().nth(2).expect("the source line");
        let caret_column = caret_line.find('^').expect("a caret");
        let value_column = unicode_width::UnicodeWidthStr::width(
            &value_line[..value_line.find('5').expect("the value")],
        );
        assert_eq!(caret_column, value_column, "{text}");
        // The marked Thai word is underlined by its width, not its character count.
        let mut diags = Diagnostics::default();
        diags.error(
            Loc {
                file,
                line: 1,
                col: 7,
                len: 9,
            },
            "bad",
        );
        let text = diags.render(&sources);
        assert!(text.ends_with("\n  |       ^^^\n"), "{text}");
    }
}

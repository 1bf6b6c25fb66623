//! The rebuild loop: waits for batches of changed paths, rebuilds through the build
//! [`Session`], prints one line per rebuild (or the findings), and tells the open pages.
//! A failed build leaves the last good site in place; a panic inside the session is
//! caught, reported like a failed build, and the next build starts from a fresh session.

use super::state::Shared;
use super::watch::Change;
use crate::build::{BuildError, BuildOptions};
use crate::session::{RebuildStats, Session};
use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

/// What the loop is told.
#[derive(Debug)]
pub enum Message {
    Changed(Vec<PathBuf>),
    WatchProblem(String),
    /// Ctrl-C or a termination signal.
    Stop,
}

impl From<Change> for Message {
    fn from(change: Change) -> Message {
        match change {
            Change::Paths(paths) => Message::Changed(paths),
            Change::Problem(problem) => Message::WatchProblem(problem),
        }
    }
}

pub struct Rebuilder {
    options: BuildOptions,
    session: Session,
    /// Changed paths are printed relative to this folder (the content folder's parent).
    display_base: PathBuf,
    /// Warnings are printed again only when they change.
    last_warnings: String,
}

impl Rebuilder {
    pub fn new(options: BuildOptions) -> Rebuilder {
        let display_base = options
            .content_dir
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Rebuilder {
            session: Session::new(options.clone()),
            options,
            display_base,
            last_warnings: String::new(),
        }
    }

    /// The first, full build.
    pub fn first(&mut self, shared: &Shared) {
        let outcome = self.attempt(|session| session.full());
        if let Ok(stats) = &outcome {
            println!(
                "{}",
                crate::tr!(
                    "serve-built",
                    ms = stats.elapsed.as_millis(),
                    pages = stats.pages_rendered,
                    files = stats.files_written
                )
            );
        }
        self.finish(shared, outcome);
    }

    /// Rebuilds on every batch of changes until told to stop or the senders are gone.
    pub fn run(&mut self, shared: &Shared, messages: &Receiver<Message>) {
        while let Ok(first) = messages.recv() {
            let mut changed = BTreeSet::new();
            let mut stop = self.absorb(first, &mut changed);
            // Changes that queued up during the last build go into this one.
            while let Ok(more) = messages.try_recv() {
                stop |= self.absorb(more, &mut changed);
            }
            if stop {
                return;
            }
            if changed.is_empty() {
                continue;
            }
            let paths: Vec<PathBuf> = changed.into_iter().collect();
            let outcome = self.attempt(|session| session.rebuild(&paths));
            if let Ok(stats) = &outcome {
                println!(
                    "{}",
                    crate::tr!(
                        "serve-rebuilt",
                        ms = stats.elapsed.as_millis(),
                        pages = stats.pages_rendered,
                        what = self.describe(&paths)
                    )
                );
            }
            self.finish(shared, outcome);
        }
    }

    /// Adds a message's paths to `changed`; true when it says stop.
    fn absorb(&self, message: Message, changed: &mut BTreeSet<PathBuf>) -> bool {
        match message {
            Message::Changed(paths) => changed.extend(paths),
            Message::WatchProblem(problem) => eprintln!(
                "{}: {}",
                crate::tr!("diag-warning"),
                crate::tr!("serve-watch-problem", problem = problem)
            ),
            Message::Stop => return true,
        }
        false
    }

    /// Runs one build; a panic becomes an error text and the session starts afresh.
    fn attempt(
        &mut self,
        build: impl FnOnce(&mut Session) -> Result<RebuildStats, BuildError>,
    ) -> Result<RebuildStats, String> {
        let session = &mut self.session;
        match catch_unwind(AssertUnwindSafe(|| build(session))) {
            Ok(Ok(stats)) => Ok(stats),
            Ok(Err(error)) => Err(error_text(&error)),
            Err(_) => {
                self.session = Session::new(self.options.clone());
                Err(format!(
                    "{}: {}\n",
                    crate::tr!("diag-error"),
                    crate::tr!("serve-panicked")
                ))
            }
        }
    }

    fn finish(&mut self, shared: &Shared, outcome: Result<RebuildStats, String>) {
        match outcome {
            Ok(stats) => {
                if stats.warnings != self.last_warnings {
                    eprint!("{}", stats.warnings);
                    self.last_warnings = stats.warnings;
                }
                shared.finish_build(None);
            }
            Err(text) => {
                print_error(&text);
                // Show the warnings again once the build is good.
                self.last_warnings.clear();
                shared.finish_build(Some(text));
            }
        }
    }

    /// `content/plans/…/2023-01.yaml`, or the first path and how many more.
    fn describe(&self, paths: &[PathBuf]) -> String {
        let show = |path: &PathBuf| {
            crate::diag::display_relative(path.strip_prefix(&self.display_base).unwrap_or(path))
        };
        match paths {
            [] => String::new(),
            [one] => show(one),
            [first, rest @ ..] => {
                crate::tr!("serve-and-more", first = show(first), more = rest.len())
            }
        }
    }
}

/// The findings (`path:line:col: error: …` with the source line and caret), then the
/// summary line, as the terminal and the page overlay show them.
fn error_text(error: &BuildError) -> String {
    let mut text = String::new();
    if let BuildError::Content { report, .. } = error {
        text.push_str(report);
    }
    text.push_str(&format!("error: {error}\n"));
    text
}

fn print_error(text: &str) {
    if std::io::stderr().is_terminal() {
        eprint!("{}", text.replace("error:", "\x1b[1;31merror\x1b[0m:"));
    } else {
        eprint!("{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_text_has_the_findings_then_the_summary() {
        let error = BuildError::Content {
            report: "a.yaml:3:3: error: unknown key `x`\n  |\n3 | x: 1\n  | ^\n".into(),
            errors: 1,
        };
        assert_eq!(
            error_text(&error),
            "a.yaml:3:3: error: unknown key `x`\n  |\n3 | x: 1\n  | ^\n\
             error: 1 error in the content; nothing was written\n"
        );
    }

    #[test]
    fn changed_paths_are_shown_from_the_content_folders_parent() {
        let rebuilder = Rebuilder::new(BuildOptions {
            content_dir: PathBuf::from("/srv/site/content"),
            output_dir: PathBuf::from("/tmp/out"),
            as_of: None,
        });
        let one = [PathBuf::from("/srv/site/content/site.yaml")];
        assert_eq!(rebuilder.describe(&one), "content/site.yaml");
        let three = [
            PathBuf::from("/srv/site/themes/x/templates/page.html"),
            PathBuf::from("/srv/site/content/a.yaml"),
            PathBuf::from("/elsewhere/b.yaml"),
        ];
        assert_eq!(
            rebuilder.describe(&three),
            "themes/x/templates/page.html and 2 more"
        );
    }
}

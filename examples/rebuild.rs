//! Times incremental rebuilds: builds a content folder, then changes one figure of one
//! progress entry (a disbursed amount, down by one baht and back), rebuilding through a
//! session after each edit, and prints what each rebuild did and how long it took. Two
//! cases: the latest month's entry of the first plan (what an officer files each month:
//! one month's email report to redo) and its first month's entry (every later month's
//! figures move: the worst case for one entry).
//!
//! `cargo run --release --example rebuild -- CONTENT OUTPUT [ROUNDS]`

use planbook::build::BuildOptions;

/// The allocator of the `planbook` binary (src/main.rs), whose `serve` does the rebuilds a
/// user waits for: timed with glibc's malloc instead, the latest month's rebuild at 10,000
/// plans took about a sixth longer (median 188 ms against 163 ms on the same machine).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use planbook::session::Session;
use std::path::{Path, PathBuf};
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
    let entries = entries_of_first_plan(&content);
    let (Some(first), Some(latest)) = (entries.first(), entries.last()) else {
        eprintln!("no progress entry to change");
        return ExitCode::from(2);
    };
    for (case, entry) in [
        ("latest month's entry", latest),
        ("first month's entry", first),
    ] {
        match time_edits(&mut session, entry, rounds) {
            Ok(mut times) => {
                times.sort_by(f64::total_cmp);
                if let Some(median) = times.get(times.len() / 2) {
                    println!(
                        "incremental rebuild median ({case}): {median:.1} ms over {} rounds",
                        times.len()
                    );
                }
            }
            Err(code) => return code,
        }
    }
    ExitCode::SUCCESS
}

/// Edits `entry` `rounds` times (one baht off its first disbursed amount, then back) and
/// rebuilds after each edit; the file is as it was at the end. Milliseconds per rebuild.
fn time_edits(session: &mut Session, entry: &Path, rounds: usize) -> Result<Vec<f64>, ExitCode> {
    let original = std::fs::read_to_string(entry).unwrap_or_default();
    let Some(edited) = one_baht_less(&original) else {
        eprintln!("{}: no disbursed amount to change", entry.display());
        return Err(ExitCode::from(2));
    };
    let mut times = Vec::new();
    for round in 0..rounds {
        let text = if round % 2 == 0 { &edited } else { &original };
        if std::fs::write(entry, text).is_err() {
            return Err(ExitCode::from(2));
        }
        let started = Instant::now();
        match session.rebuild(&[entry.to_path_buf()]) {
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
                return Err(ExitCode::from(1));
            }
        }
    }
    let _ = std::fs::write(entry, &original);
    Ok(times)
}

/// The entry with the first amount under `disbursed:` one baht lower.
fn one_baht_less(text: &str) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let heading = lines.iter().position(|l| l.trim_end() == "disbursed:")?;
    let line = lines.get_mut(heading + 1)?;
    let (key, amount) = line.split_once(':')?;
    let amount: u64 = amount.trim().parse().ok()?;
    *line = format!("{key}: {}", amount.checked_sub(1)?);
    Some(lines.join("\n") + "\n")
}

/// The progress entries of the first plan folder, in name (month) order.
fn entries_of_first_plan(content: &Path) -> Vec<PathBuf> {
    let mut folders = walkdir::WalkDir::new(content.join("plans"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "progress");
    let Some(folder) = folders.next() else {
        return Vec::new();
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder.path())
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    entries.sort();
    entries
}

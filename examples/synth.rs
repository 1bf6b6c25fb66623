//! Synthetic content for benchmarks: `cargo run --release --example synth -- --plans N --out DIR
//! [--seed S]` writes a valid content folder of N plans across the 77 provincial offices, each
//! with its budget tree, tasks, KPIs and twelve monthly progress entries (FY 2566).
//!
//! The output is deterministic for a seed and passes `planbook check` with no error and no
//! warning. The generator is callable as a library (`generate`), so the integration test
//! `tests/it/synth_corpus.rs` includes this file with `#[path]`.

#[path = "synth/plan.rs"]
mod plan;
#[path = "synth/rng.rs"]
pub mod rng;
#[path = "synth/words.rs"]
mod words;
#[path = "synth/yaml.rs"]
mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Marks a folder as written by this generator, so a later run may clear it.
pub const MARKER: &str = ".planbook-synth";
pub const FISCAL_YEAR: &str = "2566";

pub struct Options {
    pub plans: usize,
    pub out: PathBuf,
    pub seed: u64,
}

#[derive(Debug)]
pub struct Summary {
    pub plans: usize,
    pub files: u64,
    pub bytes: u64,
    pub elapsed: Duration,
}

/// The plan's folder id under `plans/2566/`: (office id, activity id, province index).
pub fn plan_place(index: usize) -> (String, String, usize) {
    let office = index % words::PROVINCES.len();
    (
        format!("office-{:02}", office + 1),
        format!("activity-{:04}", index / words::PROVINCES.len() + 1),
        office,
    )
}

/// Writes the corpus into `options.out` (which must be empty, missing, or an earlier output).
pub fn generate(options: &Options) -> Result<Summary, String> {
    let started = Instant::now();
    let out = &options.out;
    prepare(out)?;
    let files = AtomicU64::new(0);
    let bytes = AtomicU64::new(0);
    let write = |path: &Path, text: &str| -> Result<(), String> {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        files.fetch_add(1, Ordering::Relaxed);
        bytes.fetch_add(text.len() as u64, Ordering::Relaxed);
        Ok(())
    };
    let mkdir =
        |path: &Path| std::fs::create_dir(path).map_err(|e| format!("{}: {e}", path.display()));

    write(
        &out.join(MARKER),
        &format!(
            "planbook synth: plans={} seed={}\n",
            options.plans, options.seed
        ),
    )?;
    write(&out.join("site.yaml"), &yaml::site())?;
    mkdir(&out.join("fiscal-years"))?;
    write(
        &out.join("fiscal-years").join(format!("{FISCAL_YEAR}.yaml")),
        &yaml::fiscal_year(),
    )?;
    mkdir(&out.join("pages"))?;
    write(
        &out.join("pages/about.md"),
        &yaml::about_page(options.plans, options.seed),
    )?;
    let year_dir = out.join("plans").join(FISCAL_YEAR);
    mkdir(&out.join("plans"))?;
    mkdir(&year_dir)?;
    for i in 0..options.plans.min(words::PROVINCES.len()) {
        mkdir(&year_dir.join(plan_place(i).0))?;
    }

    let next = AtomicUsize::new(0);
    let failure: Mutex<Option<String>> = Mutex::new(None);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(options.plans.max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= options.plans {
                        break;
                    }
                    if let Err(e) = write_plan(&year_dir, i, options.seed, &write, &mkdir) {
                        failure.lock().unwrap().get_or_insert(e);
                        next.store(options.plans, Ordering::Relaxed);
                        break;
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap() {
        return Err(e);
    }
    Ok(Summary {
        plans: options.plans,
        files: files.into_inner(),
        bytes: bytes.into_inner(),
        elapsed: started.elapsed(),
    })
}

fn write_plan(
    year_dir: &Path,
    index: usize,
    seed: u64,
    write: &(dyn Fn(&Path, &str) -> Result<(), String> + Sync),
    mkdir: &(dyn Fn(&Path) -> Result<(), String> + Sync),
) -> Result<(), String> {
    let (office, activity, province) = plan_place(index);
    let mut rng = rng::Rng::for_item(seed, index as u64);
    let plan = plan::Plan::generate(province, &mut rng);
    let dir = year_dir.join(office).join(activity);
    mkdir(&dir)?;
    write(&dir.join("plan.yaml"), &yaml::plan(&plan))?;
    let progress = dir.join("progress");
    mkdir(&progress)?;
    for (m, entry) in plan.entries.iter().enumerate() {
        let name = format!("{}.yaml", yaml::month_label(m, false));
        write(&progress.join(name), &yaml::progress(&plan, m, entry))?;
    }
    Ok(())
}

/// Creates `out`, or empties it when it holds an earlier output; refuses anything else.
fn prepare(out: &Path) -> Result<(), String> {
    let shown = out.display();
    match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return std::fs::create_dir_all(out).map_err(|e| format!("{shown}: {e}"));
        }
        Err(e) => return Err(format!("{shown}: {e}")),
        Ok(mut entries) => {
            if entries.next().is_none() {
                return Ok(());
            }
        }
    }
    if !out.join(MARKER).is_file() {
        return Err(format!(
            "{shown} is not empty and is not an earlier synth output (no {MARKER}): refusing to touch it"
        ));
    }
    // The plan folders are nearly all of it: remove them office by office, in parallel.
    let year_dir = out.join("plans").join(FISCAL_YEAR);
    let offices: Vec<PathBuf> = std::fs::read_dir(&year_dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(dir) = offices.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let _ = std::fs::remove_dir_all(dir);
                }
            });
        }
    });
    for entry in std::fs::read_dir(out).map_err(|e| format!("{shown}: {e}"))? {
        let path = entry.map_err(|e| format!("{shown}: {e}"))?.path();
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

const USAGE: &str = "usage: synth --plans N --out DIR [--seed S]";

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut plans, mut out, mut seed) = (None, None, 1u64);
    let mut args = args;
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--plans" => {
                plans = Some(value()?.parse().map_err(|e| format!("--plans: {e}"))?);
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(Options {
        plans: plans.ok_or(format!("--plans is required\n{USAGE}"))?,
        out: out.ok_or(format!("--out is required\n{USAGE}"))?,
        seed,
    })
}

fn main() -> std::process::ExitCode {
    let result = parse_args(std::env::args().skip(1)).and_then(|o| generate(&o));
    match result {
        Ok(s) => {
            println!(
                "synth: {} plans, {} files, {} bytes in {:.2} s",
                s.plans,
                s.files,
                s.bytes,
                s.elapsed.as_secs_f64()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

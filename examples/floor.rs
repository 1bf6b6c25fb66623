//! What any build of a content folder costs before planbook does anything of its own: walking
//! the folder, reading every file, and parsing every YAML file with a serde YAML crate into
//! nothing (`serde::de::IgnoredAny`), on every core, as the build does. With `--output-like
//! DIR`, also writing as many files of the same sizes as the built site `DIR` holds.
//!
//! Two parsers are timed: serde-saphyr, the one planbook uses (for the line and column
//! of every value), and yaml_serde (libyaml, no positions), the fastest serde YAML crate
//! tried. `bench/run` prints these floors beside the build and Hugo.
//!
//! `cargo run --release --example floor -- CONTENT [--output-like DIR]`

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(content) = args.first() else {
        eprintln!("usage: floor CONTENT [--output-like DIR]");
        return ExitCode::from(2);
    };
    let output_like = match args.get(1).map(String::as_str) {
        Some("--output-like") => match args.get(2) {
            Some(dir) => Some(PathBuf::from(dir)),
            None => {
                eprintln!("usage: floor CONTENT [--output-like DIR]");
                return ExitCode::from(2);
            }
        },
        Some(other) => {
            eprintln!("floor: unknown argument {other}");
            return ExitCode::from(2);
        }
        None => None,
    };
    match run(Path::new(content), output_like.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("floor: {error}");
            ExitCode::from(1)
        }
    }
}

fn run(content: &Path, output_like: Option<&Path>) -> Result<(), String> {
    let started = Instant::now();
    let files = files_under(content, "yaml")?;
    let walk = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let texts = files
        .par_iter()
        .map(|path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display())))
        .collect::<Result<Vec<String>, String>>()?;
    let read = started.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(String::len).sum();

    let saphyr = time_parse(&texts, |text| {
        serde_saphyr::from_str::<serde::de::IgnoredAny>(text).map_err(|e| e.to_string())
    })?;
    let libyaml = time_parse(&texts, |text| {
        yaml_serde::from_str::<serde::de::IgnoredAny>(text).map_err(|e| e.to_string())
    })?;

    println!(
        "floor: {} YAML files, {:.1} MB: walk {walk:.2} s, read {read:.2} s, \
         parse {saphyr:.2} s (serde-saphyr) or {libyaml:.2} s (yaml_serde)",
        files.len(),
        bytes as f64 / 1e6,
    );
    let mut total = walk + read + saphyr.min(libyaml);
    if let Some(built) = output_like {
        let (count, size, seconds) = write_like(built)?;
        println!(
            "floor: writing {count} files, {:.1} MB (the sizes of {}): {seconds:.2} s",
            size as f64 / 1e6,
            built.display()
        );
        total += seconds;
    }
    println!("floor: total {total:.2} s (walk, read, the faster parse, write)");
    Ok(())
}

/// Every file under `root` whose name ends in `.{extension}` (every file if empty).
fn files_under(root: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.map_err(|e| e.to_string())?;
        let wanted = extension.is_empty()
            || entry.path().extension().and_then(|e| e.to_str()) == Some(extension);
        if entry.file_type().is_file() && wanted {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Seconds to parse every text on every core.
fn time_parse(
    texts: &[String],
    parse: impl Fn(&str) -> Result<serde::de::IgnoredAny, String> + Sync,
) -> Result<f64, String> {
    let started = Instant::now();
    texts
        .par_iter()
        .try_for_each(|text| parse(text).map(|_| ()))?;
    Ok(started.elapsed().as_secs_f64())
}

/// Writes, into a new folder beside `built`, one file of the same size for each file of
/// `built`, on every core: files, bytes and seconds. The folder is removed afterwards.
fn write_like(built: &Path) -> Result<(usize, u64, f64), String> {
    let files = files_under(built, "")?;
    let sizes = files
        .iter()
        .map(|f| {
            let relative = f.strip_prefix(built).map_err(|e| e.to_string())?;
            let size = f.metadata().map_err(|e| e.to_string())?.len();
            Ok((relative.to_path_buf(), size))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let parent = built.parent().unwrap_or(Path::new("."));
    let scratch = tempfile::tempdir_in(parent).map_err(|e| e.to_string())?;
    let largest = sizes.iter().map(|(_, s)| *s).max().unwrap_or(0);
    let filler = vec![b'x'; usize::try_from(largest).map_err(|e| e.to_string())?];
    let started = Instant::now();
    sizes.par_iter().try_for_each(|(relative, size)| {
        let path = scratch.path().join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
        }
        let len = usize::try_from(*size).map_err(|e| e.to_string())?;
        std::fs::write(&path, &filler[..len]).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    let seconds = started.elapsed().as_secs_f64();
    let total = sizes.iter().map(|(_, s)| s).sum();
    Ok((sizes.len(), total, seconds))
}

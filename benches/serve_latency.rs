//! Benchmark: the time from writing a content file to the live-reload
//! event on an open page, and to the new text being served, on the example content and,
//! when `PLANBOOK_BENCH_CONTENT` names one, on a large content folder (edited in place and
//! restored afterwards). Run through `bench/serve-latency.sh`, which builds in release mode,
//! makes a 10 000-plan synthetic site in /dev/shm and keeps serve's private output there;
//! or `cargo bench --bench serve_latency`. It prints times and asserts nothing but that
//! each edit is served, so it is a benchmark, not a test.

#[path = "../tests/it/common.rs"]
mod common;
#[path = "../tests/it/serve_support.rs"]
mod serve_support;

use serve_support::{Served, example_content_in, wait_until};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let edits = env_number("PLANBOOK_BENCH_EDITS", 5);
    let dir = tempfile::tempdir().unwrap();
    let example = example_content_in(dir.path());
    measure("example content", &example, edits, Duration::from_secs(60));
    if let Some(large) = std::env::var_os("PLANBOOK_BENCH_CONTENT") {
        let edits = env_number("PLANBOOK_BENCH_LARGE_EDITS", 3);
        measure(
            &format!("{}", Path::new(&large).display()),
            Path::new(&large),
            edits,
            Duration::from_secs(1200),
        );
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Puts a file's text back when dropped, also on panic.
struct Restore {
    path: PathBuf,
    text: String,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.path, &self.text);
    }
}

fn measure(label: &str, content: &Path, edits: usize, limit: Duration) {
    let entry = first_entry_with_narrative(content);
    let page = plan_page(content, &entry);
    let original = std::fs::read_to_string(&entry).unwrap();
    let _restore = Restore {
        path: entry.clone(),
        text: original.clone(),
    };

    let started = Instant::now();
    let served = Served::start(content, &[], limit);
    let ready = started.elapsed();
    let first_build = served
        .line_starting("built in ")
        .unwrap_or_else(|| "no first build line".into());
    let events = served.events();
    events.next_named("hello", limit).expect("hello");

    let mut to_event = Vec::new();
    let mut to_served = Vec::new();
    let mut build_lines = Vec::new();
    for n in 1..=edits {
        let marker = format!("BENCH-EDIT-{n}-{}", std::process::id());
        let text = original.replacen("narrative: |\n", &format!("narrative: |\n  {marker}\n"), 1);
        let temporary = entry.with_extension("yaml.tmp");
        let written = Instant::now();
        std::fs::write(&temporary, text).unwrap();
        std::fs::rename(&temporary, &entry).unwrap();
        let reload = events.next_named("reload", limit);
        assert!(
            reload.is_some(),
            "no reload after edit {n}: {}",
            served.output()
        );
        to_event.push(written.elapsed());
        assert!(
            wait_until(limit, || {
                common::unmarked(&served.get(&page).text()).contains(&marker)
            }),
            "{page} lacks {marker}"
        );
        to_served.push(written.elapsed());
        build_lines.push(
            served
                .stdout()
                .lines()
                .rfind(|l| l.starts_with("rebuilt in "))
                .unwrap_or("")
                .split(" (")
                .next()
                .unwrap_or("")
                .to_string(),
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    println!("\n== {label}");
    println!(
        "   serve answering after {} ms ({first_build})",
        ready.as_millis()
    );
    println!("   edit → reload event: {}", summary(&to_event));
    println!("   edit → new text served: {}", summary(&to_served));
    println!("   server said: {}", build_lines.join("; "));
}

fn summary(times: &[Duration]) -> String {
    let mut ms: Vec<u128> = times.iter().map(Duration::as_millis).collect();
    ms.sort_unstable();
    match (ms.first(), ms.get(ms.len() / 2), ms.last()) {
        (Some(min), Some(median), Some(max)) => {
            format!(
                "min {min} ms, median {median} ms, max {max} ms (n = {})",
                ms.len()
            )
        }
        _ => "no samples".into(),
    }
}

/// The first progress entry (by path) that has a `narrative: |` block.
fn first_entry_with_narrative(content: &Path) -> PathBuf {
    walkdir::WalkDir::new(content.join("plans"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && e.path().parent().is_some_and(|p| p.ends_with("progress"))
        })
        .find(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("\nnarrative: |\n")))
        .map(|e| e.into_path())
        .expect("a progress entry with a narrative")
}

/// `plans/<fy>/<office>/<plan>/progress/x.yaml` → `/<fy>/plans/<office>/<plan>/`.
fn plan_page(content: &Path, entry: &Path) -> String {
    let relative = entry.strip_prefix(content.join("plans")).unwrap();
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("/{}/plans/{}/{}/", parts[0], parts[1], parts[2])
}

//! Any bytes as one file of a small valid content folder: checking never panics, and a folder
//! that checks clean computes and exports (JSON, CSV) without panicking. With the top bit of
//! the first byte set, the site and the plan documents are rendered too (into a sink that
//! keeps nothing).
//!
//! The first byte picks the file (site, fiscal year, plan, progress entry, page); the rest are
//! its bytes. The base fixture is copied once per process into a folder on /dev/shm (or the
//! temp folder), and the file is put back after each run.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planbook::output::{Sink, WriteError};
use planbook::render::theme::Theme;
use planbook::render::views::SiteContext;
use planbook::site::{self, Progress};
use planbook::{check, compute, export, pipeline};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const BASE: &[(&str, &[u8])] = &[
    (
        "site.yaml",
        include_bytes!("../../tests/it/fixtures/base/site.yaml"),
    ),
    (
        "fiscal-years/2566.yaml",
        include_bytes!("../../tests/it/fixtures/base/fiscal-years/2566.yaml"),
    ),
    (
        "plans/2566/office-a/act/plan.yaml",
        include_bytes!("../../tests/it/fixtures/base/plans/2566/office-a/act/plan.yaml"),
    ),
    (
        "plans/2566/office-a/act/progress/2022-10.yaml",
        include_bytes!(
            "../../tests/it/fixtures/base/plans/2566/office-a/act/progress/2022-10.yaml"
        ),
    ),
    (
        "pages/about.md",
        include_bytes!("../../tests/it/fixtures/base/pages/about.md"),
    ),
];

/// The per-process content folder, with the base fixture in it.
fn content_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let parent = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        remove_stale(&parent);
        let dir = parent.join(format!("planbook-fuzz-content-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, bytes) in BASE {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write the base fixture");
        }
        dir
    })
}

/// Folders left by fuzzing processes that are gone.
fn remove_stale(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("planbook-fuzz-content-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

struct Discard;

impl Sink for Discard {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        std::hint::black_box((relative, bytes));
        Ok(())
    }
}

fn run(dir: &Path, render: bool) {
    let checked = check::check(dir).expect("the content folder exists");
    if checked.has_errors() {
        let report = checked.render();
        assert!(report.contains(": error: "), "{report}");
        return;
    }
    let _ = checked.render();
    let figures = compute::execute(&checked.content, None);
    let _ = export::json::index_json(&figures.years);
    let rows = export::rows::PlanRows::new(&checked.content.plans, &figures)
        .expect("rows of a checked content");
    for year in &figures.years {
        let year_rows = rows.year(year.year).expect("every year has rows");
        let summary = export::json::summary_json(&checked.content.plans, year, year_rows.json());
        assert!(serde_json::from_str::<serde_json::Value>(&summary).is_ok());
        let _ = export::csv::offices_csv(year);
        for (&i, plan_figures) in year.plan_indices.iter().zip(&year.plans) {
            let plan = &checked.content.plans[i];
            let json = export::json::plan_json(plan, plan_figures);
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
            let _ = export::csv::budget_csv(plan, plan_figures);
        }
    }
    if render {
        let Ok(theme) = Theme::load(dir, checked.content.site.theme.as_deref()) else {
            return;
        };
        pipeline::write_documents(&Discard, &theme, &checked.content, &|_| true)
            .expect("plan documents render");
        let context = SiteContext::new(&checked.content, &figures);
        site::write_pages(&context, &theme, &Discard, &Progress::hidden(), &|_| true)
            .unwrap_or_else(|e| panic!("the site renders: {e:?}"));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let (name, original) = BASE[usize::from(pick & 0x7f) % BASE.len()];
    let dir = content_dir();
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the fuzzed file");
    run(dir, pick & 0x80 != 0);
    std::fs::write(&path, original).expect("restore the base file");
});

//! Hostile edits of the example content, in-process: whatever bytes a file holds, checking,
//! computing and exporting never panic, and a folder that checks clean always computes.
//! `build` agrees with `check`: it refuses every edit `check` refuses, as content errors,
//! and builds the edits `check` passes (the first 5 of them, to keep the test short).
//! Deterministic (fixed seeds); `PLANBOOK_MUTATIONS=N` runs more rounds.

use crate::common;

use common::copy_tree;
use planbook::{build, compute, export};
use std::path::{Path, PathBuf};

/// splitmix64: a tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&[u8]] = &[
    b":",
    b"- ",
    b"&a ",
    b"*a",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\t",
    b"\xff\xfe",
    b"\n",
    b"  ",
    b"999999999999999999999999999999",
    b"-1",
    b"0.001",
    b"1e9",
    b"\"",
    b"'",
    b"#",
    b"~",
    b"2023-13",
    b"2566-02-30",
    b"\xe0\xb9\x91",
    b"null",
    b"true",
    b"!!binary ",
    b"<<: *a",
    b"staff",
    b"training",
    b"---\n",
    b"...\n",
    b"\r\n",
    b"\xEF\xBB\xBF",
    b"%YAML 1.2\n",
];

fn mutate(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let len = bytes.len();
    match rng.below(6) {
        0 if len > 0 => {
            let i = rng.below(len);
            bytes[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let start = rng.below(len);
            let end = (start + rng.below(40)).min(len);
            bytes.drain(start..end);
        }
        2 if len > 0 => {
            let start = rng.below(len);
            let end = (start + rng.below(80)).min(len);
            let copy = bytes[start..end].to_vec();
            let at = rng.below(len);
            bytes.splice(at..at, copy);
        }
        3 => bytes.truncate(rng.below(len + 1)),
        _ => {
            let token = TOKENS[rng.below(TOKENS.len())];
            let at = rng.below(len + 1);
            bytes.splice(at..at, token.iter().copied());
        }
    }
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Everything but the writing: check, compute, export every plan.
fn run_pipeline(content: &Path) -> bool {
    let checked = build::check(content).expect("content folder exists");
    if checked.diagnostics().has_errors() {
        let report = checked.diagnostics().render(&checked.sources);
        assert!(
            report
                .lines()
                .next()
                .is_some_and(|l| l.contains(": error: ") || l.contains(": warning: "))
        );
        return false;
    }
    let figures = compute::execute(&checked.content, None);
    let rows =
        export::rows::PlanRows::new(&checked.content.plans, &figures).expect("rows in memory");
    for year in &figures.years {
        let year_rows = rows.year(year.year).expect("every year has rows");
        export::json::summary_json(&checked.content.plans, year, year_rows.json());
        export::csv::offices_csv(year).expect("a CSV in memory");
        for (&i, plan_figures) in year.plan_indices.iter().zip(&year.plans) {
            export::json::plan_json(&checked.content.plans[i], plan_figures);
        }
    }
    true
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn hostile_edits_never_panic() {
    let rounds: usize = std::env::var("PLANBOOK_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let source = common::repo_root().join("content");
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&source, dir.path());
    let files = yaml_files(dir.path());
    let originals: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut rng = Rng(20_230_929);
    let mut clean = 0;
    let out = tempfile::tempdir().unwrap();
    let options = build::BuildOptions {
        content_dir: dir.path().to_path_buf(),
        output_dir: out.path().join("site"),
        as_of: None,
    };
    for round in 0..rounds {
        let pick = rng.below(files.len());
        let mut bytes = originals[pick].clone();
        for _ in 0..=rng.below(4) {
            mutate(&mut bytes, &mut rng);
        }
        std::fs::write(&files[pick], &bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| run_pipeline(dir.path()));
        match outcome {
            Ok(true) => {
                clean += 1;
                if clean <= 5
                    && let Err(error) = build::build(&options)
                {
                    panic!("round {round}: check passed, build refused: {error}");
                }
            }
            Ok(false) => {
                let refused = build::build(&options);
                assert!(
                    matches!(refused, Err(build::BuildError::Content { .. })),
                    "round {round}: check refused, build said {:?}",
                    refused.map(|summary| summary.plans)
                );
            }
            Err(_) => {
                let keep = std::env::temp_dir().join(format!("planbook-mutation-{round}"));
                let _ = std::fs::write(&keep, &bytes);
                panic!(
                    "round {round}: panicked on {} (input kept at {})",
                    files[pick].display(),
                    keep.display()
                );
            }
        }
        std::fs::write(&files[pick], &originals[pick]).unwrap();
    }
    // Some edits (comments, blank lines, narrative text) leave the content valid.
    assert!(
        clean > 0,
        "no mutation left the content valid: the harness is broken"
    );
}

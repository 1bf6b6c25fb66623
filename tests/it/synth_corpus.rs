//! The benchmark corpus generator (`examples/synth.rs`) writes content `planbook check`
//! accepts with no error and no warning, the same for the same seed.

use crate::synth;

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn generate(out: &Path, plans: usize, seed: u64) -> synth::Summary {
    synth::generate(&synth::Options {
        plans,
        out: out.to_path_buf(),
        seed,
    })
    .expect("the generator writes its corpus")
}

/// Every file under `dir` by relative path, with its text.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let relative = path.strip_prefix(root).unwrap().display().to_string();
                into.insert(relative, common::read_built(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

#[test]
fn a_corpus_of_30_plans_checks_without_errors_or_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let summary = generate(&content, 30, 1);
    assert_eq!(summary.plans, 30);
    // Per plan: plan.yaml and 12 entries; then the marker, site.yaml, the year and a page.
    assert_eq!(summary.files, 30 * 13 + 4);
    assert!(
        content
            .join("plans/2566/office-30/activity-0001/plan.yaml")
            .is_file()
    );
    assert!(
        content
            .join("plans/2566/office-01/activity-0001/progress/2023-09.yaml")
            .is_file()
    );

    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .arg("check")
        .arg("--content")
        .arg(&content)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "planbook check failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("ok: 30 plans, 0 warnings"),
        "unexpected summary:\n{stdout}\n{stderr}"
    );
}

#[test]
fn the_same_seed_gives_the_same_corpus_and_other_folders_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    generate(&content, 8, 3);
    let first = snapshot(&content);
    // A second run over its own earlier output clears it and writes the same files.
    generate(&content, 8, 3);
    assert_eq!(first, snapshot(&content));

    let other = dir.path().join("other");
    generate(&other, 8, 4);
    assert_ne!(first, snapshot(&other));

    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let refused = synth::generate(&synth::Options {
        plans: 2,
        out: foreign.clone(),
        seed: 1,
    });
    assert!(refused.is_err());
    assert_eq!(
        common::read_built(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_large_year_lists_its_lowest_rates_and_most_serious_alerts_only() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    generate(&content, 230, 3);
    let out = dir.path().join("site");
    let build = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(["build", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let year = common::read_built(out.join("2566/index.html")).unwrap();
    assert!(year.contains("แผนที่เบิกจ่ายต่ำสุด 200 แผน จากทั้งหมด 230 แผน"));
    let dashboard = common::read_built(out.join("index.html")).unwrap();
    assert!(
        dashboard.contains("แสดง 30 เรื่องที่สำคัญที่สุด"),
        "alerts not limited"
    );
}

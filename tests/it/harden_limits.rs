//! Resource limits: a content folder of 100,000 files is checked in memory proportional to
//! what it holds (peak resident memory measured from /proc while the real binary runs), and
//! figures at the edge of what planbook accepts (sums of many capped amounts, percentages of
//! huge over tiny values) build without overflow, exactly.

use crate::common;

use common::{build, copy_tree, planbook, repo_root, scratch, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The generous bound: a few MiB of YAML must never need a GiB.
const MAX_PEAK_KIB: u64 = 1024 * 1024;

/// The peak resident memory of a process so far (`VmHWM`), in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

struct Measured {
    status: ExitStatus,
    peak_kib: u64,
    elapsed: Duration,
    stdout: String,
    stderr: String,
}

/// Runs `planbook ARGS`, reading its peak resident memory every millisecond until it exits
/// (the peak only grows, so the last reading is within a millisecond of the true peak).
fn measured(args: &[&str], logs: &Path) -> Measured {
    let out = logs.join("stdout");
    let err = logs.join("stderr");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .stdout(Stdio::from(std::fs::File::create(&out).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&err).unwrap()))
        .spawn()
        .expect("start planbook");
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = peak_kib(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("poll planbook") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    Measured {
        status,
        peak_kib: peak,
        elapsed: started.elapsed(),
        stdout: std::fs::read_to_string(out).unwrap(),
        stderr: std::fs::read_to_string(err).unwrap(),
    }
}

fn base_plan() -> String {
    std::fs::read_to_string(
        repo_root().join("tests/it/fixtures/base/plans/2566/office-a/act/plan.yaml"),
    )
    .unwrap()
}

fn month(index: usize) -> String {
    if index < 3 {
        format!("2022-{:02}", 10 + index)
    } else {
        format!("2023-{:02}", index - 2)
    }
}

fn file_count(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_hundred_thousand_files_are_checked_in_bounded_memory() {
    let dir = scratch();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("tests/it/fixtures/base"), &content);
    // 2,000 plans with a year of entries (26,000 content files), each folder also holding
    // scanned attachments and editor leftovers, which planbook walks past: 100,000 files.
    let plan = base_plan();
    let mut files = file_count(&content);
    for p in 0..2000 {
        let folder = content.join(format!("plans/2566/office-{:02}/act-{p:04}", p % 50));
        std::fs::create_dir_all(folder.join("progress")).unwrap();
        std::fs::create_dir_all(folder.join("attachments")).unwrap();
        std::fs::write(folder.join("plan.yaml"), &plan).unwrap();
        for m in 0..12 {
            std::fs::write(
                folder.join(format!("progress/{}.yaml", month(m))),
                format!(
                    "month: {}\ndisbursed:\n  staff: 100\nnarrative: เดือนที่ {m}\n",
                    month(m)
                ),
            )
            .unwrap();
        }
        for k in 0..30 {
            std::fs::write(folder.join(format!("attachments/scan-{k}.pdf")), "%PDF").unwrap();
        }
        for leftover in ["progress/2022-10.yaml~", "progress/.2022-11.yaml.swp"] {
            std::fs::write(folder.join(leftover), "month: [").unwrap();
        }
        files += 1 + 12 + 30 + 2;
    }
    let rest = 100_000 - files;
    let notes = content.join("plans/2566/office-00/act-0000/attachments/notes");
    std::fs::create_dir_all(&notes).unwrap();
    for k in 0..rest {
        std::fs::write(notes.join(format!("note-{k}.txt")), "x").unwrap();
    }
    assert_eq!(file_count(&content), 100_000);

    let run = measured(
        &["check", "--content", content.to_str().unwrap()],
        dir.path(),
    );
    eprintln!(
        "100,000 files (2,001 plans, 26,013 content files): peak {} MiB in {:.1} s",
        run.peak_kib / 1024,
        run.elapsed.as_secs_f64()
    );
    assert_eq!(run.status.code(), Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with("ok: 2001 plans"), "{}", run.stdout);
    assert!(run.peak_kib > 0, "no reading of the process's memory");
    assert!(run.peak_kib < MAX_PEAK_KIB, "peak {} KiB", run.peak_kib);
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_hundred_thousand_tiny_entries_with_errors_are_checked_in_bounded_memory() {
    let dir = scratch();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("tests/it/fixtures/base"), &content);
    // 4 plans of 25,000 one-line entries each: all but 12 per plan are second entries for a
    // month, so nearly 100,000 findings are kept, with the line each one quotes.
    let plan = base_plan();
    for p in 0..4 {
        let folder = content.join(format!("plans/2566/office-b/act-{p}"));
        std::fs::create_dir_all(folder.join("progress")).unwrap();
        std::fs::write(folder.join("plan.yaml"), &plan).unwrap();
        for k in 0..25_000 {
            std::fs::write(
                folder.join(format!("progress/e{k:05}.yaml")),
                format!("month: {}\n", month(k % 12)),
            )
            .unwrap();
        }
    }
    assert!(file_count(&content) >= 100_000);

    let run = measured(
        &["check", "--content", content.to_str().unwrap()],
        dir.path(),
    );
    let findings = run.stderr.matches(": error: a second entry for ").count();
    eprintln!(
        "100,000 entries, {findings} findings: peak {} MiB in {:.1} s",
        run.peak_kib / 1024,
        run.elapsed.as_secs_f64()
    );
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(findings, 4 * (25_000 - 12));
    assert!(run.peak_kib > 0, "no reading of the process's memory");
    assert!(run.peak_kib < MAX_PEAK_KIB, "peak {} KiB", run.peak_kib);
}

fn json(path: PathBuf) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn sums_of_many_capped_amounts_stay_exact_beyond_the_chart_limit() {
    let dir = scratch();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("tests/it/fixtures/base"), &content);
    // 18,500 lines at the cap: the plan's allocation passes 2^64, where chart axes clamp.
    let mut plan = String::from("office: x\nactivity: y\nbudget:\n");
    for g in 0..37 {
        plan.push_str(&format!(
            "  - id: g{g}\n    type: operating\n    name: g\n    items:\n"
        ));
        for l in 0..500 {
            plan.push_str(&format!(
                "      - {{ id: l{g}-{l}, name: n, amount: 999999999999999.99 }}\n"
            ));
        }
    }
    std::fs::write(content.join("plans/2566/office-a/act/plan.yaml"), plan).unwrap();
    let mut entry = String::from("month: 2022-10\ndisbursed:\n");
    for g in 0..37 {
        entry.push_str(&format!("  l{g}-0: 999999999999999.99\n"));
    }
    std::fs::write(
        content.join("plans/2566/office-a/act/progress/2022-10.yaml"),
        entry,
    )
    .unwrap();
    let output = dir.path().join("output");
    let out = build(&content, &output);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = json(output.join("data/2566/plans/office-a/act.json"));
    assert_eq!(plan["allocation"], "18499999999999999815.00");
    assert_eq!(plan["disbursed"], "36999999999999999.63");
    assert_eq!(plan["remaining"], "18462999999999999815.37");
    assert_eq!(plan["disbursement_rate"], "0.20");
    let summary = json(output.join("data/2566/summary.json"));
    assert_eq!(summary["allocation"], "18499999999999999815.00");
    let page = std::fs::read_to_string(output.join("2566/plans/office-a/act/index.html")).unwrap();
    assert!(page.contains("<svg"), "the plan page has its charts");
}

#[test]
fn percentages_of_huge_over_tiny_values_saturate_instead_of_overflowing() {
    let dir = scratch();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("tests/it/fixtures/base"), &content);
    let plan = base_plan()
        .replacen(
            "    target: 20\n",
            "    target: 999999999999999.99\n    direction: at_most\n",
            1,
        )
        .replacen(
            "    target: 2\n    schedule: { 2022-11: 1, 2023-02: 1 }",
            "    target: 0.0000000000000000000000001\n    schedule: { 2022-11: 0.0000000000000000000000001 }",
            1,
        );
    std::fs::write(content.join("plans/2566/office-a/act/plan.yaml"), plan).unwrap();
    std::fs::write(
        content.join("plans/2566/office-a/act/progress/2022-10.yaml"),
        "month: 2022-10\ndisbursed:\n  staff: 1000\ntasks: { train: 999999999999999.99 }\nkpis: { members: 0.0000000000000000000000001 }\n",
    )
    .unwrap();
    let output = dir.path().join("output");
    let out = build(&content, &output);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = json(output.join("data/2566/plans/office-a/act.json"));
    // 999,999,999,999,999.99 / 10^-25 × 100 is beyond Decimal: the largest Decimal stands.
    assert_eq!(
        plan["tasks"][0]["percent"],
        "79228162514264337593543950335.00"
    );
    assert_eq!(plan["kpis"][0]["achieved"], true);
    assert_eq!(plan["kpis"][0]["achievement"], "100.00");
    assert!(stdout(&out).starts_with("built 1 plan"));
}

#[test]
fn numbers_too_long_for_a_decimal_are_content_errors_with_their_place() {
    let dir = scratch();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("tests/it/fixtures/base"), &content);
    std::fs::write(
        content.join("plans/2566/office-a/act/progress/2022-10.yaml"),
        "month: 2022-10\ntasks: { train: 0.00000000000000000000000000001 }\nkpis: { members: 123456789012345678901234567890 }\nevents:\n  - { name: x, kind: meeting, ended_on: 2022-10-05, participants: 99999999999999999999999999999999 }\n",
    )
    .unwrap();
    std::fs::write(
        content.join("pages/about.md"),
        "---\ntitle: t\nweight: 99999999999999999999\n---\nbody\n",
    )
    .unwrap();
    let out = planbook(&["check", "--content", content.to_str().unwrap()]);
    let report = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    for expected in [
        "plans/2566/office-a/act/progress/2022-10.yaml:2:17: error: `0.00000000000000000000000000001` is not a number: too many digits",
        "plans/2566/office-a/act/progress/2022-10.yaml:3:18: error: `123456789012345678901234567890` is not a number: too large",
        "plans/2566/office-a/act/progress/2022-10.yaml:5:67: error: `99999999999999999999999999999999` is not a number: too large",
        "pages/about.md:3:9: error: weight `99999999999999999999` is not a whole number",
    ] {
        assert!(
            report.lines().any(|l| l.starts_with(expected)),
            "expected {expected}\n{report}"
        );
    }
}

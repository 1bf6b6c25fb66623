//! Nothing lost: a build killed at any moment, an output that cannot be written, or a disk
//! that fills up leaves the previous output exactly as it was, byte for byte.
//!
//! The kill test builds a synthetic corpus (`examples/synth.rs`) once, then N times starts
//! `planbook build` on a changed copy and SIGKILLs it after a pseudo-random delay between 0
//! and the build's measured duration: the output must be the previous build or (when the kill
//! came after the swap) the complete new one, never a mix; and the next successful build
//! leaves no staging folder behind. `PLANBOOK_KILL_PLANS` and `PLANBOOK_KILLS` make it
//! bigger; the 300-plan run is `#[ignore]`d (minutes in a debug build).

use crate::synth;

use crate::common;

use common::{build, copy_tree, stderr};
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// splitmix64: deterministic delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Every file under `dir` (hidden ones too) → (size, hash of its bytes).
type Snapshot = BTreeMap<PathBuf, (u64, u64)>;

fn snapshot(dir: &Path) -> Snapshot {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("read an output file");
            let mut h = DefaultHasher::new();
            h.write(&bytes);
            let relative = e.path().strip_prefix(dir).expect("prefix").to_path_buf();
            (relative, (bytes.len() as u64, h.finish()))
        })
        .collect()
}

fn staging_folders(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .expect("read the output's parent")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".planbook-staging-"))
        .collect()
}

fn build_ok(content: &Path, output: &Path) {
    let out = build(content, output);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Round `round`'s change: a new site title, which every page shows.
fn change(content: &Path, round: usize) {
    let site = content.join("site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !l.starts_with("title:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&site, format!("title: รอบที่ {round}\n{kept}")).unwrap();
}

fn kill_rounds(plans: usize, kills: usize) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    synth::generate(&synth::Options {
        plans,
        out: content.clone(),
        seed: 7,
    })
    .expect("the synthetic corpus");
    let sites = dir.path().join("sites");
    std::fs::create_dir(&sites).unwrap();
    let output = sites.join("output");
    let reference = dir.path().join("reference");

    let started = Instant::now();
    build_ok(&content, &output);
    let typical = started.elapsed();
    // A hidden entry of the output (a publishing repository) must survive every round.
    std::fs::create_dir(output.join(".git")).unwrap();
    std::fs::write(output.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let mut previous = snapshot(&output);
    let mut rng = Rng(0x2566_0929);
    let mut report = Vec::new();
    for round in 0..kills {
        change(&content, round);
        let delay = Duration::from_micros(rng.next() % (typical.as_micros() as u64).max(1));
        let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .args(["build", "--content"])
            .arg(&content)
            .arg("--output")
            .arg(&output)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start planbook");
        std::thread::sleep(delay);
        let finished = child.try_wait().expect("poll the build").is_some();
        let _ = child.kill();
        // Reaped here, so the next build sees the process gone.
        let status = child.wait().expect("reap the build");
        let staged = staging_folders(&sites);
        let now = snapshot(&output);
        let outcome = if now == previous {
            "previous output"
        } else {
            // The kill came after the swap: the output must be the whole new build.
            let _ = std::fs::remove_dir_all(&reference);
            build_ok(&content, &reference);
            let mut expected = snapshot(&reference);
            for (path, value) in &previous {
                if path.starts_with(".git") {
                    expected.insert(path.clone(), *value);
                }
            }
            assert_eq!(
                now.keys().collect::<Vec<_>>(),
                expected.keys().collect::<Vec<_>>(),
                "round {round}: killed after {delay:?}, the output is neither the previous one nor the new one"
            );
            assert!(
                now == expected,
                "round {round}: killed after {delay:?}, files differ from both builds"
            );
            previous = now;
            "new output"
        };
        report.push(format!(
            "round {round}: killed after {:>5} ms ({}; {}), {} staging folder(s) left: {outcome}",
            delay.as_millis(),
            if finished { "already done" } else { "running" },
            status,
            staged.len(),
        ));
    }
    eprintln!(
        "{plans} plans, a build takes {} ms:\n{}",
        typical.as_millis(),
        report.join("\n")
    );
    // The next build that completes clears whatever the killed ones left.
    change(&content, kills);
    build_ok(&content, &output);
    assert_eq!(staging_folders(&sites), Vec::<String>::new());
    assert!(
        output.join(".git/HEAD").is_file(),
        "the hidden .git was lost"
    );
    // The previous outputs are removed in the background: wait for them (10 s at most).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::fs::read_dir(&sites).unwrap().count() > 1 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_dir(&sites).unwrap().count(), 1);
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn killed_builds_leave_the_previous_output_byte_for_byte() {
    let plans = std::env::var("PLANBOOK_KILL_PLANS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let kills = std::env::var("PLANBOOK_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8);
    kill_rounds(plans, kills);
}

#[test]
#[ignore = "minutes in a debug build: cargo test --release --test it harden_kill -- --ignored"]
fn killed_builds_of_300_plans_leave_the_previous_output_byte_for_byte() {
    kill_rounds(300, 8);
}

/// The base fixture built once into `<dir>/sites/output`, with a hidden `.git` in it.
fn built_base(dir: &Path) -> (PathBuf, PathBuf) {
    let content = dir.join("content");
    copy_tree(
        &common::repo_root().join("tests/it/fixtures/base"),
        &content,
    );
    let output = dir.join("sites/output");
    build_ok(&content, &output);
    std::fs::create_dir(output.join(".git")).unwrap();
    std::fs::write(output.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    (content, output)
}

/// A pid no process has (above the kernel's pid_max).
const DEAD_PID: u32 = 4_194_304 + 17;

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_build_killed_between_the_swap_and_carrying_hidden_files_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (content, output) = built_base(dir.path());
    // The state a kill right after the swap leaves: the new output in place without the
    // hidden entries, the old output (with `.git`) in the killed build's staging folder.
    let stale = dir
        .path()
        .join(format!("sites/.planbook-staging-output-{DEAD_PID}"));
    copy_tree(&output, &stale);
    std::fs::remove_dir_all(output.join(".git")).unwrap();

    build_ok(&content, &output);
    assert!(
        output.join(".git/HEAD").is_file(),
        "the .git of the killed build's old output was deleted"
    );
    assert_eq!(
        staging_folders(&dir.path().join("sites")),
        Vec::<String>::new()
    );
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_build_killed_in_the_middle_of_a_two_rename_swap_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (content, output) = built_base(dir.path());
    let before = snapshot(&output);
    // Where RENAME_EXCHANGE is missing, the swap is three renames; killed after the first,
    // the previous output sits aside as `<staging>.previous` and the destination is gone.
    let aside = dir.path().join(format!(
        "sites/.planbook-staging-output-{DEAD_PID}.previous"
    ));
    std::fs::rename(&output, &aside).unwrap();
    // A build that fails after staging began (a page with a broken link) must put it back.
    std::fs::write(
        content.join("pages/about.md"),
        "---\ntitle: about\n---\n[x](../no-such-page/)\n",
    )
    .unwrap();
    let out = build(&content, &output);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        snapshot(&output),
        before,
        "the previous output was not restored"
    );
    assert_eq!(
        staging_folders(&dir.path().join("sites")),
        Vec::<String>::new()
    );
}

#[test]
fn an_output_that_is_a_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(
        &common::repo_root().join("tests/it/fixtures/base"),
        &content,
    );
    let output = dir.path().join("output");
    std::fs::write(&output, "not a folder").unwrap();
    let out = build(&content, &output);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("exists and is not a folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "not a folder");
    assert_eq!(staging_folders(dir.path()), Vec::<String>::new());

    // A file where a parent folder should be: refused up front, naming the file.
    let nested = output.join("site");
    let out = build(&content, &nested);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{} exists and is not a folder", output.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "not a folder");
}

/// Runs `script` as root in a private mount namespace (so its mounts vanish with it);
/// `None` where that is not possible here.
fn in_mount_namespace(script: &str, vars: &[(&str, &Path)]) -> Option<std::process::Output> {
    let mut command = Command::new("unshare");
    command.args(["--mount", "--propagation", "private", "sh", "-euc", script]);
    for (name, value) in vars {
        command.env(name, value);
    }
    command.env("PLANBOOK", env!("CARGO_BIN_EXE_planbook"));
    let probe = Command::new("unshare")
        .args(["--mount", "true"])
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        let why = "unshare --mount is not available (needs root or user namespaces)";
        common::skip(&format!("skipped: {why}"));
        return None;
    }
    Some(command.output().expect("run unshare"))
}

/// Prints `path size hash` for every file under `$1`, sorted, for comparing inside a script.
const LIST: &str = "list() { (cd \"$1\" && find . -type f -exec sha256sum {} + | sort -k2); }";

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_read_only_output_folder_fails_with_exit_2_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let (content, output) = built_base(dir.path());
    let sites = output.parent().unwrap();
    let script = format!(
        "{LIST}
        list \"$SITES/output\" > \"$WORK/before\"
        mount --bind \"$SITES\" \"$SITES\"
        mount -o remount,bind,ro \"$SITES\"
        set +e
        \"$PLANBOOK\" build --content \"$CONTENT\" --output \"$SITES/output\" 2> \"$WORK/stderr\"
        echo $? > \"$WORK/code\"
        set -e
        list \"$SITES/output\" > \"$WORK/after\""
    );
    let Some(run) = in_mount_namespace(
        &script,
        &[
            ("SITES", sites),
            ("CONTENT", &content),
            ("WORK", dir.path()),
        ],
    ) else {
        return;
    };
    assert!(run.status.success(), "{}", stderr(&run));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let message = read("stderr");
    assert_eq!(read("code").trim(), "2", "{message}");
    assert!(message.contains("error: cannot write"), "{message}");
    assert!(message.contains("Read-only file system"), "{message}");
    assert_eq!(read("before"), read("after"));
    assert!(output.join(".git/HEAD").is_file());
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_full_disk_fails_with_exit_2_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let (content, built) = built_base(dir.path());
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    // A tmpfs that holds the previous output and 64 KiB more: the new one cannot fit.
    let script = format!(
        "{LIST}
        mount -t tmpfs -o size=64m planbook-full \"$DISK\"
        cp -a \"$BUILT\" \"$DISK/output\"
        used=$(df -k --output=used \"$DISK\" | tail -n 1 | tr -d ' ')
        mount -o remount,size=$((used + 64))k \"$DISK\"
        list \"$DISK/output\" > \"$WORK/before\"
        set +e
        \"$PLANBOOK\" build --content \"$CONTENT\" --output \"$DISK/output\" 2> \"$WORK/stderr\"
        echo $? > \"$WORK/code\"
        set -e
        list \"$DISK/output\" > \"$WORK/after\"
        ls -a \"$DISK\" > \"$WORK/left\"
        df -k \"$DISK\" > \"$WORK/df\""
    );
    let Some(run) = in_mount_namespace(
        &script,
        &[
            ("DISK", &disk),
            ("BUILT", &built),
            ("CONTENT", &content),
            ("WORK", dir.path()),
        ],
    ) else {
        return;
    };
    assert!(run.status.success(), "{}", stderr(&run));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let message = read("stderr");
    eprintln!("{}{message}", read("df"));
    assert_eq!(read("code").trim(), "2", "{message}");
    assert!(message.contains("No space left on device"), "{message}");
    assert_eq!(read("before"), read("after"));
    assert!(read("before").contains("./.git/HEAD"));
    // The failed build removed its staging folder.
    assert_eq!(
        read("left").split_whitespace().collect::<Vec<_>>(),
        [".", "..", "output"]
    );
}

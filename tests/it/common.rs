//! Helpers shared by the integration tests: fixture folders and running the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example content folder of the repository.
pub fn example_content() -> PathBuf {
    repo_root().join("content")
}

/// A fixed build time for byte-for-byte comparisons: 26 Nov 2026 09:15 in Bangkok.
pub const EPOCH: &str = "1795659300";

/// The example site, built once per test process by `planbook build` (the build time fixed
/// at [`EPOCH`]) into a folder of the target's scratch space, for the
/// tests that only read it.
pub struct ExampleSite {
    /// The built site.
    pub site: PathBuf,
    /// What `planbook build` printed.
    pub stdout: String,
}

pub fn example_site() -> &'static ExampleSite {
    static SITE: std::sync::OnceLock<ExampleSite> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
        remove_ended_example_sites(scratch);
        let site = scratch
            .join(format!("example-site-{}", std::process::id()))
            .join("site");
        let _ = std::fs::remove_dir_all(&site);
        let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .arg("build")
            .arg("--content")
            .arg(example_content())
            .arg("--output")
            .arg(&site)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .output()
            .expect("run planbook build");
        assert!(
            output.status.success(),
            "the example does not build: {}",
            stderr(&output)
        );
        ExampleSite {
            site,
            stdout: stdout(&output),
        }
    })
}

/// Removes the example sites of test processes that have ended (a process cannot remove
/// its own when it exits).
fn remove_ended_example_sites(scratch: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    for entry in std::fs::read_dir(scratch).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("example-site-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Copies a fixture folder (relative to `tests/it/fixtures/`) into a fresh temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(
        &repo_root().join("tests/it/fixtures").join(name),
        dir.path(),
    );
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The arguments of `planbook build --content CONTENT --output OUTPUT`, for a test to add to.
pub fn build_args<'a>(content: &'a Path, output: &'a Path) -> Vec<&'a str> {
    vec![
        "build",
        "--content",
        content.to_str().expect("UTF-8 path"),
        "--output",
        output.to_str().expect("UTF-8 path"),
    ]
}

/// Runs `planbook build --content CONTENT --output OUTPUT` and returns its output.
pub fn build(content: &Path, output: &Path) -> Output {
    planbook(&build_args(content, output))
}

/// A scratch folder in memory where there is one: some tests write many thousand files,
/// and this machine's disk is slow at creating them.
pub fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::Builder::new()
            .prefix("planbook-test-")
            .tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("tempdir")
}

/// Runs `planbook ARGS` and returns its output.
pub fn planbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .output()
        .expect("run planbook")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `check`, then `build` into a folder holding a previous build; returns both runs
/// and whether the previous build is untouched.
pub fn check_and_build(content: &Path) -> (Output, Output, bool) {
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    std::fs::create_dir(&site).expect("mkdir");
    std::fs::write(site.join("index.html"), "previous build").expect("write");
    let before = snapshot_tree(out.path());
    let content_arg = content.to_str().expect("UTF-8 path");
    let check = planbook(&["check", "--content", content_arg]);
    let build = planbook(&[
        "build",
        "--content",
        content_arg,
        "--output",
        site.to_str().expect("UTF-8 path"),
    ]);
    let untouched = snapshot_tree(out.path()) == before;
    (check, build, untouched)
}

/// Every file under `dir` with its bytes, for before/after comparisons.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("read");
            (
                e.path().strip_prefix(dir).expect("prefix").to_path_buf(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

/// Whether the tests run on CI: `CI` set, not empty, and neither `false` nor `0`. There a
/// test whose tool is missing fails instead of skipping.
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A test that cannot run here says why on stderr and passes; on CI it fails.
pub fn skip(notice: &str) {
    assert!(!on_ci(), "{notice}");
    eprintln!("{notice}");
}

/// Chromium as `planbook pdf` finds it (`PLANBOOK_BROWSER`, else the usual names on the
/// PATH and the usual places), so the tests print and browse with the browser users get.
pub fn find_chromium() -> Option<PathBuf> {
    planbook::pdf::browser::find_browser().ok()
}

/// Chromium, or `None` after a notice naming `test` when it is missing (a failure on CI).
pub fn chromium(test: &str) -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        skip(&format!(
            "{test}: skipped, Chromium is missing (install chromium)"
        ));
    }
    found
}

/// Headless Chromium over the DevTools protocol, its window `width` × 900 px: no sandbox
/// (tests run as root and open only the pages they built), two minutes before an idle
/// browser is closed.
pub fn devtools_browser(program: &Path, width: u32) -> headless_chrome::Browser {
    let options = headless_chrome::LaunchOptions::default_builder()
        .path(Some(program.to_path_buf()))
        .headless(true)
        .sandbox(false)
        .window_size(Some((width, 900)))
        .idle_browser_timeout(std::time::Duration::from_secs(120))
        .build()
        .expect("launch options");
    headless_chrome::Browser::new(options).expect("Chromium starts")
}

/// The latest month of the built site's monthly reports (`2566/reports/<month>/`).
pub fn latest_report_month(site: &Path) -> String {
    std::fs::read_dir(site.join("2566/reports"))
        .expect("the year has monthly reports")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .max()
        .expect("a month's report")
}

/// Headless Chromium as every browser test starts it, on its own profile folder: no sandbox
/// (tests run as root), no GPU, and none of the first-run, update and sync traffic that
/// this machine's closed network refuses. The caller adds its own flags and the page.
pub fn headless_chromium(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// `html` without the Thai line-breaking marks every page carries, for checks on its text.
pub fn unmarked(html: &str) -> String {
    planbook::render::line_breaks::strip_line_breaks(html)
}

/// A built file's text: an HTML page without its line-breaking marks, anything else as is.
pub fn read_built(path: impl AsRef<Path>) -> std::io::Result<String> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path)?;
    Ok(if path.extension().is_some_and(|e| e == "html") {
        unmarked(&text)
    } else {
        text
    })
}

/// Every file of an output folder by name, with its bytes; the time of day in an email
/// report's footer (`สร้างโดย planbook … เมื่อ <time>`, which differs between two builds a
/// minute apart) is blanked, the footer read without its line-breaking marks. A footer that
/// names the content's own date stays as it is.
pub fn built_files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(root)
            .expect("inside the walked folder")
            .to_string_lossy()
            .to_string();
        let mut bytes = std::fs::read(entry.path()).expect("read a built file");
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Some(footer) = text.rfind("<footer")
        {
            let tail = unmarked(&text[footer..]);
            if let Some(start) = tail.find("สร้างโดย planbook")
                && let Some(length) = tail[start..].find("</p>")
                && tail[start..start + length].contains("เมื่อ")
            {
                let end = start + length;
                bytes =
                    format!("{}{}{}", &text[..footer], &tail[..start], &tail[end..]).into_bytes();
            }
        }
        files.insert(name, bytes);
    }
    files
}

/// The element of `html` that starts with `opening` (`<section class="panel" id="budget"`,
/// say), through its matching end tag: a fragment to snapshot instead of a whole page.
pub fn element<'a>(html: &'a str, opening: &str) -> &'a str {
    let start = html
        .find(opening)
        .unwrap_or_else(|| panic!("no {opening} in the page"));
    let name: String = opening[1..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let next_open = html[at..].find(&open).map(|i| at + i);
        let next_close = html[at..]
            .find(&close)
            .map(|i| at + i)
            .unwrap_or_else(|| panic!("{opening} is not closed"));
        match next_open {
            Some(o) if o < next_close => {
                // `<section` but not `<sections`.
                let after = html[o + open.len()..].chars().next();
                if after.is_some_and(|c| c == ' ' || c == '>') {
                    depth += 1;
                }
                at = o + open.len();
            }
            _ => {
                depth -= 1;
                at = next_close + close.len();
                if depth == 0 {
                    return &html[start..at];
                }
            }
        }
    }
}

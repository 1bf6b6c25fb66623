//! The one place that writes the output folder: everything is staged in a temporary folder
//! beside the destination and swapped in whole, so a failed or killed build leaves the
//! previous output exactly as it was.

pub mod contents;
pub mod guard;
pub mod swap;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const STAGING_PREFIX: &str = ".planbook-staging-";
/// The previous output of a build, beside the new one until it is removed (in the
/// background, see [`remove_in_background`]): `.planbook-previous-<name>-<pid>-<n>`.
const PREVIOUS_PREFIX: &str = ".planbook-previous-";

/// Where rendered files go: the staging folder of a full build, or the live output folder
/// of an incremental rebuild.
pub trait Sink: Sync {
    /// Writes one file at `relative` (with `/` separators). Safe to call from many threads.
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError>;
}

impl Sink for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        Staging::write(self, relative, bytes)
    }
}

/// Writes into an existing output folder, each file atomically (a temporary file beside
/// it, then a rename), so a reader never sees half a page. For incremental rebuilds.
pub struct InPlace {
    root: PathBuf,
}

impl InPlace {
    pub fn new(root: &Path) -> InPlace {
        InPlace {
            root: absolute(root),
        }
    }
}

impl Sink for InPlace {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = safe_join(&self.root, relative)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(at(dir))?;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temporary = path.with_file_name(in_place_temporary(&name, std::process::id()));
        fs::write(&temporary, bytes).map_err(at(&temporary))?;
        if let Err(error) = fs::rename(&temporary, &path) {
            let _ = fs::remove_file(&temporary);
            return Err(WriteError { path, error });
        }
        Ok(())
    }
}

/// The staging folder of the output folder `name`, beside it.
pub fn staging_name(name: &str, pid: u32) -> String {
    format!("{STAGING_PREFIX}{name}-{pid}")
}

/// Where the output folder `name`'s previous self waits beside it to be removed: the
/// `n`th retired by the process `pid` (a `serve` publishes many times).
pub fn previous_name(name: &str, pid: u32, n: u32) -> String {
    format!("{PREVIOUS_PREFIX}{name}-{pid}-{n}")
}

/// True for the name of a previous output of the output folder `name`.
fn is_previous_of(file_name: &str, name: &str) -> bool {
    file_name
        .strip_prefix(PREVIOUS_PREFIX)
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, n)| {
            [pid, n]
                .iter()
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        })
}

pub use crate::paths::{file_temporary, in_place_temporary};

/// `root/relative`, refusing anything that would leave `root`.
fn safe_join(root: &Path, relative: &str) -> Result<PathBuf, WriteError> {
    let safe = !relative.is_empty()
        && !relative.starts_with('/')
        && relative
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'));
    if !safe {
        return Err(WriteError {
            path: PathBuf::from(relative),
            error: io::Error::new(
                io::ErrorKind::InvalidInput,
                crate::tr!("output-path-outside"),
            ),
        });
    }
    Ok(root.join(relative))
}

/// A build's output, being written. Dropped without `publish`, it removes itself.
pub struct Staging {
    root: PathBuf,
    destination: PathBuf,
    published: bool,
    written: std::sync::Mutex<Vec<String>>,
}

/// An I/O failure, naming the path.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", .path.display(), crate::i18n::io_said(.error))]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub error: io::Error,
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |error| WriteError {
        path: path.to_path_buf(),
        error,
    }
}

impl Staging {
    /// Starts a staging folder beside `destination`, clearing any left by killed builds.
    pub fn begin(destination: &Path) -> Result<Staging, WriteError> {
        let destination = absolute(destination);
        let parent = destination
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        fs::create_dir_all(&parent).map_err(at(&parent))?;
        remove_stale_staging(&parent, &destination);
        let name = destination
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let root = parent.join(staging_name(&name, std::process::id()));
        if root.exists() {
            fs::remove_dir_all(&root).map_err(at(&root))?;
        }
        fs::create_dir(&root).map_err(at(&root))?;
        Ok(Staging {
            root,
            destination,
            published: false,
            written: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// Writes one file at `relative` (with `/` separators). Safe to call from many threads.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = safe_join(&self.root, relative)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(at(dir))?;
        }
        fs::write(&path, bytes).map_err(at(&path))?;
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(relative.to_string());
        Ok(())
    }

    /// The staging folder, for checks that read back what was written.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn files_written(&self) -> usize {
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }

    /// Swaps the staged folder in for the destination; the old output is then removed.
    /// Hidden entries at the top of the old output (`.git`, `.gitkeep`) are carried over.
    pub fn publish(self) -> Result<(), WriteError> {
        self.publish_with(&swap::FileSystem)
    }

    fn publish_with(mut self, renames: &dyn swap::Renames) -> Result<(), WriteError> {
        if !self.destination.exists() {
            renames
                .rename(&self.root, &self.destination)
                .map_err(at(&self.destination))?;
            self.published = true;
            return Ok(());
        }
        let metadata = fs::symlink_metadata(&self.destination).map_err(at(&self.destination))?;
        if !metadata.is_dir() {
            return Err(WriteError {
                path: self.destination.clone(),
                error: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    crate::tr!("guard-not-a-folder"),
                ),
            });
        }
        let swapped = contents::injected_error().map_or_else(
            || swap::swap_in(&self.root, &self.destination, renames),
            Err,
        );
        let previous = match swapped {
            Ok(previous) => previous,
            // A mount point cannot be renamed: swap what it holds instead.
            Err(e) if contents::is_unrenamable(&e) => {
                contents::swap_contents(&self.root, &self.destination)
                    .map_err(at(&self.destination))?;
                self.published = true;
                self.retire(&self.root);
                return Ok(());
            }
            Err(e) => return Err(at(&self.destination)(e)),
        };
        self.published = true;
        carry_hidden_entries(&previous, &self.destination);
        self.retire(&previous);
        Ok(())
    }

    /// Removes `previous` (the old output, or the staged copy a mount point's swap leaves)
    /// without making the command wait: renamed to [`previous_name`] beside the output, then
    /// removed in the background. What a background removal leaves (the machine stopped, say)
    /// the next build removes, finding it by its name.
    fn retire(&self, previous: &Path) {
        let name = self
            .destination
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        static RETIRED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = RETIRED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let retired = previous.with_file_name(previous_name(&name, std::process::id(), n));
        match fs::rename(previous, &retired) {
            Ok(()) => remove_in_background(&retired),
            // Never in the background under a staging name, which a later build of this
            // process takes again.
            Err(_) => {
                let _ = fs::remove_dir_all(previous);
            }
        }
    }
}

/// Removes the folder `path` in a process of its own that outlives this one (`rm -rf`, run
/// by a shell that returns at once), so the caller does not wait for the removal. Where no
/// such process can be started, removes it here and now.
fn remove_in_background(path: &Path) {
    #[cfg(unix)]
    {
        use std::process::{Command, Stdio};
        // The shell starts `rm` in the background and exits: `rm` is nobody's child to wait
        // for, and holds none of this process's pipes.
        let started = Command::new("sh")
            .args(["-c", "rm -rf -- \"$1\" &", "sh"])
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if started {
            return;
        }
    }
    let _ = fs::remove_dir_all(path);
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

fn carry_hidden_entries(old: &Path, new: &Path) {
    let Ok(entries) = fs::read_dir(old) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        // Not the temporary files of an interrupted in-place write (`.index.html.planbook-PID`).
        let ours = text.contains(".planbook-");
        if text.starts_with('.') && !ours && !new.join(&name).exists() {
            let _ = fs::rename(entry.path(), new.join(&name));
        }
    }
}

/// Repairs what builds killed or failed before this one left beside `destination`: the
/// previous output set aside by an interrupted three-rename swap goes back in place if
/// there is no output, or gives its hidden entries to the output; every other staging
/// folder of a build no longer running is removed.
fn remove_stale_staging(parent: &Path, destination: &Path) {
    let Some(name) = destination
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return;
    };
    let prefix = format!("{STAGING_PREFIX}{name}-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut stale: Vec<(bool, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            // A previous output an earlier build's background removal has not finished
            // (or never started): removed in the background again (rm -rf of a folder being
            // removed is harmless).
            if is_previous_of(&file_name, &name) {
                remove_in_background(&entry.path());
                return None;
            }
            let rest = file_name.strip_prefix(&prefix)?;
            let (pid, aside) = match rest.strip_suffix(swap::ASIDE_SUFFIX) {
                Some(pid) => (pid, true),
                None => (rest, false),
            };
            // Only this output's: `site-2`'s staging also starts with `site`'s prefix.
            let pid = pid
                .parse::<u32>()
                .ok()
                .filter(|_| pid.bytes().all(|b| b.is_ascii_digit()))?;
            let alive = pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists();
            (!alive).then(|| (aside, entry.path()))
        })
        .collect();
    // Asides first: a missing output is given back its previous self before anything else.
    stale.sort_by_key(|(aside, _)| !aside);
    for (aside, path) in stale {
        // A build stopped between the first and second rename: no destination, the previous
        // output aside. Put it back (and never delete it, even if that fails).
        if aside && !destination.exists() {
            let _ = fs::rename(&path, destination);
            continue;
        }
        // A build stopped after the swap left the previous output (aside, or under the
        // staging name) with hidden entries (`.git`) not yet carried over.
        if destination.is_dir() {
            carry_hidden_entries(&path, destination);
        }
        let _ = fs::remove_dir_all(&path);
    }
}

/// Writes one file whole or not at all: into a hidden temporary file beside it, then renamed
/// over it (for `planbook report`, which writes a single file rather than a folder).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| WriteError {
            path: path.to_path_buf(),
            error: io::Error::new(
                io::ErrorKind::InvalidInput,
                crate::tr!("output-not-a-file-name"),
            ),
        })?;
    let temporary = path.with_file_name(file_temporary(&name, std::process::id()));
    if let Err(error) = fs::write(&temporary, bytes) {
        let _ = fs::remove_file(&temporary);
        return Err(WriteError {
            path: path.to_path_buf(),
            error,
        });
    }
    fs::rename(&temporary, path).map_err(|error| {
        let _ = fs::remove_file(&temporary);
        WriteError {
            path: path.to_path_buf(),
            error,
        }
    })
}

/// `path` made absolute against the current folder (as it is, when there is none).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::cell::Cell;

    /// How an injected stop behaves.
    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Stop {
        /// The process dies there: no further step, no clean-up.
        Killed,
        /// That step fails once; the build goes on (its own recovery runs).
        FailsOnce,
        /// That step and every later one fail; the build goes on.
        FailsForGood,
    }

    /// The real file system, stopped at step `at` (0 = the first exchange or rename).
    struct Injected {
        exchange: bool,
        at: usize,
        stop: Stop,
        steps: Cell<usize>,
    }

    impl Injected {
        fn step<T>(&self, op: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
            let step = self.steps.get();
            self.steps.set(step + 1);
            let stopped = match self.stop {
                Stop::FailsOnce => step == self.at,
                Stop::Killed | Stop::FailsForGood => step >= self.at,
            };
            if stopped {
                return Err(io::Error::other("injected"));
            }
            op()
        }
    }

    impl swap::Renames for Injected {
        fn exchange(&self, a: &Path, b: &Path) -> io::Result<bool> {
            if !self.exchange {
                return Ok(false);
            }
            self.step(|| swap::FileSystem.exchange(a, b))
        }

        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            self.step(|| swap::FileSystem.rename(from, to))
        }
    }

    /// A process id no process has now.
    fn dead_pid() -> u32 {
        (4_000_000..)
            .find(|pid| !Path::new(&format!("/proc/{pid}")).exists())
            .expect("a free pid")
    }

    /// Every file of a folder with its text.
    type Tree = Vec<(String, String)>;

    fn tree(dir: &Path) -> Tree {
        let mut files: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (relative, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    /// The previous output (with a `.git` to carry over) and the new one, as trees.
    fn outputs(dest: &Path, staged: &Path) -> (Tree, Tree) {
        fs::create_dir_all(dest.join("2566/plans")).unwrap();
        fs::write(dest.join("index.html"), "old").unwrap();
        fs::write(dest.join("2566/plans/a.html"), "old a").unwrap();
        fs::create_dir(dest.join(".git")).unwrap();
        fs::write(dest.join(".git/HEAD"), "ref: main").unwrap();
        fs::create_dir_all(staged.join("2566")).unwrap();
        fs::write(staged.join("index.html"), "new").unwrap();
        fs::write(staged.join("2566/b.html"), "new b").unwrap();
        let old = tree(dest);
        let mut new = tree(staged);
        new.push((".git/HEAD".into(), "ref: main".into()));
        new.sort();
        (old, new)
    }

    const NAMES: [&str; 5] = [
        "output",
        "plans.example.go.th",
        "site.v2.0",
        "รายงาน.ปี",
        "previous",
    ];

    /// The next build repairs what a stopped swap left: the output is whole and `want`,
    /// keeps its `.git`, and nothing else is left beside it.
    fn next_build_repairs(parent: &Path, dest: &Path, want: &[(String, String)], what: &str) {
        drop(Staging::begin(dest).unwrap());
        wait_for_removals(parent);
        assert_eq!(tree(dest), want, "{what}");
        let left: Vec<_> = fs::read_dir(parent)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 1, "{what}: left {left:?}");
    }

    /// The names in `parent` of previous outputs waiting for (or under) removal.
    fn previous_outputs(parent: &Path) -> Vec<String> {
        fs::read_dir(parent)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(PREVIOUS_PREFIX))
            .collect()
    }

    /// Waits (10 s at most) for the background removals of previous outputs in `parent`.
    fn wait_for_removals(parent: &Path) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !previous_outputs(parent).is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    #[test]
    fn the_previous_output_waits_beside_the_new_one_and_is_removed_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("site");
        fs::create_dir_all(dest.join("2566")).unwrap();
        fs::write(dest.join("2566/old.html"), "old").unwrap();
        let staging = Staging::begin(&dest).unwrap();
        staging.write("index.html", b"new").unwrap();
        staging.publish().unwrap();
        // Published at once; the old output is nowhere inside the new one.
        assert_eq!(tree(&dest), vec![("index.html".into(), "new".into())]);
        for name in previous_outputs(dir.path()) {
            assert!(is_previous_of(&name, "site"), "{name}");
        }
        wait_for_removals(dir.path());
        assert_eq!(previous_outputs(dir.path()), Vec::<String>::new());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_previous_output_left_behind_is_removed_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("site");
        let left = dir.path().join(previous_name("site", dead_pid(), 3));
        fs::create_dir_all(left.join("2566")).unwrap();
        fs::write(left.join("2566/old.html"), "old").unwrap();
        // Another output's, sharing the name's prefix, is its own build's to remove.
        let other = dir.path().join(previous_name("site-2", dead_pid(), 0));
        fs::create_dir(&other).unwrap();
        assert!(is_previous_of(&previous_name("site", 7, 0), "site"));
        assert!(!is_previous_of(&previous_name("site-2", 7, 0), "site"));
        assert!(!is_previous_of(".planbook-previous-site-7", "site"));
        drop(Staging::begin(&dest).unwrap());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while left.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(!left.exists());
        assert!(other.exists());
    }

    #[test]
    fn a_swap_killed_at_any_step_is_repaired_by_the_next_build_whatever_the_name() {
        for name in NAMES {
            for exchange in [false, true] {
                let steps = if exchange { 1 } else { 3 };
                for at in 0..=steps {
                    let dir = tempfile::tempdir().unwrap();
                    let dest = dir.path().join(name);
                    let staged = dir
                        .path()
                        .join(format!("{STAGING_PREFIX}{name}-{}", dead_pid()));
                    let (old, new) = outputs(&dest, &staged);
                    let injected = Injected {
                        exchange,
                        at,
                        stop: Stop::Killed,
                        steps: Cell::new(0),
                    };
                    // Killed: whatever the swap returns, nothing after it runs.
                    let _ = swap::swap_in(&staged, &dest, &injected);
                    let swapped = if exchange { at >= 1 } else { at >= 2 };
                    let what = format!("{name}, exchange {exchange}, killed after {at} steps");
                    next_build_repairs(dir.path(), &dest, if swapped { &new } else { &old }, &what);
                }
            }
        }
    }

    #[test]
    fn a_swap_step_that_fails_leaves_a_whole_output_now_and_after_the_next_build() {
        for name in NAMES {
            for stop in [Stop::FailsOnce, Stop::FailsForGood] {
                for at in 0..3 {
                    let dir = tempfile::tempdir().unwrap();
                    let dest = dir.path().join(name);
                    let staging = Staging::begin(&dest).unwrap();
                    let (old, new) = outputs(&dest, &staging.root);
                    let injected = Injected {
                        exchange: false,
                        at,
                        stop,
                        steps: Cell::new(0),
                    };
                    let published = staging.publish_with(&injected);
                    let what = format!("{name}, {stop:?} at step {at}");
                    // The swap's last step only tidies: the new output is already in place.
                    assert_eq!(published.is_ok(), at == 2, "{what}");
                    if stop == Stop::FailsOnce || at != 1 {
                        assert_eq!(
                            tree(&dest),
                            if at == 2 { new.clone() } else { old.clone() },
                            "{what}"
                        );
                    }
                    next_build_repairs(dir.path(), &dest, if at == 2 { &new } else { &old }, &what);
                }
            }
        }
    }

    #[test]
    fn another_output_sharing_the_name_prefix_keeps_its_staging() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dead_pid();
        let other_aside = dir.path().join(format!(
            "{STAGING_PREFIX}site-2-{dead}{}",
            swap::ASIDE_SUFFIX
        ));
        fs::create_dir(&other_aside).unwrap();
        fs::write(other_aside.join("index.html"), "site-2's previous output").unwrap();
        drop(Staging::begin(&dir.path().join("site")).unwrap());
        assert!(!dir.path().join("site").exists());
        assert!(other_aside.join("index.html").exists());
    }

    #[test]
    fn publish_swaps_in_the_new_output_and_keeps_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("output");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("old.html"), "old").unwrap();
        fs::write(dest.join(".gitkeep"), "").unwrap();
        let staging = Staging::begin(&dest).unwrap();
        staging.write("a/b.html", b"new").unwrap();
        staging.publish().unwrap();
        assert_eq!(fs::read_to_string(dest.join("a/b.html")).unwrap(), "new");
        assert!(!dest.join("old.html").exists());
        assert!(dest.join(".gitkeep").exists());
        wait_for_removals(dir.path());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn temporaries_of_an_interrupted_in_place_write_are_not_carried_over() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("output");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join(".index.html.planbook-4194321"), "half").unwrap();
        fs::write(dest.join(".gitkeep"), "").unwrap();
        let staging = Staging::begin(&dest).unwrap();
        staging.write("index.html", b"new").unwrap();
        staging.publish().unwrap();
        assert!(dest.join(".gitkeep").exists());
        assert!(!dest.join(".index.html.planbook-4194321").exists());
    }

    #[test]
    fn an_abandoned_build_leaves_the_old_output_and_no_staging() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("output");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("index.html"), "old").unwrap();
        {
            let staging = Staging::begin(&dest).unwrap();
            staging.write("index.html", b"half").unwrap();
        }
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_file_replaces_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("รายงาน.html");
        fs::write(&path, "old").unwrap();
        write_file(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(write_file(&dir.path().join("missing/x.html"), b"x").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn paths_outside_the_output_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::begin(&dir.path().join("out")).unwrap();
        for bad in ["../x", "/etc/x", "a/../../x", "", "a//b"] {
            assert!(staging.write(bad, b"x").is_err(), "{bad}");
        }
    }
}

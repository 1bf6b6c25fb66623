//! The one place that writes the output folder: everything is staged in a temporary folder
//! beside the destination and swapped in whole, so a failed or killed build leaves the
//! previous output exactly as it was.

pub mod contents;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const STAGING_PREFIX: &str = ".planbook-staging-";

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
    written: std::sync::Mutex<Vec<String>>,
    observer: Option<Observer>,
}

impl InPlace {
    pub fn new(root: &Path, observer: Option<Observer>) -> InPlace {
        InPlace {
            root: absolute(root),
            written: std::sync::Mutex::new(Vec::new()),
            observer,
        }
    }

    /// The paths written, relative to the output folder.
    pub fn written(&self) -> Vec<String> {
        self.written.lock().map(|w| w.clone()).unwrap_or_default()
    }

    pub fn stop_observing(&mut self) {
        self.observer = None;
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
        let temporary = path.with_file_name(format!(".{name}.planbook-{}", std::process::id()));
        fs::write(&temporary, bytes).map_err(at(&temporary))?;
        if let Err(error) = fs::rename(&temporary, &path) {
            let _ = fs::remove_file(&temporary);
            return Err(WriteError { path, error });
        }
        if let Some(observer) = &self.observer {
            observer(relative, bytes);
        }
        if let Ok(mut written) = self.written.lock() {
            written.push(relative.to_string());
        }
        Ok(())
    }
}

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
            error: io::Error::new(io::ErrorKind::InvalidInput, "not a path inside the output"),
        });
    }
    Ok(root.join(relative))
}

/// Sees every file as it is written (the link checker reads pages this way).
pub type Observer = Box<dyn Fn(&str, &[u8]) + Send + Sync>;

/// A build's output, being written. Dropped without `publish`, it removes itself.
pub struct Staging {
    root: PathBuf,
    destination: PathBuf,
    published: bool,
    written: std::sync::Mutex<Vec<String>>,
    observer: Option<Observer>,
}

/// An I/O failure, naming the path.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for WriteError {}

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
        let root = parent.join(format!("{STAGING_PREFIX}{name}-{}", std::process::id()));
        if root.exists() {
            fs::remove_dir_all(&root).map_err(at(&root))?;
        }
        fs::create_dir(&root).map_err(at(&root))?;
        Ok(Staging {
            root,
            destination,
            published: false,
            written: std::sync::Mutex::new(Vec::new()),
            observer: None,
        })
    }

    /// Shows every file written from now on to `observer`.
    pub fn observe_with(&mut self, observer: Observer) {
        self.observer = Some(observer);
    }

    /// Stops showing written files to the observer (and drops it).
    pub fn stop_observing(&mut self) {
        self.observer = None;
    }

    /// Writes one file at `relative` (with `/` separators). Safe to call from many threads.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = safe_join(&self.root, relative)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(at(dir))?;
        }
        fs::write(&path, bytes).map_err(at(&path))?;
        if let Some(observer) = &self.observer {
            observer(relative, bytes);
        }
        if let Ok(mut written) = self.written.lock() {
            written.push(relative.to_string());
        }
        Ok(())
    }

    /// The staging folder, for checks that read back what was written.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn files_written(&self) -> usize {
        self.written.lock().map_or(0, |w| w.len())
    }

    /// Every path written so far, relative to the output folder.
    pub fn written(&self) -> std::collections::HashSet<String> {
        self.written
            .lock()
            .map(|w| w.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Swaps the staged folder in for the destination; the old output is then removed.
    /// Hidden entries at the top of the old output (`.git`, `.gitkeep`) are carried over.
    pub fn publish(mut self) -> Result<(), WriteError> {
        if self.destination.exists() {
            let metadata =
                fs::symlink_metadata(&self.destination).map_err(at(&self.destination))?;
            if !metadata.is_dir() {
                return Err(WriteError {
                    path: self.destination.clone(),
                    error: io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        "exists and is not a folder",
                    ),
                });
            }
            match contents::injected_error()
                .map_or_else(|| exchange(&self.root, &self.destination), Err)
            {
                Ok(()) => {
                    // `root` now holds the previous output.
                    carry_hidden_entries(&self.root, &self.destination);
                }
                // A mount point: swap what it holds instead.
                Err(e) if contents::is_unrenamable(&e) => {
                    contents::swap_contents(&self.root, &self.destination)
                        .map_err(at(&self.destination))?;
                }
                Err(e) => return Err(at(&self.destination)(e)),
            }
            fs::remove_dir_all(&self.root).map_err(at(&self.root))?;
        } else {
            fs::rename(&self.root, &self.destination).map_err(at(&self.destination))?;
        }
        self.published = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

/// Atomically exchanges two folders (Linux `renameat2(RENAME_EXCHANGE)`), falling back to
/// three renames (`b` aside, `a` to `b`, the aside to `a`) where the file system cannot.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let aside = a.with_extension("previous");
    fs::rename(b, &aside)?;
    if let Err(e) = fs::rename(a, b) {
        let _ = fs::rename(&aside, b);
        return Err(e);
    }
    fs::rename(&aside, a)
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
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let (pid, aside) = match pid.strip_suffix(".previous") {
            Some(pid) => (pid, true),
            None => (pid, false),
        };
        let alive = pid.parse::<u32>().is_ok_and(|pid| {
            pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists()
        });
        if alive {
            continue;
        }
        // A build killed inside `exchange`'s fallback left the previous output aside and no
        // destination: put it back (and never delete it, even if that fails).
        if aside && !destination.exists() {
            let _ = fs::rename(entry.path(), destination);
            continue;
        }
        // A build killed after the swap left the previous output here with hidden entries
        // (`.git`) not yet carried over: carry them before removing the rest.
        if destination.is_dir() {
            carry_hidden_entries(&entry.path(), destination);
        }
        let _ = fs::remove_dir_all(entry.path());
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
            error: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
        })?;
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
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

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! `--poll`: scans the watched folders every 500 ms, for network drives where change
//! events do not arrive. A file has changed when its size, its modification time (to the
//! nanosecond) or its inode differ from the last scan. File systems whose times are coarse
//! (a second, or two on FAT) would hide a same-size save within the same tick, so a file
//! modified in the last three seconds is also hashed, as git does with "racily clean"
//! entries; older files are never read. The walk follows no symbolic links and skips what
//! the build skips ([`super::watch::is_ignored`]).

use super::watch::{Change, is_ignored};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, SystemTime};

/// How often the folders are scanned.
pub const INTERVAL: Duration = Duration::from_millis(500);
/// Files modified this recently are hashed: their time may not yet tell a later save apart
/// (two seconds of FAT's resolution, and a second for a slow scan).
const RACY: Duration = Duration::from_secs(3);

/// What a scan knows of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
    /// The contents' hash, for a file modified within [`RACY`] of the scan.
    hash: Option<u64>,
}

/// The files under the watched folders, as of the last scan.
pub struct Scanner {
    roots: Vec<PathBuf>,
    known: HashMap<PathBuf, Stamp>,
}

impl Scanner {
    /// A scanner that knows the folders as they are now.
    pub fn new(roots: &[PathBuf]) -> Scanner {
        let mut scanner = Scanner {
            roots: roots.to_vec(),
            known: HashMap::new(),
        };
        scanner.scan();
        scanner
    }

    /// The paths created, changed or removed since the last scan, sorted.
    pub fn scan(&mut self) -> Vec<PathBuf> {
        let now = SystemTime::now();
        let mut seen = HashMap::with_capacity(self.known.len());
        let mut changed = Vec::new();
        for root in &self.roots {
            let walk = walkdir::WalkDir::new(root)
                .follow_links(false)
                .into_iter()
                .filter_entry(|entry| entry.depth() == 0 || !is_ignored(&self.roots, entry.path()));
            for entry in walk.flatten() {
                if !entry.file_type().is_file() {
                    continue;
                }
                let Ok(metadata) = entry.metadata() else {
                    continue;
                };
                let previous = self.known.get(entry.path());
                let (stamp, is_changed) = observe(entry.path(), &metadata, now, previous);
                if is_changed {
                    changed.push(entry.path().to_path_buf());
                }
                seen.insert(entry.into_path(), stamp);
            }
        }
        changed.extend(
            self.known
                .keys()
                .filter(|path| !seen.contains_key(*path))
                .cloned(),
        );
        changed.sort();
        self.known = seen;
        changed
    }
}

/// A file's stamp as of `now`, and whether it differs from `previous`. The contents are
/// read only when the file was modified within [`RACY`] of `now`, or was at the last scan
/// and nothing else tells a change (the scan at which it stops being racy).
fn observe(
    path: &Path,
    metadata: &std::fs::Metadata,
    now: SystemTime,
    previous: Option<&Stamp>,
) -> (Stamp, bool) {
    let modified = metadata.modified().ok();
    let mut stamp = Stamp {
        len: metadata.len(),
        modified,
        inode: inode(metadata),
        hash: None,
    };
    let racy = modified.is_none_or(|time| time + RACY >= now);
    let same_state = previous
        .is_some_and(|p| (p.len, p.modified, p.inode) == (stamp.len, stamp.modified, stamp.inode));
    let was_hashed = previous.is_some_and(|p| p.hash.is_some());
    if racy || (same_state && was_hashed) {
        stamp.hash = content_hash(path);
    }
    let contents_differ = previous
        .and_then(|p| p.hash)
        .zip(stamp.hash)
        .is_some_and(|(before, now)| before != now);
    let is_changed = !same_state || contents_differ;
    if !racy {
        stamp.hash = None;
    }
    (stamp, is_changed)
}

#[cfg(unix)]
fn inode(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(metadata)
}

#[cfg(not(unix))]
fn inode(_metadata: &std::fs::Metadata) -> u64 {
    0
}

fn content_hash(path: &Path) -> Option<u64> {
    let bytes = std::fs::read(path).ok()?;
    let mut hasher = DefaultHasher::new();
    hasher.write(&bytes);
    Some(hasher.finish())
}

/// Scans on its own thread while it lives.
pub struct PollGuard {
    stop: Arc<AtomicBool>,
}

impl Drop for PollGuard {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Starts scanning `folders`, sending each scan's changes to `sender`.
pub fn start<T: From<Change> + Send + 'static>(
    folders: &[PathBuf],
    sender: Sender<T>,
) -> std::io::Result<PollGuard> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut scanner = Scanner::new(folders);
    let stopping = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("planbook-poll".into())
        .spawn(move || {
            while !stopping.load(Ordering::Relaxed) {
                std::thread::sleep(INTERVAL);
                let changed = scanner.scan();
                if !changed.is_empty() && sender.send(T::from(Change::Paths(changed))).is_err() {
                    return;
                }
            }
        })?;
    Ok(PollGuard { stop })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir_all(root.join("plans")).unwrap();
        fs::write(root.join("plans/a.yaml"), "a: 1\n").unwrap();
        (dir, root)
    }

    fn set_modified(path: &Path, time: SystemTime) {
        let file = fs::File::options().write(true).open(path).unwrap();
        file.set_modified(time).unwrap();
    }

    /// Writes in place (same inode), then puts the modification time back.
    fn write_keeping_time(path: &Path, text: &str) {
        let modified = fs::metadata(path).unwrap().modified().unwrap();
        fs::write(path, text).unwrap();
        set_modified(path, modified);
    }

    #[test]
    fn a_same_size_save_within_the_same_tick_is_seen() {
        let (_dir, root) = folder();
        let file = root.join("plans/a.yaml");
        let mut scanner = Scanner::new(std::slice::from_ref(&root));
        assert!(scanner.scan().is_empty());
        write_keeping_time(&file, "a: 2\n");
        assert_eq!(scanner.scan(), vec![file.clone()]);
        assert!(scanner.scan().is_empty(), "seen once");
    }

    #[test]
    fn an_older_file_is_compared_by_size_time_and_inode_without_reading_it() {
        let (_dir, root) = folder();
        let file = root.join("plans/a.yaml");
        let old = SystemTime::now() - Duration::from_secs(60);
        set_modified(&file, old);
        let mut scanner = Scanner::new(std::slice::from_ref(&root));
        assert_eq!(scanner.known[&file].hash, None, "an old file is not read");
        // The same time and size, other contents: not seen (nothing read), as intended.
        write_keeping_time(&file, "a: 3\n");
        assert!(scanner.scan().is_empty());
        // A nanosecond later is a change.
        set_modified(&file, old + Duration::from_nanos(1));
        assert_eq!(scanner.scan(), vec![file]);
    }

    #[test]
    fn created_removed_and_renamed_files_are_seen_and_scratch_files_are_not() {
        let (_dir, root) = folder();
        let mut scanner = Scanner::new(std::slice::from_ref(&root));
        fs::write(root.join("plans/.a.yaml.swp"), "x").unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::write(root.join(".git/index"), "x").unwrap();
        fs::write(root.join("plans/b.yaml.tmp"), "b: 1\n").unwrap();
        assert!(scanner.scan().is_empty());
        fs::rename(root.join("plans/b.yaml.tmp"), root.join("plans/b.yaml")).unwrap();
        fs::remove_file(root.join("plans/a.yaml")).unwrap();
        assert_eq!(
            scanner.scan(),
            vec![root.join("plans/a.yaml"), root.join("plans/b.yaml")]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_not_followed() {
        let (_dir, root) = folder();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), root.join("plans/shared")).unwrap();
        std::os::unix::fs::symlink(root.join("plans/a.yaml"), root.join("plans/link.yaml"))
            .unwrap();
        let mut scanner = Scanner::new(std::slice::from_ref(&root));
        fs::write(elsewhere.path().join("busy.yaml"), "x: 1\n").unwrap();
        assert!(scanner.scan().is_empty());
        assert_eq!(scanner.known.len(), 1, "{:?}", scanner.known.keys());
    }
}

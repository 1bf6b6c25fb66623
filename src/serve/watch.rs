//! Watches the content folder and the themes folder (folders, not files: editors save by
//! writing a temporary file and renaming it over the old one), debounces bursts with
//! notify-debouncer-full, drops what the build skips (editor temporary files, hidden paths,
//! symbolic links, which the build's walk does not follow and neither does the watcher),
//! and sends each batch of changed paths to the rebuild loop. `--poll` scans instead
//! ([`super::poll`]), for network drives where change events do not arrive.

use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer_opt,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// Quiet time after the last event before a batch is sent.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// What the watcher tells the rebuild loop.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Files changed, created, removed or renamed (both names of a rename).
    Paths(Vec<PathBuf>),
    /// The watcher reported a problem (a folder removed, a watch limit reached…).
    Problem(String),
}

/// Keeps the watcher running while it lives.
pub enum WatchGuard {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(super::poll::PollGuard),
}

/// Starts watching `folders` (recursively, following no symbolic links), sending batches
/// of relevant changes to `sender`.
pub fn start<T: From<Change> + Send + 'static>(
    folders: &[PathBuf],
    poll: bool,
    sender: Sender<T>,
) -> Result<WatchGuard, notify::Error> {
    if poll {
        let guard = super::poll::start(folders, sender).map_err(notify::Error::io)?;
        return Ok(WatchGuard::Poll(guard));
    }
    let roots = folders.to_vec();
    let handler = move |result: DebounceEventResult| {
        let change = match result {
            Ok(events) => {
                let paths = relevant_paths(&roots, &events);
                if paths.is_empty() {
                    return;
                }
                Change::Paths(paths)
            }
            Err(errors) => Change::Problem(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        // The loop has ended: the process is stopping.
        let _ = sender.send(T::from(change));
    };
    let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher, RecommendedCache>(
        DEBOUNCE,
        None,
        handler,
        RecommendedCache::new(),
        notify::Config::default().with_follow_symlinks(false),
    )?;
    for folder in folders {
        debouncer.watch(folder, RecursiveMode::Recursive)?;
    }
    Ok(WatchGuard::Native(debouncer))
}

/// The changed paths of a batch, each once, without reads, temporary files or hidden paths.
fn relevant_paths(roots: &[PathBuf], events: &[DebouncedEvent]) -> Vec<PathBuf> {
    let mut paths = BTreeSet::new();
    for event in events {
        if matches!(event.kind, EventKind::Access(_)) {
            continue;
        }
        for path in &event.paths {
            if !is_ignored(roots, path) && !is_symlink(path) {
                paths.insert(path.clone());
            }
        }
    }
    paths.into_iter().collect()
}

/// Whether a path is skipped by the build (a hidden or backup name, in any folder below the
/// watched one it belongs to) or is an editor's scratch file.
pub fn is_ignored(roots: &[PathBuf], path: &Path) -> bool {
    let relative = roots
        .iter()
        .find_map(|root| path.strip_prefix(root).ok())
        .unwrap_or(path);
    let mut names = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    let Some(last) = names.next_back() else {
        return false;
    };
    names.any(|folder| crate::load::is_skipped_name(&folder))
        || crate::load::is_skipped_name(&last)
        || is_scratch_name(&last)
}

/// A symbolic link, which the build does not read (a removed path is not one).
fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Scratch names beyond those the build skips: vim's `4913` and `x.swo`, Chrome's
/// `x.crswap`, JetBrains' `x___jb_tmp___` and `x___jb_old___`, Emacs' `#x#` (already
/// skipped as starting with `#`).
fn is_scratch_name(name: &str) -> bool {
    name == "4913"
        || [".swo", ".crswap", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind, RenameMode};
    use std::sync::mpsc::channel;
    use std::time::Instant;

    fn roots() -> Vec<PathBuf> {
        vec![
            PathBuf::from("/site/content"),
            PathBuf::from("/site/themes"),
        ]
    }

    #[test]
    fn editor_scratch_files_and_hidden_paths_are_ignored() {
        for path in [
            "/site/content/plans/.plan.yaml.swp",
            "/site/content/plans/plan.yaml.swx",
            "/site/content/plans/plan.yaml~",
            "/site/content/plans/.#plan.yaml",
            "/site/content/plans/#plan.yaml#",
            "/site/content/plans/4913",
            "/site/content/plans/plan.yaml.tmp",
            "/site/content/.git/index",
            "/site/content/.hidden",
            "/site/themes/mine/templates/page.html___jb_tmp___",
        ] {
            assert!(is_ignored(&roots(), Path::new(path)), "{path}");
        }
        for path in [
            "/site/content/plans/2566/a/b/plan.yaml",
            "/site/content/site.yaml",
            "/site/themes/mine/templates/page.html",
            "/site/themes/mine/static/css/site.css",
            "/site/content/plans/2566/a/b/progress",
        ] {
            assert!(!is_ignored(&roots(), Path::new(path)), "{path}");
        }
        // A hidden folder above the watched one does not hide everything under it.
        let hidden_root = vec![PathBuf::from("/home/me/.sites/content")];
        assert!(!is_ignored(
            &hidden_root,
            Path::new("/home/me/.sites/content/site.yaml")
        ));
    }

    #[test]
    fn a_batch_keeps_each_relevant_path_once() {
        let event = |kind: EventKind, paths: &[&str]| DebouncedEvent {
            event: notify::Event {
                kind,
                paths: paths.iter().map(PathBuf::from).collect(),
                attrs: Default::default(),
            },
            time: Instant::now(),
        };
        let events = [
            event(
                EventKind::Create(CreateKind::File),
                &["/site/content/a.yaml.tmp"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/site/content/a.yaml.tmp", "/site/content/a.yaml"],
            ),
            event(
                EventKind::Access(AccessKind::Any),
                &["/site/content/b.yaml"],
            ),
            event(
                EventKind::Modify(ModifyKind::Any),
                &["/site/content/a.yaml"],
            ),
        ];
        assert_eq!(
            relevant_paths(&roots(), &events),
            vec![PathBuf::from("/site/content/a.yaml")]
        );
    }

    #[test]
    fn a_rename_over_a_file_in_a_watched_folder_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let folder = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(folder.join("plan.yaml"), "a: 1\n").unwrap();
        let (sender, receiver) = channel::<Change>();
        let _guard = start(std::slice::from_ref(&folder), false, sender).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        std::fs::write(folder.join(".plan.yaml.swp"), "scratch").unwrap();
        std::fs::write(folder.join("plan.yaml.tmp"), "a: 2\n").unwrap();
        std::fs::rename(folder.join("plan.yaml.tmp"), folder.join("plan.yaml")).unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while Instant::now() < deadline && !seen.contains(&folder.join("plan.yaml")) {
            if let Ok(Change::Paths(paths)) = receiver.recv_timeout(Duration::from_millis(200)) {
                seen.extend(paths);
            }
        }
        assert!(seen.contains(&folder.join("plan.yaml")), "{seen:?}");
        assert!(
            seen.iter()
                .all(|p| !is_ignored(std::slice::from_ref(&folder), p)),
            "{seen:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn writes_behind_a_symbolic_link_are_not_watched() {
        let dir = tempfile::tempdir().unwrap();
        let folder = std::fs::canonicalize(dir.path()).unwrap();
        let busy = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(busy.path().join("inside")).unwrap();
        std::os::unix::fs::symlink(busy.path(), folder.join("shared")).unwrap();
        let (sender, receiver) = channel::<Change>();
        let _guard = start(std::slice::from_ref(&folder), false, sender).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        for n in 0..20 {
            std::fs::write(busy.path().join(format!("{n}.yaml")), "x: 1\n").unwrap();
            std::fs::write(busy.path().join(format!("inside/{n}.yaml")), "x: 1\n").unwrap();
        }
        // A link made in the watched folder is not read by the build either.
        std::os::unix::fs::symlink(busy.path().join("0.yaml"), folder.join("link.yaml")).unwrap();
        std::fs::write(folder.join("plan.yaml"), "a: 1\n").unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while Instant::now() < deadline && !seen.contains(&folder.join("plan.yaml")) {
            if let Ok(Change::Paths(paths)) = receiver.recv_timeout(Duration::from_millis(200)) {
                seen.extend(paths);
            }
        }
        assert_eq!(seen, vec![folder.join("plan.yaml")]);
    }
}

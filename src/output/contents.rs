//! Publishing into a folder that cannot be renamed (a mount point: NFS or CIFS share,
//! container bind mount): the staged site's *contents* are swapped in file by file.
//!
//! Each changed file is copied into a hidden temporary file beside its place and renamed
//! over it, so a reader never sees half a file. Assets and data go first, then pages from
//! the deepest up, the home page last, so a new page never links to a file not yet there;
//! then what the new site no longer has is removed. Unchanged files are not touched (an
//! rsync or a web server's cache sees only what changed). What is lost against the folder
//! swap: for the moment of the swap a reader may see old and new pages side by side, and a
//! build killed in the middle leaves such a mix (every file whole) until the next build.
//! Hidden entries at the top of the folder (`.git`) are kept.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Set to `EBUSY` or `EXDEV`, makes the folder swap fail as on a mount point (for tests of
/// this path on machines that cannot mount).
pub const INJECT_ENV: &str = "PLANBOOK_INJECT_SWAP_ERROR";

/// Whether a failed folder swap means "this folder cannot be renamed": a mount point
/// (EBUSY) or a staging folder on another file system (EXDEV).
pub fn is_unrenamable(error: &io::Error) -> bool {
    let busy = rustix::io::Errno::BUSY.raw_os_error();
    let cross_device = rustix::io::Errno::XDEV.raw_os_error();
    matches!(error.raw_os_error(), Some(code) if code == busy || code == cross_device)
}

/// The error the test hook asks for, if any.
pub fn injected_error() -> Option<io::Error> {
    let errno = match std::env::var(INJECT_ENV).ok()?.as_str() {
        "EBUSY" => rustix::io::Errno::BUSY,
        "EXDEV" => rustix::io::Errno::XDEV,
        _ => return None,
    };
    Some(io::Error::from_raw_os_error(errno.raw_os_error()))
}

/// Swaps the contents of `staged` into `destination`, as the module says. `staged` is left
/// for the caller to remove.
pub fn swap_contents(staged: &Path, destination: &Path) -> io::Result<()> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    walk(staged, Path::new(""), &mut files, &mut folders)?;
    for folder in &folders {
        let target = destination.join(folder);
        if target.is_file() || target.is_symlink() {
            fs::remove_file(&target)?;
        }
        fs::create_dir_all(&target)?;
    }
    files.sort_by_key(|relative| publish_order(relative));
    for relative in &files {
        replace_file(&staged.join(relative), &destination.join(relative))?;
    }
    remove_gone(destination, Path::new(""), staged)
}

/// Assets and data first, then pages deepest first, `index.html` at the top last.
fn publish_order(relative: &Path) -> (bool, std::cmp::Reverse<usize>, PathBuf) {
    let page = relative.extension().is_some_and(|e| e == "html");
    let depth = relative.components().count();
    (page, std::cmp::Reverse(depth), relative.to_path_buf())
}

fn walk(
    root: &Path,
    relative: &Path,
    files: &mut Vec<PathBuf>,
    folders: &mut Vec<PathBuf>,
) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(root.join(relative))?.collect::<Result<_, _>>()?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let path = relative.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            folders.push(path.clone());
            walk(root, &path, files, folders)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Puts `from`'s bytes at `to` whole: unchanged files are left alone, others are written
/// to a hidden temporary beside `to` and renamed over it.
fn replace_file(from: &Path, to: &Path) -> io::Result<()> {
    let bytes = fs::read(from)?;
    if to.is_dir() && !to.is_symlink() {
        fs::remove_dir_all(to)?;
    } else if fs::read(to).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = to.with_file_name(format!(".{name}.planbook-{}", std::process::id()));
    fs::write(&temporary, &bytes)?;
    if let Err(error) = fs::rename(&temporary, to) {
        let _ = fs::remove_file(&temporary);
        return Err(error);
    }
    Ok(())
}

/// Removes from `destination` what `staged` does not have, except hidden entries at the top.
fn remove_gone(destination: &Path, relative: &Path, staged: &Path) -> io::Result<()> {
    for entry in fs::read_dir(destination.join(relative))? {
        let entry = entry?;
        let name = entry.file_name();
        let path = relative.join(&name);
        let top_hidden = relative.as_os_str().is_empty() && name.to_string_lossy().starts_with('.');
        if top_hidden {
            continue;
        }
        let kept = staged.join(&path);
        let is_dir = entry.file_type()?.is_dir();
        if is_dir && kept.is_dir() {
            remove_gone(destination, &path, staged)?;
        } else if !kept.exists() {
            if is_dir {
                fs::remove_dir_all(entry.path())?;
            } else {
                fs::remove_file(entry.path())?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, relative: &str, text: &str) {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn tree(root: &Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let relative = entry.path().strip_prefix(root).unwrap();
                out.push((
                    relative.to_string_lossy().into_owned(),
                    fs::read_to_string(entry.path()).unwrap(),
                ));
            }
        }
        out
    }

    #[test]
    fn the_contents_become_the_staged_ones_and_hidden_top_entries_stay() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, published) = (dir.path().join("staged"), dir.path().join("site"));
        write(&staged, "index.html", "new home");
        write(&staged, "2566/a/index.html", "new a");
        write(&staged, "static/site.css", "css");
        write(&published, "index.html", "old home");
        write(&published, "2566/a/index.html", "old a");
        write(&published, "2566/gone/index.html", "gone");
        write(&published, "static/site.css", "css");
        write(&published, ".git/HEAD", "ref");
        write(&published, "2566/.hidden-deeper", "stale");
        swap_contents(&staged, &published).unwrap();
        let mut expected = tree(&staged);
        expected.insert(0, (".git/HEAD".into(), "ref".into()));
        assert_eq!(tree(&published), expected);
    }

    #[test]
    fn an_unchanged_file_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, published) = (dir.path().join("staged"), dir.path().join("site"));
        write(&staged, "same.html", "same");
        write(&published, "same.html", "same");
        write(&staged, "changed.html", "new");
        write(&published, "changed.html", "old");
        use std::os::unix::fs::MetadataExt;
        let inode = |name: &str| fs::metadata(published.join(name)).unwrap().ino();
        let (same, changed) = (inode("same.html"), inode("changed.html"));
        swap_contents(&staged, &published).unwrap();
        // Renamed over: a new file; left alone: the same one.
        assert_eq!(inode("same.html"), same);
        assert_ne!(inode("changed.html"), changed);
    }

    #[test]
    fn pages_come_after_assets_and_the_home_page_last() {
        let mut files: Vec<PathBuf> = [
            "index.html",
            "a/b/index.html",
            "data/x.json",
            "a/index.html",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        files.sort_by_key(|f| publish_order(f));
        let order: Vec<_> = files
            .iter()
            .map(|f| f.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            order,
            [
                "data/x.json",
                "a/b/index.html",
                "a/index.html",
                "index.html"
            ]
        );
    }

    #[test]
    fn mount_point_errors_are_recognised_and_injectable() {
        let errno = |e: rustix::io::Errno| io::Error::from_raw_os_error(e.raw_os_error());
        assert!(is_unrenamable(&errno(rustix::io::Errno::BUSY)));
        assert!(is_unrenamable(&errno(rustix::io::Errno::XDEV)));
        assert!(!is_unrenamable(&errno(rustix::io::Errno::ACCESS)));
    }
}

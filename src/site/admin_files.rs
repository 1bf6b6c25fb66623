//! `content/static/`: an administrator's own files (a logo, `robots.txt`, a verification
//! file) copied as they are to the output's root on every build, so they survive the swap that replaces the output whole. A file there
//! wins over one planbook writes at the same path (`robots.txt`, say).

use super::SiteError;
use crate::output::Sink;
use std::path::{Path, PathBuf};

/// The folder of the content whose files are copied to the output's root.
pub use crate::load::ADMIN_FILES as FOLDER;

/// A file of `content/static/` that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("admin-file-unreadable", path = .path.display(), reason = crate::i18n::io_said(.error)))]
pub struct ReadError {
    pub path: PathBuf,
    #[source]
    pub error: std::io::Error,
}

/// Copies every regular file under `folder` (none when it is absent) through `sink`, at its
/// path relative to `folder`; hidden files and editors' leftovers are skipped, as in the rest
/// of the content. Returns how many files were copied.
pub fn copy(folder: &Path, sink: &dyn Sink) -> Result<usize, SiteError> {
    if !folder.is_dir() {
        return Ok(0);
    }
    let mut copied = 0;
    let walk = walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::load::is_skipped_name(&e.file_name().to_string_lossy())
        });
    for entry in walk {
        let entry = entry.map_err(|e| {
            SiteError::AdminFile(ReadError {
                path: e
                    .path()
                    .map_or_else(|| folder.to_path_buf(), Path::to_path_buf),
                error: e.into(),
            })
        })?;
        // Regular files only: a FIFO would block the build, a link could lead anywhere.
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(folder) else {
            continue;
        };
        let relative: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let bytes = std::fs::read(entry.path()).map_err(|error| {
            SiteError::AdminFile(ReadError {
                path: entry.path().to_path_buf(),
                error,
            })
        })?;
        sink.write(&relative.join("/"), &bytes)?;
        copied += 1;
    }
    Ok(copied)
}

//! `planbook new`: start a plan or a month's entry from a filled-in form, never a blank file.
//!
//! Both refuse to overwrite an existing file. What they write passes `planbook check` as
//! written (zeros where the officer fills in numbers).

pub mod plan;
pub mod progress;
mod yaml;

use std::path::{Path, PathBuf};

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// The file (or the entry for that month) exists already.
    #[error("{}", crate::tr!("scaffold-exists", path = .0.display()))]
    Exists(PathBuf),
    /// The request does not fit the content (unknown plan, bad id, month outside the year).
    #[error("{0}")]
    Invalid(String),
    /// The content the request depends on has errors (rendered findings).
    #[error("{}", crate::tr!("content-has-errors"))]
    Content(String),
    #[error("{}", crate::tr!("cannot-write-because", path = .0.display(), reason = crate::i18n::io_said(.1)))]
    Io(PathBuf, #[source] std::io::Error),
}

impl crate::diag::Failure for ScaffoldError {
    fn findings(&self) -> Option<&str> {
        match self {
            ScaffoldError::Content(report) => Some(report),
            _ => None,
        }
    }
}

/// Writes `text` to `path` only if nothing is there, creating folders as needed.
fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ScaffoldError::Io(dir.to_path_buf(), e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => ScaffoldError::Exists(path.to_path_buf()),
            _ => ScaffoldError::Io(path.to_path_buf(), e),
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| ScaffoldError::Io(path.to_path_buf(), e))
}

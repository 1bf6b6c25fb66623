//! Swapping a staged folder in for the output: one atomic exchange where the file system
//! has it, three renames where it has not. Every state an interruption can leave is one the
//! next build recognises by name (see [`aside_name`]) and repairs.
//!
//! The file-system steps go through [`Renames`], so tests fail or stop any one of them.

use std::io;
use std::path::{Path, PathBuf};

/// Appended to a staging folder's whole name for the previous output set aside by the
/// three-rename swap: `.planbook-staging-<name>-<pid>.previous`, whatever dots `<name>` has.
pub const ASIDE_SUFFIX: &str = ".previous";

/// The file-system operations a swap is made of.
pub trait Renames {
    /// Exchanges `a` and `b` atomically; `Ok(false)` where the file system cannot.
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<bool>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
}

/// The real file system.
pub struct FileSystem;

impl Renames for FileSystem {
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<bool> {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{CWD, RenameFlags, renameat_with};
            match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
                Ok(()) => Ok(true),
                Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
                    Ok(false)
                }
                Err(e) => Err(e.into()),
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (a, b);
            Ok(false)
        }
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
}

/// Where the previous output went during a three-rename swap of `staged`.
pub fn aside_name(staged: &Path) -> PathBuf {
    let mut name = staged.file_name().unwrap_or_default().to_os_string();
    name.push(ASIDE_SUFFIX);
    staged.with_file_name(name)
}

/// Puts `staged` in the place of the existing folder `destination` and returns where the
/// previous output now is (for the caller to carry hidden entries from and remove).
///
/// The three-rename fallback moves `destination` aside, `staged` into its place, and the
/// aside to `staged`'s name. A failure in the middle step puts the aside back; a failure in
/// the last leaves the previous output aside, where the next build finds it.
pub fn swap_in(staged: &Path, destination: &Path, renames: &dyn Renames) -> io::Result<PathBuf> {
    if renames.exchange(staged, destination)? {
        return Ok(staged.to_path_buf());
    }
    let aside = aside_name(staged);
    renames.rename(destination, &aside)?;
    if let Err(error) = renames.rename(staged, destination) {
        // If this fails too, the next build puts the aside back (no destination, an aside).
        let _ = renames.rename(&aside, destination);
        return Err(error);
    }
    Ok(match renames.rename(&aside, staged) {
        Ok(()) => staged.to_path_buf(),
        Err(_) => aside,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aside_name_keeps_every_dot_of_the_output_name() {
        let staged = Path::new("/srv/.planbook-staging-plans.example.go.th-42");
        assert_eq!(
            aside_name(staged),
            Path::new("/srv/.planbook-staging-plans.example.go.th-42.previous")
        );
    }
}

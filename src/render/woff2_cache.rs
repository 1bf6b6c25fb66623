//! WOFF2 fonts made once, not every build: each WOFF2 `render::assets::woff2` makes (the
//! theme's fonts; the email reports' subsets, one pair a report, are made quickly instead,
//! `email::fonts`) is kept in the user's cache folder under the
//! SHA-256 of the TTF it was made from, and read from there while the TTF stays the same. A
//! theme's own fonts get their own entries, by their own bytes.
//!
//! The folder is `$PLANBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/planbook`, else
//! `$HOME/.cache/planbook`, with a `woff2/` inside. The cache only saves time: an entry that
//! cannot be read, is cut short (its WOFF2 header states its length) or cannot be written is
//! made again, and at most [`ENTRIES`] entries are kept, the least recently made removed.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The most fonts kept (a site build makes four, one a face).
const ENTRIES: usize = 64;

/// The cache folder, if the environment names one.
fn folder() -> Option<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let root = env("PLANBOOK_CACHE_DIR")
        .or_else(|| env("XDG_CACHE_HOME").map(|p| p.join("planbook")))
        .or_else(|| env("HOME").map(|p| p.join(".cache").join("planbook")))?;
    Some(root.join("woff2"))
}

/// The entry's name: the SHA-256 of what the WOFF2 is made from and how.
fn key(ttf: &[u8], how: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(how.as_bytes());
    hasher.update([0]);
    hasher.update(ttf);
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The WOFF2 of `ttf`, made `how` (the encoder and its settings), from the cache or by
/// `make` (then kept).
pub fn woff2_of(
    ttf: &[u8],
    how: &str,
    make: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, String> {
    let Some(folder) = folder() else {
        return make();
    };
    let path = folder.join(format!("{}.woff2", key(ttf, how)));
    if let Some(hit) = fs::read(&path).ok().filter(|bytes| is_whole_woff2(bytes)) {
        return Ok(hit);
    }
    let made = make()?;
    keep(&folder, &path, &made);
    Ok(made)
}

/// True when `bytes` start as a WOFF2 file and are as long as its header says.
fn is_whole_woff2(bytes: &[u8]) -> bool {
    bytes.starts_with(b"wOF2")
        && bytes
            .get(8..12)
            .and_then(|length| <[u8; 4]>::try_from(length).ok())
            .is_some_and(|length| u32::from_be_bytes(length) as usize == bytes.len())
}

/// Writes the entry whole or not at all (a temporary file renamed), then trims the folder.
fn keep(folder: &Path, path: &Path, bytes: &[u8]) {
    static WRITES: AtomicU32 = AtomicU32::new(0);
    if fs::create_dir_all(folder).is_err() {
        return;
    }
    let temporary = path.with_extension(format!(
        "tmp-{}-{}",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    if fs::write(&temporary, bytes).is_err() || fs::rename(&temporary, path).is_err() {
        let _ = fs::remove_file(&temporary);
        return;
    }
    trim(folder);
}

/// Removes the oldest entries beyond [`ENTRIES`].
fn trim(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let mut fonts: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "woff2"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if fonts.len() <= ENTRIES {
        return;
    }
    fonts.sort();
    for (_, path) in &fonts[..fonts.len() - ENTRIES] {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_short_entry_is_not_a_woff2() {
        let mut whole = b"wOF2\0\x01\0\0\0\0\0\x10".to_vec();
        whole.extend([0; 4]);
        assert!(is_whole_woff2(&whole));
        assert!(!is_whole_woff2(&whole[..15]));
        assert!(!is_whole_woff2(b"OTTO\0\0\0\0\0\0\0\x0c"));
    }

    #[test]
    fn the_key_follows_the_font_and_the_settings() {
        assert_eq!(key(b"a", "q11"), key(b"a", "q11"));
        assert_ne!(key(b"a", "q11"), key(b"b", "q11"));
        assert_ne!(key(b"a", "q11"), key(b"a", "q10"));
        assert_eq!(key(b"a", "q11").len(), 64);
    }
}

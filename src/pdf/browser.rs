//! Finding an installed Chromium, Chrome or Edge: `PLANBOOK_BROWSER`, then the usual names on
//! `PATH`, then the usual install places of Linux, macOS and Windows. Nothing is downloaded.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The variable that names the browser to use.
pub const BROWSER_VARIABLE: &str = "PLANBOOK_BROWSER";

/// Program names tried on `PATH`, in order.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// Absolute install places (Linux and macOS).
const PLACES: &[&str] = &[
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/opt/google/chrome/chrome",
    "/opt/microsoft/msedge/msedge",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];

/// Install places under Windows' program folders, by the variable that holds the folder.
const WINDOWS_PLACES: &[(&str, &str)] = &[
    ("ProgramFiles", r"Google\Chrome\Application\chrome.exe"),
    ("ProgramFiles(x86)", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
    (
        "ProgramFiles(x86)",
        r"Microsoft\Edge\Application\msedge.exe",
    ),
    ("ProgramFiles", r"Microsoft\Edge\Application\msedge.exe"),
    ("LOCALAPPDATA", r"Chromium\Application\chrome.exe"),
];

/// Why no browser can be used.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum BrowserNotFound {
    /// `PLANBOOK_BROWSER` names no file.
    #[error("{}", crate::tr!("pdf-browser-not-a-file", variable = BROWSER_VARIABLE, path = .0.display()))]
    Named(PathBuf),
    /// None of the usual names or places holds one.
    #[error("{}", crate::tr!("pdf-no-browser", variable = BROWSER_VARIABLE))]
    Nowhere,
}

/// The browser to print with, as the environment of this process says.
pub fn find_browser() -> Result<PathBuf, BrowserNotFound> {
    find_in(
        std::env::var_os(BROWSER_VARIABLE),
        std::env::var_os("PATH"),
        |name| std::env::var_os(name),
    )
}

/// [`find_browser`] over the given `PLANBOOK_BROWSER`, `PATH` and variables.
fn find_in(
    named: Option<OsString>,
    path: Option<OsString>,
    variable: impl Fn(&str) -> Option<OsString>,
) -> Result<PathBuf, BrowserNotFound> {
    if let Some(named) = named.filter(|n| !n.is_empty()) {
        let named = PathBuf::from(named);
        return if named.is_file() {
            Ok(named)
        } else {
            Err(BrowserNotFound::Named(named))
        };
    }
    let on_path = path.iter().flat_map(std::env::split_paths).flat_map(|dir| {
        NAMES
            .iter()
            .flat_map(move |name| [dir.join(name), dir.join(format!("{name}.exe"))].into_iter())
    });
    let places = PLACES.iter().map(PathBuf::from);
    let windows = WINDOWS_PLACES
        .iter()
        .filter_map(|(folder, rest)| variable(folder).map(|f| Path::new(&f).join(rest)));
    on_path
        .chain(places)
        .chain(windows)
        .find(|candidate| candidate.is_file())
        .ok_or(BrowserNotFound::Nowhere)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_wins_and_must_name_a_file() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let program = dir.path().join("my-chrome");
        std::fs::write(&program, b"").expect("written");
        let found = find_in(Some(program.clone().into()), None, |_| None);
        assert_eq!(found, Ok(program));
        let missing = dir.path().join("none");
        let found = find_in(Some(missing.clone().into()), None, |_| None);
        assert_eq!(found, Err(BrowserNotFound::Named(missing)));
    }

    #[test]
    fn path_then_windows_places() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let program = dir.path().join("google-chrome");
        std::fs::write(&program, b"").expect("written");
        let found = find_in(None, Some(dir.path().into()), |_| None);
        assert_eq!(found, Ok(program));
        let edge = dir.path().join(r"Microsoft\Edge\Application\msedge.exe");
        std::fs::write(&edge, b"").expect("written");
        let variable = |name: &str| (name == "ProgramFiles(x86)").then(|| dir.path().into());
        let empty = tempfile::tempdir().expect("a temporary folder");
        if PLACES.iter().all(|p| !Path::new(p).is_file()) {
            let found = find_in(None, Some(empty.path().into()), variable);
            assert_eq!(found, Ok(edge));
            let found = find_in(None, Some(empty.path().into()), |_| None);
            assert_eq!(found, Err(BrowserNotFound::Nowhere));
        }
    }

    #[test]
    fn the_message_says_what_to_install() {
        let message = BrowserNotFound::Nowhere.to_string();
        assert!(message.contains("apt-get install chromium"), "{message}");
        assert!(message.contains(BROWSER_VARIABLE), "{message}");
    }
}

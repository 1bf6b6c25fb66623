//! Maps a raw request target (`/2566/plans/x/index.html?q`) to a file inside the served
//! folder, refusing anything that could leave it: `..` and `.` segments (also percent-encoded),
//! encoded slashes, backslashes, NUL bytes, empty segments (`//etc`), hidden names, and
//! symbolic links that resolve outside the folder (checked on the canonical path).

use std::fs;
use std::path::{Component, Path, PathBuf};

/// Where a request target leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Located {
    /// A regular file inside the folder (canonical path).
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect there, so relative links work.
    Redirect(String),
    NotFound,
    /// The target tries to leave the folder, or is not a plain path.
    Forbidden,
}

/// A request target split into decoded path segments.
#[derive(Debug, PartialEq, Eq)]
pub struct RequestPath {
    pub segments: Vec<String>,
    /// `/dir/` rather than `/dir`.
    pub trailing_slash: bool,
}

/// Splits and decodes a request target; `None` when it is not a safe relative path.
pub fn parse(target: &str) -> Option<RequestPath> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/')?;
    if rest.is_empty() {
        return Some(RequestPath {
            segments: Vec::new(),
            trailing_slash: true,
        });
    }
    let trailing_slash = rest.ends_with('/');
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let segments = rest
        .split('/')
        .map(decode_segment)
        .collect::<Option<Vec<String>>>()?;
    Some(RequestPath {
        segments,
        trailing_slash,
    })
}

/// One decoded segment, or `None` if it is empty, special, hidden or smuggles a separator.
fn decode_segment(raw: &str) -> Option<String> {
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(raw).collect();
    let text = String::from_utf8(bytes).ok()?;
    let plain = !text.is_empty()
        && !text.starts_with('.')
        && !text.contains(['/', '\\', '\0'])
        && !raw.contains(['\\', '\0']);
    if !plain {
        return None;
    }
    // Exactly one ordinary component on this platform (no `C:` prefix, no root).
    let mut components = Path::new(&text).components();
    match (components.next(), components.next()) {
        (Some(Component::Normal(_)), None) => Some(text),
        _ => None,
    }
}

/// Finds the file a request target names under `root`; `index.html` stands for a folder.
pub fn locate(root: &Path, target: &str) -> Located {
    let Some(request) = parse(target) else {
        return Located::Forbidden;
    };
    let Ok(root) = fs::canonicalize(root) else {
        return Located::NotFound;
    };
    let mut joined = root.clone();
    joined.extend(&request.segments);
    let found = match inside(&root, &joined) {
        Ok(found) => found,
        Err(located) => return located,
    };
    if found.is_dir() {
        if !request.trailing_slash {
            return Located::Redirect(folder_url(target));
        }
        return match inside(&root, &found.join("index.html")) {
            Ok(index) if index.is_file() => Located::File(index),
            Ok(_) => Located::NotFound,
            Err(located) => located,
        };
    }
    if request.trailing_slash || !found.is_file() {
        return Located::NotFound;
    }
    Located::File(found)
}

/// The canonical form of `path`, if it exists and stays inside `root` (already canonical).
fn inside(root: &Path, path: &Path) -> Result<PathBuf, Located> {
    match fs::canonicalize(path) {
        Ok(canonical) if canonical.starts_with(root) => Ok(canonical),
        Ok(_) => Err(Located::Forbidden),
        Err(_) => Err(Located::NotFound),
    }
}

/// `/2566?x` → `/2566/?x`: the folder's URL with its slash, query kept.
fn folder_url(target: &str) -> String {
    match target.find(['?', '#']) {
        Some(at) => format!("{}/{}", &target[..at], &target[at..]),
        None => format!("{target}/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("2566/plans/a")).unwrap();
        fs::create_dir_all(root.join("static")).unwrap();
        fs::write(root.join("index.html"), "home").unwrap();
        fs::write(root.join("2566/index.html"), "year").unwrap();
        fs::write(root.join("2566/plans/a/plan.html"), "doc").unwrap();
        fs::write(root.join("static/ไทย ok.css"), "css").unwrap();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        dir
    }

    fn located(dir: &tempfile::TempDir, target: &str) -> Located {
        locate(&dir.path().join("site"), target)
    }

    fn file(dir: &tempfile::TempDir, relative: &str) -> Located {
        Located::File(fs::canonicalize(dir.path().join("site").join(relative)).unwrap())
    }

    #[test]
    fn files_folders_and_index_pages() {
        let dir = site();
        assert_eq!(located(&dir, "/"), file(&dir, "index.html"));
        assert_eq!(located(&dir, "/?reload=1"), file(&dir, "index.html"));
        assert_eq!(located(&dir, "/2566/"), file(&dir, "2566/index.html"));
        assert_eq!(
            located(&dir, "/2566/plans/a/plan.html#top"),
            file(&dir, "2566/plans/a/plan.html")
        );
        assert_eq!(
            located(&dir, "/static/%E0%B9%84%E0%B8%97%E0%B8%A2%20ok.css"),
            file(&dir, "static/ไทย ok.css")
        );
        assert_eq!(located(&dir, "/2566"), Located::Redirect("/2566/".into()));
        assert_eq!(
            located(&dir, "/2566?x=1"),
            Located::Redirect("/2566/?x=1".into())
        );
        assert_eq!(located(&dir, "/2566/plans/a/"), Located::NotFound);
        assert_eq!(located(&dir, "/index.html/"), Located::NotFound);
        assert_eq!(located(&dir, "/missing.html"), Located::NotFound);
    }

    #[test]
    fn traversal_and_odd_paths_are_forbidden() {
        let dir = site();
        for target in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/static/..%2f..%2fsecret.txt",
            "/static/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/static/../../secret.txt",
            "/./index.html",
            "/static/%2e/x",
            "/..\\secret.txt",
            "/%5c..%5csecret.txt",
            "/index.html%00.css",
            "/index.html\0",
            "//etc/passwd",
            "/static//x",
            "/etc/passwd/../..",
            "../secret.txt",
            "secret.txt",
            "http://example.com/index.html",
            "*",
            "",
            "/.hidden",
            "/%ff%fe",
        ] {
            assert_eq!(located(&dir, target), Located::Forbidden, "{target:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_folder_are_forbidden_and_inside_are_served() {
        let dir = site();
        let root = dir.path().join("site");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("out.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
        std::os::unix::fs::symlink(root.join("index.html"), root.join("home.html")).unwrap();
        assert_eq!(located(&dir, "/out.txt"), Located::Forbidden);
        assert_eq!(located(&dir, "/up/secret.txt"), Located::Forbidden);
        assert_eq!(located(&dir, "/up/"), Located::Forbidden);
        assert_eq!(located(&dir, "/home.html"), file(&dir, "index.html"));
    }

    #[test]
    fn a_missing_root_finds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            locate(&dir.path().join("not-yet"), "/index.html"),
            Located::NotFound
        );
    }
}

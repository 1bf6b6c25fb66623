//! The link checker: every `href`/`src` of every staged `.html` file, and every `url()` of
//! every `.css` file, must lead to a file inside the output folder. Nothing may leave it:
//! `http:`, `https:` and `//host` references are errors too. `#anchors`, `mailto:` and
//! `data:` are not checked.
//!
//! The writer shows every file to a [`LinkIndex`] as it is written: references are read
//! with the scanner of our own HTML ([`crate::render::scan`]), resolved, and remembered once
//! per target; when every writer has run, the targets that no writer wrote are the broken
//! links. Nothing is read back from disk.

use crate::render::scan::{Piece, scan};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};
use std::sync::{Mutex, PoisonError};

/// A reference that does not lead to a file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page holding it, relative to the output folder.
    pub page: String,
    /// As written.
    pub href: String,
    /// Where it leads, relative to the output folder, when it stays inside.
    pub target: Option<String>,
    pub external: bool,
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = if self.external {
            crate::tr!("link-external-short", page = &self.page, href = &self.href)
        } else {
            crate::tr!("link-broken-short", page = &self.page, href = &self.href)
        };
        f.write_str(&text)
    }
}

/// What the written pages refer to, gathered as they are written.
#[derive(Default)]
pub struct LinkIndex {
    /// Target (relative to the output) → the first page and href that needs it.
    required: Mutex<HashMap<String, (String, String)>>,
    /// References that leave the folder or climb out of it.
    problems: Mutex<Vec<BrokenLink>>,
    /// The site's own address (`base_path` when it is a whole `http(s)://` one): a link
    /// starting with it leads into the output, and is checked as such (email reports' link
    /// back to the site).
    site_address: Option<String>,
    /// `base_path`, from which the links of `404.html` start (it is shown at any depth).
    base_path: String,
}

impl LinkIndex {
    /// An index that takes links starting with `base_path` for links into the output,
    /// when `base_path` is a whole `http(s)://` address.
    pub fn served_at(base_path: &str) -> LinkIndex {
        let lower = base_path.to_ascii_lowercase();
        let address = lower.starts_with("http://") || lower.starts_with("https://");
        LinkIndex {
            site_address: address.then(|| base_path.to_string()),
            base_path: base_path.to_string(),
            ..LinkIndex::default()
        }
    }

    /// Reads the references of one written file (HTML or CSS; others are ignored).
    pub fn observe(&self, page: &str, bytes: &[u8]) {
        let references = if page.ends_with(".html") {
            html_references(bytes)
        } else if page.ends_with(".css") {
            css_references(&String::from_utf8_lossy(bytes))
        } else {
            return;
        };
        let base = page.rsplit_once('/').map_or("", |(dir, _)| dir);
        let mut targets: Vec<(String, String)> = Vec::new();
        let mut problems = Vec::new();
        for href in references {
            let from_base = (page == crate::render::paths::NOT_FOUND && !self.base_path.is_empty())
                .then(|| href.strip_prefix(self.base_path.as_str()))
                .flatten();
            let inside = from_base.or_else(|| {
                self.site_address
                    .as_deref()
                    .and_then(|address| href.strip_prefix(address))
            });
            let reference = match inside {
                Some(from_root) => classify("", from_root),
                None => classify(base, &href),
            };
            match reference {
                Reference::Ignored => {}
                Reference::Target(target) => targets.push((target, href)),
                Reference::Outside { external } => problems.push(BrokenLink {
                    page: page.to_string(),
                    href,
                    target: None,
                    external,
                }),
            }
        }
        targets.sort();
        targets.dedup_by(|a, b| a.0 == b.0);
        // A writer that panicked holding a lock left whole entries: keep checking them.
        let mut required = self.required.lock().unwrap_or_else(PoisonError::into_inner);
        for (target, href) in targets {
            required
                .entry(target)
                .or_insert_with(|| (page.to_string(), href));
        }
        drop(required);
        if !problems.is_empty() {
            self.problems
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(problems);
        }
    }

    /// The broken links, once every file is written: targets nobody wrote, and references
    /// out of the folder. Sorted by page, then href.
    pub fn broken(self, written: &HashSet<String>) -> Vec<BrokenLink> {
        let mut broken = self
            .problems
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        for (target, (page, href)) in self
            .required
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
        {
            if !written.contains(&target) {
                broken.push(BrokenLink {
                    page,
                    href,
                    target: Some(target),
                    external: false,
                });
            }
        }
        broken.sort_by(|a, b| (&a.page, &a.href).cmp(&(&b.page, &b.href)));
        broken.dedup();
        broken
    }
}

/// Checks every page and stylesheet already written under `root` (for folders built
/// elsewhere); the build itself uses a [`LinkIndex`] as it writes.
pub fn check_links(root: &Path) -> Vec<BrokenLink> {
    let index = LinkIndex::default();
    let mut written = HashSet::new();
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = relative_name(root, entry.path());
        if let Ok(bytes) = std::fs::read(entry.path()) {
            index.observe(&name, &bytes);
        }
        written.insert(name);
    }
    index.broken(&written)
}

fn relative_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

enum Reference {
    /// `#anchor`, `mailto:`, `data:`, empty.
    Ignored,
    /// A file of the output, relative to its root.
    Target(String),
    /// Leaves the folder: a scheme or `//host` (external), or a path climbing out of it.
    Outside { external: bool },
}

fn classify(base: &str, href: &str) -> Reference {
    let trimmed = href.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Reference::Ignored;
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("mailto:") || lower.starts_with("data:") {
        return Reference::Ignored;
    }
    if lower.starts_with("//") || has_scheme(&lower) || lower.starts_with('/') {
        // A scheme leaves the folder; a leading `/` depends on where the site is served.
        return Reference::Outside {
            external: !lower.starts_with('/') || lower.starts_with("//"),
        };
    }
    let without_fragment = trimmed.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(without_fragment).decode_utf8_lossy();
    match resolve(base, &decoded) {
        Some(target) => Reference::Target(target),
        None => Reference::Outside { external: false },
    }
}

fn has_scheme(href: &str) -> bool {
    href.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// Joins `relative` onto the folder `base` (both relative to the output root), refusing to
/// climb above the root. A path ending in `/` names a folder, which is not a file.
fn resolve(base: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    let mut target = parts.join("/");
    if relative.ends_with('/') {
        target.push('/');
    }
    Some(target)
}

/// The `href`, `src`, `xlink:href`, `action` and `poster` values of every start tag;
/// comments and the contents of `script`, `style`, `textarea`, `title` and inline `svg`
/// (our charts: drawn, never linked) are skipped. Allocates only for the values it returns:
/// it reads every page of a build.
fn html_references(html: &[u8]) -> Vec<String> {
    const SKIPPED: &[&str] = &["script", "style", "textarea", "title", "svg"];
    const LINKS: [&str; 5] = ["href", "src", "xlink:href", "action", "poster"];
    let html = String::from_utf8_lossy(html);
    let mut out = Vec::new();
    for piece in scan(&html, SKIPPED) {
        if let Piece::Tag(tag) = piece {
            for (name, value) in tag.attributes() {
                if LINKS.iter().any(|link| name.eq_ignore_ascii_case(link)) {
                    out.push(decode_entities(value));
                }
            }
        }
    }
    out
}

/// The few character references our pages put in attribute values.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `url(...)` references of a stylesheet.
fn css_references(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(start) = rest.find("url(") {
        rest = &rest[start + 4..];
        let Some(end) = rest.find(')') else { break };
        let value = rest[..end].trim().trim_matches(['"', '\'']);
        out.push(value.to_string());
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn good_links_pass_and_bad_ones_are_named() {
        let dir = site(&[
            (
                "index.html",
                r##"<a href="a/index.html#x">a</a><a href="#top">t</a><a href="mailto:x@y.th">m</a>
                <img src="data:image/png;base64,AA"><link href="static/site.css" rel=stylesheet>
                <a href="missing.html">m</a><script src="https://cdn.test/x.js"></script>
                <a href="//cdn.test/y">y</a><a href="../outside.html">o</a><a href="a/">dir</a>
                <script>var s = '<a href="not-a-link.html">';</script>"##,
            ),
            (
                "a/index.html",
                r#"<a href="../index.html?q=1">up</a><a href="b%20c.html">sp</a>"#,
            ),
            ("a/b c.html", ""),
            (
                "static/site.css",
                r#"@font-face { src: url("fonts/x.ttf") } a { background: url(http://x.test/i.png) }"#,
            ),
            ("static/fonts/x.ttf", ""),
        ]);
        let broken: Vec<String> = check_links(dir.path())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            broken,
            [
                "broken link in index.html: ../outside.html",
                "external reference in index.html: //cdn.test/y (nothing may leave the site folder)",
                "broken link in index.html: a/",
                "external reference in index.html: https://cdn.test/x.js (nothing may leave the site folder)",
                "broken link in index.html: missing.html",
                "external reference in static/site.css: http://x.test/i.png (nothing may leave the site folder)",
            ]
        );
    }
}

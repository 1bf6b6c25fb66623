//! The link checker: every `href`/`src` of every staged `.html` file, and every `url()` of
//! every `.css` file, must lead to a file inside the output folder. Nothing may leave it:
//! `http:`, `https:` and `//host` references are errors too. `#anchors`, `mailto:` and
//! `data:` are not checked. Runs after every writer, over everything staged.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::path::{Component, Path, PathBuf};

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
        if self.external {
            write!(
                f,
                "external reference in {}: {} (nothing may leave the site folder)",
                self.page, self.href
            )
        } else {
            write!(f, "broken link in {}: {}", self.page, self.href)
        }
    }
}

/// Checks every page and stylesheet under `root`; sorted by page, then href.
pub fn check_links(root: &Path) -> Vec<BrokenLink> {
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        let is_html = path.extension().is_some_and(|e| e == "html");
        let is_css = path.extension().is_some_and(|e| e == "css");
        if !entry.file_type().is_file() || !(is_html || is_css) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let page = relative_name(root, path);
        let references = if is_html {
            html_references(&text)
        } else {
            css_references(&text)
        };
        for href in references {
            if let Some(problem) = check(root, path, &page, &href) {
                broken.push(problem);
            }
        }
    }
    broken.sort_by(|a, b| (&a.page, &a.href).cmp(&(&b.page, &b.href)));
    broken.dedup();
    broken
}

fn relative_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn check(root: &Path, file: &Path, page: &str, href: &str) -> Option<BrokenLink> {
    let href_trimmed = href.trim();
    let broken = |target: Option<String>, external: bool| {
        Some(BrokenLink {
            page: page.to_string(),
            href: href.to_string(),
            target,
            external,
        })
    };
    if href_trimmed.is_empty() || href_trimmed.starts_with('#') {
        return None;
    }
    let lower = href_trimmed.to_ascii_lowercase();
    if lower.starts_with("mailto:") || lower.starts_with("data:") {
        return None;
    }
    if lower.starts_with("//") || has_scheme(&lower) || lower.starts_with('/') {
        // A scheme leaves the folder; a leading `/` depends on where the site is served.
        return broken(None, !lower.starts_with('/') || lower.starts_with("//"));
    }
    let without_fragment = href_trimmed.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(without_fragment).decode_utf8_lossy();
    let base = file.parent().unwrap_or(root);
    let Some(target) = resolve(root, base, &decoded) else {
        return broken(None, false);
    };
    let name = relative_name(root, &target);
    if target.is_file() {
        None
    } else {
        broken(Some(name), false)
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

/// Joins `relative` onto `base`, refusing to climb above `root`.
fn resolve(root: &Path, base: &Path, relative: &str) -> Option<PathBuf> {
    let mut path = base.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::ParentDir => {
                if path == root || !path.pop() || !path.starts_with(root) {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    path.starts_with(root).then_some(path)
}

/// Collects the `href`, `src` and `xlink:href` attribute values of every tag.
struct Collector {
    references: RefCell<Vec<String>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        for attribute in &tag.attrs {
            let name = &*attribute.name.local;
            if matches!(name, "href" | "src" | "xlink:href" | "action" | "poster") {
                self.references
                    .borrow_mut()
                    .push(attribute.value.to_string());
            }
        }
        match &*tag.name {
            "script" => TokenSinkResult::RawData(html5ever::tokenizer::states::ScriptData),
            "style" | "textarea" | "title" => {
                TokenSinkResult::RawData(html5ever::tokenizer::states::Rawtext)
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

fn html_references(html: &str) -> Vec<String> {
    let collector = Collector {
        references: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(collector, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.references.take()
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

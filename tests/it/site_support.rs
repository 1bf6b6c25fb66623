//! Shared by the `site_*` tests (a test declares `mod common;` too): build a content folder into a tempdir.

#![allow(dead_code)]

use crate::common::{copy_tree, example_content};
use std::path::{Path, PathBuf};

/// Builds `content` into `dir/site` through the library's `build` (what `planbook build`
/// runs), asserting success. The library rather than the binary: the build cache is shared
/// between worktrees, and another branch's `planbook` binary may land at the same path.
pub fn build_ok(content: &Path, dir: &Path) -> PathBuf {
    let output = dir.join("site");
    let options = planbook::build::BuildOptions {
        content_dir: content.to_path_buf(),
        output_dir: output.clone(),
        as_of: None,
    };
    match planbook::build::build(&options) {
        Ok(summary) => assert!(summary.pages > 0, "{summary:?}"),
        Err(error) => {
            if let planbook::build::BuildError::Content { report, .. } = &error {
                panic!("{report}\n{error}");
            }
            panic!("build failed: {error}");
        }
    }
    output
}

/// Every file under `root` with one of `extensions`, as (relative `a/b.html`, path).
pub fn files(root: &Path, extensions: &[&str]) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if extensions
                .iter()
                .any(|e| path.extension().is_some_and(|x| x == *e))
            {
                let relative = path
                    .strip_prefix(root)
                    .expect("inside root")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((relative, path));
            }
        }
    }
    out.sort();
    out
}

/// The values of `attr="…"` attributes in `html` (the site always writes double quotes).
pub fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&needle) {
        rest = &rest[start + needle.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push(rest[..end].replace("&amp;", "&"));
        rest = &rest[end..];
    }
    out
}

/// Copies the example content to `dir/content` so a test can change it.
pub fn copy_example(dir: &Path) -> PathBuf {
    let to = dir.join("content");
    copy_tree(&example_content(), &to);
    to
}

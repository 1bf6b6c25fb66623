//! The built example: every page of the site map exists, every relative link and asset
//! resolves inside the output folder, and nothing refers outside it.

use crate::common;
use crate::site_support;

use site_support::{attribute_values, files};
use std::path::{Component, Path, PathBuf};

/// Pages outputs.md's site map promises for the example.
const SITE_MAP: &[&str] = &[
    "index.html",
    "2566/index.html",
    "2566/offices/index.html",
    "2566/offices/samut-prakan/index.html",
    "2566/offices/chon-buri/index.html",
    "2566/offices/nonthaburi/index.html",
    "2566/offices/chachoengsao/index.html",
    "2566/plans/samut-prakan/debt-relief/index.html",
    "2566/plans/chon-buri/debt-relief/index.html",
    "2566/plans/nonthaburi/new-theory/index.html",
    "2566/plans/chachoengsao/cooperative-strength/index.html",
    "2566/programs/index.html",
    "2566/projects/index.html",
    "2566/strategies/index.html",
    "2566/reports/index.html",
    "2566/reports/2022-10/index.html",
    "2566/reports/2023-03/index.html",
    "2566/reports/2023-09/index.html",
    "pages/about/index.html",
    "pages/how-to-report/index.html",
    "static/css/site.css",
    "static/fonts/Sarabun-Regular.ttf",
    "static/fonts/Sarabun-Bold.ttf",
    "static/fonts/OFL.txt",
    "data/2566/summary.json",
];

fn resolve(root: &Path, page: &Path, href: &str) -> Option<PathBuf> {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_decode(href);
    let mut path = page.parent()?.to_path_buf();
    for component in Path::new(&decoded).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::ParentDir => {
                path.pop();
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    path.starts_with(root).then_some(path)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if bytes[i] == b'%'
            && let Some(b) = hex
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn every_page_exists_and_every_link_resolves_inside_the_folder() {
    let root = &common::example_site().site;
    for page in SITE_MAP {
        assert!(root.join(page).is_file(), "missing {page}");
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, path) in files(root, &["html", "css"]) {
        if name == "404.html" {
            continue; // absolute links through base_path: tests/it/site_web.rs
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut references = attribute_values(&text, "href");
        references.extend(attribute_values(&text, "src"));
        if name.ends_with(".css") {
            references.extend(
                text.split("url(")
                    .skip(1)
                    .filter_map(|rest| rest.split(')').next())
                    .map(|r| r.trim_matches(['"', '\'']).to_string()),
            );
        }
        let lower = text.to_ascii_lowercase();
        for external in ["http://", "https://", "src=\"//", "href=\"//", "url(//"] {
            if lower.contains(external) {
                problems.push(format!("{name}: refers outside the folder ({external})"));
            }
        }
        for href in references {
            if href.starts_with('#') || href.starts_with("mailto:") || href.starts_with("data:") {
                continue;
            }
            checked += 1;
            match resolve(root, &path, &href) {
                Some(target) if target.is_file() => {}
                _ => problems.push(format!("{name}: broken link {href}")),
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_page_uses_the_bundled_font_and_no_script_is_needed() {
    let root = &common::example_site().site;
    let css = std::fs::read_to_string(root.join("static/css/site.css")).unwrap();
    assert!(css.contains("font-family: \"Sarabun\""));
    assert!(css.contains("url(\"../fonts/Sarabun-Regular.woff2?v="));
    assert!(css.contains("url(\"../fonts/Sarabun-Regular.ttf?v="));
    let document_css = std::fs::read_to_string(root.join("static/css/document.css")).unwrap();
    assert!(document_css.contains("url(\"../fonts/Sarabun-Regular.woff2?v="));
    for (name, path) in files(root, &["html"]) {
        let html = std::fs::read_to_string(&path).unwrap();
        if name.contains("/reports/") && !name.ends_with("/index.html") {
            // The email reports carry everything inside, the font as a data: URI.
            assert!(
                html.contains("font-family:\"Sarabun\";font-style:normal;font-weight:400;src:url(data:font/woff2;base64,"),
                "{name}"
            );
        } else if name.ends_with("plan.html") {
            // The printable document links its own print stylesheet, on the same fonts.
            assert!(html.contains("static/css/document.css?v="), "{name}");
        } else {
            assert!(
                html.contains("static/css/site.css?v="),
                "{name} has no stylesheet"
            );
        }
        // Tables are complete in the HTML; the only scripts are the optional sorter, the
        // optional table filter and the document's print button, which stays hidden without
        // script. The search page alone needs its script (and says so without it).
        let search_page = name == "search/index.html";
        for script in attribute_values(&html, "src") {
            let script = script.split('?').next().unwrap_or_default();
            assert!(
                script.ends_with("static/js/sort.js")
                    || script.ends_with("static/js/print.js")
                    || script.ends_with("static/js/search.js")
                    || (search_page && script == "index.js"),
                "{name}: {script}"
            );
        }
        assert_eq!(html.contains("<noscript"), search_page, "{name}");
    }
}

#[test]
fn a_link_to_a_missing_page_fails_the_build_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let content = site_support::copy_example(dir.path());
    std::fs::write(
        content.join("pages/broken.md"),
        "---\ntitle: ลิงก์เสีย\n---\n\n[ไปไหน](../nowhere/index.html)\n",
    )
    .unwrap();
    let output = dir.path().join("site");
    std::fs::create_dir(&output).unwrap();
    std::fs::write(output.join("old.html"), "old").unwrap();
    let options = planbook::build::BuildOptions {
        content_dir: content,
        output_dir: output.clone(),
        as_of: None,
    };
    let error = planbook::build::build(&options).expect_err("a broken link must fail");
    assert!(matches!(
        error,
        planbook::build::BuildError::BrokenLinks(ref links) if links.len() == 1
    ));
    assert_eq!(
        error.to_string(),
        "broken link in pages/broken/index.html: ../nowhere/index.html"
    );
    // Nothing was published: the previous output stands.
    assert!(output.join("old.html").is_file());
    assert!(!output.join("index.html").exists());
}

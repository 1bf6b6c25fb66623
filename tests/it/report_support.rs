//! Shared by the `report_*` tests (a test declares `mod common;` too): run `planbook report`, read a report the way a browser
//! tokenises it, make a ten-plan office, find Chromium.

#![allow(dead_code)]

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub use crate::common::EPOCH;
/// How that time reads in a report's footer (`thai_digits: official`: Arabic digits).
pub const STAMP: &str = "เมื่อ 26 พ.ย. 2569 09:15 น.";

/// The size a report of an office with ten plans must stay under: 600 KB, well under the
/// 1 MB the specification allows, and still under it once an email has base64-encoded the
/// attachment (× 4/3). The synthetic office used has budget trees of 14 lines per plan.
pub const TEN_PLAN_BUDGET: usize = 600 * 1024;

/// Runs `planbook ARGS` in `dir` with the build time fixed.
pub fn planbook(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run planbook")
}

/// Runs `planbook report ARGS` in `dir`, asserting success; returns the file's text.
pub fn report_ok(dir: &Path, args: &[&str], file: &str) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let output = planbook(dir, &all);
    assert!(
        output.status.success(),
        "{all:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Checked as text: without the Thai line-breaking marks.
    crate::common::unmarked(
        &std::fs::read_to_string(dir.join(file)).expect("the report was written"),
    )
}

/// The example site's Samut Prakan office report of `month` (`YYYY-MM`), written in `dir`
/// under its default name and read as [`report_ok`] reads it.
pub fn samut_prakan_report(dir: &Path, month: &str) -> String {
    let content = crate::common::example_content().display().to_string();
    report_ok(
        dir,
        &["2566/samut-prakan", "--month", month, "--content", &content],
        &format!("รายงาน-samut-prakan-{month}.html"),
    )
}

/// A start tag: name and attributes, as a browser reads them.
#[derive(Debug, Clone)]
pub struct StartTag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

struct Sink {
    tags: RefCell<Vec<StartTag>>,
    styles: RefCell<String>,
    in_style: RefCell<bool>,
    /// Text outside `<style>`, `<script>`, `<title>` and `<textarea>`.
    text: RefCell<String>,
    in_raw: RefCell<bool>,
}

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let attrs = tag
                    .attrs
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect();
                self.tags.borrow_mut().push(StartTag {
                    name: tag.name.to_string(),
                    attrs,
                });
                if matches!(&*tag.name, "style" | "script" | "title" | "textarea") {
                    *self.in_raw.borrow_mut() = true;
                }
                match &*tag.name {
                    "style" => {
                        *self.in_style.borrow_mut() = true;
                        return TokenSinkResult::RawData(html5ever::tokenizer::states::Rawtext);
                    }
                    "script" => {
                        return TokenSinkResult::RawData(html5ever::tokenizer::states::ScriptData);
                    }
                    _ => {}
                }
            }
            Token::TagToken(tag) => {
                if matches!(&*tag.name, "style" | "script" | "title" | "textarea") {
                    *self.in_style.borrow_mut() = false;
                    *self.in_raw.borrow_mut() = false;
                }
            }
            Token::CharacterTokens(text) if *self.in_style.borrow() => {
                self.styles.borrow_mut().push_str(&text);
            }
            Token::CharacterTokens(text) if !*self.in_raw.borrow() => {
                self.text.borrow_mut().push_str(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The start tags of `html` and the text of its `<style>` elements.
pub fn parse(html: &str) -> (Vec<StartTag>, String) {
    let (tags, styles, _) = tokenize(html);
    (tags, styles)
}

/// What `planbook::email::text::shown_chars` must find, read by html5ever's tokenizer:
/// text outside raw elements, `data-label` values, quoted strings of CSS `content:`.
pub fn shown_by_html5ever(html: &str) -> std::collections::BTreeSet<char> {
    let (tags, styles, text) = tokenize(html);
    let mut shown: String = text;
    for tag in &tags {
        for (name, value) in &tag.attrs {
            if name == "data-label" {
                shown.push_str(value);
            }
        }
    }
    for declaration in styles.split("content:").skip(1) {
        let value = declaration.split([';', '}']).next().unwrap_or_default();
        shown.extend(value.split('"').skip(1).step_by(2));
    }
    shown
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

fn tokenize(html: &str) -> (Vec<StartTag>, String, String) {
    let sink = Sink {
        tags: RefCell::new(Vec::new()),
        styles: RefCell::new(String::new()),
        in_style: RefCell::new(false),
        text: RefCell::new(String::new()),
        in_raw: RefCell::new(false),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let tags = tokenizer.sink.tags.take();
    let styles = tokenizer.sink.styles.take();
    let text = tokenizer.sink.text.take();
    (tags, styles, text)
}

/// The `url(...)` values of CSS text.
pub fn css_urls(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(start) = rest.find("url(") {
        rest = &rest[start + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        out.push(rest[..end].trim().trim_matches(['"', '\'']).to_string());
        rest = &rest[end..];
    }
    out
}

/// Every reference in the file: `href`, `src`, `xlink:href`, `action`, `poster`, `srcset`,
/// and each `url()` in styles and attributes.
pub fn references(html: &str) -> Vec<String> {
    let (tags, styles) = parse(html);
    let mut out = css_urls(&styles);
    for tag in &tags {
        for (name, value) in &tag.attrs {
            if matches!(
                name.as_str(),
                "href" | "src" | "xlink:href" | "action" | "poster" | "srcset" | "data"
            ) {
                out.push(value.clone());
            }
            out.extend(css_urls(value));
        }
    }
    out
}

/// Asserts the report refers to nothing outside itself and runs no script.
pub fn assert_self_contained(name: &str, html: &str) {
    let refs = references(html);
    assert!(
        refs.iter()
            .any(|r| r.starts_with("data:font/woff2;base64,")),
        "{name}: no embedded font"
    );
    for reference in &refs {
        let r = reference.trim().to_ascii_lowercase();
        assert!(
            r.starts_with("data:") || r.starts_with('#'),
            "{name}: refers outside the file: {reference:.80}"
        );
    }
    let (tags, _) = parse(html);
    for tag in &tags {
        assert!(
            !matches!(
                tag.name.as_str(),
                "script" | "img" | "iframe" | "object" | "embed" | "link" | "base" | "form"
            ),
            "{name}: <{}>",
            tag.name
        );
        for (attr, value) in &tag.attrs {
            assert!(!attr.starts_with("on"), "{name}: {attr} on <{}>", tag.name);
            assert!(
                !value.to_ascii_lowercase().contains("javascript:"),
                "{name}: {value}"
            );
        }
    }
    assert!(
        !html.contains("http://") && !html.contains("https://www.w3.org"),
        "{name}: a URL"
    );
}

/// The embedded faces: (CSS weight, WOFF2 font bytes).
pub fn embedded_fonts(html: &str) -> Vec<(u16, Vec<u8>)> {
    use base64::Engine as _;
    let (_, styles) = parse(html);
    styles
        .split("@font-face")
        .skip(1)
        .map(|rule| {
            let weight = rule
                .split("font-weight:")
                .nth(1)
                .and_then(|w| w.get(..3))
                .and_then(|w| w.parse().ok())
                .expect("a weight");
            let data = css_urls(rule)
                .into_iter()
                .find_map(|u| {
                    u.strip_prefix("data:font/woff2;base64,")
                        .map(str::to_string)
                })
                .expect("a data: URI");
            let woff2 = base64::engine::general_purpose::STANDARD
                .decode(data)
                .expect("base64");
            assert_eq!(&woff2[..4], b"wOF2", "a WOFF2 font");
            (weight, woff2)
        })
        .collect()
}

/// A content folder with one office of ten plans (`2566/office-01`), from the benchmark
/// corpus generator: ten synthetic plans moved under one office.
pub fn ten_plan_office(dir: &Path) -> PathBuf {
    let generated = dir.join("generated");
    synth::generate(&synth::Options {
        plans: 10,
        out: generated.clone(),
        seed: 7,
    })
    .expect("the generator writes its corpus");
    let plans = generated.join("plans/2566");
    let office = plans.join("office-01");
    for i in 2..=10 {
        let from = plans.join(format!("office-{i:02}/activity-0001"));
        std::fs::rename(&from, office.join(format!("activity-{i:04}"))).expect("move plan");
        let _ = std::fs::remove_dir(plans.join(format!("office-{i:02}")));
    }
    generated
}

use crate::synth;

/// Headless Chromium on `page` with the network cut off: names resolve nowhere and any
/// connection goes to a closed port. Returns (stdout, stderr).
pub fn offline_chromium(
    browser: &Path,
    profile: &Path,
    page: &Path,
    extra: &[&str],
) -> (String, String) {
    let output = crate::common::headless_chromium(browser, profile)
        .args([
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--no-pdf-header-footer",
        ])
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

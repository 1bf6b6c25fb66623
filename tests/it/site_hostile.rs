//! Hostile text in every field a user writes comes out escaped (plain fields) or
//! sanitised (Markdown): no script, no event handler, no `javascript:` link, no image.

use crate::site_support;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use site_support::{build_ok, files};
use std::cell::RefCell;
use std::path::Path;

/// Start tags as (name, [(attribute, value)]), read the way a browser tokenises them.
struct Tags(RefCell<Vec<StartTag>>);

type StartTag = (String, Vec<(String, String)>);

impl TokenSink for Tags {
    type Handle = ();
    fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token
            && tag.kind == TagKind::StartTag
        {
            let attrs = tag
                .attrs
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            self.0.borrow_mut().push((tag.name.to_string(), attrs));
        }
        TokenSinkResult::Continue
    }
}

fn tags(html: &str) -> Vec<StartTag> {
    let tokenizer = Tokenizer::new(Tags(RefCell::new(Vec::new())), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// Markup that would run script if a page let it through.
const HOSTILE: &str = r#"<script>alert(1)</script>"><img src=x onerror=alert(1)>"#;

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A YAML single-quoted scalar holding `text`.
fn q(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn hostile_content(root: &Path) {
    let h = q(HOSTILE);
    write(
        root,
        "site.yaml",
        &format!("title: {h}\norganisation: {h}\nministry: {h}\n"),
    );
    write(
        root,
        "fiscal-years/2566.yaml",
        "fiscal_year: 2566\ndisbursement_targets:\n  overall: [32, 52, 72, 93]\n",
    );
    write(
        root,
        "plans/2566/evil-office/evil-plan/plan.yaml",
        &format!(
            r#"job_no: {h}
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
kpis:
  - {{ id: kpi-a, name: {h}, unit: {h}, target: 1 }}
tasks:
  - {{ id: task-a, name: {h}, unit: {h}, target: 1, schedule: {{ 2022-10: 1 }} }}
budget:
  - id: operating
    type: operating
    name: {h}
    items:
      - id: leaf-a
        name: {h}
        note: {h}
        details:
          - {h}
        amount: 1000
      - id: leaf-b
        name: {h}
        flexible: true
        amount: 500
revisions:
  - date: 2022-10-15
    reference: {h}
    reason: {h}
    changes: {{ leaf-a: -100, leaf-b: 100 }}
"#
        ),
    );
    let markdown = format!(
        "{HOSTILE}\n\n[click me](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">x</a>\n\n![pic](javascript:alert(4)) [out](https://evil.test/) <iframe src=\"https://evil.test\"></iframe>\n"
    );
    write(
        root,
        "plans/2566/evil-office/evil-plan/progress/2022-10.yaml",
        &format!(
            "month: 2022-10\ndisbursed: {{ leaf-a: 100 }}\ntasks: {{ task-a: 1 }}\nkpis: {{ kpi-a: 1 }}\nevents:\n  - {{ name: {h}, kind: training, ended_on: 2022-10-10 }}\nnarrative: |\n{}\nproblems: |\n{}\n",
            indent(&markdown),
            indent(&markdown)
        ),
    );
    write(
        root,
        "pages/evil.md",
        &format!("---\ntitle: {h}\ndescription: {h}\n---\n\n{markdown}"),
    );
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn hostile_text_is_escaped_or_sanitised_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    hostile_content(&content);
    let root = build_ok(&content, dir.path());
    let pages = files(&root, &["html"]);
    assert!(pages.len() >= 10, "{pages:?}");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    let plan =
        std::fs::read_to_string(root.join("2566/plans/evil-office/evil-plan/index.html")).unwrap();
    // Plain fields are shown, escaped: the office, activity, budget, task, KPI, revision …
    assert!(plan.matches(escaped).count() >= 20, "{plan}");
    for (name, path) in &pages {
        let html = std::fs::read_to_string(path).unwrap();
        let mut scripts = 0;
        for (tag, attrs) in tags(&html) {
            assert!(
                !matches!(tag.as_str(), "img" | "iframe" | "object" | "embed"),
                "{name}: <{tag}> got through"
            );
            if tag == "script" {
                // The search box's script and the search page's index come beside the one.
                let search = attrs.iter().any(|(a, v)| {
                    let v = v.split("?v=").next().unwrap_or_default();
                    a == "src" && (v.ends_with("static/js/search.js") || v == "index.js")
                });
                scripts += usize::from(!search);
                assert!(
                    attrs.iter().any(|(a, v)| {
                        let v = v.split("?v=").next().unwrap_or_default();
                        a == "src"
                            && (v.ends_with("static/js/sort.js")
                                || v.ends_with("static/js/print.js")
                                || v.ends_with("static/js/search.js")
                                || (name.ends_with("search/index.html") && v == "index.js"))
                    }),
                    "{name}: a script other than the theme's own: {attrs:?}"
                );
            }
            for (attr, value) in attrs {
                assert!(!attr.starts_with("on"), "{name}: handler {attr} on <{tag}>");
                let value = value.trim().to_ascii_lowercase();
                if matches!(attr.as_str(), "href" | "src") {
                    assert!(!value.starts_with("javascript:"), "{name}: {value}");
                    assert!(!value.starts_with("https:"), "{name}: {value}");
                }
            }
        }
        // The email reports beside the monthly pages (`<office>-<YYYY-MM>.html`) hold no
        // script at all; every other page loads the theme's one.
        let email_report = name.contains("/reports/") && !name.ends_with("/index.html");
        assert_eq!(scripts, usize::from(!email_report), "{name}");
    }
    let page = std::fs::read_to_string(root.join("pages/evil/index.html")).unwrap();
    assert!(page.contains(escaped), "{page}");
    assert!(page.contains("click me"), "{page}");
    assert!(page.contains("out (https://evil.test/)"), "{page}");
}

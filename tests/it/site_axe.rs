//! axe-core (from npm, `.ci/node_modules`) run inside headless Chromium over the DevTools
//! protocol on the example site's home, year, offices, office, plan, document, monthly
//! report and 404 pages and an email report, at a phone's width (390 px) and a desktop's
//! (1280 px): no violation of WCAG 2.0–2.2 A/AA or axe's best practices may remain.
//!
//! Skips with a notice when Chromium or axe-core is missing, unless CI is set: then it fails.
//! `.ci/run` installs both; by hand: `npm install --prefix .ci` (reads `.ci/package.json`).

use crate::common::{example_content, repo_root};
use crate::site_support::build_ok;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// axe-core's script: `AXE_CORE` names it, else `.ci/node_modules/axe-core/axe.min.js`.
fn axe_source() -> Option<String> {
    let path = std::env::var_os("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".ci/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(path).ok()
}

/// The pages every width is checked on, relative to the built site.
fn pages(root: &Path) -> Vec<String> {
    let report_month = crate::common::latest_report_month(root);
    vec![
        "index.html".into(),
        "2566/index.html".into(),
        "2566/offices/index.html".into(),
        "2566/offices/samut-prakan/index.html".into(),
        "2566/plans/samut-prakan/debt-relief/index.html".into(),
        "2566/plans/samut-prakan/debt-relief/plan.html".into(),
        format!("2566/reports/{report_month}/index.html"),
        format!("2566/reports/{report_month}/samut-prakan-{report_month}.html"),
        "404.html".into(),
    ]
    .into_iter()
    .filter(|page| std::env::var_os("AXE_SITE").is_none() || root.join(page).is_file())
    .collect()
}

/// Runs axe on the page the tab shows; returns its violations, one line each.
const RUN_AXE: &str = r#"
axe.run(document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  resultTypes: ["violations"]
}).then(function (results) {
  return JSON.stringify(results.violations.map(function (v) {
    return v.impact + " " + v.id + ": " + v.help + " — " +
      v.nodes.slice(0, 4).map(function (n) { return n.target.join(" "); }).join(" | ") +
      (v.nodes.length > 4 ? " (+" + (v.nodes.length - 4) + " more)" : "");
  }));
})
"#;

fn violations_at(browser_path: &Path, width: u32, root: &Path, axe: &str) -> Vec<String> {
    let browser = crate::common::devtools_browser(browser_path, width);
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(Duration::from_secs(60));
    let mut found = Vec::new();
    for page in pages(root) {
        let mut path = root.join(&page);
        assert!(path.is_file(), "{page} was not built");
        if page == "404.html" {
            // Served for a missing page at any depth, its links start from base_path (`/`):
            // from file://, the same page with them starting from the site's folder.
            let html = std::fs::read_to_string(&path).unwrap();
            let from_root = format!("=\"file://{}/", root.display());
            assert!(
                html.contains("href=\"/static/css/"),
                "404.html: no stylesheet at /"
            );
            path = root.join("404-from-root.html");
            std::fs::write(&path, html.replace("=\"/", &from_root)).unwrap();
        }
        tab.navigate_to(&format!("file://{}", path.display()))
            .expect("navigates");
        tab.wait_until_navigated().expect("loads");
        tab.evaluate(axe, false).expect("axe-core loads");
        let result = tab.evaluate(RUN_AXE, true).expect("axe runs");
        let json = result
            .value
            .and_then(|v| v.as_str().map(str::to_string))
            .expect("axe's answer is a string");
        let list: Vec<String> = serde_json::from_str(&json).expect("a JSON list");
        found.extend(list.into_iter().map(|v| format!("{width}px {page}: {v}")));
    }
    found
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn axe_finds_no_violation_at_phone_and_desktop_widths() {
    let Some(browser) = crate::common::chromium("site_axe") else {
        return;
    };
    let Some(axe) = axe_source() else {
        assert!(
            !crate::common::on_ci(),
            "CI is set but axe-core is not installed (npm install --prefix .ci)"
        );
        eprintln!("notice: axe-core not found in .ci/node_modules; skipping the axe test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // `AXE_SITE`: check a site built elsewhere (laid out as the example's) instead.
    let root = match std::env::var_os("AXE_SITE") {
        Some(site) => PathBuf::from(site),
        None => build_ok(&example_content(), dir.path()),
    };
    let mut violations = Vec::new();
    for width in [390, 1280] {
        violations.extend(violations_at(&browser, width, &root, &axe));
    }
    assert!(
        violations.is_empty(),
        "axe found {} violation(s):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

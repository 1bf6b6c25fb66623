//! Loads the dashboard and the seed plan's page from file:// in headless Chromium: both
//! render, take a screenshot, run the optional sorter, and log nothing to the console
//! (Chromium logs uncaught script errors there). Missing files are `site_links`' business.
//!
//! Skips with a notice when Chromium is missing, unless CI is set: then it fails.

use crate::common;

use common::headless_chromium;
use std::path::Path;

/// Runs Chromium headless on `page` with `extra` arguments; returns (stdout, stderr).
fn run(browser: &Path, profile: &Path, page: &Path, extra: &[&str]) -> (String, String) {
    let url = format!("file://{}", page.display());
    let output = headless_chromium(browser, profile)
        .args(["--hide-scrollbars", "--enable-logging=stderr", "--v=0"])
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn console_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            // Our pages log nothing: any console line is an error or an unexpected message.
            l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("ERR_FILE_NOT_FOUND")
        })
        .collect()
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn dashboard_and_plan_page_render_in_chromium_without_console_errors() {
    let Some(browser) = common::chromium("site_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = &common::example_site().site;
    for (name, page, expected) in [
        ("dashboard", "index.html", "ภาพรวมผลการเบิกจ่ายงบประมาณ"),
        (
            "plan",
            "2566/plans/samut-prakan/debt-relief/index.html",
            "ค่าใช้จ่ายในการสัมมนาและฝึกอบรม",
        ),
    ] {
        let page = root.join(page);
        let profile = dir.path().join(format!("profile-{name}"));
        let shot = dir.path().join(format!("{name}.png"));
        let (_, stderr) = run(
            &browser,
            &profile,
            &page,
            &[
                &format!("--screenshot={}", shot.display()),
                "--window-size=1280,2000",
            ],
        );
        let errors = console_errors(&stderr);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 20_000,
            "{name}: screenshot of {size} bytes\n{stderr}"
        );

        let (dom, stderr) = run(&browser, &profile, &page, &["--dump-dom"]);
        let errors = console_errors(&stderr);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert!(
            common::unmarked(&dom).contains(expected),
            "{name}: {expected} not in the DOM"
        );
        if name == "dashboard" {
            // The optional sorter ran: sortable headings became buttons.
            assert!(
                dom.contains("<button type=\"button\" class=\"sort\">"),
                "{name}"
            );
        }
    }
}

//! The email report in headless Chromium with the network cut off, opened from file:// as a
//! recipient opens an attachment: it renders at phone and desktop widths (screenshots), its
//! text is in the DOM, nothing is fetched, and printed to PDF it is A4 with the embedded
//! Sarabun in use (the PDF embeds the fonts the page drew with).
//!
//! Skips with a notice when Chromium is missing, unless CI is set: then it fails.

use crate::common;
use crate::report_support;

use crate::common::chromium;
use common::example_content;
use report_support::{offline_chromium, report_ok};
use std::process::Command;

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn the_report_renders_offline_on_a_phone_and_a_desktop_and_prints_on_a4() {
    let Some(browser) = chromium("report_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let content = example_content().display().to_string();
    report_ok(
        dir.path(),
        &[
            "2566/samut-prakan",
            "--month",
            "2023-03",
            "--content",
            &content,
            "-o",
            "r.html",
        ],
        "r.html",
    );
    let page = dir.path().join("r.html");
    for (name, width) in [("phone", 390), ("desktop", 1280)] {
        let shot = dir.path().join(format!("{name}.png"));
        let (_, stderr) = offline_chromium(
            &browser,
            &dir.path().join(format!("profile-{name}")),
            &page,
            &[
                &format!("--screenshot={}", shot.display()),
                &format!("--window-size={width},2400"),
            ],
        );
        let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 40_000,
            "{name}: screenshot of {size} bytes\n{stderr}"
        );
        assert!(
            !stderr.contains("ERR_"),
            "{name}: a request failed\n{stderr}"
        );
    }
    let (dom, stderr) = offline_chromium(
        &browser,
        &dir.path().join("profile-dom"),
        &page,
        &["--dump-dom"],
    );
    assert!(!stderr.contains("ERR_"), "a request failed\n{stderr}");
    for expected in [
        "สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
        "ผลการเบิกจ่ายสะสมของหน่วยงานเทียบแผนและเป้าหมาย",
        "แล้วเสร็จ 3 จาก 7 งาน",
        "ตามเป้าหมาย",
    ] {
        assert!(
            common::unmarked(&dom).contains(expected),
            "{expected} not in the DOM"
        );
    }

    // Every character Chromium draws in a bold weight is in the bold face's subset, in the
    // office's report and in a plan's (its budget, task and KPI tables: headers, totals and
    // group rows bold by the report's CSS).
    assert_bold_text_in_the_bold_subset(&browser, dir.path(), &page);
    report_ok(
        dir.path(),
        &[
            "2566/samut-prakan/debt-relief",
            "--month",
            "2023-03",
            "--content",
            &content,
            "-o",
            "plan.html",
        ],
        "plan.html",
    );
    assert_bold_text_in_the_bold_subset(&browser, dir.path(), &dir.path().join("plan.html"));

    let pdf = dir.path().join("r.pdf");
    offline_chromium(
        &browser,
        &dir.path().join("profile-pdf"),
        &page,
        &[&format!("--print-to-pdf={}", pdf.display())],
    );
    assert!(pdf.is_file(), "no PDF printed");
    let Ok(info) = Command::new("pdfinfo").arg(&pdf).output() else {
        assert!(!common::on_ci(), "CI is set but pdfinfo is missing");
        eprintln!("report_browser: pdfinfo missing (poppler-utils); PDF not inspected");
        return;
    };
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let fonts = Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    // Chromium embeds what it drew with: both embedded faces, and no other font.
    assert!(fonts.contains("Sarabun-Regular"), "{fonts}");
    assert!(fonts.contains("Sarabun-Bold"), "{fonts}");
    for line in fonts.lines().skip(2) {
        assert!(
            line.contains("Sarabun"),
            "a font other than Sarabun: {line}"
        );
    }
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for expected in ["ภาพรวมของหน่วยงาน", "ผลการดำเนินงานประจำเดือนมีนาคม", "93.65"]
    {
        assert!(text.contains(expected), "{expected} not printed");
    }
}

/// Opens a copy of the report `page` with a script that lists the text of bold elements (the
/// report itself has none), reads it back from the DOM, and checks each character is in the
/// set the bold face was cut to.
fn assert_bold_text_in_the_bold_subset(
    browser: &std::path::Path,
    dir: &std::path::Path,
    page: &std::path::Path,
) {
    let html = std::fs::read_to_string(page).unwrap();
    let probe = dir.join("bold-probe.html");
    std::fs::write(
        &probe,
        html.replace("</body>", &format!("<script>{BOLD_TEXT}</script></body>")),
    )
    .unwrap();
    let (dom, _) = offline_chromium(browser, &dir.join("profile-bold"), &probe, &["--dump-dom"]);
    let drawn_bold = dom
        .split("<pre id=\"bold-text\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .expect("the probe's output");
    assert!(drawn_bold.contains("ตัวชี้วัด"), "{drawn_bold}");
    let bold = planbook::email::text::shown(&html).bold;
    let missing: std::collections::BTreeSet<char> = drawn_bold
        .chars()
        .filter(|c| !c.is_whitespace() && !bold.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "{}: drawn bold, not in the bold subset: {missing:?}",
        page.display()
    );
}

/// Lists the text of every element drawn in a bold weight into a `<pre id="bold-text">`.
const BOLD_TEXT: &str = r#"
var out = "", walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  var node = walk.currentNode, parent = node.parentElement;
  if (parent && parseInt(getComputedStyle(parent).fontWeight, 10) > 500) out += node.data;
}
var pre = document.createElement("pre");
pre.id = "bold-text";
pre.textContent = out;
document.body.appendChild(pre);
"#;

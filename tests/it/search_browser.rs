//! The search page and the table filter in headless Chromium, from `file://`: a Thai word
//! of a plan's name, given as `?q=`, lists the plan's page; typing in the year's plan table
//! filter hides the other rows, says how many are shown, and keeps them hidden through a
//! sort. Without `Intl.Segmenter` the index's own words cut the query.
//!
//! Skips with a notice when Chromium is missing, unless CI is set: then it fails.

use crate::common::{example_content, headless_chromium, unmarked};
use crate::site_support::build_ok;
use headless_chrome::protocol::cdp::Page::AddScriptToEvaluateOnNewDocument;
use planbook::pdf::printer::file_url;

/// The search page's DOM after its script ran, for `query`.
fn search_dom(
    browser: &std::path::Path,
    root: &std::path::Path,
    profile: &std::path::Path,
    query: &str,
) -> String {
    let query: String =
        percent_encoding::utf8_percent_encode(query, percent_encoding::NON_ALPHANUMERIC).collect();
    let url = format!("{}?q={query}", file_url(&root.join("search/index.html")));
    let output = headless_chromium(browser, profile)
        .args(["--dump-dom", "--virtual-time-budget=3000"])
        .arg(&url)
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    unmarked(&String::from_utf8_lossy(&output.stdout))
}

/// The `href`s of the links in the results list.
fn result_links(dom: &str) -> Vec<String> {
    let list = dom
        .split_once("id=\"search-results\"")
        .and_then(|(_, rest)| rest.split_once("</ol>"))
        .map(|(list, _)| list)
        .unwrap_or_default();
    list.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split_once('"').map(|(href, _)| href.to_string()))
        .collect()
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_thai_word_of_a_plans_name_finds_the_plan_from_file_urls() {
    let Some(browser) = crate::common::chromium("search_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = build_ok(&example_content(), dir.path());
    let profile = dir.path().join("profile");

    // A word of กิจกรรมหลักส่งเสริมการพัฒนาอาชีพเกษตรกรตามแนวทางเกษตรทฤษฎีใหม่.
    let dom = search_dom(&browser, &root, &profile, "ทฤษฎีใหม่");
    let links = result_links(&dom);
    assert!(
        links.contains(&"../2566/plans/nonthaburi/new-theory/index.html".to_string()),
        "{links:?}\n{dom}"
    );
    assert!(dom.contains("พบ 2 รายการที่ตรงกับ “ทฤษฎีใหม่”"), "{dom}");
    assert!(
        dom.contains("<span class=\"search-kind\">แผน</span>"),
        "{dom}"
    );
    assert!(
        dom.contains("<span class=\"search-office\">สำนักงานสหกรณ์จังหวัดนนทบุรี</span>"),
        "{dom}"
    );

    // Words the browser splits otherwise, the last one still being typed, in any case;
    // all must match.
    let dom = search_dom(&browser, &root, &profile, "อาชีพเกษตรก");
    assert_eq!(
        result_links(&dom),
        ["../2566/plans/nonthaburi/new-theory/index.html"],
        "{dom}"
    );
    let dom = search_dom(&browser, &root, &profile, "NONTHABURI q1049");
    assert_eq!(
        result_links(&dom),
        ["../2566/plans/nonthaburi/new-theory/index.html"],
        "{dom}"
    );
    let dom = search_dom(&browser, &root, &profile, "ทฤษฎีใหม่ ชลบุรี");
    assert!(result_links(&dom).is_empty(), "{dom}");
    assert!(dom.contains("ไม่พบรายการที่ตรงกับ"), "{dom}");

    // What was typed is shown as text, never as markup.
    let dom = search_dom(&browser, &root, &profile, "<img src=x onerror=alert(1)>");
    assert!(!dom.contains("<img src=\"x\""), "{dom}");
    assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "{dom}");
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn without_intl_segmenter_the_index_words_cut_the_query() {
    let Some(browser) = crate::common::chromium("search_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = build_ok(&example_content(), dir.path());
    let browser = crate::common::devtools_browser(&browser, 390);
    let tab = browser.new_tab().unwrap();
    tab.call_method(AddScriptToEvaluateOnNewDocument {
        source: "delete Intl.Segmenter;".to_string(),
        world_name: None,
        include_command_line_api: None,
        run_immediately: None,
    })
    .unwrap();
    let query: String = percent_encoding::utf8_percent_encode(
        "พัฒนาอาชีพเกษตรกร",
        percent_encoding::NON_ALPHANUMERIC,
    )
    .collect();
    let url = format!("{}?q={query}", file_url(&root.join("search/index.html")));
    tab.navigate_to(&url).unwrap();
    tab.wait_until_navigated().unwrap();
    let found = tab
        .evaluate(
            r##"JSON.stringify([typeof Intl.Segmenter, Array.from(document.querySelectorAll("#search-results a")).map(a => a.getAttribute("href"))])"##,
            false,
        )
        .unwrap()
        .value
        .unwrap();
    let found: serde_json::Value = serde_json::from_str(found.as_str().unwrap()).unwrap();
    assert_eq!(
        found,
        serde_json::json!([
            "undefined",
            ["../2566/plans/nonthaburi/new-theory/index.html"]
        ])
    );
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn the_plan_table_filter_hides_rows_counts_them_and_survives_sorting() {
    let Some(browser) = crate::common::chromium("search_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = build_ok(&example_content(), dir.path());
    let browser = crate::common::devtools_browser(&browser, 390);
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&file_url(&root.join("2566/offices/index.html")))
        .unwrap();
    tab.wait_until_navigated().unwrap();
    let eval = |script: &str| -> serde_json::Value {
        tab.evaluate(script, false)
            .unwrap()
            .value
            .unwrap_or(serde_json::Value::Null)
    };
    let state = r#"(() => {
        const table = document.querySelector("table[data-filterable]");
        const rows = Array.from(table.tBodies[0].rows);
        return JSON.stringify({
            count: document.querySelector(".table-filter-count").textContent,
            live: document.querySelector(".table-filter-count").getAttribute("aria-live"),
            label: document.querySelector(".table-filter label").textContent,
            shown: rows.filter(r => !r.hidden && r.offsetHeight > 0).map(r => r.querySelector("td.name, th.name").textContent.trim()),
        });
    })()"#;
    let read = || -> serde_json::Value {
        serde_json::from_str(eval(state).as_str().expect("a JSON string")).unwrap()
    };
    let type_in = |text: &str| {
        eval(&format!(
            r#"(() => {{ const input = document.querySelector(".table-filter input");
                input.value = {}; input.dispatchEvent(new Event("input")); return true; }})()"#,
            serde_json::Value::from(text)
        ));
    };

    let before = read();
    assert_eq!(before["count"], "แสดง 4 จาก 4 รายการ");
    assert_eq!(before["live"], "polite");
    assert_eq!(before["label"], "กรองรายการในตาราง");

    // A Thai substring of one office's name, typed inside a word.
    type_in("ฉะเชิง");
    let one = read();
    assert_eq!(one["count"], "แสดง 1 จาก 4 รายการ");
    assert_eq!(
        one["shown"],
        serde_json::json!(["สำนักงานสหกรณ์จังหวัดฉะเชิงเทรา"])
    );

    // Two words, both must match; then sort by a column: still the same rows.
    type_in("สหกรณ์ บุรี");
    let two = read();
    assert_eq!(two["count"], "แสดง 2 จาก 4 รายการ", "{two}");
    eval(r#"document.querySelectorAll("button.sort")[1].click(); true"#);
    eval(r#"document.querySelectorAll("button.sort")[2].click(); true"#);
    let sorted = read();
    assert_eq!(sorted["count"], two["count"]);
    let mut a: Vec<String> = serde_json::from_value(two["shown"].clone()).unwrap();
    let mut b: Vec<String> = serde_json::from_value(sorted["shown"].clone()).unwrap();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(a, ["สำนักงานสหกรณ์จังหวัดชลบุรี", "สำนักงานสหกรณ์จังหวัดนนทบุรี"]);

    // Emptied: every row again.
    type_in("");
    assert_eq!(read()["count"], "แสดง 4 จาก 4 รายการ");
}

//! On a phone, a table marked `.stack` shows each row as a card, each cell under its label:
//! the labels come from the stylesheet (one rule a column, not an attribute on every cell),
//! so in headless Chromium at 390 px every labelled cell of every stacked table of the
//! example's pages must show its column's head, whatever columns the page has.
//!
//! Skips with a notice when Chromium is missing, unless CI is set: then it fails.

use crate::common::example_site;
use std::time::Duration;

/// For every stacked table's body cell that shows a figure or a word: its column's head
/// (columns counted with their spans) and the text of its `::before`, as JSON pairs.
const LABELS: &str = r#"
(function () {
  var found = [];
  document.querySelectorAll("table.stack").forEach(function (table) {
    var heads = [];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      for (var i = 0; i < th.colSpan; i++) heads.push(th.textContent.trim());
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (cell.tagName === "TD" && !cell.classList.contains("name") && cell.textContent.trim()) {
          var label = getComputedStyle(cell, "::before").content;
          found.push([table.className, heads[column], label.replace(/^"|"$/g, "")]);
        }
        column += cell.colSpan;
      });
    });
  });
  return JSON.stringify(found);
})()
"#;

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn every_stacked_cell_is_labelled_with_its_column_head_on_a_phone() {
    let Some(browser_path) = crate::common::chromium("site_stack_labels") else {
        return;
    };
    let root = &example_site().site;
    let report_month = crate::common::latest_report_month(root);
    let browser = crate::common::devtools_browser(&browser_path, 390);
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(Duration::from_secs(60));
    let mut tables = std::collections::BTreeSet::new();
    let mut wrong = Vec::new();
    for page in [
        "2566/index.html".to_string(),
        "2566/offices/samut-prakan/index.html".into(),
        "2566/plans/samut-prakan/debt-relief/index.html".into(),
        format!("2566/reports/{report_month}/index.html"),
    ] {
        let path = root.join(&page);
        tab.navigate_to(&format!("file://{}", path.display()))
            .expect("navigates");
        tab.wait_until_navigated().expect("loads");
        let json = tab
            .evaluate(LABELS, false)
            .expect("the script runs")
            .value
            .and_then(|v| v.as_str().map(str::to_string))
            .expect("a string");
        let cells: Vec<(String, String, String)> = serde_json::from_str(&json).expect("JSON");
        assert!(!cells.is_empty(), "{page}: no stacked cell");
        for (table, head, label) in cells {
            if head != label {
                wrong.push(format!("{page} table.{table}: {label:?} under {head:?}"));
            }
            tables.insert(table);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The budget, tasks, KPIs, plans (with and without the office column) and offices tables.
    for kind in ["budget", "tasks", "kpis", "plans", "offices"] {
        assert!(
            tables.iter().any(|t| t.split(' ').any(|c| c == kind)),
            "no {kind} table checked: {tables:?}"
        );
    }
}

//! The optional table sorter (sort.js) in headless Chromium, over the DevTools protocol: a
//! column chosen, then another, then the first again sorts the first ascending (no state
//! left over from before), and `aria-sort` sits on the column's `<th>`, never on its button.
//!
//! Skips with a notice when Chromium is missing, unless CI is set: then it fails.

use crate::common::example_content;
use crate::site_support::build_ok;

/// Clicks heading `column` of the offices' table; returns the table's state as JSON: the
/// first cell of every row, and where `aria-sort` is.
fn click(column: usize) -> String {
    format!(
        r#"(function () {{
  var table = document.querySelector("table[data-sortable]");
  table.tHead.rows[0].cells[{column}].querySelector("button.sort").click();
  return JSON.stringify({{
    ranks: Array.prototype.map.call(table.tBodies[0].rows, function (r) {{ return r.cells[0].textContent.trim(); }}),
    th: Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {{ return c.getAttribute("aria-sort"); }}),
    buttons: table.querySelectorAll("button[aria-sort]").length
  }});
}})()"#
    )
}

#[derive(serde::Deserialize, Debug)]
struct State {
    ranks: Vec<String>,
    th: Vec<Option<String>>,
    buttons: usize,
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_column_chosen_again_sorts_ascending_and_aria_sort_is_on_the_heading() {
    let Some(program) = crate::common::chromium("site_sort") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = build_ok(&example_content(), dir.path());
    let browser = crate::common::devtools_browser(&program, 1280);
    let tab = browser.new_tab().unwrap();
    let page = root.join("2566/offices/index.html");
    tab.navigate_to(&format!("file://{}", page.display()))
        .unwrap();
    tab.wait_until_navigated().unwrap();
    let state = |column: usize| -> State {
        let value = tab.evaluate(&click(column), false).unwrap().value.unwrap();
        serde_json::from_str(value.as_str().unwrap()).unwrap()
    };
    // Column 0 is the rank: ascending first, then descending on a second click.
    let first = state(0);
    let mut ascending = first.ranks.clone();
    ascending.sort_by_key(|r| r.parse::<u32>().unwrap());
    assert_eq!(first.ranks, ascending);
    assert_eq!(first.th[0].as_deref(), Some("ascending"));
    let again = state(0);
    assert_eq!(again.th[0].as_deref(), Some("descending"));
    assert_eq!(
        again.ranks,
        ascending.iter().rev().cloned().collect::<Vec<_>>()
    );
    // Another column, then the rank again: ascending, not the stale descending.
    let other = state(1);
    assert_eq!(other.th[0], None, "{other:?}");
    assert_eq!(other.th[1].as_deref(), Some("ascending"));
    let back = state(0);
    assert_eq!(back.ranks, ascending, "{back:?}");
    assert_eq!(back.th[0].as_deref(), Some("ascending"));
    assert_eq!(back.th.iter().flatten().count(), 1, "{back:?}");
    assert_eq!(back.buttons, 0, "aria-sort on a button");
}

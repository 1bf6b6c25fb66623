//! Snapshots of representative parts of the built example's pages (a table, a chart, a
//! section each, rather than whole pages that any template change would break), volatile
//! parts normalised.

use crate::common;

fn normalise(html: &str) -> String {
    html.replace(
        &format!("planbook {}", env!("CARGO_PKG_VERSION")),
        "planbook [version]",
    )
}

#[test]
fn representative_fragments() {
    let root = &common::example_site().site;
    for (name, page, opening) in [
        // The layout every page shares: the masthead and its menu.
        ("layout", "2566/index.html", "<header class=\"masthead\""),
        ("dashboard_cards", "index.html", "<section class=\"cards\""),
        (
            "dashboard_offices",
            "index.html",
            "<section class=\"panel\" aria-labelledby=\"offices-h\"",
        ),
        (
            "year_plans",
            "2566/index.html",
            "<section class=\"panel\" aria-labelledby=\"plans-h\"",
        ),
        (
            "office_plans",
            "2566/offices/samut-prakan/index.html",
            "<section class=\"panel\" aria-labelledby=\"plans-h\"",
        ),
        (
            "plan_budget",
            "2566/plans/samut-prakan/debt-relief/index.html",
            "<section class=\"panel\" id=\"budget\"",
        ),
        (
            "plan_tasks",
            "2566/plans/samut-prakan/debt-relief/index.html",
            "<section class=\"panel\" id=\"tasks\"",
        ),
        (
            "report_offices",
            "2566/reports/2023-03/index.html",
            "<section class=\"panel office-report\"",
        ),
        (
            "programs",
            "2566/programs/index.html",
            "<section class=\"panel\"",
        ),
        (
            "free_page",
            "pages/about/index.html",
            "<article class=\"prose\"",
        ),
    ] {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        insta::assert_snapshot!(name, normalise(common::element(&html, opening)));
    }
}

//! Snapshots of representative pages of the built example, volatile parts normalised.

use crate::common;

fn normalise(html: &str) -> String {
    html.replace(
        &format!("planbook {}", env!("CARGO_PKG_VERSION")),
        "planbook [version]",
    )
}

#[test]
fn representative_pages() {
    let root = &common::example_site().site;
    for (name, page) in [
        ("dashboard", "index.html"),
        ("year", "2566/index.html"),
        ("office", "2566/offices/samut-prakan/index.html"),
        ("plan", "2566/plans/samut-prakan/debt-relief/index.html"),
        ("report", "2566/reports/2023-03/index.html"),
        ("programs", "2566/programs/index.html"),
        ("free_page", "pages/about/index.html"),
    ] {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        insta::assert_snapshot!(name, normalise(&html));
    }
}

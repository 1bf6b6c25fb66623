//! The example site's search: `search/index.html` and the index beside it are written, the
//! index holds every plan, office, program and project of the content with the page it
//! links to, a Thai word of a plan's name leads to that plan, and every page's header has a
//! search box that reaches the search page by a relative link.

use crate::common::{example_content, read_built};
use crate::site_support::build_ok;
use std::collections::BTreeSet;
use std::path::Path;

/// The index file, parsed.
fn index(root: &Path) -> serde_json::Value {
    let script = std::fs::read_to_string(root.join("search/index.js")).expect("search/index.js");
    let json = script
        .strip_prefix("window.PLANBOOK_SEARCH=")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("the index assigns window.PLANBOOK_SEARCH");
    serde_json::from_str(json).expect("the index is JSON")
}

/// The documents holding `word`, as (title, folder, field).
fn found(index: &serde_json::Value, word: &str) -> Vec<(String, String, u64)> {
    let mut at = 0;
    index["t"][word]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|delta| {
            at += delta.as_u64().expect("number");
            let doc = &index["d"][(at / 3) as usize];
            (
                doc[0].as_str().expect("title").to_string(),
                doc[1].as_str().expect("folder").to_string(),
                at % 3,
            )
        })
        .collect()
}

#[test]
fn the_example_site_has_a_search_page_and_an_index_of_its_plans() {
    let dir = tempfile::tempdir().unwrap();
    let root = build_ok(&example_content(), dir.path());

    let page = read_built(root.join("search/index.html")).unwrap();
    assert!(
        page.contains("<input id=\"search-q\" type=\"search\" name=\"q\""),
        "{page}"
    );
    assert!(page.contains("<script src=\"index.js\" defer></script>"));
    assert!(page.contains("<script src=\"../static/js/search.js?v="));
    assert!(root.join("static/js/search.js").is_file());

    let index = index(&root);
    let documents: BTreeSet<(String, String, u64)> = index["d"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d[0].as_str().unwrap().to_string(),
                d[1].as_str().unwrap().to_string(),
                d[2].as_u64().unwrap(),
            )
        })
        .collect();
    // 4 plans, 4 offices, 3 programs, 3 projects; every folder's page exists.
    let of_kind = |kind| documents.iter().filter(|d| d.2 == kind).count();
    assert_eq!(
        (of_kind(0), of_kind(1), of_kind(2), of_kind(3)),
        (4, 4, 3, 3)
    );
    for (_, folder, _) in &documents {
        assert!(root.join(folder).join("index.html").is_file(), "{folder}");
    }
    assert!(documents.contains(&(
        "กิจกรรมหลักส่งเสริมการพัฒนาอาชีพเกษตรกรตามแนวทางเกษตรทฤษฎีใหม่".into(),
        "2566/plans/nonthaburi/new-theory/".into(),
        0
    )));
    assert!(documents.contains(&(
        "สำนักงานสหกรณ์จังหวัดนนทบุรี".into(),
        "2566/offices/nonthaburi/".into(),
        1
    )));
    assert!(
        documents
            .iter()
            .any(|d| d.0 == "แผนงานยุทธศาสตร์การเกษตรสร้างมูลค่า" && d.2 == 2)
    );
    assert!(
        documents
            .iter()
            .any(|d| d.0 == "โครงการส่งเสริมเกษตรทฤษฎีใหม่" && d.2 == 3)
    );

    // A word of the plan's Thai name finds the plan (in its name) and the project.
    let theory = found(&index, "ทฤษฎี");
    assert!(
        theory.contains(&(
            "กิจกรรมหลักส่งเสริมการพัฒนาอาชีพเกษตรกรตามแนวทางเกษตรทฤษฎีใหม่".into(),
            "2566/plans/nonthaburi/new-theory/".into(),
            0
        )),
        "{theory:?}"
    );
    assert_eq!(theory.len(), 2, "{theory:?}");
    // Codes and ids, lower-cased: the activity code, the office id.
    let code = found(&index, "q1049");
    assert_eq!(code.len(), 1);
    assert_eq!(code[0].1, "2566/plans/nonthaburi/new-theory/");
    assert_eq!(code[0].2, 1);
    assert!(found(&index, "nonthaburi").len() >= 2);
    // The latest month's narrative of the Chon Buri plan (September).
    let narrative = found(&index, "ประเมิน");
    assert!(
        narrative
            .iter()
            .any(|d| d.1 == "2566/plans/chon-buri/debt-relief/" && d.2 == 2),
        "{narrative:?}"
    );

    // Every page's header reaches the search page by a relative link.
    for (page, action) in [
        ("index.html", "search/index.html"),
        ("2566/index.html", "../search/index.html"),
        (
            "2566/plans/nonthaburi/new-theory/index.html",
            "../../../../search/index.html",
        ),
    ] {
        let html = read_built(root.join(page)).unwrap();
        let form = format!(
            "<form class=\"site-search\" role=\"search\" action=\"{action}\" method=\"get\">"
        );
        assert!(html.contains(&form), "{page}: no {form}");
        assert!(
            html.contains("<label class=\"visually-hidden\" for=\"site-search-q\">"),
            "{page}"
        );
    }
    // The plan and office tables can be filtered.
    let year = read_built(root.join("2566/index.html")).unwrap();
    assert!(year.contains("<table class=\"data plans stack\" data-sortable data-filterable>"));
    let offices = read_built(root.join("2566/offices/index.html")).unwrap();
    assert!(offices.contains("<table class=\"data ranking\" data-sortable data-filterable>"));
}

#[test]
fn the_index_holds_no_figure_so_the_offices_ranking_does_not_order_it() {
    use planbook::render::search::site_index;
    use planbook::render::views::SiteContext;
    let checked = planbook::check::check(&example_content()).expect("the example checks");
    let ranked = planbook::compute::execute(&checked.content, None);
    let mut reranked = ranked.clone();
    let offices = &mut reranked.years[0].offices;
    assert!(offices.len() > 1, "the example has several offices");
    offices.reverse();
    let index_of = |figures| site_index(&SiteContext::new(&checked.content, figures)).to_script();
    // A rebuild that changes figures only keeps the index it wrote (`indexed_texts`), so
    // what a ranking by disbursement rate would reorder must not reach it.
    assert_eq!(index_of(&ranked), index_of(&reranked));
}

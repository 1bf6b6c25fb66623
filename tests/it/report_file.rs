//! The report file itself: nothing outside it (every `src`, `href` and `url()` is `data:` or
//! `#`), no script, hostile text escaped, a font that holds every character shown, a size
//! within budget for an office of ten plans, and the same file offered by the site.

use crate::common;
use crate::report_support;

use common::example_content;
use read_fonts::{FontRef, TableProvider};
use report_support::{
    TEN_PLAN_BUDGET, assert_self_contained, embedded_fonts, parse, report_ok, samut_prakan_report,
    ten_plan_office,
};
use std::path::Path;

#[test]
fn an_office_of_ten_plans_stays_well_under_the_size_budget() {
    let dir = tempfile::tempdir().unwrap();
    let content = ten_plan_office(dir.path());
    let content = content.display().to_string();
    let html = report_ok(
        dir.path(),
        &[
            "2566/office-01",
            "--month",
            "2023-09",
            "--content",
            &content,
        ],
        "รายงาน-office-01-2023-09.html",
    );
    assert_self_contained("ten plans", &html);
    assert_eq!(
        planbook::email::text::shown_chars(&html),
        report_support::shown_by_html5ever(&html),
        "the fast scan and html5ever disagree"
    );
    let (tags, _) = parse(&html);
    let sections = tags
        .iter()
        .filter(|t| t.attrs.iter().any(|(a, v)| a == "class" && v == "plan"))
        .count();
    assert_eq!(sections, 10);
    // The office's S-curve; each plan's charts and budget lines are its own report's.
    // (A chart's legend swatches are small SVGs of their own, not charts.)
    let charts = tags
        .iter()
        .filter(|t| t.name == "svg")
        .filter(|t| {
            t.attrs
                .iter()
                .any(|(a, v)| a == "class" && v.starts_with("chart "))
        })
        .count();
    assert_eq!(charts, 1);
    let fonts: usize = embedded_fonts(&html).iter().map(|(_, f)| f.len()).sum();
    eprintln!(
        "ten-plan office report: {} bytes ({} KB; budget {} KB), fonts {} bytes as TTF (WOFF2 inside)",
        html.len(),
        html.len() / 1024,
        TEN_PLAN_BUDGET / 1024,
        fonts
    );
    assert!(
        html.len() < TEN_PLAN_BUDGET,
        "{} bytes, over the budget of {TEN_PLAN_BUDGET}",
        html.len()
    );
}

#[test]
fn the_embedded_font_draws_every_character_the_report_shows() {
    let dir = tempfile::tempdir().unwrap();
    let html = samut_prakan_report(dir.path(), "2023-03");
    let shown = planbook::email::text::shown_chars(&html);
    assert_eq!(shown, report_support::shown_by_html5ever(&html));
    assert!(shown.contains(&'ำ') && shown.contains(&'้') && shown.contains(&'ษ'));
    let fonts = embedded_fonts(&html);
    assert_eq!(
        fonts.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
        [400, 700],
        "Regular and Bold"
    );
    let faces = planbook::email::text::shown(&html);
    assert_eq!(faces.chars, shown);
    for (weight, woff2) in &fonts {
        // The embedded WOFF2 is exactly the compressed subset of the theme's face: the
        // regular face cut to every character shown, the bold face to those of bold text.
        let (face, chars) = if *weight == 700 {
            ("Bold", &faces.bold)
        } else {
            ("Regular", &faces.chars)
        };
        let whole = std::fs::read(
            common::repo_root().join(format!("themes/default/static/fonts/Sarabun-{face}.ttf")),
        )
        .unwrap();
        let glyphs = planbook::email::fonts::glyph_set(chars);
        let subset = planbook::email::fonts::subset(&whole, &glyphs).expect("subsets");
        assert!(
            *woff2 == planbook::email::fonts::woff2(&subset).expect("compresses"),
            "{weight}: the embedded font is not the WOFF2 of the subset"
        );
        let font = FontRef::new(&subset).expect("the subset parses");
        // Thai shaping survives: substitution, positioning and mark classes.
        for table in [b"GSUB", b"GPOS", b"GDEF"] {
            assert!(
                font.table_data(read_fonts::types::Tag::new(table))
                    .is_some(),
                "{weight}: {} dropped",
                String::from_utf8_lossy(table)
            );
        }
        let cmap = font.cmap().expect("cmap");
        let missing: String = chars
            .iter()
            .chain(['\u{0E4D}', '\u{0E32}'].iter())
            .filter(|c| cmap.map_codepoint(**c).is_none_or(|g| g.to_u32() == 0))
            .collect();
        assert!(missing.is_empty(), "{weight}: no glyph for {missing:?}");
        // Subset: far fewer glyphs than Sarabun's whole set.
        let glyphs = font.maxp().expect("maxp").num_glyphs();
        assert!(glyphs < 300, "{weight}: {glyphs} glyphs");
    }
}

#[test]
fn the_bold_face_holds_the_characters_of_bold_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let html = samut_prakan_report(dir.path(), "2023-03");
    let fonts = embedded_fonts(&html);
    let faces = planbook::email::text::shown(&html);
    // The characters each embedded face maps (its WOFF2 is this subset's, as above).
    let mapped = |weight: u16, face: &str, chars: &std::collections::BTreeSet<char>| {
        let whole = std::fs::read(
            common::repo_root().join(format!("themes/default/static/fonts/Sarabun-{face}.ttf")),
        )
        .unwrap();
        let subset =
            planbook::email::fonts::subset(&whole, &planbook::email::fonts::glyph_set(chars))
                .expect("subsets");
        let embedded = fonts.iter().find(|(w, _)| *w == weight).expect("the face");
        assert!(embedded.1 == planbook::email::fonts::woff2(&subset).unwrap());
        let font = FontRef::new(&subset).expect("the subset parses");
        let cmap = font.cmap().expect("cmap");
        (' '..='\u{FFFF}')
            .filter(|c| cmap.map_codepoint(*c).is_some_and(|g| g.to_u32() != 0))
            .collect::<std::collections::BTreeSet<char>>()
    };
    let regular = mapped(400, "Regular", &faces.chars);
    let bold = mapped(700, "Bold", &faces.bold);
    // Bold text, read off the file: the title, headings, figures, status badges, alert kinds.
    let text = common::unmarked(&html);
    let bold_text: String = [
        "<h1>",
        "<h2 id=",
        "<h3>",
        "<strong>",
        "<span class=\"status ",
        "<span class=\"alert-kind\">",
        "<div class=\"value\">",
    ]
    .iter()
    .flat_map(|open| {
        text.split(open)
            .skip(1)
            .filter_map(move |rest| match open.ends_with('>') {
                true => Some(rest),
                false => rest.split_once('>').map(|(_, inner)| inner),
            })
    })
    .map(|inner| inner.split('<').next().unwrap_or_default())
    .collect();
    assert!(bold_text.contains("ภาพรวมของหน่วยงาน"), "{bold_text}");
    let missing: String = bold_text
        .chars()
        .filter(|c| !c.is_whitespace() && !bold.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "bold text without a bold glyph: {missing:?}"
    );
    // What the report shows only in regular text (narratives, notes, table cells) is not
    // in the bold face.
    assert!(bold.is_subset(&regular), "{:?}", bold.difference(&regular));
    let regular_only: String = regular.difference(&bold).collect();
    assert!(
        regular_only.chars().count() >= 5,
        "the bold face holds nearly every character of the regular one: {regular_only:?}"
    );
    for c in regular_only.chars() {
        assert!(!bold_text.contains(c), "{c} is in bold text");
    }
}

/// Markup that would run script if the report let it through.
const HOSTILE: &str = r#"<script>alert(1)</script>"><img src=x onerror=alert(1)>"#;

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn hostile_text_is_escaped_and_links_in_markdown_lead_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    let h = format!("'{}'", HOSTILE.replace('\'', "''"));
    write(
        &root,
        "site.yaml",
        &format!("title: {h}\norganisation: {h}\nministry: {h}\n"),
    );
    write(
        &root,
        "fiscal-years/2566.yaml",
        "fiscal_year: 2566\ndisbursement_targets:\n  overall: [32, 52, 72, 93]\n",
    );
    write(
        &root,
        "plans/2566/evil-office/evil-plan/plan.yaml",
        &format!(
            "job_no: {h}\noffice: {h}\nproject: {h}\nactivity: {h}\nkpis:\n  - {{ id: kpi-a, name: {h}, unit: {h}, target: 1 }}\ntasks:\n  - {{ id: task-a, name: {h}, unit: {h}, target: 1, schedule: {{ 2022-10: 1 }} }}\nbudget:\n  - id: operating\n    type: operating\n    name: {h}\n    items:\n      - {{ id: leaf-a, name: {h}, note: {h}, amount: 1000 }}\n"
        ),
    );
    let markdown = format!(
        "{HOSTILE}\n\n[click me](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">x</a> [site](../../index.html) [mail](mailto:a@b.th)\n\n![pic](https://evil.test/p.png) [out](https://evil.test/) <iframe src=\"https://evil.test\"></iframe> <a href=\"../x.html\">raw</a>\n"
    );
    let indented: String = markdown.lines().map(|l| format!("  {l}\n")).collect();
    write(
        &root,
        "plans/2566/evil-office/evil-plan/progress/2022-10.yaml",
        &format!(
            "month: 2022-10\ndisbursed: {{ leaf-a: 100 }}\ntasks: {{ task-a: 1 }}\nkpis: {{ kpi-a: 1 }}\nnarrative: |\n{indented}problems: |\n{indented}"
        ),
    );
    let html = report_ok(
        dir.path(),
        &["2566/evil-office", "--content", "content"],
        "รายงาน-evil-office-2022-10.html",
    );
    assert_self_contained("hostile", &html);
    assert_eq!(
        planbook::email::text::shown_chars(&html),
        report_support::shown_by_html5ever(&html)
    );
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    assert!(html.matches(escaped).count() >= 8, "{html}");
    assert!(html.contains("click me"));
    assert!(html.contains("out (https://evil.test/)"));
    assert!(html.contains("mail (a@b.th)"));
    assert!(!html.contains("href=\"../"));
}

#[test]
fn every_monthly_report_page_offers_each_office_its_report_file() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_content().display().to_string();
    // Built with the build time the reports below are written with.
    let site = &common::example_site().site;
    let mut offered = 0;
    for month in (1..=12).map(|i| {
        let (y, m) = if i <= 3 { (2022, i + 9) } else { (2023, i - 3) };
        format!("{y}-{m:02}")
    }) {
        let page = site.join(format!("2566/reports/{month}/index.html"));
        let html = std::fs::read_to_string(&page).unwrap();
        let (tags, _) = parse(&html);
        let downloads: Vec<(String, String)> = tags
            .iter()
            .filter_map(|t| {
                let href = t.attrs.iter().find(|(a, _)| a == "href")?.1.clone();
                let name = t.attrs.iter().find(|(a, _)| a == "download")?.1.clone();
                Some((href, name))
            })
            .collect();
        let offices = ["chachoengsao", "chon-buri", "nonthaburi", "samut-prakan"];
        assert_eq!(downloads.len(), offices.len(), "{month}");
        for office in offices {
            let file = format!("{office}-{month}.html");
            let (href, name) = downloads
                .iter()
                .find(|(href, _)| href.ends_with(&format!("/{file}")))
                .unwrap_or_else(|| panic!("{month}: no link to {file}"));
            assert_eq!(name, &format!("รายงาน-{office}-{month}.html"));
            let target = page.parent().unwrap().join(href);
            let report = std::fs::read_to_string(&target).unwrap();
            assert_self_contained(&file, &report);
            offered += 1;
        }
    }
    assert_eq!(offered, 48);
    // The site's file is the command's file, byte for byte (the same build time), for
    // every office and month: the site computes an office's past months over its own
    // plans, the command over the whole content.
    let months = ["2022-10", "2022-11", "2023-01", "2023-03", "2023-09"];
    for office in ["chachoengsao", "chon-buri", "nonthaburi", "samut-prakan"] {
        for month in months {
            let name = format!("รายงาน-{office}-{month}.html");
            report_ok(
                dir.path(),
                &[
                    &format!("2566/{office}"),
                    "--month",
                    month,
                    "--content",
                    &content,
                ],
                &name,
            );
            let site_file = site.join(format!("2566/reports/{month}/{office}-{month}.html"));
            let from_site = std::fs::read(&site_file).unwrap();
            let from_command = std::fs::read(dir.path().join(&name)).unwrap();
            assert!(
                from_site == from_command,
                "{office} {month}: the site and the command disagree"
            );
        }
    }
}

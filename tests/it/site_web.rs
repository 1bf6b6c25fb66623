//! The site as a browser, a phone, a server and Excel meet it (issue 18): a viewport in every
//! page and email report; `404.html` linked through `base_path`, `robots.txt`, a favicon and
//! `content/static/` at the output's root; versioned CSS, scripts and fonts that exist, WOFF2
//! first; CSVs with Thai headers and labels whose figures match the JSON; and one digit system
//! (Arabic) in every page and report, whatever `thai_digits` says.

use crate::common::read_built;
use crate::site_support::{attribute_values, build_ok, copy_example, files};
use std::path::Path;

/// A copy of the example content in `dir` whose site.yaml says `to` where it said `from`.
fn example_with_settings(dir: &Path, from: &str, to: &str) -> std::path::PathBuf {
    let content = copy_example(dir);
    let site_yaml = content.join("site.yaml");
    let yaml = std::fs::read_to_string(&site_yaml).unwrap();
    assert!(yaml.contains(from), "site.yaml says no `{from}`");
    std::fs::write(&site_yaml, yaml.replace(from, to)).unwrap();
    content
}

/// The CSV's rows, its byte-order mark checked and dropped.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{}: no BOM",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn column(rows: &[Vec<String>], header: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header} in {:?}", rows[0]))
}

#[test]
fn every_page_and_email_report_sets_the_viewport() {
    let root = crate::common::example_site().site.clone();
    let pages = files(&root, &["html"]);
    let reports = pages
        .iter()
        .filter(|(name, _)| name.contains("/reports/") && !name.ends_with("index.html"))
        .count();
    assert!(reports >= 4, "{reports} email reports");
    for (name, path) in &pages {
        let html = std::fs::read_to_string(path).unwrap();
        assert!(
            html.contains(
                r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
            ),
            "{name} has no viewport"
        );
    }
}

#[test]
fn not_found_page_robots_favicon_and_the_administrators_files() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_with_settings(dir.path(), "base_path: /", "base_path: /plans");
    std::fs::create_dir_all(content.join("static/img")).unwrap();
    std::fs::write(content.join("static/img/logo.png"), b"PNG").unwrap();
    std::fs::write(
        content.join("static/google1234.html"),
        "google-site-verification",
    )
    .unwrap();
    std::fs::write(content.join("static/.hidden"), "no").unwrap();
    let root = build_ok(&content, &dir.path().join("site"));

    // 404.html: its links start from base_path, whatever depth it is shown at.
    let not_found = read_built(root.join("404.html")).unwrap();
    assert!(not_found.contains("ไม่พบหน้าที่ต้องการ"));
    assert!(not_found.contains(r#"<link rel="stylesheet" href="/plans/static/css/site.css?v="#));
    let mut files_linked = 0;
    for href in attribute_values(&not_found, "href") {
        if href.starts_with('#') {
            continue;
        }
        let file = href
            .strip_prefix("/plans/")
            .unwrap_or_else(|| panic!("404.html: {href}"));
        let file = file.split('?').next().unwrap();
        let file = if file.is_empty() || file.ends_with('/') {
            format!("{file}index.html")
        } else {
            file.to_string()
        };
        assert!(root.join(&file).is_file(), "404.html: {href}");
        files_linked += 1;
    }
    assert!(files_linked >= 5, "{files_linked}");

    // robots.txt: an intranet, closed to crawlers unless the administrator says otherwise.
    assert_eq!(
        std::fs::read_to_string(root.join("robots.txt")).unwrap(),
        "User-agent: *\nDisallow: /\n"
    );

    // The favicon, linked from every page.
    let favicon = std::fs::read_to_string(root.join("static/favicon.svg")).unwrap();
    assert!(favicon.starts_with("<svg"));
    let index = read_built(root.join("index.html")).unwrap();
    assert!(
        index.contains(r#"<link rel="icon" href="static/favicon.svg?v="#),
        "{index}"
    );

    // content/static/ copied as it is, hidden files left out; and it survives the next build.
    assert_eq!(std::fs::read(root.join("img/logo.png")).unwrap(), b"PNG");
    assert!(root.join("google1234.html").is_file());
    assert!(!root.join(".hidden").exists());
    std::fs::write(
        content.join("static/robots.txt"),
        "User-agent: *\nAllow: /\n",
    )
    .unwrap();
    let root = build_ok(&content, &dir.path().join("site"));
    assert_eq!(std::fs::read(root.join("img/logo.png")).unwrap(), b"PNG");
    assert_eq!(
        std::fs::read_to_string(root.join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /\n",
        "the administrator's robots.txt wins"
    );
}

#[test]
fn a_base_path_that_is_no_place_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_with_settings(dir.path(), "base_path: /", "base_path: plans here");
    let out = crate::common::planbook(&["check", "--content", content.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = crate::common::stderr(&out);
    assert!(
        stderr.contains("site.yaml:4:") && stderr.contains("base_path `plans here`"),
        "{stderr}"
    );
}

#[test]
fn css_scripts_and_fonts_are_versioned_and_exist_woff2_first() {
    let root = crate::common::example_site().site.clone();
    for (name, path) in files(&root, &["html"]) {
        if name.contains("/reports/") && !name.ends_with("index.html") || name == "404.html" {
            continue; // email reports: everything inside; 404.html: from base_path, above
        }
        let html = std::fs::read_to_string(&path).unwrap();
        let folder = path.parent().unwrap();
        for url in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
            .filter(|u| u.contains("static/"))
        {
            let (file, version) = url.split_once("?v=").unwrap_or_else(|| {
                panic!("{name}: {url} has no version");
            });
            assert_eq!(version.len(), 10, "{name}: {url}");
            assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{url}");
            assert!(folder.join(file).is_file(), "{name}: {url} leads nowhere");
        }
    }
    let css = std::fs::read_to_string(root.join("static/css/site.css")).unwrap();
    let faces: Vec<&str> = css.split("@font-face").skip(1).collect();
    assert_eq!(faces.len(), 4);
    for face in faces {
        let woff2 = face.find(".woff2?v=").expect("a WOFF2 source");
        let ttf = face.find(".ttf?v=").expect("a TTF fallback");
        assert!(woff2 < ttf, "WOFF2 first: {face}");
        assert!(face.contains(r#"format("woff2")"#) && face.contains(r#"format("truetype")"#));
    }
    for face in ["Regular", "Bold", "Italic", "BoldItalic"] {
        let woff2 = std::fs::read(root.join(format!("static/fonts/Sarabun-{face}.woff2"))).unwrap();
        let ttf = std::fs::read(root.join(format!("static/fonts/Sarabun-{face}.ttf"))).unwrap();
        assert_eq!(&woff2[..4], b"wOF2", "{face}");
        assert!(
            woff2.len() * 2 < ttf.len(),
            "{face}: {} of {}",
            woff2.len(),
            ttf.len()
        );
    }
}

#[test]
fn csvs_speak_thai_are_linked_and_agree_with_the_json() {
    let root = crate::common::example_site().site.clone();
    let summary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("data/2566/summary.json")).unwrap(),
    )
    .unwrap();
    let as_of = summary["as_of"]
        .as_str()
        .expect("as_of in the summary")
        .to_string();

    // The year's page links the year's CSVs; each office's page its own.
    let year = read_built(root.join("2566/index.html")).unwrap();
    for csv in ["plans.csv", "months.csv", "offices.csv"] {
        assert!(
            year.contains(&format!(r#"href="../data/2566/{csv}" download"#)),
            "{csv}"
        );
    }
    let office = read_built(root.join("2566/offices/samut-prakan/index.html")).unwrap();
    assert!(office.contains(r#"href="../../../data/2566/offices/samut-prakan.csv" download"#));

    // offices.csv: Thai headers, Thai status words, the as-of month last.
    let offices = csv_rows(&root.join("data/2566/offices.csv"));
    assert_eq!(offices[0][..3], ["อันดับ", "รหัสหน่วยงาน", "หน่วยงาน"]);
    assert_eq!(offices[0].last().unwrap(), "ข้อมูล ณ สิ้นเดือน (ค.ศ.)");
    let status = column(&offices, "สถานะ");
    for row in &offices[1..] {
        assert!(
            [
                "ตามเป้าหมาย",
                "เสี่ยง",
                "ต่ำกว่าเป้าหมาย",
                "ไม่มีเป้าหมาย",
                "ยังไม่ถึงกำหนดส่ง"
            ]
            .contains(&row[status].as_str()),
            "{row:?}"
        );
        assert_eq!(row.last().unwrap(), &as_of);
    }

    // plans.csv: one row per plan, its figures those of the plan's JSON.
    let plans = csv_rows(&root.join("data/2566/plans.csv"));
    assert_eq!(plans.len(), 1 + 4);
    let (office_col, plan_col) = (column(&plans, "รหัสหน่วยงาน"), column(&plans, "รหัสแผน"));
    let disbursed = column(&plans, "เบิกจ่ายสะสม");
    let allocation = column(&plans, "งบประมาณหลังโอนเปลี่ยนแปลง");
    for row in &plans[1..] {
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join(format!(
                "data/2566/plans/{}/{}.json",
                row[office_col], row[plan_col]
            )))
            .unwrap(),
        )
        .unwrap();
        assert_eq!(
            row[disbursed],
            json["disbursed"].as_str().unwrap(),
            "{row:?}"
        );
        assert_eq!(
            row[allocation],
            json["allocation"].as_str().unwrap(),
            "{row:?}"
        );
    }
    let samut_prakan = csv_rows(&root.join("data/2566/offices/samut-prakan.csv"));
    assert!(
        samut_prakan[1..]
            .iter()
            .all(|r| r[office_col] == "samut-prakan")
    );
    assert_eq!(
        samut_prakan.len() - 1,
        plans[1..]
            .iter()
            .filter(|r| r[office_col] == "samut-prakan")
            .count()
    );

    // months.csv: October to the as-of month for the whole year, then for each office; the
    // whole year's last cumulative figure is the summary's.
    let months = csv_rows(&root.join("data/2566/months.csv"));
    let (month, cumulative) = (
        column(&months, "เดือน (ค.ศ.)"),
        column(&months, "เบิกจ่ายสะสม"),
    );
    let whole: Vec<&Vec<String>> = months[1..].iter().filter(|r| r[0].is_empty()).collect();
    assert_eq!(whole.first().unwrap()[month], "2022-10");
    assert_eq!(whole.last().unwrap()[month], as_of);
    assert_eq!(whole.len(), 12);
    assert_eq!(
        whole.last().unwrap()[cumulative],
        summary["disbursed"].as_str().unwrap()
    );
    assert_eq!(months.len(), 1 + 12 * (1 + 4));

    // A plan's budget table: Thai headers and Thai budget types.
    let budget = csv_rows(&root.join("data/2566/plans/samut-prakan/debt-relief.csv"));
    let kind = column(&budget, "ประเภทงบ");
    assert!(
        budget[2..].iter().any(|r| r[kind] == "งบดำเนินงาน"),
        "{budget:?}"
    );
    assert!(
        budget[1..]
            .iter()
            .all(|r| !r[kind].is_ascii() || r[kind].is_empty())
    );
}

#[test]
fn pages_and_email_reports_write_arabic_digits_even_with_thai_digits_on() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_with_settings(dir.path(), "thai_digits: official", "thai_digits: true");
    let root = build_ok(&content, &dir.path().join("site"));
    // The example's own text holds no Thai digit, so any on a page came from a template; the
    // printable document (plan.html) follows thai_digits and is left out.
    for file in walkdir::WalkDir::new(&content).into_iter().flatten() {
        if file.file_type().is_file() {
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            assert!(
                !text.contains(|c| ('๐'..='๙').contains(&c)),
                "{}",
                file.path().display()
            );
        }
    }
    let mut reports = 0;
    for (name, path) in files(&root, &["html"]) {
        if name.ends_with("/plan.html") {
            continue;
        }
        reports += usize::from(name.contains("/reports/") && !name.ends_with("index.html"));
        let html = read_built(&path).unwrap();
        let thai: String = html.chars().filter(|c| ('๐'..='๙').contains(c)).collect();
        assert!(thai.is_empty(), "{name}: Thai digits {thai}");
    }
    assert!(reports >= 4);
    // The printable document does follow thai_digits.
    let document = read_built(root.join("2566/plans/samut-prakan/debt-relief/plan.html")).unwrap();
    assert!(document.contains('๒'), "the document writes Thai digits");
}

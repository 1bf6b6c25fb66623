//! The printable plan document (`plan.html`) of the example plans: snapshots of the seed
//! plan's cover and budget table, Arabic digits when `thai_digits` is off, and sections left out cleanly.

use planbook::build::{Checked, check};
use planbook::model::{FiscalYearSettings, Plan, SignOff, Strategy};
use planbook::render::document::{document_page, document_path};
use planbook::render::theme::Theme;
use std::path::Path;

const SEED: &str = "2566/samut-prakan/debt-relief";

fn example() -> Checked {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let checked = check(&content).expect("the example content folder exists");
    assert!(
        !checked.diagnostics().has_errors(),
        "{}",
        checked.diagnostics().render(&checked.sources)
    );
    checked
}

fn seed_plan(checked: &Checked) -> &Plan {
    checked
        .content
        .plans
        .iter()
        .find(|p| p.id.to_string() == SEED)
        .expect("the seed plan is in the example")
}

fn fiscal_year<'a>(checked: &'a Checked, plan: &Plan) -> &'a FiscalYearSettings {
    &checked.content.fiscal_years[&plan.id.fiscal_year]
}

fn render(checked: &Checked, plan: &Plan, thai_digits: bool) -> String {
    let theme = Theme::default_theme().expect("the default theme compiles");
    let mut site = checked.content.site.clone();
    site.thai_digits = thai_digits;
    site.thai_digits_official = thai_digits;
    document_page(&theme, &site, plan, fiscal_year(checked, plan)).expect("plan.html renders")
}

/// Whitespace-free text of the page's body, tags stripped, for phrase checks.
fn text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn seed_plan_document_snapshot() {
    let checked = example();
    let plan = seed_plan(&checked);
    assert_eq!(
        document_path(&plan.id),
        "2566/plans/samut-prakan/debt-relief/plan.html"
    );
    let html = render(&checked, plan, true);
    // Its cover and its budget table, rather than the whole document.
    insta::assert_snapshot!(
        "seed_plan_cover",
        crate::common::element(&html, "<section class=\"sheet cover\"")
    );
    insta::assert_snapshot!(
        "seed_plan_budget",
        crate::common::element(&html, "<table class=\"grid main\"")
    );
}

#[test]
fn seed_plan_reads_as_the_corrected_seed() {
    let checked = example();
    let page = text(&render(&checked, seed_plan(&checked), true));
    for phrase in [
        "ประจำปีงบประมาณพ.ศ.๒๕๖๖",
        "หน่วยงานจัดทำแผนปฏิบัติงานฯ:กองแผนงาน",
        "ร้อยละ๑๐",
        "๑แห่ง",
        "งานเลขที่กปน.๑๓",
        "หกพันสามร้อยบาทถ้วน",
        "(๑)ค่าใช้สอยและวัสดุ",
        "รับผิดชอบ(ถัวจ่าย)",
        "(๒)ค่าใช้จ่ายในการสัมมนาและฝึกอบรม(ถัวจ่ายได้ภายในการจัดอบรม)",
        "๑.ประชุมเชิงปฏิบัติการเพื่อการบริหารคุณภาพหนี้อย่างยั่งยืน",
        "วันที่๒๙ก.ย.๒๕๖๕",
        "ต.ค.<br>๖๕",
    ]
    .map(|p| p.replace("<br>", ""))
    {
        assert!(page.contains(&phrase), "missing {phrase}");
    }
    for wrong in ["๑๐ร้อยละ", "ตัวจ่าย", "หนี้้", "6,300", "2566"]
    {
        assert!(!page.contains(wrong), "unexpected {wrong}");
    }
}

#[test]
fn arabic_digits_keep_dates_in_thai_digits() {
    let checked = example();
    let page = text(&render(&checked, seed_plan(&checked), false));
    for phrase in [
        "ประจำปีงบประมาณพ.ศ.2566",
        "กปน.13",
        "6,300",
        "ร้อยละ10",
        "1แห่ง",
        "(1)ค่าใช้สอย",
        "1.1ค่าตอบแทน",
        "ภายใน60วัน",
        "วันที่๒๙ก.ย.๒๕๖๕",
    ] {
        assert!(page.contains(phrase), "missing {phrase}");
    }
    let thai_digit = |c: char| ('๐'..='๙').contains(&c);
    let without_dates = page.replace("วันที่๒๙ก.ย.๒๕๖๕", "");
    assert!(
        !without_dates.chars().any(thai_digit),
        "Thai digits outside the dates"
    );
}

/// `thai_digits: official` (the example's, and the default): Arabic digits in the body, Thai
/// on the cover's year, the signature dates and the page numbers, as the seed document.
#[test]
fn official_digits_follow_the_seed_document() {
    let checked = example();
    assert!(!checked.content.site.thai_digits && checked.content.site.thai_digits_official);
    let plan = seed_plan(&checked);
    let html = document_page(
        &Theme::default_theme().expect("the default theme compiles"),
        &checked.content.site,
        plan,
        fiscal_year(&checked, plan),
    )
    .expect("plan.html renders");
    let page = text(&html);
    let cover_year = "ประจำปีงบประมาณพ.ศ.๒๕๖๖";
    for phrase in [
        cover_year,
        "แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณพ.ศ.2566",
        "กปน.13",
        "6,300",
        "ร้อยละ10",
        "ภายใน60วัน",
        "วันที่๒๙ก.ย.๒๕๖๕",
    ] {
        assert!(page.contains(phrase), "missing {phrase}");
    }
    assert!(
        html.contains("counter(page, thai)"),
        "page numbers in Thai digits"
    );
    let thai_digit = |c: char| ('๐'..='๙').contains(&c);
    let rest = page
        .replacen(cover_year, "", 1)
        .replace("วันที่๒๙ก.ย.๒๕๖๕", "");
    assert!(
        !rest.chars().any(thai_digit),
        "Thai digits outside the cover year and the dates"
    );
}

#[test]
fn sections_a_plan_lacks_are_left_out() {
    let checked = example();
    let mut plan = seed_plan(&checked).clone();
    plan.strategy = Strategy::default();
    plan.kpis.clear();
    plan.conditions.clear();
    plan.approval_terms.clear();
    plan.sign_off = SignOff::default();
    plan.spending_plan.clear();
    plan.program = None;
    plan.prepared_by = None;
    plan.job_no = None;
    for task in &mut plan.tasks {
        task.schedule.clear();
    }
    let html = render(&checked, &plan, true);
    let page = text(&html);
    for absent in [
        "ยุทธศาสตร์ชาติ",
        "ตัวชี้วัด",
        "เงื่อนไขสำคัญ",
        "ผลการพิจารณาอนุมัติ",
        "ผู้เสนอ",
        "ภาคผนวก",
        "แผนงานยุทธศาสตร์",
        "หน่วยงานจัดทำ",
        "งานเลขที่",
    ] {
        assert!(!page.contains(absent), "unexpected {absent}");
    }
    // What is left still reads as the plan: cover, main table, total.
    for present in [
        "หน่วยงานรับผิดชอบแผนปฏิบัติงานฯ:สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
        "โครงการแก้ไขปัญหาหนี้สิน",
        "รวมทั้งสิ้น(หกพันสามร้อยบาทถ้วน)",
    ] {
        assert!(page.contains(present), "missing {present}");
    }
    assert_eq!(html.matches("<section").count(), 2, "cover and main table");
}

#[test]
fn user_text_is_escaped_and_markdown_sanitised() {
    let checked = example();
    let mut plan = seed_plan(&checked).clone();
    plan.objectives = vec!["<script>alert(1)</script>".into()];
    plan.conditions = vec!["**ภายใน 60 วัน** <img src=x onerror=alert(1)>".into()];
    let html = render(&checked, &plan, true);
    // Thai text comes marked for line breaking: compare without the marks.
    let html = html
        .replace("<wbr>", "")
        .replace("<span class=\"w\">", "")
        .replace("</span>", "");
    assert!(html.contains("&lt;script&gt;alert(๑)&lt;/script&gt;"));
    assert!(html.contains("<strong>ภายใน ๖๐ วัน</strong>"));
    assert!(!html.contains("<script>alert") && !html.contains("onerror"));
}

#[test]
fn every_example_plan_renders_a_document() {
    let checked = example();
    for plan in &checked.content.plans {
        let page = text(&render(&checked, plan, true));
        assert!(page.contains("แผนปฏิบัติงานและงบประมาณรายจ่าย"), "{}", plan.id);
        assert!(page.contains("รวมทั้งสิ้น"), "{}", plan.id);
        assert!(page.contains("บาทถ้วน"), "{}", plan.id);
    }
}

//! Whatever `build` refuses, `check` refuses first, at its place; what `check` passes,
//! `build` writes. Covers the inputs that cannot be written as a single bad file: folder
//! names at the length limit, one plan in two year folders, symlinks and FIFOs, hidden
//! folders, a broken fiscal-year file, and control characters in Markdown pages.

use crate::common;

use common::{check_and_build, fixture, planbook, stderr, stdout};
use std::path::Path;

const PLAN: &str = "plans/2566/office-a/act/plan.yaml";

fn base_plan() -> &'static str {
    include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml")
}

fn write(content: &Path, relative: &str, text: &str) {
    let path = content.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Both commands refuse with exactly `expected` as their findings (no other error line).
fn assert_both_refuse(content: &Path, expected: &[String]) {
    let (check, build, untouched) = check_and_build(content);
    for (name, run) in [("check", &check), ("build", &build)] {
        let report = stderr(run);
        let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(run.status.code(), Some(1), "{name}: {report}");
        assert_eq!(errors, expected, "{name}: {report}");
    }
    assert!(untouched, "the previous output changed");
}

#[test]
fn folder_names_are_limited_where_build_could_not_write_them() {
    // The longest office name that fits with the activity `act` builds, report included;
    // one more character is refused by check and build alike, at the plan.
    let fits = 255 - 49 - "act".len();
    for (office_len, ok) in [(fits, true), (fits + 1, false), (243, false)] {
        let content = fixture("base");
        let office = "o".repeat(office_len);
        let plan = format!("plans/2566/{office}/act/plan.yaml");
        write(content.path(), &plan, base_plan());
        let (check, build, untouched) = check_and_build(content.path());
        if ok {
            assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
            assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
            let dir = tempfile::tempdir().unwrap();
            let report = std::process::Command::new(env!("CARGO_BIN_EXE_planbook"))
                .current_dir(dir.path())
                .args([
                    "report",
                    &format!("2566/{office}/act"),
                    "--content",
                    content.path().to_str().unwrap(),
                ])
                .output()
                .unwrap();
            assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
            assert!(stdout(&report).contains(&format!("รายงาน-{office}-act-")));
        } else {
            let expected = format!(
                "{plan}:1:1: error: the office and activity folder names are too long: the longest file the build writes with them (the email report `รายงาน-<office>-<activity>-<month>.html` and its temporary) would have a name of {} bytes, above the 255 a file name may have; shorten them by {} characters together",
                office_len + 3 + 49,
                office_len + 3 + 49 - 255
            );
            assert_both_refuse(content.path(), &[expected]);
            assert!(untouched);
        }
    }
}

#[test]
fn one_plan_in_a_ce_and_a_be_year_folder_is_an_error_at_both() {
    let content = fixture("base");
    write(
        content.path(),
        "plans/2023/office-a/act/plan.yaml",
        base_plan(),
    );
    assert_both_refuse(
        content.path(),
        &[
            "plans/2023/office-a/act/plan.yaml:1:1: error: the year folder plans/2023/ is a year C.E.: year folders are B.E.; rename it plans/2566/".to_string(),
            "plans/2566/office-a/act/plan.yaml:1:1: error: the plan 2566/office-a/act is also in plans/2023/office-a/act/: one plan, one folder; remove the other".to_string(),
        ],
    );
}

#[test]
fn one_fiscal_year_in_two_files_is_an_error_at_both() {
    let content = fixture("base");
    let year = common::read_built(content.path().join("fiscal-years/2566.yaml")).unwrap();
    write(
        content.path(),
        "fiscal-years/2023.yaml",
        &year.replace("fiscal_year: 2566\n", ""),
    );
    assert_both_refuse(
        content.path(),
        &[
            "fiscal-years/2023.yaml:1:1: error: fiscal year 2566 is defined twice: here and in fiscal-years/2566.yaml; keep one file".to_string(),
            "fiscal-years/2023.yaml:1:1: error: the file name `2023` is a year C.E.: fiscal-year files are named in B.E.; rename it `2566.yaml`".to_string(),
            "fiscal-years/2566.yaml:1:1: error: fiscal year 2566 is defined twice: here and in fiscal-years/2023.yaml; keep one file".to_string(),
        ],
    );
}

#[test]
fn a_broken_fiscal_year_file_is_one_error() {
    let content = fixture("base");
    write(
        content.path(),
        "plans/2566/office-b/act/plan.yaml",
        base_plan(),
    );
    write(
        content.path(),
        "fiscal-years/2566.yaml",
        "fiscal_year: [2566\n",
    );
    let (check, build, _) = check_and_build(content.path());
    for run in [&check, &build] {
        let report = stderr(run);
        let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(errors.len(), 1, "{report}");
        assert!(errors[0].starts_with("fiscal-years/2566.yaml:"), "{report}");
        assert!(!report.contains("has no fiscal-years"), "{report}");
    }
}

#[test]
fn a_symlinked_plan_or_fifo_settings_file_is_an_error_and_never_waited_on() {
    let content = fixture("base");
    let plan = content.path().join(PLAN);
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("plan.yaml");
    std::fs::rename(&plan, &target).unwrap();
    std::os::unix::fs::symlink(&target, &plan).unwrap();
    let site = content.path().join("site.yaml");
    std::fs::remove_file(&site).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(&site)
        .status()
        .unwrap();
    assert!(status.success());
    // A FIFO where a page would be, and one where planbook reads nothing.
    let status = std::process::Command::new("mkfifo")
        .arg(content.path().join("notes.yaml"))
        .status()
        .unwrap();
    assert!(status.success());
    // Returns at all: a FIFO opened for reading would wait for a writer forever.
    let (check, build, untouched) = check_and_build(content.path());
    let skipped = "not a regular file: planbook reads regular files only, so it is skipped";
    for run in [&check, &build] {
        let report = stderr(run);
        assert_eq!(run.status.code(), Some(1), "{report}");
        let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(
            errors,
            [
                format!("{PLAN}:1:1: error: this is a symlink, {skipped}"),
                format!("site.yaml:1:1: error: this is a named pipe (FIFO), {skipped}"),
            ],
            "{report}"
        );
        assert!(
            report.contains(&format!(
                "notes.yaml:1:1: warning: this is a named pipe (FIFO), {skipped}"
            )),
            "{report}"
        );
    }
    assert!(untouched);
}

#[test]
fn a_hidden_plan_folder_is_a_warning_not_a_silent_loss() {
    let content = fixture("base");
    write(
        content.path(),
        "plans/2566/..samut-prakan/act/plan.yaml",
        base_plan(),
    );
    write(
        content.path(),
        "plans/2566/office-a/act/progress/.2022-11.yaml",
        "month: 2022-11\n",
    );
    write(
        content.path(),
        "plans/2566/office-a/act/progress/.2022-11.yaml.swp",
        "x",
    );
    let check = planbook(&["check", "--content", content.path().to_str().unwrap()]);
    let report = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "{report}");
    let warning = "warning: the name starts with `.`, so this is hidden and ignored, with everything in it; rename it to have it read";
    assert!(
        report.contains(&format!("plans/2566/..samut-prakan:1:1: {warning}")),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "plans/2566/office-a/act/progress/.2022-11.yaml:1:1: {warning}"
        )),
        "{report}"
    );
    assert!(!report.contains(".swp"), "{report}");
    assert!(stdout(&check).contains("2 warnings"), "{}", stdout(&check));
}

#[test]
fn control_characters_in_a_page_become_the_replacement_character() {
    let content = fixture("base");
    write(
        content.path(),
        "pages/about.md",
        "---\ntitle: เกี่ยวกับ\n---\nข้อความ\u{0}หนึ่ง\n\n**ตัวหนา**\u{1}\n\n[ลิงก์](mailto:office@example.go.th)\u{0}\n",
    );
    let out = tempfile::tempdir().unwrap();
    let build = planbook(&[
        "build",
        "--content",
        content.path().to_str().unwrap(),
        "--output",
        out.path().join("site").to_str().unwrap(),
    ]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    let page = common::read_built(out.path().join("site/pages/about/index.html")).unwrap();
    assert!(page.contains("ข้อความ\u{fffd}หนึ่ง"), "{page}");
    assert!(
        !page.contains(|c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
        "a control character reached the page"
    );
}

#[test]
fn a_theme_template_that_does_not_compile_is_refused_by_check_too() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    common::copy_tree(
        &common::repo_root().join("tests/it/fixtures/base"),
        &content,
    );
    write(
        &dir.path().join("themes/mine"),
        "templates/page.html",
        "{% if %}\n",
    );
    let site = common::read_built(content.join("site.yaml")).unwrap();
    std::fs::write(content.join("site.yaml"), format!("{site}theme: mine\n")).unwrap();
    let (check, build, untouched) = check_and_build(&content);
    for run in [&check, &build] {
        let report = stderr(run);
        assert_eq!(run.status.code(), Some(1), "{report}");
        assert!(
            report.starts_with("../themes/mine/templates:1:1: error: Found `%}`"),
            "{report}"
        );
        assert!(report.contains("--> page.html:1:7"), "{report}");
    }
    assert!(untouched);
}

#[test]
fn a_link_the_build_would_find_broken_is_refused_by_check_at_the_markdown() {
    let content = fixture("base");
    write(
        content.path(),
        "pages/broken.md",
        "---\ntitle: ลิงก์เสีย\n---\n\n[ไปไหน](../nowhere/index.html)\n",
    );
    let (check, build, untouched) = check_and_build(content.path());
    let report = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{report}");
    assert!(
        report.starts_with("pages/broken.md:5:9: error: the link `../nowhere/index.html` leads to no file of the site (on pages/broken/index.html)"),
        "{report}"
    );
    assert_ne!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(stderr(&build).contains("../nowhere/index.html"));
    assert!(untouched);

    // A narrative's link is placed at its entry; a link that resolves passes both.
    let content = fixture("base");
    let entry = "plans/2566/office-a/act/progress/2022-10.yaml";
    let text = common::read_built(content.path().join(entry)).unwrap();
    write(
        content.path(),
        entry,
        &text.replace(
            "narrative: เริ่มดำเนินการ",
            "narrative: ดู [หน้า](../../missing.html)",
        ),
    );
    let (check, build, _) = check_and_build(content.path());
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(
        stderr(&check).starts_with(&format!(
            "{entry}:6:22: error: the link `../../missing.html` leads to no file of the site"
        )),
        "{}",
        stderr(&check)
    );
    assert_ne!(build.status.code(), Some(0));

    let content = fixture("base");
    write(
        content.path(),
        "pages/links.md",
        "---\ntitle: ลิงก์\n---\n\n[เกี่ยวกับ](../about/index.html) [หน้าแรก](../../index.html)\n",
    );
    let (check, build, _) = check_and_build(content.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
}

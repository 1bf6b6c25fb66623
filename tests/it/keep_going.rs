//! `build --keep-going`: one broken plan does not hold back the department's month.

use crate::common;

use common::{example_content, planbook, snapshot_tree, stderr};
use std::path::Path;

fn copy_example(to: &Path) {
    common::copy_tree(&example_content(), to);
}

fn build(content: &Path, out: &Path, keep_going: bool) -> std::process::Output {
    let mut args = common::build_args(content, out);
    if keep_going {
        args.push("--keep-going");
    }
    planbook(&args)
}

fn read(path: &Path) -> String {
    common::read_built(path).unwrap()
}

#[test]
fn one_broken_plan_is_left_out_and_the_rest_is_published_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_example(&content);
    let broken = content.join("plans/2566/nonthaburi/new-theory/plan.yaml");
    let text = read(&broken).replacen("activity:", "activty: <script>x</script>\nactivity:", 1);
    std::fs::write(&broken, text).unwrap();
    let out = dir.path().join("site");

    // Without the flag: all or nothing, as before.
    let strict = build(&content, &out, false);
    assert_eq!(strict.status.code(), Some(1));
    assert!(!out.exists());

    let output = build(&content, &out, true);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    let group = err
        .find("── office 2566/nonthaburi: 1 plan left out ──\n")
        .expect("errors grouped by office");
    let finding = err
        .find("plans/2566/nonthaburi/new-theory/plan.yaml:")
        .expect("the finding");
    assert!(group < finding, "{err}");
    assert!(err.contains("unknown key `activty`; did you mean `activity`?"));
    assert!(
        err.contains("error: left out 1 plan and 0 settings files with 1 error; see left-out.html")
    );
    assert!(common::stdout(&output).contains("built 3 plans"));

    // The other offices are published; the broken plan is not.
    assert!(
        out.join("2566/plans/samut-prakan/debt-relief/index.html")
            .is_file()
    );
    assert!(
        out.join("2566/plans/chon-buri/debt-relief/index.html")
            .is_file()
    );
    assert!(!out.join("2566/plans/nonthaburi/new-theory").exists());
    assert!(
        !out.join("data/2566/plans/nonthaburi/new-theory.json")
            .exists()
    );

    // Every page where it would have been names it; the home page links the summary.
    for page in ["index.html", "2566/index.html", "2566/offices/index.html"] {
        let html = read(&out.join(page));
        assert!(
            html.contains("<code>2566/nonthaburi/new-theory</code>"),
            "{page}"
        );
        assert!(
            html.contains("left-out.html\">รายการข้อผิดพลาดทั้งหมด"),
            "{page}"
        );
    }
    let other_office = read(&out.join("2566/offices/chon-buri/index.html"));
    assert!(!other_office.contains("2566/nonthaburi/new-theory"));
    // The summary page lists the findings, escaped.
    let summary = read(&out.join("left-out.html"));
    assert!(summary.contains("unknown key `activty`"));
    assert!(
        summary.contains("&lt;script&gt;x&lt;&#x2F;script&gt;")
            || summary.contains("&lt;script&gt;x&lt;/script&gt;")
    );
    assert!(!summary.contains("<script>x"));

    // Fixed, the next build is clean: exit 0 and no summary page.
    copy_example(&content);
    let clean = build(&content, &out, true);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(!out.join("left-out.html").exists());
    assert!(!read(&out.join("index.html")).contains("รายการข้อผิดพลาดทั้งหมด"));
}

#[test]
fn a_broken_fiscal_year_leaves_out_its_plans_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_example(&content);
    let out = dir.path().join("site");
    assert!(build(&content, &out, false).status.success());
    let before = snapshot_tree(&out);
    let year = content.join("fiscal-years/2566.yaml");
    std::fs::write(&year, read(&year).replacen("conditions:", "conditons:", 1)).unwrap();

    let strict = build(&content, &out, false);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(snapshot_tree(&out), before, "the previous output stays");

    let output = build(&content, &out, true);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("── fiscal-years/2566.yaml: แผนทุกแผนของปีงบประมาณ 2566 ไม่ได้เผยแพร่ ──"),
        "{err}"
    );
    assert!(
        err.contains("left out 4 plans and 1 settings file with 1 error;"),
        "{err}"
    );
    let summary = read(&out.join("left-out.html"));
    assert!(summary.contains("fiscal-years/2566.yaml"));
    assert!(summary.contains("<code>2566/samut-prakan/debt-relief</code>"));
    assert!(out.join("index.html").is_file());
}

#[test]
fn a_wrong_site_setting_keeps_its_default_and_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_example(&content);
    let site = content.join("site.yaml");
    std::fs::write(&site, format!("{}report_due_day: 99\n", read(&site))).unwrap();
    let out = dir.path().join("site");
    let output = build(&content, &out, true);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("── site.yaml: ใช้ค่าเริ่มต้นแทนค่าที่ผิด ──"), "{err}");
    assert!(
        err.contains("report_due_day `99` is not a day of the month"),
        "{err}"
    );
    assert!(
        err.contains("left out 0 plans and 1 settings file with 1 error"),
        "{err}"
    );
    assert!(
        out.join("2566/plans/samut-prakan/debt-relief/index.html")
            .is_file()
    );
    assert!(read(&out.join("left-out.html")).contains("<code>site.yaml</code>"));
    let home = read(&out.join("index.html"));
    assert!(home.contains("<code>site.yaml</code> (ใช้ค่าเริ่มต้นแทนค่าที่ผิด)"));
    assert!(home.contains("left-out.html\">รายการข้อผิดพลาดทั้งหมด"));
}

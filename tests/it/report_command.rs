//! `planbook report`: the file it writes and where, its months (C.E., B.E., the as-of
//! month by default), and its exit codes (1 for content errors, 2 for usage and I/O).

use crate::common;
use crate::report_support;

use common::example_content;
use report_support::{STAMP, assert_self_contained, planbook, report_ok, samut_prakan_report};

fn content_arg() -> String {
    example_content().display().to_string()
}

#[test]
fn an_office_report_is_written_in_the_current_folder_under_a_name_saying_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_arg();
    let output = planbook(
        dir.path(),
        &[
            "report",
            "2566/samut-prakan",
            "--month",
            "2023-03",
            "--content",
            &content,
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("wrote รายงาน-samut-prakan-2023-03.html ("),
        "{stdout}"
    );
    assert!(stdout.contains(" KB, 1 plan, 2023-03)"), "{stdout}");
    let html =
        std::fs::read_to_string(dir.path().join("รายงาน-samut-prakan-2023-03.html")).unwrap();
    assert_self_contained("office report", &html);
    // Checked as text: without the Thai line-breaking marks.
    let html = common::unmarked(&html);
    for expected in [
        "สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
        "ประจำเดือนมีนาคม 2566",
        "ภาพรวมของหน่วยงาน",
        "กิจกรรมหลักแก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกรด้วยระบบสหกรณ์",
        // Each plan in a line or two: figures, tasks and KPIs counted.
        "เบิกจ่ายสะสม <strong>5,900.00</strong> บาท จาก 6,300.00 บาท",
        "แล้วเสร็จ 3 จาก 7 งาน",
        "บรรลุเป้าหมาย 1 จาก 3",
        "เรื่องที่ต้องติดตาม",
        "ผลการดำเนินงานประจำเดือนมีนาคม 2566",
        "<svg id=\"chart-",
        // Headline figures against the quarter's target, the status in words.
        "เป้าหมายสิ้นไตรมาสที่ 2 ร้อยละ 57.00",
        "ตามเป้าหมาย",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    // Budget lines and per-plan charts are the one-plan report's: an office of a hundred
    // plans stays a file that mail systems take.
    assert!(!html.contains("ค่าใช้จ่ายในการสัมมนาและฝึกอบรม"));
    assert_eq!(
        html.matches("<svg id=\"chart-").count(),
        1,
        "only the office's S-curve"
    );
    let footer = format!(
        "ข้อมูล ณ สิ้นเดือนมีนาคม 2566 · สร้างโดย planbook {} {STAMP}",
        env!("CARGO_PKG_VERSION")
    );
    assert!(html.contains(&footer), "no footer {footer}");
    // The office's plans lead to their sections in the file.
    assert!(html.contains("<a href=\"#plan-debt-relief\">"));
    assert!(html.contains("id=\"plan-debt-relief\""));
}

#[test]
fn a_plan_report_takes_its_name_and_b_e_months_read_as_c_e() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_arg();
    let ce = report_ok(
        dir.path(),
        &[
            "2566/samut-prakan/debt-relief",
            "--month",
            "2023-02",
            "--content",
            &content,
        ],
        "รายงาน-samut-prakan-debt-relief-2023-02.html",
    );
    let be = report_ok(
        dir.path(),
        &[
            "2566/samut-prakan/debt-relief",
            "--month",
            "2566-02",
            "--content",
            &content,
            "-o",
            "be.html",
        ],
        "be.html",
    );
    // Same month, same build time: the same bytes.
    assert_eq!(ce, be);
    assert!(ce.contains("ประจำเดือนกุมภาพันธ์ 2566"));
    // A plan's report has no office roll-up, and every detail of the plan.
    assert!(!ce.contains("ภาพรวมของหน่วยงาน"));
    for detail in [
        "ผลการใช้จ่ายงบประมาณตามรายการ",
        "ค่าใช้จ่ายในการสัมมนาและฝึกอบรม",
        "งานที่ดำเนินการ",
        "ตัวชี้วัด",
    ] {
        assert!(ce.contains(detail), "missing {detail}");
    }
    assert_eq!(
        ce.matches("<svg id=\"chart-").count(),
        2,
        "S-curve and budget chart"
    );
    assert_self_contained("plan report", &ce);
}

#[test]
fn without_a_month_the_report_is_as_of_the_latest_entry() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_arg();
    let html = report_ok(
        dir.path(),
        &["2566/chon-buri", "--content", &content],
        "รายงาน-chon-buri-2023-09.html",
    );
    assert!(html.contains("ประจำเดือนกันยายน 2566"));
}

#[test]
fn figures_are_as_of_the_report_month() {
    let dir = tempfile::tempdir().unwrap();
    let october = samut_prakan_report(dir.path(), "2022-10");
    let march = samut_prakan_report(dir.path(), "2023-03");
    // Cumulative disbursed in the headline: the S-curve's own figures, month by month.
    assert!(march.contains("<div class=\"value\">5,900.00</div>"));
    assert!(!october.contains("<div class=\"value\">5,900.00</div>"));
    assert!(october.contains("เป้าหมายสิ้นไตรมาสที่ 1"));
}

#[test]
fn usage_errors_exit_2_and_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_arg();
    for (args, expected) in [
        (
            vec!["2566/samut-prakarn", "--month", "2023-03"],
            "did you mean `2566/samut-prakan`?",
        ),
        (
            vec!["2566/samut-prakan/debt-relif"],
            "did you mean `2566/samut-prakan/debt-relief`?",
        ),
        (
            vec!["2566/samut-prakan", "--month", "2023-10"],
            "2023-10 is outside fiscal year 2566",
        ),
        (vec!["samut-prakan"], "is not a report target"),
        (vec!["2567/samut-prakan"], "fiscal year 2567 has no plans"),
    ] {
        let mut all = vec!["report"];
        all.extend(&args);
        all.extend(["--content", &content]);
        let output = planbook(dir.path(), &all);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let output = planbook(
        dir.path(),
        &["report", "2566/samut-prakan", "--month", "2023-13"],
    );
    assert_eq!(output.status.code(), Some(2));
    // An output folder that does not exist: an I/O error, exit 2, nothing left behind.
    let output = planbook(
        dir.path(),
        &[
            "report",
            "2566/samut-prakan",
            "--content",
            &content,
            "-o",
            "no/such/x.html",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/x.html"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn content_errors_exit_1_and_are_printed_as_check_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    common::copy_tree(&example_content(), &content);
    let entry = content.join("plans/2566/samut-prakan/debt-relief/progress/2023-01.yaml");
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, format!("{text}\nbogus_key: 1\n")).unwrap();
    let output = planbook(
        dir.path(),
        &["report", "2566/samut-prakan", "--content", "content"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("plans/2566/samut-prakan/debt-relief/progress/2023-01.yaml:"),
        "{stderr}"
    );
    assert!(stderr.contains("bogus_key"), "{stderr}");
    assert!(!dir.path().join("รายงาน-samut-prakan-2023-09.html").exists());
}

//! One bad input per validation rule (and per hostile file): each must exit 1, name the exact
//! `file:line:col`, and leave the previous output untouched.

use crate::common;

use common::{check_and_build, fixture, planbook, stderr};
use std::path::Path;

const PLAN: &str = "plans/2566/office-a/act/plan.yaml";
const ENTRY: &str = "plans/2566/office-a/act/progress/2022-10.yaml";

/// The base fixture's plan with one line replaced.
fn plan_with(from: &str, to: &str) -> String {
    let base = include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml");
    assert!(base.contains(from), "fixture has no `{from}`");
    base.replacen(from, to, 1)
}

struct Case {
    name: &'static str,
    /// Files to write over the base fixture (path relative to content, bytes).
    files: Vec<(&'static str, Vec<u8>)>,
    /// Expected in stderr: `path:line:col: error: …` (a prefix of the finding line).
    expect: &'static str,
}

fn case(
    name: &'static str,
    file: &'static str,
    text: impl Into<Vec<u8>>,
    expect: &'static str,
) -> Case {
    Case {
        name,
        files: vec![(file, text.into())],
        expect,
    }
}

fn entry(body: &str) -> String {
    format!("month: 2022-10\n{body}")
}

fn cases() -> Vec<Case> {
    vec![
        case("unclosed list", PLAN, plan_with("office: สำนักงานทดสอบ", "office: [สำนักงาน"), "plans/2566/office-a/act/plan.yaml:1:9: error: expected a single value here"),
        case("yaml syntax", PLAN, plan_with("activity: กิจกรรมทดสอบ", "activity: \"กิจกรรม: ทดสอบ"), "plans/2566/office-a/act/plan.yaml:"),
        case("wrong type", PLAN, plan_with("kpis:\n", "tasks: 5\nkpis:\n"), "plans/2566/office-a/act/plan.yaml:5:8: error: "),
        case("unknown key with suggestion", PLAN, plan_with("        amount: 4000", "        amout: 4000"), "plans/2566/office-a/act/plan.yaml:25:9: error: unknown key `amout`; did you mean `amount`?"),
        case("missing required field", PLAN, plan_with("    target: 2\n", ""), "plans/2566/office-a/act/plan.yaml:11:5: error: missing required field `target`"),
        case("duplicate id across kinds", PLAN, plan_with("  - id: train", "  - id: staff"), "plans/2566/office-a/act/plan.yaml:22:13: error: duplicate id `staff`: already used on line 11"),
        case("unknown budget id in progress", ENTRY, entry("disbursed:\n  staf: 100\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:3: error: unknown budget item `staf`; did you mean `staff`?"),
        case("unknown task id in progress", ENTRY, entry("tasks: { trian: 1 }\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:10: error: unknown task `trian`; did you mean `train`?"),
        case("unknown kpi id in progress", ENTRY, entry("kpis: { member: 1 }\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:9: error: unknown KPI `member`; did you mean `members`?"),
        case("total differs from items", PLAN, plan_with("total: 10000", "total: 9000"), "plans/2566/office-a/act/plan.yaml:20:12: error: total 9,000.00 differs from the sum of its items 10,000.00"),
        case("negative money", PLAN, plan_with("amount: 6000", "amount: -6000"), "plans/2566/office-a/act/plan.yaml:28:17: error: money cannot be negative here"),
        case("more than two decimals", PLAN, plan_with("amount: 6000", "amount: 6000.555"), "plans/2566/office-a/act/plan.yaml:28:17: error: `6000.555` has more than 2 decimals"),
        case("month outside the fiscal year", ENTRY, "month: 2023-10\n", "plans/2566/office-a/act/progress/2022-10.yaml:1:8: error: month 2023-10 is outside fiscal year 2566"),
        Case {
            name: "two entries for one month",
            files: vec![("plans/2566/office-a/act/progress/zz-again.yaml", b"month: 2565-10\n".to_vec())],
            expect: "plans/2566/office-a/act/progress/zz-again.yaml:1:8: error: a second entry for 2022-10",
        },
        case("line over its amount", ENTRY, entry("disbursed:\n  training: 6000.01\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:13: error: `training` has 6,000.01 baht disbursed and committed by 2022-10, above its 6,000.00"),
        case("flexible line over, group without room", ENTRY, entry("disbursed:\n  staff: 4000\n  training: 6000\ncommitted:\n  staff: 1\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:10: error: `staff` has 4,001.00 baht disbursed and committed by 2022-10, above its 4,000.00; it is ถัวจ่าย (flexible) but its group has no room left"),
        Case {
            name: "an old commitment never cleared",
            files: vec![
                (ENTRY, b"month: 2022-10\ncommitted:\n  training: 5000\n".to_vec()),
                ("plans/2566/office-a/act/progress/2022-11.yaml", b"month: 2022-11\ndisbursed:\n  training: 2000\n".to_vec()),
            ],
            expect: "plans/2566/office-a/act/progress/2022-11.yaml:3:13: error: `training` has 7,000.00 baht disbursed and committed by 2022-11, above its 6,000.00 (disbursed 2,000.00 + committed 5,000.00; the commitment was reported in 2022-10: once paid, write `training: 0` under `committed:`)",
        },
        case("plan over its allocation", ENTRY, entry("disbursed:\n  operating: 10000.50\n"), "plans/2566/office-a/act/progress/2022-10.yaml:1:8: error: the plan has 10,000.50 baht disbursed and committed by 2022-10, above its allocation of 10,000.00"),
        Case {
            name: "plan folder without plan.yaml",
            files: vec![("plans/2566/office-b/act/progress/2022-10.yaml", b"month: 2022-10\n".to_vec())],
            expect: "plans/2566/office-b/act/progress/2022-10.yaml:1:1: error: the plan folder plans/2566/office-b/act/ has no plan.yaml",
        },
        Case {
            name: "fiscal year without its file",
            files: vec![(
                "plans/2567/office-a/act/plan.yaml",
                b"office: x\nactivity: y\nbudget:\n  - { id: a, type: operating, name: a, amount: 1 }\n".to_vec(),
            )],
            expect: "plans/2567/office-a/act/plan.yaml:1:1: error: fiscal year 2567 has no fiscal-years/2567.yaml",
        },
        case("revision leaving a line negative", PLAN, plan_with("spending_plan:", "revisions:\n  - date: 2023-01-15\n    changes: { staff: -4000.01, training: 4000.01 }\nspending_plan:"), "plans/2566/office-a/act/plan.yaml:30:5: error: this revision would leave `staff` at -0.01 baht"),
        case("revision outside the fiscal year", PLAN, plan_with("spending_plan:", "revisions:\n  - date: 2023-10-01\n    changes: { staff: -1, training: 1 }\nspending_plan:"), "plans/2566/office-a/act/plan.yaml:30:11: error: date 2023-10-01 is outside fiscal year 2566"),
        case("not UTF-8", ENTRY, b"month: 2022-10\nnarrative: caf\xe9\n".to_vec(), "plans/2566/office-a/act/progress/2022-10.yaml:2:15: error: the file is not UTF-8 text"),
        case("empty file", ENTRY, "\n# nothing\n", "plans/2566/office-a/act/progress/2022-10.yaml:1:1: error: the file is empty"),
        case("not a mapping", ENTRY, "- 2022-10\n", "plans/2566/office-a/act/progress/2022-10.yaml:1:1: error: expected a mapping"),
        case("impossible date", ENTRY, entry("reported_on: 2023-02-30\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:14: error: `2023-02-30` is not a date"),
        case("id with capitals", PLAN, plan_with("  - id: train", "  - id: Train"), "plans/2566/office-a/act/plan.yaml:11:9: error: `Train` is not a valid id"),
        case("unknown budget type", PLAN, plan_with("type: operating", "type: capital"), "plans/2566/office-a/act/plan.yaml:18:11: error: unknown budget type `capital`"),
        case("type below the top level", PLAN, plan_with("        flexible: true", "        type: operating\n        flexible: true"), "plans/2566/office-a/act/plan.yaml:24:15: error: `type` is set on top-level budget nodes only"),
        case("amount and items together", PLAN, plan_with("    total: 10000", "    amount: 10000"), "plans/2566/office-a/act/plan.yaml:20:13: error: a budget node has either `amount` (a line) or `items` (a group), not both"),
        case("unknown kpi direction", PLAN, plan_with("    target: 20", "    target: 20\n    direction: more"), "plans/2566/office-a/act/plan.yaml:10:16: error: unknown direction `more`"),
        case("unknown event kind", ENTRY, entry("events:\n  - { name: x, kind: party, ended_on: 2022-10-05 }\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:22: error: unknown event kind `party`"),
        case("event outside the fiscal year", ENTRY, entry("events:\n  - { name: x, kind: training, ended_on: 2022-09-30 }\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:42: error: date 2022-09-30 is outside fiscal year 2566"),
        case("five targets", "fiscal-years/2566.yaml", "fiscal_year: 2566\ndisbursement_targets:\n  overall: [10, 20, 30, 40, 50]\n", "fiscal-years/2566.yaml:3:12: error: give 4 quarter-end or 12 month-end targets, not 5"),
        case("target above 100", "fiscal-years/2566.yaml", "fiscal_year: 2566\ndisbursement_targets:\n  overall: [10, 20, 30, 140]\n", "fiscal-years/2566.yaml:3:25: error: target `140` is not a percentage between 0 and 100"),
        case("fiscal year file disagrees with its name", "fiscal-years/2566.yaml", "fiscal_year: 2565\n", "fiscal-years/2566.yaml:1:14: error: fiscal_year 2565 differs from the file name's 2566"),
        case("bad as_of month", "site.yaml", "as_of: March\n", "site.yaml:1:8: error: `March` is not a month"),
        case("theme leaving themes/", "site.yaml", "theme: ../../etc\n", "site.yaml:1:8: error: theme `../../etc` is not a folder name"),
        case("theme as an absolute path", "site.yaml", "title: x\ntheme: /etc\n", "site.yaml:2:8: error: theme `/etc` is not a folder name"),
        case("page without front matter", "pages/about.md", "# about\n", "pages/about.md:1:1: error: a page starts with front matter"),
        case("page without title", "pages/about.md", "---\nweight: 1\n---\nbody\n", "pages/about.md:1:1: error: missing required field `title`"),
        case("duplicate keys", ENTRY, "month: 2022-10\nmonth: 2022-11\n", "plans/2566/office-a/act/progress/2022-10.yaml:2:1: error: duplicate mapping key: month"),
        case("tabs for indentation", ENTRY, "month: 2022-10\ndisbursed:\n\tstaff: 1\n", "plans/2566/office-a/act/progress/2022-10.yaml:3:2: error: tabs disallowed"),
        case("number beyond Decimal", ENTRY, entry("disbursed:\n  staff: 999999999999999999999999999999999\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:10: error: `999999999999999999999999999999999` is not an amount of baht: too large"),
        case("figure above the cap", ENTRY, entry("disbursed:\n  staff: 1000000000000000\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:10: error: `1000000000000000` is not an amount of baht: too large"),
        case("thai text where a number belongs", ENTRY, entry("disbursed:\n  staff: หนึ่งพัน\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:10: error: `หนึ่งพัน` is not an amount of baht"),
        case("exponent", ENTRY, entry("disbursed:\n  staff: 1e3\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:10: error: `1e3` is not an amount of baht"),
        case("negative task output", ENTRY, entry("tasks: { train: -1 }\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:17: error: `-1` cannot be negative"),
        case("office folder name", "plans/2566/Office_C/act/plan.yaml", include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml"), "plans/2566/Office_C/act/plan.yaml:1:1: error: the office folder name `Office_C` must use lower-case"),
        case("alias bomb", PLAN, alias_bomb(), "plans/2566/office-a/act/plan.yaml:7:87: error: alias replay limit exceeded"),
        case("deep nesting", PLAN, deep_budget(100), "plans/2566/office-a/act/plan.yaml:61:81: error: nested more than 40 levels deep"),
        case("huge file", ENTRY, format!("month: 2022-10\nnarrative: \"{}\"\n", "ก".repeat(2_000_000)), "plans/2566/office-a/act/progress/2022-10.yaml:1:1: error: the file is 6000029 bytes, more than the 4 MiB"),
        case("truncated file", PLAN, plan_with("spending_plan: { 2022-11: 4000, 2023-02: 6000 }", "spending_plan: { 2022-11: 4000, 20"), "plans/2566/office-a/act/plan.yaml:"),
        // Year names are B.E.: a C.E. folder or file would count a plan or year twice.
        case("year folder in C.E.", "plans/2023/office-a/act/plan.yaml", include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml"), "plans/2023/office-a/act/plan.yaml:1:1: error: the year folder plans/2023/ is a year C.E.: year folders are B.E.; rename it plans/2566/"),
        case("fiscal-year file named in C.E.", "fiscal-years/2023.yaml", "disbursement_targets:\n  overall: [32, 52, 72, 93]\n", "fiscal-years/2023.yaml:1:1: error: the file name `2023` is a year C.E.: fiscal-year files are named in B.E.; rename it `2566.yaml`"),
        case("year folder with a space", "plans/2566 /office-a/act/plan.yaml", include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml"), "plans/2566 /office-a/act/plan.yaml:1:1: error: plans/2566 / is not a fiscal year"),
        case("plan.yaml and plan.yml", "plans/2566/office-a/act/plan.yml", include_str!("fixtures/base/plans/2566/office-a/act/plan.yaml"), "plans/2566/office-a/act/plan.yml:1:1: error: two files hold the plan: this one and plans/2566/office-a/act/plan.yaml; keep one"),
        case("site.yaml and site.yml", "site.yml", "title: x\n", "site.yml:1:1: error: two files hold the site settings: this one and site.yaml; keep one"),
        // An id keyed twice once the spaces around it are trimmed, in every map keyed by id.
        case("disbursed keyed twice", ENTRY, entry("disbursed:\n  staff: 100\n  \"staff\u{a0}\": 50\n"), "plans/2566/office-a/act/progress/2022-10.yaml:4:3: error: duplicate key `staff\\u{a0}`: the id `staff` is already given on line 3"),
        case("committed keyed twice", ENTRY, entry("committed:\n  \" training\": 1\n  training: 2\n"), "plans/2566/office-a/act/progress/2022-10.yaml:4:3: error: duplicate key `training`: the id `training` is already given on line 3"),
        case("received keyed twice", ENTRY, entry("received:\n  operating: 1\n  \"operating\u{200b}\": 2\n"), "plans/2566/office-a/act/progress/2022-10.yaml:4:3: error: duplicate key `operating\\u{200b}`"),
        case("tasks keyed twice", ENTRY, entry("tasks: { train: 1, \"train \": 1 }\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:20: error: duplicate key `train `: the id `train` is already given on line 2"),
        case("kpis keyed twice", ENTRY, entry("kpis:\n  members: 1\n  \"members\t\": 2\n"), "plans/2566/office-a/act/progress/2022-10.yaml:4:3: error: duplicate key `members\\t`"),
        case("schedule month twice", PLAN, plan_with("schedule: { 2022-11: 1, 2023-02: 1 }", "schedule: { 2022-11: 1, 2565-11: 1 }"), "plans/2566/office-a/act/plan.yaml:15:29: error: month 2022-11 is listed twice"),
        case("revision changes keyed twice", PLAN, plan_with("spending_plan:", "revisions:\n  - date: 2023-01-15\n    changes: { staff: -1, \"staff\u{a0}\": -1, training: 2 }\nspending_plan:"), "plans/2566/office-a/act/plan.yaml:31:27: error: duplicate key `staff\\u{a0}`: the id `staff` is already given on line 31"),
        // Control characters in YAML text, wherever text is read.
        case("NUL in a name", PLAN, plan_with("office: สำนักงานทดสอบ", "office: \"สำนักงาน\\0ทดสอบ\""), "plans/2566/office-a/act/plan.yaml:1:9: error: this text holds the control character U+0000"),
        case("escape in a narrative", ENTRY, entry("narrative: \"ผล\\x07ดำเนินการ\"\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:12: error: this text holds the control character U+0007"),
        case("carriage return in a list item", "fiscal-years/2566.yaml", "conditions:\n  - \"ข้อ\\rหนึ่ง\"\n", "fiscal-years/2566.yaml:2:5: error: this text holds the control character U+000D"),
        case("C1 control in a site title", "site.yaml", "title: \"a\\x85b\"\n", "site.yaml:1:8: error: this text holds the control character U+0085"),
        case("control in a page title", "pages/about.md", "---\ntitle: \"a\\u001bb\"\n---\nbody\n", "pages/about.md:2:8: error: this text holds the control character U+001B"),
        case("control in an optional field", PLAN, plan_with("project: โครงการทดสอบ", "project: \"โครงการ\\0\""), "plans/2566/office-a/act/plan.yaml:3:10: error: this text holds the control character U+0000"),
        // Serde's words never reach the user.
        case("null where a figure belongs", ENTRY, entry("disbursed:\n  staff: ~\n"), "plans/2566/office-a/act/progress/2022-10.yaml:3:10: error: this value is empty (`~` or `null`): write a value, or leave the key out"),
        case("null in a list of texts", PLAN, plan_with("kpis:\n", "objectives: [~]\nkpis:\n"), "plans/2566/office-a/act/plan.yaml:5:14: error: this value is empty"),
        case("a figure where a list belongs", ENTRY, entry("events: 5\n"), "plans/2566/office-a/act/progress/2022-10.yaml:2:9: error: expected a list (lines starting with `- `) here"),
        case("a word where true or false belongs", PLAN, plan_with("flexible: true", "flexible: maybe"), "plans/2566/office-a/act/plan.yaml:24:19: error: expected `true` or `false` here"),
        case("theme not found", "site.yaml", "title: x\ntheme: nothere\n", "site.yaml:2:8: error: theme `nothere` not found: expected a folder themes/nothere/ beside the content folder"),
        case("binary junk", ENTRY, (0u8..=255).cycle().take(3000).collect::<Vec<u8>>(), "plans/2566/office-a/act/progress/2022-10.yaml:2:118: error: the file is not UTF-8 text"),
    ]
}

/// A budget whose groups repeat the one before ten times, nine levels deep: 10^9 nodes
/// once aliases are expanded.
fn alias_bomb() -> String {
    let mut bomb = String::from(
        "office: x\nactivity: y\nbudget:\n  - &n0 {id: a, type: operating, name: a, amount: 1}\n",
    );
    for level in 1..10 {
        let refs = vec![format!("*n{}", level - 1); 10].join(", ");
        bomb.push_str(&format!(
            "  - &n{level} {{id: g{level}, type: operating, name: g, items: [{refs}]}}\n"
        ));
    }
    bomb
}

/// A budget nested `depth` groups deep.
fn deep_budget(depth: usize) -> String {
    let mut text = String::from("office: x\nactivity: y\nbudget:\n");
    for level in 0..depth {
        let indent = "  ".repeat(level * 2);
        text.push_str(&format!(
            "{indent}  - id: n{level}\n{indent}    name: n\n{indent}    items:\n"
        ));
    }
    let indent = "  ".repeat(depth * 2);
    text.push_str(&format!(
        "{indent}  - {{ id: leaf, name: leaf, amount: 1 }}\n"
    ));
    text
}

fn write_case(content: &Path, case: &Case) {
    for (file, bytes) in &case.files {
        let path = content.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

#[test]
fn every_bad_input_names_its_place_exits_1_and_writes_nothing() {
    let mut failures = Vec::new();
    for case in cases() {
        let content = fixture("base");
        write_case(content.path(), &case);
        let (check, build, untouched) = check_and_build(content.path());
        let report = stderr(&check);
        let ok = check.status.code() == Some(1)
            && build.status.code() == Some(1)
            && report.lines().any(|l| l.starts_with(case.expect))
            && stderr(&build).lines().any(|l| l.starts_with(case.expect))
            && untouched;
        if !ok {
            failures.push(format!(
                "{}: check exit {:?}, build exit {:?}, output unchanged {}\n  expected line starting: {}\n  got:\n{}",
                case.name,
                check.status.code(),
                build.status.code(),
                untouched,
                case.expect,
                report
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_base_fixture_is_valid() {
    let content = fixture("base");
    let check = planbook(&["check", "--content", content.path().to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn all_findings_of_a_folder_are_reported_together() {
    let content = fixture("base");
    write_case(
        content.path(),
        &case("a", PLAN, plan_with("amount: 6000", "amount: -6000"), ""),
    );
    write_case(
        content.path(),
        &case("b", ENTRY, entry("tasks: { trian: 1 }\n"), ""),
    );
    let check = planbook(&["check", "--content", content.path().to_str().unwrap()]);
    let report = stderr(&check);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        report.contains("plan.yaml:28:17: error: money cannot be negative"),
        "{report}"
    );
    assert!(
        report.contains("2022-10.yaml:2:10: error: unknown task `trian`"),
        "{report}"
    );
    assert!(report.contains("error: 2 errors, 0 warnings"), "{report}");
}

#[test]
fn findings_show_the_source_line_and_a_caret() {
    let content = fixture("base");
    write_case(
        content.path(),
        &case("a", ENTRY, entry("disbursed:\n  staf: 100\n"), ""),
    );
    let check = planbook(&["check", "--content", content.path().to_str().unwrap()]);
    let report = stderr(&check);
    assert!(report.contains("3 |   staf: 100\n  |   ^^^^\n"), "{report}");
}

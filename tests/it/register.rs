//! The office's register (ทะเบียนคุม): a page and a workbook for every office and month with
//! an entry, read back with calamine and compared cell by cell with the JSON export; plans
//! that report no `received` show "–" and are left out of the roll-ups against it.

use crate::common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{copy_tree, planbook, repo_root, stderr, stdout};
use planbook::build::{BuildOptions, build};
use planbook::model::Month;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const HEADER_ROW: usize = 3;
const FIRST_ROW: usize = 5;

fn build_as_of(content: &Path, output: &Path, as_of: Option<&str>) {
    build(&BuildOptions {
        content_dir: content.to_path_buf(),
        output_dir: output.to_path_buf(),
        as_of: as_of.map(|m| Month::parse(m).unwrap()),
    })
    .unwrap();
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&common::read_built(path).unwrap()).unwrap()
}

fn dec(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().unwrap()).unwrap()
}

fn money(value: Decimal) -> String {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded.to_string()
}

fn rate(part: Decimal, whole: Decimal) -> String {
    if whole.is_zero() {
        return "0.00".into();
    }
    money(part * Decimal::ONE_HUNDRED / whole)
}

/// The seven figures of a register row (C..I), `None` for "–".
type Figures = [Option<String>; 7];

/// One row as the export says it should read.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    name: String,
    budget_type: String,
    figures: Figures,
    /// Whether the sheet must hold formulas for the money columns (a group row).
    group: bool,
}

fn thai_type(kind: &str) -> &'static str {
    match kind {
        "personnel" => "งบบุคลากร",
        "operating" => "งบดำเนินงาน",
        "investment" => "งบลงทุน",
        "subsidy" => "งบเงินอุดหนุน",
        _ => "งบรายจ่ายอื่น",
    }
}

fn with_code(name: &str, code: &Value) -> String {
    match code.as_str() {
        Some(code) => format!("{name} ({code})"),
        None => name.to_string(),
    }
}

fn node_figures(node: &Value) -> Figures {
    let field = |name: &str| node[name].as_str().map(str::to_string);
    [
        field("allocation"),
        field("received"),
        field("spent"),
        field("disbursed"),
        field("remaining_of_received"),
        field("spent_rate_of_received"),
        field("disbursement_rate_of_received"),
    ]
}

/// Sums activity rows (top-level budget nodes) as the register's total and program rows
/// do: money over all, figures against received over the nodes that report it.
#[derive(Default)]
struct Sum {
    allocation: Decimal,
    spent: Decimal,
    disbursed: Decimal,
    received: Option<(Decimal, Decimal, Decimal)>,
}

impl Sum {
    fn add(&mut self, node: &Value) {
        self.allocation += dec(&node["allocation"]);
        self.spent += dec(&node["spent"]);
        self.disbursed += dec(&node["disbursed"]);
        if !node["received"].is_null() {
            let (received, remaining, disbursed) = self.received.get_or_insert_default();
            *received += dec(&node["received"]);
            *remaining += dec(&node["remaining_of_received"]);
            *disbursed += dec(&node["disbursed"]);
        }
    }

    fn figures(&self) -> Figures {
        let of_received = self.received.map(|(received, remaining, disbursed)| {
            [
                money(received),
                money(remaining),
                rate(received - remaining, received),
                rate(disbursed, received),
            ]
        });
        let r = |i: usize| of_received.as_ref().map(|f| f[i].clone());
        [
            Some(money(self.allocation)),
            r(0),
            Some(money(self.spent)),
            Some(money(self.disbursed)),
            r(1),
            r(2),
            r(3),
        ]
    }
}

fn push_lines(rows: &mut Vec<Expected>, node: &Value) {
    for item in node["items"].as_array().unwrap() {
        let group = !item["items"].as_array().unwrap().is_empty();
        rows.push(Expected {
            name: with_code(item["name"].as_str().unwrap(), &item["code"]),
            budget_type: String::new(),
            figures: node_figures(item),
            group,
        });
        push_lines(rows, item);
    }
}

/// The register of `office` rebuilt from the export of a build as of its month.
fn expected_rows(data: &Path, office: &str) -> Vec<Expected> {
    let mut plans: Vec<PathBuf> = std::fs::read_dir(data.join("plans").join(office))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    plans.sort();
    let plans: Vec<Value> = plans.iter().map(|p| json(p)).collect();
    let mut programs: Vec<(Value, Vec<&Value>)> = Vec::new();
    for plan in &plans {
        match programs.iter_mut().find(|(p, _)| *p == plan["program"]) {
            Some((_, members)) => members.push(plan),
            None => programs.push((plan["program"].clone(), vec![plan])),
        }
    }
    let mut total = Sum::default();
    let mut rows = vec![];
    for (program, members) in &programs {
        let mut sum = Sum::default();
        let mut block = vec![];
        for plan in members {
            for root in plan["budget"].as_array().unwrap() {
                sum.add(root);
                total.add(root);
                block.push(Expected {
                    name: with_code(plan["activity"].as_str().unwrap(), &plan["activity_code"]),
                    budget_type: thai_type(root["type"].as_str().unwrap()).into(),
                    figures: node_figures(root),
                    group: true,
                });
                push_lines(&mut block, root);
            }
        }
        let code = members
            .iter()
            .find_map(|p| p["program_code"].as_str())
            .map_or(Value::Null, |c| Value::String(c.into()));
        rows.push(Expected {
            name: with_code(program.as_str().unwrap_or("ไม่ระบุแผนงาน"), &code),
            budget_type: String::new(),
            figures: sum.figures(),
            group: true,
        });
        rows.extend(block);
    }
    rows.insert(
        0,
        Expected {
            name: "รวมทั้งสิ้น".into(),
            budget_type: String::new(),
            figures: total.figures(),
            group: true,
        },
    );
    rows
}

fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Float(f) => Some(format!("{f:.2}")),
        Data::Int(i) => Some(format!("{i}.00")),
        Data::String(s) if s == "–" => None,
        other => panic!("unexpected cell {other:?}"),
    }
}

fn string(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("expected text, found {other:?}"),
    }
}

/// Reads the workbook and compares every cell with `expected`; returns the rows compared.
fn assert_workbook(path: &Path, office_name: &str, month: &str, expected: &[Expected]) {
    let mut book: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let sheets = book.sheet_names();
    assert_eq!(sheets, vec![month.to_string()]);
    let range = book.worksheet_range(month).unwrap();
    let formulas = book.worksheet_formula(month).unwrap();
    let at = |row: usize, col: usize| range.get_value((row as u32, col as u32));
    let formula = |row: usize, col: usize| {
        formulas
            .get_value((row as u32, col as u32))
            .cloned()
            .unwrap_or_default()
    };
    assert!(string(at(0, 0)).starts_with(
        "ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566 (ตุลาคม 2565 - กันยายน 2566)"
    ));
    assert_eq!(string(at(1, 0)), office_name);
    assert!(string(at(2, 0)).starts_with("ผลเบิกจ่ายรายเดือน ณ วันที่ "));
    let headers: Vec<String> = (0..9).map(|c| string(at(HEADER_ROW, c))).collect();
    assert_eq!(
        headers,
        [
            "แผนงาน/กิจกรรม/โครงการ",
            "ประเภทงบประมาณ",
            "งบประมาณตามแผน/โครงการ",
            "งบประมาณที่รับโอน (เพิ่ม/ลด) (1)",
            "เบิกจ่ายแล้ว",
            "",
            "คงเหลือทั้งสิ้น = (1) − (2)",
            "ร้อยละการเบิกจ่าย",
            ""
        ]
    );
    assert_eq!(string(at(HEADER_ROW + 1, 4)), "ทั้งหมด (2)");
    assert_eq!(string(at(HEADER_ROW + 1, 5)), "ไม่รวม PO");
    assert_eq!(string(at(HEADER_ROW + 1, 8)), "Not PO");
    for (i, row) in expected.iter().enumerate() {
        let r = FIRST_ROW + i;
        assert_eq!(string(at(r, 0)), row.name, "{path:?} row {}", r + 1);
        assert_eq!(string(at(r, 1)), row.budget_type, "{path:?} row {}", r + 1);
        for (c, figure) in row.figures.iter().enumerate() {
            let col = c + 2;
            let found = cell_text(at(r, col).unwrap_or(&Data::Empty));
            assert_eq!(&found, figure, "{path:?} {} ({})", cell(r, col), row.name);
            let f = formula(r, col);
            if figure.is_some() && (row.group || col >= 6) {
                assert!(!f.is_empty(), "{path:?} {}: no formula", cell(r, col));
            }
            if !row.group && matches!(col, 2 | 4 | 5) {
                assert!(
                    f.is_empty(),
                    "{path:?} {}: a line is a number",
                    cell(r, col)
                );
            }
        }
    }
    assert_eq!(
        at(FIRST_ROW + expected.len(), 0),
        None,
        "{path:?}: rows beyond the export's"
    );
}

fn cell(row: usize, col: usize) -> String {
    format!("{}{}", char::from(b'A' + col as u8), row + 1)
}

/// HTML text back to plain text (the page escapes names).
fn unescape(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The figures of a register page's rows, in order, commas dropped, "–" as `None`.
fn page_rows(html: &str) -> Vec<(String, Vec<Option<String>>)> {
    let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    body.split("<tr")
        .skip(1)
        .map(|row| {
            let name = &row[row.find("<th").unwrap()..];
            let name = &name[name.find('>').unwrap() + 1..name.find("</th>").unwrap()];
            // The cells after the name: the budget type, then the figures.
            let figures = row
                .split("<td")
                .skip(2)
                .map(|cell| {
                    let text = &cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()];
                    (!text.contains('–')).then(|| text.replace(',', ""))
                })
                .collect();
            (unescape(name), figures)
        })
        .collect()
}

fn office_name(output: &Path, office: &str) -> String {
    let summary = json(&output.join("data/2566/summary.json"));
    summary["offices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == office)
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Checks every office's register of `month` (the build's as-of month) against the export.
fn assert_registers_agree(output: &Path, month: &str) -> usize {
    let data = output.join("data/2566");
    let summary = json(&data.join("summary.json"));
    let mut checked = 0;
    for office in summary["offices"].as_array().unwrap() {
        let key = office["id"].as_str().unwrap();
        let workbook = data.join(format!("registers/{month}/{key}.xlsx"));
        let page = output.join(format!("2566/offices/{key}/register/{month}/index.html"));
        if !workbook.exists() {
            assert!(!page.exists(), "{page:?} without its workbook");
            continue;
        }
        let expected = expected_rows(&data, key);
        // The total row is the office's line of the export.
        let total = &expected[0].figures;
        assert_eq!(total, &{
            let mut f = node_figures(office);
            f[0] = office["allocation"].as_str().map(str::to_string);
            f
        });
        assert_workbook(&workbook, &office_name(output, key), month, &expected);
        let html = common::read_built(&page).unwrap();
        let rows = page_rows(&html);
        assert_eq!(rows.len(), expected.len(), "{page:?}");
        for ((name, figures), want) in rows.iter().zip(&expected) {
            assert_eq!(name, &want.name, "{page:?}");
            assert_eq!(figures, &want.figures.to_vec(), "{page:?}: {name}");
        }
        checked += 1;
    }
    checked
}

#[test]
fn registers_agree_cell_by_cell_with_the_export_in_every_month() {
    let dir = tempfile::tempdir().unwrap();
    let content = repo_root().join("content");
    let mut checked = 0;
    for month in ["2022-10", "2022-11", "2023-02", "2023-04", "2023-09"] {
        let output = dir.path().join(month);
        build_as_of(&content, &output, Some(month));
        checked += assert_registers_agree(&output, month);
    }
    // Four offices a month, but for months without an entry (nonthaburi in 2023-02 and
    // 2023-09, samut-prakan's months after its last entry).
    assert!(checked >= 16, "{checked} registers checked");
}

/// The months with an entry of every office of the example, from the content itself.
fn months_with_entries(content: &Path) -> Vec<(String, String)> {
    let mut found = vec![];
    for entry in walkdir::WalkDir::new(content.join("plans/2566")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "yaml")
            || entry.path().parent().unwrap().file_name().unwrap() != "progress"
        {
            continue;
        }
        let text = common::read_built(entry.path()).unwrap();
        let month = text
            .lines()
            .find_map(|l| l.strip_prefix("month:"))
            .unwrap()
            .trim()
            .to_string();
        let office = entry.path().components().rev().nth(3).unwrap();
        let office = office.as_os_str().to_string_lossy().to_string();
        found.push((office, month));
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_office_month_with_an_entry_has_a_page_and_a_workbook_linked_from_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let content = repo_root().join("content");
    build_as_of(&content, dir.path(), None);
    let expected = months_with_entries(&content);
    assert!(expected.len() > 30, "{expected:?}");
    let mut pages = vec![];
    for entry in walkdir::WalkDir::new(dir.path().join("2566/offices")) {
        let path = entry.unwrap().path().to_path_buf();
        if path.to_string_lossy().contains("/register/") && path.is_file() {
            let month = path.parent().unwrap().file_name().unwrap();
            let office = path.ancestors().nth(3).unwrap().file_name().unwrap();
            pages.push((
                office.to_string_lossy().to_string(),
                month.to_string_lossy().to_string(),
            ));
        }
    }
    pages.sort();
    assert_eq!(pages, expected);
    for (office, month) in &expected {
        assert!(
            dir.path()
                .join(format!("data/2566/registers/{month}/{office}.xlsx"))
                .is_file()
        );
        let office_page =
            common::read_built(dir.path().join(format!("2566/offices/{office}/index.html")))
                .unwrap();
        assert!(office_page.contains(&format!("register/{month}/index.html")));
        let report_page =
            common::read_built(dir.path().join(format!("2566/reports/{month}/index.html")))
                .unwrap();
        assert!(report_page.contains(&format!("offices/{office}/register/{month}/index.html")));
    }
    // A month without an entry has no register (nonthaburi sent none in 2023-02).
    assert!(!expected.contains(&("nonthaburi".into(), "2023-02".into())));
    assert!(
        !dir.path()
            .join("2566/offices/nonthaburi/register/2023-02/index.html")
            .exists()
    );
}

#[test]
fn two_builds_and_the_command_write_the_same_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let content = repo_root().join("content");
    build_as_of(&content, &dir.path().join("a"), None);
    build_as_of(&content, &dir.path().join("b"), None);
    let path = "data/2566/registers/2023-03/samut-prakan.xlsx";
    let a = std::fs::read(dir.path().join("a").join(path)).unwrap();
    let b = std::fs::read(dir.path().join("b").join(path)).unwrap();
    assert!(a == b, "two builds differ");
    let file = dir.path().join("one.xlsx");
    let output = planbook(&[
        "register",
        "2566/samut-prakan",
        "--month",
        "2566-03",
        "-o",
        file.to_str().unwrap(),
        "--content",
        content.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("2023-03"), "{}", stdout(&output));
    // The command computes as of its month, as the site's register of that month is.
    let site_month = std::fs::read(dir.path().join("a").join(path)).unwrap();
    assert!(std::fs::read(&file).unwrap() == site_month);
    let bad = planbook(&[
        "register",
        "2566/nowhere",
        "--content",
        content.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("no office `nowhere`"),
        "{}",
        stderr(&bad)
    );
}

/// The example with a second plan in Samut Prakan that reports no `received`.
fn mixed_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("content"), &content);
    let second = content.join("plans/2566/samut-prakan/new-theory");
    copy_tree(&content.join("plans/2566/nonthaburi/new-theory"), &second);
    let plan = common::read_built(second.join("plan.yaml")).unwrap();
    let plan = plan.replace(
        "office: สำนักงานสหกรณ์จังหวัดนนทบุรี",
        "office: สำนักงานสหกรณ์จังหวัดสมุทรปราการ",
    );
    std::fs::write(second.join("plan.yaml"), plan).unwrap();
    for entry in std::fs::read_dir(second.join("progress")).unwrap() {
        let path = entry.unwrap().path();
        let text = common::read_built(&path).unwrap();
        let mut kept = vec![];
        let mut skipping = false;
        for line in text.lines() {
            if line.starts_with("received:") {
                skipping = true;
                continue;
            }
            if skipping && line.starts_with(' ') {
                continue;
            }
            skipping = false;
            kept.push(line);
        }
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
    (dir, content)
}

#[test]
fn a_plan_without_received_shows_a_dash_and_is_left_out_of_the_figures_against_it() {
    let (dir, content) = mixed_site();
    let output = dir.path().join("output");
    build_as_of(&content, &output, Some("2023-04"));
    let plan = json(&output.join("data/2566/plans/samut-prakan/new-theory.json"));
    for field in [
        "received",
        "remaining_of_received",
        "spent_rate_of_received",
        "disbursement_rate_of_received",
    ] {
        assert!(plan[field].is_null(), "{field}: {}", plan[field]);
        assert!(plan["months"][3][field].is_null(), "{field} in months");
        assert!(plan["budget"][0][field].is_null(), "{field} in budget");
    }
    let reporting = json(&output.join("data/2566/plans/samut-prakan/debt-relief.json"));
    let summary = json(&output.join("data/2566/summary.json"));
    let office = summary["offices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "samut-prakan")
        .unwrap();
    // The office's figures against received are the reporting plan's alone.
    for field in [
        "received",
        "remaining_of_received",
        "spent_rate_of_received",
        "disbursement_rate_of_received",
    ] {
        assert_eq!(office[field], reporting[field], "{field}");
    }
    assert_ne!(office["spent"], reporting["spent"]);
    let csv =
        common::read_built(output.join("data/2566/plans/samut-prakan/new-theory.csv")).unwrap();
    let total = csv.lines().nth(1).unwrap();
    // The figures against received are empty; the as-of month is last.
    let (figures, _as_of) = total.rsplit_once(',').unwrap();
    assert!(figures.ends_with(",,,,,"), "{total}");
    let page =
        common::read_built(output.join("2566/plans/samut-prakan/new-theory/index.html")).unwrap();
    assert!(page.contains("แผนนี้ยังไม่รายงานเงินที่ได้รับโอน"));
    let office_page =
        common::read_built(output.join("2566/offices/samut-prakan/index.html")).unwrap();
    assert!(office_page.contains("คิดเฉพาะ 1 จาก 2 แผนที่รายงานเงินที่ได้รับโอน"));
    // The register's total and program rows take only the reporting plan, in their
    // formulas as in their values.
    assert_registers_agree(&output, "2023-04");
    let mut book: Xlsx<_> =
        open_workbook(output.join("data/2566/registers/2023-04/samut-prakan.xlsx")).unwrap();
    let formulas = book.worksheet_formula("2023-04").unwrap();
    let total_rate = formulas.get_value((FIRST_ROW as u32, 8)).unwrap();
    assert!(total_rate.contains("SUMIFS"), "{total_rate}");
}

#[test]
fn the_maha_sarakham_example_reads_against_received() {
    // At 29 November 2565 the personnel program read: allocation 7,937,400.00, received
    // 3,968,700.00, disbursed 1,364,540.00, remaining 2,604,160.00, rate 34.38.
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("fiscal-years")).unwrap();
    std::fs::write(
        content.join("fiscal-years/2566.yaml"),
        "fiscal_year: 2566\n",
    )
    .unwrap();
    let plan = content.join("plans/2566/maha-sarakham/personnel");
    std::fs::create_dir_all(plan.join("progress")).unwrap();
    std::fs::write(
        plan.join("plan.yaml"),
        "office: สำนักงานสหกรณ์จังหวัดมหาสารคาม\nprogram: แผนงานบุคลากรภาครัฐ\nprogram_code: \"07012\"\nactivity: รายการค่าใช้จ่ายบุคลากรภาครัฐ\nactivity_code: Q1049\nbudget:\n  - id: personnel\n    type: personnel\n    name: งบบุคลากร\n    items:\n      - id: salaries\n        name: เงินเดือนและค่าจ้างประจำ\n        code: 07012140002001000000\n        amount: 7937400\n      - id: formula\n        name: \"=HYPERLINK(\\\"http://x\\\",\\\"x\\\")\"\n        amount: 0\n",
    )
    .unwrap();
    std::fs::write(
        plan.join("progress/2022-11.yaml"),
        "month: 2022-11\nreceived: { salaries: \"3,968,700.00\" }\ndisbursed: { salaries: 1364540 }\n",
    )
    .unwrap();
    let output = dir.path().join("output");
    build_as_of(&content, &output, None);
    let data = json(&output.join("data/2566/plans/maha-sarakham/personnel.json"));
    assert_eq!(data["received"], "3968700.00");
    assert_eq!(data["remaining_of_received"], "2604160.00");
    assert_eq!(data["disbursement_rate_of_received"], "34.38");
    assert_eq!(data["disbursement_rate"], "17.19");
    assert_eq!(data["activity_code"], "Q1049");
    assert_eq!(
        data["budget"][0]["items"][0]["code"],
        "07012140002001000000"
    );
    assert_registers_agree(&output, "2022-11");
    // A name that starts with `=` is text in the workbook, never a formula.
    let mut book: Xlsx<_> =
        open_workbook(output.join("data/2566/registers/2022-11/maha-sarakham.xlsx")).unwrap();
    let range = book.worksheet_range("2022-11").unwrap();
    let formulas = book.worksheet_formula("2022-11").unwrap();
    let row = (0..range.height() as u32)
        .find(|&r| {
            matches!(range.get_value((r, 0)), Some(Data::String(s)) if s.starts_with("=HYPERLINK"))
        })
        .expect("the = name as text");
    assert!(formulas.get_value((row, 0)).is_none_or(|f| f.is_empty()));
}

#[test]
fn a_code_that_is_not_a_code_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("content"), &content);
    let plan = content.join("plans/2566/samut-prakan/debt-relief/plan.yaml");
    let text = common::read_built(&plan).unwrap();
    let text = text.replacen("code: \"07012140002001200001\"", "code: \"=1+1 รหัส\"", 1);
    std::fs::write(&plan, &text).unwrap();
    let line = text.lines().position(|l| l.contains("=1+1")).unwrap() + 1;
    let out = planbook(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!(
        "plans/2566/samut-prakan/debt-relief/plan.yaml:{line}:19: error: `=1+1 รหัส` is not a budget code"
    );
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
}

//! Excel in: `planbook new progress PLAN --month M --xlsx` writes a workbook to fill in,
//! `planbook import FILE.xlsx` reads it back into the entry `new progress` would write with
//! those numbers, checked as `planbook check` checks, with bad cells located.

use crate::common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{copy_tree, planbook, repo_root, stderr, stdout};
use std::path::{Path, PathBuf};

const PLAN: &str = "2566/nonthaburi/new-theory";

fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&repo_root().join("content"), &content);
    (dir, content)
}

fn run(args: &[&str], content: &Path) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--content", content.to_str().unwrap()]);
    planbook(&all)
}

fn new_workbook(content: &Path, month: &str, file: &Path) {
    let out = run(
        &[
            "new",
            "progress",
            PLAN,
            "--month",
            month,
            "--xlsx",
            "-o",
            file.to_str().unwrap(),
        ],
        content,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// An officer's edits: copies every cell of `from` into `to`, with `edits` (A1 reference,
/// value) in place of what was there. Text stays text, numbers numbers.
fn fill(from: &Path, to: &Path, edits: &[(&str, Data)]) {
    let mut book: Xlsx<_> = open_workbook(from).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    let sheet = out.add_worksheet();
    sheet.set_name(&name).unwrap();
    let position = |reference: &str| {
        let col = u16::from(reference.as_bytes()[0] - b'A');
        let row: u32 = reference[1..].parse::<u32>().unwrap() - 1;
        (row, col)
    };
    let mut cells: Vec<((u32, u16), Data)> = range
        .cells()
        .map(|(r, c, d)| ((r as u32, c as u16), d.clone()))
        .collect();
    for (reference, value) in edits {
        let at = position(reference);
        cells.retain(|(p, _)| *p != at);
        cells.push((at, value.clone()));
    }
    for ((row, col), value) in cells {
        match value {
            Data::String(s) => {
                sheet.write_string(row, col, s).unwrap();
            }
            Data::Float(f) => {
                sheet.write_number(row, col, f).unwrap();
            }
            Data::Int(i) => {
                sheet.write_number(row, col, i as f64).unwrap();
            }
            _ => {}
        }
    }
    out.save(to).unwrap();
}

/// The A1 reference of the row holding `id` in column `col` of a progress workbook.
fn cell_of(file: &Path, id: &str, col: char) -> String {
    let mut book: Xlsx<_> = open_workbook(file).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let row = (0..range.height())
        .find(|&r| range.get((r, 1)) == Some(&Data::String(id.into())))
        .unwrap_or_else(|| panic!("no row for {id}"));
    format!("{col}{}", row + 1)
}

fn entry(content: &Path, month: &str) -> PathBuf {
    content.join(format!("plans/{PLAN}/progress/{month}.yaml"))
}

#[test]
fn an_unfilled_workbook_imports_as_new_progress_writes_the_entry() {
    let (dir, content) = site();
    let file = dir.path().join("blank.xlsx");
    new_workbook(&content, "2023-08", &file);
    let imported = run(&["import", file.to_str().unwrap()], &content);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let from_import = std::fs::read_to_string(entry(&content, "2023-08")).unwrap();
    std::fs::remove_file(entry(&content, "2023-08")).unwrap();
    let scaffolded = run(&["new", "progress", PLAN, "--month", "2023-08"], &content);
    assert!(scaffolded.status.success(), "{}", stderr(&scaffolded));
    let from_new = std::fs::read_to_string(entry(&content, "2023-08")).unwrap();
    assert_eq!(from_import, from_new);
}

#[test]
fn a_filled_workbook_round_trips_into_an_entry_that_passes_check() {
    let (dir, content) = site();
    let blank = dir.path().join("blank.xlsx");
    new_workbook(&content, "2566-08", &blank);
    let file = dir.path().join("2566-08.xlsx");
    let staff = cell_of(&blank, "staff", 'D');
    let training = cell_of(&blank, "training", 'D');
    let received = cell_of(&blank, "staff", 'F');
    let output = cell_of(&blank, "follow-up", 'G');
    let kpi = cell_of(&blank, "income", 'H');
    let narrative = cell_of(&blank, "narrative", 'C');
    fill(
        &blank,
        &file,
        &[
            (&staff, Data::String("1,200 บาท".into())),
            (&training, Data::Float(250.5)),
            (&received, Data::String("๓๐๐".into())),
            (&output, Data::Float(2.0)),
            (&kpi, Data::String("12.5".into())),
            (
                &narrative,
                Data::String("ติดตามผล **2 ครั้ง**\n\nเรียบร้อย".into()),
            ),
        ],
    );
    let imported = run(&["import", file.to_str().unwrap()], &content);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let text = std::fs::read_to_string(entry(&content, "2023-08")).unwrap();
    for line in [
        "  staff: 1200    #",
        "  training: 250.5    #",
        "received:",
        "  staff: 300    #",
        "  follow-up: 2    #",
        "  income: 12.5    #",
        "narrative: \"ติดตามผล **2 ครั้ง**\\n\\nเรียบร้อย\"",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    let check = run(&["check"], &content);
    assert!(check.status.success(), "{}", stderr(&check));
    let dir2 = tempfile::tempdir().unwrap();
    let built = planbook(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        dir2.path().to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            dir2.path()
                .join("data/2566/plans/nonthaburi/new-theory.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let august = json["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2023-08")
        .unwrap();
    assert_eq!(august["disbursed"], "1450.50");

    // Again: refused without --force, and with it the changed lines are printed.
    let again = run(&["import", file.to_str().unwrap()], &content);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let changed = dir.path().join("changed.xlsx");
    fill(&file, &changed, &[(&training, Data::Float(300.0))]);
    let forced = run(&["import", changed.to_str().unwrap(), "--force"], &content);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let said = stdout(&forced);
    assert!(said.contains("- training: 250.5 (disbursed)"), "{said}");
    assert!(said.contains("+ training: 300 (disbursed)"), "{said}");
}

#[test]
fn bad_cells_are_named_by_file_cell_and_thai_name_and_nothing_is_written() {
    let (dir, content) = site();
    let blank = dir.path().join("blank.xlsx");
    new_workbook(&content, "2023-08", &blank);
    let file = dir.path().join("2566-08.xlsx");
    let staff = cell_of(&blank, "staff", 'D');
    let training = cell_of(&blank, "training", 'E');
    let inputs = cell_of(&blank, "production-inputs", 'D');
    fill(
        &blank,
        &file,
        &[
            (&staff, Data::String("หนึ่งพัน".into())),
            (&training, Data::String("12.345".into())),
            (&inputs, Data::Float(999_999.0)),
        ],
    );
    let out = run(&["import", file.to_str().unwrap()], &content);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("2566-08.xlsx!{staff} (ค่าใช้สอยและวัสดุสำหรับเจ้าหน้าที่"))
            && err.contains("is not a number"),
        "{err}"
    );
    assert!(!entry(&content, "2023-08").exists());
    // Cells that read as numbers but break the rules are told at their cells too, by the
    // same checks as `planbook check`.
    let fixed = dir.path().join("fixed.xlsx");
    fill(&file, &fixed, &[(&staff, Data::Float(100.0))]);
    let out = run(&["import", fixed.to_str().unwrap()], &content);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("fixed.xlsx!{training} (")), "{err}");
    assert!(err.contains("2 decimals"), "{err}");
    assert!(!entry(&content, "2023-08").exists());
}

//! The progress workbook's layout, shared by its writer and its reader: three title lines
//! (the plan's id and the month in fixed cells), a header row, then one row per budget line,
//! task and KPI (kind, id, Thai name, the cells to fill), then the narrative and problems.

use crate::model::{Month, Plan};

/// 0-based row of the plan id (column B) and the month (column D).
pub const META_ROW: u32 = 2;
/// 0-based row of the column headers.
pub const HEADER_ROW: u32 = 4;
/// 0-based row of the first budget line, task or KPI.
pub const FIRST_ROW: u32 = HEADER_ROW + 1;

pub const KIND_COL: u16 = 0;
pub const ID_COL: u16 = 1;
pub const NAME_COL: u16 = 2;
pub const DISBURSED_COL: u16 = 3;
pub const COMMITTED_COL: u16 = 4;
pub const RECEIVED_COL: u16 = 5;
pub const OUTPUT_COL: u16 = 6;
pub const KPI_COL: u16 = 7;
pub const NOTE_COL: u16 = 8;

pub const HEADERS: [&str; 9] = [
    "ประเภท",
    "รหัส (ห้ามแก้)",
    "รายการ",
    "เบิกจ่ายในเดือน (บาท)",
    "ก่อหนี้ผูกพันคงค้าง ณ สิ้นเดือน (บาท)",
    "ได้รับโอนในเดือน (บาท)",
    "ผลงานในเดือน",
    "ค่าตัวชี้วัด ณ สิ้นเดือน",
    "หน่วย / เป้าหมาย",
];

/// What a row of the sheet stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A budget line, by node index.
    Line(usize),
    /// A task, by index.
    Task(usize),
    /// A KPI, by index into `Plan::all_kpis`.
    Kpi(usize),
    Narrative,
    Problems,
}

impl RowKind {
    /// The Thai label of column A.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Line(_) => "งบประมาณ",
            RowKind::Task(_) => "งาน",
            RowKind::Kpi(_) => "ตัวชี้วัด",
            RowKind::Narrative => "ผลการดำเนินงาน",
            RowKind::Problems => "ปัญหาอุปสรรค",
        }
    }

    /// The columns an officer fills on this row.
    pub fn columns(self) -> &'static [u16] {
        match self {
            RowKind::Line(_) => &[DISBURSED_COL, COMMITTED_COL, RECEIVED_COL],
            RowKind::Task(_) => &[OUTPUT_COL],
            RowKind::Kpi(_) => &[KPI_COL],
            RowKind::Narrative | RowKind::Problems => &[NAME_COL],
        }
    }
}

/// One row of the sheet: what it stands for, its id and Thai name.
#[derive(Debug, Clone)]
pub struct SheetRow<'a> {
    pub kind: RowKind,
    pub id: &'a str,
    pub name: &'a str,
}

/// The rows of `plan`'s sheet, in order: budget lines, tasks, KPIs, narrative, problems.
pub fn rows(plan: &Plan) -> Vec<SheetRow<'_>> {
    let lines = plan
        .budget
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.is_leaf())
        .map(|(i, n)| SheetRow {
            kind: RowKind::Line(i),
            id: &n.id,
            name: &n.name,
        });
    let tasks = plan.tasks.iter().enumerate().map(|(i, t)| SheetRow {
        kind: RowKind::Task(i),
        id: &t.id,
        name: &t.name,
    });
    let kpis = plan.all_kpis().enumerate().map(|(i, k)| SheetRow {
        kind: RowKind::Kpi(i),
        id: &k.id,
        name: &k.name,
    });
    let texts = [
        SheetRow {
            kind: RowKind::Narrative,
            id: "narrative",
            name: "ผลการดำเนินงาน",
        },
        SheetRow {
            kind: RowKind::Problems,
            id: "problems",
            name: "ปัญหาอุปสรรค / แนวทางแก้ไข",
        },
    ];
    lines.chain(tasks).chain(kpis).chain(texts).collect()
}

/// `D7`: A1-style reference of a cell (0-based row and column).
pub fn cell(row: u32, col: u16) -> String {
    crate::register::xlsx::cell(row, col)
}

/// The default file name: `<office>-<activity>-<B.E. month>.xlsx`.
pub fn file_name(plan: &Plan, month: Month) -> String {
    format!(
        "{}-{}-{}-{:02}.xlsx",
        plan.id.office,
        plan.id.activity,
        month.be_year(),
        month.month
    )
}

//! CSV files for Excel: UTF-8 with a byte-order mark so Excel reads Thai, Thai headers and
//! Thai labels for codes (`on_track` → `ตามเป้าหมาย`; the JSON keeps the English keys), text
//! cells neutralised against formula injection, and an as-of column last on every row.
//!
//! Each file is one table of columns, (Thai header, cell of a row), so adding a column is
//! one line: the office table, each plan's budget table, all plans of a year, and the
//! year's monthly series (the whole year, then each office).

use super::money;
use crate::compute::series::MonthFigures;
use crate::compute::targets::Status;
use crate::compute::{Amounts, OfReceived, PlanFigures, RollUp, YearFigures};
use crate::model::{Month, Plan};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header of the as-of column, last in every file: the month the figures are as of.
pub const AS_OF_HEADER: &str = "ข้อมูล ณ สิ้นเดือน (ค.ศ.)";

/// A text cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR, and the full-width
/// `＝＋－＠` that Excel takes for them in East Asian locales) gets a `'` first.
pub fn text_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => {
            format!("'{text}")
        }
        _ => text.to_string(),
    }
}

/// A status as the site's badges say it.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "ตามเป้าหมาย",
        Status::AtRisk => "เสี่ยง",
        Status::Behind => "ต่ำกว่าเป้าหมาย",
        Status::NoTarget => "ไม่มีเป้าหมาย",
        Status::NotDue => "ยังไม่ถึงกำหนดส่ง",
    }
}

/// One column: its header and the cell a row gives.
type Column<'c, R> = (&'static str, Box<dyn Fn(&R) -> String + Sync + 'c>);

fn column<'c, R>(header: &'static str, cell: impl Fn(&R) -> String + Sync + 'c) -> Column<'c, R> {
    (header, Box::new(cell))
}

/// `rows` under `columns`' headers, the as-of column last.
fn table<R>(
    columns: &[Column<R>],
    as_of: Month,
    rows: impl IntoIterator<Item = R>,
) -> csv::Result<Vec<u8>> {
    let as_of = as_of.to_string();
    let mut bytes = header(columns)?;
    for row in rows {
        bytes.extend(line(columns, &as_of, &row)?);
    }
    Ok(bytes)
}

/// The byte-order mark and the header line of `columns`, the as-of column's last.
fn header<R>(columns: &[Column<R>]) -> csv::Result<Vec<u8>> {
    let headers = columns.iter().map(|(header, _)| *header);
    let mut bytes = BOM.to_vec();
    bytes.extend(record(headers.chain([AS_OF_HEADER]))?);
    Ok(bytes)
}

/// One row's line under `columns`, `as_of` last.
fn line<R>(columns: &[Column<R>], as_of: &str, row: &R) -> csv::Result<Vec<u8>> {
    let cells = columns.iter().map(|(_, cell)| cell(row));
    record(cells.chain([as_of.to_string()]))
}

/// One CSV record, quoted as the `csv` crate quotes, with its line end. Every error is
/// returned, `write_record`'s too: a CSV made in memory is not assumed to succeed.
fn record<T: AsRef<[u8]>>(cells: impl IntoIterator<Item = T>) -> csv::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .buffer_capacity(1024)
        .from_writer(Vec::new());
    w.write_record(cells)?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn optional(value: Option<rust_decimal::Decimal>) -> String {
    value.map(money).unwrap_or_default()
}

/// The columns of amounts, from the allocation to the disbursement rate.
fn amount_columns<'c, R>(amounts: impl Fn(&R) -> Amounts + Copy + Sync + 'c) -> [Column<'c, R>; 6] {
    [
        column(
            "งบประมาณหลังโอนเปลี่ยนแปลง",
            move |r| money(amounts(r).allocation),
        ),
        column("เบิกจ่ายสะสม", move |r| {
            money(amounts(r).disbursed)
        }),
        column("ก่อหนี้ผูกพัน", move |r| {
            money(amounts(r).committed)
        }),
        column("ใช้จ่ายรวม", move |r| {
            money(amounts(r).spent())
        }),
        column("คงเหลือ", move |r| {
            money(amounts(r).remaining())
        }),
        column(
            "ร้อยละการเบิกจ่าย",
            move |r| money(amounts(r).disbursement_rate()),
        ),
    ]
}

/// The columns against the allotment received: empty where nothing in scope reports it.
fn of_received_columns<'c, R>(
    of_received: impl Fn(&R) -> Option<OfReceived> + Copy + Sync + 'c,
) -> [Column<'c, R>; 4] {
    let cell = move |value: fn(OfReceived) -> rust_decimal::Decimal| {
        move |r: &R| optional(of_received(r).map(value))
    };
    [
        column("ได้รับจัดสรร (งวดเงิน)", cell(|o| o.received)),
        column("คงเหลือจากที่ได้รับ", cell(|o| o.remaining_of_received())),
        column("ร้อยละใช้จ่ายของที่ได้รับ", cell(|o| o.spent_rate_of_received())),
        column(
            "ร้อยละเบิกจ่ายของที่ได้รับ",
            cell(|o| o.disbursement_rate_of_received()),
        ),
    ]
}

/// `data/<fy>/offices.csv`: one row per office, best rate first.
pub fn offices_csv(year: &YearFigures) -> csv::Result<Vec<u8>> {
    type Row<'a> = &'a (usize, RollUp);
    let mut columns: Vec<Column<Row>> = vec![
        column("อันดับ", |(rank, _): &Row| rank.to_string()),
        column("รหัสหน่วยงาน", |(_, o): &Row| {
            text_cell(&o.key)
        }),
        column("หน่วยงาน", |(_, o): &Row| {
            text_cell(&o.name)
        }),
        column("จำนวนแผน", |(_, o): &Row| {
            o.plans.len().to_string()
        }),
    ];
    columns.extend(amount_columns(|(_, o): &Row| o.totals));
    columns.extend([
        column(
            "เป้าหมายการเบิกจ่าย (ร้อยละ)",
            |(_, o): &Row| optional(o.target.quarter_target),
        ),
        column(
            "ส่วนต่างจากเป้าหมาย (จุด)",
            |(_, o): &Row| optional(o.target.target_gap),
        ),
        column("สถานะ", |(_, o): &Row| {
            status_label(o.target.status).to_string()
        }),
    ]);
    columns.extend(of_received_columns(|(_, o): &Row| o.of_received));
    table(&columns, year.as_of, &year.offices)
}

/// A row of a plan's budget table: the plan's total (no id), then each node.
struct BudgetLine<'a> {
    id: &'a str,
    name: &'a str,
    level: usize,
    kind: &'static str,
    flexible: bool,
    amounts: Amounts,
    of_received: Option<OfReceived>,
    code: Option<&'a str>,
}

/// `data/<fy>/plans/<office>/<plan>.csv`: the budget table, one row per node.
pub fn budget_csv(plan: &Plan, figures: &PlanFigures) -> csv::Result<Vec<u8>> {
    type Line<'a> = BudgetLine<'a>;
    let mut columns: Vec<Column<Line>> = vec![
        column("รหัสรายการ", |l: &Line| text_cell(l.id)),
        column("รายการ", |l: &Line| text_cell(l.name)),
        column("ระดับ", |l: &Line| l.level.to_string()),
        column("ประเภทงบ", |l: &Line| l.kind.to_string()),
        column("ปรับแผนได้", |l: &Line| {
            if l.flexible { "ใช่" } else { "" }.to_string()
        }),
        column("งบประมาณเดิม", |l: &Line| {
            money(l.amounts.original_allocation)
        }),
    ];
    columns.extend(amount_columns(|l: &Line| l.amounts));
    columns.extend(of_received_columns(|l: &Line| l.of_received));
    columns.push(column(
        "รหัสงบประมาณ",
        |l: &Line| l.code.map(text_cell).unwrap_or_default(),
    ));
    let total = BudgetLine {
        id: "",
        name: "รวมทั้งสิ้น",
        level: 0,
        kind: "",
        flexible: false,
        amounts: figures.totals,
        of_received: figures.of_received,
        code: None,
    };
    let nodes = plan
        .budget
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| BudgetLine {
            id: &node.id,
            name: &node.name,
            level: node.depth + 1,
            kind: node.budget_type.thai_name(),
            flexible: node.flexible,
            amounts: figures.nodes[i],
            of_received: figures.node_of_received(i),
            code: node.code.as_deref(),
        });
    table(&columns, figures.as_of, std::iter::once(total).chain(nodes))
}

/// A plan and its figures: a row of `plans.csv` and of its office's CSV.
type PlanRow<'a> = (&'a Plan, &'a PlanFigures);

/// The columns of `plans.csv` and the offices' CSVs: one row per plan.
fn plan_columns<'a>() -> Vec<Column<'static, PlanRow<'a>>> {
    let text = |value: Option<&str>| value.map(text_cell).unwrap_or_default();
    let mut columns: Vec<Column<PlanRow>> = vec![
        column("รหัสหน่วยงาน", |(p, _): &PlanRow| text_cell(&p.id.office)),
        column("หน่วยงาน", |(p, _): &PlanRow| {
            text_cell(&p.office_name)
        }),
        column("รหัสแผน", |(p, _): &PlanRow| {
            text_cell(&p.id.activity)
        }),
        column("กิจกรรม", |(p, _): &PlanRow| {
            text_cell(&p.activity)
        }),
        column(
            "รหัสกิจกรรม",
            move |(p, _): &PlanRow| text(p.activity_code.as_deref()),
        ),
        column("โครงการ", move |(p, _): &PlanRow| {
            text(p.project.as_deref())
        }),
        column("แผนงาน", move |(p, _): &PlanRow| {
            text(p.program.as_deref())
        }),
    ];
    columns.extend(amount_columns(|(_, f): &PlanRow| f.totals));
    columns.extend([
        column("แผนการใช้จ่ายสะสม", |(_, f): &PlanRow| optional(f.planned)),
        column(
            "เป้าหมายการเบิกจ่าย (ร้อยละ)",
            |(_, f): &PlanRow| optional(f.target.quarter_target),
        ),
        column(
            "ส่วนต่างจากเป้าหมาย (จุด)",
            |(_, f): &PlanRow| optional(f.target.target_gap),
        ),
        column("สถานะ", |(_, f): &PlanRow| {
            status_label(f.target.status).to_string()
        }),
        column(
            "จำนวนการแจ้งเตือน",
            |(_, f): &PlanRow| f.alerts.len().to_string(),
        ),
    ]);
    columns.extend(of_received_columns(|(_, f): &PlanRow| f.of_received));
    columns
}

/// Makes plans' lines of `plans.csv` (see [`plans_csv`]), the columns made once.
pub struct PlanLines<'a> {
    columns: Vec<Column<'static, PlanRow<'a>>>,
    as_of: String,
}

impl<'a> PlanLines<'a> {
    /// Lines of a year's file, whose figures are as of `as_of`.
    pub fn new(as_of: Month) -> PlanLines<'a> {
        PlanLines {
            columns: plan_columns(),
            as_of: as_of.to_string(),
        }
    }

    /// The line of `plan`, as-of cell last.
    pub fn line(&self, plan: &'a Plan, figures: &'a PlanFigures) -> csv::Result<Vec<u8>> {
        line(&self.columns, &self.as_of, &(plan, figures))
    }
}

/// `data/<fy>/plans.csv` (every plan of the year) and `data/<fy>/offices/<office>.csv` (an
/// office's): the header, then `lines` as [`PlanLines`] made them.
pub fn plans_csv<'l>(lines: impl IntoIterator<Item = &'l [u8]>) -> csv::Result<Vec<u8>> {
    let mut bytes = header(&plan_columns())?;
    for line in lines {
        bytes.extend_from_slice(line);
    }
    Ok(bytes)
}

/// `data/<fy>/months.csv`: the year's monthly series, for the whole year (รวมทุกหน่วยงาน)
/// and then each office, from October to the as-of month.
pub fn months_csv(year: &YearFigures) -> csv::Result<Vec<u8>> {
    type Row<'a> = (&'a str, &'a str, &'a MonthFigures);
    let columns: [Column<Row>; 9] = [
        column("รหัสหน่วยงาน", |(key, _, _): &Row| text_cell(key)),
        column("หน่วยงาน", |(_, name, _): &Row| {
            text_cell(name)
        }),
        column("เดือน (ค.ศ.)", |(_, _, m): &Row| {
            m.month.to_string()
        }),
        column("มีรายงาน", |(_, _, m): &Row| {
            if m.reported {
                "ใช่"
            } else {
                "ไม่มี"
            }
            .to_string()
        }),
        column("เบิกจ่ายในเดือน", |(_, _, m): &Row| money(m.disbursed)),
        column("เบิกจ่ายสะสม", |(_, _, m): &Row| {
            money(m.disbursed_cumulative)
        }),
        column("ร้อยละการเบิกจ่ายสะสม", |(_, _, m): &Row| money(m.rate())),
        column(
            "แผนการใช้จ่ายสะสม",
            |(_, _, m): &Row| optional(m.planned_cumulative),
        ),
        column(
            "เป้าหมายการเบิกจ่าย (ร้อยละ)",
            |(_, _, m): &Row| optional(m.target_rate),
        ),
    ];
    let whole = std::iter::once(("", "รวมทุกหน่วยงาน", &year.total.months));
    let offices = year
        .offices
        .iter()
        .map(|(_, o)| (o.key.as_str(), o.name.as_str(), &o.months));
    let rows = whole.chain(offices).flat_map(|(key, name, months)| {
        months
            .iter()
            .filter(|m| m.month <= year.as_of)
            .map(move |m| (key, name, m))
    });
    table(&columns, year.as_of, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("＝1+1"), "'＝1+1");
        assert_eq!(text_cell("－2+3"), "'－2+3");
        assert_eq!(text_cell("สำนักงาน"), "สำนักงาน");
    }

    #[test]
    fn every_status_has_a_thai_label() {
        for status in [
            Status::OnTrack,
            Status::AtRisk,
            Status::Behind,
            Status::NoTarget,
            Status::NotDue,
        ] {
            let label = status_label(status);
            assert!(
                label
                    .chars()
                    .all(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
                "{label}"
            );
        }
    }
}

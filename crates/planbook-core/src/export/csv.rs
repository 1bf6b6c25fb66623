//! CSV twins of the office table and each plan's budget table: UTF-8 with a byte-order mark
//! so Excel reads Thai, and text cells neutralised against formula injection.

use super::money;
use crate::compute::{OfReceived, PlanFigures, YearFigures};
use crate::model::Plan;

const BOM: &[u8] = b"\xEF\xBB\xBF";

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

/// The columns against the allotment received, after the existing ones.
const OF_RECEIVED_HEADERS: [&str; 4] = [
    "received",
    "remaining_of_received",
    "spent_rate_of_received",
    "disbursement_rate_of_received",
];

/// The cells of [`OF_RECEIVED_HEADERS`]: empty where nothing in scope reports `received`.
fn of_received_cells(of_received: Option<OfReceived>) -> [String; 4] {
    match of_received {
        Some(r) => [
            money(r.received),
            money(r.remaining_of_received()),
            money(r.spent_rate_of_received()),
            money(r.disbursement_rate_of_received()),
        ],
        None => Default::default(),
    }
}

fn finish(writer: csv::Writer<Vec<u8>>) -> csv::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer(BOM.to_vec())
}

/// `data/<fy>/offices.csv`
pub fn offices_csv(year: &YearFigures) -> csv::Result<Vec<u8>> {
    let mut w = writer();
    let headers = [
        "rank",
        "office",
        "office_name",
        "plans",
        "allocation",
        "disbursed",
        "committed",
        "spent",
        "remaining",
        "disbursement_rate",
        "quarter_target",
        "target_gap",
        "status",
    ];
    w.write_record(headers.iter().chain(&OF_RECEIVED_HEADERS))?;
    for (rank, office) in &year.offices {
        let t = &office.totals;
        let cells = [
            rank.to_string(),
            text_cell(&office.key),
            text_cell(&office.name),
            office.plans.len().to_string(),
            money(t.allocation),
            money(t.disbursed),
            money(t.committed),
            money(t.spent()),
            money(t.remaining()),
            money(t.disbursement_rate()),
            office.target.quarter_target.map(money).unwrap_or_default(),
            office.target.target_gap.map(money).unwrap_or_default(),
            office.target.status.as_str().to_string(),
        ];
        w.write_record(cells.iter().chain(&of_received_cells(office.of_received)))?;
    }
    finish(w)
}

/// `data/<fy>/plans/<office>/<plan>.csv`: the budget table, one row per node.
pub fn budget_csv(plan: &Plan, figures: &PlanFigures) -> csv::Result<Vec<u8>> {
    let mut w = writer();
    let headers = [
        "id",
        "name",
        "level",
        "type",
        "flexible",
        "original_allocation",
        "allocation",
        "disbursed",
        "committed",
        "spent",
        "remaining",
        "disbursement_rate",
    ];
    w.write_record(headers.iter().chain(&OF_RECEIVED_HEADERS).chain(&["code"]))?;
    let total = figures.totals;
    let mut rows = vec![(
        String::new(),
        "รวมทั้งสิ้น".to_string(),
        "0".to_string(),
        String::new(),
        String::new(),
        total,
        figures.of_received,
        String::new(),
    )];
    for (i, node) in plan.budget.nodes.iter().enumerate() {
        rows.push((
            node.id.to_string(),
            node.name.to_string(),
            (node.depth + 1).to_string(),
            node.budget_type.as_str().to_string(),
            if node.flexible { "yes" } else { "" }.to_string(),
            figures.nodes[i],
            figures.node_of_received(i),
            node.code.as_deref().map(text_cell).unwrap_or_default(),
        ));
    }
    for (id, name, level, kind, flexible, a, of_received, code) in rows {
        let cells = [
            text_cell(&id),
            text_cell(&name),
            level,
            kind,
            flexible,
            money(a.original_allocation),
            money(a.allocation),
            money(a.disbursed),
            money(a.committed),
            money(a.spent()),
            money(a.remaining()),
            money(a.disbursement_rate()),
        ];
        w.write_record(
            cells
                .iter()
                .chain(&of_received_cells(of_received))
                .chain([&code]),
        )?;
    }
    finish(w)
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
}

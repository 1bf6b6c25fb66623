//! The rows of an office's register (ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณ) as of a month:
//! the office's total, its programs (แผนงาน), each plan's activity split by budget type (one
//! row per top-level budget node), and the budget lines under it, each with its figures and
//! its figures against the allotment received.
//!
//! Assumes figures computed as of the register's month; rows refer to their children by
//! index, so the workbook can write group rows as formulas over them.

use crate::compute::amounts::add_of_received;
use crate::compute::{Amounts, OfReceived, PlanFigures, RollUp, YearFigures};
use crate::model::{BudgetType, Content, FiscalYear, Month, Plan};

/// The name of the program row of plans that name no program.
pub const NO_PROGRAM: &str = "ไม่ระบุแผนงาน";

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// รวมทั้งสิ้น: every plan of the office.
    Total,
    /// แผนงาน: the plans of one program.
    Program,
    /// กิจกรรม/โครงการ: one top-level budget node of a plan, named after the plan's activity.
    Activity,
    /// A budget line or group under an activity row.
    Line,
}

/// One row of the register.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub kind: RowKind,
    pub name: &'a str,
    /// The code shown in parentheses after the name.
    pub code: Option<&'a str>,
    /// On activity rows: the budget type of its top-level node.
    pub budget_type: Option<BudgetType>,
    /// Indent level: 0 for the total and programs, 1 for activities, 2… for lines.
    pub depth: usize,
    pub amounts: Amounts,
    /// Against the allotment received, over the plans below that report it.
    pub of_received: Option<OfReceived>,
    /// Whether the plans below include some that report `received` and some that do not.
    pub mixed: bool,
    /// Indices of the rows directly below (empty for a budget line).
    pub children: Vec<usize>,
    /// One past the last row of this row's block (itself and everything below it).
    pub block_end: usize,
}

impl<'a> Row<'a> {
    /// A total or program row, its figures summed from its activities afterwards.
    fn group(kind: RowKind, name: &'a str, code: Option<&'a str>) -> Row<'a> {
        Row {
            kind,
            name,
            code,
            budget_type: None,
            depth: 0,
            amounts: Amounts::default(),
            of_received: None,
            mixed: false,
            children: Vec::new(),
            block_end: 0,
        }
    }

    /// A row of a plan: an activity (a top-level node) or a line under it.
    fn of_node(
        kind: RowKind,
        name: &'a str,
        code: Option<&'a str>,
        depth: usize,
        figures: &PlanFigures,
        node: usize,
    ) -> Row<'a> {
        Row {
            amounts: figures.nodes[node],
            of_received: figures.node_of_received(node),
            depth,
            ..Row::group(kind, name, code)
        }
    }
}

/// An office's register as of a month.
#[derive(Debug, Clone)]
pub struct Register<'a> {
    pub fiscal_year: FiscalYear,
    pub month: Month,
    pub office: &'a str,
    pub office_name: &'a str,
    /// The total first, then each program's block in order of first appearance.
    pub rows: Vec<Row<'a>>,
}

/// The months of `office`'s register: every month through the year's as-of month in which
/// one of its plans has an entry.
pub fn register_months(content: &Content, year: &YearFigures, office: &RollUp) -> Vec<Month> {
    let mut months: Vec<Month> = office
        .plans
        .iter()
        .flat_map(|&position| content.plans[year.plan_indices[position]].entries.iter())
        .map(|e| e.month)
        .filter(|m| *m <= year.as_of)
        .collect();
    months.sort();
    months.dedup();
    months
}

/// Whether `office` has a register of `month`.
pub fn has_register(content: &Content, year: &YearFigures, office: &RollUp, month: Month) -> bool {
    month <= year.as_of
        && office.plans.iter().any(|&position| {
            content.plans[year.plan_indices[position]]
                .entries
                .iter()
                .any(|e| e.month == month)
        })
}

/// A plan and its figures as of the register's month.
type PlanWithFigures<'a> = (&'a Plan, &'a PlanFigures);

/// The register of `office` from figures computed as of `month` (`year.as_of == month`).
pub fn register<'a>(
    content: &'a Content,
    year: &'a YearFigures,
    office: &'a RollUp,
) -> Register<'a> {
    let plans: Vec<PlanWithFigures<'a>> = office
        .plans
        .iter()
        .map(|&position| {
            (
                &content.plans[year.plan_indices[position]],
                &year.plans[position],
            )
        })
        .collect();
    // Programs in order of first appearance (plans are in id order).
    let mut programs: Vec<(Option<&'a str>, Vec<PlanWithFigures<'a>>)> = Vec::new();
    for (plan, figures) in plans {
        let program = plan.program.as_deref();
        match programs.iter_mut().find(|(p, _)| *p == program) {
            Some((_, members)) => members.push((plan, figures)),
            None => programs.push((program, vec![(plan, figures)])),
        }
    }
    let mut rows = vec![Row::group(RowKind::Total, "รวมทั้งสิ้น", None)];
    for (program, members) in &programs {
        let program_row = rows.len();
        rows[0].children.push(program_row);
        rows.push(Row::group(
            RowKind::Program,
            program.unwrap_or(NO_PROGRAM),
            members.iter().find_map(|(p, _)| p.program_code.as_deref()),
        ));
        for (plan, figures) in members {
            for root in plan.budget.roots() {
                let activity_row = rows.len();
                rows[program_row].children.push(activity_row);
                rows.push(Row {
                    budget_type: Some(plan.budget.nodes[root].budget_type),
                    ..Row::of_node(
                        RowKind::Activity,
                        &plan.activity,
                        plan.activity_code.as_deref(),
                        1,
                        figures,
                        root,
                    )
                });
                add_lines(&mut rows, activity_row, plan, figures, root);
                rows[activity_row].block_end = rows.len();
            }
        }
        rows[program_row].block_end = rows.len();
    }
    rows[0].block_end = rows.len();
    sum_groups(&mut rows, 0);
    Register {
        fiscal_year: year.year,
        month: year.as_of,
        office: &office.key,
        office_name: &office.name,
        rows,
    }
}

/// Adds the nodes under `node` as rows under `parent`, depth first.
fn add_lines<'a>(
    rows: &mut Vec<Row<'a>>,
    parent: usize,
    plan: &'a Plan,
    figures: &PlanFigures,
    node: usize,
) {
    for &child in &plan.budget.nodes[node].children {
        let index = rows.len();
        rows[parent].children.push(index);
        let budget_node = &plan.budget.nodes[child];
        rows.push(Row::of_node(
            RowKind::Line,
            &budget_node.name,
            budget_node.code.as_deref(),
            budget_node.depth + 1,
            figures,
            child,
        ));
        add_lines(rows, index, plan, figures, child);
        rows[index].block_end = rows.len();
    }
}

/// Sums the total's and programs' rows from their activities; returns (has a reporting
/// plan below, has a plan that does not report below).
fn sum_groups(rows: &mut [Row<'_>], index: usize) -> (bool, bool) {
    if rows[index].kind == RowKind::Activity {
        let reports = rows[index].of_received.is_some();
        return (reports, !reports);
    }
    let children = rows[index].children.clone();
    let mut amounts = Amounts::default();
    let mut of_received = None;
    let (mut some_report, mut some_do_not) = (false, false);
    for child in children {
        let (reports, does_not) = sum_groups(rows, child);
        some_report |= reports;
        some_do_not |= does_not;
        amounts += rows[child].amounts;
        add_of_received(&mut of_received, rows[child].of_received);
    }
    let row = &mut rows[index];
    row.amounts = amounts;
    row.of_received = of_received;
    row.mixed = some_report && some_do_not;
    (some_report, some_do_not)
}

/// งบบุคลากร, งบดำเนินงาน, …: the budget type as the register names it.
pub fn budget_type_name(budget_type: BudgetType) -> &'static str {
    budget_type.thai_name()
}

/// `ชื่อ (รหัส)`: a row's name with its code in parentheses, as the register shows it.
pub fn name_with_code(row: &Row<'_>) -> String {
    match row.code {
        Some(code) => format!("{} ({code})", row.name),
        None => row.name.to_string(),
    }
}

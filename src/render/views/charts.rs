//! The charts of each page, drawn by `render::charts` from the page's figures and inlined
//! as SVG. Templates print a slot with `| safe`; an empty slot is a chart not drawn.

use crate::compute::series::MonthFigures;
use crate::compute::{PlanFigures, YearFigures};
use crate::model::{FiscalYear, Plan};
use crate::render::charts::{self, BudgetRow, ProgressRow, RankRow};
use serde::Serialize;

/// The charts of one page; an empty string is a chart not drawn.
#[derive(Serialize, Default)]
pub struct Charts {
    /// Cumulative S-curve: actual vs spending plan vs targets.
    pub s_curve: String,
    /// Disbursed per month as columns (plan pages).
    pub monthly: String,
    /// Offices ranked by disbursement rate with the quarter target.
    pub offices: String,
    /// Budget lines: allocation vs disbursed vs committed (plan pages).
    pub budget: String,
    /// Tasks: percent of target done (plan pages).
    pub tasks: String,
    /// KPIs: achievement in percent (plan pages).
    pub kpis: String,
}

impl Charts {
    /// How many charts the page holds.
    pub fn count(&self) -> usize {
        [
            &self.s_curve,
            &self.monthly,
            &self.offices,
            &self.budget,
            &self.tasks,
            &self.kpis,
        ]
        .iter()
        .filter(|svg| !svg.is_empty())
        .count()
    }
}

/// The S-curve of a series.
pub fn s_curve(title: &str, months: &[MonthFigures], year: FiscalYear) -> String {
    charts::s_curve(title, months, year)
}

/// Offices ranked, best first, against the year's quarter target.
pub fn offices(title: &str, year: &YearFigures) -> String {
    if year.offices.is_empty() {
        return String::new();
    }
    let rows: Vec<RankRow> = year
        .offices
        .iter()
        .map(|(_, office)| RankRow {
            label: short_office_name(&office.name),
            rate: office.totals.disbursement_rate(),
        })
        .collect();
    charts::ranking_bars(title, &rows, year.total.target.quarter_target)
}

/// An office's name as a chart label, short enough to leave the bars room on a phone: a
/// provincial office is named by its province (`สำนักงานสหกรณ์จังหวัดลพบุรี` → `จ.ลพบุรี`);
/// any other name stays whole (the table beside the chart gives every name in full).
pub fn short_office_name(name: &str) -> String {
    const PROVINCE: &str = "จังหวัด";
    match name.rfind(PROVINCE) {
        Some(at) if name[at + PROVINCE.len()..].trim().chars().count() > 1 => {
            format!("จ.{}", name[at + PROVINCE.len()..].trim())
        }
        _ => name.to_string(),
    }
}

/// A plan's page: S-curve, monthly columns, budget lines, tasks and KPIs.
pub fn plan(plan: &Plan, figures: &PlanFigures) -> Charts {
    let year = plan.id.fiscal_year;
    Charts {
        s_curve: s_curve("ผลการเบิกจ่ายสะสมเทียบแผนและเป้าหมาย", &figures.months, year),
        monthly: charts::monthly_columns("ผลการเบิกจ่ายรายเดือน", &figures.months, year),
        offices: String::new(),
        budget: budget(plan, figures),
        tasks: tasks(plan, figures),
        kpis: kpis(plan, figures),
    }
}

/// A plan's budget lines: allocation vs disbursed vs committed (none without lines).
pub fn budget(plan: &Plan, figures: &PlanFigures) -> String {
    let rows: Vec<BudgetRow> = plan
        .budget
        .nodes
        .iter()
        .zip(&figures.nodes)
        .filter(|(node, _)| node.is_leaf())
        .map(|(node, amounts)| BudgetRow {
            label: node.name.to_string(),
            allocation: amounts.allocation,
            disbursed: amounts.disbursed,
            committed: amounts.committed,
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    charts::budget_nodes("งบประมาณ เบิกจ่าย และก่อหนี้ผูกพันรายรายการ", &rows)
}

/// A plan's tasks: percent of target done (none without tasks).
pub fn tasks(plan: &Plan, figures: &PlanFigures) -> String {
    let rows: Vec<ProgressRow> = plan
        .tasks
        .iter()
        .zip(&figures.tasks)
        .map(|(task, f)| ProgressRow {
            label: task.name.to_string(),
            percent: f.percent,
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    charts::progress_bars("ผลงานเทียบเป้าหมาย (ร้อยละ)", &rows)
}

/// A plan's KPIs with a value: achievement in percent (none without one).
pub fn kpis(plan: &Plan, figures: &PlanFigures) -> String {
    let rows: Vec<ProgressRow> = plan
        .all_kpis()
        .zip(&figures.kpis)
        .filter_map(|(kpi, f)| {
            Some(ProgressRow {
                label: kpi.name.to_string(),
                percent: f.achievement?,
            })
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    charts::progress_bars("ผลตัวชี้วัดเทียบเป้าหมาย (ร้อยละ)", &rows)
}

#[cfg(test)]
mod tests {
    use super::short_office_name;

    #[test]
    fn a_provincial_office_is_named_by_its_province() {
        assert_eq!(short_office_name("สำนักงานสหกรณ์จังหวัดลพบุรี"), "จ.ลพบุรี");
        assert_eq!(short_office_name("สำนักงานสหกรณ์จังหวัด ชลบุรี"), "จ.ชลบุรี");
        assert_eq!(short_office_name("กองแผนงาน"), "กองแผนงาน");
        assert_eq!(short_office_name("สำนักงานจังหวัด"), "สำนักงานจังหวัด");
    }
}

//! Alerts: what an officer should act on, per plan, as of a month.

use super::amounts::{Amounts, round2};
use super::progress::TaskFigures;
use super::targets::TargetFigures;
use crate::model::{Date, Month, Plan};
use crate::thai::{baht, date_full, month_abbr, month_short};
use rust_decimal::Decimal;

/// Days allowed to report a training's evaluation (condition 5).
pub const EVALUATION_DAYS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AlertKind {
    /// Below the target at the end of a completed quarter.
    BehindTarget,
    /// Below the straight line to this quarter's target.
    AtRisk,
    /// A budget line with more disbursed and committed than its amount.
    LineOverAmount,
    PlanOverAllocation,
    TaskLate,
    /// A training or seminar awaiting its evaluation, still within 60 days.
    EvaluationDue,
    EvaluationOverdue,
    MissedReport,
    /// At the fiscal year's last month, less than 100% disbursed.
    YearEndUnderspent,
}

impl AlertKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::BehindTarget => "behind_target",
            AlertKind::AtRisk => "at_risk",
            AlertKind::LineOverAmount => "line_over_amount",
            AlertKind::PlanOverAllocation => "plan_over_allocation",
            AlertKind::TaskLate => "task_late",
            AlertKind::EvaluationDue => "evaluation_due",
            AlertKind::EvaluationOverdue => "evaluation_overdue",
            AlertKind::MissedReport => "missed_report",
            AlertKind::YearEndUnderspent => "year_end_underspent",
        }
    }

    /// Whether the alert asks for action now (the rest are reminders).
    pub fn is_serious(self) -> bool {
        !matches!(self, AlertKind::EvaluationDue | AlertKind::AtRisk)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub kind: AlertKind,
    /// In Thai, for people.
    pub message: String,
    /// The budget line, task or event it is about, where there is one.
    pub subject: Option<String>,
}

pub struct AlertInputs<'a> {
    pub plan: &'a Plan,
    pub as_of: Month,
    pub nodes: &'a [Amounts],
    pub totals: Amounts,
    pub target: &'a TargetFigures,
    pub tasks: &'a [TaskFigures],
    /// Whether the as-of month's deadline has passed.
    pub as_of_due: bool,
    /// The as-of month is not due and the plan has not filed it.
    pub pending: bool,
}

pub fn alerts(input: &AlertInputs) -> Vec<Alert> {
    let mut out = Vec::new();
    if !input.pending {
        target_alerts(input, &mut out);
    }
    over_spending(input, &mut out);
    late_tasks(input, &mut out);
    evaluations(input, &mut out);
    missed_reports(input, &mut out);
    if !input.pending {
        year_end(input, &mut out);
    }
    out
}

fn pct(value: Decimal) -> String {
    crate::thai::format_number(round2(value), 2)
}

fn target_alerts(input: &AlertInputs, out: &mut Vec<Alert>) {
    if let Some((quarter, gap)) = input.target.behind_quarter {
        out.push(Alert {
            kind: AlertKind::BehindTarget,
            message: format!(
                "เบิกจ่ายต่ำกว่าเป้าหมายสิ้นไตรมาสที่ {quarter} อยู่ {} จุด และยังไม่ถึงเป้าหมายนั้น",
                pct(-gap)
            ),
            subject: None,
        });
    }
    if let Some((line, gap)) = input.target.at_risk_line {
        out.push(Alert {
            kind: AlertKind::AtRisk,
            message: format!(
                "เบิกจ่ายร้อยละ {} ต่ำกว่าแนวเป้าหมายของเดือนนี้ (ร้อยละ {}) อยู่ {} จุด: เสี่ยงไม่ถึงเป้าหมายไตรมาส",
                pct(line + gap),
                pct(line),
                pct(-gap)
            ),
            subject: None,
        });
    }
}

fn over_spending(input: &AlertInputs, out: &mut Vec<Alert>) {
    for (index, node) in input.plan.budget.nodes.iter().enumerate() {
        let f = input.nodes[index];
        if node.is_leaf() && f.spent() > f.allocation {
            out.push(Alert {
                kind: AlertKind::LineOverAmount,
                message: format!(
                    "รายการ {} ใช้จ่าย {} บาท เกินวงเงิน {} บาท{}",
                    node.name,
                    baht(f.spent()),
                    baht(f.allocation),
                    if node.flexible {
                        " (ถัวจ่าย)"
                    } else {
                        ""
                    }
                ),
                subject: Some(node.id.to_string()),
            });
        }
    }
    if input.totals.spent() > input.totals.allocation {
        out.push(Alert {
            kind: AlertKind::PlanOverAllocation,
            message: format!(
                "ใช้จ่ายรวม {} บาท เกินงบประมาณที่ได้รับจัดสรร {} บาท",
                baht(input.totals.spent()),
                baht(input.totals.allocation)
            ),
            subject: None,
        });
    }
}

fn late_tasks(input: &AlertInputs, out: &mut Vec<Alert>) {
    for figures in input.tasks.iter().filter(|t| t.late) {
        let task = &input.plan.tasks[figures.index];
        out.push(Alert {
            kind: AlertKind::TaskLate,
            message: format!(
                "{}: ทำได้ {} {} จากที่แผนกำหนดไว้ถึงเดือนนี้ {} {}",
                task.name,
                figures.done.normalize(),
                task.unit,
                figures.planned_by_now.normalize(),
                task.unit
            ),
            subject: Some(task.id.to_string()),
        });
    }
}

fn evaluations(input: &AlertInputs, out: &mut Vec<Alert>) {
    let today = input.as_of.last_day();
    let events = input
        .plan
        .entries
        .iter()
        .filter(|e| e.month <= input.as_of)
        .flat_map(|e| e.events.iter())
        .filter(|e| e.kind.needs_evaluation() && e.ended_on <= today);
    for event in events {
        if event.evaluated_on.is_some_and(|d| d <= today) {
            continue;
        }
        let due: Date = event.ended_on.add_days(EVALUATION_DAYS);
        let (kind, message) = if today > due {
            (
                AlertKind::EvaluationOverdue,
                format!(
                    "ยังไม่รายงานผลการประเมิน {} ซึ่งครบกำหนด 60 วันแล้วเมื่อ {}",
                    event.name,
                    date_full(due, false)
                ),
            )
        } else {
            (
                AlertKind::EvaluationDue,
                format!(
                    "รายงานผลการประเมิน {} ภายใน {}",
                    event.name,
                    date_full(due, false)
                ),
            )
        };
        out.push(Alert {
            kind,
            message,
            subject: Some(event.name.clone()),
        });
    }
}

/// The alerts of the plans `select` keeps, plan by plan, in the words the site uses:
/// `2566/samut-prakan/debt-relief: 2 alerts` then one `  - message` line each.
pub fn listing(
    content: &crate::model::Content,
    figures: &super::Figures,
    select: impl Fn(&Plan) -> bool,
) -> String {
    let mut out = String::new();
    for year in &figures.years {
        for (&index, plan_figures) in year.plan_indices.iter().zip(&year.plans) {
            let plan = &content.plans[index];
            if plan_figures.alerts.is_empty() || !select(plan) {
                continue;
            }
            let count = plan_figures.alerts.len();
            out.push_str(&format!(
                "{} ({}, as of {}): {count} alert{}\n",
                plan.id,
                plan.office_name,
                year.as_of,
                crate::diag::plural(count)
            ));
            for alert in &plan_figures.alerts {
                out.push_str(&format!("  - {}\n", alert.message));
            }
        }
    }
    out
}

/// One alert per plan for every month missed from its first entry through the as-of
/// month (once that month is due): `ขาดส่ง 3 เดือน: ธ.ค. 65, ก.พ.–มี.ค. 66`; the subject
/// lists the months (`2022-12,2023-02,2023-03`).
fn missed_reports(input: &AlertInputs, out: &mut Vec<Alert>) {
    let reported: Vec<Month> = input
        .plan
        .entries
        .iter()
        .map(|e| e.month)
        .filter(|m| *m <= input.as_of)
        .collect();
    let Some(&first) = reported.first() else {
        return;
    };
    // The as-of month counts once its deadline has passed.
    let last_due = if input.as_of_due {
        input.as_of
    } else {
        input.as_of.previous()
    };
    let mut missed = Vec::new();
    let mut month = first;
    while month <= last_due {
        if !reported.contains(&month) {
            missed.push(month);
        }
        month = month.next();
    }
    if missed.is_empty() {
        return;
    }
    out.push(Alert {
        kind: AlertKind::MissedReport,
        message: format!("ขาดส่ง {} เดือน: {}", missed.len(), month_runs(&missed)),
        subject: Some(
            missed
                .iter()
                .map(Month::to_string)
                .collect::<Vec<_>>()
                .join(","),
        ),
    });
}

/// Months in order, consecutive ones as a range: `ธ.ค. 65, ก.พ.–มี.ค. 66`, the year written
/// once where a range stays in one year.
pub fn month_runs(months: &[Month]) -> String {
    let mut runs: Vec<(Month, Month)> = Vec::new();
    for &month in months {
        match runs.last_mut() {
            Some((_, end)) if end.next() == month => *end = month,
            _ => runs.push((month, month)),
        }
    }
    runs.iter()
        .map(|&(start, end)| {
            if start == end {
                month_short(start, false)
            } else if start.year == end.year {
                format!("{}–{}", month_abbr(start), month_short(end, false))
            } else {
                format!("{}–{}", month_short(start, false), month_short(end, false))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn year_end(input: &AlertInputs, out: &mut Vec<Alert>) {
    let last = input.plan.id.fiscal_year.last_month();
    let rate = input.totals.disbursement_rate();
    if input.as_of == last && rate < Decimal::ONE_HUNDRED {
        out.push(Alert {
            kind: AlertKind::YearEndUnderspent,
            message: format!(
                "สิ้นปีงบประมาณเบิกจ่ายได้ร้อยละ {} ต่ำกว่าร้อยละ 100 ที่ต้องเบิกจ่ายให้ครบ (คงเหลือ {} บาท)",
                pct(rate),
                baht(input.totals.allocation - input.totals.disbursed)
            ),
            subject: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missed_months_read_as_runs() {
        let m = |y, n| Month::new(y, n);
        assert_eq!(
            month_runs(&[m(2022, 12), m(2023, 2), m(2023, 3)]),
            "ธ.ค. 65, ก.พ.–มี.ค. 66"
        );
        assert_eq!(
            month_runs(&[m(2022, 11), m(2022, 12), m(2023, 1)]),
            "พ.ย. 65–ม.ค. 66"
        );
        assert_eq!(month_runs(&[m(2023, 9)]), "ก.ย. 66");
    }
}

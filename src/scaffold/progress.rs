//! `planbook new progress PLAN --month YYYY-MM`: the month's entry with every budget line,
//! task and KPI of the plan listed, flows at 0 and stocks at their last value, each named in
//! a Thai comment.

use super::yaml::{comment, scalar};
use super::{ScaffoldError, write_new};
use crate::check;
use crate::model::{Month, Plan};
use crate::thai::{baht, month_full};
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Writes `plans/<plan>/progress/<YYYY-MM>.yaml`; returns its path.
pub fn new_progress(
    content_dir: &Path,
    plan_id: &str,
    month: Month,
) -> Result<PathBuf, ScaffoldError> {
    let checked = check::check(content_dir).map_err(|e| ScaffoldError::Invalid(e.to_string()))?;
    let (plan, path) = entry_place(&checked, content_dir, plan_id, month)?;
    write_new(&path, &entry_text(plan, month))?;
    Ok(path)
}

/// The plan of `plan_id` and where its entry of `month` goes; an error when the plan is not
/// there, the month is outside its year, or the month has an entry already.
pub fn entry_place<'a>(
    checked: &'a check::Checked,
    content_dir: &Path,
    plan_id: &str,
    month: Month,
) -> Result<(&'a Plan, PathBuf), ScaffoldError> {
    let wanted = plan_id.trim_matches('/');
    let plan = checked
        .content
        .plans
        .iter()
        .find(|p| p.id.to_string() == wanted)
        .ok_or_else(|| {
            if checked.has_errors() {
                return ScaffoldError::Content(checked.render());
            }
            let ids = crate::validate::suggest::plan_ids(&checked.content, None);
            ScaffoldError::Invalid(match crate::validate::suggest::nearest(wanted, &ids) {
                Some(near) => crate::tr!("no-plan-suggest", plan = plan_id, best = near),
                None => crate::tr!("no-plan", plan = plan_id),
            })
        })?;
    if !plan.id.fiscal_year.contains_month(month) {
        return Err(ScaffoldError::Invalid(crate::tr!(
            "month-outside-target-year",
            month = month,
            year = plan.id.fiscal_year,
            target = plan_id,
            first = plan.id.fiscal_year.first_month(),
            last = plan.id.fiscal_year.last_month()
        )));
    }
    let folder = content_dir
        .join("plans")
        .join(plan.id.to_string())
        .join("progress");
    if let Some(existing) = plan.entries.iter().find(|e| e.month == month) {
        let path = checked
            .sources
            .path(existing.file)
            .map(|p| content_dir.join(p))
            .unwrap_or_else(|| folder.clone());
        return Err(ScaffoldError::Exists(path));
    }
    Ok((plan, folder.join(format!("{month}.yaml"))))
}

/// The figures an entry is written with, by budget node, task and KPI index.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryValues {
    pub disbursed: Vec<Decimal>,
    pub committed: Vec<Decimal>,
    /// `None` where nothing was received (the entry then names no `received`).
    pub received: Vec<Option<Decimal>>,
    pub tasks: Vec<Decimal>,
    /// Indexed as `Plan::all_kpis`; `None`: not reported.
    pub kpis: Vec<Option<Decimal>>,
    pub narrative: String,
    pub problems: String,
}

impl EntryValues {
    /// What `new progress` writes: flows at 0, stocks at their last value before `month`.
    pub fn blank(plan: &Plan, month: Month) -> EntryValues {
        let nodes = plan.budget.nodes.len();
        EntryValues {
            disbursed: vec![Decimal::ZERO; nodes],
            committed: (0..nodes)
                .map(|i| {
                    last_before(plan, month, |e| {
                        e.committed.iter().find(|c| c.node == i).map(|c| c.amount)
                    })
                    .unwrap_or(Decimal::ZERO)
                })
                .collect(),
            received: vec![None; nodes],
            tasks: vec![Decimal::ZERO; plan.tasks.len()],
            kpis: (0..plan.all_kpis().count())
                .map(|index| {
                    Some(last_before(plan, month, |e| e.kpi_value(index)).unwrap_or(Decimal::ZERO))
                })
                .collect(),
            narrative: String::new(),
            problems: String::new(),
        }
    }
}

/// The latest value of a stock reported before `month`.
fn last_before<T: Copy>(
    plan: &Plan,
    month: Month,
    pick: impl Fn(&crate::model::ProgressEntry) -> Option<T>,
) -> Option<T> {
    plan.entries
        .iter()
        .rev()
        .filter(|e| e.month < month)
        .find_map(pick)
}

pub fn entry_text(plan: &Plan, month: Month) -> String {
    entry_text_with(plan, month, &EntryValues::blank(plan, month))
}

/// The entry `new progress` writes, with `values` in place of its zeros and last values.
pub fn entry_text_with(plan: &Plan, month: Month, values: &EntryValues) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# รายงานผลการดำเนินงานประจำเดือน{}",
        month_full(month, false)
    );
    let _ = writeln!(
        out,
        "# {} — {}",
        comment(&plan.activity),
        comment(&plan.office_name)
    );
    let _ = writeln!(out, "# เติมตัวเลขแทน 0 แล้วตรวจด้วย `planbook check`");
    let _ = writeln!(out, "month: {month}");
    let _ = writeln!(
        out,
        "reported_on:          # วันที่รายงาน เช่น {}-05",
        month.next()
    );
    let leaves: Vec<usize> = (0..plan.budget.nodes.len())
        .filter(|&i| plan.budget.nodes[i].is_leaf())
        .collect();
    if !leaves.is_empty() {
        let _ = writeln!(out, "disbursed:            # เบิกจ่ายในเดือนนี้ (บาท)");
        for &i in &leaves {
            let node = &plan.budget.nodes[i];
            let _ = writeln!(
                out,
                "  {}: {}    # {} (วงเงิน {} บาท)",
                node.id,
                values.disbursed[i].normalize(),
                comment(&node.name),
                baht(node.amount.unwrap_or_default())
            );
        }
        let _ = writeln!(
            out,
            "committed:            # ก่อหนี้ผูกพันคงค้าง ณ สิ้นเดือน (บาท): ยอดเดือนก่อน"
        );
        for &i in &leaves {
            let node = &plan.budget.nodes[i];
            let _ = writeln!(
                out,
                "  {}: {}    # {}",
                node.id,
                values.committed[i].normalize(),
                comment(&node.name)
            );
        }
    }
    if !plan.tasks.is_empty() {
        let _ = writeln!(out, "tasks:                # ผลงานในเดือนนี้ ตามหน่วยนับของงาน");
        for (index, task) in plan.tasks.iter().enumerate() {
            let done: Decimal = plan
                .entries
                .iter()
                .filter(|e| e.month < month)
                .flat_map(|e| e.tasks.iter())
                .filter(|(t, _)| *t == index)
                .map(|(_, q)| *q)
                .sum();
            let _ = writeln!(
                out,
                "  {}: {}    # {} ({}, เป้าหมาย {}, ทำแล้ว {})",
                task.id,
                values.tasks[index].normalize(),
                comment(&task.name),
                comment(&task.unit),
                task.target.normalize(),
                done.normalize()
            );
        }
    }
    let kpis: Vec<(usize, &crate::model::Kpi, Decimal)> = plan
        .all_kpis()
        .enumerate()
        .filter_map(|(index, kpi)| Some((index, kpi, values.kpis[index]?)))
        .collect();
    if !kpis.is_empty() {
        let _ = writeln!(
            out,
            "kpis:                 # ค่าตัวชี้วัด ณ สิ้นเดือน: ค่าล่าสุดที่รายงาน"
        );
        for (_, kpi, value) in kpis {
            let _ = writeln!(
                out,
                "  {}: {}    # {} (เป้าหมาย {} {})",
                kpi.id,
                value.normalize(),
                comment(&kpi.name),
                kpi.target.normalize(),
                comment(&kpi.unit)
            );
        }
    }
    let received: Vec<(usize, Decimal)> = values
        .received
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, (*r)?)))
        .collect();
    if !received.is_empty() {
        let _ = writeln!(out, "received:             # เงินที่ได้รับโอนในเดือนนี้ (บาท)");
        for (i, amount) in received {
            let node = &plan.budget.nodes[i];
            let _ = writeln!(
                out,
                "  {}: {}    # {}",
                node.id,
                amount.normalize(),
                comment(&node.name)
            );
        }
    } else if let Some(root) = plan.budget.roots().next() {
        let _ = writeln!(out, "# received:           # เงินที่ได้รับโอนในเดือนนี้ (ถ้ามี)");
        let _ = writeln!(out, "#   {}: 0", plan.budget.nodes[root].id);
    }
    if let Some(&first) = leaves.first() {
        let _ = writeln!(
            out,
            "# adjustment:         # ปรับปรุงการเบิกจ่ายของเดือนก่อน (ติดลบได้)"
        );
        let _ = writeln!(
            out,
            "#   - {{ id: {}, amount: 0, reason: เหตุผล }}",
            plan.budget.nodes[first].id
        );
    }
    let _ = writeln!(
        out,
        "# events:             # การฝึกอบรม/สัมมนาที่จัดในเดือนนี้ (ประเมินผลภายใน 60 วัน)"
    );
    let _ = writeln!(
        out,
        "#   - {{ name: ชื่อการอบรม, kind: training, ended_on: {month}-15, participants: 0 }}"
    );
    let _ = writeln!(
        out,
        "narrative: {}    # ผลการดำเนินงาน (Markdown)",
        scalar(&values.narrative)
    );
    let _ = writeln!(
        out,
        "problems: {}     # ปัญหาอุปสรรค / แนวทางแก้ไข",
        scalar(&values.problems)
    );
    out
}

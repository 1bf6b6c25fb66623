//! `planbook new progress PLAN --month YYYY-MM`: the month's entry with every budget line,
//! task and KPI of the plan listed, flows at 0 and stocks at their last value, each named in
//! a Thai comment.

use super::yaml::{comment, scalar};
use super::{ScaffoldError, write_new};
use crate::build;
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
    let checked = build::check(content_dir).map_err(|e| ScaffoldError::Invalid(e.to_string()))?;
    let plan = checked
        .content
        .plans
        .iter()
        .find(|p| p.id.to_string() == plan_id.trim_matches('/'))
        .ok_or_else(|| {
            if checked.diagnostics.has_errors() {
                ScaffoldError::Content(checked.diagnostics.render(&checked.sources))
            } else {
                ScaffoldError::Invalid(format!(
                    "no plan `{plan_id}`: give its folder under plans/, e.g. 2566/samut-prakan/debt-relief"
                ))
            }
        })?;
    if !plan.id.fiscal_year.contains_month(month) {
        return Err(ScaffoldError::Invalid(format!(
            "{month} is outside fiscal year {} of {plan_id} ({} .. {})",
            plan.id.fiscal_year,
            plan.id.fiscal_year.first_month(),
            plan.id.fiscal_year.last_month()
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
    let path = folder.join(format!("{month}.yaml"));
    write_new(&path, &entry_text(plan, month))?;
    Ok(path)
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
                "  {}: 0    # {} (วงเงิน {} บาท)",
                node.id,
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
            let last = last_before(plan, month, |e| {
                e.committed.iter().find(|c| c.node == i).map(|c| c.amount)
            })
            .unwrap_or(Decimal::ZERO);
            let _ = writeln!(
                out,
                "  {}: {}    # {}",
                node.id,
                last.normalize(),
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
                "  {}: 0    # {} ({}, เป้าหมาย {}, ทำแล้ว {})",
                task.id,
                comment(&task.name),
                comment(&task.unit),
                task.target.normalize(),
                done.normalize()
            );
        }
    }
    let kpis: Vec<&crate::model::Kpi> = plan.all_kpis().collect();
    if !kpis.is_empty() {
        let _ = writeln!(
            out,
            "kpis:                 # ค่าตัวชี้วัด ณ สิ้นเดือน: ค่าล่าสุดที่รายงาน"
        );
        for (index, kpi) in kpis.into_iter().enumerate() {
            let last = last_before(plan, month, |e| e.kpi_value(index)).unwrap_or(Decimal::ZERO);
            let _ = writeln!(
                out,
                "  {}: {}    # {} (เป้าหมาย {} {})",
                kpi.id,
                last.normalize(),
                comment(&kpi.name),
                kpi.target.normalize(),
                comment(&kpi.unit)
            );
        }
    }
    if let Some(root) = plan.budget.roots().next() {
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
        scalar("")
    );
    let _ = writeln!(
        out,
        "problems: {}     # ปัญหาอุปสรรค / แนวทางแก้ไข",
        scalar("")
    );
    out
}

//! `planbook new plan OFFICE/ACTIVITY --year N [--from PLAN]`: a plan.yaml to fill in, or a
//! copy of an earlier year's plan with its amounts kept, its months moved to the new year,
//! and its revisions and progress left behind.

use super::yaml::scalar;
use super::{ScaffoldError, write_new};
use crate::model::FiscalYear;
use crate::validate::fields::is_valid_id;
use std::path::{Path, PathBuf};

/// What to create.
pub struct NewPlan<'a> {
    /// `office/activity`.
    pub target: &'a str,
    pub year: FiscalYear,
    /// An earlier plan's id to copy (`2566/samut-prakan/debt-relief`).
    pub from: Option<&'a str>,
}

/// Writes the new plan.yaml; returns its path and, if the year has no settings file yet, a
/// note saying so.
pub fn new_plan(
    content_dir: &Path,
    request: &NewPlan,
) -> Result<(PathBuf, Option<String>), ScaffoldError> {
    let (office, activity) = request
        .target
        .trim_matches('/')
        .split_once('/')
        .filter(|(o, a)| is_valid_id(o) && is_valid_id(a))
        .ok_or_else(|| {
            ScaffoldError::Invalid(crate::tr!(
                "new-plan-target-invalid",
                value = &request.target
            ))
        })?;
    let path = content_dir
        .join("plans")
        .join(request.year.to_string())
        .join(office)
        .join(activity)
        .join("plan.yaml");
    if path.exists() {
        return Err(ScaffoldError::Exists(path));
    }
    let text = match request.from {
        Some(from) => {
            let source = content_dir
                .join("plans")
                .join(from.trim_matches('/'))
                .join("plan.yaml");
            let original = std::fs::read_to_string(&source).map_err(|e| {
                let message = crate::tr!(
                    "copy-unreadable",
                    path = source.display(),
                    reason = crate::i18n::io_said(&e)
                );
                let ids = plan_ids(content_dir);
                ScaffoldError::Invalid(crate::validate::suggest::did_you_mean(message, from, &ids))
            })?;
            let from_year = from
                .split('/')
                .next()
                .and_then(FiscalYear::parse)
                .ok_or_else(|| {
                    ScaffoldError::Invalid(crate::tr!("from-without-year", value = from))
                })?;
            let copied = copy_to_year(&original, request.year.0 - from_year.0, request.year);
            let from_office = from.trim_matches('/').split('/').nth(1).unwrap_or_default();
            if from_office == office {
                copied
            } else {
                for_another_office(&copied, request.year)
            }
        }
        None => skeleton(office, request.year),
    };
    write_new(&path, &text)?;
    let settings = content_dir
        .join("fiscal-years")
        .join(format!("{}.yaml", request.year));
    let note = (!settings.exists()).then(|| {
        format!(
            "fiscal year {} has no {} yet: create it (targets, conditions, signatures) before building",
            request.year,
            settings.display()
        )
    });
    Ok((path, note))
}

/// The comment atop a new plan.yaml.
fn header(year: FiscalYear) -> String {
    format!(
        "# แผนปฏิบัติงานและงบประมาณรายจ่าย ประจำปีงบประมาณ พ.ศ. {year}
# เติมข้อมูลตามเอกสารแผนที่ได้รับอนุมัติ แล้วตรวจด้วย `planbook check`
"
    )
}

/// A copy made for another office: its header comment, `office:` and `job_no:` were the
/// other office's, so they are replaced with the new plan's header and blanks to fill in.
fn for_another_office(copied: &str, year: FiscalYear) -> String {
    let mut out = header(year);
    let body = copied.lines().skip_while(|line| line.starts_with('#'));
    for line in body {
        if line.starts_with("office:") {
            out.push_str(&format!(
                "office: {}        # หน่วยงานรับผิดชอบ\n",
                scalar("(กรอก)")
            ));
        } else if line.starts_with("job_no:") {
            out.push_str(&format!(
                "job_no: {}                # งานเลขที่\n",
                scalar("")
            ));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn skeleton(office: &str, year: FiscalYear) -> String {
    let first = year.first_month();
    format!(
        "{header}job_no: {job}                # งานเลขที่
office: {office_name}        # หน่วยงานรับผิดชอบ
prepared_by: กองแผนงาน        # หน่วยงานจัดทำแผนปฏิบัติงานฯ
strategy:
  national: {todo}             # ยุทธศาสตร์ชาติ
  master_plan: {todo}          # แผนแม่บทภายใต้ยุทธศาสตร์ชาติ
  sub_plans:
    - name: {todo}             # แผนแม่บทย่อย
program: {todo}                # แผนงาน
project: {todo}                # โครงการ
activity: {todo}               # กิจกรรมหลัก
objectives:
  - {todo}
kpis:                          # ตัวชี้วัดระดับกิจกรรมหลัก
  - id: kpi-1
    name: {todo}
    unit: แห่ง
    target: 1
tasks:                         # งานที่ดำเนินการ
  - id: task-1
    name: {todo}
    unit: ครั้ง
    target: 1
    schedule: {{ {first}: 1 }}  # แผนการปฏิบัติงานรายเดือน
budget:                        # งบประมาณ ประเภทรายจ่าย/รายการ
  - id: operating
    type: operating            # personnel | operating | investment | subsidy | other
    name: งบดำเนินงาน
    items:
      - id: expenses
        name: ค่าตอบแทน ใช้สอยและวัสดุ
        amount: 0
spending_plan: {{ {first}: 0 }} # แผนการใช้จ่ายงบประมาณรายเดือน
",
        header = header(year),
        job = scalar(""),
        office_name = scalar(&format!("สำนักงาน ({office})")),
        todo = scalar("(กรอก)"),
    )
}

/// Moves every `YYYY-MM` and `YYYY-MM-DD` (C.E. or B.E.) by `years`, sets `fiscal_year:`,
/// and drops the `revisions:` block (they belonged to the earlier year).
pub fn copy_to_year(original: &str, years: i32, year: FiscalYear) -> String {
    let mut out = String::with_capacity(original.len());
    let mut skipping = false;
    for line in original.lines() {
        let top_level_key = !line.starts_with([' ', '\t', '#', '-']) && line.contains(':');
        if top_level_key {
            skipping = line.starts_with("revisions:");
        }
        if skipping {
            continue;
        }
        if line.starts_with("fiscal_year:") {
            out.push_str(&format!("fiscal_year: {year}\n"));
            continue;
        }
        out.push_str(&shift_years(line, years));
        out.push('\n');
    }
    out
}

/// Adds `years` to the year of every `YYYY-MM` in the line.
fn shift_years(line: &str, years: i32) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < bytes.len() {
        let is_month = i + 7 <= bytes.len()
            && bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && bytes[i + 4] == b'-'
            && bytes[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 7).is_none_or(|b| !b.is_ascii_digit());
        if is_month && let Ok(year) = line[i..i + 4].parse::<i32>() {
            out.push_str(&format!("{:04}", year + years));
            i += 4;
        } else {
            let ch = line[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8().max(1);
        }
    }
    out
}

/// The ids (`YEAR/OFFICE/ACTIVITY`) of the plan folders that hold a `plan.yaml`.
fn plan_ids(content_dir: &Path) -> Vec<String> {
    let plans = content_dir.join("plans");
    walkdir::WalkDir::new(&plans)
        .min_depth(4)
        .max_depth(4)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name() == "plan.yaml")
        .filter_map(|entry| {
            let folder = entry.path().parent()?.strip_prefix(&plans).ok()?;
            Some(crate::diag::display_relative(folder))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copying_moves_months_and_drops_revisions() {
        let original = "fiscal_year: 2566\nspending_plan: { 2022-12: 100, 2566-01: 5 }\nrevisions:\n  - date: 2023-03-15\n    changes: { a: 1 }\nsign_off:\n  proposer: { name: x, title: y, date: 2022-09-29 }\n";
        let copy = copy_to_year(original, 1, FiscalYear(2567));
        assert_eq!(
            copy,
            "fiscal_year: 2567\nspending_plan: { 2023-12: 100, 2567-01: 5 }\nsign_off:\n  proposer: { name: x, title: y, date: 2023-09-29 }\n"
        );
    }

    #[test]
    fn numbers_that_are_not_months_are_kept() {
        assert_eq!(shift_years("amount: 12345-67", 1), "amount: 12345-67");
        assert_eq!(shift_years("job_no: กปน.13", 1), "job_no: กปน.13");
    }
}

//! `build --keep-going`: plans, fiscal years and pages whose files have errors are left out
//! of the publication and the rest is built; what was left out is listed on every page
//! where it would have been, on `left-out.html`, and on stderr grouped by office.

use crate::diag::plural;
use crate::diag::{Diagnostics, FileId, Severity, SourceMap};
use crate::model::{Content, FiscalYear};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The summary page of what was left out, linked from the home page.
pub const PAGE: &str = "left-out.html";

/// A plan left out of the publication.
#[derive(Debug, Clone, Serialize)]
pub struct LeftOutPlan {
    /// `2566/samut-prakan/debt-relief`.
    pub id: String,
    pub fiscal_year: i32,
    pub office: String,
    pub errors: usize,
    /// Every finding of the plan's folder, as `check` prints them.
    pub findings: String,
}

/// A settings file with errors: a fiscal year's (its plans are left out), site.yaml (its
/// defaults stand where it is wrong) or a free page (left out).
#[derive(Debug, Clone, Serialize)]
pub struct LeftOutFile {
    pub path: String,
    pub errors: usize,
    pub findings: String,
    /// In Thai: what the build did about it.
    pub effect: String,
}

/// Everything left out of one build.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LeftOut {
    pub plans: Vec<LeftOutPlan>,
    pub files: Vec<LeftOutFile>,
}

impl LeftOut {
    pub fn is_empty(&self) -> bool {
        self.plans.is_empty() && self.files.is_empty()
    }

    /// The plans left out that a page at `path` (relative to the output) would have shown:
    /// all of them on the home page (the summary page lists them itself), a year's on that year's pages,
    /// an office's on its office page.
    pub fn for_page(&self, path: &str) -> Vec<&LeftOutPlan> {
        let mut parts = path.split('/');
        let first = parts.next().unwrap_or_default();
        let Ok(year) = first.parse::<i32>() else {
            return if path == "index.html" {
                self.plans.iter().collect()
            } else {
                Vec::new()
            };
        };
        let office = match (parts.next(), parts.next()) {
            (Some("offices"), Some(office)) if office != "index.html" => Some(office),
            (Some("plans"), _) => return Vec::new(),
            _ => None,
        };
        self.plans
            .iter()
            .filter(|p| p.fiscal_year == year && office.is_none_or(|o| o == p.office))
            .collect()
    }

    /// Every error of what was left out, settings files first, then plans grouped by office.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for file in &self.files {
            out.push_str(&format!("── {}: {} ──\n", file.path, file.effect));
            out.push_str(&file.findings);
        }
        let mut offices: BTreeMap<(i32, &str), Vec<&LeftOutPlan>> = BTreeMap::new();
        for plan in &self.plans {
            offices
                .entry((plan.fiscal_year, &plan.office))
                .or_default()
                .push(plan);
        }
        for ((year, office), plans) in offices {
            out.push_str(&format!(
                "── office {year}/{office}: {} plan{} left out ──\n",
                plans.len(),
                crate::diag::plural(plans.len())
            ));
            for plan in plans {
                out.push_str(&plan.findings);
            }
        }
        out
    }

    /// The settings files with errors, named on the home page.
    pub fn files_for_page(&self, path: &str) -> Vec<&LeftOutFile> {
        if path == "index.html" {
            self.files.iter().collect()
        } else {
            Vec::new()
        }
    }

    /// The line printed at the end: `left out 2 plans (5 errors) …`.
    pub fn line(&self) -> String {
        let errors: usize = self.plans.iter().map(|p| p.errors).sum::<usize>()
            + self.files.iter().map(|f| f.errors).sum::<usize>();
        format!(
            "left out {} plan{} and {} settings file{} with {} error{}; see {PAGE}",
            self.plans.len(),
            plural(self.plans.len()),
            self.files.len(),
            plural(self.files.len()),
            errors,
            plural(errors)
        )
    }
}

/// The findings of `diags` that point into `file`.
fn findings_in(diags: &Diagnostics, file: FileId) -> Diagnostics {
    let mut out = Diagnostics::default();
    for finding in diags.findings().iter().filter(|f| f.loc.file == file) {
        match finding.severity {
            Severity::Error => out.error(finding.loc, finding.said()),
            Severity::Warning => out.warning(finding.loc, finding.said()),
        }
    }
    out
}

/// What a content checked with errors holds: its model, its files, and its findings by
/// where they belong.
pub struct Checked<'a> {
    pub content: &'a mut Content,
    pub sources: &'a SourceMap,
    pub settings_diagnostics: &'a Diagnostics,
    pub folder_diagnostics: &'a BTreeMap<String, Diagnostics>,
}

/// Takes out of `checked.content` every plan, fiscal year and page whose files have errors,
/// and says what was taken. What stays has no error, so it builds as a clean content would
/// once the errors are dropped (`check::Checked::leave_out`).
pub fn leave_out(checked: Checked<'_>) -> LeftOut {
    let sources: &SourceMap = checked.sources;
    let mut left = LeftOut::default();
    let mut years_out: BTreeSet<FiscalYear> = BTreeSet::new();
    let mut pages_out: BTreeSet<String> = BTreeSet::new();
    let files: BTreeSet<FileId> = checked
        .settings_diagnostics
        .findings()
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.loc.file)
        .collect();
    for file in files {
        let path = sources.display_path(file);
        let in_file = findings_in(checked.settings_diagnostics, file);
        let stem = sources
            .path(file)
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let effect = if path.starts_with("fiscal-years/") {
            match FiscalYear::parse(&stem) {
                Some(year) => {
                    years_out.insert(year);
                    format!("แผนทุกแผนของปีงบประมาณ {year} ไม่ได้เผยแพร่")
                }
                None => "ไม่ได้ใช้ไฟล์นี้".to_string(),
            }
        } else if path.starts_with("pages/") {
            pages_out.insert(stem);
            "ไม่ได้เผยแพร่หน้านี้".to_string()
        } else {
            "ใช้ค่าเริ่มต้นแทนค่าที่ผิด".to_string()
        };
        left.files.push(LeftOutFile {
            errors: in_file.error_count(),
            findings: in_file.render(sources),
            path,
            effect,
        });
    }
    for year in &years_out {
        checked.content.fiscal_years.remove(year);
    }
    checked
        .content
        .pages
        .retain(|p| !pages_out.contains(&p.slug));
    let bad_folders: BTreeMap<&String, &Diagnostics> = checked
        .folder_diagnostics
        .iter()
        .filter(|(_, d)| d.has_errors())
        .collect();
    for (id, diags) in &bad_folders {
        let mut parts = id.splitn(3, '/');
        let year = parts.next().and_then(FiscalYear::parse);
        left.plans.push(LeftOutPlan {
            id: (*id).clone(),
            fiscal_year: year.map_or(0, |y| y.0),
            office: parts.next().unwrap_or_default().to_string(),
            errors: diags.error_count(),
            findings: diags.render(sources),
        });
    }
    checked.content.plans.retain(|plan| {
        let id = plan.id.to_string();
        if bad_folders.contains_key(&id) {
            return false;
        }
        if years_out.contains(&plan.id.fiscal_year) {
            left.plans.push(LeftOutPlan {
                id,
                fiscal_year: plan.id.fiscal_year.0,
                office: plan.id.office.clone(),
                errors: 0,
                findings: format!(
                    "fiscal-years/{}.yaml has errors: the plans of its year are left out\n",
                    plan.id.fiscal_year
                ),
            });
            return false;
        }
        true
    });
    left.plans.sort_by(|a, b| a.id.cmp(&b.id));
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(id: &str) -> LeftOutPlan {
        let mut parts = id.split('/');
        LeftOutPlan {
            id: id.into(),
            fiscal_year: parts.next().unwrap().parse().unwrap(),
            office: parts.next().unwrap().into(),
            errors: 1,
            findings: format!("{id}: error\n"),
        }
    }

    #[test]
    fn each_page_names_the_plans_it_would_have_shown() {
        let left = LeftOut {
            plans: vec![plan("2566/a/x"), plan("2566/b/y"), plan("2567/a/z")],
            files: Vec::new(),
        };
        let ids = |path: &str| -> Vec<String> {
            left.for_page(path).iter().map(|p| p.id.clone()).collect()
        };
        assert_eq!(ids("index.html").len(), 3);
        assert!(ids(PAGE).is_empty());
        assert_eq!(ids("2566/index.html"), ["2566/a/x", "2566/b/y"]);
        assert_eq!(ids("2566/offices/index.html"), ["2566/a/x", "2566/b/y"]);
        assert_eq!(ids("2566/offices/a/index.html"), ["2566/a/x"]);
        assert_eq!(ids("2566/reports/2023-01/index.html").len(), 2);
        assert!(ids("2566/plans/b/other/index.html").is_empty());
        assert!(ids("pages/about.html").is_empty());
        let report = left.report();
        assert!(report.contains("── office 2566/a: 1 plan left out ──\n2566/a/x: error\n"));
        assert!(report.find("2566/b").unwrap() < report.find("2567/a").unwrap());
    }
}

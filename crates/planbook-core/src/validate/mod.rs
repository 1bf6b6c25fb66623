//! Validate: turn the raw layer into the checked model, collecting every finding.
//!
//! Per-file checks happen while converting (types, ids, sums, dates); cross-file checks
//! follow (missing plan or fiscal-year files, duplicate months, spending against the budget).

pub mod budget;
pub mod codes;
pub mod fields;
pub mod file_names;
pub mod ids;
pub mod names;
pub mod plan;
pub mod progress;
pub mod site;
pub mod spending;
pub mod suggest;
pub mod unfinished;

use crate::diag::{Diagnostics, FileId, SourceMap};
use crate::load::RawSettings;
use crate::load::yaml::file_start;
use crate::model::{FiscalYear, FiscalYearSettings, Page, PlanId, Site};
use fields::{Fields, is_valid_id};
use names::Names;
use plan::PlanContext;
use std::collections::{BTreeMap, BTreeSet};

/// The checked settings every plan depends on.
pub struct Settings {
    pub site: Site,
    pub fiscal_years: BTreeMap<FiscalYear, FiscalYearSettings>,
    pub pages: Vec<Page>,
    /// The shared names of this check, for the plans checked against these settings.
    pub names: Names,
    /// Years whose fiscal-year file exists but could not be read or checked (its own error
    /// is reported): their plans are not told again that the file is missing.
    pub unreadable_years: BTreeSet<FiscalYear>,
}

/// The fiscal year a year folder (`plans/2566/`) or fiscal-year file (`2566.yaml`) is
/// named for. Names are B.E., written as four digits: a C.E. name (`2023`) is refused with
/// the B.E. name to use, so one year never has two spellings (and one plan two folders).
pub fn year_name(text: &str) -> Result<FiscalYear, YearNameError> {
    match FiscalYear::parse(text) {
        Some(year) if year.to_string() == text => Ok(year),
        Some(year) if text.trim() == text => Err(YearNameError::CommonEra(year)),
        _ => Err(YearNameError::NotAYear),
    }
}

/// Why a name is not a year name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearNameError {
    /// A C.E. year; the B.E. year it means.
    CommonEra(FiscalYear),
    NotAYear,
}

/// Reports plan folders whose year folders name one fiscal year twice (`plans/2023/a/b/`
/// beside `plans/2566/a/b/`): at the B.E. folder, naming the other (the C.E. one has its
/// own error), so the plan is never counted twice.
pub fn same_plan_twice(found: &crate::load::Discovered, diags: &mut Diagnostics) {
    let mut by_plan: BTreeMap<(FiscalYear, &str, &str), Vec<&str>> = BTreeMap::new();
    for plan_id in found.plan_folders.keys() {
        let mut parts = plan_id.splitn(3, '/');
        if let (Some(fy), Some(office), Some(activity)) = (parts.next(), parts.next(), parts.next())
            && let Some(year) = FiscalYear::parse(fy)
        {
            by_plan
                .entry((year, office, activity))
                .or_default()
                .push(plan_id);
        }
    }
    for ((year, office, activity), ids) in by_plan.iter().filter(|(_, ids)| ids.len() > 1) {
        let canonical = format!("{year}/{office}/{activity}");
        let Some(first) = found
            .plan_folders
            .get(&canonical)
            .and_then(|files| files.files().min())
        else {
            continue;
        };
        let others: Vec<String> = ids
            .iter()
            .filter(|id| **id != canonical)
            .map(|id| format!("plans/{id}/"))
            .collect();
        diags.error(
            file_start(first),
            crate::msg!(
                "plan-in-two-folders",
                plan = canonical,
                others = others.join(", ")
            ),
        );
    }
}

/// Checks site.yaml, the fiscal years and the pages.
pub fn settings(raw: &RawSettings, sources: &SourceMap, diags: &mut Diagnostics) -> Settings {
    let names = Names::default();
    let site = raw
        .site
        .as_ref()
        .map(|(file, s)| {
            site::site(
                Fields {
                    file: *file,
                    names: &names,
                },
                s,
                diags,
            )
        })
        .unwrap_or_default();
    let (fiscal_years, unreadable_years) = fiscal_years(raw, sources, &names, diags);
    Settings {
        site,
        fiscal_years,
        pages: pages(raw, &names, diags),
        names,
        unreadable_years,
    }
}

fn fiscal_years(
    raw: &RawSettings,
    sources: &SourceMap,
    names: &Names,
    diags: &mut Diagnostics,
) -> (
    BTreeMap<FiscalYear, FiscalYearSettings>,
    BTreeSet<FiscalYear>,
) {
    let stem = |file: FileId| {
        sources
            .path(file)
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .map(str::to_string)
    };
    let mut unreadable: BTreeSet<FiscalYear> = raw
        .unreadable_fiscal_years
        .iter()
        .filter_map(|&file| FiscalYear::parse(&stem(file)?))
        .collect();
    let mut years = BTreeMap::new();
    let mut files: BTreeMap<FiscalYear, Vec<FileId>> = BTreeMap::new();
    for (file, fy) in &raw.fiscal_years {
        let stem = stem(*file);
        let named = stem.as_deref().and_then(FiscalYear::parse);
        if let Some(stem) = &stem
            && let Err(YearNameError::CommonEra(year)) = year_name(stem)
        {
            diags.error(
                file_start(*file),
                crate::msg!("fiscal-year-file-ce", stem = stem, year = year),
            );
        }
        match site::fiscal_year(Fields { file: *file, names }, fy, named, diags) {
            Some(settings) => {
                files.entry(settings.year).or_default().push(*file);
                years.entry(settings.year).or_insert(settings);
            }
            None => unreadable.extend(named),
        }
    }
    // Two files for one year: an error at each, naming the others.
    for (year, files) in files.iter().filter(|(_, files)| files.len() > 1) {
        for &file in files {
            let others: Vec<String> = files
                .iter()
                .filter(|&&other| other != file)
                .map(|&other| sources.display_path(other).to_string())
                .collect();
            diags.error(
                file_start(file),
                crate::msg!("fiscal-year-twice", year = year, others = others.join(", ")),
            );
        }
    }
    (years, unreadable)
}

/// Checks one plan folder (plan.yaml and its progress entries) against the settings.
pub fn plan_folder(
    plan_id: &str,
    folder: &crate::load::RawPlanFolder,
    settings: &Settings,
    diags: &mut Diagnostics,
) -> Option<crate::model::Plan> {
    let missing_year = FiscalYearSettings::default();
    let site = &settings.site;
    let Some((file, raw_plan)) = &folder.plan else {
        if !folder.plan_unreadable
            && let Some(first) = folder.first_file
        {
            diags.error(
                file_start(first),
                crate::msg!("plan-folder-no-plan", plan = plan_id),
            );
        }
        return None;
    };
    let start = file_start(*file);
    let mut parts = plan_id.split('/');
    let (Some(fy_text), Some(office), Some(activity)) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let fiscal_year = match year_name(fy_text) {
        Ok(year) => year,
        Err(YearNameError::CommonEra(year)) => {
            diags.error(
                start,
                crate::msg!("year-folder-ce", folder = fy_text, year = year),
            );
            return None;
        }
        Err(YearNameError::NotAYear) => {
            diags.error(start, crate::msg!("year-folder-not-year", folder = fy_text));
            return None;
        }
    };
    for (what, name) in [("office", office), ("activity", activity)] {
        if !is_valid_id(name) {
            diags.error(
                start,
                crate::msg!("folder-name-invalid", what = what, name = name),
            );
        }
    }
    let id = PlanId {
        fiscal_year,
        office: office.to_string(),
        activity: activity.to_string(),
    };
    let excess = file_names::excess_bytes(&id);
    if excess > 0 {
        diags.error(
            start,
            crate::msg!(
                "folder-names-too-long",
                bytes = file_names::longest_file_name(&id),
                limit = file_names::MAX_FILE_NAME_BYTES,
                excess = excess
            ),
        );
    }
    let year = settings.fiscal_years.get(&fiscal_year).unwrap_or_else(|| {
        if !settings.unreadable_years.contains(&fiscal_year) {
            diags.error(
                start,
                crate::msg!("fiscal-year-no-file", year = fiscal_year),
            );
        }
        &missing_year
    });
    let context = PlanContext {
        site,
        year,
        names: &settings.names,
    };
    let mut plan = plan::plan(*file, id, raw_plan, &context, diags);
    let mut entries: Vec<crate::model::ProgressEntry> = Vec::with_capacity(folder.progress.len());
    for (entry_file, raw_entry) in &folder.progress {
        let Some(entry) = progress::entry(
            Fields {
                file: *entry_file,
                names: &settings.names,
            },
            raw_entry,
            &plan,
            diags,
        ) else {
            continue;
        };
        if entries.iter().any(|e| e.month == entry.month) {
            diags.error(
                entry.month_loc,
                crate::msg!("entry-twice", month = entry.month),
            );
            continue;
        }
        entries.push(entry);
    }
    entries.sort_by_key(|e| e.month);
    plan.entries = entries;
    plan.shrink_to_fit();
    spending::check(&plan, diags);
    Some(plan)
}

fn pages(raw: &RawSettings, names: &Names, diags: &mut Diagnostics) -> Vec<Page> {
    let mut pages: Vec<Page> = raw
        .pages
        .iter()
        .filter_map(|p| {
            let f = Fields {
                file: p.file,
                names,
            };
            let title = f.required_text(&p.front.title, "title", f.start(), diags);
            let weight = p.front.weight.as_ref().and_then(|w| {
                let value = w.value.trim().parse::<i64>().ok();
                if value.is_none() {
                    diags.error(
                        f.at(w),
                        crate::msg!("page-weight-invalid", value = &w.value),
                    );
                }
                value
            });
            if !is_valid_id(&p.slug) {
                diags.error(f.start(), crate::msg!("page-name-invalid", slug = &p.slug));
                return None;
            }
            Some(Page {
                slug: p.slug.clone(),
                title: title?,
                description: f.optional_text(&p.front.description, diags),
                weight: weight.unwrap_or(0),
                body: p.body.clone(),
            })
        })
        .collect();
    pages.sort_by(|a, b| (a.weight, &a.slug).cmp(&(b.weight, &b.slug)));
    pages
}

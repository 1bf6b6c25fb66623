//! Validate: turn the raw layer into the checked model, collecting every finding.
//!
//! Per-file checks happen while converting (types, ids, sums, dates); cross-file checks
//! follow (missing plan or fiscal-year files, duplicate months, spending against the budget).

pub mod budget;
pub mod codes;
pub mod fields;
pub mod ids;
pub mod names;
pub mod plan;
pub mod progress;
pub mod site;
pub mod spending;

use crate::diag::{Diagnostics, SourceMap};
use crate::load::RawSettings;
use crate::load::yaml::file_start;
use crate::model::{FiscalYear, FiscalYearSettings, Page, PlanId, Site};
use fields::{Fields, is_valid_id};
use names::Names;
use plan::PlanContext;
use std::collections::BTreeMap;

/// The checked settings every plan depends on.
pub struct Settings {
    pub site: Site,
    pub fiscal_years: BTreeMap<FiscalYear, FiscalYearSettings>,
    pub pages: Vec<Page>,
    /// The shared names of this check, for the plans checked against these settings.
    pub names: Names,
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
    Settings {
        site,
        fiscal_years: fiscal_years(raw, sources, &names, diags),
        pages: pages(raw, &names, diags),
        names,
    }
}

fn fiscal_years(
    raw: &RawSettings,
    sources: &SourceMap,
    names: &Names,
    diags: &mut Diagnostics,
) -> BTreeMap<FiscalYear, FiscalYearSettings> {
    let mut years = BTreeMap::new();
    let mut files = BTreeMap::new();
    for (file, fy) in &raw.fiscal_years {
        let named = sources
            .path(*file)
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .and_then(FiscalYear::parse);
        if let Some(settings) = site::fiscal_year(Fields { file: *file, names }, fy, named, diags) {
            if let Some(first) = files.insert(settings.year, *file) {
                diags.error(
                    file_start(*file),
                    format!(
                        "fiscal year {} is already defined in {}",
                        settings.year,
                        sources.display_path(first)
                    ),
                );
            } else {
                years.insert(settings.year, settings);
            }
        }
    }
    years
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
                format!("the plan folder plans/{plan_id}/ has no plan.yaml"),
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
    let Some(fiscal_year) = FiscalYear::parse(fy_text) else {
        diags.error(
            start,
            format!("plans/{fy_text}/ is not a fiscal year: plan folders are plans/<year B.E.>/<office>/<activity>/"),
        );
        return None;
    };
    for (what, name) in [("office", office), ("activity", activity)] {
        if !is_valid_id(name) {
            diags.error(
                start,
                format!(
                    "the {what} folder name `{name}` must use lower-case a-z, digits 0-9 and `-`"
                ),
            );
        }
    }
    let year = settings.fiscal_years.get(&fiscal_year).unwrap_or_else(|| {
        diags.error(
            start,
            format!("fiscal year {fiscal_year} has no fiscal-years/{fiscal_year}.yaml"),
        );
        &missing_year
    });
    let id = PlanId {
        fiscal_year,
        office: office.to_string(),
        activity: activity.to_string(),
    };
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
                format!(
                    "a second entry for {}: one entry per plan per month",
                    entry.month
                ),
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
                        format!("weight `{}` is not a whole number", w.value),
                    );
                }
                value
            });
            if !is_valid_id(&p.slug) {
                diags.error(
                    f.start(),
                    format!(
                        "page file name `{}.md` must use lower-case a-z, digits 0-9 and `-`",
                        p.slug
                    ),
                );
                return None;
            }
            Some(Page {
                slug: p.slug.clone(),
                title: title?,
                description: f.optional_text(&p.front.description),
                weight: weight.unwrap_or(0),
                body: p.body.clone(),
            })
        })
        .collect();
    pages.sort_by(|a, b| (a.weight, &a.slug).cmp(&(b.weight, &b.slug)));
    pages
}

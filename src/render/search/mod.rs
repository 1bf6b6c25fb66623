//! Search: an index of every year's plans, offices, programs and projects, built from the
//! computed figures with the site's pages and written beside the search page
//! (`search/index.js`), where the theme's `search.js` queries it in the browser.
//!
//! Indexed: names (ranked first), codes and ids (office and activity ids, GFMIS codes, job
//! numbers), then a plan's office name and the narrative of its latest month.

mod index;
pub mod words;

pub use index::{DocumentNumber, Field, Kind, SearchIndex};

use crate::compute::YearFigures;
use crate::model::Plan;
use crate::paths::{self, GroupKind};
use crate::render::views::SiteContext;

/// The search page.
pub const PAGE: &str = "search/index.html";
/// The index the search page loads, beside it.
pub const INDEX: &str = "search/index.js";

/// The index of the whole site: for each year (latest first) its offices, programs,
/// projects and plans.
pub fn site_index(ctx: &SiteContext<'_>) -> SearchIndex {
    let mut index = SearchIndex::default();
    for year in &ctx.figures.years {
        add_year(&mut index, ctx, year);
    }
    index
}

fn add_year<'a>(index: &mut SearchIndex, ctx: &SiteContext<'a>, year: &'a YearFigures) {
    for (_, office) in &year.offices {
        let page = paths::office(year.year, &office.key);
        let doc = index.add_document(&office.name, &page, Kind::Office, None);
        index.add_text(doc, Field::Name, &office.name);
        index.add_text(doc, Field::Code, &office.key);
    }
    for (kind, groups, group_kind) in [
        (Kind::Program, &year.by_program, GroupKind::Program),
        (Kind::Project, &year.by_project, GroupKind::Project),
    ] {
        for group in groups {
            let page = ctx.group_href(year.year, group_kind, &group.key);
            let doc = index.add_document(&group.name, &page, kind, None);
            index.add_text(doc, Field::Name, &group.name);
            if kind == Kind::Program {
                let mut codes: Vec<&str> = group
                    .plans
                    .iter()
                    .filter_map(|&i| ctx.plan(year, i).0.program_code.as_deref())
                    .collect();
                codes.sort_unstable();
                codes.dedup();
                index.add_text(doc, Field::Code, &codes.join(" "));
            }
        }
    }
    for (plan, _) in ctx.plans(year) {
        add_plan(index, plan, year);
    }
}

fn add_plan(index: &mut SearchIndex, plan: &Plan, year: &YearFigures) {
    let page = paths::plan(&plan.id);
    let doc = index.add_document(&plan.activity, &page, Kind::Plan, Some(&plan.office_name));
    index.add_text(doc, Field::Name, &plan.activity);
    let codes = [
        Some(plan.id.office.as_str()),
        Some(plan.id.activity.as_str()),
        plan.activity_code.as_deref(),
        plan.job_no.as_deref(),
    ];
    for code in codes.into_iter().flatten() {
        index.add_text(doc, Field::Code, code);
    }
    index.add_text(doc, Field::Text, &plan.office_name);
    let latest = plan
        .entries
        .iter()
        .filter(|e| e.month <= year.as_of)
        .max_by_key(|e| e.month);
    if let Some(narrative) = latest.and_then(|e| e.narrative.as_ref()) {
        index.add_text(doc, Field::Text, &narrative.text());
    }
}

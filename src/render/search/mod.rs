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
use std::borrow::Cow;

/// The search page.
pub const PAGE: &str = "search/index.html";
/// The index the search page loads, beside it.
pub const INDEX: &str = "search/index.js";

/// The index of the whole site: for each year (latest first) its offices, programs,
/// projects and plans.
pub fn site_index(ctx: &SiteContext<'_>) -> SearchIndex {
    cut_plan_texts(ctx);
    let mut index = SearchIndex::default();
    for year in &ctx.figures.years {
        add_year(&mut index, ctx, year);
    }
    index
}

fn add_year<'a>(index: &mut SearchIndex, ctx: &SiteContext<'a>, year: &'a YearFigures) {
    // By key, not by rank: the index holds no figure, so figures alone cannot change it
    // (a rebuild leaves it as it was unless `indexed_texts` differ).
    let mut offices: Vec<_> = year.offices.iter().map(|(_, office)| office).collect();
    offices.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    for office in offices {
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

/// Cuts the plans' names and narratives into words side by side, ahead of the index, which
/// then finds them cut ([`words::words_cached`]).
fn cut_plan_texts(ctx: &SiteContext<'_>) {
    use rayon::prelude::*;
    let texts: Vec<Cow<'_, str>> = ctx
        .figures
        .years
        .iter()
        .flat_map(|year| {
            ctx.plans(year).flat_map(move |(plan, _)| {
                let narrative = latest_narrative(plan, year);
                [Some(Cow::Borrowed(&*plan.activity)), narrative]
                    .into_iter()
                    .flatten()
            })
        })
        .collect();
    texts.par_iter().for_each(|text| {
        words::words_cached(text);
    });
}

/// The narrative of the plan's latest entry as of the year's month, if it has one.
fn latest_narrative<'a>(plan: &'a Plan, year: &YearFigures) -> Option<Cow<'a, str>> {
    plan.entries
        .iter()
        .filter(|e| e.month <= year.as_of)
        .max_by_key(|e| e.month)
        .and_then(|e| e.narrative.as_ref())
        .map(|narrative| narrative.text())
}

/// What of a plan the index holds, for any month as of which it is built: two readings of
/// a plan with equal texts give the index the same entries. Keep in step with [`add_plan`]
/// and the program codes of [`add_year`].
pub fn indexed_texts(plan: &Plan) -> impl PartialEq + '_ {
    (
        [&plan.activity, &plan.office_name],
        [
            plan.activity_code.as_deref(),
            plan.job_no.as_deref(),
            plan.program_code.as_deref(),
        ],
        plan.entries
            .iter()
            .map(|entry| (entry.month, entry.narrative.as_ref()))
            .collect::<Vec<_>>(),
    )
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
    if let Some(narrative) = latest_narrative(plan, year) {
        index.add_text(doc, Field::Text, &narrative);
    }
}

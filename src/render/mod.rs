//! Render: figures into pages through the theme's tera templates.

pub mod charts;
pub mod document;
pub mod filters;
pub mod theme;

use crate::compute::{Figures, round2};
use crate::model::Content;
use crate::thai::{baht, format_number};
use serde::Serialize;
use theme::Theme;

/// A failure to render a template, naming it.
#[derive(Debug)]
pub struct RenderError {
    pub template: String,
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template {}: {}", self.template, self.message)
    }
}

impl std::error::Error for RenderError {}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    organisation: &'a str,
}

#[derive(Serialize)]
struct PlanRow<'a> {
    office: &'a str,
    activity: &'a str,
    allocation: String,
    disbursed: String,
    rate: String,
    target: String,
    gap: String,
    status: &'static str,
    data: String,
}

#[derive(Serialize)]
struct YearView<'a> {
    fiscal_year: i32,
    as_of: String,
    allocation: String,
    disbursed: String,
    rate: String,
    plans: Vec<PlanRow<'a>>,
}

#[derive(Serialize)]
struct IndexView<'a> {
    site: SiteView<'a>,
    years: Vec<YearView<'a>>,
}

fn pct(value: rust_decimal::Decimal) -> String {
    format_number(round2(value), 2)
}

/// `index.html`: every plan of every year with its figures.
pub fn index_page(
    theme: &Theme,
    content: &Content,
    figures: &Figures,
) -> Result<String, RenderError> {
    let years = figures
        .years
        .iter()
        .map(|year| YearView {
            fiscal_year: year.year.0,
            as_of: year.as_of.to_string(),
            allocation: baht(year.total.totals.allocation),
            disbursed: baht(year.total.totals.disbursed),
            rate: pct(year.total.totals.disbursement_rate()),
            plans: year
                .plan_indices
                .iter()
                .zip(&year.plans)
                .map(|(&i, f)| {
                    let plan = &content.plans[i];
                    PlanRow {
                        office: &plan.office_name,
                        activity: &plan.activity,
                        allocation: baht(f.totals.allocation),
                        disbursed: baht(f.totals.disbursed),
                        rate: pct(f.totals.disbursement_rate()),
                        target: f.target.quarter_target.map(pct).unwrap_or_default(),
                        gap: f.target.target_gap.map(pct).unwrap_or_default(),
                        status: f.target.status.as_str(),
                        data: crate::export::plan_json_path(&plan.id),
                    }
                })
                .collect(),
        })
        .collect();
    let view = IndexView {
        site: SiteView {
            title: &content.site.title,
            organisation: &content.site.organisation,
        },
        years,
    };
    theme.render("index.html", &view)
}

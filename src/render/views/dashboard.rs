//! `index.html`: the latest fiscal year at a glance.

use super::SiteContext;
use super::charts::{self, Charts};
use super::common::ALERT_LIMIT;
use super::common::{
    AlertView, Layout, MonthRow, RollUpRow, Summary, limited_alerts, month_rows, rollup_row,
    rollup_summary,
};
use crate::render::paths;
use serde::Serialize;

#[derive(Serialize)]
pub struct DashboardView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    /// None when the content has no plan yet.
    pub year: Option<YearGlance<'a>>,
}

/// Where a fiscal year stands: shared by the dashboard and the year page.
#[derive(Serialize)]
pub struct YearGlance<'a> {
    pub fiscal_year: i32,
    pub as_of: String,
    /// Why the figures are as of that month.
    pub as_of_note: String,
    pub href: String,
    pub plans: usize,
    pub summary: Summary,
    pub months: Vec<MonthRow>,
    pub offices: Vec<RollUpRow<'a>>,
    /// The most serious alerts, at most `ALERT_LIMIT`.
    pub alerts: Vec<AlertView<'a>>,
    pub alert_total: usize,
    pub charts: Charts,
}

pub fn year_glance<'a>(
    ctx: &SiteContext<'a>,
    year: &'a crate::compute::YearFigures,
) -> YearGlance<'a> {
    let (alerts, alert_total) = limited_alerts(ctx.plans(year), ALERT_LIMIT);
    YearGlance {
        fiscal_year: year.year.0,
        as_of: year.as_of.to_string(),
        as_of_note: super::common::as_of_note(year),
        href: paths::year(year.year),
        plans: year.plans.len(),
        summary: rollup_summary(&year.total),
        months: month_rows(year, &year.total.months),
        offices: year
            .offices
            .iter()
            .map(|(rank, office)| {
                rollup_row(office, Some(*rank), paths::office(year.year, &office.key))
            })
            .collect(),
        alerts,
        alert_total,
        charts: Charts {
            s_curve: charts::s_curve(
                "ผลการเบิกจ่ายสะสม แผนการใช้จ่าย และเป้าหมายรายไตรมาส",
                &year.total.months,
                year.year,
            ),
            offices: charts::offices("ร้อยละการเบิกจ่ายรายหน่วยงานเทียบเป้าหมาย", year),
            ..Charts::default()
        },
    }
}

pub fn dashboard<'a>(ctx: &'a SiteContext<'a>) -> DashboardView<'a> {
    let year = ctx.figures.current_year(ctx.content);
    DashboardView {
        layout: ctx.layout(
            paths::dashboard(),
            ctx.content.site.title.clone(),
            "dashboard",
            Vec::new(),
        ),
        year: year.map(|y| year_glance(ctx, y)),
    }
}

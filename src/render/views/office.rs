//! `<fy>/offices/index.html` (offices ranked) and `<fy>/offices/<office>/index.html`.

use super::SiteContext;
use super::charts::{self, Charts};
use super::common::{
    AlertView, Crumb, Download, Layout, MonthRow, PlanRow, RollUpRow, Summary, month_rows,
    plan_row, plans_alerts, rollup_row, rollup_summary,
};
use crate::compute::{RollUp, YearFigures};
use crate::render::paths;
use serde::Serialize;

#[derive(Serialize)]
pub struct OfficesView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub fiscal_year: i32,
    pub as_of: String,
    pub offices: Vec<RollUpRow<'a>>,
    pub charts: Charts,
    pub downloads: Vec<Download>,
}

pub fn offices_page<'a>(ctx: &'a SiteContext<'a>, year: &'a YearFigures) -> OfficesView<'a> {
    OfficesView {
        layout: ctx.layout(
            paths::offices(year.year),
            "ผลการเบิกจ่ายรายหน่วยงาน".into(),
            "offices",
            super::year_crumbs(year),
        ),
        fiscal_year: year.year.0,
        as_of: year.as_of.to_string(),
        offices: year
            .offices
            .iter()
            .map(|(rank, o)| rollup_row(o, Some(*rank), paths::office(year.year, &o.key)))
            .collect(),
        charts: Charts {
            offices: charts::offices("ร้อยละการเบิกจ่ายรายหน่วยงานเทียบเป้าหมาย", year),
            ..Charts::default()
        },
        downloads: vec![Download::new(
            "หน่วยงาน (CSV)",
            crate::export::offices_csv_path(year.year),
        )],
    }
}

#[derive(Serialize)]
pub struct OfficeView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub fiscal_year: i32,
    pub as_of: String,
    pub name: &'a str,
    pub rank: usize,
    pub ranked: usize,
    pub summary: Summary,
    pub months: Vec<MonthRow>,
    pub plans: Vec<PlanRow<'a>>,
    pub alerts: Vec<AlertView<'a>>,
    pub charts: Charts,
    /// The office's register of every month with an entry: (page, workbook).
    pub registers: Vec<RegisterLink>,
    pub downloads: Vec<Download>,
}

#[derive(Serialize)]
pub struct RegisterLink {
    pub month: String,
    pub href: String,
    pub workbook: String,
}

pub fn office_page<'a>(
    ctx: &'a SiteContext<'a>,
    year: &'a YearFigures,
    rank: usize,
    office: &'a RollUp,
) -> OfficeView<'a> {
    let mut crumbs = super::year_crumbs(year);
    crumbs.push(Crumb::new("หน่วยงาน", paths::offices(year.year)));
    let plans = || office.plans.iter().map(|&i| ctx.plan(year, i));
    OfficeView {
        layout: ctx.layout(
            paths::office(year.year, &office.key),
            office.name.clone(),
            "offices",
            crumbs,
        ),
        fiscal_year: year.year.0,
        as_of: year.as_of.to_string(),
        name: &office.name,
        rank,
        ranked: year.offices.len(),
        summary: rollup_summary(office),
        months: month_rows(year, &office.months),
        plans: plans().map(|(p, f)| plan_row(p, f)).collect(),
        alerts: plans_alerts(plans()),
        charts: Charts {
            s_curve: charts::s_curve(
                "ผลการเบิกจ่ายสะสมของหน่วยงานเทียบแผนและเป้าหมาย",
                &office.months,
                year.year,
            ),
            ..Charts::default()
        },
        registers: crate::register::register_months(ctx.content, year, office)
            .into_iter()
            .map(|month| RegisterLink {
                month: month.to_string(),
                href: paths::register(year.year, &office.key, month),
                workbook: crate::register::workbook_path(year.year, month, &office.key),
            })
            .collect(),
        downloads: vec![Download::new(
            "แผนของหน่วยงาน (CSV)",
            crate::export::office_csv_path(year.year, &office.key),
        )],
    }
}

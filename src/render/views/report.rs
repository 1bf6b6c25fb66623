//! Monthly reports across offices: `<fy>/reports/index.html` lists the months, and
//! `<fy>/reports/<YYYY-MM>/index.html` gives each office's figures that month and to date,
//! how many of its plans reported, and its email report of the month, which holds every
//! plan's figures, narrative and problems. The page grows with the offices, not the plans:
//! a department's month is 77 rows, whatever the number of activities.

use super::SiteContext;
use super::common::{Crumb, Layout, MonthRow, month_row, month_rows};
use super::year::MonthLink;
use crate::compute::YearFigures;
use crate::model::Month;
use crate::render::paths;
use serde::Serialize;

#[derive(Serialize)]
pub struct ReportsView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub fiscal_year: i32,
    pub months: Vec<ReportsRow>,
}

#[derive(Serialize)]
pub struct ReportsRow {
    #[serde(flatten)]
    pub link: MonthLink,
    pub row: Option<MonthRow>,
    /// Plans with an entry that month, of all plans.
    pub reported: usize,
    pub plans: usize,
}

pub fn reports_page<'a>(ctx: &'a SiteContext<'a>, year: &'a YearFigures) -> ReportsView<'a> {
    let rows = month_rows(year, &year.total.months);
    let mut rows = rows.into_iter();
    ReportsView {
        layout: ctx.layout(
            paths::reports(year.year),
            "รายงานผลการดำเนินงานประจำเดือน".into(),
            "reports",
            super::year_crumbs(year),
        ),
        fiscal_year: year.year.0,
        months: crate::compute::series::months_through(year.year, year.as_of)
            .map(|month| ReportsRow {
                link: MonthLink {
                    month: month.to_string(),
                    href: paths::report(year.year, month),
                },
                row: rows.next(),
                reported: ctx
                    .plans(year)
                    .filter(|(p, _)| p.entries.iter().any(|e| e.month == month))
                    .count(),
                plans: year.plans.len(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct ReportView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub fiscal_year: i32,
    pub month: String,
    pub as_of: String,
    pub previous: Option<MonthLink>,
    pub next: Option<MonthLink>,
    pub total: Option<MonthRow>,
    pub offices: Vec<OfficeMonth<'a>>,
}

#[derive(Serialize)]
pub struct OfficeMonth<'a> {
    pub name: &'a str,
    pub href: String,
    /// The office's email report of the month (one self-contained file), and the name a
    /// download gives it.
    pub download: String,
    pub download_name: String,
    pub row: Option<MonthRow>,
    /// The office's register of the month, where one of its plans has an entry.
    pub register: Option<String>,
    /// The office's plans with an entry that month, of all its plans.
    pub reported: usize,
    pub plans: usize,
}

pub fn report_page<'a>(
    ctx: &'a SiteContext<'a>,
    year: &'a YearFigures,
    month: Month,
) -> ReportView<'a> {
    let mut crumbs = super::year_crumbs(year);
    crumbs.push(Crumb::new("รายงานประจำเดือน", paths::reports(year.year)));
    let link = |m: Month| MonthLink {
        month: m.to_string(),
        href: paths::report(year.year, m),
    };
    let previous = year
        .year
        .months()
        .take_while(|m| *m < month)
        .last()
        .map(link);
    let next = Some(month.next())
        .filter(|m| *m <= year.as_of && year.year.contains_month(*m))
        .map(link);
    let mut offices: Vec<&crate::compute::RollUp> = year.offices.iter().map(|(_, o)| o).collect();
    offices.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.key.cmp(&b.key)));
    ReportView {
        layout: ctx.layout(
            paths::report(year.year, month),
            "รายงานผลการดำเนินงานประจำเดือน".into(),
            "reports",
            crumbs,
        ),
        fiscal_year: year.year.0,
        month: month.to_string(),
        as_of: year.as_of.to_string(),
        previous,
        next,
        total: month_row(year, &year.total.months, month),
        offices: offices
            .into_iter()
            .map(|office| OfficeMonth {
                name: &office.name,
                href: paths::office(year.year, &office.key),
                download: paths::report_download(year.year, month, &office.key),
                download_name: paths::report_file_name(&office.key, None, month),
                row: month_row(year, &office.months, month),
                register: crate::register::has_register(ctx.content, year, office, month)
                    .then(|| paths::register(year.year, &office.key, month)),
                reported: office
                    .plans
                    .iter()
                    .filter(|&&i| ctx.plan(year, i).0.entries.iter().any(|e| e.month == month))
                    .count(),
                plans: office.plans.len(),
            })
            .collect(),
    }
}

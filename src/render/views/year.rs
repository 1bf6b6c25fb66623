//! `<fy>/index.html`: a fiscal year with every plan, its groupings and its monthly reports.

use super::common::{Download, LIST_LIMIT, Layout, PlanRow, limited_plan_rows};
use super::dashboard::{YearGlance, year_glance};
use super::{SiteContext, groups_of};
use crate::compute::YearFigures;
use crate::render::paths::{self, GroupKind};
use serde::Serialize;

#[derive(Serialize)]
pub struct YearView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub year: YearGlance<'a>,
    /// Every plan, or the `LIST_LIMIT` lowest rates of a large year.
    pub plans: Vec<PlanRow<'a>>,
    pub plan_total: usize,
    pub groups: Vec<GroupLink>,
    pub reports: Vec<MonthLink>,
    pub offices_href: String,
    pub reports_href: String,
    pub downloads: Vec<Download>,
}

#[derive(Serialize)]
pub struct GroupLink {
    pub kind: GroupKind,
    pub href: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct MonthLink {
    pub month: String,
    pub href: String,
}

pub fn year_page<'a>(ctx: &'a SiteContext<'a>, year: &'a YearFigures) -> YearView<'a> {
    let mut crumbs = super::year_crumbs(year);
    crumbs.truncate(1);
    let path = paths::year(year.year);
    let (plans, plan_total) = limited_plan_rows(ctx.plans(year), LIST_LIMIT);
    YearView {
        layout: ctx.layout(
            path,
            format!("ปีงบประมาณ พ.ศ. {}", year.year.0),
            "year",
            crumbs,
        ),
        year: year_glance(ctx, year),
        plans,
        plan_total,
        groups: GroupKind::ALL
            .iter()
            .map(|&kind| GroupLink {
                kind,
                href: paths::groups(year.year, kind),
                count: groups_of(year, kind).len(),
            })
            .collect(),
        reports: month_links(year),
        offices_href: paths::offices(year.year),
        reports_href: paths::reports(year.year),
        downloads: vec![
            Download::new("แผนทั้งหมด (CSV)", crate::export::plans_csv_path(year.year)),
            Download::new("ผลรายเดือน (CSV)", crate::export::months_csv_path(year.year)),
            Download::new("หน่วยงาน (CSV)", crate::export::offices_csv_path(year.year)),
        ],
    }
}

/// October through the as-of month, each linking to its report.
pub fn month_links(year: &YearFigures) -> Vec<MonthLink> {
    crate::compute::series::months_through(year.year, year.as_of)
        .map(|m| MonthLink {
            month: m.to_string(),
            href: paths::report(year.year, m),
        })
        .collect()
}

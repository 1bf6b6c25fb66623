//! Plans grouped by program, project and national strategy: a list page per kind and a page
//! per group at `<fy>/<programs|projects|strategies>/<slug>/index.html`.

use super::charts::{self, Charts};
use super::common::{
    Crumb, LIST_LIMIT, Layout, MonthRow, PlanRow, RollUpRow, Summary, limited_plan_rows,
    month_rows, rollup_row, rollup_summary,
};
use super::{SiteContext, groups_of};
use crate::compute::{RollUp, YearFigures};
use crate::render::paths::{self, GroupKind};
use serde::Serialize;

/// The Thai heading of each kind of group.
pub fn kind_label(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Program => "แผนงาน",
        GroupKind::Project => "โครงการ",
        GroupKind::Strategy => "ยุทธศาสตร์ชาติ",
    }
}

#[derive(Serialize)]
pub struct GroupsView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub kind: GroupKind,
    pub fiscal_year: i32,
    pub as_of: String,
    pub groups: Vec<RollUpRow<'a>>,
}

pub fn groups_page<'a>(
    ctx: &'a SiteContext<'a>,
    year: &'a YearFigures,
    kind: GroupKind,
) -> GroupsView<'a> {
    GroupsView {
        layout: ctx.layout(
            paths::groups(year.year, kind),
            format!("ผลการเบิกจ่ายตาม{}", kind_label(kind)),
            "year",
            super::year_crumbs(year),
        ),
        kind,
        fiscal_year: year.year.0,
        as_of: year.as_of.to_string(),
        groups: groups_of(year, kind)
            .iter()
            .map(|g| rollup_row(g, None, ctx.group_href(year.year, kind, &g.key)))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct GroupView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub kind: GroupKind,
    pub fiscal_year: i32,
    pub as_of: String,
    pub name: &'a str,
    pub summary: Summary,
    pub months: Vec<MonthRow>,
    /// Every plan of the group, or the `LIST_LIMIT` lowest rates of a large one.
    pub plans: Vec<PlanRow<'a>>,
    pub plan_total: usize,
    pub charts: Charts,
}

pub fn group_page<'a>(
    ctx: &'a SiteContext<'a>,
    year: &'a YearFigures,
    kind: GroupKind,
    group: &'a RollUp,
) -> GroupView<'a> {
    let mut crumbs = super::year_crumbs(year);
    crumbs.push(Crumb::new(kind_label(kind), paths::groups(year.year, kind)));
    let (plans, plan_total) =
        limited_plan_rows(group.plans.iter().map(|&i| ctx.plan(year, i)), LIST_LIMIT);
    GroupView {
        layout: ctx.layout(
            ctx.group_href(year.year, kind, &group.key),
            group.name.clone(),
            "year",
            crumbs,
        ),
        kind,
        fiscal_year: year.year.0,
        as_of: year.as_of.to_string(),
        name: &group.name,
        summary: rollup_summary(group),
        months: month_rows(year, &group.months),
        plans,
        plan_total,
        charts: Charts {
            s_curve: charts::s_curve("ผลการเบิกจ่ายสะสมเทียบแผนและเป้าหมาย", &group.months, year.year),
            ..Charts::default()
        },
    }
}

//! Views: the small borrowed `Serialize` structs each template receives, one builder per page.

pub mod charts;
pub mod common;
pub mod dashboard;
pub mod groups;
pub mod left_out;
pub mod office;
pub mod page;
pub mod progress;
pub mod register;
pub mod report;
pub mod search;
pub mod year;

use crate::compute::{Figures, PlanFigures, RollUp, YearFigures};
use crate::model::{Content, FiscalYear, Plan};
use crate::render::paths::{self, GroupKind};
use common::{Crumb, Layout, Nav, NavLink, NavYear, SiteInfo};
use std::collections::BTreeMap;

/// What every view builder reads: the content, the figures, the navigation and the slugs.
pub struct SiteContext<'a> {
    pub content: &'a Content,
    pub figures: &'a Figures,
    pub nav: Nav,
    /// What `build --keep-going` left out, named on the pages that would have shown it.
    pub left_out: crate::left_out::LeftOut,
    /// The plans' documents are printed to PDF too (`build --pdf`): pages link to them.
    pub pdf_links: bool,
    slugs: BTreeMap<(FiscalYear, &'static str), BTreeMap<String, String>>,
}

impl<'a> SiteContext<'a> {
    pub fn new(content: &'a Content, figures: &'a Figures) -> SiteContext<'a> {
        let mut slugs = BTreeMap::new();
        for year in &figures.years {
            for kind in GroupKind::ALL {
                let names = groups_of(year, kind).iter().map(|g| g.key.as_str());
                slugs.insert((year.year, kind.folder()), paths::slugs(names));
            }
        }
        let years: Vec<NavYear> = figures
            .years
            .iter()
            .map(|y| NavYear {
                fiscal_year: y.year.0,
                href: paths::year(y.year),
                offices: paths::offices(y.year),
                reports: paths::reports(y.year),
            })
            .collect();
        let current = figures.current_year(content).map(|y| y.year.0);
        let nav = Nav {
            dashboard: paths::dashboard(),
            year: years
                .iter()
                .find(|y| Some(y.fiscal_year) == current)
                .or(years.first())
                .cloned(),
            years,
            pages: content
                .pages
                .iter()
                .map(|p| NavLink {
                    slug: p.slug.clone(),
                    title: p.title.clone(),
                    href: paths::page(&p.slug),
                })
                .collect(),
        };
        SiteContext {
            content,
            figures,
            nav,
            left_out: crate::left_out::LeftOut::default(),
            pdf_links: false,
            slugs,
        }
    }

    /// The slug of a program, project or strategy page.
    pub fn slug(&self, year: FiscalYear, kind: GroupKind, key: &str) -> String {
        self.slugs
            .get(&(year, kind.folder()))
            .and_then(|s| s.get(key))
            .cloned()
            .unwrap_or_default()
    }

    pub fn group_href(&self, year: FiscalYear, kind: GroupKind, key: &str) -> String {
        paths::group(year, kind, &self.slug(year, kind, key))
    }

    /// The plan at `position` in the year, with its figures.
    pub fn plan(&self, year: &'a YearFigures, position: usize) -> (&'a Plan, &'a PlanFigures) {
        (
            &self.content.plans[year.plan_indices[position]],
            &year.plans[position],
        )
    }

    /// Every plan of a year with its figures, in id order.
    pub fn plans(
        &self,
        year: &'a YearFigures,
    ) -> impl Iterator<Item = (&'a Plan, &'a PlanFigures)> + 'a {
        let content = self.content;
        year.plan_indices
            .iter()
            .zip(&year.plans)
            .map(move |(&i, f)| (&content.plans[i], f))
    }

    pub fn layout(
        &'a self,
        path: String,
        title: String,
        section: &'static str,
        crumbs: Vec<Crumb>,
    ) -> Layout<'a> {
        let site = &self.content.site;
        Layout {
            root: paths::root(&path),
            left_out: self.left_out.for_page(&path),
            left_out_files: self.left_out.files_for_page(&path),
            page_year: path
                .split('/')
                .next()
                .and_then(|first| first.parse::<i32>().ok())
                .or(self.nav.year.as_ref().map(|y| y.fiscal_year)),
            left_out_page: crate::left_out::PAGE,
            path,
            title,
            section,
            site: SiteInfo {
                title: &site.title,
                organisation: &site.organisation,
                ministry: &site.ministry,
            },
            nav: &self.nav,
            crumbs,
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// The roll-ups of one kind of group.
pub fn groups_of(year: &YearFigures, kind: GroupKind) -> &[RollUp] {
    match kind {
        GroupKind::Program => &year.by_program,
        GroupKind::Project => &year.by_project,
        GroupKind::Strategy => &year.by_strategy,
    }
}

/// The first crumbs of every page of a fiscal year: home, then the year.
pub fn year_crumbs(year: &YearFigures) -> Vec<Crumb> {
    vec![
        Crumb::new("หน้าหลัก", paths::dashboard()),
        Crumb::new(format!("ปีงบประมาณ {}", year.year.0), paths::year(year.year)),
    ]
}

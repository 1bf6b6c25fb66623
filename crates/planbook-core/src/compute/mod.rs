//! Compute: pure functions from the checked model to the figures of `docs/spec/figures.md`.
//!
//! `execute` has no I/O: build, serve, report and the JSON export all call it.

pub mod alerts;
pub mod amounts;
pub mod budget;
pub mod deadline;
pub mod plan;
pub mod progress;
pub mod rollup;
pub mod series;
pub mod targets;

pub use amounts::{Amounts, OfReceived, percent, round2};
pub use deadline::{AsOf, AsOfBasis};
pub use plan::{PlanFigures, plan_figures, plan_figures_when};
pub use rollup::RollUp;

use crate::model::{Content, FiscalYear, FiscalYearSettings, Month, Plan};
use rayon::prelude::*;

/// The figures of one fiscal year.
#[derive(Debug, Clone)]
pub struct YearFigures {
    pub year: FiscalYear,
    pub as_of: Month,
    /// Why the figures are as of that month.
    pub as_of_basis: AsOfBasis,
    /// Whether the as-of month's reporting deadline has passed.
    pub as_of_due: bool,
    /// Indices into `Content::plans`, in id order.
    pub plan_indices: Vec<usize>,
    /// Parallel to `plan_indices`.
    pub plans: Vec<PlanFigures>,
    pub total: RollUp,
    /// (rank, office roll-up), best rate first.
    pub offices: Vec<(usize, RollUp)>,
    pub by_project: Vec<RollUp>,
    pub by_program: Vec<RollUp>,
    pub by_strategy: Vec<RollUp>,
}

/// All figures, one entry per fiscal year that has plans, latest year first.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub years: Vec<YearFigures>,
}

impl Figures {
    /// The year the home page shows: the site's `current_year` when it has plans; else the
    /// latest year whose October entries are due by the build's clock (a new year becomes
    /// current once its first month's reports are due, so one early entry does not move
    /// the home page); else the latest.
    pub fn current_year(&self, content: &Content) -> Option<&YearFigures> {
        content
            .site
            .current_year
            .and_then(|wanted| self.years.iter().find(|y| y.year == wanted))
            .or_else(|| {
                self.years
                    .iter()
                    .find(|y| deadline::is_due(content, y.year.first_month()))
            })
            .or(self.years.first())
    }
}

/// Computes every figure as of `as_of` (else the site's, else each year's latest entry).
pub fn execute(content: &Content, as_of: Option<Month>) -> Figures {
    let requested = as_of.or(content.site.as_of);
    let mut years: Vec<FiscalYear> = content.plans.iter().map(|p| p.id.fiscal_year).collect();
    years.dedup();
    years.sort();
    years.dedup();
    let default_settings = FiscalYearSettings::default();
    let mut out: Vec<YearFigures> = years
        .into_iter()
        .map(|year| {
            let settings = content.fiscal_years.get(&year).unwrap_or(&default_settings);
            year_figures(content, year, settings, requested)
        })
        .collect();
    out.reverse();
    Figures { years: out }
}

/// The as-of month of a year: the requested month when it falls in the year, else the
/// latest month past its reporting deadline or filed by every plan (see [`deadline::as_of`]).
pub fn as_of_for(content: &Content, year: FiscalYear, requested: Option<Month>) -> Month {
    deadline::as_of(content, year, requested).month
}

fn year_figures(
    content: &Content,
    year: FiscalYear,
    settings: &FiscalYearSettings,
    requested: Option<Month>,
) -> YearFigures {
    let as_of = deadline::as_of(content, year, requested);
    let as_of_due = deadline::is_due(content, as_of.month);
    let plan_indices = plans_of(content, year);
    let figures: Vec<PlanFigures> = plan_indices
        .par_iter()
        .map(|&i| plan_figures_when(&content.plans[i], settings, as_of.month, as_of_due))
        .collect();
    assemble_year(content, year, settings, as_of, plan_indices, figures, None)
}

/// The roll-ups of a year computed before, and the positions of the plans changed since:
/// a roll-up with the same members, none of them changed, is kept as it was.
struct Reuse {
    rollups: std::collections::HashMap<(Family, String), RollUp>,
    changed: std::collections::HashSet<usize>,
}

/// The kinds of roll-up a year has, besides its total.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Family {
    Offices,
    Projects,
    Programs,
    Strategies,
}

impl Reuse {
    fn new(old: YearFigures, changed: std::collections::HashSet<usize>) -> Reuse {
        let families = [
            (
                Family::Offices,
                old.offices.into_iter().map(|(_, r)| r).collect::<Vec<_>>(),
            ),
            (Family::Projects, old.by_project),
            (Family::Programs, old.by_program),
            (Family::Strategies, old.by_strategy),
        ];
        let rollups = families
            .into_iter()
            .flat_map(|(family, rollups)| {
                rollups
                    .into_iter()
                    .map(move |r| ((family, r.key.clone()), r))
            })
            .collect();
        Reuse { rollups, changed }
    }

    /// The kept roll-up of `key` in `family`, when its members are `members` and unchanged.
    fn take(&mut self, family: Family, key: &str, members: &[usize]) -> Option<RollUp> {
        if members.iter().any(|m| self.changed.contains(m)) {
            return None;
        }
        let old = self.rollups.remove(&(family, key.to_string()))?;
        (old.plans == members).then_some(old)
    }
}

fn plans_of(content: &Content, year: FiscalYear) -> Vec<usize> {
    content
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.id.fiscal_year == year)
        .map(|(i, _)| i)
        .collect()
}

/// Like [`execute`], reusing the plan figures of `previous` for every plan `changed` says
/// is unchanged, when its year's as-of month and plans are the same as before; a roll-up
/// with the same members, none of them changed, is reused too (see `Reuse`), the others
/// are summed again. For incremental rebuilds.
pub fn execute_reusing(
    content: &Content,
    as_of: Option<Month>,
    previous: Figures,
    changed: &(dyn Fn(&Plan) -> bool + Sync),
) -> Figures {
    let requested = as_of.or(content.site.as_of);
    let default_settings = FiscalYearSettings::default();
    let mut previous_years: Vec<YearFigures> = previous.years;
    let mut out = Vec::new();
    let mut years: Vec<FiscalYear> = content.plans.iter().map(|p| p.id.fiscal_year).collect();
    years.sort();
    years.dedup();
    for year in years {
        let settings = content.fiscal_years.get(&year).unwrap_or(&default_settings);
        let as_of = deadline::as_of(content, year, requested);
        let as_of_due = deadline::is_due(content, as_of.month);
        let plan_indices = plans_of(content, year);
        let reusable = previous_years
            .iter()
            .position(|y| {
                y.year == year
                    && y.as_of == as_of.month
                    && y.as_of_due == as_of_due
                    && y.plan_indices == plan_indices
            })
            .map(|at| previous_years.swap_remove(at));
        let Some(old) = reusable else {
            out.push(year_figures(content, year, settings, requested));
            continue;
        };
        let figures: Vec<PlanFigures> = old
            .plans
            .into_par_iter()
            .zip(plan_indices.par_iter())
            .map(|(kept, &i)| {
                let plan = &content.plans[i];
                if changed(plan) {
                    plan_figures_when(plan, settings, as_of.month, as_of_due)
                } else {
                    kept
                }
            })
            .collect();
        let positions = plan_indices
            .iter()
            .enumerate()
            .filter(|(_, i)| changed(&content.plans[**i]))
            .map(|(position, _)| position)
            .collect();
        let reuse = Reuse::new(
            YearFigures {
                plans: Vec::new(),
                ..old
            },
            positions,
        );
        out.push(assemble_year(
            content,
            year,
            settings,
            as_of,
            plan_indices,
            figures,
            Some(reuse),
        ));
    }
    out.reverse();
    Figures { years: out }
}

/// Sums a year's plan figures into its roll-ups and ranking.
fn assemble_year(
    content: &Content,
    year: FiscalYear,
    settings: &FiscalYearSettings,
    as_of: AsOf,
    plan_indices: Vec<usize>,
    figures: Vec<PlanFigures>,
    reuse: Option<Reuse>,
) -> YearFigures {
    let as_of_due = deadline::is_due(content, as_of.month);
    let (as_of_basis, as_of) = (as_of.basis, as_of.month);
    let plans: Vec<&Plan> = plan_indices.iter().map(|&i| &content.plans[i]).collect();
    let reuse = reuse.map(std::sync::Mutex::new);
    let sum = |family: Family, groups: Vec<(String, String, Vec<usize>)>| -> Vec<RollUp> {
        groups
            .into_par_iter()
            .map(|(key, name, members)| {
                let kept = reuse
                    .as_ref()
                    .and_then(|r| r.lock().ok()?.take(family, &key, &members));
                kept.unwrap_or_else(|| {
                    rollup::roll_up(key, name, members, &figures, settings, as_of)
                })
            })
            .collect()
    };
    // Each family of roll-ups reads its members' series once; the four run side by side,
    // and the year's total is the sum of its offices.
    let (offices, (by_project, (by_program, by_strategy))) = rayon::join(
        || {
            sum(
                Family::Offices,
                rollup::group_by(&plans, |p| {
                    Some((p.id.office.clone(), p.office_name.to_string()))
                }),
            )
        },
        || {
            rayon::join(
                || {
                    sum(
                        Family::Projects,
                        rollup::group_by(&plans, |p| {
                            p.project.as_deref().map(|n| (n.to_string(), n.to_string()))
                        }),
                    )
                },
                || {
                    rayon::join(
                        || {
                            sum(
                                Family::Programs,
                                rollup::group_by(&plans, |p| {
                                    p.program.as_deref().map(|n| (n.to_string(), n.to_string()))
                                }),
                            )
                        },
                        || {
                            sum(
                                Family::Strategies,
                                rollup::group_by(&plans, |p| {
                                    p.strategy
                                        .national
                                        .as_deref()
                                        .map(|n| (n.to_string(), n.to_string()))
                                }),
                            )
                        },
                    )
                },
            )
        },
    );
    let total = rollup::roll_up_parts(
        year.to_string(),
        year.to_string(),
        (0..plans.len()).collect(),
        &offices,
        settings,
        as_of,
    );
    YearFigures {
        year,
        as_of,
        as_of_basis,
        as_of_due,
        plan_indices,
        plans: figures,
        total,
        offices: rollup::rank(offices),
        by_project,
        by_program,
        by_strategy,
    }
}

//! `plan.yaml`: the plan's texts, strategy, KPIs, tasks, budget, spending plan and revisions.

use super::budget::budget_tree;
use super::fields::{Fields, Sign, id_text};
use super::ids::IdRegistry;
use super::names::Names;
use super::site::{sign_off, text_list};
use crate::diag::{Diagnostics, FileId, Loc};
use crate::load::pairs::Pairs;
use crate::load::raw::{List, RawKpi, RawPlan, RawRevision, RawStrategy, RawTask};
use crate::model::{
    BudgetTree, Direction, FiscalYearSettings, Kpi, Month, Plan, PlanId, Revision, SignOff, Site,
    Strategy, SubPlan, Task,
};
use crate::thai::baht;
use rust_decimal::Decimal;
use serde_saphyr::Spanned;

/// What a plan inherits.
pub struct PlanContext<'a> {
    pub site: &'a Site,
    pub year: &'a FiscalYearSettings,
    pub names: &'a Names,
}

pub fn plan(
    file: FileId,
    id: PlanId,
    raw: &RawPlan,
    context: &PlanContext,
    diags: &mut Diagnostics,
) -> Plan {
    let f = Fields {
        file,
        names: context.names,
    };
    let start = f.start();
    let fy = id.fiscal_year;
    if let Some(t) = &raw.fiscal_year {
        match crate::model::FiscalYear::parse(&t.value) {
            Some(year) if year == fy => {}
            _ => diags.error(
                f.at(t),
                crate::msg!("plan-year-differs", value = &t.value, year = fy),
            ),
        }
    }
    let mut ids = IdRegistry::default();
    let kpis = kpi_list(f, raw.kpis.as_ref(), &mut ids, diags);
    let strategy = raw
        .strategy
        .as_ref()
        .map(|s| strategy(f, &s.value, &mut ids, diags))
        .unwrap_or_default();
    let tasks = task_list(f, raw.tasks.as_ref(), fy, &mut ids, diags);
    let budget = match &raw.budget {
        Some(roots) => budget_tree(f, roots, &mut ids, diags),
        None => {
            diags.error(start, crate::msg!("field-missing", name = "budget"));
            BudgetTree::default()
        }
    };
    let spending_plan = raw
        .spending_plan
        .as_ref()
        .map(|p| month_amounts(f, p, fy, diags))
        .unwrap_or_default();
    let revisions = revisions(f, raw.revisions.as_ref(), fy, &budget, diags);
    check_spending_plan(f, raw, &spending_plan, &budget, &revisions, diags);

    let inherited = &context.year;
    let own_sign_off = sign_off(f, raw.sign_off.as_ref(), diags);
    Plan {
        file,
        job_no: f.optional_name(&raw.job_no, diags),
        department: f
            .optional_name(&raw.department, diags)
            .unwrap_or_else(|| f.names.get(&context.site.organisation)),
        ministry: f
            .optional_name(&raw.ministry, diags)
            .unwrap_or_else(|| f.names.get(&context.site.ministry)),
        office_name: f
            .required_name(&raw.office, "office", start, diags)
            .unwrap_or_else(|| f.names.get(&id.office)),
        prepared_by: f.optional_name(&raw.prepared_by, diags),
        strategy,
        program: f.optional_name(&raw.program, diags),
        program_code: super::codes::code(f, &raw.program_code, diags),
        project: f.optional_name(&raw.project, diags),
        activity: f
            .required_name(&raw.activity, "activity", start, diags)
            .unwrap_or_else(|| f.names.get(&id.activity)),
        activity_code: super::codes::code(f, &raw.activity_code, diags),
        objectives: text_list(f, raw.objectives.as_ref(), diags),
        kpis,
        tasks,
        budget,
        spending_plan,
        revisions,
        conditions: match &raw.conditions {
            Some(list) => text_list(f, Some(list), diags),
            None => inherited.conditions.clone(),
        },
        approval_terms: match &raw.approval_terms {
            Some(list) => text_list(f, Some(list), diags),
            None => inherited.approval_terms.clone(),
        },
        sign_off: SignOff {
            proposer: own_sign_off
                .proposer
                .or_else(|| inherited.sign_off.proposer.clone()),
            approver: own_sign_off
                .approver
                .or_else(|| inherited.sign_off.approver.clone()),
        },
        entries: Vec::new(),
        id,
    }
}

fn strategy(
    f: Fields,
    raw: &RawStrategy,
    ids: &mut IdRegistry,
    diags: &mut Diagnostics,
) -> Strategy {
    let sub_plans = raw
        .sub_plans
        .iter()
        .flatten()
        .filter_map(|s| {
            let name = f.required_name(&s.value.name, "name", f.at(s), diags);
            let kpis = kpi_list(f, s.value.kpis.as_ref(), ids, diags);
            Some(SubPlan { name: name?, kpis })
        })
        .collect();
    Strategy {
        national: f.optional_name(&raw.national, diags),
        master_plan: f.optional_name(&raw.master_plan, diags),
        sub_plans,
    }
}

fn kpi_list(
    f: Fields,
    list: Option<&List<RawKpi>>,
    ids: &mut IdRegistry,
    diags: &mut Diagnostics,
) -> Vec<Kpi> {
    list.into_iter()
        .flatten()
        .filter_map(|raw| kpi(f, raw, ids, diags))
        .collect()
}

fn kpi(
    f: Fields,
    raw: &Spanned<RawKpi>,
    ids: &mut IdRegistry,
    diags: &mut Diagnostics,
) -> Option<Kpi> {
    let at = f.at(raw);
    let k = &raw.value;
    let id = f.plan_id(&k.id, at, ids, diags);
    let name = f.required_name(&k.name, "name", at, diags);
    let unit = k.unit.as_ref().map(|u| u.value.as_str());
    let target = f
        .required(&k.target, "target", at, diags)
        .and_then(|t| f.quantity_in(t, unit, diags));
    let direction = match &k.direction {
        None => Some(Direction::AtLeast),
        Some(t) => match t.value.trim() {
            "at_least" => Some(Direction::AtLeast),
            "at_most" => Some(Direction::AtMost),
            other => {
                diags.error(f.at(t), crate::msg!("kpi-direction-unknown", value = other));
                Some(Direction::AtLeast)
            }
        },
    };
    Some(Kpi {
        id: id?,
        name: name?,
        unit: f.optional_name(&k.unit, diags).unwrap_or_default(),
        target: target?,
        direction: direction?,
    })
}

fn task_list(
    f: Fields,
    list: Option<&List<RawTask>>,
    fy: crate::model::FiscalYear,
    ids: &mut IdRegistry,
    diags: &mut Diagnostics,
) -> Vec<Task> {
    let mut tasks = Vec::new();
    for raw in list.into_iter().flatten() {
        let at = f.at(raw);
        let t = &raw.value;
        let id = f.plan_id(&t.id, at, ids, diags);
        let name = f.required_name(&t.name, "name", at, diags);
        let target = f
            .required(&t.target, "target", at, diags)
            .and_then(|x| f.count(x, diags));
        let schedule = t
            .schedule
            .as_ref()
            .map(|s| month_quantities(f, s, fy, diags))
            .unwrap_or_default();
        if let (Some(target), Some(s)) = (target, &t.schedule) {
            let planned: Decimal = schedule.iter().map(|(_, q)| *q).sum();
            if planned != target {
                diags.warning(
                    f.at(s),
                    crate::msg!("schedule-sum-differs", planned = planned, target = target),
                );
            }
        }
        if let (Some(id), Some(name), Some(target)) = (id, name, target) {
            tasks.push(Task {
                id,
                name,
                unit: f.optional_name(&t.unit, diags).unwrap_or_default(),
                target,
                schedule,
            });
        }
    }
    tasks
}

/// `{ YYYY-MM: amount }` inside the fiscal year, each month once, sorted.
fn month_amounts(
    f: Fields,
    pairs: &Spanned<Pairs<String>>,
    fy: crate::model::FiscalYear,
    diags: &mut Diagnostics,
) -> Vec<(Month, Decimal)> {
    month_values(f, pairs, fy, diags, |t, d| f.money(t, Sign::NonNegative, d))
}

fn month_quantities(
    f: Fields,
    pairs: &Spanned<Pairs<String>>,
    fy: crate::model::FiscalYear,
    diags: &mut Diagnostics,
) -> Vec<(Month, Decimal)> {
    month_values(f, pairs, fy, diags, |t, d| f.count(t, d))
}

fn month_values(
    f: Fields,
    pairs: &Spanned<Pairs<String>>,
    fy: crate::model::FiscalYear,
    diags: &mut Diagnostics,
    value: impl Fn(&Spanned<String>, &mut Diagnostics) -> Option<Decimal>,
) -> Vec<(Month, Decimal)> {
    let mut out: Vec<(Month, Decimal)> = Vec::new();
    for (key, raw_value) in &pairs.value.0 {
        let month = f.month_in(key, fy, diags);
        let amount = value(raw_value, diags);
        if let (Some(month), Some(amount)) = (month, amount) {
            if out.iter().any(|(m, _)| *m == month) {
                diags.error(f.at(key), crate::msg!("month-twice", month = month));
            } else {
                out.push((month, amount));
            }
        }
    }
    out.sort_by_key(|(m, _)| *m);
    out
}

fn revisions(
    f: Fields,
    list: Option<&List<RawRevision>>,
    fy: crate::model::FiscalYear,
    budget: &BudgetTree,
    diags: &mut Diagnostics,
) -> Vec<Revision> {
    let mut out = Vec::new();
    for raw in list.into_iter().flatten() {
        let at = f.at(raw);
        let r = &raw.value;
        let date = f
            .required(&r.date, "date", at, diags)
            .and_then(|t| f.date_in(t, fy, diags));
        let mut changes = Vec::new();
        match &r.changes {
            None => diags.error(at, crate::msg!("field-missing", name = "changes")),
            Some(pairs) => {
                for (key, value) in f.unique_id_keys(Some(pairs), diags) {
                    let node = leaf_ref(f, key, budget, diags);
                    let amount = f.money(value, Sign::Any, diags);
                    if let (Some(node), Some(amount)) = (node, amount) {
                        changes.push((node, amount));
                    }
                }
            }
        }
        if let Some(date) = date {
            out.push(Revision {
                date,
                reference: f.optional_text(&r.reference, diags),
                reason: f.optional_text(&r.reason, diags),
                changes,
                loc: at,
            });
        }
    }
    out.sort_by_key(|r| r.date);
    check_revisions_keep_leaves_positive(budget, &out, diags);
    out
}

fn leaf_ref(
    f: Fields,
    key: &Spanned<String>,
    budget: &BudgetTree,
    diags: &mut Diagnostics,
) -> Option<usize> {
    let node = node_ref(f, key, budget, diags)?;
    if budget.nodes[node].is_leaf() {
        Some(node)
    } else {
        diags.error(f.at(key), crate::msg!("revision-of-group", id = &key.value));
        None
    }
}

/// Resolves a budget node id, suggesting the closest when unknown.
pub fn node_ref(
    f: Fields,
    key: &Spanned<String>,
    budget: &BudgetTree,
    diags: &mut Diagnostics,
) -> Option<usize> {
    let id = id_text(&key.value);
    let found = budget.index_of(id);
    if found.is_none() {
        let known: Vec<&str> = budget.nodes.iter().map(|n| &*n.id).collect();
        diags.error(f.at(key), unknown_ref_message("budget-item", id, &known));
    }
    found
}

/// "unknown task `x`; did you mean `y`?"; `what` is `task`, `kpi` or `budget-item`.
pub fn unknown_ref_message(what: &str, id: &str, known: &[&str]) -> crate::i18n::Message {
    use crate::msg;
    match crate::load::yaml::closest(id, known) {
        Some(best) => msg!("unknown-ref-suggest", what = what, id = id, best = best),
        None if known.is_empty() => msg!("unknown-ref-none", what = what, id = id),
        None => msg!(
            "unknown-ref-list",
            what = what,
            id = id,
            known = known.join(", ")
        ),
    }
}

fn check_revisions_keep_leaves_positive(
    budget: &BudgetTree,
    revisions: &[Revision],
    diags: &mut Diagnostics,
) {
    let mut amounts: Vec<Decimal> = budget
        .nodes
        .iter()
        .map(|n| n.amount.unwrap_or_default())
        .collect();
    for revision in revisions {
        for &(node, change) in &revision.changes {
            amounts[node] += change;
            if amounts[node].is_sign_negative() && !amounts[node].is_zero() {
                diags.error(
                    revision.loc,
                    crate::msg!(
                        "revision-below-zero",
                        id = &budget.nodes[node].id,
                        amount = baht(amounts[node])
                    ),
                );
            }
        }
    }
}

fn check_spending_plan(
    f: Fields,
    raw: &RawPlan,
    spending_plan: &[(Month, Decimal)],
    budget: &BudgetTree,
    revisions: &[Revision],
    diags: &mut Diagnostics,
) {
    // With errors in the plan the allocation is unreliable: do not add a warning on top.
    let Some(raw_plan) = raw.spending_plan.as_ref().filter(|_| !diags.has_errors()) else {
        return;
    };
    let planned: Decimal = spending_plan.iter().map(|(_, a)| *a).sum();
    let original = budget.original_total();
    let revised = original
        + revisions
            .iter()
            .flat_map(|r| r.changes.iter().map(|(_, c)| *c))
            .sum::<Decimal>();
    if planned != original && planned != revised {
        let at: Loc = f.at(raw_plan);
        diags.warning(
            at,
            crate::msg!(
                "spending-plan-differs",
                planned = baht(planned),
                allocation = baht(revised)
            ),
        );
    }
}

//! Month-by-month checks of a plan's spending against its budget: over-spent lines and
//! groups, a plan over its allocation, disbursement above the money received.

use crate::compute::budget::{node_amounts, plan_amounts};
use crate::diag::{Diagnostics, Loc};
use crate::i18n::Message;
use crate::model::{Plan, ProgressEntry};
use crate::msg;
use crate::thai::baht;

pub fn check(plan: &Plan, diags: &mut Diagnostics) {
    let nodes = &plan.budget.nodes;
    let mut reported = vec![false; nodes.len()];
    // One finding per overspending: a line's error stands for its groups and the plan.
    let mut errors_under = vec![false; nodes.len()];
    let mut any_error = false;
    let mut plan_reported = false;
    let mut received_reported = false;
    let mut reports_received = false;
    for entry in &plan.entries {
        let month = entry.month;
        let figures = node_amounts(plan, month);
        for (index, node) in nodes.iter().enumerate().filter(|(_, n)| n.is_leaf()) {
            let f = figures[index];
            if f.spent() <= f.allocation || reported[index] {
                continue;
            }
            reported[index] = true;
            let parent_room = node
                .parent
                .is_none_or(|p| figures[p].spent() <= figures[p].allocation);
            let at = place(entry, index);
            let what = msg!(
                "spend-line-over",
                id = &node.id,
                spent = baht(f.spent()),
                month = month,
                allocation = baht(f.allocation)
            );
            let parts = breakdown(plan, index, &f, month);
            if node.flexible && parent_room && node.parent.is_some() {
                diags.warning(at, msg!("spend-flexible-room", what = what, parts = parts));
            } else {
                diags.error(
                    at,
                    if node.flexible {
                        msg!("spend-flexible-no-room", what = what, parts = parts)
                    } else {
                        msg!("spend-over", what = what, parts = parts)
                    },
                );
                any_error = true;
                let mut up = node.parent;
                while let Some(p) = up {
                    errors_under[p] = true;
                    up = nodes[p].parent;
                }
            }
        }
        let total = plan_amounts(plan, &figures);
        let plan_over = total.spent() > total.allocation;
        for (index, node) in nodes.iter().enumerate().filter(|(_, n)| !n.is_leaf()) {
            let f = figures[index];
            // A top-level group over while the whole plan is over: the plan's finding says it.
            let said_by_plan = node.parent.is_none() && plan_over;
            if f.spent() > f.allocation && !reported[index] && !errors_under[index] && !said_by_plan
            {
                reported[index] = true;
                any_error = true;
                diags.error(
                    place(entry, index),
                    msg!(
                        "spend-group-over",
                        id = &node.id,
                        spent = baht(f.spent()),
                        month = month,
                        allocation = baht(f.allocation)
                    ),
                );
            }
        }
        if plan_over && !plan_reported && !any_error {
            plan_reported = true;
            diags.error(
                entry.month_loc,
                msg!(
                    "spend-plan-over",
                    spent = baht(total.spent()),
                    month = month,
                    allocation = baht(total.allocation)
                ),
            );
        }
        reports_received |= !entry.received.is_empty();
        if reports_received && total.disbursed > total.received && !received_reported {
            received_reported = true;
            diags.warning(
                entry.month_loc,
                msg!(
                    "spend-above-received",
                    disbursed = baht(total.disbursed),
                    month = month,
                    received = baht(total.received)
                ),
            );
        }
    }
}

/// ` (disbursed X + committed Y)`, with a hint when the commitment is an old one that
/// was never cleared; nothing when nothing is committed.
fn breakdown(
    plan: &Plan,
    node: usize,
    amounts: &crate::compute::Amounts,
    month: crate::model::Month,
) -> Message {
    if amounts.committed.is_zero() {
        return msg!("nothing");
    }
    let reported_in = plan
        .entries
        .iter()
        .rev()
        .filter(|e| e.month <= month)
        .find(|e| e.committed.iter().any(|c| c.node == node))
        .map(|e| e.month);
    let stale = match reported_in {
        Some(m) if m < month => msg!(
            "spend-stale-commitment",
            month = m,
            id = &plan.budget.nodes[node].id
        ),
        _ => msg!("nothing"),
    };
    msg!(
        "spend-breakdown",
        disbursed = baht(amounts.disbursed),
        committed = baht(amounts.committed),
        stale = stale
    )
}

/// Where to point: the entry's own figure for the node (or its subtree), else its month.
fn place(entry: &ProgressEntry, node_index: usize) -> Loc {
    entry
        .disbursed
        .iter()
        .chain(entry.committed.iter())
        .find(|a| a.node == node_index)
        .map(|a| a.loc)
        .or_else(|| {
            entry
                .adjustments
                .iter()
                .find(|a| a.node == node_index)
                .map(|a| a.loc)
        })
        .unwrap_or(entry.month_loc)
}

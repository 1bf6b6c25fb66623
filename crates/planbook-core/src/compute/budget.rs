//! Budget execution per node as of a month: allocation with revisions, disbursed with
//! adjustments, committed stocks, received; each node's figures include its subtree.

use super::amounts::Amounts;
use crate::model::{Month, Plan};

/// Figures for every node of `plan`'s budget tree (same indices), as of `as_of`.
pub fn node_amounts(plan: &Plan, as_of: Month) -> Vec<Amounts> {
    let nodes = &plan.budget.nodes;
    let mut own: Vec<Amounts> = nodes
        .iter()
        .map(|n| {
            let amount = n.amount.unwrap_or_default();
            Amounts {
                allocation: amount,
                original_allocation: amount,
                ..Amounts::default()
            }
        })
        .collect();
    let as_of_end = as_of.last_day();
    for revision in plan.revisions.iter().filter(|r| r.date <= as_of_end) {
        for &(node, change) in &revision.changes {
            own[node].allocation += change;
        }
    }
    let mut committed_seen = vec![false; nodes.len()];
    // Latest entry first, so the first `committed` seen for a node is the one that stands.
    for entry in plan.entries.iter().rev().filter(|e| e.month <= as_of) {
        for flow in &entry.disbursed {
            own[flow.node].disbursed += flow.amount;
        }
        for adjustment in &entry.adjustments {
            own[adjustment.node].disbursed += adjustment.amount;
        }
        for flow in &entry.received {
            own[flow.node].received += flow.amount;
        }
        for stock in &entry.committed {
            if !committed_seen[stock.node] {
                committed_seen[stock.node] = true;
                own[stock.node].committed = stock.amount;
            }
        }
    }
    roll_up_tree(plan, own)
}

/// Whether the plan reports `received` by `month`: an entry at or before it names any.
pub fn reports_received(plan: &Plan, month: Month) -> bool {
    plan.entries
        .iter()
        .any(|e| e.month <= month && !e.received.is_empty())
}

/// Adds each node's figures into its ancestors (children follow parents in pre-order).
fn roll_up_tree(plan: &Plan, mut figures: Vec<Amounts>) -> Vec<Amounts> {
    for index in (0..figures.len()).rev() {
        if let Some(parent) = plan.budget.nodes[index].parent {
            let child = figures[index];
            figures[parent] += child;
        }
    }
    figures
}

/// The plan's totals: the sum of its top-level nodes.
pub fn plan_amounts(plan: &Plan, nodes: &[Amounts]) -> Amounts {
    plan.budget.roots().map(|r| nodes[r]).sum()
}

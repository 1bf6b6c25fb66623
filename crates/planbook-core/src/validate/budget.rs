//! Building a plan's budget tree: ids, leaves and groups, types, `total` checks.

use super::fields::{Fields, Sign};
use super::ids::IdRegistry;
use crate::diag::Diagnostics;
use crate::load::raw::{List, RawBudgetNode};
use crate::model::{BudgetNode, BudgetTree, BudgetType};
use crate::thai::baht;
use serde_saphyr::Spanned;

pub fn budget_tree(
    f: Fields,
    roots: &Spanned<List<RawBudgetNode>>,
    ids: &mut IdRegistry,
    diags: &mut Diagnostics,
) -> BudgetTree {
    let mut tree = BudgetTree::default();
    if roots.value.is_empty() {
        diags.error(f.at(roots), crate::msg!("budget-empty"));
    }
    for raw in &roots.value {
        add_node(f, raw, None, BudgetType::Other, &mut tree, ids, diags);
    }
    tree
}

/// Adds `raw` and its subtree; returns whether every amount in it could be read (a `total`
/// is compared with the sum only then, so one bad amount is not reported twice).
fn add_node(
    f: Fields,
    raw: &Spanned<RawBudgetNode>,
    parent: Option<usize>,
    inherited: BudgetType,
    tree: &mut BudgetTree,
    ids: &mut IdRegistry,
    diags: &mut Diagnostics,
) -> bool {
    let at = f.at(raw);
    let node = &raw.value;
    let id = f.plan_id(&node.id, at, ids, diags);
    let name = f.required_name(&node.name, "name", at, diags);
    let budget_type = match (&node.kind, parent) {
        (Some(kind), None) => BudgetType::parse(kind.value.trim()).unwrap_or_else(|| {
            diags.error(
                f.at(kind),
                crate::msg!(
                    "budget-type-unknown",
                    value = &kind.value,
                    names = BudgetType::NAMES.join(", ")
                ),
            );
            BudgetType::Other
        }),
        (Some(kind), Some(_)) => {
            diags.error(f.at(kind), crate::msg!("budget-type-not-top"));
            inherited
        }
        (None, None) => {
            diags.warning(at, crate::msg!("budget-type-missing"));
            BudgetType::Other
        }
        (None, Some(_)) => inherited,
    };
    let amount = node
        .amount
        .as_ref()
        .and_then(|t| f.money(t, Sign::NonNegative, diags));
    let mut amounts_valid = node.amount.is_none() || amount.is_some();
    let has_items = node.items.is_some();
    match (&node.amount, has_items) {
        (Some(t), true) => diags.error(f.at(t), crate::msg!("budget-amount-and-items")),
        (None, false) => diags.error(at, crate::msg!("budget-amount-missing")),
        _ => {}
    }
    if let (Some(t), false) = (&node.total, has_items) {
        diags.error(f.at(t), crate::msg!("budget-total-on-line"));
    }
    let index = tree.nodes.len();
    tree.nodes.push(BudgetNode {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        code: super::codes::code(f, &node.code, diags),
        parent,
        children: Vec::new(),
        subtree_end: index + 1,
        depth: parent.map_or(0, |p| tree.nodes[p].depth + 1),
        amount: if has_items {
            None
        } else {
            Some(amount.unwrap_or_default())
        },
        budget_type,
        flexible: node.flexible.as_ref().is_some_and(|b| b.value),
        note: f.optional_name(&node.note, diags),
        details: super::site::text_list(f, node.details.as_ref(), diags),
        loc: at,
    });
    if let Some(parent) = parent {
        tree.nodes[parent].children.push(index);
    }
    if let Some(items) = &node.items {
        if items.value.is_empty() {
            diags.error(f.at(items), crate::msg!("budget-items-empty"));
        }
        for child in &items.value {
            amounts_valid &= add_node(f, child, Some(index), budget_type, tree, ids, diags);
        }
    }
    tree.nodes[index].subtree_end = tree.nodes.len();
    if let Some(total_text) = &node.total
        && has_items
        && amounts_valid
        && let Some(total) = f.money(total_text, Sign::NonNegative, diags)
    {
        let sum = tree.original_amount(index);
        if total != sum {
            diags.error(
                f.at(total_text),
                crate::msg!("budget-total-differs", total = baht(total), sum = baht(sum)),
            );
        }
    }
    amounts_valid
}

//! The budget tree of a plan, stored flat in pre-order so that a node's subtree is a range.

use crate::diag::Loc;
use rust_decimal::Decimal;
use std::sync::Arc;

/// ประเภทรายจ่าย: the expenditure type of a top-level budget node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetType {
    Personnel,
    Operating,
    Investment,
    Subsidy,
    Other,
}

impl BudgetType {
    pub const NAMES: [&'static str; 5] =
        ["personnel", "operating", "investment", "subsidy", "other"];

    pub fn parse(text: &str) -> Option<BudgetType> {
        match text {
            "personnel" => Some(BudgetType::Personnel),
            "operating" => Some(BudgetType::Operating),
            "investment" => Some(BudgetType::Investment),
            "subsidy" => Some(BudgetType::Subsidy),
            "other" => Some(BudgetType::Other),
            _ => None,
        }
    }

    /// งบบุคลากร, งบดำเนินงาน, …: the budget type as officers name it.
    pub fn thai_name(self) -> &'static str {
        match self {
            BudgetType::Personnel => "งบบุคลากร",
            BudgetType::Operating => "งบดำเนินงาน",
            BudgetType::Investment => "งบลงทุน",
            BudgetType::Subsidy => "งบเงินอุดหนุน",
            BudgetType::Other => "งบรายจ่ายอื่น",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BudgetType::Personnel => "personnel",
            BudgetType::Operating => "operating",
            BudgetType::Investment => "investment",
            BudgetType::Subsidy => "subsidy",
            BudgetType::Other => "other",
        }
    }

    /// Investment is capital expenditure; everything else is current expenditure.
    pub fn class(self) -> BudgetClass {
        match self {
            BudgetType::Investment => BudgetClass::Capital,
            _ => BudgetClass::Current,
        }
    }
}

/// Which disbursement-target curve applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetClass {
    /// รายจ่ายประจำ
    Current,
    /// รายจ่ายลงทุน
    Capital,
    /// ภาพรวม: a total mixing both.
    Overall,
}

impl BudgetClass {
    /// The class of a total made of parts of these classes.
    pub fn combine(classes: impl IntoIterator<Item = BudgetClass>) -> BudgetClass {
        let mut result = None;
        for class in classes {
            result = match result {
                None => Some(class),
                Some(seen) if seen == class => Some(seen),
                Some(_) => Some(BudgetClass::Overall),
            };
        }
        result.unwrap_or(BudgetClass::Current)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BudgetClass::Current => "current",
            BudgetClass::Capital => "capital",
            BudgetClass::Overall => "overall",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetNode {
    pub id: Arc<str>,
    pub name: Arc<str>,
    /// GFMIS budget code, shown in parentheses after the name; never an id.
    pub code: Option<Arc<str>>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// One past the last index of this node's subtree.
    pub subtree_end: usize,
    /// 0 for top-level nodes.
    pub depth: usize,
    /// The leaf's original amount; `None` for inner nodes.
    pub amount: Option<Decimal>,
    /// The type of the top-level node above (or this node).
    pub budget_type: BudgetType,
    pub flexible: bool,
    pub note: Option<Arc<str>>,
    pub details: Vec<Arc<str>>,
    pub loc: Loc,
}

impl BudgetNode {
    pub fn is_leaf(&self) -> bool {
        self.amount.is_some()
    }
}

/// All budget nodes of a plan, in pre-order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BudgetTree {
    pub nodes: Vec<BudgetNode>,
}

impl BudgetTree {
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .map(|(i, _)| i)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| *n.id == *id)
    }

    /// The nodes of `node`'s subtree, itself included.
    pub fn subtree(&self, node: usize) -> std::ops::Range<usize> {
        node..self.nodes[node].subtree_end
    }

    /// Sum of the original leaf amounts under `node`.
    pub fn original_amount(&self, node: usize) -> Decimal {
        self.subtree(node)
            .filter_map(|i| self.nodes[i].amount)
            .sum()
    }

    /// Sum of every leaf's original amount.
    pub fn original_total(&self) -> Decimal {
        self.nodes.iter().filter_map(|n| n.amount).sum()
    }

    /// The class of the whole tree: capital, current, or overall when both appear.
    pub fn class(&self) -> BudgetClass {
        BudgetClass::combine(self.roots().map(|r| self.nodes[r].budget_type.class()))
    }
}

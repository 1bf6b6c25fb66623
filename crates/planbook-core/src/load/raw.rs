//! The raw serde layer: what the YAML files say, with every value's location kept.
//!
//! Scalars are read as their source text (`Spanned<String>`), so money never passes through a
//! float and every type problem is reported by validation with its line and column. Unknown
//! keys are rejected here (`deny_unknown_fields`).

use super::pairs::Pairs;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub type Text = Spanned<String>;
pub type List<T> = Vec<Spanned<T>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub title: Option<Text>,
    pub organisation: Option<Text>,
    pub ministry: Option<Text>,
    pub base_path: Option<Text>,
    /// `true`, `false` or `official`.
    pub thai_digits: Option<Text>,
    pub as_of: Option<Text>,
    pub theme: Option<Text>,
    pub report_due_day: Option<Text>,
    pub current_year: Option<Text>,
    /// The language of planbook's messages when the environment does not choose: `th`, `en`.
    pub language: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFiscalYear {
    pub fiscal_year: Option<Text>,
    pub disbursement_targets: Option<Spanned<RawTargets>>,
    pub spending_targets: Option<Spanned<RawTargets>>,
    pub conditions: Option<List<String>>,
    pub approval_terms: Option<List<String>>,
    pub sign_off: Option<RawSignOff>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTargets {
    pub current: Option<Spanned<List<String>>>,
    pub capital: Option<Spanned<List<String>>>,
    pub overall: Option<Spanned<List<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignOff {
    pub proposer: Option<Spanned<RawSigner>>,
    pub approver: Option<Spanned<RawSigner>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSigner {
    pub name: Option<Text>,
    pub title: Option<Text>,
    pub date: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub fiscal_year: Option<Text>,
    pub job_no: Option<Text>,
    pub department: Option<Text>,
    pub ministry: Option<Text>,
    pub office: Option<Text>,
    pub prepared_by: Option<Text>,
    pub strategy: Option<Spanned<RawStrategy>>,
    pub program: Option<Text>,
    /// The program's budget code (GFMIS), shown after its name.
    pub program_code: Option<Text>,
    pub project: Option<Text>,
    pub activity: Option<Text>,
    /// The activity's code (GFMIS budget code or an activity code such as `Q1049`).
    pub activity_code: Option<Text>,
    pub objectives: Option<List<String>>,
    pub kpis: Option<List<RawKpi>>,
    pub tasks: Option<List<RawTask>>,
    pub budget: Option<Spanned<List<RawBudgetNode>>>,
    pub spending_plan: Option<Spanned<Pairs<String>>>,
    pub revisions: Option<List<RawRevision>>,
    pub conditions: Option<List<String>>,
    pub approval_terms: Option<List<String>>,
    pub sign_off: Option<RawSignOff>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStrategy {
    pub national: Option<Text>,
    pub master_plan: Option<Text>,
    pub sub_plans: Option<List<RawSubPlan>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubPlan {
    pub name: Option<Text>,
    pub kpis: Option<List<RawKpi>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKpi {
    pub id: Option<Text>,
    pub name: Option<Text>,
    pub unit: Option<Text>,
    pub target: Option<Text>,
    pub direction: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    pub id: Option<Text>,
    pub name: Option<Text>,
    pub unit: Option<Text>,
    pub target: Option<Text>,
    pub schedule: Option<Spanned<Pairs<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetNode {
    pub id: Option<Text>,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    pub name: Option<Text>,
    /// The line's budget code (GFMIS), shown after its name.
    pub code: Option<Text>,
    pub total: Option<Text>,
    pub amount: Option<Text>,
    pub flexible: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub details: Option<List<String>>,
    pub items: Option<Spanned<List<RawBudgetNode>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    pub date: Option<Text>,
    pub reference: Option<Text>,
    pub reason: Option<Text>,
    pub changes: Option<Spanned<Pairs<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProgress {
    /// When the file was last changed (not a key of the file): the date a report made
    /// from it is stamped with when the entry gives no `reported_on`.
    #[serde(skip)]
    pub modified: Option<std::time::SystemTime>,
    pub month: Option<Text>,
    pub reported_on: Option<Text>,
    pub disbursed: Option<Spanned<Pairs<String>>>,
    pub committed: Option<Spanned<Pairs<String>>>,
    pub received: Option<Spanned<Pairs<String>>>,
    pub adjustment: Option<List<RawAdjustment>>,
    pub tasks: Option<Spanned<Pairs<String>>>,
    pub kpis: Option<Spanned<Pairs<String>>>,
    pub events: Option<List<RawEvent>>,
    pub narrative: Option<Text>,
    pub problems: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdjustment {
    pub id: Option<Text>,
    pub amount: Option<Text>,
    pub reason: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub name: Option<Text>,
    pub kind: Option<Text>,
    pub ended_on: Option<Text>,
    pub participants: Option<Text>,
    pub evaluated_on: Option<Text>,
}

/// Front matter of a free page in `pages/*.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPageFront {
    pub title: Option<Text>,
    pub weight: Option<Text>,
    pub description: Option<Text>,
}

//! The checked content model that every later stage trusts.
//!
//! Built by `validate` from the raw layer: ids are resolved to indices, money and quantities
//! are `Decimal`, months and dates are typed, and plan-level defaults (conditions, approval
//! terms, signatures) are already merged from the fiscal year. Names, units, ids and terms
//! that repeat across plans are shared `Arc<str>`s (see `validate::names`).

pub mod budget;
pub mod calendar;
pub mod compact;
pub mod targets;

pub use budget::{BudgetClass, BudgetNode, BudgetTree, BudgetType};
pub use calendar::{Date, FiscalYear, Month};
pub use targets::{TargetCurve, Targets};

use crate::diag::{FileId, Loc};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A whole checked content folder.
#[derive(Debug, Default)]
pub struct Content {
    pub site: Site,
    pub fiscal_years: BTreeMap<FiscalYear, FiscalYearSettings>,
    /// Every plan, in id order.
    pub plans: Vec<Plan>,
    pub pages: Vec<Page>,
    /// Today in Thailand, by the build's clock (`SOURCE_DATE_EPOCH` honoured): which months'
    /// reports are due. `None` treats every deadline as passed.
    pub today: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub title: String,
    pub organisation: String,
    pub ministry: String,
    pub base_path: String,
    /// Thai digits in the body of the printable plan document (`thai_digits: true`); site
    /// pages and email reports write Arabic digits throughout, whatever this says.
    pub thai_digits: bool,
    /// Thai digits where the official document writes them whatever the body does: the
    /// cover's year and the page numbers (`thai_digits: official`, the default, and `true`).
    pub thai_digits_official: bool,
    pub as_of: Option<Month>,
    pub theme: Option<String>,
    /// The day of the following month by which a month's entry is due.
    pub report_due_day: u32,
    /// The fiscal year the home page shows (the others are one click away).
    pub current_year: Option<FiscalYear>,
    /// `language:` the language of planbook's messages when the environment does not choose.
    pub language: Option<crate::i18n::Lang>,
}

/// The day of the following month by which an entry is due, when site.yaml says nothing.
pub const DEFAULT_REPORT_DUE_DAY: u32 = 10;

impl ProgressEntry {
    /// The day this entry last changed: `reported_on`, else its file's modification day.
    pub fn changed_on(&self) -> Option<Date> {
        self.reported_on.or(self.modified_on)
    }
}

impl Site {
    /// The last day on which `month`'s entry is on time: `report_due_day` of the next
    /// month (the month's last day when the month is shorter).
    pub fn deadline(&self, month: Month) -> Date {
        let next = month.next();
        let last = next.last_day();
        Date {
            day: self.report_due_day.clamp(1, last.day),
            ..last
        }
    }
}

impl Default for Site {
    fn default() -> Self {
        Site {
            title: "ระบบติดตามแผนปฏิบัติงานและงบประมาณ".into(),
            organisation: String::new(),
            ministry: String::new(),
            base_path: "/".into(),
            thai_digits: false,
            thai_digits_official: true,
            as_of: None,
            theme: None,
            report_due_day: DEFAULT_REPORT_DUE_DAY,
            current_year: None,
            language: None,
        }
    }
}

/// Department-wide settings of one fiscal year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FiscalYearSettings {
    pub year: FiscalYear,
    pub disbursement_targets: Targets,
    pub spending_targets: Targets,
    pub conditions: Vec<Arc<str>>,
    pub approval_terms: Vec<Arc<str>>,
    pub sign_off: SignOff,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignOff {
    pub proposer: Option<Signer>,
    pub approver: Option<Signer>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signer {
    pub name: Arc<str>,
    pub title: Arc<str>,
    pub date: Option<Date>,
}

/// `2566/samut-prakan/debt-relief`: fiscal year, office and activity folder names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId {
    pub fiscal_year: FiscalYear,
    pub office: String,
    pub activity: String,
}

impl std::fmt::Display for PlanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.fiscal_year, self.office, self.activity)
    }
}

/// One main activity of one office in one fiscal year, with its monthly progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: PlanId,
    pub file: FileId,
    pub job_no: Option<Arc<str>>,
    pub department: Arc<str>,
    pub ministry: Arc<str>,
    /// The office's display name (หน่วยงานรับผิดชอบ).
    pub office_name: Arc<str>,
    pub prepared_by: Option<Arc<str>>,
    pub strategy: Strategy,
    pub program: Option<Arc<str>>,
    /// The program's budget code (GFMIS), shown after its name; never an id.
    pub program_code: Option<Arc<str>>,
    pub project: Option<Arc<str>>,
    pub activity: Arc<str>,
    /// The activity's budget or activity code, shown after its name; never an id.
    pub activity_code: Option<Arc<str>>,
    pub objectives: Vec<Arc<str>>,
    pub kpis: Vec<Kpi>,
    pub tasks: Vec<Task>,
    pub budget: BudgetTree,
    /// Planned disbursement by month (แผนการใช้จ่ายงบประมาณ), in month order.
    pub spending_plan: Vec<(Month, Decimal)>,
    /// In date order.
    pub revisions: Vec<Revision>,
    /// The plan's own, or the fiscal year's.
    pub conditions: Vec<Arc<str>>,
    pub approval_terms: Vec<Arc<str>>,
    pub sign_off: SignOff,
    /// Monthly entries in month order, at most one per month.
    pub entries: Vec<ProgressEntry>,
}

impl Plan {
    /// Drops the spare capacity of every vector the plan holds, once it is complete: the
    /// checked model lives as long as the build, and pushing leaves up to half of a vector
    /// unused.
    pub fn shrink_to_fit(&mut self) {
        self.objectives.shrink_to_fit();
        self.kpis.shrink_to_fit();
        for sub_plan in &mut self.strategy.sub_plans {
            sub_plan.kpis.shrink_to_fit();
        }
        self.strategy.sub_plans.shrink_to_fit();
        for task in &mut self.tasks {
            task.schedule.shrink_to_fit();
        }
        self.tasks.shrink_to_fit();
        for node in &mut self.budget.nodes {
            node.children.shrink_to_fit();
            node.details.shrink_to_fit();
        }
        self.budget.nodes.shrink_to_fit();
        self.spending_plan.shrink_to_fit();
        for revision in &mut self.revisions {
            revision.changes.shrink_to_fit();
        }
        self.revisions.shrink_to_fit();
        self.conditions.shrink_to_fit();
        self.approval_terms.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    /// Activity KPIs, then the strategy's sub-plan KPIs.
    pub fn all_kpis(&self) -> impl Iterator<Item = &Kpi> {
        self.kpis
            .iter()
            .chain(self.strategy.sub_plans.iter().flat_map(|s| s.kpis.iter()))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Strategy {
    pub national: Option<Arc<str>>,
    pub master_plan: Option<Arc<str>>,
    pub sub_plans: Vec<SubPlan>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubPlan {
    pub name: Arc<str>,
    pub kpis: Vec<Kpi>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub unit: Arc<str>,
    pub target: Decimal,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub unit: Arc<str>,
    pub target: Decimal,
    /// Planned quantity by month (the action plan), in month order.
    pub schedule: Vec<(Month, Decimal)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub date: Date,
    pub reference: Option<String>,
    pub reason: Option<String>,
    /// (budget leaf index, change in baht).
    pub changes: Vec<(usize, Decimal)>,
    pub loc: Loc,
}

/// An amount named against a budget node in a progress entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeAmount {
    pub node: usize,
    pub amount: Decimal,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub node: usize,
    pub amount: Decimal,
    pub reason: Option<String>,
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Training,
    Seminar,
    Meeting,
}

impl EventKind {
    /// Trainings and seminars must be evaluated within 60 days (condition 5).
    pub fn needs_evaluation(self) -> bool {
        matches!(self, EventKind::Training | EventKind::Seminar)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Training => "training",
            EventKind::Seminar => "seminar",
            EventKind::Meeting => "meeting",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub name: String,
    pub kind: EventKind,
    pub ended_on: Date,
    pub participants: Option<Decimal>,
    pub evaluated_on: Option<Date>,
}

/// One monthly progress entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressEntry {
    pub file: FileId,
    pub month: Month,
    pub month_loc: Loc,
    pub reported_on: Option<Date>,
    /// The day its file was last changed (Thailand's time), where known.
    pub modified_on: Option<Date>,
    /// Flows of the month.
    pub disbursed: Box<[NodeAmount]>,
    /// Stocks at month end.
    pub committed: Box<[NodeAmount]>,
    pub received: Box<[NodeAmount]>,
    pub adjustments: Box<[Adjustment]>,
    /// Outputs of the month, by task index.
    pub tasks: Box<[(usize, Decimal)]>,
    /// Values at month end, by index into `Plan::all_kpis`.
    pub kpis: Box<[(usize, Decimal)]>,
    pub events: Box<[Event]>,
    pub narrative: Option<compact::CompactText>,
    pub problems: Option<compact::CompactText>,
}

impl ProgressEntry {
    /// The value reported for the KPI at `index` of `Plan::all_kpis`, if any.
    pub fn kpi_value(&self, index: usize) -> Option<Decimal> {
        self.kpis
            .iter()
            .find(|(kpi, _)| *kpi == index)
            .map(|(_, value)| *value)
    }
}

/// A free page from `pages/*.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub weight: i64,
    pub body: String,
}

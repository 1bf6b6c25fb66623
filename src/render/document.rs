//! The printable plan document (`plan.html`): the official แผนปฏิบัติงานและงบประมาณรายจ่าย
//! of one plan, laid out section for section as the seed document.
//!
//! Every string reaches the template already formatted: amounts, quantities, numbering,
//! years and user text carry Thai digits when `site.thai_digits` is on; the cover's year and
//! the page numbers also under `thai_digits: official` (the default); signature dates always
//! do, as officials write them. An `at_most` KPI's target reads `ไม่เกิน N หน่วย`. A section the plan lacks is `None` or empty and the template leaves
//! it out. The printed plan is the plan as approved: original amounts, before revisions.

mod inline;

use super::RenderError;
use super::theme::Theme;
use crate::compute::round2;
use crate::model::{BudgetTree, Direction, FiscalYearSettings, Kpi, Plan, PlanId, Signer, Site};
use crate::thai;
use rust_decimal::Decimal;
use serde::Serialize;
use std::sync::Arc;

/// The document's template.
pub const TEMPLATE: &str = "plan.html";

/// From `<fy>/plans/<office>/<plan>/plan.html` back to the output root.
const ROOT: &str = "../../../../";

/// Where a plan's document is written, relative to the output root.
pub fn document_path(id: &PlanId) -> String {
    format!(
        "{}/plans/{}/{}/plan.html",
        id.fiscal_year, id.office, id.activity
    )
}

/// The document's title, as its `<title>` and a PDF's metadata say it, Arabic digits:
/// `แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566 : สำนักงานสหกรณ์จังหวัดสมุทรปราการ`.
pub fn document_title(plan: &Plan) -> String {
    format!(
        "แผนปฏิบัติงานและงบประมาณรายจ่ายประจำ{} : {}",
        thai::fiscal_year_label(plan.id.fiscal_year, false),
        plan.office_name
    )
}

/// Renders `plan.html` for one plan of fiscal year `fy`.
pub fn document_page(
    theme: &Theme,
    site: &Site,
    plan: &Plan,
    fy: &FiscalYearSettings,
) -> Result<String, RenderError> {
    theme.render(TEMPLATE, &document_view(site, plan, fy))
}

/// How figures print in this document.
struct Fmt {
    thai: bool,
    /// Thai digits where the official document writes them: the cover's year, page numbers.
    official: bool,
    /// Whole baht (`6,300`) when every amount of the plan is whole; otherwise `6,300.50`.
    whole_baht: bool,
}

impl Fmt {
    fn text(&self, text: &str) -> String {
        thai::digits_if(text, self.thai)
    }

    fn money(&self, value: Decimal) -> String {
        self.text(&if self.whole_baht {
            thai::baht_whole(value)
        } else {
            thai::baht(value)
        })
    }

    fn quantity_ascii(value: Decimal) -> String {
        let value = value.normalize();
        thai::format_number(value, value.scale())
    }

    fn quantity(&self, value: Decimal) -> String {
        self.text(&Self::quantity_ascii(value))
    }

    fn with_unit(&self, value: Decimal, unit: &str) -> String {
        self.text(&thai::with_unit(&Self::quantity_ascii(value), unit))
    }

    /// A KPI's target with its unit, `ไม่เกิน` before it when the KPI is `at_most`.
    fn kpi_target(&self, kpi: &Kpi) -> String {
        let target = self.with_unit(kpi.target, &kpi.unit);
        match kpi.direction {
            Direction::AtLeast => target,
            Direction::AtMost => format!("ไม่เกิน {target}"),
        }
    }

    fn percent(&self, value: Decimal) -> String {
        self.text(&thai::format_number(round2(value), 2))
    }

    fn label(&self, path: &[usize]) -> String {
        self.text(&thai::outline_label(path))
    }
}

#[derive(Serialize)]
struct DocumentView {
    root: &'static str,
    /// Page numbers in Thai digits.
    thai_page_numbers: bool,
    /// `แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๖๖`, heading of the inner pages.
    heading: String,
    cover: Cover,
    strategy: Option<StrategyView>,
    kpis: Vec<KpiLine>,
    main: MainTable,
    conditions: Vec<Numbered>,
    approval: Option<Approval>,
    annexes: Annexes,
}

#[derive(Serialize)]
struct Cover {
    title: &'static str,
    /// `ประจำปีงบประมาณ พ.ศ. ๒๕๖๖`
    year: String,
    program: Option<String>,
    project: Option<String>,
    activity: String,
    office: String,
    prepared_by: Option<String>,
}

#[derive(Serialize)]
struct StrategyView {
    national: Option<String>,
    master_plan: Option<String>,
    /// Sub-plans without KPIs, each a line `แผนแม่บทย่อย : …`.
    sub_plans: Vec<String>,
    /// `ปี ๒๕๖๖`, heading the KPI table's target column.
    year: String,
    /// Sub-plans with KPIs: each heads its rows of the KPI table, as in the seed.
    kpi_groups: Vec<KpiGroup>,
}

#[derive(Serialize)]
struct KpiGroup {
    name: String,
    kpis: Vec<KpiLine>,
}

#[derive(Serialize)]
struct KpiLine {
    no: String,
    name: String,
    target: String,
}

#[derive(Serialize)]
struct HeadRow {
    label: String,
    value: String,
}

#[derive(Serialize)]
struct Item {
    no: String,
    text: String,
}

#[derive(Serialize)]
struct Numbered {
    no: String,
    /// Escaped or sanitised HTML.
    html: String,
}

#[derive(Serialize)]
struct MainTable {
    heads: Vec<HeadRow>,
    objectives: Vec<Item>,
    /// `กรมส่งเสริมสหกรณ์ กระทรวงเกษตรและสหกรณ์`
    department: String,
    office: String,
    job_no: Option<String>,
    total: String,
    total_words: String,
    /// The rows, grouped so that a budget item and its detail lines print on one page.
    groups: Vec<Vec<MainRow>>,
}

#[derive(Serialize)]
struct MainRow {
    task: Option<TaskCell>,
    line: Option<BudgetLine>,
}

#[derive(Serialize)]
struct TaskCell {
    no: String,
    name: String,
    unit: String,
    target: String,
}

#[derive(Serialize)]
struct BudgetLine {
    no: String,
    text: String,
    /// `None` for a details line.
    amount: Option<String>,
    depth: usize,
}

#[derive(Serialize)]
struct Approval {
    program: Option<String>,
    terms: Vec<Numbered>,
    signers: Vec<SignerView>,
}

#[derive(Serialize)]
struct SignerView {
    role: &'static str,
    name: String,
    title: String,
    /// `๒๙ ก.ย. ๒๕๖๕`; `None` leaves a line to date by hand.
    date: Option<String>,
}

#[derive(Serialize)]
struct Annexes {
    action_plan: Option<ActionPlan>,
    spending_plan: Option<SpendingPlan>,
}

#[derive(Serialize)]
struct ActionPlan {
    heading: String,
    quarters: Vec<String>,
    months: Vec<MonthHead>,
    rows: Vec<ActionRow>,
}

/// A month column's heading, on two lines: `ต.ค.` over `๖๕`.
#[derive(Serialize)]
struct MonthHead {
    name: &'static str,
    year: String,
}

#[derive(Serialize)]
struct ActionRow {
    no: String,
    name: String,
    unit: String,
    target: String,
    /// Planned quantity for each month, October .. September; empty where none.
    cells: Vec<String>,
}

#[derive(Serialize)]
struct SpendingPlan {
    heading: String,
    allocation: String,
    months: Vec<SpendingRow>,
    quarters: Vec<SpendingRow>,
    total: String,
    /// The quarter rows carry the fiscal year's disbursement targets.
    has_targets: bool,
}

#[derive(Serialize)]
struct SpendingRow {
    label: String,
    amount: String,
    cumulative: String,
    percent: String,
    target: Option<String>,
}

fn document_view(site: &Site, plan: &Plan, fy: &FiscalYearSettings) -> DocumentView {
    let whole_baht = plan
        .budget
        .nodes
        .iter()
        .filter_map(|n| n.amount)
        .chain(plan.spending_plan.iter().map(|(_, amount)| *amount))
        .all(|amount| amount.fract().is_zero());
    let f = Fmt {
        thai: site.thai_digits,
        official: site.thai_digits || site.thai_digits_official,
        whole_baht,
    };
    // A no-break space keeps `พ.ศ. ๒๕๖๖` on one line in the centred headings.
    let year_label =
        thai::fiscal_year_label(plan.id.fiscal_year, f.thai).replace("พ.ศ. ", "พ.ศ.\u{a0}");
    let mut annexes = Annexes {
        action_plan: action_plan(plan, &f),
        spending_plan: spending_plan(plan, fy, &f),
    };
    // Annexes are numbered in order among those the plan has.
    let mut annex_no = 0;
    let mut annex_heading = |title: &str| {
        annex_no += 1;
        format!(
            "{} ประจำ{year_label}",
            f.text(&format!("ภาคผนวก {annex_no} {title}"))
        )
    };
    if let Some(annex) = annexes.action_plan.as_mut() {
        annex.heading = annex_heading("แผนการปฏิบัติงาน (Action Plan)");
    }
    if let Some(annex) = annexes.spending_plan.as_mut() {
        annex.heading = annex_heading("แผนการใช้จ่ายงบประมาณ");
    }
    DocumentView {
        root: ROOT,
        thai_page_numbers: f.official,
        heading: format!("แผนปฏิบัติงานและงบประมาณรายจ่ายประจำ{year_label}"),
        cover: Cover {
            title: "แผนปฏิบัติงานและงบประมาณรายจ่าย",
            year: format!(
                "ประจำ{}",
                thai::fiscal_year_label(plan.id.fiscal_year, f.official)
                    .replace("พ.ศ. ", "พ.ศ.\u{a0}")
            ),
            program: plan.program.as_deref().map(|t| f.text(t)),
            project: plan.project.as_deref().map(|t| f.text(t)),
            activity: f.text(&plan.activity),
            office: f.text(&plan.office_name),
            prepared_by: plan.prepared_by.as_deref().map(|t| f.text(t)),
        },
        strategy: strategy(plan, &f),
        kpis: plan
            .kpis
            .iter()
            .enumerate()
            .map(|(i, k)| KpiLine {
                no: f.text(&(i + 1).to_string()),
                name: f.text(&k.name),
                target: f.kpi_target(k),
            })
            .collect(),
        main: main_table(plan, &f),
        conditions: numbered(&plan.conditions, &f),
        approval: approval(plan, &f),
        annexes,
    }
}

fn strategy(plan: &Plan, f: &Fmt) -> Option<StrategyView> {
    let s = &plan.strategy;
    if s.national.is_none() && s.master_plan.is_none() && s.sub_plans.is_empty() {
        return None;
    }
    let sub_plan = |name: &str| f.text(&format!("แผนแม่บทย่อย : {name}"));
    let mut kpi_no = 0;
    Some(StrategyView {
        national: s.national.as_deref().map(|t| f.text(t)),
        master_plan: s.master_plan.as_deref().map(|t| f.text(t)),
        sub_plans: s
            .sub_plans
            .iter()
            .filter(|p| p.kpis.is_empty())
            .map(|p| sub_plan(&p.name))
            .collect(),
        year: f.text(&format!("ปี {}", plan.id.fiscal_year)),
        kpi_groups: s
            .sub_plans
            .iter()
            .filter(|p| !p.kpis.is_empty())
            .map(|p| KpiGroup {
                name: sub_plan(&p.name),
                kpis: p
                    .kpis
                    .iter()
                    .map(|k| {
                        kpi_no += 1;
                        KpiLine {
                            no: f.text(&kpi_no.to_string()),
                            name: f.text(&k.name),
                            target: f.kpi_target(k),
                        }
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// Splits a title into the label the seed prints in its header rows and the rest:
/// `แผนงานยุทธศาสตร์เพื่อสนับสนุน…` → (`แผนงานยุทธศาสตร์`, `เพื่อสนับสนุน…`). A title with none of
/// the known prefixes keeps `default` as its label and prints whole.
fn head_row(text: &str, prefixes: &[&str], default: &str, f: &Fmt) -> HeadRow {
    let split = prefixes.iter().find_map(|prefix| {
        text.strip_prefix(prefix)
            .map(str::trim_start)
            .filter(|rest| !rest.is_empty())
            .map(|rest| (*prefix, rest))
    });
    let (label, value) = split.unwrap_or((default, text));
    HeadRow {
        label: label.to_owned(),
        value: f.text(value),
    }
}

fn main_table(plan: &Plan, f: &Fmt) -> MainTable {
    let mut heads = Vec::new();
    if let Some(program) = &plan.program {
        heads.push(head_row(
            program,
            &[
                "แผนงานยุทธศาสตร์",
                "แผนงานพื้นฐาน",
                "แผนงานบูรณาการ",
                "แผนงานบุคลากรภาครัฐ",
                "แผนงาน",
            ],
            "แผนงาน",
            f,
        ));
    }
    if let Some(project) = &plan.project {
        heads.push(head_row(project, &["โครงการ", "ผลผลิต"], "โครงการ", f));
    }
    heads.push(head_row(&plan.activity, &["กิจกรรมหลัก"], "กิจกรรมหลัก", f));
    let department = [&*plan.department, &*plan.ministry]
        .iter()
        .filter(|t| !t.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let tasks: Vec<TaskCell> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| TaskCell {
            no: f.text(&format!("{}.", i + 1)),
            name: f.text(&t.name),
            unit: f.text(&t.unit),
            target: f.quantity(t.target),
        })
        .collect();
    let mut lines = Vec::new();
    let mut path = Vec::new();
    for (ordinal, root) in plan.budget.roots().enumerate() {
        path.push(ordinal + 1);
        budget_lines(&plan.budget, root, &mut path, f, &mut lines);
        path.pop();
    }
    let rows = tasks.len().max(lines.len());
    let mut tasks = tasks.into_iter();
    let mut lines = lines.into_iter();
    let total = plan.budget.original_total();
    MainTable {
        heads,
        objectives: plan
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| Item {
                no: f.text(&(i + 1).to_string()),
                text: f.text(o),
            })
            .collect(),
        department: f.text(&department),
        office: f.text(&plan.office_name),
        job_no: plan.job_no.as_deref().map(|t| f.text(t)),
        total: f.money(total),
        total_words: thai::baht_text(total),
        groups: keep_details_with_their_item((0..rows).map(|_| MainRow {
            task: tasks.next(),
            line: lines.next(),
        })),
    }
}

/// Groups `rows` so that a row whose budget line is a details line (no amount) joins the
/// group of the row before it.
fn keep_details_with_their_item(rows: impl Iterator<Item = MainRow>) -> Vec<Vec<MainRow>> {
    let mut groups: Vec<Vec<MainRow>> = Vec::new();
    for row in rows {
        let is_detail = row.line.as_ref().is_some_and(|l| l.amount.is_none());
        match groups.last_mut() {
            Some(group) if is_detail => group.push(row),
            _ => groups.push(vec![row]),
        }
    }
    groups
}

/// The lines of `node`'s subtree in pre-order: the node (with its amount), its details
/// (numbered as a level below, without amounts), then its children.
fn budget_lines(
    tree: &BudgetTree,
    node: usize,
    path: &mut Vec<usize>,
    f: &Fmt,
    out: &mut Vec<BudgetLine>,
) {
    let Some(n) = tree.nodes.get(node) else {
        return;
    };
    let mut text = n.name.to_string();
    if n.flexible {
        text.push_str(" (ถัวจ่าย)");
    }
    if let Some(note) = n.note.as_deref().filter(|t| !t.trim().is_empty()) {
        text.push_str(&format!(" ({note})"));
    }
    out.push(BudgetLine {
        no: f.label(path),
        text: f.text(&text),
        amount: Some(f.money(tree.original_amount(node))),
        depth: path.len() - 1,
    });
    for (k, detail) in n.details.iter().enumerate() {
        path.push(k + 1);
        out.push(BudgetLine {
            no: f.label(path),
            text: f.text(detail),
            amount: None,
            depth: path.len() - 1,
        });
        path.pop();
    }
    for (ordinal, &child) in n.children.iter().enumerate() {
        path.push(ordinal + 1);
        budget_lines(tree, child, path, f, out);
        path.pop();
    }
}

fn numbered(items: &[Arc<str>], f: &Fmt) -> Vec<Numbered> {
    items
        .iter()
        .enumerate()
        .map(|(i, text)| Numbered {
            no: f.text(&format!("{}.", i + 1)),
            html: inline::inline_html(text, f.thai),
        })
        .collect()
}

fn approval(plan: &Plan, f: &Fmt) -> Option<Approval> {
    let signer = |role, s: &Option<Signer>| {
        s.as_ref().map(|s| SignerView {
            role,
            name: f.text(&s.name),
            title: f.text(&s.title),
            // Dates keep Thai digits whatever the site's setting, as officials write them.
            date: s.date.map(|d| thai::date_short(d, true)),
        })
    };
    let signers: Vec<SignerView> = [
        signer("ผู้เสนอ", &plan.sign_off.proposer),
        signer("ผู้อนุมัติ", &plan.sign_off.approver),
    ]
    .into_iter()
    .flatten()
    .collect();
    if plan.approval_terms.is_empty() && signers.is_empty() {
        return None;
    }
    Some(Approval {
        program: plan.program.as_deref().map(|t| f.text(t)),
        terms: numbered(&plan.approval_terms, f),
        signers,
    })
}

fn action_plan(plan: &Plan, f: &Fmt) -> Option<ActionPlan> {
    if plan.tasks.iter().all(|t| t.schedule.is_empty()) {
        return None;
    }
    let months: Vec<_> = plan.id.fiscal_year.months().collect();
    Some(ActionPlan {
        heading: String::new(),
        quarters: (1..=4).map(|q| f.text(&format!("ไตรมาส {q}"))).collect(),
        months: months
            .iter()
            .map(|&m| MonthHead {
                name: thai::month_abbr(m),
                year: f.text(&format!("{:02}", m.be_year().rem_euclid(100))),
            })
            .collect(),
        rows: plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| ActionRow {
                no: f.text(&format!("{}.", i + 1)),
                name: f.text(&t.name),
                unit: f.text(&t.unit),
                target: f.quantity(t.target),
                cells: months
                    .iter()
                    .map(|&m| {
                        let planned: Decimal = t
                            .schedule
                            .iter()
                            .filter(|(month, _)| *month == m)
                            .map(|(_, q)| *q)
                            .sum();
                        if planned.is_zero() {
                            String::new()
                        } else {
                            f.quantity(planned)
                        }
                    })
                    .collect(),
            })
            .collect(),
    })
}

fn spending_plan(plan: &Plan, fy: &FiscalYearSettings, f: &Fmt) -> Option<SpendingPlan> {
    if plan.spending_plan.is_empty() {
        return None;
    }
    let allocation = plan.budget.original_total();
    let percent = |value: Decimal| {
        if allocation.is_zero() {
            f.percent(Decimal::ZERO)
        } else {
            f.percent(value * Decimal::ONE_HUNDRED / allocation)
        }
    };
    let months: Vec<_> = plan.id.fiscal_year.months().collect();
    let by_month: Vec<Decimal> = months
        .iter()
        .map(|&m| {
            plan.spending_plan
                .iter()
                .filter(|(month, _)| *month == m)
                .map(|(_, amount)| *amount)
                .sum()
        })
        .collect();
    let mut cumulative = Decimal::ZERO;
    let month_rows = months
        .iter()
        .zip(&by_month)
        .map(|(&m, &amount)| {
            cumulative += amount;
            SpendingRow {
                label: thai::month_full(m, f.thai),
                amount: if amount.is_zero() {
                    "-".into()
                } else {
                    f.money(amount)
                },
                cumulative: f.money(cumulative),
                percent: percent(cumulative),
                target: None,
            }
        })
        .collect();
    let curve = fy.disbursement_targets.curve(plan.budget.class());
    let mut cumulative = Decimal::ZERO;
    let quarter_rows = by_month
        .chunks(3)
        .zip(months.chunks(3))
        .enumerate()
        .map(|(q, (amounts, quarter_months))| {
            let amount: Decimal = amounts.iter().sum();
            cumulative += amount;
            let span = match (quarter_months.first(), quarter_months.last()) {
                (Some(&first), Some(&last)) => {
                    // No-break spaces keep `ธ.ค. ๖๕` whole when the label wraps.
                    format!(
                        " ({} – {})",
                        thai::month_abbr(first),
                        thai::month_short(last, false).replace(' ', "\u{a0}")
                    )
                }
                _ => String::new(),
            };
            SpendingRow {
                label: f.text(&format!("ไตรมาส {}{span}", q + 1)),
                amount: f.money(amount),
                cumulative: f.money(cumulative),
                percent: percent(cumulative),
                target: curve.map(|c| f.quantity(c.at_quarter_end(q + 1))),
            }
        })
        .collect();
    Some(SpendingPlan {
        heading: String::new(),
        allocation: f.money(allocation),
        months: month_rows,
        quarters: quarter_rows,
        total: f.money(cumulative),
        has_targets: curve.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(thai: bool, whole_baht: bool) -> Fmt {
        Fmt {
            thai,
            official: thai,
            whole_baht,
        }
    }

    #[test]
    fn header_rows_split_the_label_the_seed_prints() {
        let f = fmt(true, true);
        let programs = ["แผนงานยุทธศาสตร์", "แผนงานพื้นฐาน", "แผนงาน"];
        let row = head_row(
            "แผนงานยุทธศาสตร์เพื่อสนับสนุนด้านการสร้างโอกาส",
            &programs,
            "แผนงาน",
            &f,
        );
        assert_eq!(row.label, "แผนงานยุทธศาสตร์");
        assert_eq!(row.value, "เพื่อสนับสนุนด้านการสร้างโอกาส");
        let row = head_row(
            "ผลผลิตสหกรณ์ได้รับการส่งเสริม",
            &["โครงการ", "ผลผลิต"],
            "โครงการ",
            &f,
        );
        assert_eq!(
            (row.label.as_str(), row.value.as_str()),
            ("ผลผลิต", "สหกรณ์ได้รับการส่งเสริม")
        );
        // No known prefix, or nothing after it: the default label and the whole title.
        let row = head_row("ส่งเสริมอาชีพ 2 รุ่น", &["โครงการ"], "โครงการ", &f);
        assert_eq!(
            (row.label.as_str(), row.value.as_str()),
            ("โครงการ", "ส่งเสริมอาชีพ ๒ รุ่น")
        );
        let row = head_row("โครงการ", &["โครงการ"], "โครงการ", &f);
        assert_eq!(
            (row.label.as_str(), row.value.as_str()),
            ("โครงการ", "โครงการ")
        );
    }

    #[test]
    fn figures_print_as_officials_write_them() {
        let thai = fmt(true, true);
        assert_eq!(thai.money(Decimal::new(6300, 0)), "๖,๓๐๐");
        assert_eq!(thai.with_unit(Decimal::new(10, 0), "ร้อยละ"), "ร้อยละ ๑๐");
        assert_eq!(thai.with_unit(Decimal::new(100, 2), "แห่ง"), "๑ แห่ง");
        assert_eq!(thai.quantity(Decimal::new(45, 1)), "๔.๕");
        assert_eq!(thai.label(&[1, 1, 2]), "(๒)");
        assert_eq!(thai.percent(Decimal::new(523_755, 4)), "๕๒.๓๘");
        let arabic = fmt(false, false);
        assert_eq!(arabic.money(Decimal::new(123_450, 2)), "1,234.50");
        assert_eq!(arabic.label(&[2, 3]), "2.3");
    }

    #[test]
    fn at_most_targets_read_not_more_than() {
        let kpi = |direction| Kpi {
            id: "loss".into(),
            name: "สหกรณ์ที่ขาดทุน".into(),
            unit: "แห่ง".into(),
            target: Decimal::new(5, 0),
            direction,
        };
        let f = fmt(false, true);
        assert_eq!(f.kpi_target(&kpi(Direction::AtMost)), "ไม่เกิน 5 แห่ง");
        assert_eq!(f.kpi_target(&kpi(Direction::AtLeast)), "5 แห่ง");
    }

    #[test]
    fn details_stay_with_their_budget_item() {
        let line = |no: &str, amount: Option<&str>| MainRow {
            task: None,
            line: Some(BudgetLine {
                no: no.into(),
                text: String::new(),
                amount: amount.map(str::to_owned),
                depth: 0,
            }),
        };
        let rows = vec![
            line("1.", Some("6,300")),
            line("(2)", Some("5,100")),
            line("1.", None),
            line("2.", None),
            MainRow {
                task: None,
                line: None,
            },
        ];
        let groups: Vec<Vec<String>> = keep_details_with_their_item(rows.into_iter())
            .iter()
            .map(|g| {
                g.iter()
                    .map(|r| r.line.as_ref().map_or("-".into(), |l| l.no.clone()))
                    .collect()
            })
            .collect();
        assert_eq!(groups, [vec!["1."], vec!["(2)", "1.", "2."], vec!["-"]]);
    }

    #[test]
    fn document_path_sits_four_levels_below_the_root() {
        let id = PlanId {
            fiscal_year: crate::model::FiscalYear(2566),
            office: "samut-prakan".into(),
            activity: "debt-relief".into(),
        };
        let path = document_path(&id);
        assert_eq!(path, "2566/plans/samut-prakan/debt-relief/plan.html");
        assert_eq!(path.matches('/').count(), ROOT.matches("../").count());
    }
}

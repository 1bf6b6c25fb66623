//! Arbitrary valid plans: budget trees of 1–8 lines in 1–2 top-level groups (a group may hold
//! a sub-group), 1–12 monthly entries whose disbursed, committed and adjustments stay within
//! each line's room, revisions that move money between lines, received money; in 1–3 plans of
//! 1–2 offices. The YAML is written, checked (anything the checker refuses is skipped: the
//! generator aims to stay valid) and computed, and then:
//!
//! * every node's allocation, disbursed, committed and received equal an independent
//!   simulation of the same months, at the as-of month;
//! * disbursed + committed + remaining == allocation at every node, plan and roll-up;
//! * a group equals its own flows plus its children; a plan the sum of its top-level nodes;
//!   offices, projects and the year the sum of their plans;
//! * rates are exactly disbursed × 100 / allocation (0 over a zero allocation), and within
//!   0..=100 where nothing is over-spent and no adjustment is negative;
//! * the monthly series adds up to the totals;
//! * the JSON export says the same, rounded to satang.

#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use planbook::check;
use planbook_core::compute::{self, Amounts, PlanFigures, RollUp, round2};
use planbook_core::export;
use planbook_core::model::Plan;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// 999,999,999,999,999.99 baht, planbook's cap on one figure, in satang.
const CAP: u64 = 99_999_999_999_999_999;
const MONTHS: usize = 12;

/// One budget node of the generated tree (pre-order).
struct Node {
    id: String,
    parent: Option<usize>,
    /// Satang, for lines.
    amount: Option<u64>,
    flexible: bool,
    investment: bool,
}

#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct Money {
    allocation: i128,
    original: i128,
    received: i128,
    disbursed: i128,
    committed: i128,
}

impl Money {
    fn spent(&self) -> i128 {
        self.disbursed + self.committed
    }
}

#[derive(Default)]
struct Entry {
    disbursed: Vec<(usize, u64)>,
    committed: Vec<(usize, u64)>,
    received: Vec<(usize, u64)>,
    adjustments: Vec<(usize, i128)>,
}

struct Revision {
    month: usize,
    day: u32,
    from: usize,
    to: usize,
    amount: u64,
}

struct GenPlan {
    office: usize,
    activity: String,
    project: Option<&'static str>,
    nodes: Vec<Node>,
    entries: Vec<Option<Entry>>,
    revisions: Vec<Revision>,
    /// Each node's own figures (flows named on it), at the end of each month.
    own_by_month: Vec<Vec<Money>>,
    negative_adjustments: bool,
    style: u8,
}

struct Model {
    plans: Vec<GenPlan>,
    /// Index of the as-of month, when one is asked for.
    as_of: Option<usize>,
}

/// An amount up to `max` satang, often at the edges.
fn amount(u: &mut Unstructured, max: u64) -> Result<u64> {
    if max == 0 {
        return Ok(0);
    }
    Ok(match u.int_in_range(0..=5u8)? {
        0 => max,
        1 => u.int_in_range(0..=max.min(100))?,
        2 => u.int_in_range(0..=max.min(10_000_000))? / 100 * 100,
        3 => max / u.int_in_range(1..=4u64)?,
        _ => u.int_in_range(0..=max)?,
    })
}

fn leaf_amount(u: &mut Unstructured) -> Result<u64> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 => CAP,
        1 => u.int_in_range(0..=1_000_000u64)?,
        2 => u.int_in_range(0..=100_000_000u64)? * 100,
        _ => u.int_in_range(0..=CAP)?,
    })
}

fn tree(u: &mut Unstructured) -> Result<Vec<Node>> {
    let mut nodes = Vec::new();
    let mut leaves = 0;
    let groups = u.int_in_range(1..=2u8)?;
    for g in 0..groups {
        if leaves >= 8 {
            break;
        }
        let investment = u.arbitrary()?;
        let group = nodes.len();
        nodes.push(Node {
            id: format!("g{g}"),
            parent: None,
            amount: None,
            flexible: false,
            investment,
        });
        let children = u.int_in_range(1..=4u8)?;
        for c in 0..children {
            if leaves >= 8 {
                break;
            }
            if leaves < 7 && u.ratio(1, 5)? {
                let sub = nodes.len();
                nodes.push(Node {
                    id: format!("g{g}-s{c}"),
                    parent: Some(group),
                    amount: None,
                    flexible: false,
                    investment,
                });
                for l in 0..u.int_in_range(1..=2u8)? {
                    leaves += 1;
                    nodes.push(Node {
                        id: format!("g{g}-s{c}-l{l}"),
                        parent: Some(sub),
                        amount: Some(leaf_amount(u)?),
                        flexible: u.ratio(1, 3)?,
                        investment,
                    });
                }
            } else {
                leaves += 1;
                nodes.push(Node {
                    id: format!("g{g}-l{c}"),
                    parent: Some(group),
                    amount: Some(leaf_amount(u)?),
                    flexible: u.ratio(1, 3)?,
                    investment,
                });
            }
        }
    }
    Ok(nodes)
}

/// Current figures of every node with its subtree (children follow parents).
fn rolled(nodes: &[Node], own: &[Money]) -> Vec<Money> {
    let mut all = own.to_vec();
    for i in (0..nodes.len()).rev() {
        if let Some(p) = nodes[i].parent {
            let child = all[i];
            let parent = &mut all[p];
            parent.allocation += child.allocation;
            parent.original += child.original;
            parent.received += child.received;
            parent.disbursed += child.disbursed;
            parent.committed += child.committed;
        }
    }
    all
}

/// What may still be spent on `node` without any node or the plan going over.
fn room(nodes: &[Node], own: &[Money], node: usize, skip_self: bool) -> u64 {
    let all = rolled(nodes, own);
    let total_alloc: i128 = (0..nodes.len())
        .filter(|&i| nodes[i].parent.is_none())
        .map(|i| all[i].allocation - all[i].spent())
        .sum();
    let mut best = total_alloc;
    let mut at = if skip_self {
        nodes[node].parent
    } else {
        Some(node)
    };
    while let Some(i) = at {
        best = best.min(all[i].allocation - all[i].spent());
        at = nodes[i].parent;
    }
    u64::try_from(best.max(0)).unwrap_or(0).min(CAP)
}

fn plan(u: &mut Unstructured, index: usize) -> Result<GenPlan> {
    let nodes = tree(u)?;
    let leaves: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].amount.is_some())
        .collect();
    let groups: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].amount.is_none())
        .collect();
    let mut own: Vec<Money> = nodes
        .iter()
        .map(|n| {
            let a = i128::from(n.amount.unwrap_or(0));
            Money {
                allocation: a,
                original: a,
                ..Money::default()
            }
        })
        .collect();
    // 1–12 months with an entry.
    let mut with_entry = [false; MONTHS];
    let count = u.int_in_range(1..=MONTHS)?;
    for _ in 0..count {
        with_entry[u.int_in_range(0..=MONTHS - 1)?] = true;
    }
    let mut entries = Vec::new();
    let mut revisions = Vec::new();
    let mut own_by_month = Vec::new();
    let mut negative_adjustments = false;
    for (month, &has_entry) in with_entry.iter().enumerate() {
        if leaves.len() >= 2 && u.ratio(1, 6)? {
            let from = leaves[u.choose_index(leaves.len())?];
            let to = leaves[u.choose_index(leaves.len())?];
            let max = room(&nodes, &own, from, false)
                .min(u64::try_from(own[from].allocation).unwrap_or(0));
            let moved = amount(u, max)?;
            if from != to && moved > 0 {
                own[from].allocation -= i128::from(moved);
                own[to].allocation += i128::from(moved);
                revisions.push(Revision {
                    month,
                    day: u.int_in_range(1..=28)?,
                    from,
                    to,
                    amount: moved,
                });
            }
        }
        if !has_entry {
            entries.push(None);
            own_by_month.push(own.clone());
            continue;
        }
        let mut entry = Entry::default();
        for &leaf in &leaves {
            if u.ratio(1, 2)? {
                // A ถัวจ่าย line may go over its own amount while its group has room.
                let skip_self = nodes[leaf].flexible && u.ratio(1, 3)?;
                let d = amount(u, room(&nodes, &own, leaf, skip_self))?;
                own[leaf].disbursed += i128::from(d);
                entry.disbursed.push((leaf, d));
            }
            if u.ratio(1, 3)? {
                let max = room(&nodes, &own, leaf, false)
                    .saturating_add(u64::try_from(own[leaf].committed).unwrap_or(0))
                    .min(CAP);
                let c = amount(u, max)?;
                own[leaf].committed = i128::from(c);
                entry.committed.push((leaf, c));
            }
            if u.ratio(1, 4)? {
                let r = amount(u, CAP)?;
                own[leaf].received += i128::from(r);
                entry.received.push((leaf, r));
            }
            if u.ratio(1, 6)? {
                let a = if u.arbitrary()? {
                    i128::from(amount(u, room(&nodes, &own, leaf, false))?)
                } else {
                    let back = u64::try_from(own[leaf].disbursed).unwrap_or(0).min(CAP);
                    -i128::from(amount(u, back)?)
                };
                negative_adjustments |= a < 0;
                own[leaf].disbursed += a;
                entry.adjustments.push((leaf, a));
            }
        }
        if u.ratio(1, 8)? {
            let group = groups[u.choose_index(groups.len())?];
            let d = amount(u, room(&nodes, &own, group, false))?;
            own[group].disbursed += i128::from(d);
            entry.disbursed.push((group, d));
        }
        entries.push(Some(entry));
        own_by_month.push(own.clone());
    }
    let office = u.int_in_range(0..=1)?;
    let project = *u.choose(&[None, Some("โครงการหนึ่ง"), Some("โครงการสอง")])?;
    Ok(GenPlan {
        office,
        activity: format!("act-{index}"),
        project,
        nodes,
        entries,
        revisions,
        own_by_month,
        negative_adjustments,
        style: u.arbitrary()?,
    })
}

fn model(u: &mut Unstructured) -> Result<Model> {
    let count = u.int_in_range(1..=3)?;
    let mut plans = Vec::new();
    for i in 0..count {
        plans.push(plan(u, i)?);
    }
    let as_of = if u.arbitrary()? {
        Some(u.int_in_range(0..=MONTHS - 1)?)
    } else {
        None
    };
    Ok(Model { plans, as_of })
}

// ---- YAML ----

/// (C.E. year, month) of the fiscal year 2566's `index`th month.
fn month_of(index: usize) -> (u32, u32) {
    if index < 3 {
        (2022, 10 + index as u32)
    } else {
        (2023, index as u32 - 2)
    }
}

fn month_text(index: usize, buddhist: bool) -> String {
    let (year, month) = month_of(index);
    let year = if buddhist { year + 543 } else { year };
    format!("{year}-{month:02}")
}

fn thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('๐' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn group3(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Satang written the ways people write baht (a style picked per value).
fn money(satang: i128, style: u8) -> String {
    let negative = satang < 0;
    let abs = satang.unsigned_abs();
    let whole = (abs / 100).to_string();
    let cents = abs % 100;
    let sign = if negative { "-" } else { "" };
    match style % 6 {
        0 => format!("{sign}{whole}.{cents:02}"),
        1 if cents == 0 => format!("{sign}{whole}"),
        2 => format!("\"{sign}{}.{cents:02}\"", group3(&whole)),
        3 => format!(
            "\"{sign}{} บาท\"",
            thai_digits(&format!("{}.{cents:02}", group3(&whole)))
        ),
        4 if cents.is_multiple_of(10) => format!("{sign}{whole}.{}", cents / 10),
        _ => format!("'{sign}{whole}.{cents:02}'"),
    }
}

fn plan_yaml(plan: &GenPlan) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "office: สำนักงาน {}", plan.office);
    let _ = writeln!(y, "activity: กิจกรรม {}", plan.activity);
    if let Some(project) = plan.project {
        let _ = writeln!(y, "project: {project}");
    }
    y.push_str("budget:\n");
    let mut style = plan.style;
    let mut depth = vec![0usize; plan.nodes.len()];
    for (i, node) in plan.nodes.iter().enumerate() {
        depth[i] = node.parent.map_or(0, |p| depth[p] + 1);
        let pad = "    ".repeat(depth[i]);
        let _ = writeln!(y, "{pad}  - id: {}", node.id);
        let _ = writeln!(y, "{pad}    name: รายการ {}", node.id);
        if node.parent.is_none() {
            let kind = if node.investment {
                "investment"
            } else {
                "operating"
            };
            let _ = writeln!(y, "{pad}    type: {kind}");
        }
        match node.amount {
            Some(a) => {
                style = style.wrapping_add(1);
                let _ = writeln!(y, "{pad}    amount: {}", money(i128::from(a), style));
                if node.flexible {
                    let _ = writeln!(y, "{pad}    flexible: true");
                }
            }
            None => {
                let _ = writeln!(y, "{pad}    items:");
            }
        }
    }
    if !plan.revisions.is_empty() {
        y.push_str("revisions:\n");
        for r in &plan.revisions {
            let (year, month) = month_of(r.month);
            let _ = writeln!(y, "  - date: {year}-{month:02}-{:02}", r.day);
            let _ = writeln!(y, "    reason: โอนเปลี่ยนแปลง");
            let _ = writeln!(y, "    changes:");
            style = style.wrapping_add(1);
            let amount = i128::from(r.amount);
            let _ = writeln!(
                y,
                "      {}: {}",
                plan.nodes[r.from].id,
                money(-amount, style)
            );
            let _ = writeln!(y, "      {}: {}", plan.nodes[r.to].id, money(amount, style));
        }
    }
    y
}

fn entry_yaml(plan: &GenPlan, month: usize, entry: &Entry, style: &mut u8) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "month: {}", month_text(month, style.is_multiple_of(2)));
    let section = |y: &mut String, name: &str, flows: &[(usize, u64)], style: &mut u8| {
        if flows.is_empty() {
            return;
        }
        let _ = writeln!(y, "{name}:");
        // One key per node: later flows of the same node in one entry are summed by the
        // generator only for `disbursed`, so they never repeat.
        for &(node, a) in flows {
            *style = style.wrapping_add(1);
            let _ = writeln!(
                y,
                "  {}: {}",
                plan.nodes[node].id,
                money(i128::from(a), *style)
            );
        }
    };
    section(&mut y, "disbursed", &entry.disbursed, style);
    section(&mut y, "committed", &entry.committed, style);
    section(&mut y, "received", &entry.received, style);
    if !entry.adjustments.is_empty() {
        y.push_str("adjustment:\n");
        for &(node, a) in &entry.adjustments {
            *style = style.wrapping_add(1);
            let _ = writeln!(
                y,
                "  - {{ id: {}, amount: {}, reason: แก้ไข }}",
                plan.nodes[node].id,
                money(a, *style)
            );
        }
    }
    y
}

const FISCAL_YEAR: &str = "fiscal_year: 2566
disbursement_targets:
  current: [35, 57, 80, 98]
  capital: [19, 35, 55, 75]
  overall: [32, 52, 72, 93]
";

fn content_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let parent = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        if let Ok(entries) = std::fs::read_dir(&parent) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if let Some(pid) = name.strip_prefix("planbook-fuzz-figures-")
                    && !Path::new("/proc").join(pid).exists()
                {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = parent.join(format!("planbook-fuzz-figures-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("fiscal-years")).expect("mkdir");
        std::fs::write(dir.join("fiscal-years/2566.yaml"), FISCAL_YEAR).expect("write");
        dir
    })
}

fn write_model(dir: &Path, model: &Model) {
    let plans = dir.join("plans");
    let _ = std::fs::remove_dir_all(&plans);
    let as_of = model
        .as_of
        .map(|m| format!("as_of: {}\n", month_text(m, false)))
        .unwrap_or_default();
    std::fs::write(dir.join("site.yaml"), format!("title: fuzz\n{as_of}")).expect("write");
    for plan in &model.plans {
        let folder = plans
            .join("2566")
            .join(format!("office-{}", plan.office))
            .join(&plan.activity);
        std::fs::create_dir_all(folder.join("progress")).expect("mkdir");
        std::fs::write(folder.join("plan.yaml"), plan_yaml(plan)).expect("write");
        let mut style = plan.style;
        for (month, entry) in plan.entries.iter().enumerate() {
            if let Some(entry) = entry {
                let name = format!("{}.yaml", month_text(month, false));
                let text = entry_yaml(plan, month, entry, &mut style);
                std::fs::write(folder.join("progress").join(name), text).expect("write");
            }
        }
    }
}

// ---- Checks ----

fn dec(satang: i128) -> Decimal {
    Decimal::from_i128_with_scale(satang, 2)
}

fn rate(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        part * Decimal::ONE_HUNDRED / whole
    }
}

/// The money identities every set of figures keeps.
fn identities(what: &str, a: &Amounts, plain_rates: bool) {
    assert_eq!(a.spent(), a.disbursed + a.committed, "{what}");
    assert_eq!(a.spent() + a.remaining(), a.allocation, "{what}: {a:?}");
    assert_eq!(
        a.disbursement_rate(),
        rate(a.disbursed, a.allocation),
        "{what}: {a:?}"
    );
    assert_eq!(
        a.spent_rate(),
        rate(a.spent(), a.allocation),
        "{what}: {a:?}"
    );
    if plain_rates && a.spent() <= a.allocation && a.disbursed >= Decimal::ZERO {
        for r in [a.disbursement_rate(), a.spent_rate()] {
            assert!(
                r >= Decimal::ZERO && r <= Decimal::ONE_HUNDRED,
                "{what}: rate {r} out of 0..=100: {a:?}"
            );
        }
    }
}

fn sum(parts: impl Iterator<Item = Amounts>) -> Amounts {
    parts.fold(Amounts::default(), |a, b| a + b)
}

fn same(what: &str, got: &Amounts, expected: &Money) {
    let want = Amounts {
        allocation: dec(expected.allocation),
        original_allocation: dec(expected.original),
        received: dec(expected.received),
        disbursed: dec(expected.disbursed),
        committed: dec(expected.committed),
    };
    assert_eq!(*got, want, "{what}");
}

fn check_plan(gen_plan: &GenPlan, plan: &Plan, figures: &PlanFigures, as_of: usize) {
    let what = plan.id.to_string();
    let plain = !gen_plan.negative_adjustments;
    let expected = rolled(&gen_plan.nodes, &gen_plan.own_by_month[as_of]);
    let tree = &plan.budget;
    assert_eq!(tree.nodes.len(), gen_plan.nodes.len(), "{what}");
    for (g, node) in gen_plan.nodes.iter().enumerate() {
        let i = tree.index_of(&node.id).expect("every node is in the model");
        let got = &figures.nodes[i];
        same(&format!("{what} {}", node.id), got, &expected[g]);
        identities(&format!("{what} {}", node.id), got, plain);
        let children = &tree.nodes[i].children;
        if !children.is_empty() {
            let own = &gen_plan.own_by_month[as_of][g];
            let mut parts = sum(children.iter().map(|&c| figures.nodes[c]));
            parts.disbursed += dec(own.disbursed);
            parts.committed += dec(own.committed);
            parts.received += dec(own.received);
            assert_eq!(
                *got, parts,
                "{what} {}: a group is its flows and children",
                node.id
            );
        }
    }
    let roots = sum(tree.roots().map(|r| figures.nodes[r]));
    assert_eq!(
        figures.totals, roots,
        "{what}: totals are the top-level nodes"
    );
    identities(&what, &figures.totals, plain);

    // The series adds up to the totals as of the month.
    assert_eq!(figures.months.len(), as_of + 1, "{what}");
    let mut cumulative = Decimal::ZERO;
    for m in &figures.months {
        cumulative += m.disbursed;
        assert_eq!(m.disbursed_cumulative, cumulative, "{what} {}", m.month);
        assert_eq!(
            m.allocation, figures.totals.allocation,
            "{what} {}",
            m.month
        );
    }
    assert_eq!(
        cumulative, figures.totals.disbursed,
        "{what}: series and totals"
    );

    // The JSON export rounds the same figures.
    let json: serde_json::Value =
        serde_json::from_str(&export::json::plan_json(plan, figures)).expect("plan JSON parses");
    let t = &figures.totals;
    for (field, value) in [
        ("allocation", t.allocation),
        ("disbursed", t.disbursed),
        ("committed", t.committed),
        ("remaining", t.remaining()),
        ("disbursement_rate", t.disbursement_rate()),
        ("spent_rate", t.spent_rate()),
    ] {
        let mut rounded = round2(value);
        rounded.rescale(2);
        let text = if rounded.is_zero() {
            "0.00".to_string()
        } else {
            rounded.to_string()
        };
        assert_eq!(json[field].as_str(), Some(text.as_str()), "{what} {field}");
    }
}

fn check_rollup(what: &str, rollup: &RollUp, plans: &[PlanFigures], plain: bool) {
    let parts = sum(rollup.plans.iter().map(|&i| plans[i].totals));
    assert_eq!(rollup.totals, parts, "{what} {}", rollup.key);
    identities(what, &rollup.totals, plain);
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(model) = model(&mut u) else {
        return;
    };
    let dir = content_dir();
    write_model(dir, &model);
    let checked = check::check(dir).expect("the content folder exists");
    if checked.has_errors() {
        if std::env::var_os("FIGURES_SHOW_REFUSED").is_some() {
            eprintln!("{}", checked.render());
        }
        return;
    }
    if std::env::var_os("FIGURES_STATS").is_some() {
        let entries: usize = model
            .plans
            .iter()
            .map(|p| p.entries.iter().flatten().count())
            .sum();
        let revisions: usize = model.plans.iter().map(|p| p.revisions.len()).sum();
        let leaves: usize = model
            .plans
            .iter()
            .map(|p| p.nodes.iter().filter(|n| n.amount.is_some()).count())
            .sum();
        eprintln!(
            "accepted: {} plans, {leaves} lines, {entries} entries, {revisions} revisions, {} warnings",
            model.plans.len(),
            checked.warning_count()
        );
    }
    let figures = compute::execute(&checked.content, None);
    assert_eq!(figures.years.len(), 1);
    let year = &figures.years[0];
    let latest = model
        .plans
        .iter()
        .filter_map(|p| p.entries.iter().rposition(Option::is_some))
        .max()
        .unwrap_or(0);
    let as_of = model.as_of.unwrap_or(latest);
    assert_eq!(year.as_of.to_string(), month_text(as_of, false));
    let plain = model.plans.iter().all(|p| !p.negative_adjustments);
    for (&i, plan_figures) in year.plan_indices.iter().zip(&year.plans) {
        let plan = &checked.content.plans[i];
        let gen_plan = model
            .plans
            .iter()
            .find(|p| {
                plan.id.activity == p.activity && plan.id.office == format!("office-{}", p.office)
            })
            .expect("a generated plan");
        check_plan(gen_plan, plan, plan_figures, as_of);
    }
    let all = sum(year.plans.iter().map(|p| p.totals));
    assert_eq!(year.total.totals, all, "the year is the sum of its plans");
    identities("year", &year.total.totals, plain);
    let mut office_sum = Amounts::default();
    for (_, office) in &year.offices {
        check_rollup("office", office, &year.plans, plain);
        office_sum += office.totals;
    }
    assert_eq!(office_sum, all, "offices add up to the year");
    for rollup in &year.by_project {
        check_rollup("project", rollup, &year.plans, plain);
    }
    let rows = export::rows::PlanRows::new(&checked.content.plans, &figures)
        .expect("rows of a checked content");
    let year_rows = rows.year(year.year).expect("every year has rows");
    let _ = export::json::summary_json(&checked.content.plans, year, year_rows.json());
    let _ = export::csv::offices_csv(year);
});

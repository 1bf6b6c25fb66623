//! One synthetic plan: tasks, KPIs, a budget tree, revisions and twelve monthly entries, built
//! so that every figure agrees (sums, caps per month, dates inside the fiscal year).
//!
//! Money is kept in satang (`i64`) throughout; months are indices 0 (October) .. 11 (September).

use super::rng::Rng;
use super::words::{self, KpiDef, Pattern, Sched, TaskDef, Theme};

pub const MONTHS: usize = 12;
/// Satang (or quantities) by month.
pub type Flow = [i64; MONTHS];

/// The calendar month of a month index of FY 2566: (C.E. year, month).
pub fn calendar(m: usize) -> (i32, u32) {
    if m < 3 {
        (2022, 10 + m as u32)
    } else {
        (2023, m as u32 - 2)
    }
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn in_month(m: usize, day: u32) -> Date {
        let (year, month) = calendar(m);
        Date { year, month, day }
    }

    pub fn plus_days(self, mut days: u32) -> Date {
        let mut d = self;
        while days > 0 {
            let left = days_in(d.year, d.month) - d.day;
            if days <= left {
                d.day += days;
                break;
            }
            days -= left + 1;
            d.day = 1;
            d.month += 1;
            if d.month > 12 {
                d.month = 1;
                d.year += 1;
            }
        }
        d
    }
}

pub struct Kpi {
    pub def: &'static KpiDef,
    pub target: i64,
    /// Value at month end, in tenths, for the months it is reported.
    pub values: [Option<i64>; MONTHS],
}

impl Kpi {
    /// Percentages carry one decimal; counts are whole.
    pub fn decimals(&self) -> bool {
        self.def.unit == "ร้อยละ"
    }
}

pub struct Task {
    pub def: &'static TaskDef,
    pub target: i64,
    pub schedule: Flow,
    pub done: Flow,
}

pub struct Leaf {
    pub id: String,
    pub name: String,
    /// Original amount, satang.
    pub amount: i64,
    pub flexible: bool,
    pub note: Option<&'static str>,
    pub details: Vec<String>,
    pub pattern: Pattern,
    /// Index of its top-level node in `Plan::roots`.
    pub root: usize,
    /// For course lines: (course index, participants).
    pub course: Option<(usize, i64)>,
}

pub struct Node {
    pub id: String,
    pub name: String,
    /// `type:`, top level only.
    pub kind: Option<&'static str>,
    pub show_total: bool,
    pub children: Vec<Node>,
    pub leaf: Option<usize>,
}

impl Node {
    fn group(id: &str, name: &str, children: Vec<Node>, rng: &mut Rng) -> Node {
        Node {
            id: id.to_string(),
            name: name.to_string(),
            kind: None,
            show_total: rng.chance(0.5),
            children,
            leaf: None,
        }
    }

    fn line(index: usize) -> Node {
        Node {
            id: String::new(),
            name: String::new(),
            kind: None,
            show_total: false,
            children: Vec::new(),
            leaf: Some(index),
        }
    }

    /// Sum of the original amounts under this node.
    pub fn total(&self, leaves: &[Leaf]) -> i64 {
        match self.leaf {
            Some(i) => leaves[i].amount,
            None => self.children.iter().map(|c| c.total(leaves)).sum(),
        }
    }
}

pub struct Revision {
    pub month: usize,
    pub day: u32,
    pub reference: String,
    pub reason: &'static str,
    pub from: usize,
    pub to: usize,
    pub amount: i64,
}

pub struct Event {
    pub name: String,
    pub kind: &'static str,
    pub ended: Date,
    pub participants: i64,
    pub evaluated: Option<Date>,
}

#[derive(Default)]
pub struct Entry {
    pub reported_day: u32,
    /// (leaf, satang)
    pub disbursed: Vec<(usize, i64)>,
    pub committed: Vec<(usize, i64)>,
    /// (root, satang)
    pub received: Vec<(usize, i64)>,
    pub adjustments: Vec<(usize, i64, &'static str)>,
    /// (task, quantity)
    pub tasks: Vec<(usize, i64)>,
    /// (KPI id, tenths, one decimal?)
    pub kpis: Vec<(&'static str, i64, bool)>,
    pub events: Vec<Event>,
    pub narrative: String,
    pub problems: Option<String>,
}

pub struct Plan {
    pub province: usize,
    pub theme: &'static Theme,
    pub job_no: String,
    pub objectives: usize,
    pub sub_plan_kpi: Option<Kpi>,
    pub kpis: Vec<Kpi>,
    pub tasks: Vec<Task>,
    pub leaves: Vec<Leaf>,
    pub roots: Vec<Node>,
    pub spending_plan: Flow,
    pub revision: Option<Revision>,
    pub entries: Vec<Entry>,
    /// Write progress months in B.E. (`2566-01`), as some offices do.
    pub buddhist_months: bool,
}

/// Splits `total` over `months` with jittered weights, in multiples of `grain` but the last.
fn split(total: i64, months: &[usize], grain: i64, rng: &mut Rng) -> Flow {
    let mut flow = [0; MONTHS];
    let weights: Vec<i64> = months.iter().map(|_| rng.range(7, 13)).collect();
    let sum: i64 = weights.iter().sum();
    let mut left = total;
    for (i, &m) in months.iter().enumerate() {
        let share = if i + 1 == months.len() {
            left
        } else {
            (total * weights[i] / sum) / grain * grain
        };
        flow[m] += share;
        left -= share;
    }
    flow
}

/// Months `from..=to`, a random `k` of them.
fn some_months(from: usize, to: usize, k: usize, rng: &mut Rng) -> Vec<usize> {
    rng.sample(to - from + 1, k)
        .into_iter()
        .map(|i| i + from)
        .collect()
}

fn cumulative(flow: &Flow) -> Flow {
    let mut out = [0; MONTHS];
    let mut sum = 0;
    for m in 0..MONTHS {
        sum += flow[m];
        out[m] = sum;
    }
    out
}

/// Baht with satang now and then: `step`-rounded baht, sometimes plus a few satang.
fn baht_amount(min: i64, max: i64, step: i64, rng: &mut Rng) -> i64 {
    let baht = rng.range(min / step, max / step) * step;
    let satang = if rng.chance(0.1) {
        if rng.chance(0.5) {
            50
        } else {
            rng.range(1, 99)
        }
    } else {
        0
    };
    baht * 100 + satang
}

pub fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `6,300` or `1,234.50`.
pub fn baht_text(satang: i64) -> String {
    if satang % 100 == 0 {
        thousands(satang / 100)
    } else {
        format!("{}.{:02}", thousands(satang / 100), satang % 100)
    }
}

impl Plan {
    pub fn generate(province: usize, rng: &mut Rng) -> Plan {
        let theme = &words::THEMES[rng.below(words::THEMES.len())];
        let job_no = format!("{}{:02}", theme.job_prefix, rng.range(1, 30));
        let objectives = rng.between(2, theme.objectives.len());
        let mut kpis: Vec<Kpi> = theme.kpis.iter().map(|d| new_kpi(d, rng)).collect();
        let extra = rng.between(0, 2);
        for i in rng.sample(words::EXTRA_KPIS.len(), extra) {
            kpis.push(new_kpi(&words::EXTRA_KPIS[i], rng));
        }
        let sub_plan_kpi = Some(new_kpi(&theme.sub_plan_kpi, rng));
        let tasks = tasks(rng);
        let mut plan = Plan {
            province,
            theme,
            job_no,
            objectives,
            sub_plan_kpi,
            kpis,
            tasks,
            leaves: Vec::new(),
            roots: Vec::new(),
            spending_plan: [0; MONTHS],
            revision: None,
            entries: Vec::new(),
            buddhist_months: rng.chance(0.05),
        };
        plan.budget(rng);
        plan.progress(rng);
        plan
    }

    fn training_months(&self) -> Vec<usize> {
        let mut months: Vec<usize> = self
            .tasks
            .iter()
            .filter(|t| t.def.training)
            .flat_map(|t| (0..MONTHS).filter(|&m| t.schedule[m] > 0))
            .collect();
        months.sort_unstable();
        months
    }

    fn budget(&mut self, rng: &mut Rng) {
        let total_lines = rng.between(3, 15);
        let investment = if total_lines >= 4 && rng.chance(0.3) {
            rng.between(1, 3.min(total_lines - 3))
        } else {
            0
        };
        let subsidy = if total_lines - investment >= 4 && rng.chance(0.2) {
            rng.between(1, 2)
        } else {
            0
        };
        let operating = total_lines - investment - subsidy;
        let has_training = self.tasks.iter().any(|t| t.def.training);
        let mut courses = if has_training {
            rng.between(1, 3.min(operating - 1))
        } else {
            rng.between(0, 1)
        };
        let mut lines = operating - courses;
        if lines > words::OPERATING_LINES.len() {
            courses += lines - words::OPERATING_LINES.len();
            lines = words::OPERATING_LINES.len();
        }

        // งบดำเนินงาน
        let mut children = Vec::new();
        let mut line_nodes = Vec::new();
        for i in rng.sample(words::OPERATING_LINES.len(), lines) {
            let def = &words::OPERATING_LINES[i];
            let flexible = if def.flexible {
                rng.chance(0.75)
            } else {
                rng.chance(0.05)
            };
            let note = (!flexible && rng.chance(0.1)).then_some("เบิกจ่ายตามที่จ่ายจริง");
            line_nodes.push(self.add_leaf(Leaf {
                id: def.id.to_string(),
                name: def.name.to_string(),
                amount: baht_amount(def.min, def.max, def.step, rng),
                flexible,
                note,
                details: Vec::new(),
                pattern: def.pattern,
                root: 0,
                course: None,
            }));
        }
        if courses == 0 && rng.chance(0.3) {
            children = line_nodes;
        } else {
            children.push(Node::group(
                "remuneration",
                "ค่าตอบแทน ใช้สอยและวัสดุ",
                line_nodes,
                rng,
            ));
        }
        if courses > 0 {
            let mut course_nodes = Vec::new();
            for (n, c) in rng
                .sample(words::COURSES.len(), courses)
                .into_iter()
                .enumerate()
            {
                let participants = rng.range(4, 12) * 5;
                let rate = rng.range(6, 18) * 50;
                let days = rng.range(1, 2);
                let details = if rng.chance(0.6) {
                    vec![rng.pick(&words::COURSE_DETAILS).to_string()]
                } else {
                    Vec::new()
                };
                course_nodes.push(self.add_leaf(Leaf {
                    id: format!("course-{}", n + 1),
                    name: format!("{} จำนวน 1 รุ่น {participants} คน", words::COURSES[c]),
                    amount: participants * rate * days * 100,
                    flexible: false,
                    note: rng.chance(0.7).then_some(words::TRAINING_NOTE),
                    details,
                    pattern: Pattern::Event,
                    root: 0,
                    course: Some((c, participants)),
                }));
            }
            children.push(Node::group(
                "seminar",
                "ค่าใช้จ่ายในการสัมมนาและฝึกอบรม",
                course_nodes,
                rng,
            ));
        }
        let mut root = Node::group("operating", "งบดำเนินงาน", children, rng);
        root.kind = Some("operating");
        self.roots.push(root);

        if investment > 0 {
            let root_index = self.roots.len();
            let mut computer = Vec::new();
            let mut office = Vec::new();
            let mut construction = Vec::new();
            // 0..3 computer items, 3..6 office items, 6 the warehouse.
            for i in rng.sample(7, investment) {
                if i == 6 {
                    construction.push(self.add_leaf(Leaf {
                        id: "warehouse".into(),
                        name: words::WAREHOUSE.into(),
                        amount: rng.range(150, 480) * 1_000 * 100,
                        flexible: false,
                        note: None,
                        details: vec![words::WAREHOUSE_DETAILS.into()],
                        pattern: Pattern::Purchase,
                        root: root_index,
                        course: None,
                    }));
                    continue;
                }
                let (def, is_computer) = if i < 3 {
                    (&words::COMPUTER_ITEMS[i], true)
                } else {
                    (&words::OFFICE_ITEMS[i - 3], false)
                };
                let count = rng.range(1, def.most);
                let mut details = Vec::new();
                if is_computer && rng.chance(0.7) {
                    details.push(format!(
                        "ราคา{}ละ {} บาท",
                        def.counter,
                        thousands(def.price)
                    ));
                    details.push(words::COMPUTER_DETAILS.into());
                }
                let leaf = self.add_leaf(Leaf {
                    id: def.id.into(),
                    name: format!("{} จำนวน {count} {}", def.name, def.counter),
                    amount: count * def.price * 100,
                    flexible: false,
                    note: None,
                    details,
                    pattern: Pattern::Purchase,
                    root: root_index,
                    course: None,
                });
                if is_computer {
                    computer.push(leaf);
                } else {
                    office.push(leaf);
                }
            }
            let mut equipment = Vec::new();
            if !computer.is_empty() {
                equipment.push(Node::group("computer", "ครุภัณฑ์คอมพิวเตอร์", computer, rng));
            }
            if !office.is_empty() {
                equipment.push(Node::group("office-equipment", "ครุภัณฑ์สำนักงาน", office, rng));
            }
            let mut groups = Vec::new();
            if !equipment.is_empty() {
                groups.push(Node::group("equipment", "ค่าครุภัณฑ์", equipment, rng));
            }
            if !construction.is_empty() {
                groups.push(Node::group(
                    "construction",
                    "ค่าที่ดินและสิ่งก่อสร้าง",
                    construction,
                    rng,
                ));
            }
            let mut root = Node::group("investment", "งบลงทุน", groups, rng);
            root.kind = Some("investment");
            self.roots.push(root);
        }

        if subsidy > 0 {
            let root_index = self.roots.len();
            let mut grants = Vec::new();
            for i in rng.sample(2, subsidy) {
                let (id, name, amount) = if i == 0 {
                    let farmers = rng.range(20, 60);
                    (
                        "production-inputs",
                        format!(
                            "{} จำนวน {farmers} ราย รายละ 3,000 บาท",
                            words::PRODUCTION_INPUTS
                        ),
                        farmers * 3_000 * 100,
                    )
                } else {
                    (
                        "processing-grant",
                        words::PROCESSING_GRANT.to_string(),
                        rng.range(50, 300) * 1_000 * 100,
                    )
                };
                grants.push(self.add_leaf(Leaf {
                    id: id.into(),
                    name,
                    amount,
                    flexible: false,
                    note: None,
                    details: Vec::new(),
                    pattern: Pattern::Grant,
                    root: root_index,
                    course: None,
                }));
            }
            let children = if rng.chance(0.6) {
                vec![Node::group("general-grant", "เงินอุดหนุนทั่วไป", grants, rng)]
            } else {
                grants
            };
            let mut root = Node::group("subsidy", "งบเงินอุดหนุน", children, rng);
            root.kind = Some("subsidy");
            self.roots.push(root);
        }
    }

    fn add_leaf(&mut self, leaf: Leaf) -> Node {
        self.leaves.push(leaf);
        Node::line(self.leaves.len() - 1)
    }

    /// The planned spending of each line (its original amount over the year).
    fn planned_flows(&self, rng: &mut Rng) -> Vec<Flow> {
        let training = self.training_months();
        let mut course_no = 0;
        self.leaves
            .iter()
            .map(|leaf| {
                let capital = leaf.root > 0 && leaf.pattern == Pattern::Purchase;
                let months = match leaf.pattern {
                    Pattern::Spread => {
                        let start = rng.between(0, 2);
                        let mut months: Vec<usize> =
                            (start..MONTHS).filter(|_| rng.chance(0.8)).collect();
                        if months.is_empty() {
                            months.push(MONTHS - 1);
                        }
                        months
                    }
                    Pattern::Purchase if capital => {
                        let parts = if leaf.id == "warehouse" { 2 } else { 1 };
                        some_months(3, 9, parts, rng)
                    }
                    Pattern::Purchase => {
                        let parts = rng.between(1, 3);
                        some_months(1, 10, parts, rng)
                    }
                    Pattern::Event => {
                        let m = if training.is_empty() {
                            rng.between(2, 8)
                        } else {
                            training[course_no % training.len()]
                        };
                        course_no += 1;
                        vec![m]
                    }
                    Pattern::Grant => vec![rng.between(3, 6)],
                };
                let grain = if leaf.amount % 100 == 0 && leaf.amount >= 100_000 {
                    1_000
                } else {
                    100
                };
                split(leaf.amount, &months, grain, rng)
            })
            .collect()
    }

    fn progress(&mut self, rng: &mut Rng) {
        let n = self.leaves.len();
        let planned = self.planned_flows(rng);
        for flow in &planned {
            for (sum, amount) in self.spending_plan.iter_mut().zip(flow) {
                *sum += amount;
            }
        }

        // A revision on about one plan in five: money moves between two lines, net zero.
        if n >= 2 && rng.chance(0.2) {
            let eligible: Vec<usize> = (0..n)
                .filter(|&i| self.leaves[i].amount >= 100_000)
                .collect();
            if !eligible.is_empty() {
                let from = *rng.pick(&eligible);
                let mut to = rng.below(n - 1);
                if to >= from {
                    to += 1;
                }
                let amount = self.leaves[from].amount * rng.range(10, 40) / 100 / 10_000 * 10_000;
                if amount > 0 {
                    self.revision = Some(Revision {
                        month: rng.between(3, 9),
                        day: rng.between(1, 28) as u32,
                        reference: format!("ที่ กษ 1101/ว {}", rng.range(100, 2500)),
                        reason: words::REVISION_REASONS[rng.below(words::REVISION_REASONS.len())],
                        from,
                        to,
                        amount,
                    });
                }
            }
        }
        let caps: Vec<Flow> = (0..n)
            .map(|i| {
                let mut cap = [self.leaves[i].amount; MONTHS];
                if let Some(r) = &self.revision {
                    let change = if r.from == i {
                        -r.amount
                    } else if r.to == i {
                        r.amount
                    } else {
                        0
                    };
                    for c in cap.iter_mut().skip(r.month) {
                        *c += change;
                    }
                }
                cap
            })
            .collect();

        // What was actually disbursed: the plan, some of it late, some plans short at year end.
        let short = rng.chance(0.15);
        let mut actual: Vec<Flow> = planned
            .iter()
            .map(|flow| {
                let mut out = [0; MONTHS];
                for m in 0..MONTHS {
                    if flow[m] > 0 {
                        let lag = match rng.below(20) {
                            0..=12 => 0,
                            13..=17 => 1,
                            _ => 2,
                        };
                        out[(m + lag).min(MONTHS - 1)] += flow[m];
                    }
                }
                if short
                    && rng.chance(0.5)
                    && let Some(last) = (0..MONTHS).rev().find(|&m| out[m] > 0)
                {
                    out[last] -= out[last] * rng.range(20, 100) / 100 / 100 * 100;
                }
                out
            })
            .collect();
        if let Some(r) = &self.revision {
            // The line giving money spends at most what it keeps; the one receiving spends
            // its gain only once the revision is in force.
            let keep = self.leaves[r.from].amount - r.amount;
            let mut excess = actual[r.from].iter().sum::<i64>() - keep;
            for m in (0..MONTHS).rev() {
                if excess <= 0 {
                    break;
                }
                let cut = excess.min(actual[r.from][m]);
                actual[r.from][m] -= cut;
                excess -= cut;
            }
            let when = rng.between(r.month, MONTHS - 1);
            actual[r.to][when] += r.amount;
        }

        // Now and then a refund (negative adjustment), spent again later.
        let mut adjustments: Vec<(usize, usize, i64)> = Vec::new();
        if rng.chance(0.06) {
            let leaf = rng.below(n);
            if let Some(a) = (0..MONTHS - 1).find(|&m| actual[leaf][m] >= 10_000) {
                let back = actual[leaf][a] * rng.range(5, 30) / 100 / 100 * 100;
                if back > 0 {
                    adjustments.push((leaf, a, -back));
                    let b = rng.between(a + 1, MONTHS - 1);
                    actual[leaf][b] += back;
                }
            }
        }
        let mut net = actual.clone();
        for &(leaf, m, amount) in &adjustments {
            net[leaf][m] += amount;
        }
        let spent: Vec<Flow> = net.iter().map(cumulative).collect();
        for i in 0..n {
            for m in 0..MONTHS {
                assert!(
                    spent[i][m] >= 0 && spent[i][m] <= caps[i][m],
                    "synth bug: line {} month {m}: {} disbursed, cap {}",
                    self.leaves[i].id,
                    spent[i][m],
                    caps[i][m]
                );
            }
        }

        let mut entries: Vec<Entry> = (0..MONTHS)
            .map(|_| Entry {
                reported_day: rng.between(1, 10) as u32,
                ..Entry::default()
            })
            .collect();
        for (i, flow) in actual.iter().enumerate() {
            for m in 0..MONTHS {
                if flow[m] > 0 {
                    entries[m].disbursed.push((i, flow[m]));
                }
            }
        }
        for &(leaf, m, amount) in &adjustments {
            entries[m]
                .adjustments
                .push((leaf, amount, *rng.pick(&words::ADJUSTMENT_REASONS)));
        }

        // Committed stocks (POs, contracts) that clear when the line is disbursed.
        if rng.chance(0.4) {
            let mut used = vec![false; n];
            for _ in 0..rng.between(1, 2) {
                let candidates: Vec<(usize, usize)> = (0..n)
                    .filter(|&i| !used[i])
                    .flat_map(|i| (1..MONTHS).map(move |m| (i, m)))
                    .filter(|&(i, m)| actual[i][m] >= 10_000)
                    .collect();
                if candidates.is_empty() {
                    break;
                }
                let (leaf, k) = *rng.pick(&candidates);
                let j = k - rng.between(1, 2.min(k));
                let room = (j..k)
                    .map(|t| caps[leaf][t] - spent[leaf][t])
                    .min()
                    .unwrap_or(0);
                let c = actual[leaf][k].min(room) * rng.range(50, 100) / 100 / 100 * 100;
                if c > 0 {
                    used[leaf] = true;
                    entries[j].committed.push((leaf, c));
                    entries[k].committed.push((leaf, 0));
                }
            }
        }

        // Allocation received (เงินประจำงวด) each quarter, covering that quarter's spending.
        if rng.chance(0.3) {
            for q in 0..4 {
                let mut by_root = vec![0i64; self.roots.len()];
                for (i, flow) in actual.iter().enumerate() {
                    by_root[self.leaves[i].root] += flow[q * 3..q * 3 + 3].iter().sum::<i64>();
                }
                for (root, amount) in by_root.into_iter().enumerate() {
                    if amount > 0 {
                        entries[q * 3].received.push((root, amount));
                    }
                }
            }
        }

        // Task outputs follow the schedule, some a month or two late; a few never done.
        for task in &mut self.tasks {
            for m in 0..MONTHS {
                let q = task.schedule[m];
                if q == 0 {
                    continue;
                }
                let late = match rng.below(20) {
                    0..=13 => 0,
                    14..=17 => 1,
                    _ => 2,
                };
                let when = m + late;
                if when < MONTHS {
                    task.done[when] += q;
                } else if rng.chance(0.5) {
                    task.done[MONTHS - 1] += q;
                }
            }
        }
        for (t, task) in self.tasks.iter().enumerate() {
            for (entry, &done) in entries.iter_mut().zip(&task.done) {
                if done > 0 {
                    entry.tasks.push((t, done));
                }
            }
        }

        // KPI values rising (or falling, for at_most) towards the target.
        for kpi in &mut self.kpis {
            kpi_values(kpi, rng, false);
        }
        if let Some(kpi) = &mut self.sub_plan_kpi {
            kpi_values(kpi, rng, true);
        }
        for kpi in self.kpis.iter().chain(self.sub_plan_kpi.iter()) {
            for (m, value) in kpi.values.iter().enumerate() {
                if let Some(v) = value {
                    entries[m].kpis.push((kpi.def.id, *v, kpi.decimals()));
                }
            }
        }

        // Trainings held in the months their task was done; most evaluated within 60 days.
        let courses: Vec<(usize, i64)> = self.leaves.iter().filter_map(|l| l.course).collect();
        let mut held = 0;
        for task in self.tasks.iter().filter(|t| t.def.training) {
            for (m, entry) in entries.iter_mut().enumerate() {
                for _ in 0..task.done[m].min(2) {
                    // Courses are the trainings' budget lines; a workshop is named by its task.
                    let course = if task.def.id == "training" {
                        courses.get(held % courses.len().max(1))
                    } else {
                        None
                    };
                    let (name, participants) = match course {
                        Some(&(c, p)) => {
                            held += 1;
                            (words::COURSES[c].to_string(), p + rng.range(-5, 5))
                        }
                        None => (
                            task.def.name.trim_start_matches("จัด").to_string(),
                            rng.range(20, 60),
                        ),
                    };
                    let ended = Date::in_month(m, rng.between(5, 25) as u32);
                    let evaluated = rng
                        .chance(0.8)
                        .then(|| ended.plus_days(rng.between(5, 55) as u32));
                    entry.events.push(Event {
                        name,
                        kind: if task.def.id == "workshop" {
                            "seminar"
                        } else {
                            "training"
                        },
                        ended,
                        participants,
                        evaluated,
                    });
                }
            }
        }

        for (m, entry) in entries.iter_mut().enumerate() {
            entry.narrative = self.narrative(m, entry, rng);
            if rng.chance(0.15) {
                let (problem, remedy) = rng.pick(&words::PROBLEMS);
                entry.problems = Some(if rng.chance(0.5) {
                    format!("**ปัญหา:** {problem}\n\n**แนวทางแก้ไข:** {remedy}")
                } else {
                    format!("- ปัญหา: {problem}\n- แนวทางแก้ไข: {remedy}")
                });
            }
        }
        self.entries = entries;
    }

    /// 2-4 short sentences on what happened, a Markdown list sometimes.
    fn narrative(&self, m: usize, entry: &Entry, rng: &mut Rng) -> String {
        let mut paragraphs: Vec<String> = Vec::new();
        if m % 3 == 2 && rng.chance(0.3) {
            paragraphs.push(format!("**สรุปผลการดำเนินงานไตรมาสที่ {}**", m / 3 + 1));
        }
        let mut sentences = 0;
        for e in &entry.events {
            let mut text = format!("จัด{} ผู้เข้าร่วม {} คน", e.name, e.participants);
            if e.evaluated.is_some() {
                text.push_str(" และประเมินผลการฝึกอบรมรายงานผู้อนุมัติโครงการแล้ว");
            }
            paragraphs.push(text);
            sentences += 1;
        }
        let done: Vec<String> = entry
            .tasks
            .iter()
            .take(3)
            .map(|&(t, q)| {
                let task = &self.tasks[t];
                format!("{} จำนวน {q} {}", task.def.name, task.def.unit)
            })
            .collect();
        if done.len() >= 2 && rng.chance(0.5) {
            let list: Vec<String> = done.iter().map(|d| format!("- {d}")).collect();
            paragraphs.push(format!("ผลการดำเนินงานในเดือนนี้\n\n{}", list.join("\n")));
            sentences += done.len();
        } else if !done.is_empty() {
            paragraphs.push(done.join(" "));
            sentences += done.len();
        }
        for &(leaf, amount) in &entry.committed {
            if amount > 0 {
                paragraphs.push(format!(
                    "ก่อหนี้ผูกพันรายการ{} จำนวน {} บาท รอเบิกจ่าย",
                    self.leaves[leaf].name,
                    baht_text(amount)
                ));
                sentences += 1;
            }
        }
        let paid: i64 = entry.disbursed.iter().map(|&(_, a)| a).sum();
        let wanted = rng.between(2, 4);
        while sentences + 1 < wanted {
            paragraphs.push(rng.pick(&words::FILLERS).to_string());
            sentences += 1;
        }
        paragraphs.push(if paid > 0 {
            format!("เบิกจ่ายงบประมาณในเดือนนี้ {} บาท", baht_text(paid))
        } else {
            "ยังไม่มีการเบิกจ่ายงบประมาณในเดือนนี้".to_string()
        });
        paragraphs.join("\n\n")
    }
}

fn new_kpi(def: &'static KpiDef, rng: &mut Rng) -> Kpi {
    Kpi {
        def,
        target: rng.range(def.min, def.max),
        values: [None; MONTHS],
    }
}

fn kpi_values(kpi: &mut Kpi, rng: &mut Rng, quarterly: bool) {
    let start = rng.between(0, 4);
    let quarterly = quarterly || rng.chance(0.3);
    let target = kpi.target * 10;
    let (first, last) = if kpi.def.at_most {
        (
            target * rng.range(150, 250) / 100,
            target * rng.range(70, 110) / 100,
        )
    } else {
        (0, target * rng.range(85, 120) / 100)
    };
    let span = (MONTHS - start) as i64;
    for m in start..MONTHS {
        if quarterly && m % 3 != 2 {
            continue;
        }
        let step = (m - start + 1) as i64;
        let mut v = first + (last - first) * step / span;
        if !kpi.decimals() {
            v = v / 10 * 10;
        }
        kpi.values[m] = Some(v);
    }
}

fn tasks(rng: &mut Rng) -> Vec<Task> {
    let mut picked = rng.sample(words::TASKS.len(), 7);
    let training = |i: &usize| words::TASKS[*i].training;
    if !picked.iter().any(training) && rng.chance(0.9) {
        let slot = rng.below(picked.len());
        picked[slot] = if rng.chance(0.5) { 4 } else { 5 };
        picked.sort_unstable();
        picked.dedup();
    }
    picked
        .into_iter()
        .map(|i| {
            let def = &words::TASKS[i];
            let mut schedule = [0; MONTHS];
            let target = match def.sched {
                Sched::Once { from, to } => {
                    let target = rng.range(def.min, def.max);
                    schedule[rng.between(from, to)] = target;
                    target
                }
                Sched::Spread { from, to } => {
                    let target = rng.range(def.min, def.max);
                    let k = rng.between(1, (to - from + 1).min(target as usize));
                    let months = some_months(from, to, k, rng);
                    for (j, &m) in months.iter().enumerate() {
                        schedule[m] = target / k as i64 + i64::from((j as i64) < target % k as i64);
                    }
                    target
                }
                Sched::Monthly => {
                    let each = rng.range(def.min, def.max);
                    schedule = [each; MONTHS];
                    each * MONTHS as i64
                }
                Sched::Quarterly => {
                    for m in [2, 5, 8, 11] {
                        schedule[m] = 1;
                    }
                    4
                }
                Sched::Sessions => {
                    let k = rng.between(def.min as usize, def.max as usize);
                    for m in some_months(2, 8, k, rng) {
                        schedule[m] = 1;
                    }
                    k as i64
                }
            };
            Task {
                def,
                target,
                schedule,
                done: [0; MONTHS],
            }
        })
        .collect()
}

//! Writing the content files as YAML text (and one Markdown page), with only the contract's keys.

use super::plan::{Date, Entry, MONTHS, Node, Plan, calendar, thousands};
use super::words;
use std::fmt::Write;

/// Whether `s` can be written as a plain scalar that YAML reads back as the same string.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || first.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`.+~".contains(first)
    {
        return false;
    }
    if s.ends_with(char::is_whitespace) || s.ends_with(':') {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.chars().any(char::is_control) {
        return false;
    }
    !matches!(
        s.to_ascii_lowercase().as_str(),
        "true" | "false" | "null" | "yes" | "no" | "on" | "off"
    )
}

/// A scalar, plain when that reads back as the same string, else double-quoted.
pub fn scalar(out: &mut String, s: &str) {
    if plain_ok(s) {
        out.push_str(s);
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Satang as a YAML number of baht: `6300`, `1234.50`, `-100`.
pub fn money(satang: i64) -> String {
    let sign = if satang < 0 { "-" } else { "" };
    let a = satang.abs();
    if a % 100 == 0 {
        format!("{sign}{}", a / 100)
    } else {
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }
}

pub fn month_label(m: usize, buddhist: bool) -> String {
    let (year, month) = calendar(m);
    let year = if buddhist { year + 543 } else { year };
    format!("{year}-{month:02}")
}

fn date(d: Date) -> String {
    format!("{}-{:02}-{:02}", d.year, d.month, d.day)
}

fn tenths(v: i64, decimals: bool) -> String {
    if decimals {
        format!("{}.{}", v / 10, v % 10)
    } else {
        (v / 10).to_string()
    }
}

fn key_text(out: &mut String, indent: usize, key: &str, value: &str) {
    pad(out, indent);
    out.push_str(key);
    out.push_str(": ");
    scalar(out, value);
    out.push('\n');
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push(' ');
    }
}

fn list(out: &mut String, indent: usize, items: &[&str]) {
    for item in items {
        pad(out, indent);
        out.push_str("- ");
        scalar(out, item);
        out.push('\n');
    }
}

/// A Markdown block (`|`), indented by 2.
fn block(out: &mut String, key: &str, text: &str) {
    out.push_str(key);
    out.push_str(": |\n");
    for line in text.lines() {
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
        out.push('\n');
    }
}

pub fn site() -> String {
    "title: ระบบติดตามแผนปฏิบัติงานและงบประมาณ (ข้อมูลสังเคราะห์สำหรับทดสอบความเร็ว)\n\
     organisation: กรมส่งเสริมสหกรณ์\n\
     ministry: กระทรวงเกษตรและสหกรณ์\n\
     base_path: /\n\
     thai_digits: true\n"
        .to_string()
}

pub fn fiscal_year() -> String {
    let mut out = String::from(
        "# ปีงบประมาณ พ.ศ. 2566 (1 ต.ค. 2565 - 30 ก.ย. 2566): ข้อมูลสังเคราะห์\n\
         fiscal_year: 2566\n\
         \n\
         disbursement_targets:\n\
        \x20 current: [35, 57, 80, 98]\n\
        \x20 capital: [19, 35, 55, 75]\n\
        \x20 overall: [32, 52, 72, 93]\n\
         \n\
         conditions:\n",
    );
    list(&mut out, 2, &words::CONDITIONS);
    out.push_str("\napproval_terms:\n");
    list(&mut out, 2, &words::APPROVAL_TERMS);
    out.push_str(
        "\nsign_off:\n\
        \x20 proposer:\n\
        \x20   name: นายอาทิตย์ สุกเหลือ\n\
        \x20   title: ผู้อำนวยการกองแผนงาน\n\
        \x20   date: 2022-09-29\n\
        \x20 approver:\n\
        \x20   name: นายวิศิษฐ์ ศรีสุวรรณ\n\
        \x20   title: อธิบดีกรมส่งเสริมสหกรณ์\n\
        \x20   date: 2022-09-29\n",
    );
    out
}

pub fn about_page(plans: usize, seed: u64) -> String {
    format!(
        "---\ntitle: เกี่ยวกับข้อมูลชุดนี้\n---\n\n\
         # ข้อมูลสังเคราะห์\n\n\
         แผนปฏิบัติงาน {} แผน สร้างโดย `cargo run --example synth` (seed {seed})\n\
         เพื่อทดสอบความเร็วในการสร้างเว็บไซต์ **ไม่ใช่ข้อมูลจริง**\n",
        thousands(plans as i64)
    )
}

fn budget_node(out: &mut String, plan: &Plan, node: &Node, indent: usize) {
    pad(out, indent);
    out.push_str("- ");
    let inner = indent + 2;
    match node.leaf {
        Some(i) => {
            let leaf = &plan.leaves[i];
            out.push_str("id: ");
            out.push_str(&leaf.id);
            out.push('\n');
            key_text(out, inner, "name", &leaf.name);
            if leaf.flexible {
                pad(out, inner);
                out.push_str("flexible: true\n");
            }
            if let Some(note) = leaf.note {
                key_text(out, inner, "note", note);
            }
            pad(out, inner);
            let _ = writeln!(out, "amount: {}", money(leaf.amount));
            if !leaf.details.is_empty() {
                pad(out, inner);
                out.push_str("details:\n");
                let details: Vec<&str> = leaf.details.iter().map(String::as_str).collect();
                list(out, inner + 2, &details);
            }
        }
        None => {
            out.push_str("id: ");
            out.push_str(&node.id);
            out.push('\n');
            if let Some(kind) = node.kind {
                pad(out, inner);
                let _ = writeln!(out, "type: {kind}");
            }
            key_text(out, inner, "name", &node.name);
            if node.show_total {
                pad(out, inner);
                let _ = writeln!(out, "total: {}", money(node.total(&plan.leaves)));
            }
            pad(out, inner);
            out.push_str("items:\n");
            for child in &node.children {
                budget_node(out, plan, child, inner + 2);
            }
        }
    }
}

fn kpi_item(out: &mut String, indent: usize, kpi: &super::plan::Kpi) {
    pad(out, indent);
    let _ = writeln!(out, "- id: {}", kpi.def.id);
    key_text(out, indent + 2, "name", kpi.def.name);
    key_text(out, indent + 2, "unit", kpi.def.unit);
    pad(out, indent + 2);
    let _ = writeln!(out, "target: {}", kpi.target);
    pad(out, indent + 2);
    let direction = if kpi.def.at_most {
        "at_most"
    } else {
        "at_least"
    };
    let _ = writeln!(out, "direction: {direction}");
}

pub fn plan(plan: &Plan) -> String {
    let mut out = String::with_capacity(8192);
    let province = words::PROVINCES[plan.province];
    let theme = plan.theme;
    let _ = writeln!(
        out,
        "# แผนปฏิบัติงานและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566 (ข้อมูลสังเคราะห์)\n"
    );
    key_text(&mut out, 0, "job_no", &plan.job_no);
    out.push_str("department: กรมส่งเสริมสหกรณ์\nministry: กระทรวงเกษตรและสหกรณ์\n");
    key_text(&mut out, 0, "office", &words::office_name(province));
    out.push_str("prepared_by: กองแผนงาน\n\nstrategy:\n");
    key_text(&mut out, 2, "national", theme.national);
    key_text(&mut out, 2, "master_plan", theme.master_plan);
    out.push_str("  sub_plans:\n");
    let last = theme.sub_plans.len() - 1;
    for (i, name) in theme.sub_plans.iter().enumerate() {
        out.push_str("    - name: ");
        scalar(&mut out, name);
        out.push('\n');
        if i == last
            && let Some(kpi) = &plan.sub_plan_kpi
        {
            out.push_str("      kpis:\n");
            kpi_item(&mut out, 8, kpi);
        }
    }
    out.push('\n');
    key_text(&mut out, 0, "program", theme.program);
    key_text(&mut out, 0, "project", theme.project);
    key_text(&mut out, 0, "activity", theme.activity);
    out.push_str("\nobjectives:\n");
    list(&mut out, 2, &theme.objectives[..plan.objectives]);
    out.push_str("\nkpis:\n");
    for kpi in &plan.kpis {
        kpi_item(&mut out, 2, kpi);
    }
    out.push_str("\ntasks:\n");
    for task in &plan.tasks {
        let _ = writeln!(out, "  - id: {}", task.def.id);
        key_text(&mut out, 4, "name", task.def.name);
        key_text(&mut out, 4, "unit", task.def.unit);
        let _ = writeln!(out, "    target: {}", task.target);
        out.push_str("    schedule: {");
        let mut first = true;
        for m in 0..MONTHS {
            if task.schedule[m] > 0 {
                out.push_str(if first { " " } else { ", " });
                first = false;
                let _ = write!(out, "{}: {}", month_label(m, false), task.schedule[m]);
            }
        }
        out.push_str(" }\n");
    }
    out.push_str("\nbudget:\n");
    for root in &plan.roots {
        budget_node(&mut out, plan, root, 2);
    }
    out.push_str("\nspending_plan:\n");
    for m in 0..MONTHS {
        if plan.spending_plan[m] > 0 {
            let _ = writeln!(
                out,
                "  {}: {}",
                month_label(m, false),
                money(plan.spending_plan[m])
            );
        }
    }
    if let Some(r) = &plan.revision {
        out.push_str("\nrevisions:\n");
        let _ = writeln!(out, "  - date: {}", date(Date::in_month(r.month, r.day)));
        key_text(&mut out, 4, "reference", &r.reference);
        key_text(&mut out, 4, "reason", r.reason);
        let _ = writeln!(
            out,
            "    changes: {{ {}: {}, {}: {} }}",
            plan.leaves[r.from].id,
            money(-r.amount),
            plan.leaves[r.to].id,
            money(r.amount)
        );
    }
    out
}

/// Money in a progress entry; now and then written as text with separators (`"6,300.00"`).
fn entry_money(out: &mut String, satang: i64, salt: usize) {
    if (satang as usize / 100 + salt).is_multiple_of(29) {
        let _ = write!(out, "\"{}.{:02}\"", thousands(satang / 100), satang % 100);
    } else {
        out.push_str(&money(satang));
    }
}

pub fn progress(plan: &Plan, m: usize, entry: &Entry) -> String {
    let mut out = String::with_capacity(1536);
    let (year, month) = calendar(m);
    let (ry, rm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let _ = writeln!(out, "month: {}", month_label(m, plan.buddhist_months));
    let _ = writeln!(out, "reported_on: {ry}-{rm:02}-{:02}", entry.reported_day);
    if !entry.received.is_empty() {
        out.push_str("received:\n");
        for &(root, amount) in &entry.received {
            let _ = writeln!(out, "  {}: {}", plan.roots[root].id, money(amount));
        }
    }
    if !entry.disbursed.is_empty() {
        out.push_str("disbursed:\n");
        for &(leaf, amount) in &entry.disbursed {
            let _ = write!(out, "  {}: ", plan.leaves[leaf].id);
            entry_money(&mut out, amount, leaf + m);
            out.push('\n');
        }
    }
    if !entry.committed.is_empty() {
        out.push_str("committed:\n");
        for &(leaf, amount) in &entry.committed {
            let _ = writeln!(out, "  {}: {}", plan.leaves[leaf].id, money(amount));
        }
    }
    if !entry.adjustments.is_empty() {
        out.push_str("adjustment:\n");
        for &(leaf, amount, reason) in &entry.adjustments {
            let _ = writeln!(out, "  - id: {}", plan.leaves[leaf].id);
            let _ = writeln!(out, "    amount: {}", money(amount));
            key_text(&mut out, 4, "reason", reason);
        }
    }
    if !entry.tasks.is_empty() {
        out.push_str("tasks:\n");
        for &(task, q) in &entry.tasks {
            let _ = writeln!(out, "  {}: {q}", plan.tasks[task].def.id);
        }
    }
    if !entry.kpis.is_empty() {
        out.push_str("kpis:\n");
        for &(id, v, decimals) in &entry.kpis {
            let _ = writeln!(out, "  {id}: {}", tenths(v, decimals));
        }
    }
    if !entry.events.is_empty() {
        out.push_str("events:\n");
        for e in &entry.events {
            out.push_str("  - name: ");
            scalar(&mut out, &e.name);
            out.push('\n');
            let _ = writeln!(out, "    kind: {}", e.kind);
            let _ = writeln!(out, "    ended_on: {}", date(e.ended));
            let _ = writeln!(out, "    participants: {}", e.participants);
            if let Some(d) = e.evaluated {
                let _ = writeln!(out, "    evaluated_on: {}", date(d));
            }
        }
    }
    block(&mut out, "narrative", &entry.narrative);
    if let Some(problems) = &entry.problems {
        block(&mut out, "problems", problems);
    }
    out
}

//! Benchmark of the SVG charts: the time to draw each kind, the best of 10 batches of 100
//! so that other work on the machine does not count. It prints times and asserts nothing,
//! so it is a benchmark, not a test: `cargo bench --bench charts`.

use planbook::compute::series::MonthFigures;
use planbook::model::FiscalYear;
use planbook::render::charts::{
    BudgetRow, ProgressRow, RankRow, budget_nodes, monthly_columns, progress_bars, ranking_bars,
    s_curve,
};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

const FY: FiscalYear = FiscalYear(2566);

/// A year of a 12,000-baht plan: 1,000 planned and between 0 and 1,400 spent each month.
fn year() -> Vec<MonthFigures> {
    let mut cumulative = Decimal::ZERO;
    FY.months()
        .enumerate()
        .map(|(i, month)| {
            let disbursed = Decimal::from((i as i64 * 700) % 1500);
            cumulative += disbursed;
            MonthFigures {
                month,
                disbursed,
                reported: true,
                disbursed_cumulative: cumulative,
                allocation: Decimal::from(12_000),
                planned_cumulative: Some(Decimal::from(1000 * (i as i64 + 1))),
                target_rate: Some(Decimal::from([32, 52, 72, 93][i / 3])),
                of_received: None,
            }
        })
        .collect()
}

fn ranks(n: usize) -> Vec<RankRow> {
    (0..n)
        .map(|i| RankRow {
            label: format!("สำนักงานสหกรณ์จังหวัดที่ {i}"),
            rate: Decimal::from(i as i64 % 101),
        })
        .collect()
}

fn budget() -> Vec<BudgetRow> {
    (1..=4)
        .map(|i| BudgetRow {
            label: format!("งบรายจ่ายที่ {i}"),
            allocation: Decimal::from(1_000_000 * i),
            disbursed: Decimal::from(400_000 * i),
            committed: Decimal::from(100_000),
        })
        .collect()
}

fn tasks() -> Vec<ProgressRow> {
    (0..6)
        .map(|i| ProgressRow {
            label: format!("กิจกรรมที่ {i}"),
            percent: Decimal::from(i * 20),
        })
        .collect()
}

/// Prints the best time per chart of 10 batches of 100.
fn time(name: &str, draw: &dyn Fn() -> String) {
    let best = (0..10)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..100 {
                std::hint::black_box(draw());
            }
            started.elapsed() / 100
        })
        .min()
        .unwrap_or(Duration::ZERO);
    println!("{name}: {best:?} per chart, {} bytes", draw().len());
}

fn main() {
    let months = year();
    let (five, many) = (ranks(5), ranks(200));
    let _ = s_curve("warm-up", &months, FY);
    time("s_curve", &|| s_curve("ผลการเบิกจ่ายสะสม", &months, FY));
    time("monthly_columns", &|| {
        monthly_columns("รายเดือน", &months, FY)
    });
    time("ranking_bars 5", &|| {
        ranking_bars("อันดับ", &five, Some(Decimal::from(52)))
    });
    time("ranking_bars 200", &|| {
        ranking_bars("อันดับ", &many, Some(Decimal::from(52)))
    });
    time("budget_nodes", &|| budget_nodes("งบ", &budget()));
    time("progress_bars", &|| progress_bars("ความก้าวหน้า", &tasks()));
}

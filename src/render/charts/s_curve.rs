//! The cumulative S-curve of a fiscal year: actual rate, spending plan, quarterly targets.

use super::axis::Axis;
use super::draw::{self, Area, DrawResult, Entry, Marker, Swatch};
use super::months::{self, Margins};
use super::text::percent;
use super::{font, text};
use crate::compute::round2;
use crate::compute::series::MonthFigures;
use crate::model::FiscalYear;
use crate::thai::{fiscal_year_label, format_number, month_short};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

const SIZE: (u32, u32) = (720, 420);
/// The root's class: `chart s-curve`.
const KIND: &str = "s-curve";
/// Rates beyond ±this are drawn at the axis edge (their labels keep the real value).
const PERCENT_CAP: i64 = 1000;

/// One month placed on the x axis (0 = October).
struct Point {
    index: usize,
    rate: Decimal,
    /// A month with no entry: the actual line breaks there (not reported is not flat).
    reported: bool,
    planned: Option<Decimal>,
    target: Option<Decimal>,
}

fn points(months: &[MonthFigures], fiscal_year: FiscalYear) -> Vec<Point> {
    let mut out: Vec<Point> = months
        .iter()
        .filter(|m| m.month.fiscal_year() == fiscal_year && (1..=12).contains(&m.month.month))
        .map(|m| Point {
            index: m.month.fiscal_index(),
            rate: text::rate(m.disbursed_cumulative, m.allocation),
            reported: m.reported,
            planned: m.planned_cumulative.map(|p| text::rate(p, m.allocation)),
            target: m.target_rate,
        })
        .collect();
    out.sort_by_key(|p| p.index);
    out.dedup_by_key(|p| p.index);
    out
}

/// Reported months split into runs of consecutive months (a missing month breaks a run).
fn reported_runs<'p>(reported: &[&'p Point]) -> Vec<Vec<&'p Point>> {
    let mut runs: Vec<Vec<&Point>> = Vec::new();
    for point in reported {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|p| p.index + 1 == point.index) => {
                run.push(point);
            }
            _ => runs.push(vec![point]),
        }
    }
    runs
}

/// `ปีงบประมาณ พ.ศ. 2566: เบิกจ่ายสะสมร้อยละ 93.65 ณ มี.ค. 66 แผนร้อยละ 60.00 เป้าหมายร้อยละ 52.00`
fn describe(months: &[MonthFigures], fiscal_year: FiscalYear) -> String {
    let mut out = fiscal_year_label(fiscal_year, false);
    let last = months
        .iter()
        .filter(|m| m.month.fiscal_year() == fiscal_year)
        .max_by_key(|m| m.month);
    match last {
        None => out.push_str(": ยังไม่มีข้อมูลการเบิกจ่าย"),
        Some(m) => {
            out.push_str(&format!(
                ": เบิกจ่ายสะสมร้อยละ {} ณ {}",
                format_number(round2(text::rate(m.disbursed_cumulative, m.allocation)), 2),
                month_short(m.month, false)
            ));
            if let Some(planned) = m.planned_cumulative.map(|p| text::rate(p, m.allocation)) {
                out.push_str(&format!(" แผนร้อยละ {}", format_number(round2(planned), 2)));
            }
            if let Some(target) = m.target_rate {
                out.push_str(&format!(
                    " เป้าหมายร้อยละ {}",
                    format_number(round2(target), 2)
                ));
            }
        }
    }
    out
}

/// Cumulative S-curve for a fiscal year: the actual cumulative disbursement rate (solid line,
/// round markers, latest value written), the cumulative spending plan rate where present
/// (dashed, square markers) and the monthly target steps (dotted, stepped). The x axis shows
/// all twelve months ต.ค. … ก.ย. even when data stops earlier; the y axis is 0–100 %,
/// widened for rates above 100 or below 0 (rates beyond ±1000 % are drawn at the edge).
/// Months outside `fiscal_year` are ignored. Rates are computed like `MonthFigures::rate`.
pub fn s_curve(title: &str, months: &[MonthFigures], fiscal_year: FiscalYear) -> String {
    let title = text::clean(title);
    let id = months::id("s_curve", &title, months, fiscal_year, |h, m| {
        h.dec(m.disbursed_cumulative);
        if !m.reported {
            h.str("not reported");
        }
        h.dec(m.allocation);
        h.dec(m.planned_cumulative.unwrap_or(Decimal::MIN));
        h.dec(m.target_rate.unwrap_or(Decimal::MIN));
    });
    let desc = describe(months, fiscal_year);
    let points = points(months, fiscal_year);
    draw::render(
        (&id, KIND),
        SIZE,
        (&title, &desc),
        &legend(&points),
        |root| draw_chart(root, &title, &points, fiscal_year),
    )
}

/// The actual line; the plan and target lines where the chart has them.
fn legend(points: &[Point]) -> Vec<Entry> {
    let mut entries = vec![(
        "เบิกจ่ายสะสม".to_owned(),
        Swatch::Line {
            class: "ac",
            marker: Marker::Dot,
        },
    )];
    if points.iter().any(|p| p.planned.is_some()) {
        entries.push((
            "แผนการใช้จ่ายสะสม".to_owned(),
            Swatch::Line {
                class: "pl",
                marker: Marker::Square,
            },
        ));
    }
    if points.iter().any(|p| p.target.is_some()) {
        entries.push((
            "เป้าหมายการเบิกจ่าย".to_owned(),
            Swatch::Line {
                class: "tl",
                marker: Marker::None,
            },
        ));
    }
    entries
}

fn draw_chart(root: &Area, title: &str, points: &[Point], fiscal_year: FiscalYear) -> DrawResult {
    draw::title(root, title)?;
    let cap = Decimal::from(PERCENT_CAP);
    let values = points
        .iter()
        .flat_map(|p| [Some(p.rate), p.planned, p.target])
        .flatten()
        .map(|v| v.clamp(-cap, cap));
    let (min, max) = values.fold((Decimal::ZERO, Decimal::ONE_HUNDRED), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let axis = Axis::nice(min, max, 5);
    let tick_decimals = text::decimals_for(axis.step);
    let y_labels: Vec<String> = axis
        .ticks()
        .iter()
        .map(|t| format!("{}%", format_number(*t, tick_decimals)))
        .collect();
    let mut chart = months::frame(
        root,
        fiscal_year,
        &axis,
        &y_labels,
        Margins {
            // Room above the top line for the latest value written over its dot.
            top: draw::TITLE_BAND + draw::phone_line(draw::SMALL_PX) as u32,
            bottom: 8,
        },
    )?;

    let x = |p: &Point| p.index as f64;

    // Targets: a dotted step per month, joined where consecutive months both have one.
    let mut step: Vec<(f64, f64)> = Vec::new();
    let mut last_index = None;
    let mut steps = Vec::new();
    for p in points {
        match p.target {
            Some(t) => {
                if last_index.is_some_and(|i| i + 1 != p.index) {
                    steps.push(std::mem::take(&mut step));
                }
                let y = axis.clamp(t);
                step.push((x(p) - 0.5, y));
                step.push((x(p) + 0.5, y));
                last_index = Some(p.index);
            }
            None => {
                steps.push(std::mem::take(&mut step));
                last_index = None;
            }
        }
    }
    steps.push(step);
    for s in steps.into_iter().filter(|s| !s.is_empty()) {
        chart.draw_series(std::iter::once(PathElement::new(
            s,
            draw::TARGET_LINE.stroke_width(3),
        )))?;
    }

    // Spending plan: dashed, hollow squares.
    let plan: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| p.planned.map(|v| (x(p), axis.clamp(v))))
        .collect();
    if !plan.is_empty() {
        chart.draw_series(std::iter::once(PathElement::new(
            plan.clone(),
            draw::PLAN_LINE.stroke_width(2),
        )))?;
        for at in &plan {
            draw::marker(root, chart.backend_coord(at), Marker::Square)?;
        }
    }

    // Actual: solid, filled dots on reported months, broken where a month was not
    // reported, and the latest value written beside the last dot.
    let reported: Vec<&Point> = points.iter().filter(|p| p.reported).collect();
    let actual: Vec<(f64, f64)> = reported
        .iter()
        .map(|p| (x(p), axis.clamp(p.rate)))
        .collect();
    for run in reported_runs(&reported) {
        let line: Vec<(f64, f64)> = run.iter().map(|p| (x(p), axis.clamp(p.rate))).collect();
        chart.draw_series(std::iter::once(PathElement::new(
            line,
            draw::DARK.stroke_width(3),
        )))?;
    }
    for at in &actual {
        draw::marker(root, chart.backend_coord(at), Marker::Dot)?;
    }
    if let (Some(last), Some(at)) = (reported.last(), actual.last()) {
        let (px, py) = chart.backend_coord(at);
        let (h, dx) = if last.index >= 10 {
            (HPos::Right, -8)
        } else {
            (HPos::Left, 8)
        };
        draw::text(
            root,
            &percent(last.rate),
            (px + dx, py - draw::phone_line(draw::SMALL_PX) / 2 - 2),
            font::bold(draw::SMALL_PX, draw::DARK),
            h,
            VPos::Center,
        )?;
    } else {
        months::no_data(root, &chart, &axis)?;
    }

    Ok(())
}

//! Horizontal bar charts: office ranking, budget nodes, progress of KPIs and tasks.

use super::axis::{Axis, Ticked, coord};
use super::draw::{self, Area, DrawResult, Marker, Swatch};
use super::font;
use super::svg::Fnv;
use super::text::{self, MoneyUnit, percent};
use crate::compute::round2;
use crate::thai::{baht, format_number};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

/// One ranked row (an office, a plan): its disbursement rate in percent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankRow {
    pub label: String,
    pub rate: Decimal,
}

/// One budget node: its allocation, disbursed and committed amounts in baht.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    pub label: String,
    pub allocation: Decimal,
    pub disbursed: Decimal,
    pub committed: Decimal,
}

/// One KPI or task: percent achieved (may be above 100 or negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressRow {
    pub label: String,
    pub percent: Decimal,
}

const WIDTH: u32 = 720;
/// Row labels longer than this many spacing characters are cut with `…`.
const MAX_LABEL_CHARS: usize = 34;
/// The row-label column never takes more than this share of the width.
const MAX_LABEL_SHARE: f64 = 0.42;
/// Percent values beyond ±this are drawn at the axis edge (labels keep the real value).
const PERCENT_CAP: i64 = 1000;
const X_AXIS_AREA: u32 = 30;
const TOP_PAD: u32 = 12;

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// Row labels cleaned, cut to `MAX_LABEL_CHARS`, then cut further if still too wide.
fn row_labels<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<String> {
    let max_width = f64::from(WIDTH) * MAX_LABEL_SHARE;
    labels
        .map(|label| {
            let clean = text::clean(label);
            let mut max = MAX_LABEL_CHARS;
            let mut cut = text::truncate(&clean, max);
            while max > 4 && font::width(&cut, draw::LABEL_PX) > max_width {
                max -= 2;
                cut = text::truncate(&clean, max);
            }
            cut
        })
        .collect()
}

/// The SVG height for `rows` rows of `row_h` pixels.
fn height(rows: usize, row_h: u32, x_desc: bool, legend: bool) -> u32 {
    let rows = u32::try_from(rows.max(1)).unwrap_or(u32::MAX / 2 / row_h);
    draw::TITLE_BAND
        + TOP_PAD
        + rows.saturating_mul(row_h)
        + X_AXIS_AREA
        + if x_desc { 18 } else { 0 }
        + if legend { draw::LEGEND_BAND } else { 8 }
}

/// How a bar chart is sized: its row height, and whether it has an axis caption and legend.
struct Layout {
    row_h: u32,
    x_desc: bool,
    legend: bool,
}

/// The steps every bar chart takes: clean the title, hash the id (`kind`, title, `extra`,
/// then each row's label and figures as `row` gives them), cut the row labels, describe,
/// size by rows, and draw.
fn render_bars<R>(
    kind: &str,
    (title, rows, extra): (&str, &[R], &[Decimal]),
    row: impl Fn(&R) -> (&str, Vec<Decimal>),
    layout: &Layout,
    describe: impl FnOnce(&[String]) -> String,
    draw_rows: impl FnOnce(&Area, &str, &[String]) -> DrawResult,
) -> String {
    let title = text::clean(title);
    let mut hash = Fnv::new(kind);
    hash.str(&title);
    extra.iter().for_each(|v| hash.dec(*v));
    for r in rows {
        let (label, figures) = row(r);
        hash.str(label);
        figures.into_iter().for_each(|v| hash.dec(v));
    }
    let id = hash.id();
    let labels = row_labels(rows.iter().map(|r| row(r).0));
    let desc = describe(&labels);
    let size = (
        WIDTH,
        height(labels.len(), layout.row_h, layout.x_desc, layout.legend),
    );
    draw::render(&id, size, &title, &desc, |root| {
        draw_rows(root, &title, &labels)
    })
}

/// What the frame shared by the bar charts shows.
struct FrameSpec<'s> {
    title: &'s str,
    /// Row labels, already cut (see `row_labels`).
    labels: &'s [String],
    axis: &'s Axis,
    tick_label: &'s dyn Fn(Decimal) -> String,
    /// The value axis caption (a unit), if any.
    x_desc: Option<&'s str>,
    /// Room right of the plot for the values written after the bars.
    right_pad: u32,
    legend: bool,
}

/// A vertical band of a row, in row units: centre offset (down) and half thickness.
#[derive(Clone, Copy)]
struct Band {
    offset: f64,
    half: f64,
}

const FULL: Band = Band {
    offset: 0.0,
    half: 0.32,
};

/// The drawn frame of a bar chart: title, row labels on the left, a value axis below with
/// vertical grid lines. Row `i` is centred at y = `n - 1 - i`, so the first row is on top.
struct Rows<'a, 'b> {
    root: &'a Area<'b>,
    chart: Chart<'a, 'b>,
    n: usize,
}

impl<'a, 'b> Rows<'a, 'b> {
    fn draw(root: &'a Area<'b>, spec: &FrameSpec) -> Result<Self, Box<dyn std::error::Error>> {
        draw::title(root, spec.title)?;
        let n = spec.labels.len().max(1);
        let label_w = spec
            .labels
            .iter()
            .map(|l| font::width(l, draw::LABEL_PX))
            .fold(0.0, f64::max);
        let ticks = spec.axis.ticks();
        let tick_labels: Vec<String> = ticks.iter().map(|t| (spec.tick_label)(*t)).collect();
        let mut chart = ChartBuilder::on(root)
            .margin_top(draw::TITLE_BAND + TOP_PAD)
            .margin_bottom(if spec.legend { draw::LEGEND_BAND } else { 8 })
            .margin_right(spec.right_pad.max(16))
            .margin_left(16)
            .x_label_area_size(X_AXIS_AREA + if spec.x_desc.is_some() { 18 } else { 0 })
            .y_label_area_size(label_w.ceil() as u32 + 10)
            .build_cartesian_2d(
                spec.axis.ticked(),
                Ticked::new(-0.5..n as f64 - 0.5, Vec::new()),
            )?;
        let x_label = |x: &f64| {
            ticks
                .iter()
                .zip(&tick_labels)
                .find(|(t, _)| coord(**t) == *x)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        };
        let mut mesh = chart.configure_mesh();
        mesh.disable_y_mesh()
            .bold_line_style(draw::GRID)
            .light_line_style(TRANSPARENT)
            .axis_style(draw::AXIS)
            .x_label_style(font::text(draw::LABEL_PX, draw::MUTED))
            .axis_desc_style(font::text(draw::SMALL_PX, draw::MUTED))
            .x_label_formatter(&x_label);
        if let Some(desc) = spec.x_desc {
            mesh.x_desc(desc);
        }
        mesh.draw()?;
        let rows = Rows { root, chart, n };
        let left = coord(spec.axis.lo);
        for (i, label) in spec.labels.iter().enumerate() {
            let (x, y) = rows.at(i, left, 0.0);
            let style = font::text(draw::LABEL_PX, draw::INK);
            draw::text(root, label, (x - 8, y), style, HPos::Right, VPos::Center)?;
        }
        Ok(rows)
    }

    /// The pixel of value `x` in row `i`, `offset` row units down from its centre.
    fn at(&self, i: usize, x: f64, offset: f64) -> (i32, i32) {
        let y = self.n.saturating_sub(1 + i) as f64 - offset;
        self.chart.backend_coord(&(x, y))
    }

    /// A bar in row `i` from value `from` to `to`.
    fn bar(
        &self,
        i: usize,
        (from, to): (f64, f64),
        band: Band,
        fill: RGBColor,
        outline: Option<RGBColor>,
    ) -> DrawResult {
        let a = self.at(i, from, band.offset - band.half);
        let b = self.at(i, to, band.offset + band.half);
        draw::bar(self.root, a, b, fill, outline)
    }

    /// `label` written just right of value `x` in row `i`, on a white backing that keeps it
    /// readable where a grid or target line passes.
    fn value(&self, i: usize, x: f64, offset: f64, label: &str, px: f64) -> DrawResult {
        let (x, y) = self.at(i, x, offset);
        let w = font::width(label, px).ceil() as i32;
        let h = (px * 0.6).ceil() as i32;
        draw::bar(self.root, (x + 3, y - h), (x + 7 + w, y + h), WHITE, None)?;
        let style = font::text(px, draw::INK);
        draw::text(
            self.root,
            label,
            (x + 5, y),
            style,
            HPos::Left,
            VPos::Center,
        )
    }

    /// "ไม่มีข้อมูล" in the middle of an empty chart.
    fn no_data(&self, axis: &Axis) -> DrawResult {
        let mid = coord(axis.lo + (axis.hi - axis.lo) / Decimal::TWO);
        let style = font::text(draw::LABEL_PX, draw::MUTED);
        draw::text(
            self.root,
            "ไม่มีข้อมูล",
            self.at(0, mid, 0.0),
            style,
            HPos::Center,
            VPos::Center,
        )
    }
}

fn widest(labels: &[String], px: f64) -> u32 {
    labels
        .iter()
        .map(|l| font::width(l, px))
        .fold(0.0, f64::max)
        .ceil() as u32
}

/// The frame of a percent axis with the `values` written after the bars.
fn percent_frame<'a, 'b>(
    root: &'a Area<'b>,
    (title, labels): (&str, &[String]),
    axis: &Axis,
    values: &[String],
    legend: bool,
) -> Result<Rows<'a, 'b>, Box<dyn std::error::Error>> {
    let decimals = text::decimals_for(axis.step);
    let tick = move |t: Decimal| format!("{}%", format_number(t, decimals));
    Rows::draw(
        root,
        &FrameSpec {
            title,
            labels,
            axis,
            tick_label: &tick,
            x_desc: None,
            right_pad: widest(values, draw::SMALL_PX) + 12,
            legend,
        },
    )
}

// ---------------------------------------------------------------------------------------

const RANK_ROW: u32 = 26;

fn rank_desc(rows: &[RankRow], labels: &[String], target: Option<Decimal>) -> String {
    let mut out = format!("{} รายการ", rows.len());
    let best = rows.iter().zip(labels).rev().max_by_key(|(r, _)| r.rate);
    let worst = rows.iter().zip(labels).min_by_key(|(r, _)| r.rate);
    if let (Some((b, bl)), Some((w, wl))) = (best, worst) {
        out.push_str(&format!(
            " อัตราเบิกจ่ายสูงสุด {} ร้อยละ {} ต่ำสุด {} ร้อยละ {}",
            bl,
            format_number(round2(b.rate), 2),
            wl,
            format_number(round2(w.rate), 2)
        ));
    }
    if let Some(t) = target {
        let met = rows.iter().filter(|r| r.rate >= t).count();
        out.push_str(&format!(
            " เป้าหมายร้อยละ {} ถึงเป้าหมาย {} รายการ",
            format_number(round2(t), 2),
            met
        ));
    }
    out
}

/// Rows ranked as given (the caller sorts): a horizontal bar of each rate, the rate written
/// at the bar's end, and a dotted vertical line at `target`. With a target, bars that meet it
/// are solid and bars below it hatched. Labels are cut with `…` past 34 characters.
pub fn ranking_bars(title: &str, rows: &[RankRow], target: Option<Decimal>) -> String {
    let layout = Layout {
        row_h: RANK_ROW,
        x_desc: false,
        legend: target.is_some(),
    };
    let extra = [target.unwrap_or(Decimal::MIN)];
    render_bars(
        "ranking_bars",
        (title, rows, &extra),
        |r| (&r.label, vec![r.rate]),
        &layout,
        |labels| rank_desc(rows, labels, target),
        |root, title, labels| draw_ranking(root, title, rows, labels, target),
    )
}

fn draw_ranking(
    root: &Area,
    title: &str,
    rows: &[RankRow],
    labels: &[String],
    target: Option<Decimal>,
) -> DrawResult {
    let cap = Decimal::from(PERCENT_CAP);
    let values = rows.iter().map(|r| r.rate).chain(target);
    let (min, max) = values
        .map(|v| v.clamp(-cap, cap))
        .fold((Decimal::ZERO, Decimal::ONE_HUNDRED), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let axis = Axis::nice(min, max, 5);
    let values: Vec<String> = rows.iter().map(|r| percent(r.rate)).collect();
    let frame = percent_frame(root, (title, labels), &axis, &values, target.is_some())?;
    let zero = axis.clamp(Decimal::ZERO);
    for (i, row) in rows.iter().enumerate() {
        let below = target.is_some_and(|t| row.rate < t);
        let (fill, outline) = if below {
            (draw::HATCH, Some(draw::DARK))
        } else {
            (draw::DARK, None)
        };
        frame.bar(i, (zero, axis.clamp(row.rate)), FULL, fill, outline)?;
    }
    // The target line over the bars, under the values.
    if let Some(t) = target {
        let x = axis.clamp(t);
        let top = frame.at(0, x, -0.5);
        let bottom = frame.at(frame.n - 1, x, 0.5);
        let line = vec![(top.0, top.1 - 4), bottom];
        root.draw(&PathElement::new(line, draw::TARGET_LINE.stroke_width(3)))?;
        let label = format!("เป้าหมาย {}", percent(t));
        let style = font::text(draw::SMALL_PX, draw::TARGET_LINE);
        draw::text(
            root,
            &label,
            (top.0, top.1 - 6),
            style,
            HPos::Center,
            VPos::Bottom,
        )?;
    }
    for (i, (row, value)) in rows.iter().zip(&values).enumerate() {
        let end = axis.clamp(row.rate).max(zero);
        frame.value(i, end, 0.0, value, draw::SMALL_PX)?;
    }
    if rows.is_empty() {
        frame.no_data(&axis)?;
    }
    if target.is_some() {
        let (_, h) = root.dim_in_pixel();
        draw::legend(
            root,
            &[
                (
                    "ถึงเป้าหมาย",
                    Swatch::Bar {
                        fill: draw::DARK,
                        outline: None,
                    },
                ),
                (
                    "ต่ำกว่าเป้าหมาย",
                    Swatch::Bar {
                        fill: draw::HATCH,
                        outline: Some(draw::DARK),
                    },
                ),
                (
                    "เป้าหมาย",
                    Swatch::Line {
                        color: draw::TARGET_LINE,
                        width: 3,
                        marker: Marker::None,
                    },
                ),
            ],
            h as i32 - draw::LEGEND_BAND as i32 / 2 - 2,
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------

const BUDGET_LAYOUT: Layout = Layout {
    row_h: 54,
    x_desc: true,
    legend: true,
};
/// Sub-bar centres (row units, downwards) and half thickness.
const BUDGET_OFFSETS: [f64; 3] = [-0.27, 0.0, 0.27];
const BUDGET_HALF: f64 = 0.115;
/// Allocation light with an outline, disbursed solid, committed hatched.
const BUDGET_STYLES: [(RGBColor, Option<RGBColor>); 3] = [
    (draw::LIGHT, Some(draw::DARK)),
    (draw::DARK, None),
    (draw::HATCH, Some(draw::DARK)),
];

fn budget_desc(rows: &[BudgetRow]) -> String {
    let allocation = text::total(rows.iter().map(|r| r.allocation));
    let disbursed = text::total(rows.iter().map(|r| r.disbursed));
    let committed = text::total(rows.iter().map(|r| r.committed));
    format!(
        "{} รายการ งบประมาณรวม {} บาท เบิกจ่าย {} บาท (ร้อยละ {}) ผูกพัน {} บาท",
        rows.len(),
        baht(allocation),
        baht(disbursed),
        format_number(round2(text::rate(disbursed, allocation)), 2),
        baht(committed)
    )
}

/// Budget nodes: for each row three bars, allocation (light with outline), disbursed (solid)
/// and committed (hatched), each with its amount. Baht, or ล้านบาท from ten million.
pub fn budget_nodes(title: &str, rows: &[BudgetRow]) -> String {
    render_bars(
        "budget_nodes",
        (title, rows, &[]),
        |r| (&r.label, vec![r.allocation, r.disbursed, r.committed]),
        &BUDGET_LAYOUT,
        |_| budget_desc(rows),
        |root, title, labels| draw_budget(root, title, rows, labels),
    )
}

fn draw_budget(root: &Area, title: &str, rows: &[BudgetRow], labels: &[String]) -> DrawResult {
    let all = rows
        .iter()
        .flat_map(|r| [r.allocation, r.disbursed, r.committed]);
    let unit = MoneyUnit::for_max(all.clone().map(|v| v.abs()).max().unwrap_or_default());
    let (min, max) = all
        .map(|v| v / unit.divisor())
        .fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let axis = Axis::nice(min, max, 4);
    let decimals = text::decimals_for(axis.step);
    let amount = |v: Decimal| match unit {
        MoneyUnit::Baht => baht(v),
        MoneyUnit::Million => format_number(v / unit.divisor(), 2),
    };
    let values: Vec<[String; 3]> = rows
        .iter()
        .map(|r| {
            [
                amount(r.allocation),
                amount(r.disbursed),
                amount(r.committed),
            ]
        })
        .collect();
    let right = values
        .iter()
        .flat_map(|v| v.iter().map(|s| font::width(s, draw::SMALL_PX)))
        .fold(0.0, f64::max)
        .ceil() as u32
        + 12;
    let tick = move |t: Decimal| format_number(t, decimals);
    let frame = Rows::draw(
        root,
        &FrameSpec {
            title,
            labels,
            axis: &axis,
            tick_label: &tick,
            x_desc: Some(unit.name()),
            right_pad: right,
            legend: true,
        },
    )?;
    let zero = axis.clamp(Decimal::ZERO);
    for (i, (row, value)) in rows.iter().zip(&values).enumerate() {
        let amounts = [row.allocation, row.disbursed, row.committed];
        for (k, amount) in amounts.iter().enumerate() {
            let end = axis.clamp(*amount / unit.divisor());
            let (fill, outline) = BUDGET_STYLES[k];
            let band = Band {
                offset: BUDGET_OFFSETS[k],
                half: BUDGET_HALF,
            };
            frame.bar(i, (zero, end), band, fill, outline)?;
            frame.value(
                i,
                end.max(zero),
                band.offset,
                &value[k],
                draw::SMALL_PX - 1.0,
            )?;
        }
    }
    if rows.is_empty() {
        frame.no_data(&axis)?;
    }
    let (_, h) = root.dim_in_pixel();
    draw::legend(
        root,
        &[
            (
                "งบประมาณที่ได้รับจัดสรร",
                Swatch::Bar {
                    fill: BUDGET_STYLES[0].0,
                    outline: BUDGET_STYLES[0].1,
                },
            ),
            (
                "เบิกจ่าย",
                Swatch::Bar {
                    fill: BUDGET_STYLES[1].0,
                    outline: BUDGET_STYLES[1].1,
                },
            ),
            (
                "ผูกพัน",
                Swatch::Bar {
                    fill: BUDGET_STYLES[2].0,
                    outline: BUDGET_STYLES[2].1,
                },
            ),
        ],
        h as i32 - draw::LEGEND_BAND as i32 / 2 - 2,
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------

const PROGRESS_LAYOUT: Layout = Layout {
    row_h: 26,
    x_desc: false,
    legend: false,
};

fn progress_desc(rows: &[ProgressRow]) -> String {
    let done = rows
        .iter()
        .filter(|r| r.percent >= Decimal::ONE_HUNDRED)
        .count();
    let mut out = format!("{} รายการ ครบร้อยละ 100 แล้ว {} รายการ", rows.len(), done);
    if !rows.is_empty() {
        let mean = text::total(rows.iter().map(|r| r.percent)) / Decimal::from(rows.len());
        out.push_str(&format!(" เฉลี่ยร้อยละ {}", format_number(round2(mean), 2)));
    }
    out
}

/// Progress per row: a 0–100 track filled to the percent achieved (the bar stops at 100 and
/// at 0), with the real value written after the track (`120.50%`).
pub fn progress_bars(title: &str, rows: &[ProgressRow]) -> String {
    render_bars(
        "progress_bars",
        (title, rows, &[]),
        |r| (&r.label, vec![r.percent]),
        &PROGRESS_LAYOUT,
        |_| progress_desc(rows),
        |root, title, labels| draw_progress(root, title, rows, labels),
    )
}

fn draw_progress(root: &Area, title: &str, rows: &[ProgressRow], labels: &[String]) -> DrawResult {
    let axis = Axis::nice(Decimal::ZERO, Decimal::ONE_HUNDRED, 4);
    let values: Vec<String> = rows.iter().map(|r| percent(r.percent)).collect();
    let frame = percent_frame(root, (title, labels), &axis, &values, false)?;
    let (lo, hi) = (coord(axis.lo), coord(axis.hi));
    let band = Band {
        offset: 0.0,
        half: 0.3,
    };
    for (i, (row, value)) in rows.iter().zip(&values).enumerate() {
        frame.bar(i, (lo, hi), band, draw::TRACK, Some(draw::TRACK_EDGE))?;
        let end = axis.clamp(row.percent);
        if end > lo {
            frame.bar(i, (lo, end), band, draw::DARK, None)?;
        }
        frame.value(i, hi, 0.0, value, draw::SMALL_PX)?;
    }
    if rows.is_empty() {
        frame.no_data(&axis)?;
    }
    Ok(())
}

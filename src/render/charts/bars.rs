//! Horizontal bar charts: office ranking, budget nodes, progress of KPIs and tasks.

use super::axis::{Axis, Ticked, coord};
use super::draw::{self, Area, DrawResult, Entry, Fill, Marker, Swatch};
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
/// The row-label column never takes more than this share of the width (at phone size).
const MAX_LABEL_SHARE: f64 = 0.42;
/// Percent values beyond ±this are drawn at the axis edge (labels keep the real value).
const PERCENT_CAP: i64 = 1000;
const TOP_PAD: u32 = 12;
/// Gap between the value axis and its labels.
const LABEL_GAP: i32 = 10;

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// Row labels cleaned, cut to `MAX_LABEL_CHARS`, then cut further if still too wide at the
/// phone text size.
fn row_labels<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<String> {
    let max_width = f64::from(WIDTH) * MAX_LABEL_SHARE;
    labels
        .map(|label| {
            let clean = text::clean(label);
            let mut max = MAX_LABEL_CHARS;
            let mut cut = text::truncate(&clean, max);
            while max > 4 && draw::phone_width(&cut, draw::LABEL_PX) > max_width {
                max -= 2;
                cut = text::truncate(&clean, max);
            }
            cut
        })
        .collect()
}

/// Height of the value axis' labels and, with `x_desc`, its caption below them.
fn x_axis_area(x_desc: bool) -> u32 {
    let labels = LABEL_GAP + draw::phone_line(draw::LABEL_PX);
    let caption = if x_desc {
        4 + draw::phone_line(draw::SMALL_PX)
    } else {
        0
    };
    (labels + caption) as u32
}

/// The SVG height for `rows` rows of `row_h` pixels.
fn height(rows: usize, row_h: u32, x_desc: bool) -> u32 {
    let rows = u32::try_from(rows.max(1)).unwrap_or(u32::MAX / 2 / row_h);
    draw::TITLE_BAND + TOP_PAD + rows.saturating_mul(row_h) + x_axis_area(x_desc) + 8
}

/// How a bar chart is sized and named: its row height, whether it has an axis caption, the
/// root's class, and the legend under it.
struct Layout {
    row_h: u32,
    x_desc: bool,
    class: &'static str,
    legend: Vec<Entry>,
}

/// The steps every bar chart takes: clean the title, hash the id (`kind`, title, `extra`,
/// then each row's label and figures as `row` gives them), cut the row labels, describe
/// (with the labels whole), size by rows, and draw.
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
    // The description names rows in full: a label cut to fit is whole there.
    let full: Vec<String> = rows.iter().map(|r| text::clean(row(r).0)).collect();
    let desc = describe(&full);
    let size = (WIDTH, height(labels.len(), layout.row_h, layout.x_desc));
    let text = (title.as_str(), desc.as_str());
    draw::render((&id, layout.class), size, text, &layout.legend, |root| {
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
        let label_w = widest(spec.labels, draw::LABEL_PX);
        let ticks = spec.axis.ticks();
        let tick_labels: Vec<String> = ticks.iter().map(|t| (spec.tick_label)(*t)).collect();
        // The first and last tick labels are centred on the axis ends: room for their halves.
        let half =
            |l: Option<&String>| l.map_or(0.0, |l| draw::phone_width(l, draw::LABEL_PX) / 2.0);
        let (first_half, last_half) = (half(tick_labels.first()), half(tick_labels.last()));
        let mut chart = ChartBuilder::on(root)
            .margin_top(draw::TITLE_BAND + TOP_PAD)
            .margin_bottom(8)
            .margin_right(spec.right_pad.max(last_half.ceil() as u32 + 4))
            .margin_left(16)
            .x_label_area_size(x_axis_area(spec.x_desc.is_some()))
            .y_label_area_size((label_w + 10).max(first_half.ceil() as u32))
            .build_cartesian_2d(
                spec.axis.ticked(),
                Ticked::new(-0.5..n as f64 - 0.5, Vec::new()),
            )?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(draw::GRID)
            .light_line_style(TRANSPARENT)
            .axis_style(draw::AXIS)
            .x_label_style(font::text(draw::LABEL_PX, draw::MUTED).color(&TRANSPARENT))
            .draw()?;
        let rows = Rows { root, chart, n };
        // The value labels, every other one hidden on phones when they crowd there.
        let y = rows.at(n - 1, 0.0, 0.5).1;
        let xs: Vec<i32> = ticks.iter().map(|t| rows.at(0, coord(*t), 0.0).0).collect();
        let spacing = xs.windows(2).map(|w| w[1] - w[0]).min().unwrap_or(i32::MAX);
        let crowded = draw::crowded(&tick_labels, draw::LABEL_PX, f64::from(spacing));
        for (i, (x, label)) in xs.iter().zip(&tick_labels).enumerate() {
            let style = font::text(draw::LABEL_PX, draw::tick_color(i, crowded));
            draw::text(
                root,
                label,
                (*x, y + LABEL_GAP),
                style,
                HPos::Center,
                VPos::Top,
            )?;
        }
        if let (Some(desc), Some(first), Some(last)) = (spec.x_desc, xs.first(), xs.last()) {
            let top = y + LABEL_GAP + draw::phone_line(draw::LABEL_PX) + 4;
            let style = font::text(draw::SMALL_PX, draw::MUTED);
            draw::text(
                root,
                desc,
                ((first + last) / 2, top),
                style,
                HPos::Center,
                VPos::Top,
            )?;
        }
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
        // Sized for the text on phones, the larger.
        let w = draw::phone_width(label, px).ceil() as i32;
        let h = (draw::phone_px(px) * 0.6).ceil() as i32;
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

/// The widest of `labels` at `px` as phones draw it.
fn widest(labels: &[String], px: f64) -> u32 {
    labels
        .iter()
        .map(|l| draw::phone_width(l, px))
        .fold(0.0, f64::max)
        .ceil() as u32
}

/// The frame of a percent axis with the `values` written after the bars.
fn percent_frame<'a, 'b>(
    root: &'a Area<'b>,
    (title, labels): (&str, &[String]),
    axis: &Axis,
    values: &[String],
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
        },
    )
}

// ---------------------------------------------------------------------------------------

/// Rows tall enough for a label at its phone size.
const RANK_ROW: u32 = 36;

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
/// are solid and bars below it hatched, and the legend gives the target's value. Labels are
/// cut with `…` past 34 characters.
pub fn ranking_bars(title: &str, rows: &[RankRow], target: Option<Decimal>) -> String {
    let legend = target.map_or_else(Vec::new, |t| {
        vec![
            ("ถึงเป้าหมาย".to_owned(), Swatch::Bar(Fill::Dark)),
            ("ต่ำกว่าเป้าหมาย".to_owned(), Swatch::Bar(Fill::Hatched)),
            (
                format!("เป้าหมาย {}", percent(t)),
                Swatch::Line {
                    class: "tl",
                    marker: Marker::None,
                },
            ),
        ]
    });
    let layout = Layout {
        row_h: RANK_ROW,
        x_desc: false,
        class: "ranking",
        legend,
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
    let frame = percent_frame(root, (title, labels), &axis, &values)?;
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
    // The target line over the bars, under the values (its value is in the legend).
    if let Some(t) = target {
        let x = axis.clamp(t);
        let top = frame.at(0, x, -0.5);
        let bottom = frame.at(frame.n - 1, x, 0.5);
        let line = vec![(top.0, top.1 - 4), bottom];
        root.draw(&PathElement::new(line, draw::TARGET_LINE.stroke_width(3)))?;
    }
    for (i, (row, value)) in rows.iter().zip(&values).enumerate() {
        let end = axis.clamp(row.rate).max(zero);
        frame.value(i, end, 0.0, value, draw::SMALL_PX)?;
    }
    if rows.is_empty() {
        frame.no_data(&axis)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------

/// Rows tall enough for three amounts at their phone size, one beside each bar.
const BUDGET_ROW: u32 = 96;
/// Sub-bar centres (row units, downwards) and half thickness.
const BUDGET_OFFSETS: [f64; 3] = [-0.3, 0.0, 0.3];
const BUDGET_HALF: f64 = 0.12;
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
        &Layout {
            row_h: BUDGET_ROW,
            x_desc: true,
            class: "budget",
            legend: vec![
                ("งบประมาณที่ได้รับจัดสรร".to_owned(), Swatch::Bar(Fill::Light)),
                ("เบิกจ่าย".to_owned(), Swatch::Bar(Fill::Dark)),
                ("ผูกพัน".to_owned(), Swatch::Bar(Fill::Hatched)),
            ],
        },
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
        .flat_map(|v| v.iter().map(|s| draw::phone_width(s, draw::SMALL_PX - 1.0)))
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
    Ok(())
}

// ---------------------------------------------------------------------------------------

/// Rows tall enough for a label at its phone size.
const PROGRESS_ROW: u32 = 36;

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
        &Layout {
            row_h: PROGRESS_ROW,
            x_desc: false,
            class: "progress",
            legend: Vec::new(),
        },
        |_| progress_desc(rows),
        |root, title, labels| draw_progress(root, title, rows, labels),
    )
}

fn draw_progress(root: &Area, title: &str, rows: &[ProgressRow], labels: &[String]) -> DrawResult {
    let axis = Axis::nice(Decimal::ZERO, Decimal::ONE_HUNDRED, 4);
    let values: Vec<String> = rows.iter().map(|r| percent(r.percent)).collect();
    let frame = percent_frame(root, (title, labels), &axis, &values)?;
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

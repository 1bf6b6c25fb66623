//! The frame shared by the charts over a fiscal year: twelve months ต.ค. … ก.ย. on the x
//! axis, a value axis with its tick labels, and the note shown when there is no data.

use super::axis::{Axis, Ticked, coord};
use super::draw::{self, Area};
use super::font;
use super::svg::Fnv;
use crate::compute::series::MonthFigures;
use crate::model::FiscalYear;
use crate::thai::{fiscal_year_label, month_abbr};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

pub type MonthChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// Room around the plot, in pixels.
pub struct Margins {
    pub top: u32,
    pub bottom: u32,
}

/// Gap between an axis and its labels.
const LABEL_GAP: i32 = 10;

/// Draws the frame: grid lines at the value ticks, month labels below (every other one
/// hidden on phones when they crowd, as they do at phone size), the fiscal year under them;
/// `y_labels` are the texts of `axis.ticks()`, in order. The labels are drawn here, not by
/// plotters' mesh, so each can carry its own class; their column and rows are sized for the
/// phone text size (`draw::phone_px`).
pub fn frame<'a, 'b>(
    root: &'a Area<'b>,
    fiscal_year: FiscalYear,
    axis: &Axis,
    y_labels: &[String],
    margins: Margins,
) -> Result<MonthChart<'a, 'b>, Box<dyn std::error::Error>> {
    let ticks = axis.ticks();
    let months: Vec<String> = fiscal_year
        .months()
        .map(|m| month_abbr(m).to_owned())
        .collect();
    let widest_y = y_labels
        .iter()
        .map(|l| draw::phone_width(l, draw::LABEL_PX))
        .fold(0.0, f64::max);
    // Month labels, then the fiscal year below them.
    let x_area =
        LABEL_GAP + draw::phone_line(draw::LABEL_PX) + 4 + draw::phone_line(draw::SMALL_PX);
    let hidden = TRANSPARENT;
    let mut chart = ChartBuilder::on(root)
        .margin_top(margins.top)
        .margin_bottom(margins.bottom)
        .margin_right(24)
        .x_label_area_size(x_area as u32)
        .y_label_area_size(widest_y.ceil() as u32 + 16)
        .build_cartesian_2d(
            Ticked::new(-0.5..11.5, (0..12).map(f64::from).collect()),
            axis.ticked(),
        )?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(draw::GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(draw::AXIS)
        .x_label_style(font::text(draw::LABEL_PX, draw::MUTED).color(&hidden))
        .y_label_style(font::text(draw::LABEL_PX, draw::MUTED).color(&hidden))
        .draw()?;
    let (left, bottom) = chart.backend_coord(&(-0.5, coord(axis.lo)));
    for (tick, label) in ticks.iter().zip(y_labels) {
        let (_, y) = chart.backend_coord(&(-0.5, coord(*tick)));
        let style = font::text(draw::LABEL_PX, draw::MUTED);
        draw::text(
            root,
            label,
            (left - LABEL_GAP, y),
            style,
            HPos::Right,
            VPos::Center,
        )?;
    }
    let slot = f64::from(chart.backend_coord(&(1.0, 0.0)).0 - chart.backend_coord(&(0.0, 0.0)).0);
    let crowded = draw::crowded(&months, draw::LABEL_PX, slot);
    for (i, label) in months.iter().enumerate() {
        let (x, _) = chart.backend_coord(&(i as f64, coord(axis.lo)));
        let style = font::text(draw::LABEL_PX, draw::tick_color(i, crowded));
        draw::text(
            root,
            label,
            (x, bottom + LABEL_GAP),
            style,
            HPos::Center,
            VPos::Top,
        )?;
    }
    let (right, _) = chart.backend_coord(&(11.5, coord(axis.lo)));
    draw::text(
        root,
        &fiscal_year_label(fiscal_year, false),
        (
            (left + right) / 2,
            bottom + LABEL_GAP + draw::phone_line(draw::LABEL_PX) + 4,
        ),
        font::text(draw::SMALL_PX, draw::MUTED),
        HPos::Center,
        VPos::Top,
    )?;
    Ok(chart)
}

/// "ยังไม่มีข้อมูลการเบิกจ่าย" in the middle of the plot.
pub fn no_data(root: &Area, chart: &MonthChart, axis: &Axis) -> draw::DrawResult {
    let middle = coord(axis.lo + (axis.hi - axis.lo) / Decimal::TWO);
    draw::text(
        root,
        "ยังไม่มีข้อมูลการเบิกจ่าย",
        chart.backend_coord(&(5.5, middle)),
        font::text(draw::LABEL_PX, draw::MUTED),
        HPos::Center,
        VPos::Center,
    )
}

/// A month chart's id: `kind`, title, fiscal year, then per month its name and what
/// `figures` adds.
pub fn id(
    kind: &str,
    title: &str,
    months: &[MonthFigures],
    fiscal_year: FiscalYear,
    figures: impl Fn(&mut Fnv, &MonthFigures),
) -> String {
    let mut h = Fnv::new(kind);
    h.str(title);
    h.str(&fiscal_year.0.to_string());
    for m in months {
        h.str(&m.month.to_string());
        figures(&mut h, m);
    }
    h.id()
}

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
    /// Width of the value labels' column.
    pub y_labels: u32,
}

/// Draws the frame: grid lines at the value ticks, month labels below, the fiscal year under
/// them; `y_labels` are the texts of `axis.ticks()`, in order.
pub fn frame<'a, 'b>(
    root: &'a Area<'b>,
    fiscal_year: FiscalYear,
    axis: &Axis,
    y_labels: &[String],
    margins: Margins,
) -> Result<MonthChart<'a, 'b>, Box<dyn std::error::Error>> {
    let ticks = axis.ticks();
    let months: Vec<_> = fiscal_year.months().collect();
    let mut chart = ChartBuilder::on(root)
        .margin_top(margins.top)
        .margin_bottom(margins.bottom)
        .margin_right(24)
        .x_label_area_size(52)
        .y_label_area_size(margins.y_labels)
        .build_cartesian_2d(
            Ticked::new(-0.5..11.5, (0..12).map(f64::from).collect()),
            axis.ticked(),
        )?;
    let x_label = |x: &f64| {
        let i = x.round();
        if (0.0..12.0).contains(&i) {
            months
                .get(i as usize)
                .map(|m| month_abbr(*m).to_owned())
                .unwrap_or_default()
        } else {
            String::new()
        }
    };
    let y_label = |y: &f64| {
        ticks
            .iter()
            .zip(y_labels)
            .find(|(t, _)| coord(**t) == *y)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(draw::GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(draw::AXIS)
        .x_label_style(font::text(draw::LABEL_PX, draw::MUTED))
        .y_label_style(font::text(draw::LABEL_PX, draw::MUTED))
        .axis_desc_style(font::text(draw::SMALL_PX, draw::MUTED))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(fiscal_year_label(fiscal_year, false))
        .draw()?;
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

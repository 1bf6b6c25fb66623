//! Monthly disbursement columns in baht, October to September.

use super::axis::{Axis, coord};
use super::draw::{self, Area, DrawResult};
use super::font;
use super::months::{self, Margins};
use super::text::{self, MoneyUnit};
use crate::compute::series::MonthFigures;
use crate::model::FiscalYear;
use crate::thai::{baht, fiscal_year_label, format_number, month_short};
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

const SIZE: (u32, u32) = (720, 400);
/// The root's class: `chart columns`.
const KIND: &str = "columns";

/// `ปีงบประมาณ พ.ศ. 2566: เบิกจ่ายรายเดือน ต.ค. 65 ถึง มี.ค. 66 รวม 1,234.00 บาท สูงสุด ธ.ค. 65 500.00 บาท`
fn describe(months: &[(usize, &MonthFigures)], fiscal_year: FiscalYear) -> String {
    let mut out = fiscal_year_label(fiscal_year, false);
    let (Some((_, first)), Some((_, last))) = (months.first(), months.last()) else {
        out.push_str(": ยังไม่มีข้อมูลการเบิกจ่าย");
        return out;
    };
    let total = text::total(months.iter().map(|(_, m)| m.disbursed));
    out.push_str(&format!(
        ": เบิกจ่ายรายเดือน {} ถึง {} รวม {} บาท",
        month_short(first.month, false),
        month_short(last.month, false),
        baht(total)
    ));
    // The first month with the highest amount.
    if let Some((_, top)) = months.iter().rev().max_by_key(|(_, m)| m.disbursed) {
        out.push_str(&format!(
            " สูงสุด {} {} บาท",
            month_short(top.month, false),
            baht(top.disbursed)
        ));
    }
    out
}

/// Monthly disbursement columns (baht), one per month from October up to the last month
/// given; all twelve months are on the x axis. The y axis is in baht, or ล้านบาท from ten
/// million, with thousands separators. Months outside `fiscal_year` are ignored.
pub fn monthly_columns(title: &str, months: &[MonthFigures], fiscal_year: FiscalYear) -> String {
    let title = text::clean(title);
    let id = months::id("monthly_columns", &title, months, fiscal_year, |h, m| {
        h.dec(m.disbursed);
        if !m.reported {
            h.str("not reported");
        }
    });
    // A month not reported gets no column (a gap), not a column of 0.
    let mut placed: Vec<(usize, &MonthFigures)> = months
        .iter()
        .filter(|m| m.reported)
        .filter(|m| m.month.fiscal_year() == fiscal_year && (1..=12).contains(&m.month.month))
        .map(|m| (m.month.fiscal_index(), m))
        .collect();
    placed.sort_by_key(|(i, _)| *i);
    placed.dedup_by_key(|(i, _)| *i);
    let desc = describe(&placed, fiscal_year);
    draw::render((&id, KIND), SIZE, (&title, &desc), &[], |root| {
        draw_chart(root, &title, &placed, fiscal_year)
    })
}

fn draw_chart(
    root: &Area,
    title: &str,
    placed: &[(usize, &MonthFigures)],
    fiscal_year: FiscalYear,
) -> DrawResult {
    draw::title(root, title)?;
    let max_abs = placed
        .iter()
        .map(|(_, m)| m.disbursed.abs())
        .max()
        .unwrap_or_default();
    let unit = MoneyUnit::for_max(max_abs);
    let scaled: Vec<(usize, Decimal)> = placed
        .iter()
        .map(|(i, m)| (*i, m.disbursed / unit.divisor()))
        .collect();
    let (min, max) = scaled
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), (_, v)| {
            (lo.min(*v), hi.max(*v))
        });
    let axis = Axis::nice(min, max, 5);
    let decimals = text::decimals_for(axis.step);
    let y_labels: Vec<String> = axis
        .ticks()
        .iter()
        .map(|t| format_number(*t, decimals))
        .collect();
    // The unit caption sits above the top value label.
    let caption = draw::phone_line(draw::SMALL_PX) + draw::phone_line(draw::LABEL_PX) / 2;
    let chart = months::frame(
        root,
        fiscal_year,
        &axis,
        &y_labels,
        Margins {
            top: draw::TITLE_BAND + caption as u32,
            bottom: 8,
        },
    )?;

    // Unit caption above the y labels, from the left edge.
    let (_, uy) = chart.backend_coord(&(-0.5, coord(axis.hi)));
    draw::text(
        root,
        unit.name(),
        (16, uy - draw::phone_line(draw::LABEL_PX) / 2 - 2),
        font::text(draw::SMALL_PX, draw::MUTED),
        HPos::Left,
        VPos::Bottom,
    )?;

    let zero = axis.clamp(Decimal::ZERO);
    for (i, v) in &scaled {
        let x = *i as f64;
        let top = chart.backend_coord(&(x - 0.32, axis.clamp(*v)));
        let bottom = chart.backend_coord(&(x + 0.32, zero));
        draw::bar(root, top, bottom, draw::DARK, None)?;
    }
    // Amounts above (below, if negative) the columns, when every one fits its column slot;
    // not on phones, where they would not (the table beside the chart lists them).
    let amounts: Vec<String> = scaled
        .iter()
        .map(|(_, v)| match unit {
            MoneyUnit::Baht => format_number(*v, 0),
            MoneyUnit::Million => format_number(*v, 2),
        })
        .collect();
    let slot = f64::from(chart.backend_coord(&(1.0, 0.0)).0 - chart.backend_coord(&(0.0, 0.0)).0);
    if amounts
        .iter()
        .all(|a| font::width(a, draw::SMALL_PX - 1.0) <= slot - 4.0)
    {
        for ((i, v), amount) in scaled.iter().zip(&amounts) {
            let (x, y) = chart.backend_coord(&(*i as f64, axis.clamp(*v)));
            let (dy, anchor) = if v.is_sign_negative() {
                (4, VPos::Top)
            } else {
                (-4, VPos::Bottom)
            };
            draw::text(
                root,
                amount,
                (x, y + dy),
                font::text(draw::SMALL_PX - 1.0, draw::INK_NARROW),
                HPos::Center,
                anchor,
            )?;
        }
    }
    if scaled.is_empty() {
        months::no_data(root, &chart, &axis)?;
    }
    Ok(())
}

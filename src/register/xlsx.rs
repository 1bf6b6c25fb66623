//! The register as an Excel workbook (`data/<fy>/registers/<YYYY-MM>/<office>.xlsx`), laid out
//! as the offices keep it: three title lines, two header rows, then the rows of
//! [`super::rows`]. Figures are numbers formatted `#,##0.00`; group rows, what is left and
//! the rates are formulas carrying the build's exact figures as their cached results.
//! Frozen header, A4 landscape, header rows repeated on every printed page.
//!
//! Assumes nothing of the text it writes: names are written as strings (never formulas),
//! and the only float is made in [`number`], at the writer's edge.

use super::rows::{Register, Row, RowKind, budget_type_name, name_with_code};
use crate::export::excel_number as number;
use crate::export::money;
use crate::model::Month;
use crate::thai;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

/// The row (0-based) of the first header line; the titles stand above it.
pub const HEADER_ROW: u32 = 3;
/// The row (0-based) of the register's first row (the total).
pub const FIRST_ROW: u32 = HEADER_ROW + 2;

/// The column headers, as the offices' own sheets word them: (first line, second line).
pub const HEADERS: [(&str, &str); 9] = [
    ("แผนงาน/กิจกรรม/โครงการ", ""),
    ("ประเภทงบประมาณ", ""),
    ("งบประมาณตามแผน/โครงการ", ""),
    ("งบประมาณที่รับโอน (เพิ่ม/ลด) (1)", ""),
    ("เบิกจ่ายแล้ว", "ทั้งหมด (2)"),
    ("เบิกจ่ายแล้ว", "ไม่รวม PO"),
    ("คงเหลือทั้งสิ้น = (1) − (2)", ""),
    ("ร้อยละการเบิกจ่าย", "ทั้งหมด"),
    ("ร้อยละการเบิกจ่าย", "Not PO"),
];

/// Shown where a plan reports no `received`.
pub const NONE: &str = "–";

const FONT: &str = "TH SarabunPSK";
const NUMBER_FORMAT: &str = "#,##0.00";

/// The register's title: `ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566
/// (ตุลาคม 2565 - กันยายน 2566)`.
pub fn title(register: &Register<'_>) -> String {
    let year = register.fiscal_year;
    format!(
        "ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {} ({} - {})",
        year.0,
        thai::month_full(year.first_month(), false),
        thai::month_full(year.last_month(), false)
    )
}

/// `ผลเบิกจ่ายรายเดือน ณ วันที่ 30 พฤศจิกายน 2565`: the month's last day.
pub fn as_at(month: Month) -> String {
    format!(
        "ผลเบิกจ่ายรายเดือน ณ วันที่ {}",
        thai::date_full(month.last_day(), false)
    )
}

/// A1-style reference of a cell (0-based row and column).
pub fn cell(row: u32, col: u16) -> String {
    let letter = char::from(b'A' + u8::try_from(col).unwrap_or(0));
    format!("{letter}{}", row + 1)
}

/// The value a cell of the register shows: a number, or text ("–").
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Decimal),
    Text(String),
}

/// One cell of a data row: its value, and the formula that gives it (group rows, what is
/// left, rates).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub formula: Option<String>,
}

/// The nine cells of the register's row at `index`, with formulas over the sheet's rows.
pub fn row_cells(register: &Register<'_>, index: usize) -> [Cell; 9] {
    let row = &register.rows[index];
    let at = |i: usize| FIRST_ROW + u32::try_from(i).unwrap_or(u32::MAX - FIRST_ROW);
    let r = at(index);
    let text = |t: String| Cell {
        value: Value::Text(t),
        formula: None,
    };
    let none = || text(NONE.to_string());
    let grouped = !row.children.is_empty();
    let sum_of_children = |col: u16| -> Option<String> {
        grouped.then(|| {
            let refs: Vec<String> = row.children.iter().map(|&c| cell(at(c), col)).collect();
            format!("={}", sum(&refs))
        })
    };
    let figure = |value: Decimal, col: u16| Cell {
        value: Value::Number(value),
        formula: sum_of_children(col),
    };
    let a = &row.amounts;
    let (d, e, f, g) = (cell(r, 3), cell(r, 4), cell(r, 5), cell(r, 6));
    let block = (at(index + 1), at(row.block_end.max(index + 2) - 1));
    let range = |col: u16| format!("{}:{}", cell(block.0, col), cell(block.1, col));
    let of_received = |value: Decimal, formula: String| Cell {
        value: Value::Number(value),
        formula: Some(formula),
    };
    let (received, remaining, spent_rate, rate) = match &row.of_received {
        None => (none(), none(), none(), none()),
        Some(o) => {
            let rate_of = |part: &str| format!("=IF({d}=0,0,ROUND({part}/{d}*100,2))");
            let received = Cell {
                value: Value::Number(o.received),
                formula: sum_of_children(3),
            };
            if row.mixed {
                // Some plans below report no `received`: only the activity rows that do
                // count (their `–` cells are text, which SUM and SUMIFS pass over).
                let activities = format!("{},\"<>\"", range(1));
                (
                    received,
                    of_received(
                        o.remaining_of_received(),
                        format!("=SUMIFS({},{activities})", range(6)),
                    ),
                    of_received(
                        round_rate(o.spent_rate_of_received()),
                        rate_of(&format!("({d}-{g})")),
                    ),
                    of_received(
                        round_rate(o.disbursement_rate_of_received()),
                        rate_of(&format!(
                            "SUMIFS({},{activities},{},\">=0\")",
                            range(5),
                            range(3)
                        )),
                    ),
                )
            } else {
                (
                    received,
                    of_received(o.remaining_of_received(), format!("={d}-{e}")),
                    of_received(round_rate(o.spent_rate_of_received()), rate_of(&e)),
                    of_received(round_rate(o.disbursement_rate_of_received()), rate_of(&f)),
                )
            }
        }
    };
    [
        text(name_with_code(row)),
        text(
            row.budget_type
                .map(budget_type_name)
                .unwrap_or_default()
                .to_string(),
        ),
        figure(a.allocation, 2),
        received,
        figure(a.spent(), 4),
        figure(a.disbursed, 5),
        remaining,
        spent_rate,
        rate,
    ]
}

/// A rate as the sheet holds it: rounded to 2 decimals, as `ROUND(…, 2)` gives it.
fn round_rate(rate: Decimal) -> Decimal {
    crate::compute::round2(rate)
}

/// `SUM(a,b,…)`, nested when there are more than Excel's 255 arguments.
fn sum(refs: &[String]) -> String {
    const MAX_ARGUMENTS: usize = 255;
    if refs.len() <= MAX_ARGUMENTS {
        return format!("SUM({})", refs.join(","));
    }
    let parts: Vec<String> = refs.chunks(MAX_ARGUMENTS).map(sum).collect();
    sum(&parts)
}

/// The workbook's bytes; `created` (Unix seconds) is its creation time, so two builds of
/// the same content give the same bytes.
pub fn workbook(register: &Register<'_>, created: i64) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(title(register))
            .set_company(register.office_name)
            .set_creation_datetime(&ExcelDateTime::from_timestamp(created)?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(register.month.to_string())?;
    write_sheet(sheet, register)?;
    book.save_to_buffer()
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(14)
}

fn write_sheet(sheet: &mut Worksheet, register: &Register<'_>) -> Result<(), XlsxError> {
    let last_col = u16::try_from(HEADERS.len() - 1).unwrap_or(8);
    let title_format = base()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let lines = [
        title(register),
        register.office_name.to_string(),
        as_at(register.month),
    ];
    for (row, line) in (0u32..).zip(&lines) {
        sheet.merge_range(row, 0, row, last_col, line, &title_format)?;
    }
    write_headers(sheet, last_col)?;
    let text = base().set_border(FormatBorder::Thin);
    let bold_text = text.clone().set_bold();
    let figure = base()
        .set_border(FormatBorder::Thin)
        .set_num_format(NUMBER_FORMAT);
    let bold_figure = figure.clone().set_bold();
    let centred = text.clone().set_align(FormatAlign::Center);
    for (index, row) in register.rows.iter().enumerate() {
        let r = FIRST_ROW + u32::try_from(index).unwrap_or(0);
        let bold = matches!(row.kind, RowKind::Total | RowKind::Program);
        let (text_format, figure_format) = if bold {
            (&bold_text, &bold_figure)
        } else {
            (&text, &figure)
        };
        for (col, c) in (0u16..).zip(row_cells(register, index)) {
            let format = match (&c.value, col) {
                (Value::Text(_), 0) => &text_format.clone().set_indent(indent(row)).set_text_wrap(),
                (Value::Text(_), _) => &centred,
                (Value::Number(_), _) => figure_format,
            };
            match (c.value, c.formula) {
                (Value::Number(v), Some(formula)) => {
                    sheet.write_formula_with_format(
                        r,
                        col,
                        Formula::new(formula).set_result(money(v)),
                        format,
                    )?;
                }
                (Value::Number(v), None) => {
                    sheet.write_number_with_format(r, col, number(v), format)?;
                }
                // An empty cell stays blank, so `SUMIFS(…,"<>")` passes over it.
                (Value::Text(t), _) if t.is_empty() => {
                    sheet.write_blank(r, col, format)?;
                }
                (Value::Text(t), _) => {
                    sheet.write_string_with_format(r, col, t, format)?;
                }
            }
        }
    }
    sheet.set_column_width(0, 60)?;
    sheet.set_column_width(1, 14)?;
    for col in 2..=6 {
        sheet.set_column_width(col, 17)?;
    }
    sheet.set_column_width(7, 11)?;
    sheet.set_column_width(8, 11)?;
    sheet.set_freeze_panes(FIRST_ROW, 1)?;
    sheet.set_repeat_rows(HEADER_ROW, FIRST_ROW - 1)?;
    sheet.set_landscape();
    // 9: A4.
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer("&Cหน้า &P / &N");
    Ok(())
}

fn indent(row: &Row<'_>) -> u8 {
    u8::try_from(row.depth.min(8)).unwrap_or(8)
}

fn write_headers(sheet: &mut Worksheet, last_col: u16) -> Result<(), XlsxError> {
    let header = base()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_background_color(0xE7E6E6);
    let (top, bottom) = (HEADER_ROW, HEADER_ROW + 1);
    let mut col = 0u16;
    while col <= last_col {
        let (first, second) = HEADERS[usize::from(col)];
        if second.is_empty() {
            sheet.merge_range(top, col, bottom, col, first, &header)?;
            col += 1;
        } else {
            // Two columns share the first line.
            sheet.merge_range(top, col, top, col + 1, first, &header)?;
            sheet.write_string_with_format(bottom, col, second, &header)?;
            sheet.write_string_with_format(
                bottom,
                col + 1,
                HEADERS[usize::from(col) + 1].1,
                &header,
            )?;
            col += 2;
        }
    }
    sheet.set_row_height(top, 24)?;
    sheet.set_row_height(bottom, 24)?;
    Ok(())
}

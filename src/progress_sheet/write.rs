//! `planbook new progress PLAN --month M --xlsx`: the month's entry as a workbook to fill
//! in: every budget line, task and KPI on its own row with its Thai name and id (locked),
//! the cells to fill (unlocked, yellow, checked as numbers), the narrative and problems.
//! Prefilled as `new progress` prefills its YAML: flows at 0, stocks at their last value.

use super::layout::{
    self, COMMITTED_COL, DISBURSED_COL, FIRST_ROW, HEADER_ROW, HEADERS, ID_COL, KIND_COL, KPI_COL,
    META_ROW, NAME_COL, NOTE_COL, OUTPUT_COL, RECEIVED_COL, RowKind,
};
use crate::check;
use crate::export::excel_number as number;
use crate::model::{Month, Plan};
use crate::scaffold::ScaffoldError;
use crate::scaffold::progress::{EntryValues, entry_place};
use crate::thai;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::{Path, PathBuf};

const FONT: &str = "TH SarabunPSK";
const FILL: u32 = 0xFFF2CC;

/// Writes the workbook of `plan_id`'s entry of `month` to `output` (by default
/// `<office>-<activity>-<B.E. month>.xlsx` in the current folder); returns its path.
pub fn new_progress_workbook(
    content_dir: &Path,
    plan_id: &str,
    month: Month,
    output: Option<PathBuf>,
) -> Result<PathBuf, ScaffoldError> {
    let checked = check::check(content_dir).map_err(|e| ScaffoldError::Invalid(e.to_string()))?;
    let (plan, _) = entry_place(&checked, content_dir, plan_id, month)?;
    let path = output.unwrap_or_else(|| PathBuf::from(layout::file_name(plan, month)));
    if path.exists() {
        return Err(ScaffoldError::Exists(path));
    }
    let bytes = workbook(plan, month, &EntryValues::blank(plan, month))
        .map_err(|e| ScaffoldError::Invalid(crate::tr!("cannot-make-workbook", reason = e)))?;
    crate::output::write_file(&path, &bytes)
        .map_err(|e| ScaffoldError::Io(path.clone(), std::io::Error::other(e.to_string())))?;
    Ok(path)
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(14)
}

/// The workbook's bytes, prefilled with `values`.
pub fn workbook(plan: &Plan, month: Month, values: &EntryValues) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time: the same plan and month give the same file.
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(format!("รายงานผลการดำเนินงานประจำเดือน {month}"))
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_timestamp(
                crate::register::creation_time(month),
            )?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(format!("{}-{:02}", month.be_year(), month.month))?;
    write_sheet(sheet, plan, month, values)?;
    book.save_to_buffer()
}

fn write_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    month: Month,
    values: &EntryValues,
) -> Result<(), XlsxError> {
    let title = base().set_bold().set_font_size(16);
    let locked = base().set_border(FormatBorder::Thin).set_text_wrap();
    let header = locked
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(0xE7E6E6);
    let fill = base()
        .set_border(FormatBorder::Thin)
        .set_unlocked()
        .set_background_color(FILL)
        .set_num_format("#,##0.00");
    let fill_text = base()
        .set_border(FormatBorder::Thin)
        .set_unlocked()
        .set_background_color(FILL)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    sheet.write_string_with_format(
        0,
        0,
        format!(
            "แบบรายงานผลการดำเนินงานประจำเดือน{}",
            thai::month_full(month, false)
        ),
        &title,
    )?;
    sheet.write_string_with_format(
        1,
        0,
        format!("{} — {}", plan.activity, plan.office_name),
        &base(),
    )?;
    sheet.write_string_with_format(META_ROW, 0, "แผน", &base().set_bold())?;
    sheet.write_string_with_format(META_ROW, ID_COL, plan.id.to_string(), &base())?;
    sheet.write_string_with_format(META_ROW, NAME_COL, "เดือน", &base().set_bold())?;
    sheet.write_string_with_format(META_ROW, DISBURSED_COL, month.to_string(), &base())?;
    sheet.write_string_with_format(
        META_ROW + 1,
        0,
        "กรอกเฉพาะช่องสีเหลือง (ตัวเลขไม่มีทศนิยมเกิน 2 ตำแหน่ง) แล้วนำเข้าด้วยคำสั่ง planbook import ชื่อไฟล์.xlsx",
        &base().set_italic(),
    )?;
    for (col, text) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(HEADER_ROW, col, text, &header)?;
    }
    let rows = layout::rows(plan);
    for (r, row) in (FIRST_ROW..).zip(&rows) {
        sheet.write_string_with_format(r, KIND_COL, row.kind.label(), &locked)?;
        sheet.write_string_with_format(r, ID_COL, row.id, &locked)?;
        if matches!(row.kind, RowKind::Narrative | RowKind::Problems) {
            let text = match row.kind {
                RowKind::Narrative => &values.narrative,
                _ => &values.problems,
            };
            sheet.merge_range(r, NAME_COL, r, NOTE_COL, text, &fill_text)?;
            sheet.set_row_height(r, 120)?;
            continue;
        }
        sheet.write_string_with_format(r, NAME_COL, row.name, &locked)?;
        for col in DISBURSED_COL..=KPI_COL {
            if !row.kind.columns().contains(&col) {
                sheet.write_blank(r, col, &locked)?;
            }
        }
        let (note, filled): (String, Vec<(u16, Option<Decimal>)>) = match row.kind {
            RowKind::Line(i) => (
                format!(
                    "วงเงิน {} บาท",
                    thai::baht(plan.budget.nodes[i].amount.unwrap_or_default())
                ),
                vec![
                    (DISBURSED_COL, Some(values.disbursed[i])),
                    (COMMITTED_COL, Some(values.committed[i])),
                    (RECEIVED_COL, values.received[i]),
                ],
            ),
            RowKind::Task(i) => {
                let task = &plan.tasks[i];
                (
                    format!("{} · เป้าหมาย {}", task.unit, task.target.normalize()),
                    vec![(OUTPUT_COL, Some(values.tasks[i]))],
                )
            }
            RowKind::Kpi(i) => {
                let kpi = plan.all_kpis().nth(i);
                (
                    kpi.map(|k| format!("{} · เป้าหมาย {}", k.unit, k.target.normalize()))
                        .unwrap_or_default(),
                    vec![(KPI_COL, values.kpis[i])],
                )
            }
            RowKind::Narrative | RowKind::Problems => (String::new(), Vec::new()),
        };
        for (col, value) in filled {
            match value {
                Some(v) => sheet.write_number_with_format(r, col, number(v), &fill)?,
                None => sheet.write_blank(r, col, &fill)?,
            };
        }
        sheet.write_string_with_format(r, NOTE_COL, note, &locked)?;
    }
    let last = FIRST_ROW + u32::try_from(rows.len()).unwrap_or(0);
    let numbers = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title("ตัวเลข")?
        .set_error_message("กรอกเป็นตัวเลข ไม่ติดลบ เช่น 1234.50")?;
    sheet.add_data_validation(FIRST_ROW, DISBURSED_COL, last, OUTPUT_COL, &numbers)?;
    let any_number = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title("ตัวเลข")?
        .set_error_message("กรอกค่าตัวชี้วัดเป็นตัวเลข")?;
    sheet.add_data_validation(FIRST_ROW, KPI_COL, last, KPI_COL, &any_number)?;
    sheet.set_column_width(KIND_COL, 11)?;
    sheet.set_column_width(ID_COL, 16)?;
    sheet.set_column_width(NAME_COL, 48)?;
    for col in DISBURSED_COL..=KPI_COL {
        sheet.set_column_width(col, 15)?;
    }
    sheet.set_column_width(NOTE_COL, 22)?;
    sheet.set_row_height(HEADER_ROW, 40)?;
    sheet.set_freeze_panes(FIRST_ROW, NAME_COL + 1)?;
    // Ids, names and titles stay as written; only the yellow cells take input.
    sheet.protect();
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

//! `<fy>/offices/<office>/register/<YYYY-MM>/index.html`: an office's register of a month as
//! a page, the same rows and cells as its workbook (`register::xlsx::row_cells`).

use super::SiteContext;
use super::common::{Crumb, Layout};
use crate::export::money;
use crate::register::Register;
use crate::register::rows::RowKind;
use crate::register::xlsx::{self, HEADERS, Value};
use crate::render::paths;
use serde::Serialize;

#[derive(Serialize)]
pub struct RegisterView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub heading: String,
    pub office: &'a str,
    pub as_at: String,
    /// The first header line: (text, columns spanned, rows spanned).
    pub headers: Vec<(&'static str, usize, usize)>,
    /// The second header line, under the headers spanning two columns.
    pub subheaders: Vec<&'static str>,
    pub rows: Vec<RegisterRowView>,
    pub workbook: String,
    pub office_href: String,
    pub report_href: String,
}

#[derive(Serialize)]
pub struct RegisterRowView {
    /// `total`, `program`, `activity` or `line`.
    pub kind: &'static str,
    pub depth: usize,
    /// Name (and code), budget type, then seven figures (exact strings) or `None` for "–".
    pub name: String,
    pub budget_type: String,
    pub money: Vec<Option<String>>,
    pub rates: Vec<Option<String>>,
}

pub fn register_page<'a>(ctx: &'a SiteContext<'a>, register: &Register<'a>) -> RegisterView<'a> {
    let fy = register.fiscal_year;
    let mut crumbs = vec![
        Crumb::new("หน้าหลัก", paths::dashboard()),
        Crumb::new(format!("ปีงบประมาณ {}", fy.0), paths::year(fy)),
        Crumb::new("หน่วยงาน", paths::offices(fy)),
    ];
    crumbs.push(Crumb::new(
        register.office_name,
        paths::office(fy, register.office),
    ));
    let mut headers = Vec::new();
    let mut subheaders = Vec::new();
    let mut col = 0;
    while col < HEADERS.len() {
        let (first, second) = HEADERS[col];
        if second.is_empty() {
            headers.push((first, 1, 2));
            col += 1;
        } else {
            headers.push((first, 2, 1));
            subheaders.extend([second, HEADERS[col + 1].1]);
            col += 2;
        }
    }
    let rows = (0..register.rows.len())
        .map(|index| {
            let row = &register.rows[index];
            let cells = xlsx::row_cells(register, index);
            let figure = |c: &xlsx::Cell| match &c.value {
                Value::Number(v) => Some(money(*v)),
                Value::Text(_) => None,
            };
            let text = |c: &xlsx::Cell| match &c.value {
                Value::Text(t) => t.clone(),
                Value::Number(v) => money(*v),
            };
            RegisterRowView {
                kind: match row.kind {
                    RowKind::Total => "total",
                    RowKind::Program => "program",
                    RowKind::Activity => "activity",
                    RowKind::Line => "line",
                },
                depth: row.depth,
                name: text(&cells[0]),
                budget_type: text(&cells[1]),
                money: cells[2..7].iter().map(figure).collect(),
                rates: cells[7..9].iter().map(figure).collect(),
            }
        })
        .collect();
    RegisterView {
        layout: ctx.layout(
            paths::register(fy, register.office, register.month),
            format!("ทะเบียนคุม {} {}", register.office_name, register.month),
            "offices",
            crumbs,
        ),
        heading: xlsx::title(register),
        office: register.office_name,
        as_at: xlsx::as_at(register.month),
        headers,
        subheaders,
        rows,
        workbook: crate::register::workbook_path(fy, register.month, register.office),
        office_href: paths::office(fy, register.office),
        report_href: paths::report(fy, register.month),
    }
}

//! Where every page lives in the output folder, and how a page links to the others.
//!
//! Paths are relative to the output folder with `/` separators and always name the file
//! (`…/index.html`), so links work from `file://` where a folder would show a listing.
//! A page prefixes them with its `root` (`../../`), so the site works under any sub-path.

use crate::model::{FiscalYear, Month, PlanId};
use std::collections::BTreeMap;

/// The longest file name Linux, macOS and Windows file systems take, in bytes.
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// The temporary beside `name` while an incremental rebuild writes it in place.
pub fn in_place_temporary(name: &str, pid: u32) -> String {
    format!(".{name}.planbook-{pid}")
}

/// The temporary beside `name` while a single file (`planbook report`'s, say) is written.
pub fn file_temporary(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// The file name of an email report of an office (`activity` `None`) or of one plan, for
/// `month`: `รายงาน-samut-prakan-2023-03.html`, `รายงาน-samut-prakan-debt-relief-2023-03.html`.
pub fn report_file_name(office: &str, activity: Option<&str>, month: Month) -> String {
    match activity {
        None => format!("รายงาน-{office}-{month}.html"),
        Some(activity) => format!("รายงาน-{office}-{activity}-{month}.html"),
    }
}

/// A plan's document printed to PDF by `planbook pdf`: `2566-samut-prakan-debt-relief.pdf`.
pub fn pdf_file_name(id: &PlanId) -> String {
    format!("{}-{}-{}.pdf", id.fiscal_year, id.office, id.activity)
}

/// Whether `name` is a plain folder name, so `themes/<name>` stays inside `themes/`: not
/// empty, not hidden (nor `.`/`..`), no separator, drive colon or control character.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control())
}

pub fn dashboard() -> String {
    "index.html".into()
}

pub fn year(fy: FiscalYear) -> String {
    format!("{fy}/index.html")
}

pub fn offices(fy: FiscalYear) -> String {
    format!("{fy}/offices/index.html")
}

pub fn office(fy: FiscalYear, office: &str) -> String {
    format!("{fy}/offices/{office}/index.html")
}

pub fn plan(id: &PlanId) -> String {
    format!(
        "{}/plans/{}/{}/index.html",
        id.fiscal_year, id.office, id.activity
    )
}

/// The printable plan document printed to PDF (`build --pdf`), beside it.
pub fn plan_document_pdf(id: &PlanId) -> String {
    format!(
        "{}/plans/{}/{}/plan.pdf",
        id.fiscal_year, id.office, id.activity
    )
}

/// The printable plan document, written by the document stage.
pub fn plan_document(id: &PlanId) -> String {
    format!(
        "{}/plans/{}/{}/plan.html",
        id.fiscal_year, id.office, id.activity
    )
}

pub fn reports(fy: FiscalYear) -> String {
    format!("{fy}/reports/index.html")
}

pub fn report(fy: FiscalYear, month: Month) -> String {
    format!("{fy}/reports/{month}/index.html")
}

/// An office's email report of a month, beside the month's report page. The file name ends
/// with the month, so no office id can make it `index.html`.
pub fn report_download(fy: FiscalYear, month: Month, office: &str) -> String {
    format!("{fy}/reports/{month}/{office}-{month}.html")
}

/// An office's register of a month (ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณ).
pub fn register(fy: FiscalYear, office: &str, month: Month) -> String {
    format!("{fy}/offices/{office}/register/{month}/index.html")
}

pub fn page(slug: &str) -> String {
    format!("pages/{slug}/index.html")
}

/// The page a server shows for a missing file (nginx `error_page 404 /404.html;`).
pub const NOT_FOUND: &str = "404.html";

pub fn not_found() -> String {
    NOT_FOUND.into()
}

pub fn stylesheet() -> String {
    "static/css/site.css".into()
}

/// The groupings of a year's plans that have pages of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// แผนงาน
    Program,
    /// โครงการ
    Project,
    /// ยุทธศาสตร์ชาติ
    Strategy,
}

impl GroupKind {
    pub const ALL: [GroupKind; 3] = [GroupKind::Program, GroupKind::Project, GroupKind::Strategy];

    pub fn folder(self) -> &'static str {
        match self {
            GroupKind::Program => "programs",
            GroupKind::Project => "projects",
            GroupKind::Strategy => "strategies",
        }
    }
}

pub fn groups(fy: FiscalYear, kind: GroupKind) -> String {
    format!("{fy}/{}/index.html", kind.folder())
}

pub fn group(fy: FiscalYear, kind: GroupKind, slug: &str) -> String {
    format!("{fy}/{}/{slug}/index.html", kind.folder())
}

/// The prefix that leads from a page back to the output folder: `""`, `"../"`, …
pub fn root(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// Stable, short slugs for Thai names: 8 hex digits of the name's FNV-1a hash, so adding a
/// program does not move the others' pages. A collision gets `-2`, `-3` in name order.
pub fn slugs<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut sorted: Vec<&str> = names.into_iter().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for name in sorted {
        let base = format!("{:08x}", fnv1a(name.as_bytes()) >> 32);
        let count = taken.entry(base.clone()).or_insert(0);
        *count += 1;
        let slug = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        out.insert(name.to_string(), slug);
    }
    out
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root("index.html"), "");
        assert_eq!(root("2566/index.html"), "../");
        assert_eq!(
            root("2566/plans/samut-prakan/debt-relief/index.html"),
            "../../../../"
        );
    }

    #[test]
    fn slugs_are_stable_and_distinct() {
        let a = slugs(["แผนงานยุทธศาสตร์", "แผนงานพื้นฐาน"]);
        let b = slugs(["แผนงานพื้นฐาน"]);
        assert_eq!(a["แผนงานพื้นฐาน"], b["แผนงานพื้นฐาน"]);
        assert_ne!(a["แผนงานยุทธศาสตร์"], a["แผนงานพื้นฐาน"]);
        assert!(
            a.values()
                .all(|s| s.len() == 8 && s.chars().all(|c| c.is_ascii_hexdigit()))
        );
    }
}

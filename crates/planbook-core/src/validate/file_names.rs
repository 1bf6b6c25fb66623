//! How long an office or activity folder name may be: every file name it takes part in
//! (pages, plan documents, the data export, the site's email reports, `planbook report`'s
//! file, and the temporary written beside each) must fit in the file system's 255 bytes.
//! `check` asks here, so it refuses at the plan's place what `build` could not write.

use crate::model::PlanId;
use crate::paths;

pub use crate::paths::MAX_FILE_NAME_BYTES;

/// The longest file name (in bytes) the names of plan `id` take part in, temporaries
/// included, for the longest process id.
pub fn longest_file_name(id: &PlanId) -> usize {
    let year = id.fiscal_year;
    let month = year.last_month();
    // Files of the site: staged, or rewritten in place by `serve` beside a temporary.
    let site = [
        paths::office(year, &id.office),
        paths::plan(id),
        paths::plan_document(id),
        paths::report_download(year, month, &id.office),
        crate::export::plan_json_path(id),
        crate::export::plan_csv_path(id),
    ];
    let site_names = site
        .iter()
        .flat_map(|path| path.split('/'))
        .flat_map(|name| [name.len(), paths::in_place_temporary(name, u32::MAX).len()]);
    // `planbook report`'s files, written beside a temporary of their own.
    let reports = [
        paths::report_file_name(&id.office, None, month),
        paths::report_file_name(&id.office, Some(&id.activity), month),
    ];
    let report_names = reports
        .iter()
        .flat_map(|name| [name.len(), paths::file_temporary(name, u32::MAX).len()]);
    site_names.chain(report_names).max().unwrap_or(0)
}

/// How many bytes the names of plan `id` must lose to fit; 0 when they fit.
pub fn excess_bytes(id: &PlanId) -> usize {
    longest_file_name(id).saturating_sub(MAX_FILE_NAME_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FiscalYear;

    fn id(office: usize, activity: usize) -> PlanId {
        PlanId {
            fiscal_year: FiscalYear::parse("2566").expect("a year"),
            office: "o".repeat(office),
            activity: "a".repeat(activity),
        }
    }

    #[test]
    fn the_report_file_with_both_names_and_its_temporary_sets_the_limit() {
        // `.รายงาน-<office>-<activity>-2023-09.html.4294967295.tmp`: รายงาน is 18 bytes.
        let fixed = 1 + 18 + 1 + 1 + 1 + 7 + 5 + 1 + 10 + 4;
        assert_eq!(longest_file_name(&id(10, 20)), 30 + fixed);
        assert_eq!(excess_bytes(&id(100, 255 - fixed - 100)), 0);
        assert_eq!(excess_bytes(&id(100, 255 - fixed - 99)), 1);
        assert_eq!(excess_bytes(&id(243, 1)), 243 + 1 + fixed - 255);
    }
}

//! A month's progress entry as a one-sheet workbook, both ways, for officers who will not
//! edit YAML: `planbook new progress PLAN --month M --xlsx` writes it (`write`), and
//! `planbook import FILE.xlsx` reads it back into the entry `new progress` would write with
//! those numbers (`read`), after the same checks as `planbook check`.
//!
//! `layout` holds what both sides agree on: where the plan and month stand, the columns, and
//! one row per budget line, task and KPI, named by id.

pub mod layout;
pub mod read;
pub mod write;

pub use read::{ImportError, ImportOptions, ImportSummary, import};
pub use write::new_progress_workbook;

//! planbook: Thai government operational plans and monthly progress, from YAML to a
//! static intranet site, printable plan documents and email reports.
//!
//! The data flows one way: load → validate → compute → render → write.

pub mod build;
pub mod cli;
pub mod compute;
pub mod diag;
pub mod export;
pub mod left_out;
pub mod load;
pub mod model;
pub mod output;
pub mod pdf;
pub mod progress_sheet;
pub mod register;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod session;
pub mod site;
pub mod thai;
pub mod timings;
pub mod validate;

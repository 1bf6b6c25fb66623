//! planbook: Thai government operational plans and monthly progress, from YAML to a
//! static intranet site, printable plan documents and email reports.
//!
//! The data flows one way: load → validate → compute → render → write. The first steps
//! (the model, load, validate, compute, export) are the `planbook-core` crate, re-exported
//! here; no module of either crate depends on a module that depends on it (`module_graph`).

pub use planbook_core::{
    compute, diag, export, i18n, load, model, msg, paths, stamp, thai, tr, validate,
};

pub mod build;
pub mod check;
pub mod cli;
pub mod cli_errors;
pub mod commands;
pub mod email;
pub mod left_out;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod progress_sheet;
pub mod register;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod session;
pub mod site;
pub mod timings;

#[cfg(test)]
mod module_graph;

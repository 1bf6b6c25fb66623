//! planbook: Thai government operational plans and monthly progress, from YAML to a
//! static intranet site, printable plan documents and email reports.
//!
//! The data flows one way: load → validate → compute → render → write.

pub mod model;
pub mod thai;

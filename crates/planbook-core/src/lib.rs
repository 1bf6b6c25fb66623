//! planbook's core: the content model, reading and checking the YAML, the figures and the
//! data export, with the names of the output's files. It knows nothing of templates, charts
//! or the server, so validation and figures compile without tera, plotters or axum.
//!
//! The data flows one way: load → validate → compute → export.

pub mod compute;
pub mod diag;
pub mod export;
pub mod i18n;
pub mod load;
pub mod model;
pub mod paths;
pub mod stamp;
pub mod thai;
pub mod validate;

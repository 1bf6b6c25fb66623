//! Render: figures into pages through the theme's tera templates.
//!
//! `views` builds one small borrowed view per page, `paths` says where pages live and how
//! they link, `markdown` makes users' text safe, `theme` compiles the templates once, `assets` versions its static files,
//! `line_breaks` marks where Thai lines may end on every page.

pub mod assets;
pub mod charts;
pub mod document;
pub mod filters;
pub mod line_breaks;
pub mod markdown;
pub mod scan;
pub mod search;
pub use crate::paths;
pub mod theme;
pub mod views;
pub mod woff2_cache;

/// A failure to render a template, naming it.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("template-error", template = template, detail = message))]
pub struct RenderError {
    pub template: String,
    pub message: String,
}

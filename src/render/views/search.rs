//! `search/index.html`: the search page; the theme's `search.js` reads `?q=`, queries the
//! index beside the page and lists what it finds.

use super::SiteContext;
use super::common::{Crumb, Layout};
use crate::render::paths;
use serde::Serialize;

#[derive(Serialize)]
pub struct SearchView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    /// The index script, relative to the page.
    pub index: &'static str,
}

pub fn search_page<'a>(ctx: &'a SiteContext<'a>) -> SearchView<'a> {
    SearchView {
        layout: ctx.layout(
            crate::render::search::PAGE.to_string(),
            "ค้นหา".to_string(),
            "search",
            vec![Crumb::new("หน้าหลัก", paths::dashboard())],
        ),
        index: "index.js",
    }
}

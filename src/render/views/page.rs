//! `pages/<slug>/index.html`: a free page written in Markdown.

use super::SiteContext;
use super::common::{Crumb, Layout};
use crate::model::Page;
use crate::render::{markdown, paths};
use serde::Serialize;

#[derive(Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub layout: Layout<'a>,
    pub description: Option<&'a str>,
    /// Sanitised HTML.
    pub body: String,
}

pub fn free_page<'a>(ctx: &'a SiteContext<'a>, page: &'a Page) -> PageView<'a> {
    PageView {
        layout: ctx.layout(
            paths::page(&page.slug),
            page.title.clone(),
            "page",
            vec![Crumb::new("หน้าหลัก", paths::dashboard())],
        ),
        description: page.description.as_deref(),
        body: markdown::to_html(&page.body),
    }
}

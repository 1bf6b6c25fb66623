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
    /// The body has no heading of its own: the template shows the title.
    pub heading: bool,
}

/// `404.html` at the output's root: a server shows it for a missing page at any depth, so
/// its links start from `base_path` (`/plans/static/…`), not from where it is.
pub fn not_found_page<'a>(ctx: &'a SiteContext<'a>) -> PageView<'a> {
    let mut layout = ctx.layout(
        paths::not_found(),
        "ไม่พบหน้าที่ต้องการ".into(),
        "page",
        Vec::new(),
    );
    layout.root = ctx.content.site.base_path.clone();
    PageView {
        layout,
        description: None,
        body: String::new(),
        heading: true,
    }
}

pub fn free_page<'a>(ctx: &'a SiteContext<'a>, page: &'a Page) -> PageView<'a> {
    let body = markdown::to_html(&page.body);
    PageView {
        layout: ctx.layout(
            paths::page(&page.slug),
            page.title.clone(),
            "page",
            vec![Crumb::new("หน้าหลัก", paths::dashboard())],
        ),
        description: page.description.as_deref(),
        heading: !body.trim_start().starts_with("<h1"),
        body,
    }
}

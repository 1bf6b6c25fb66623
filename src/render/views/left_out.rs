//! The page of what `build --keep-going` left out (`left-out.html`), with its findings.

use super::SiteContext;
use super::common;
use crate::left_out::{LeftOutFile, LeftOutPlan, PAGE};
use crate::render::RenderError;
use crate::render::paths;
use crate::render::theme::Theme;
use serde::Serialize;

/// The summary page's view.
#[derive(Serialize)]
struct LeftOutView<'a> {
    #[serde(flatten)]
    layout: common::Layout<'a>,
    files: &'a [LeftOutFile],
    plans: &'a [LeftOutPlan],
}

/// Renders [`PAGE`], the list of everything left out with its findings.
pub fn page(ctx: &SiteContext<'_>, theme: &Theme) -> Result<String, RenderError> {
    let crumbs = vec![common::Crumb::new("หน้าหลัก", paths::dashboard())];
    let view = LeftOutView {
        layout: ctx.layout(
            PAGE.to_string(),
            "ข้อมูลที่มีข้อผิดพลาดและไม่ได้เผยแพร่".to_string(),
            "left_out",
            crumbs,
        ),
        files: &ctx.left_out.files,
        plans: &ctx.left_out.plans,
    };
    theme.render("left-out.html", &view)
}

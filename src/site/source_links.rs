//! Broken links placed where a person wrote them: `check` renders the site without writing
//! it (see `build::broken_links`), and each link the build would refuse is reported at the
//! Markdown that holds it (a page, a narrative, a plan's conditions), or at the theme.

use super::BrokenLink;
use crate::diag::{Diagnostics, Loc, SourceMap};
use crate::model::Content;
use std::path::{Path, PathBuf};

/// Whether any user text could hold a link (Markdown links need `]`, autolinks and HTML
/// `<`), or a theme of the user's could: when not, no link can break and `check` need not
/// render anything.
pub fn may_link(content: &Content) -> bool {
    let could = |text: &str| text.contains([']', '<']);
    content.site.theme.is_some()
        || content.pages.iter().any(|p| could(&p.body))
        || content.fiscal_years.values().any(|fy| {
            fy.conditions
                .iter()
                .chain(&fy.approval_terms)
                .any(|t| could(t))
        })
        || content.plans.iter().any(|plan| {
            plan.conditions
                .iter()
                .chain(&plan.approval_terms)
                .any(|t| could(t))
                || plan.entries.iter().any(|e| {
                    e.narrative
                        .iter()
                        .chain(&e.problems)
                        .any(|t| could(&t.text()))
                })
        })
}

/// Reports each broken link at the first user file whose text holds it, or at the theme's
/// templates when none does.
pub fn report(
    broken: &[BrokenLink],
    content: &Content,
    content_dir: &Path,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
) {
    for link in broken {
        let message = if link.external {
            crate::msg!("link-leaves-site", href = &link.href, page = &link.page)
        } else {
            crate::msg!("link-broken", href = &link.href, page = &link.page)
        };
        let at = written_at(&link.href, content, content_dir, sources).unwrap_or_else(|| {
            let theme = content.site.theme.as_deref().unwrap_or("default");
            let folder = Path::new("..").join("themes").join(theme).join("templates");
            crate::load::yaml::file_start(sources.add(folder, String::new()))
        });
        diags.error(at, message);
    }
}

/// Where `href` is written in the user's files: the first file (pages, then plans and
/// their entries) whose text holds it, at its line and column.
fn written_at(
    href: &str,
    content: &Content,
    content_dir: &Path,
    sources: &mut SourceMap,
) -> Option<Loc> {
    let holds = |text: &str| text.contains(href);
    let mut candidates: Vec<PathBuf> = content
        .pages
        .iter()
        .filter(|p| holds(&p.body))
        .map(|p| PathBuf::from(format!("pages/{}.md", p.slug)))
        .collect();
    for plan in &content.plans {
        if plan
            .conditions
            .iter()
            .chain(&plan.approval_terms)
            .any(|t| holds(t))
        {
            candidates.extend(sources.path(plan.file).map(Path::to_path_buf));
        }
        for entry in &plan.entries {
            if entry
                .narrative
                .iter()
                .chain(&entry.problems)
                .any(|t| holds(&t.text()))
            {
                candidates.extend(sources.path(entry.file).map(Path::to_path_buf));
            }
        }
    }
    candidates.into_iter().find_map(|relative| {
        let text = std::fs::read_to_string(content_dir.join(&relative)).ok()?;
        let offset = text.find(href)?;
        let before = &text[..offset];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() as u32 + 1;
        let file = sources.add_again(relative);
        sources.set_text(file, text);
        Some(Loc {
            file,
            line,
            col,
            len: href.chars().count().max(1) as u32,
        })
    })
}

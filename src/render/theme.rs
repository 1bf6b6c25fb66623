//! The theme: tera templates embedded in the binary, compiled once per build.

use super::RenderError;
use serde::Serialize;

/// The default theme's templates, embedded so a content folder needs no theme of its own.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "plan.html",
        include_str!("../../themes/default/templates/plan.html"),
    ),
];

pub struct Theme {
    tera: tera::Tera,
}

impl Theme {
    /// The embedded default theme.
    pub fn default_theme() -> Result<Theme, RenderError> {
        let mut tera = tera::Tera::new();
        super::filters::register(&mut tera);
        tera.add_raw_templates(DEFAULT_TEMPLATES.iter().copied())
            .map_err(|e| RenderError {
                template: "(default theme)".into(),
                message: e.to_string(),
            })?;
        Ok(Theme { tera })
    }

    pub fn render<T: Serialize>(&self, template: &str, view: &T) -> Result<String, RenderError> {
        let error = |e: tera::Error| RenderError {
            template: template.to_string(),
            message: e.to_string(),
        };
        let context = tera::Context::from_serialize(view).map_err(error)?;
        self.tera.render(template, &context).map_err(error)
    }
}

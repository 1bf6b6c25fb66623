//! The theme: tera templates and static files. The default theme is embedded in the binary;
//! `theme: NAME` in site.yaml overlays `<content>/../themes/NAME/` on it one file at a time
//! (`templates/**/*.html`, `static/**`). Templates are compiled once per build.

use super::RenderError;
use super::assets::{self, Assets};
use crate::paths::is_plain_name;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The default theme, embedded whole so a content folder needs no theme of its own:
/// `templates/**/*.html` and `static/**`.
static DEFAULT_THEME: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub struct Theme {
    tera: tera::Tera,
    /// Path under `static/` → bytes, the overrides applied.
    statics: BTreeMap<String, Cow<'static, [u8]>>,
    /// The largest output of each template so far: the next one's buffer starts that big,
    /// rather than growing (and being copied) a dozen times on its way to 100 KB.
    sizes: std::sync::Mutex<std::collections::HashMap<String, usize>>,
    /// The versions of the static files (templates link them through `asset(path=…)`).
    assets: Assets,
    /// The WOFF2 fonts made from the theme's TTFs, once (see [`Theme::static_files`]).
    woff2: std::sync::OnceLock<Result<Vec<MadeFile>, RenderError>>,
}

/// A static file planbook makes from the theme's: (path under `static/`, bytes).
type MadeFile = (String, Vec<u8>);

impl Theme {
    /// The embedded default theme alone.
    pub fn default_theme() -> Result<Theme, RenderError> {
        compile(default_templates(), default_statics())
    }

    /// The default theme with `<content>/../themes/<name>/` laid over it, file by file.
    pub fn load(content_dir: &Path, name: Option<&str>) -> Result<Theme, RenderError> {
        let mut templates = default_templates();
        let mut statics = default_statics();
        // Without a `theme:`, a `themes/default/` folder beside the content (this repository's
        // own, say) is laid over the embedded copy, so editing it shows at once.
        {
            let name = name.unwrap_or("default");
            // The checker refuses such a `theme:` at its place; this keeps any caller inside.
            if !is_plain_name(name) {
                return Err(RenderError {
                    template: "(theme)".into(),
                    message: format!("theme `{name}` is not a folder name in themes/"),
                });
            }
            let folder = theme_folder(content_dir, name);
            if !folder.is_dir() {
                if name == "default" {
                    return compile(templates, statics);
                }
                return Err(RenderError {
                    template: folder.display().to_string(),
                    message: format!(
                        "theme `{name}` not found: expected a folder themes/{name}/ beside the content folder"
                    ),
                });
            }
            for (relative, path) in files_under(&folder.join("templates"))? {
                if relative.ends_with(".html") {
                    let text = std::fs::read_to_string(&path).map_err(|e| RenderError {
                        template: path.display().to_string(),
                        message: e.to_string(),
                    })?;
                    templates.insert(relative, Cow::Owned(text));
                }
            }
            for (relative, path) in files_under(&folder.join("static"))? {
                let bytes = std::fs::read(&path).map_err(|e| RenderError {
                    template: path.display().to_string(),
                    message: e.to_string(),
                })?;
                statics.insert(relative, Cow::Owned(bytes));
            }
        }
        compile(templates, statics)
    }

    /// Static files, by path under `static/`.
    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.statics.iter().map(|(k, v)| (k.as_str(), v.as_ref()))
    }

    /// Every file to write under `static/`: the theme's (stylesheets with versioned
    /// `url(…)`s) and the WOFF2 fonts made from its TTFs, made on the first call.
    pub fn static_files(&self) -> Result<Vec<(&str, &[u8])>, RenderError> {
        let made = self.woff2.get_or_init(|| {
            use rayon::prelude::*;
            let derived: Vec<(&str, &str)> = self.assets.derived().collect();
            derived
                .par_iter()
                .map(|(woff2, ttf)| {
                    let bytes = self.statics.get(*ttf).map_or(&[][..], |b| b.as_ref());
                    assets::woff2(bytes)
                        .map(|made| (woff2.to_string(), made))
                        .map_err(|message| RenderError {
                            template: format!("static/{ttf}"),
                            message: format!("cannot make {woff2} of it: {message}"),
                        })
                })
                .collect()
        });
        let made = made.as_ref().map_err(|e| RenderError {
            template: e.template.clone(),
            message: e.message.clone(),
        })?;
        Ok(self
            .statics()
            .chain(made.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
            .collect())
    }

    /// `static/<path>?v=<version>` (from the output's root), or `None` when the theme has
    /// no such static file.
    pub fn asset_url(&self, path: &str) -> Option<String> {
        self.assets.url(path)
    }

    pub fn has_template(&self, template: &str) -> bool {
        self.tera.get_template_names().any(|n| n == template)
    }

    pub fn render<T: Serialize>(&self, template: &str, view: &T) -> Result<String, RenderError> {
        let bytes = self.render_bytes(template, view)?;
        String::from_utf8(bytes).map_err(|e| RenderError {
            template: template.to_string(),
            message: e.to_string(),
        })
    }

    /// [`render`](Self::render) as UTF-8 bytes, for a page that goes to a file as it is. Thai
    /// text is marked for line breaking (`line_breaks`) on every page.
    pub fn render_bytes<T: Serialize>(
        &self,
        template: &str,
        view: &T,
    ) -> Result<Vec<u8>, RenderError> {
        let error = |e: tera::Error| RenderError {
            template: template.to_string(),
            message: error_chain(&e),
        };
        let context = tera::Context::from_serialize(view).map_err(error)?;
        let size = |sizes: &std::collections::HashMap<String, usize>| {
            sizes.get(template).copied().unwrap_or(0)
        };
        let expected = self.sizes.lock().map_or(0, |sizes| size(&sizes));
        let mut html = Vec::with_capacity(expected);
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(error)?;
        let html = match std::str::from_utf8(&html) {
            Ok(text) => super::line_breaks::mark_line_breaks(text).into_bytes(),
            Err(_) => html,
        };
        if html.len() > expected
            && let Ok(mut sizes) = self.sizes.lock()
            && html.len() > size(&sizes)
        {
            sizes.insert(template.to_string(), html.len());
        }
        Ok(html)
    }
}

fn default_templates() -> BTreeMap<String, Cow<'static, str>> {
    embedded_files("templates")
        .filter(|(name, _)| name.ends_with(".html"))
        .filter_map(|(name, bytes)| {
            let text = std::str::from_utf8(bytes).ok()?;
            Some((name, Cow::Borrowed(text)))
        })
        .collect()
}

fn default_statics() -> BTreeMap<String, Cow<'static, [u8]>> {
    embedded_files("static")
        .map(|(name, bytes)| (name, Cow::Borrowed(bytes)))
        .collect()
}

/// Every embedded file under `folder`, by its path relative to it (with `/`).
fn embedded_files(folder: &str) -> impl Iterator<Item = (String, &'static [u8])> {
    fn walk(
        dir: &'static include_dir::Dir<'static>,
        out: &mut Vec<&'static include_dir::File<'static>>,
    ) {
        out.extend(dir.files());
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut files = Vec::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(folder) {
        walk(dir, &mut files);
    }
    let prefix = format!("{folder}/");
    files.into_iter().filter_map(move |file| {
        let path = file.path().to_str()?.replace('\\', "/");
        let name = path.strip_prefix(&prefix)?.to_string();
        Some((name, file.contents()))
    })
}

fn compile(
    templates: BTreeMap<String, Cow<'static, str>>,
    mut statics: BTreeMap<String, Cow<'static, [u8]>>,
) -> Result<Theme, RenderError> {
    let assets = Assets::new(&mut statics);
    let mut tera = tera::Tera::new();
    super::filters::register(&mut tera);
    // `{{ root }}{{ asset(path="css/site.css") }}`: a static file's versioned URL; a path
    // the theme has no file at is an error, so a template cannot link to nothing.
    let versions = assets.clone();
    tera.register_function("asset", move |kwargs: tera::Kwargs, _: &tera::State| {
        let path = kwargs.must_get::<&str>("path")?;
        versions
            .url(path)
            .ok_or_else(|| tera::Error::message(format!("asset(): the theme has no static/{path}")))
    });
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_ref())))
        .map_err(|e| RenderError {
            template: "(theme)".into(),
            message: error_chain(&e),
        })?;
    Ok(Theme {
        tera,
        statics,
        sizes: Default::default(),
        assets,
        woff2: std::sync::OnceLock::new(),
    })
}

/// `<content>/../themes/<name>`.
fn theme_folder(content_dir: &Path, name: &str) -> PathBuf {
    let content = crate::output::absolute(content_dir);
    content
        .parent()
        .map_or_else(|| PathBuf::from("themes"), |p| p.join("themes"))
        .join(name)
}

/// Every file under `folder` (none when it is absent), as (`a/b.ext`, path).
fn files_under(folder: &Path) -> Result<Vec<(String, PathBuf)>, RenderError> {
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.map_err(|e| RenderError {
            template: folder.display().to_string(),
            message: e.to_string(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(folder) else {
            continue;
        };
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.iter().any(|p| p.starts_with('.')) {
            continue;
        }
        out.push((parts.join("/"), entry.path().to_path_buf()));
    }
    Ok(out)
}

/// A tera error with its causes, which hold the file:line:col report.
fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str("\n  ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_folder_overrides_one_file_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        let theme = dir.path().join("themes/mine");
        std::fs::create_dir_all(theme.join("templates")).unwrap();
        std::fs::create_dir_all(theme.join("static/css")).unwrap();
        std::fs::write(theme.join("templates/page.html"), "MINE {{ page.title }}").unwrap();
        std::fs::write(theme.join("static/css/site.css"), "body{}").unwrap();
        std::fs::write(theme.join("static/logo.svg"), "<svg/>").unwrap();
        let theme = Theme::load(&content, Some("mine")).unwrap();
        #[derive(Serialize)]
        struct P {
            title: &'static str,
        }
        #[derive(Serialize)]
        struct V {
            page: P,
        }
        let html = theme
            .render(
                "page.html",
                &V {
                    page: P { title: "x" },
                },
            )
            .unwrap();
        assert_eq!(html, "MINE x");
        assert!(theme.has_template("base.html"));
        let statics: BTreeMap<&str, &[u8]> = theme.statics().collect();
        assert_eq!(statics["css/site.css"], b"body{}");
        assert_eq!(statics["logo.svg"], b"<svg/>");
        assert!(statics.contains_key("fonts/Sarabun-Regular.ttf"));
    }

    #[test]
    fn a_missing_theme_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let error = Theme::load(dir.path(), Some("nope")).err().unwrap();
        assert!(error.message.contains("theme `nope` not found"));
    }

    #[test]
    fn only_a_plain_folder_name_is_a_theme() {
        for name in ["mine", "กรม-2566", "my_theme.v2"] {
            assert!(is_plain_name(name), "{name}");
        }
        for name in [
            "",
            ".",
            "..",
            "../../etc",
            "/etc",
            "a/b",
            ".hidden",
            "..\\x",
            "C:x",
            "a\0b",
            "a\nb",
        ] {
            assert!(!is_plain_name(name), "{name:?}");
        }
        // A theme folder beside `themes/` is not reached even if it exists.
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(dir.path().join("outside/templates")).unwrap();
        let error = Theme::load(&content, Some("../outside")).err().unwrap();
        assert!(
            error.message.contains("not a folder name"),
            "{}",
            error.message
        );
    }
}

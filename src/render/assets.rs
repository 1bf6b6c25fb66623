//! The theme's static files as the site serves them: each with a content version (`?v=` and
//! 10 hex digits of its SHA-256, see [`Assets::url`]), so a server may cache CSS, scripts and
//! fonts for a year and a new build is still fetched; a WOFF2 made (by `ttf2woff2`) from each
//! TTF font the theme has no WOFF2 of, about a third of its size; and stylesheets whose
//! relative `url(…)`s to other static files carry the version of the file they point to.

use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Brotli quality of the WOFF2 fonts: the best (11); a font takes a fraction of a second.
const WOFF2_QUALITY: u8 = 11;

/// The versions of a theme's static files.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// Path under `static/` → its version, for every static file and every derived WOFF2.
    versions: BTreeMap<String, String>,
    /// WOFF2 path → the TTF path it is made from, for the fonts the theme has no WOFF2 of.
    derived: BTreeMap<String, String>,
}

impl Assets {
    /// Versions every file of `statics` (path under `static/` → bytes), rewriting each
    /// stylesheet's `url(…)`s to versioned ones in place first.
    pub fn new(statics: &mut BTreeMap<String, Cow<'static, [u8]>>) -> Assets {
        let mut assets = Assets::default();
        for (path, bytes) in statics.iter() {
            if let Some(stem) = path.strip_suffix(".ttf") {
                let woff2 = format!("{stem}.woff2");
                if !statics.contains_key(&woff2) {
                    // Made from the TTF alone: its version follows the TTF's.
                    assets
                        .versions
                        .insert(woff2.clone(), version(&[b"woff2:", bytes]));
                    assets.derived.insert(woff2, path.clone());
                }
            }
            if !path.ends_with(".css") {
                assets.versions.insert(path.clone(), version(&[bytes]));
            }
        }
        for (path, bytes) in statics.iter_mut() {
            if !path.ends_with(".css") {
                continue;
            }
            if let Ok(css) = std::str::from_utf8(bytes) {
                let rewritten = assets.versioned_css(path, css);
                if rewritten != css {
                    *bytes = Cow::Owned(rewritten.into_bytes());
                }
            }
            assets.versions.insert(path.clone(), version(&[bytes]));
        }
        assets
    }

    /// `static/<path>?v=<version>`, the URL of a static file from the output's root; `None`
    /// for a path the theme has no file at.
    pub fn url(&self, path: &str) -> Option<String> {
        let version = self.versions.get(path)?;
        Some(format!("static/{path}?v={version}"))
    }

    /// The WOFF2 fonts to make, as (WOFF2 path, TTF path) under `static/`.
    pub fn derived(&self) -> impl Iterator<Item = (&str, &str)> {
        self.derived.iter().map(|(w, t)| (w.as_str(), t.as_str()))
    }

    /// `css` (the stylesheet at `path`) with a `?v=` on every relative `url(…)` that leads
    /// to a static file.
    fn versioned_css(&self, path: &str, css: &str) -> String {
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        let mut out = String::with_capacity(css.len() + 256);
        let mut rest = css;
        while let Some(at) = rest.find("url(") {
            let (before, after) = rest.split_at(at + "url(".len());
            out.push_str(before);
            let Some(end) = after.find(')') else {
                rest = after;
                break;
            };
            let inner = &after[..end];
            let quote = inner
                .trim()
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'');
            let target = inner.trim().trim_matches(['"', '\'']);
            match resolve(folder, target).and_then(|p| self.versions.get(&p)) {
                Some(version) if !target.contains('?') => {
                    let q = quote.map(String::from).unwrap_or_default();
                    out.push_str(&format!("{q}{target}?v={version}{q}"));
                }
                _ => out.push_str(inner),
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }
}

/// `target` (a relative URL in a file of `folder`) as a path under `static/`; `None` for an
/// absolute URL, a fragment, a `data:` URI or a path leaving `static/`.
fn resolve(folder: &str, target: &str) -> Option<String> {
    if target.is_empty()
        || target.starts_with(['/', '#'])
        || target.contains(':')
        || target.contains('\\')
    {
        return None;
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// 10 hex digits of the SHA-256 of `parts` one after the other.
fn version(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .take(5)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A TTF font compressed to WOFF2 (its glyphs unchanged); made once for the same TTF and
/// kept in the user's cache folder ([`super::woff2_cache`]), as brotli at quality 11 takes
/// a fraction of a second a font.
pub fn woff2(ttf: &[u8]) -> Result<Vec<u8>, String> {
    let how = format!(
        "ttf2woff2 of planbook {} at brotli quality {WOFF2_QUALITY}",
        env!("CARGO_PKG_VERSION")
    );
    super::woff2_cache::woff2_of(ttf, &how, || {
        ttf2woff2::encode(ttf, ttf2woff2::BrotliQuality::from(WOFF2_QUALITY))
            .map_err(|e| e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statics(files: &[(&str, &str)]) -> BTreeMap<String, Cow<'static, [u8]>> {
        files
            .iter()
            .map(|(p, b)| (p.to_string(), Cow::Owned(b.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn versions_follow_the_content() {
        let mut one = statics(&[("js/sort.js", "a"), ("logo.svg", "<svg/>")]);
        let mut two = statics(&[("js/sort.js", "b"), ("logo.svg", "<svg/>")]);
        let (one, two) = (Assets::new(&mut one), Assets::new(&mut two));
        let url = one.url("js/sort.js").unwrap();
        assert!(url.starts_with("static/js/sort.js?v="), "{url}");
        assert_eq!(url.len(), "static/js/sort.js?v=".len() + 10);
        assert_ne!(url, two.url("js/sort.js").unwrap());
        assert_eq!(one.url("logo.svg"), two.url("logo.svg"));
        assert_eq!(one.url("nope.js"), None);
    }

    #[test]
    fn a_stylesheet_points_at_versioned_files_and_is_versioned_after() {
        let mut files = statics(&[
            ("fonts/A.ttf", "ttf"),
            (
                "css/site.css",
                "src: url(\"../fonts/A.woff2\") format(\"woff2\"), url('../fonts/A.ttf'); \
                 b: url(data:x); c: url(/abs.png); d: url(../missing.png)",
            ),
        ]);
        let assets = Assets::new(&mut files);
        let css = std::str::from_utf8(&files["css/site.css"])
            .unwrap()
            .to_string();
        let woff2 = assets.url("fonts/A.woff2").unwrap();
        let ttf = assets.url("fonts/A.ttf").unwrap();
        let v = |url: &str| url.rsplit_once("?v=").unwrap().1.to_string();
        assert!(
            css.contains(&format!("url(\"../fonts/A.woff2?v={}\")", v(&woff2))),
            "{css}"
        );
        assert!(
            css.contains(&format!("url('../fonts/A.ttf?v={}')", v(&ttf))),
            "{css}"
        );
        assert!(css.contains("url(data:x)") && css.contains("url(/abs.png)"));
        assert!(css.contains("url(../missing.png)"), "{css}");
        assert_ne!(v(&woff2), v(&ttf));
        assert_eq!(
            assets.derived().collect::<Vec<_>>(),
            [("fonts/A.woff2", "fonts/A.ttf")]
        );
        // The stylesheet's own version is that of the rewritten text.
        let mut again = statics(&[("css/site.css", &css)]);
        assert_eq!(
            Assets::new(&mut again).url("css/site.css"),
            assets.url("css/site.css")
        );
    }

    #[test]
    fn a_theme_woff2_is_kept_not_made() {
        let mut files = statics(&[("fonts/A.ttf", "t"), ("fonts/A.woff2", "w")]);
        assert_eq!(Assets::new(&mut files).derived().count(), 0);
    }

    #[test]
    fn the_bundled_font_compresses_to_a_woff2() {
        let ttf = include_bytes!("../../themes/default/static/fonts/Sarabun-Regular.ttf");
        let woff2 = woff2(ttf).unwrap();
        assert_eq!(&woff2[..4], b"wOF2");
        assert!(
            woff2.len() * 2 < ttf.len(),
            "{} of {}",
            woff2.len(),
            ttf.len()
        );
    }
}

//! The Sarabun faces embedded in an email report: subset to what the report shows (the
//! common set of ASCII, Thai and punctuation, or exactly its characters when it shows
//! others), with their Thai shaping kept, compressed to WOFF2 (`render::assets::woff2`, about
//! 45% of the subset) and written as `@font-face` rules with base64 `data:` URIs.
//!
//! Subsetting is skera's (Google Fonts' Rust port of HarfBuzz's hb-subset): it closes the
//! glyph set over GSUB (Thai `ccmp` decompositions, alternate low tone marks) and subsets
//! GDEF and GPOS (`mark`/`mkmk` anchors), so vowels and tone marks still stack in a browser.
//! A subset of Sarabun takes about half a millisecond; identical character sets share one
//! result through a cache, so a site build, whose reports nearly all take the common set,
//! subsets once.

use crate::render::RenderError;
use crate::render::theme::Theme;
use base64::Engine as _;
use read_fonts::FontRef;
use read_fonts::collections::IntSet;
use read_fonts::types::{NameId, Tag};
use skera::{DEFAULT_DROP_TABLES, DEFAULT_LAYOUT_FEATURES, Plan, SubsetFlags, subset_font};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// Always kept, whatever the report shows: both kinds of digits and the punctuation that
/// figures, dates and labels use, so a number typed later in the same style still renders.
pub const ALWAYS: &str = "0123456789๐๑๒๓๔๕๖๗๘๙ .,:;!?()[]{}<>/\\-+=%&#*\"'_–—−…·•‹›“”‘’฿";

const REGULAR_FILE: &str = "Sarabun-Regular.ttf";
const BOLD_FILE: &str = "Sarabun-Bold.ttf";

/// Characters a browser's shaper replaces by others before it asks the font: HarfBuzz's Thai
/// shaper splits SARA AM (ำ) into NIKHAHIT (ํ) and SARA AA (า) and draws those two glyphs,
/// so a subset holding only ำ shows a blank where the ring goes.
const DECOMPOSED: [(char, &str); 1] = [('\u{0E33}', "\u{0E4D}\u{0E32}")];

/// `chars` with [`ALWAYS`] and the characters shapers decompose them into.
pub fn glyph_set(chars: &BTreeSet<char>) -> Vec<char> {
    let mut set: BTreeSet<char> = chars.clone();
    set.extend(ALWAYS.chars());
    for (composed, parts) in DECOMPOSED {
        if set.contains(&composed) {
            set.extend(parts.chars());
        }
    }
    set.into_iter().filter(|c| !c.is_control()).collect()
}

/// Printable ASCII, the Thai block and [`ALWAYS`]: what a Thai report shows.
fn common_set() -> impl Iterator<Item = char> {
    (' '..='~')
        .chain('\u{0E01}'..='\u{0E5B}')
        .chain(ALWAYS.chars())
}

/// Whether `c` is in [`common_set`], or is whitespace or a control (which no font draws).
fn in_common_set(c: char) -> bool {
    c.is_ascii()
        || ('\u{0E01}'..='\u{0E5B}').contains(&c)
        || c.is_whitespace()
        || ALWAYS.contains(c)
}

/// One face of the family: its CSS weight and the whole font file.
struct Face<'a> {
    weight: u16,
    bytes: &'a [u8],
}

/// The faces to embed, and the `@font-face` rules already made, by character set.
pub struct FontEmbedder<'a> {
    faces: Vec<Face<'a>>,
    cache: Mutex<HashMap<Vec<char>, Arc<str>>>,
}

/// A face that skera could not read or subset.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("font-subset-error", weight = weight, detail = message))]
pub struct FontError {
    pub weight: u16,
    pub message: String,
}

impl<'a> FontEmbedder<'a> {
    /// The theme's Sarabun Regular and Bold (`static/fonts/`), overrides applied.
    pub fn from_theme(theme: &'a Theme) -> Result<FontEmbedder<'a>, RenderError> {
        let find = |name: &str| {
            theme
                .statics()
                .find(|(path, _)| *path == format!("fonts/{name}"))
                .map(|(_, bytes)| bytes)
        };
        let regular = find(REGULAR_FILE).ok_or_else(|| RenderError {
            template: "email.html".into(),
            message: format!("the theme has no static/fonts/{REGULAR_FILE} to embed"),
        })?;
        Ok(FontEmbedder::new(regular, find(BOLD_FILE)))
    }

    /// Embeds `regular` (weight 400) and, where given, `bold` (weight 700).
    pub fn new(regular: &'a [u8], bold: Option<&'a [u8]>) -> FontEmbedder<'a> {
        let mut faces = vec![Face {
            weight: 400,
            bytes: regular,
        }];
        faces.extend(bold.map(|bytes| Face { weight: 700, bytes }));
        FontEmbedder {
            faces,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The `@font-face` rules for a report showing `chars` (see [`glyph_set`]).
    pub fn font_faces(&self, chars: &BTreeSet<char>) -> Result<Arc<str>, FontError> {
        let key = glyph_set(chars);
        if let Some(css) = self.cached(&key) {
            return Ok(css);
        }
        let mut css = String::new();
        for face in &self.faces {
            let woff2 = subset(face.bytes, &key)
                .and_then(|subset| crate::render::assets::woff2(&subset))
                .map_err(|message| FontError {
                    weight: face.weight,
                    message,
                })?;
            css.push_str(&font_face(face.weight, &woff2));
        }
        let css: Arc<str> = Arc::from(css);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, Arc::clone(&css));
        }
        Ok(css)
    }

    /// The `@font-face` rules for the rendered report `html`. Nearly every report shows only
    /// characters of the common set (ASCII, Thai and [`ALWAYS`]); those share one subset of
    /// that whole set, made once per build, and cost a pass over the file's characters
    /// instead of a subset each. A report showing anything else gets a subset of exactly
    /// what it shows ([`shown_chars`](super::text::shown_chars)).
    pub fn font_faces_for(&self, html: &str) -> Result<Arc<str>, FontError> {
        self.font_faces(&chars_for(html))
    }

    fn cached(&self, key: &[char]) -> Option<Arc<str>> {
        self.cache.lock().ok()?.get(key).cloned()
    }
}

/// The characters the fonts of the rendered report `html` are cut to (before [`glyph_set`]):
/// the whole common set when it shows nothing else, else exactly what it shows.
pub fn chars_for(html: &str) -> BTreeSet<char> {
    if html.chars().all(in_common_set) {
        common_set().collect()
    } else {
        super::text::shown_chars(html)
    }
}

/// One `@font-face` rule with the WOFF2 font inline.
fn font_face(weight: u16, woff2: &[u8]) -> String {
    format!(
        "@font-face{{font-family:\"Sarabun\";font-style:normal;font-weight:{weight};src:url(data:font/woff2;base64,{})format(\"woff2\")}}\n",
        base64::engine::general_purpose::STANDARD.encode(woff2)
    )
}

/// The features that draw fractions, and the one character that turns them on: a browser
/// applies them around U+2044 only (no report asks for `diagonal-fractions`), so without it
/// their numerator and denominator glyphs are never shown and stay out of the subset.
const FRACTION_FEATURES: [Tag; 3] = [Tag::new(b"frac"), Tag::new(b"numr"), Tag::new(b"dnom")];
const FRACTION_SLASH: char = '\u{2044}';

/// `font` cut down to the glyphs of `chars` and those its layout rules reach from them.
pub fn subset(font: &[u8], chars: &[char]) -> Result<Vec<u8>, String> {
    let font = FontRef::new(font).map_err(|e| e.to_string())?;
    let mut unicodes = IntSet::<u32>::empty();
    unicodes.extend(chars.iter().map(|&c| u32::from(c)));
    let drop_tables: IntSet<Tag> = DEFAULT_DROP_TABLES.iter().copied().collect();
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let features: IntSet<Tag> = DEFAULT_LAYOUT_FEATURES
        .iter()
        .copied()
        .filter(|tag| chars.contains(&FRACTION_SLASH) || !FRACTION_FEATURES.contains(tag))
        .collect();
    // Family, style and copyright (0–6), and the licence (13, 14): the OFL asks for them.
    let mut names = IntSet::<NameId>::empty();
    names.insert_range(NameId::from(0)..=NameId::from(6));
    names.insert_range(NameId::from(13)..=NameId::from(14));
    let mut languages = IntSet::<u16>::empty();
    languages.insert(0x0409);
    let plan = Plan::new(
        &IntSet::empty(),
        &unicodes,
        &font,
        SubsetFlags::SUBSET_FLAGS_NO_HINTING,
        &drop_tables,
        &scripts,
        &features,
        &names,
        &languages,
    );
    subset_font(&font, &plan).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use read_fonts::TableProvider;

    static REGULAR: &[u8] = include_bytes!("../../themes/default/static/fonts/Sarabun-Regular.ttf");

    #[test]
    fn subset_keeps_thai_layout_and_every_character() {
        let text = "ที่นี่ปั้นผู้ใหญ่ ฐูญู ฤๅ กำ ๒๕๖๖";
        let chars: Vec<char> = text.chars().collect();
        let small = subset(REGULAR, &chars).unwrap();
        assert!(small.len() < REGULAR.len() / 3, "{}", small.len());
        let font = FontRef::new(&small).unwrap();
        for tag in [b"GSUB", b"GPOS", b"GDEF", b"cmap", b"glyf"] {
            assert!(
                font.table_data(Tag::new(tag)).is_some(),
                "{} dropped",
                String::from_utf8_lossy(tag)
            );
        }
        let cmap = font.cmap().unwrap();
        for c in chars {
            assert!(cmap.map_codepoint(c).is_some(), "{c} missing");
        }
        assert!(cmap.map_codepoint('Z').is_none());
    }

    #[test]
    fn fraction_glyphs_come_only_with_the_fraction_slash() {
        let glyphs = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let small = subset(REGULAR, &chars).unwrap();
            FontRef::new(&small).unwrap().maxp().unwrap().num_glyphs()
        };
        let digits = glyphs("0123456789/");
        let with_slash = glyphs("0123456789/\u{2044}");
        // More than the slash itself: the fraction forms its features draw.
        assert!(with_slash > digits + 1, "{digits} {with_slash}");
    }

    #[test]
    fn sara_am_brings_the_parts_browsers_draw_it_with() {
        let set = glyph_set(&"ดำ".chars().collect());
        assert!(set.contains(&'\u{0E4D}') && set.contains(&'\u{0E32}'));
        assert!(set.contains(&'๙') && set.contains(&'%'));
        let plain = glyph_set(&"ดา".chars().collect());
        assert!(!plain.contains(&'\u{0E4D}'));
    }

    #[test]
    fn font_faces_are_data_uris_and_cached() {
        let fonts = FontEmbedder::new(REGULAR, None);
        let chars: BTreeSet<char> = "ก่อหนี้".chars().collect();
        let a = fonts.font_faces(&chars).unwrap();
        let b = fonts.font_faces(&chars).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(a.starts_with("@font-face{font-family:\"Sarabun\""), "{a}");
        assert!(a.contains("src:url(data:font/woff2;base64,"));
        assert_eq!(a.matches("@font-face").count(), 1);
    }

    #[test]
    fn thai_reports_share_one_subset_and_others_get_their_own() {
        let fonts = FontEmbedder::new(REGULAR, None);
        let a = fonts
            .font_faces_for("<p>ผลการเบิกจ่าย ๒๕๖๖ · 93.65%</p>")
            .unwrap();
        let b = fonts.font_faces_for("<h1>ก่อหนี้ผูกพัน</h1><p>Q2</p>").unwrap();
        assert!(Arc::ptr_eq(&a, &b), "two Thai reports, one subset");
        let common: BTreeSet<char> = common_set().collect();
        assert!(Arc::ptr_eq(&a, &fonts.font_faces(&common).unwrap()));
        // A character outside the common set: the report's own characters, that one too.
        let html = "<p>ร้านกาแฟ café</p>";
        let own = fonts.font_faces_for(html).unwrap();
        assert!(!Arc::ptr_eq(&a, &own));
        let exact = fonts
            .font_faces(&crate::email::text::shown_chars(html))
            .unwrap();
        assert!(Arc::ptr_eq(&own, &exact));
    }

    #[test]
    fn a_broken_font_is_an_error_not_a_panic() {
        let fonts = FontEmbedder::new(b"not a font", None);
        let error = fonts.font_faces(&BTreeSet::new()).unwrap_err();
        assert_eq!(error.weight, 400);
    }
}

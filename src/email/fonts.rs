//! The Sarabun faces embedded in an email report, each subset to what the report shows in
//! it: the regular face to every character of the report, the bold face to the characters
//! of its bold text (`text::shown`), with their Thai shaping kept, compressed to WOFF2 and
//! written as `@font-face` rules with base64 `data:` URIs.
//!
//! Subsetting is skera's (Google Fonts' Rust port of HarfBuzz's hb-subset): it closes the
//! glyph set over GSUB (Thai `ccmp` decompositions, alternate low tone marks) and subsets
//! GDEF and GPOS (`mark`/`mkmk` anchors), so vowels and tone marks still stack in a browser.
//! Every report gets its own two subsets, so they are compressed quickly rather than as
//! small as brotli can: quality 5 with the WOFF2 `glyf` transform takes under a millisecond
//! for a report's subset and is 4% larger than quality 11, which takes thirty times longer.
//! Reports showing the same characters in a face share its rule through a cache: in a site
//! build of 300 plans, the 1,848 faces of 924 reports are 345 different subsets.

use crate::render::RenderError;
use crate::render::theme::Theme;
use base64::Engine as _;
use read_fonts::FontRef;
use read_fonts::collections::IntSet;
use read_fonts::types::{NameId, Tag};
use skera::{DEFAULT_DROP_TABLES, DEFAULT_LAYOUT_FEATURES, Plan, SubsetFlags, subset_font};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// Always kept in both faces, whatever the report shows: what a browser draws with the
/// page's font without it being in the text (the space between words, the numbers and
/// bullets of list markers).
pub const ALWAYS: &str = " \u{a0}0123456789.•";

const REGULAR_FILE: &str = "Sarabun-Regular.ttf";
const BOLD_FILE: &str = "Sarabun-Bold.ttf";

/// The brotli quality of the reports' WOFF2 subsets (see the module's note).
const QUALITY: u8 = 5;

/// The largest subset given the WOFF2 `glyf` transform: a decoder rebuilds `glyf` with its
/// own padding, and a font whose rebuilt table outgrew the short `loca` offsets of the
/// original would be refused; under 64 KiB, with at most 3 bytes of padding a glyph of 12
/// or more, it stays far below their 128 KiB.
const TRANSFORM_UP_TO: usize = 64 * 1024;

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

/// One face of the family: its CSS weight and the whole font file.
struct Face<'a> {
    weight: u16,
    bytes: &'a [u8],
}

/// A face's `@font-face` rules already made, by its weight and the glyph set cut to.
type RuleCache = Mutex<HashMap<(u16, Vec<char>), Arc<str>>>;

/// The faces to embed, and the `@font-face` rules already made.
pub struct FontEmbedder<'a> {
    faces: Vec<Face<'a>>,
    cache: RuleCache,
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

    /// The `@font-face` rules for a report showing `shown`: the regular face cut to all its
    /// characters, the bold face to those of its bold text (see [`glyph_set`]).
    pub fn font_faces(&self, shown: &super::text::Shown) -> Result<String, FontError> {
        let mut css = String::new();
        for face in &self.faces {
            let chars = if face.weight == 400 {
                &shown.chars
            } else {
                &shown.bold
            };
            css.push_str(&self.face_rule(face, glyph_set(chars))?);
        }
        Ok(css)
    }

    /// The `@font-face` rule of `face` cut to `glyphs`, from the cache or made (then kept).
    fn face_rule(&self, face: &Face<'_>, glyphs: Vec<char>) -> Result<Arc<str>, FontError> {
        let key = (face.weight, glyphs);
        if let Some(rule) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(rule);
        }
        let woff2 = subset(face.bytes, &key.1)
            .and_then(|subset| woff2(&subset))
            .map_err(|message| FontError {
                weight: face.weight,
                message,
            })?;
        let rule: Arc<str> = Arc::from(font_face(face.weight, &woff2));
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, Arc::clone(&rule));
        }
        Ok(rule)
    }

    /// The `@font-face` rules for the rendered report `html`.
    pub fn font_faces_for(&self, html: &str) -> Result<String, FontError> {
        self.font_faces(&super::text::shown(html))
    }
}

/// A report's subset compressed to WOFF2 (see the module's note).
pub fn woff2(subset: &[u8]) -> Result<Vec<u8>, String> {
    let options = ttf2woff2::EncodeOptions {
        quality: ttf2woff2::BrotliQuality::from(QUALITY),
        transform_glyf_loca: subset.len() <= TRANSFORM_UP_TO,
        threads: None,
    };
    ttf2woff2::encode_with_options(subset, options).map_err(|e| e.to_string())
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
    static BOLD: &[u8] = include_bytes!("../../themes/default/static/fonts/Sarabun-Bold.ttf");

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
        assert!(set.contains(&'9') && set.contains(&' ') && !set.contains(&'%'));
        let plain = glyph_set(&"ดา".chars().collect());
        assert!(!plain.contains(&'\u{0E4D}'));
    }

    #[test]
    fn each_face_is_cut_to_the_characters_it_shows() {
        let fonts = FontEmbedder::new(REGULAR, Some(BOLD));
        let css = fonts
            .font_faces_for("<h1>ก่อหนี้</h1><p>ผลการเบิกจ่าย Q2 café</p>")
            .unwrap();
        assert_eq!(css.matches("@font-face{font-family:\"Sarabun\"").count(), 2);
        let decoded: Vec<Vec<u8>> = css
            .lines()
            .map(|rule| {
                let data = rule
                    .split("base64,")
                    .nth(1)
                    .and_then(|d| d.split(')').next())
                    .unwrap();
                base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .unwrap()
            })
            .collect();
        assert!(css.contains("font-weight:400;") && css.contains("font-weight:700;"));
        for (woff2, bold) in decoded.iter().zip([false, true]) {
            assert_eq!(&woff2[..4], b"wOF2");
            // The subset a report carries is the one its characters make, in this encoding.
            let shown = crate::email::text::shown("<h1>ก่อหนี้</h1><p>ผลการเบิกจ่าย Q2 café</p>");
            let chars = glyph_set(if bold { &shown.bold } else { &shown.chars });
            let face = if bold { BOLD } else { REGULAR };
            assert_eq!(
                *woff2,
                super::woff2(&subset(face, &chars).unwrap()).unwrap()
            );
            assert_eq!(chars.contains(&'é'), !bold, "é is in regular text only");
            assert!(chars.contains(&'ก') && chars.contains(&'0'));
        }
        // Another report with the same bold text shares the bold rule, not the regular one.
        let other = fonts
            .font_faces_for("<h1>ก่อหนี้</h1><p>งบประมาณ</p>")
            .unwrap();
        assert_eq!(other.lines().nth(1), css.lines().nth(1));
        assert_ne!(other.lines().next(), css.lines().next());
        let cache = fonts.cache.lock().unwrap();
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn a_broken_font_is_an_error_not_a_panic() {
        let fonts = FontEmbedder::new(b"not a font", None);
        let error = fonts
            .font_faces(&crate::email::text::Shown::default())
            .unwrap_err();
        assert_eq!(error.weight, 400);
    }
}

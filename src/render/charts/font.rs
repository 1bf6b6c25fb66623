//! The bundled Sarabun font, registered once with plotters for text measurement.
//!
//! Charts never read system fonts: plotters' `ab_glyph` backend measures text with the
//! Sarabun bytes embedded here, and the SVG names the family so the page's `@font-face`
//! (or an installed Sarabun) draws it. Browsers shape Thai themselves, so vowels and tone
//! marks stack correctly: the SVG holds `<text>`, not glyph outlines.

use plotters::style::{FontDesc, FontStyle, IntoFont, RGBColor, TextStyle, register_font};
use std::sync::OnceLock;

/// The font file, parsed once (lazily, on the first chart).
static SARABUN: &[u8] = include_bytes!("../../../themes/default/static/fonts/Sarabun-Regular.ttf");

/// The family written into every `<text font-family="…">`: Sarabun first, then a generic
/// fallback. Plotters copies the registered name verbatim into the attribute, so the font is
/// registered under this whole CSS list.
pub const FAMILY: &str = "Sarabun, sans-serif";

/// Plotters scales text by 1.24: it writes `font-size = size / 1.24` into the SVG.
const PLOTTERS_SCALE: f64 = 1.24;

/// Plotters' `ab_glyph` measurement scales by the font's ascent − descent (1300 units for
/// Sarabun) instead of its em (1000 units), so it reports widths 1240/1300 of what a browser
/// draws. Multiplying by this gives the browser's width.
const WIDTH_CORRECTION: f64 = 1300.0 / 1240.0;

/// Registers Sarabun with plotters once per process. Returns false if the font bytes could
/// not be parsed (never expected: the file is bundled and tested).
pub fn ensure_registered() -> bool {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    *REGISTERED.get_or_init(|| {
        // Also under plotters' default family, so a text style we forgot to set still measures.
        register_font(FAMILY, FontStyle::Normal, SARABUN).is_ok()
            && register_font("sans-serif", FontStyle::Normal, SARABUN).is_ok()
    })
}

/// A text style of `px` CSS pixels (in the chart's viewBox units).
pub fn text(px: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, px * PLOTTERS_SCALE).into_font().color(&color)
}

/// Bold text; measured with the regular face (plotters falls back to it), drawn bold.
pub fn bold(px: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, px * PLOTTERS_SCALE, FontStyle::Bold)
        .into_font()
        .color(&color)
}

/// Text is measured once at this size and scaled: widths are linear in the size.
const MEASURE_PX: f64 = 100.0;

/// The width in viewBox units a browser gives `text` at `px` pixels (0 if unmeasurable).
pub fn width(text: &str, px: f64) -> f64 {
    // One font handle for all measuring: creating one takes a lock and copies the face.
    static MEASURE: OnceLock<Option<FontDesc<'static>>> = OnceLock::new();
    let font = MEASURE.get_or_init(|| {
        ensure_registered().then(|| (FAMILY, MEASURE_PX * PLOTTERS_SCALE).into_font())
    });
    match font.as_ref().map(|f| f.box_size(text)) {
        Some(Ok((w, _))) => f64::from(w) * WIDTH_CORRECTION * px / MEASURE_PX,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_registers_and_measures_thai() {
        assert!(ensure_registered());
        let latin = width("MMMM", 14.0);
        assert!(latin > 30.0 && latin < 70.0, "{latin}");
        // Marks above and below take no width: ที่ is as wide as ท.
        let marked = width("ที่", 14.0);
        let base = width("ท", 14.0);
        assert!((marked - base).abs() < 1.0, "{marked} vs {base}");
    }
}

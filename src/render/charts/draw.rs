//! Shared drawing: palette, the render pipeline, the title, legends and markers.
//!
//! Series are told apart without colour: solid, dashed and dotted lines, round and square
//! markers, and solid, light-with-outline and hatched bars.

use super::font;
use super::svg::{self, Restyle, RestyleKind};
use super::text as label;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// `RGBColor` from `0xRRGGBB`.
const fn rgb(hex: u32) -> RGBColor {
    RGBColor((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// Body text.
pub const INK: RGBColor = rgb(0x222222);
/// Axis labels and notes.
pub const MUTED: RGBColor = rgb(0x555555);
pub const GRID: RGBColor = rgb(0xDDDDDD);
pub const AXIS: RGBColor = rgb(0x888888);
/// The main series: actual disbursement, achieved progress.
pub const DARK: RGBColor = rgb(0x1F4E79);
/// A light fill drawn with a `DARK` outline (allocation, progress track).
pub const LIGHT: RGBColor = rgb(0xD6E4F0);
pub const TRACK: RGBColor = rgb(0xEEEEEE);
pub const TRACK_EDGE: RGBColor = rgb(0xB0B0B0);

// Reserved colours, rewritten by `svg::finish`; use them for nothing else.
/// Dashed line (spending plan).
pub const PLAN_LINE: RGBColor = rgb(0xC05A11);
/// Plan markers: the same hue, not dashed.
pub const PLAN_MARK: RGBColor = rgb(0xC05A12);
/// Dotted line (targets).
pub const TARGET_LINE: RGBColor = rgb(0xA81E2E);
/// A fill replaced by diagonal `DARK` hatching on white.
pub const HATCH: RGBColor = rgb(0x8FAAC1);

const HATCH_NAME: &str = "hatch";

/// Axis labels drawn in this colour are muted and hidden on phones (every other one of a
/// crowded axis): `compact` gives them the classes `mu nh`.
pub const MUTED_NARROW: RGBColor = rgb(0x555556);
/// Text in this colour is body text hidden on phones (`nh`): amounts a phone has no room for.
pub const INK_NARROW: RGBColor = rgb(0x222223);

pub const TITLE_PX: f64 = 16.0;
pub const LABEL_PX: f64 = 13.0;
pub const SMALL_PX: f64 = 12.0;
/// Height taken by the title band at the top (room for the title at its phone size).
pub const TITLE_BAND: u32 = 52;

/// The size a text of `px` is drawn at on phones, in viewBox units: `CSS` sets these under
/// `@media (max-width:600px)`, where a 720-wide chart is drawn about half size, so labels
/// stay about 11 px or more on a 360–390 px screen. Charts are laid out for these sizes
/// (label columns, row heights, gaps), so the larger text never overlaps or leaves the
/// viewBox; on wider screens the same text is smaller within the same room.
pub fn phone_px(px: f64) -> f64 {
    if px >= TITLE_PX {
        26.0
    } else if px >= LABEL_PX {
        24.0
    } else {
        22.0
    }
}

/// The width of `text` drawn at `px` as a phone draws it.
pub fn phone_width(text: &str, px: f64) -> f64 {
    font::width(text, phone_px(px))
}

/// The line height of text of `px` on phones (Thai marks above and below included).
pub fn phone_line(px: f64) -> i32 {
    (phone_px(px) * 1.3).ceil() as i32
}

/// Whether a row of axis labels `spacing` apart is too crowded on phones, where every
/// other one is then hidden (see `tick_color`).
pub fn crowded(labels: &[String], px: f64, spacing: f64) -> bool {
    let widest = labels
        .iter()
        .map(|l| phone_width(l, px))
        .fold(0.0, f64::max);
    widest + 10.0 > spacing
}

/// The colour of axis label `i`: muted, and hidden on phones for odd `i` on a crowded axis.
pub fn tick_color(i: usize, crowded: bool) -> RGBColor {
    if crowded && i % 2 == 1 {
        MUTED_NARROW
    } else {
        MUTED
    }
}

/// Draws with plotters into a string and wraps it with `svg::finish` (its root classed
/// `chart {kind}`), followed by the HTML legend; a drawing error (never expected) yields the
/// accessible frame without the drawing instead of a panic.
pub fn render(
    (id, kind): (&str, &str),
    size: (u32, u32),
    (title, desc): (&str, &str),
    entries: &[Entry],
    draw: impl FnOnce(&Area) -> DrawResult,
) -> String {
    let legend = legend_html(id, entries);
    if !font::ensure_registered() {
        return svg::fallback((id, kind), size, (title, desc)) + &legend;
    }
    let mut buf = String::with_capacity(24 * 1024);
    let drawn = {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        let result = root
            .fill(&WHITE)
            .map_err(Into::into)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present().map_err(Into::into));
        result.is_ok()
    };
    if !drawn {
        return svg::fallback((id, kind), size, (title, desc)) + &legend;
    }
    let restyles = [
        Restyle {
            color: PLAN_LINE,
            kind: RestyleKind::Dash("8 5"),
        },
        Restyle {
            color: TARGET_LINE,
            kind: RestyleKind::Dash("0.1 6"),
        },
        Restyle {
            color: HATCH,
            kind: RestyleKind::Pattern(HATCH_NAME),
        },
    ];
    // The pattern is defined only in charts that use it, in a bar or the legend.
    let hatched = entries
        .iter()
        .any(|(_, s)| matches!(s, Swatch::Bar(Fill::Hatched)));
    let defs = if hatched || buf.contains(&format!("fill=\"{}\"", svg::hex(HATCH))) {
        svg::hatch_pattern(id, HATCH_NAME, DARK, WHITE)
    } else {
        String::new()
    };
    svg::finish(&buf, (id, kind), size, (title, desc), &defs, &restyles) + &legend
}

/// Text anchored at `pos` (root pixels).
pub fn text(
    area: &Area,
    label: &str,
    pos: (i32, i32),
    mut style: TextStyle,
    h: HPos,
    v: VPos,
) -> DrawResult {
    // Set the anchor in place: `TextStyle::pos` would copy the font face.
    style.pos = Pos::new(h, v);
    area.draw(&Text::new(label, pos, style))?;
    Ok(())
}

/// How much wider bold text is drawn than the regular face that measures it.
pub const BOLD_WIDTH: f64 = 1.04;

/// The chart title, top left, cut with `…` where it would not fit the width at its phone
/// size (the whole title is the chart's `<title>`).
pub fn title(area: &Area, title: &str) -> DrawResult {
    let room = f64::from(area.dim_in_pixel().0) - 32.0;
    let fits = |t: &str| phone_width(t, TITLE_PX) * BOLD_WIDTH <= room;
    let mut shown = title.to_owned();
    let mut max = title.chars().count();
    while !fits(&shown) && max > 4 {
        max -= 1;
        shown = label::truncate(title, max);
    }
    text(
        area,
        &shown,
        (16, 12),
        font::bold(TITLE_PX, INK),
        HPos::Left,
        VPos::Top,
    )
}

/// How a legend entry's swatch is drawn: the chart's own classes on a small SVG.
#[derive(Clone, Copy)]
pub enum Swatch {
    /// A line sample in a stroke class (`ac` solid, `pl` dashed, `tl` dotted), with a marker.
    Line { class: &'static str, marker: Marker },
    /// A bar sample: solid dark, light with a dark outline, or hatched with an outline.
    Bar(Fill),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    Dark,
    Light,
    Hatched,
}

/// One legend entry: its Thai label and swatch.
pub type Entry = (String, Swatch);

/// The legend under a chart, as HTML (`<ul class="lg">`): entries wrap on a phone and read at
/// the page's text size, in print and in the email report too (no script). Each swatch is a
/// small SVG in the chart's classes, hidden from screen readers (the label says it all); a
/// hatched swatch uses the chart's pattern `{id}-hatch`.
pub fn legend_html(id: &str, entries: &[Entry]) -> String {
    if entries.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"lg\">");
    for (label, swatch) in entries {
        out.push_str("<li><svg viewBox=\"0 0 28 12\" aria-hidden=\"true\">");
        match *swatch {
            Swatch::Line { class, marker } => {
                out.push_str(&format!("<path class=\"{class}\" d=\"M1 6H27\"/>"));
                match marker {
                    Marker::None => {}
                    Marker::Dot => out.push_str("<circle cx=\"14\" cy=\"6\" r=\"4\" class=\"dk\"/>"),
                    Marker::Square => out.push_str(
                        "<rect x=\"10\" y=\"2\" width=\"8\" height=\"8\" class=\"w\"/><path class=\"pm\" d=\"M10 2H18V10H10Z\"/>",
                    ),
                }
            }
            Swatch::Bar(fill) => {
                let paint = match fill {
                    Fill::Dark => "class=\"dk\"".to_owned(),
                    Fill::Light => "class=\"lt sd\"".to_owned(),
                    Fill::Hatched => format!("fill=\"url(#{id}-{HATCH_NAME})\" class=\"sd\""),
                };
                out.push_str(&format!(
                    "<rect x=\"4\" y=\"1\" width=\"20\" height=\"10\" {paint}/>"
                ));
            }
        }
        out.push_str("</svg>");
        out.push_str(&svg::escape(label));
        out.push_str("</li>");
    }
    out.push_str("</ul>\n");
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    None,
    /// Filled circle (actual values).
    Dot,
    /// Hollow square (plan values).
    Square,
}

/// Draws `marker` centred on a pixel.
pub fn marker(area: &Area, at: (i32, i32), marker: Marker) -> DrawResult {
    match marker {
        Marker::None => {}
        Marker::Dot => {
            area.draw(&Circle::new(at, 4, DARK.filled()))?;
        }
        Marker::Square => {
            let (x, y) = at;
            area.draw(&Rectangle::new(
                [(x - 4, y - 4), (x + 4, y + 4)],
                WHITE.filled(),
            ))?;
            let outline = vec![
                (x - 4, y - 4),
                (x + 4, y - 4),
                (x + 4, y + 4),
                (x - 4, y + 4),
                (x - 4, y - 4),
            ];
            area.draw(&PathElement::new(outline, PLAN_MARK.stroke_width(2)))?;
        }
    }
    Ok(())
}

/// A bar: `fill`, then an outline when given (outlines keep light bars visible in print).
pub fn bar(
    area: &Area,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    fill: RGBColor,
    outline: Option<RGBColor>,
) -> DrawResult {
    let (l, r) = (x0.min(x1), x0.max(x1));
    let (t, b) = (y0.min(y1), y0.max(y1));
    area.draw(&Rectangle::new([(l, t), (r, b)], fill.filled()))?;
    if let Some(edge) = outline {
        area.draw(&Rectangle::new([(l, t), (r, b)], edge))?;
    }
    Ok(())
}

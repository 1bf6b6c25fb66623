//! Shared drawing: palette, the render pipeline, the title, legends and markers.
//!
//! Series are told apart without colour: solid, dashed and dotted lines, round and square
//! markers, and solid, light-with-outline and hatched bars.

use super::font;
use super::svg::{self, Restyle, RestyleKind};
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

pub const TITLE_PX: f64 = 16.0;
pub const LABEL_PX: f64 = 13.0;
pub const SMALL_PX: f64 = 12.0;
/// Height taken by the title band at the top.
pub const TITLE_BAND: u32 = 40;
/// Height of the legend band at the bottom.
pub const LEGEND_BAND: u32 = 30;

/// Draws with plotters into a string and wraps it with `svg::finish`; a drawing error
/// (never expected) yields the accessible frame without the drawing instead of a panic.
pub fn render(
    id: &str,
    size: (u32, u32),
    title: &str,
    desc: &str,
    draw: impl FnOnce(&Area) -> DrawResult,
) -> String {
    if !font::ensure_registered() {
        return svg::fallback(id, size, title, desc);
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
        return svg::fallback(id, size, title, desc);
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
    // The pattern is defined only in charts that use it.
    let defs = if buf.contains(&format!("fill=\"{}\"", svg::hex(HATCH))) {
        svg::hatch_pattern(id, HATCH_NAME, DARK, WHITE)
    } else {
        String::new()
    };
    svg::finish(&buf, id, size, title, desc, &defs, &restyles)
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

/// The chart title, top left.
pub fn title(area: &Area, title: &str) -> DrawResult {
    text(
        area,
        title,
        (16, 12),
        font::bold(TITLE_PX, INK),
        HPos::Left,
        VPos::Top,
    )
}

/// How a legend entry is drawn.
#[derive(Clone, Copy)]
pub enum Swatch {
    /// A line sample in `color` (reserved colours become dashed/dotted), optionally with a marker.
    Line {
        color: RGBColor,
        width: u32,
        marker: Marker,
    },
    /// A bar sample: fill, and an outline if given.
    Bar {
        fill: RGBColor,
        outline: Option<RGBColor>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    None,
    /// Filled circle (actual values).
    Dot,
    /// Hollow square (plan values).
    Square,
}

const SWATCH_W: i32 = 28;
const SWATCH_GAP: i32 = 6;
const ENTRY_GAP: i32 = 22;

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

/// One horizontal row of legend entries centred at height `y`.
pub fn legend(area: &Area, entries: &[(&str, Swatch)], y: i32) -> DrawResult {
    if entries.is_empty() {
        return Ok(());
    }
    let widths: Vec<i32> = entries
        .iter()
        .map(|(label, _)| font::width(label, SMALL_PX).ceil() as i32)
        .collect();
    let total: i32 = widths
        .iter()
        .map(|w| SWATCH_W + SWATCH_GAP + w)
        .sum::<i32>()
        + ENTRY_GAP * (entries.len() as i32 - 1);
    let (w, _) = area.dim_in_pixel();
    let mut x = ((w as i32 - total) / 2).max(8);
    for ((label, swatch), width) in entries.iter().zip(widths) {
        match *swatch {
            Swatch::Line {
                color,
                width,
                marker: m,
            } => {
                area.draw(&PathElement::new(
                    vec![(x, y), (x + SWATCH_W, y)],
                    color.stroke_width(width),
                ))?;
                marker(area, (x + SWATCH_W / 2, y), m)?;
            }
            Swatch::Bar { fill, outline } => {
                bar(
                    area,
                    (x + 4, y - 6),
                    (x + SWATCH_W - 4, y + 6),
                    fill,
                    outline,
                )?;
            }
        }
        x += SWATCH_W + SWATCH_GAP;
        text(
            area,
            label,
            (x, y),
            font::text(SMALL_PX, INK),
            HPos::Left,
            VPos::Center,
        )?;
        x += width + ENTRY_GAP;
    }
    Ok(())
}

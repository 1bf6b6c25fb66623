//! Turning plotters' SVG into an accessible, responsive fragment to inline in HTML.
//!
//! Plotters' SVG backend escapes text and attribute values itself (`<`, `>`, `&`, `"`, `'`),
//! writes one element per line, and knows only colour and stroke width. Everything else
//! (dash patterns, hatching, the accessible name) is added here after drawing: a few colours
//! are reserved as *markers* for a line style or a pattern and are rewritten by exact string
//! match on the attribute (user text cannot forge an attribute: its `"` is escaped).

use plotters::style::RGBColor;
use std::fmt::Write as _;

/// A colour reserved for one role, and what its attribute becomes in the final SVG.
pub struct Restyle {
    pub color: RGBColor,
    pub kind: RestyleKind,
}

pub enum RestyleKind {
    /// A stroke drawn dashed: `stroke-dasharray` value; line caps are rounded for dots.
    Dash(&'static str),
    /// A fill replaced by the chart's pattern of this name (see `hatch_pattern`).
    Pattern(&'static str),
}

/// Escapes text for HTML/SVG content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A 64-bit FNV-1a hash, stable across Rust versions and runs (unlike `DefaultHasher`).
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    pub fn new(kind: &str) -> Fnv {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.str(kind);
        h
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A string followed by a separator, so ("ab","c") and ("a","bc") differ.
    pub fn str(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0xff]);
    }

    /// A decimal by its normalised text, so 1.0 and 1.00 hash alike.
    pub fn dec(&mut self, value: rust_decimal::Decimal) {
        self.str(&value.normalize().to_string());
    }

    /// The element id: `chart-` and 12 hex digits.
    pub fn id(self) -> String {
        format!("chart-{:012x}", self.0 >> 16)
    }
}

/// `#RRGGBB`, as plotters writes colours.
pub fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// `<pattern>` for diagonal hatching in `color` over `background`, named `{id}-{name}`.
pub fn hatch_pattern(id: &str, name: &str, color: RGBColor, background: RGBColor) -> String {
    format!(
        concat!(
            "<pattern id=\"{id}-{name}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" ",
            "patternTransform=\"rotate(45)\">",
            "<rect width=\"6\" height=\"6\" fill=\"{bg}\"/>",
            "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{fg}\" stroke-width=\"2.5\"/>",
            "</pattern>"
        ),
        id = id,
        name = name,
        bg = hex(background),
        fg = hex(color),
    )
}

/// Rounds plotters' font sizes, `font-size="13.000000000000002"`, to 2 decimals.
fn tidy_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    // A chart has a handful of sizes over hundreds of labels: each is rounded once.
    let mut rounded: Vec<(&str, String)> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find(KEY) {
        let value_start = start + KEY.len();
        out.push_str(&rest[..value_start]);
        let after = &rest[value_start..];
        let end = after.find('"').unwrap_or(after.len());
        let value = &after[..end];
        match rounded.iter().find(|(raw, _)| *raw == value) {
            Some((_, tidy)) => out.push_str(tidy),
            None => {
                let tidy = match value.parse::<f64>() {
                    Ok(size) => {
                        let two = format!("{size:.2}");
                        two.trim_end_matches('0').trim_end_matches('.').to_string()
                    }
                    Err(_) => value.to_string(),
                };
                out.push_str(&tidy);
                rounded.push((value, tidy));
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Wraps the drawing: a responsive root `<svg>` classed `chart {kind}` (so a stylesheet can
/// address one kind of chart) with `role="img"`, `<title>` and `<desc>` as its first
/// children, the chart's `<defs>`, and the reserved colours rewritten.
pub fn finish(
    drawn: &str,
    (id, kind): (&str, &str),
    size: (u32, u32),
    (title, desc): (&str, &str),
    defs: &str,
    restyles: &[Restyle],
) -> String {
    // Drop any XML declaration and plotters' own root tag; keep the body.
    let body = drawn.trim_start();
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or("", |(_, b)| b).trim_start(),
        None => body,
    };
    let body = match body.strip_prefix("<svg") {
        Some(rest) => rest.split_once('>').map_or("", |(_, b)| b),
        None => body,
    };
    let mut body = tidy_font_sizes(body);
    for restyle in restyles {
        let color = hex(restyle.color);
        match restyle.kind {
            RestyleKind::Dash(dashes) => {
                let from = format!("stroke=\"{color}\"");
                let to = format!(
                    "stroke=\"{color}\" stroke-dasharray=\"{dashes}\" stroke-linecap=\"round\""
                );
                if body.contains(&from) {
                    body = body.replace(&from, &to);
                }
            }
            RestyleKind::Pattern(name) => {
                let from = format!("fill=\"{color}\"");
                let to = format!("fill=\"url(#{id}-{name})\"");
                if body.contains(&from) {
                    body = body.replace(&from, &to);
                }
            }
        }
    }
    let body = super::compact::compact(&body);
    let mut out = String::with_capacity(body.len() + 512);
    let _ = write!(
        out,
        concat!(
            "<svg id=\"{id}\" class=\"chart {kind}\" ",
            "viewBox=\"0 0 {w} {h}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" ",
            "role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n",
            "<title id=\"{id}-title\">{title}</title>\n",
            "<desc id=\"{id}-desc\">{desc}</desc>\n"
        ),
        id = id,
        kind = kind,
        w = size.0,
        h = size.1,
        title = escape(title),
        desc = escape(desc),
    );
    if !defs.is_empty() {
        out.push_str("<defs>");
        out.push_str(defs);
        out.push_str("</defs>\n");
    }
    out.push_str(body.trim_start());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// What a chart shows when plotters fails (never expected): the accessible frame only.
pub fn fallback(root: (&str, &str), size: (u32, u32), text: (&str, &str)) -> String {
    finish("</svg>\n", root, size, text, "", &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn finish_replaces_root_and_strips_declaration() {
        let drawn = "<?xml version=\"1.0\"?>\n<svg width=\"10\" height=\"20\" viewBox=\"0 0 10 20\" xmlns=\"http://www.w3.org/2000/svg\">\n<text font-size=\"13.000000000000002\">ก</text><text font-size=\"10.5\">ข</text>\n</svg>\n";
        let svg = finish(drawn, ("chart-1", "k"), (10, 20), ("t<", "d&"), "", &[]);
        assert!(
            svg.starts_with("<svg id=\"chart-1\" class=\"chart k\""),
            "{svg}"
        );
        // Inline in HTML: no namespace URL, so a page refers to nothing outside itself.
        assert!(!svg.contains("http"), "{svg}");
        assert!(!svg.contains("<?xml"));
        assert!(!svg.contains("height=\"20\""));
        assert!(svg.contains("<title id=\"chart-1-title\">t&lt;</title>"));
        assert!(svg.contains("<desc id=\"chart-1-desc\">d&amp;</desc>"));
        // 13 (rounded from plotters' float) is the stylesheet's size: no attribute.
        assert!(svg.contains("<text>ก</text>"), "{svg}");
        assert!(svg.contains("<text font-size=\"10.5\">ข</text>"), "{svg}");
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("</svg>").count(), 1);
    }

    #[test]
    fn hash_ids_are_stable_and_distinct() {
        let mut a = Fnv::new("x");
        a.str("ab");
        a.str("c");
        let mut b = Fnv::new("x");
        b.str("a");
        b.str("bc");
        assert_ne!(a.id(), b.id());
        assert_eq!(Fnv::new("x").id(), Fnv::new("x").id());
        assert_eq!(Fnv::new("x").id().len(), "chart-".len() + 12);
    }
}

//! Compact chart SVG: plotters' elements rewritten with a class for each style (the classes
//! are defined once, in `CSS`, which the site stylesheet and the email report carry), the
//! attributes that restate a default dropped, and lines as `<path>`, one per run of a style.
//!
//! Plotters' SVG backend writes every colour, size and opacity on every element; a chart
//! uses a fixed palette, so each (property, value) it uses maps to a short class here. A
//! value not in the table stays an attribute, so a new colour is drawn right, only larger.

/// The chart styles: the site stylesheet and the email report each hold this text verbatim
/// (a test checks), so pages and reports draw charts alike.
pub const CSS: &str = concat!(
    ".chart text{font-family:Sarabun,sans-serif;font-size:13px;fill:#222}",
    ".chart path{fill:none}",
    ".chart .mu{fill:#555}.chart .dk{fill:#1f4e79}.chart .tg{fill:#a81e2e}",
    ".chart .w{fill:#fff}.chart .lt{fill:#d6e4f0}.chart .tr{fill:#eee}.chart .o{fill:none}",
    ".chart .ti{font-size:16px}.chart .sm{font-size:12px}.chart .xs{font-size:11px}",
    ".chart .b{font-weight:700}.chart .m{text-anchor:middle}.chart .e{text-anchor:end}",
    ".chart .ax{stroke:#888}.chart .gr{stroke:#ddd}.chart .sd{stroke:#1f4e79}",
    ".chart .se{stroke:#b0b0b0}.chart .pm{stroke:#c05a12;stroke-width:2}",
    ".chart .ac{stroke:#1f4e79;stroke-width:3}",
    ".chart .tl{stroke:#a81e2e;stroke-width:3;stroke-dasharray:.1 6;stroke-linecap:round}",
    ".chart .pl{stroke:#c05a11;stroke-width:2;stroke-dasharray:8 5;stroke-linecap:round}",
    // A chart at most about 1.2 times its drawn size, so its text stays text-sized on a
    // wide screen, with its legend under it (`draw::legend_html`): entries side by side,
    // wrapping; the root `<svg>` (also `.chart`) takes no margin of the figure's.
    "figure.chart{max-width:54rem}.chart .chart{margin-top:0;margin-bottom:0}",
    ".chart .lg{list-style:none;margin:4px 0 0;padding:0;text-align:center;font-size:.9em}",
    ".chart .lg li{display:inline-block;margin:0 .7em;white-space:nowrap}",
    ".chart .lg svg{display:inline-block;width:28px;height:12px;margin-right:6px}",
    // Phones draw a 720-wide chart at about half size: text larger in the chart's units
    // (`draw::phone_px`; the charts are laid out for it), every other crowded label hidden.
    "@media (max-width:600px){.chart text{font-size:24px}.chart .ti{font-size:26px}",
    ".chart .sm,.chart .xs{font-size:22px}.chart .nh{display:none}}",
);

/// Fills (text, rects, circles) by colour; `#222222` is the text default. Two near-copies of
/// the text colours are reserved for text hidden on phones (`draw::MUTED_NARROW`,
/// `draw::INK_NARROW`).
const FILLS: [(&str, &str); 9] = [
    ("#555556", "mu nh"),
    ("#222223", "nh"),
    ("#555555", "mu"),
    ("#1F4E79", "dk"),
    ("#A81E2E", "tg"),
    ("#FFFFFF", "w"),
    ("#D6E4F0", "lt"),
    ("#EEEEEE", "tr"),
    ("none", "o"),
];

/// Text sizes (13 is the default) and weights, anchors (start is the default).
const TEXT: [(&str, &str, &str); 6] = [
    ("font-size", "16", "ti"),
    ("font-size", "12", "sm"),
    ("font-size", "11", "xs"),
    ("font-weight", "bold", "b"),
    ("text-anchor", "middle", "m"),
    ("text-anchor", "end", "e"),
];

/// Strokes of lines by colour, width and dashes; rect outlines by colour (width 1).
const STROKES: [(&str, &str, &str, &str); 8] = [
    ("#888888", "1", "", "ax"),
    ("#DDDDDD", "1", "", "gr"),
    ("#C05A12", "2", "", "pm"),
    ("#1F4E79", "3", "", "ac"),
    ("#A81E2E", "3", "0.1 6", "tl"),
    ("#C05A11", "2", "8 5", "pl"),
    ("#1F4E79", "", "", "sd"),
    ("#B0B0B0", "", "", "se"),
];

/// Attributes that restate a default or the stylesheet.
fn is_redundant(name: &str, value: &str) -> bool {
    matches!(
        (name, value),
        ("opacity", "1") | ("stroke", "none") | ("font-family", _) | ("text-anchor", "start")
    ) || (name, value) == ("font-size", "13")
}

/// The attributes of a start tag, in order (values are escaped: no raw `"` inside).
fn attrs(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(char::is_whitespace).next().unwrap_or("");
        let after = &rest[eq + 2..];
        let end = after.find('"').unwrap_or(after.len());
        out.push((name, &after[..end]));
        rest = &after[(end + 1).min(after.len())..];
    }
    out
}

fn get<'a>(attrs: &[(&str, &'a str)], name: &str) -> &'a str {
    attrs
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, v)| v)
}

/// An element being rewritten: its classes and the attributes kept as they are.
struct Element<'a> {
    classes: Vec<&'static str>,
    kept: Vec<(&'a str, &'a str)>,
}

impl<'a> Element<'a> {
    /// Styles `attrs` (all but `geometry`, written by the caller) by class where it can.
    fn styled(attrs: &[(&'a str, &'a str)], geometry: &[&str], text: bool) -> Element<'a> {
        let mut el = Element {
            classes: Vec::new(),
            kept: Vec::new(),
        };
        let stroke = get(attrs, "stroke");
        let stroke_key = (
            stroke,
            get(attrs, "stroke-width"),
            get(attrs, "stroke-dasharray"),
        );
        let stroke_class = STROKES
            .iter()
            .find(|(c, w, d, _)| (*c, *w, *d) == stroke_key)
            .map(|s| s.3);
        if let Some(class) = stroke_class {
            el.classes.push(class);
        }
        for &(name, value) in attrs {
            if geometry.contains(&name) || is_redundant(name, value) {
                continue;
            }
            let class = match name {
                "fill" if text && value == "#222222" => continue,
                // A path is unfilled by the stylesheet.
                "fill" if !text && value == "none" && geometry.contains(&"points") => continue,
                "fill" => FILLS.iter().find(|(v, _)| *v == value).map(|f| f.1),
                "stroke" | "stroke-width" | "stroke-dasharray" | "stroke-linecap"
                    if stroke_class.is_some() =>
                {
                    continue;
                }
                // Circles: a width with no stroke draws nothing.
                "stroke-width" if stroke.is_empty() || stroke == "none" => continue,
                _ => TEXT
                    .iter()
                    .find(|(n, v, _)| (*n, *v) == (name, value))
                    .map(|t| t.2),
            };
            match class {
                Some(class) => el.classes.push(class),
                None => el.kept.push((name, value)),
            }
        }
        el
    }

    fn write(&self, out: &mut String) {
        if !self.classes.is_empty() {
            out.push_str(" class=\"");
            out.push_str(&self.classes.join(" "));
            out.push('"');
        }
        for (name, value) in &self.kept {
            out.push_str(&format!(" {name}=\"{value}\""));
        }
    }
}

/// Path data through `points`: `M`, then `H`/`V` where a segment is straight, else `L`.
fn path_data(d: &mut String, points: &[(&str, &str)]) {
    let mut last: Option<(&str, &str)> = None;
    for &(x, y) in points {
        match last {
            None => d.push_str(&format!("M{x} {y}")),
            Some((lx, _)) if lx == x => d.push_str(&format!("V{y}")),
            Some((_, ly)) if ly == y => d.push_str(&format!("H{x}")),
            Some(_) => d.push_str(&format!("L{x} {y}")),
        }
        last = Some((x, y));
    }
}

/// The points of a `<line>` or `<polyline>`.
fn points<'a>(name: &str, attrs: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    if name == "line" {
        return vec![
            (get(attrs, "x1"), get(attrs, "y1")),
            (get(attrs, "x2"), get(attrs, "y2")),
        ];
    }
    get(attrs, "points")
        .split_whitespace()
        .filter_map(|p| p.split_once(','))
        .collect()
}

/// A `<path>` waiting for more lines of its style.
struct Pending {
    style: String,
    d: String,
}

fn flush(out: &mut String, pending: &mut Option<Pending>) {
    if let Some(p) = pending.take() {
        out.push_str(&format!("<path{} d=\"{}\"/>", p.style, p.d));
    }
}

/// Rewrites plotters' drawing (the body inside its root `<svg>`); tags it does not know
/// are kept as they are. Lines of one style become one path, across the text between them
/// (text does not overlap lines in these charts) but never across a filled shape.
pub fn compact(body: &str) -> String {
    let mut out = String::with_capacity(body.len() / 2);
    let mut pending: Option<Pending> = None;
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        let after = &rest[start..];
        let Some(end) = after.find('>') else { break };
        let tag = &after[..=end];
        rest = &after[end + 1..];
        let name = tag[1..]
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or("");
        let a = attrs(tag);
        match name {
            "line" | "polyline" => {
                let geometry = ["x1", "y1", "x2", "y2", "points"];
                let mut style = String::new();
                Element::styled(&a, &geometry, false).write(&mut style);
                if pending.as_ref().is_some_and(|p| p.style != style) {
                    flush(&mut out, &mut pending);
                }
                let p = pending.get_or_insert_with(|| Pending {
                    style,
                    d: String::new(),
                });
                path_data(&mut p.d, &points(name, &a));
            }
            "text" if !tag.ends_with("/>") => {
                let close = rest.find("</text>").unwrap_or(rest.len());
                let content = rest[..close].trim_matches('\n');
                rest = rest.get(close + "</text>".len()..).unwrap_or("");
                out.push_str("<text");
                for key in ["x", "y", "dy"] {
                    let value = get(&a, key);
                    let value = value
                        .strip_prefix("0.")
                        .map_or(value.to_string(), |v| format!(".{v}"));
                    if !value.is_empty() {
                        out.push_str(&format!(" {key}=\"{value}\""));
                    }
                }
                Element::styled(&a, &["x", "y", "dy"], true).write(&mut out);
                out.push('>');
                out.push_str(content);
                out.push_str("</text>");
            }
            "rect" | "circle" => {
                flush(&mut out, &mut pending);
                let geometry: &[&str] = if name == "rect" {
                    &["x", "y", "width", "height"]
                } else {
                    &["cx", "cy", "r"]
                };
                out.push('<');
                out.push_str(name);
                for key in geometry {
                    let value = get(&a, key);
                    // x and y default to 0.
                    if !value.is_empty() && !(value == "0" && (*key == "x" || *key == "y")) {
                        out.push_str(&format!(" {key}=\"{value}\""));
                    }
                }
                Element::styled(&a, geometry, false).write(&mut out);
                out.push_str("/>");
            }
            _ => {
                flush(&mut out, &mut pending);
                out.push_str(tag);
            }
        }
    }
    flush(&mut out, &mut pending);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_carry_the_chart_styles() {
        let site = include_str!("../../../themes/default/static/css/site.css");
        let email = include_str!("../../../themes/default/templates/email.html");
        assert!(site.contains(CSS), "site.css lacks charts::compact::CSS");
        assert!(email.contains(CSS), "email.html lacks charts::compact::CSS");
    }

    #[test]
    fn elements_become_classes_and_paths() {
        let body = concat!(
            "<rect x=\"0\" y=\"0\" width=\"720\" height=\"10\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>\n",
            "<line opacity=\"1\" stroke=\"#DDDDDD\" stroke-width=\"1\" x1=\"278\" y1=\"159\" x2=\"278\" y2=\"52\"/>\n",
            "<line opacity=\"1\" stroke=\"#DDDDDD\" stroke-width=\"1\" x1=\"405\" y1=\"159\" x2=\"405\" y2=\"52\"/>\n",
            "<text x=\"16\" y=\"12\" dy=\"0.76em\" text-anchor=\"middle\" font-family=\"Sarabun, sans-serif\" font-size=\"13\" opacity=\"1\" fill=\"#555555\">\nต.ค. &lt;\n</text>\n",
            "<polyline fill=\"none\" opacity=\"1\" stroke=\"#A81E2E\" stroke-width=\"3\" stroke-dasharray=\"0.1 6\" stroke-linecap=\"round\" points=\"1,2 5,2 5,9 7,8 \"/>\n",
            "<rect x=\"3\" y=\"4\" width=\"5\" height=\"6\" opacity=\"1\" fill=\"#123456\" stroke=\"none\"/>\n",
            "</svg>\n",
        );
        assert_eq!(
            compact(body),
            concat!(
                "<rect width=\"720\" height=\"10\" class=\"w\"/>",
                "<text x=\"16\" y=\"12\" dy=\".76em\" class=\"m mu\">ต.ค. &lt;</text>",
                "<path class=\"gr\" d=\"M278 159V52M405 159V52\"/>",
                "<path class=\"tl\" d=\"M1 2H5V9L7 8\"/>",
                "<rect x=\"3\" y=\"4\" width=\"5\" height=\"6\" fill=\"#123456\"/>",
                "</svg>\n",
            )
        );
    }
}

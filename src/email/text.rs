//! The characters a rendered report shows: text content (inline SVG text included, entities
//! decoded), the quoted strings of CSS `content` (labels the phone layout adds before cells)
//! and `data-label` values a theme may show through `attr()`. Scripts, comments and the tab
//! title are skipped: the page's font does not draw them.
//!
//! And which of them may be drawn in bold ([`Shown::bold`]), so that the bold face carries
//! only those: the text of elements that are bold by the browser's defaults (`h1`–`h6`,
//! `strong`, `b`, `th`), by a `font-weight` attribute or `style`, or by a rule of the
//! report's own `<style>` declaring a bold weight, with everything inside them. A rule's
//! selector is matched as a chain of descendants by element names and classes only (other
//! conditions, and weights set back to normal inside, are not looked at), so the bold set
//! may hold more than the browser draws bold, never less; generated content (`content:`)
//! counts for both faces.
//!
//! Read with the one scanner of the HTML planbook writes ([`crate::render::scan`]): it is
//! about forty times faster than a full tokenizer on a report of ten plans, which matters
//! for the 924 reports of a department's site; `tests/it/report_file.rs` checks the result
//! against html5ever's tokenizer.

use crate::render::scan::{Piece, Tag, scan};
use std::collections::BTreeSet;

/// Elements whose content is not text the font draws (`style` is read for `content:`).
const RAW: &[&str] = &["style", "script", "title", "textarea"];

/// Attributes whose values a theme's CSS may show as text.
const SHOWN_ATTRIBUTES: [&str; 1] = ["data-label"];

/// Elements a browser draws bold unless told otherwise.
const BOLD_ELEMENTS: [&str; 9] = ["h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "th"];

/// Elements that have no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// What a report shows: every character, and those it may show in bold.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub chars: BTreeSet<char>,
    /// A subset of `chars`: the text of bold elements and everything inside them.
    pub bold: BTreeSet<char>,
}

/// Every character `html` shows, whitespace and controls left out.
pub fn shown_chars(html: &str) -> BTreeSet<char> {
    shown(html).chars
}

/// Every character `html` shows, and those it may draw in bold (whitespace and controls
/// left out of both).
pub fn shown(html: &str) -> Shown {
    let mut chars = Chars::new();
    let mut bold = Chars::new();
    let mut rules: Vec<Selector> = Vec::new();
    let mut open: Vec<Open<'_>> = Vec::new();
    for piece in scan(html, RAW) {
        match piece {
            Piece::Text(text) => {
                chars.extend_decoded(text);
                if open.last().is_some_and(|e| e.bold) {
                    bold.extend_decoded(text);
                }
            }
            Piece::Tag(tag) => {
                let mut class = "";
                let mut bold_here = BOLD_ELEMENTS
                    .iter()
                    .any(|name| tag.name.eq_ignore_ascii_case(name));
                for (name, value) in tag.attributes() {
                    if SHOWN_ATTRIBUTES
                        .iter()
                        .any(|a| name.eq_ignore_ascii_case(a))
                    {
                        chars.extend_decoded(value);
                        bold.extend_decoded(value);
                    } else if name.eq_ignore_ascii_case("class") {
                        class = value;
                    } else if name.eq_ignore_ascii_case("font-weight") {
                        bold_here |= is_bold_weight(value);
                    } else if name.eq_ignore_ascii_case("style") {
                        bold_here |= declares_bold(value);
                    }
                }
                let mut element = Open {
                    name: tag.name,
                    class,
                    bold: bold_here || open.last().is_some_and(|e| e.bold),
                };
                element.bold = element.bold || rules.iter().any(|r| r.matches(&element, &open));
                if !is_void(&tag) {
                    open.push(element);
                }
            }
            Piece::End(name) => {
                if let Some(at) = open.iter().rposition(|e| e.name.eq_ignore_ascii_case(name)) {
                    open.truncate(at);
                }
            }
            Piece::Raw {
                name: "style",
                content,
            } => {
                let css = without_comments(content);
                let generated = css_content_text(&css);
                chars.extend(&generated);
                bold.extend(&generated);
                bold_selectors(&css, &mut rules);
            }
            Piece::Raw { .. } => {}
        }
    }
    let keep = |set: Chars| {
        let mut set = set.into_set();
        set.retain(|c| !c.is_whitespace() && !c.is_control());
        set
    };
    Shown {
        chars: keep(chars),
        bold: keep(bold),
    }
}

/// An element open at the scanner's place: its name, its `class` as written, whether its
/// text may be bold.
struct Open<'a> {
    name: &'a str,
    class: &'a str,
    bold: bool,
}

impl Open<'_> {
    fn has_class(&self, class: &str) -> bool {
        self.class.split_ascii_whitespace().any(|c| c == class)
    }
}

/// Whether the tag has no end tag to wait for.
fn is_void(tag: &Tag<'_>) -> bool {
    tag.self_closing() || VOID.iter().any(|v| tag.name.eq_ignore_ascii_case(v))
}

/// One compound of a selector: an element name (none for any), and classes.
#[derive(Debug, PartialEq, Eq)]
struct Compound {
    name: Option<String>,
    classes: Vec<String>,
}

impl Compound {
    fn parse(text: &str) -> Compound {
        let ident = |s: &str| {
            s.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .map_or(s.to_string(), |end| s[..end].to_string())
        };
        let name = ident(text);
        let classes = text
            .split('.')
            .skip(1)
            .map(ident)
            .filter(|c| !c.is_empty())
            .collect();
        Compound {
            name: (!name.is_empty()).then_some(name),
            classes,
        }
    }

    fn matches(&self, element: &Open<'_>) -> bool {
        self.name
            .as_deref()
            .is_none_or(|n| element.name.eq_ignore_ascii_case(n))
            && self.classes.iter().all(|c| element.has_class(c))
    }
}

/// A selector of a rule declaring a bold weight, as the compounds of a descendant chain
/// (child combinators read as descendant ones; what comes before a sibling combinator, and
/// ids, attributes and pseudo-classes, are left out: the selector matches more, not less).
#[derive(Debug, PartialEq, Eq)]
struct Selector(Vec<Compound>);

impl Selector {
    /// `None` for a selector of generated content (`::before`, `::after`): its text counts
    /// for both faces already.
    fn parse(text: &str) -> Option<Selector> {
        if text.contains(":before") || text.contains(":after") {
            return None;
        }
        let text = text.rsplit(['+', '~']).next().unwrap_or(text);
        let compounds: Vec<Compound> = text
            .split(|c: char| c.is_whitespace() || c == '>')
            .filter(|c| !c.is_empty())
            .map(|c| Compound::parse(c.split([':', '[', '#']).next().unwrap_or_default()))
            .collect();
        (!compounds.is_empty()).then_some(Selector(compounds))
    }

    /// Whether `element`, inside `ancestors` (outermost first), is what this selects.
    fn matches(&self, element: &Open<'_>, ancestors: &[Open<'_>]) -> bool {
        let Some((last, before)) = self.0.split_last() else {
            return false;
        };
        if !last.matches(element) {
            return false;
        }
        let mut outer = ancestors.iter().rev();
        before
            .iter()
            .rev()
            .all(|compound| outer.any(|a| compound.matches(a)))
    }
}

/// The selectors of the rules of `css` that declare a bold weight, added to `out`; the rules
/// inside `@media` and `@supports` read as if at the top, other at-rules passed over.
fn bold_selectors(css: &str, out: &mut Vec<Selector>) {
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        // A block that ended before this rule leaves its `}` in front of the prelude.
        let prelude = rest[..open].rsplit('}').next().unwrap_or_default().trim();
        let after = &rest[open + 1..];
        if prelude.starts_with("@media") || prelude.starts_with("@supports") {
            rest = after;
            continue;
        }
        let close = after.find('}').unwrap_or(after.len());
        if !prelude.starts_with('@') && declares_bold(&after[..close]) {
            out.extend(prelude.split(',').filter_map(Selector::parse));
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
}

/// Whether CSS declarations set a bold weight (`font-weight`, or the `font` shorthand).
fn declares_bold(declarations: &str) -> bool {
    declarations.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value = value.replace("!important", "");
        match property.trim().to_ascii_lowercase().as_str() {
            "font-weight" => is_bold_weight(&value),
            "font" => value.split_ascii_whitespace().any(is_bold_weight),
            _ => false,
        }
    })
}

/// Whether a weight is drawn with the bold face of a family of 400 and 700: `bold`,
/// `bolder`, or a number above 500.
fn is_bold_weight(value: &str) -> bool {
    let value = value.trim();
    value.eq_ignore_ascii_case("bold")
        || value.eq_ignore_ascii_case("bolder")
        || value
            .parse::<rust_decimal::Decimal>()
            .is_ok_and(|w| w > rust_decimal::Decimal::from(500))
}

/// `css` without its comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The quoted strings of CSS `content:` declarations, run together.
fn css_content_text(css: &str) -> String {
    let mut out = String::new();
    for declaration in css.split("content:").skip(1) {
        let value = declaration.split([';', '}']).next().unwrap_or_default();
        for (i, part) in value.split('"').enumerate() {
            if i % 2 == 1 {
                out.push_str(part);
            }
        }
    }
    out
}

/// A set of characters cheap to fill one by one: a bit per Basic Multilingual Plane code
/// point, and a tree for the rest.
struct Chars {
    bmp: Vec<u64>,
    astral: BTreeSet<char>,
}

impl Chars {
    fn new() -> Chars {
        Chars {
            bmp: vec![0; 0x1_0000 / 64],
            astral: BTreeSet::new(),
        }
    }

    fn insert(&mut self, c: char) {
        let code = u32::from(c) as usize;
        match self.bmp.get_mut(code / 64) {
            Some(word) => *word |= 1 << (code % 64),
            None => {
                self.astral.insert(c);
            }
        }
    }

    fn extend(&mut self, text: &str) {
        // Most of a report is ASCII markup-free text and Thai: the first skips decoding.
        if text.is_ascii() {
            for b in text.bytes() {
                self.bmp[usize::from(b) / 64] |= 1 << (b % 64);
            }
        } else {
            text.chars().for_each(|c| self.insert(c));
        }
    }

    /// Text with character references (`&amp;`, `&#3588;`, `&#x0E04;`) decoded.
    fn extend_decoded(&mut self, text: &str) {
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            self.extend(&rest[..amp]);
            rest = &rest[amp..];
            let decoded = rest
                .find(';')
                .filter(|&semi| semi <= 10)
                .and_then(|semi| Some((reference(&rest[1..semi])?, semi)));
            match decoded {
                Some((c, semi)) => {
                    self.insert(c);
                    rest = &rest[semi + 1..];
                }
                None => {
                    self.insert('&');
                    rest = &rest[1..];
                }
            }
        }
        self.extend(rest);
    }

    fn into_set(self) -> BTreeSet<char> {
        let mut set = self.astral;
        for (i, word) in self.bmp.iter().enumerate() {
            for bit in 0..64 {
                if word & (1 << bit) != 0 {
                    set.extend(u32::try_from(i * 64 + bit).ok().and_then(char::from_u32));
                }
            }
        }
        set
    }
}

/// The character of a reference's body (`amp`, `#3588`, `#x0E04`).
fn reference(body: &str) -> Option<char> {
    let code = if let Some(hex) = body.strip_prefix("#x").or(body.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = body.strip_prefix('#') {
        decimal.parse().ok()?
    } else {
        return match body {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{A0}'),
            _ => None,
        };
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_svg_text_labels_and_css_content_count_titles_and_scripts_do_not() {
        let html = r#"<!doctype html><html><head><title>QQ</title><style>b{color:red}p::before{content: "ฉ" attr(x) "ช";}</style></head>
<body><!-- ZZ --><p title="a > b">ก&amp;ข&#x0E04;&#3591;&bogus; &lt;</p><svg><text>ง</text></svg><td data-label="จ">1</td>
<SCRIPT>var w = "W";</SCRIPT></body></html>"#;
        let chars: String = shown_chars(html).into_iter().collect();
        assert_eq!(chars, "&1;<bgosuกขคงจฉช");
    }

    #[test]
    fn a_weight_above_500_is_bold_fractions_too() {
        for (weight, bold) in [
            ("500", false),
            ("500.5", true),
            (" 650 ", true),
            ("400", false),
            ("Bold", true),
            ("normal", false),
            ("lighter", false),
        ] {
            assert_eq!(is_bold_weight(weight), bold, "{weight}");
        }
    }

    #[test]
    fn bold_text_is_what_bold_elements_and_bold_rules_hold() {
        let html = r#"<html><head><style>/* .x{font-weight:700} */
.v, p.k > .q { font-weight: 700; } .n { font-weight: 400 } .m { font: bold 1rem serif }
@media print { .p { font-weight: 800 } } td::before { content: "ฉ"; font-weight: 700 }
a + .s { font-weight: bolder }</style></head><body>
<h2>ก<span class="n">ข</span></h2><p>ค<strong>ง</strong><br>จ</p><div class="v">ช</div>
<p class="k x"><i>ซ<em class="q">ฌ</em></i></p><p class="k"></p><em class="q">ญ</em>
<table><tr><th scope="row">ฎ</th><td class="m">ฏ</td><td class="p">ฐ</td><td class="x">ฑ</td></tr></table>
<svg><rect class="v"/><text font-weight="bold">ฒ</text><text class="b">ณ</text></svg>
<span style="color:red;font-weight:600">ด</span><span class="s">ต</span><p>ถ</p></body></html>"#;
        let shown = shown(html);
        let all: String = shown.chars.iter().collect();
        assert_eq!(all, "กขคงจฉชซฌญฎฏฐฑฒณดตถ");
        // ข is set back to normal: counted bold all the same (more, never less).
        let bold: String = shown.bold.into_iter().collect();
        assert_eq!(bold, "กขงฉชฌฎฏฐฒดต");
    }
}

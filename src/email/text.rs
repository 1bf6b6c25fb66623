//! The characters a rendered report shows: text content (inline SVG text included, entities
//! decoded), the quoted strings of CSS `content` (labels the phone layout adds before cells)
//! and `data-label` values a theme may show through `attr()`. Scripts, comments and the tab
//! title are skipped: the page's font does not draw them.
//!
//! Read with the one scanner of the HTML planbook writes ([`crate::render::scan`]): it is
//! about forty times faster than a full tokenizer on a report of ten plans, which matters
//! for the 924 reports of a department's site; `tests/it/report_file.rs` checks the result
//! against html5ever's tokenizer.

use crate::render::scan::{Piece, scan};
use std::collections::BTreeSet;

/// Elements whose content is not text the font draws (`style` is read for `content:`).
const RAW: &[&str] = &["style", "script", "title", "textarea"];

/// Attributes whose values a theme's CSS may show as text.
const SHOWN_ATTRIBUTES: [&str; 1] = ["data-label"];

/// Every character `html` shows, whitespace and controls left out.
pub fn shown_chars(html: &str) -> BTreeSet<char> {
    let mut chars = Chars::new();
    for piece in scan(html, RAW) {
        match piece {
            Piece::Text(text) => chars.extend_decoded(text),
            Piece::Tag(tag) => {
                for (name, value) in tag.attributes() {
                    if SHOWN_ATTRIBUTES
                        .iter()
                        .any(|a| name.eq_ignore_ascii_case(a))
                    {
                        chars.extend_decoded(value);
                    }
                }
            }
            Piece::Raw {
                name: "style",
                content,
            } => chars.extend(&css_content_text(content)),
            Piece::Raw { .. } => {}
        }
    }
    let mut set = chars.into_set();
    set.retain(|c| !c.is_whitespace() && !c.is_control());
    set
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
}

//! The characters a rendered report shows: text content (inline SVG text included, entities
//! decoded), the quoted strings of CSS `content` (labels the phone layout adds before cells)
//! and `data-label` values a theme may show through `attr()`. Scripts, comments and the tab
//! title are skipped: the page's font does not draw them.
//!
//! A single pass over the HTML planbook itself wrote (templates, escaped text, sanitised
//! Markdown, plotters' SVG), so `<` only ever opens a tag. It is about forty times faster
//! than a full tokenizer on a report of ten plans, which matters for the 924 reports of a
//! department's site; `tests/it/report_file.rs` checks it against html5ever's tokenizer.

use std::collections::BTreeSet;

/// Elements whose content is not text the font draws (`style` is read for `content:`).
const RAW: [&str; 4] = ["style", "script", "title", "textarea"];

/// Attributes whose values a theme's CSS may show as text, as they open in a tag.
const SHOWN_ATTRIBUTES: [&str; 1] = [" data-label=\""];

/// Every character `html` shows, whitespace and controls left out.
pub fn shown_chars(html: &str) -> BTreeSet<char> {
    let mut chars = Chars::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        chars.extend_decoded(&rest[..open]);
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.split_once("-->").map_or("", |(_, after)| after);
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[..end];
        rest = &rest[end..];
        for attribute in SHOWN_ATTRIBUTES {
            if let Some(value) = attribute_value(tag, attribute) {
                chars.extend_decoded(value);
            }
        }
        let name = tag_name(tag);
        if let Some(raw) = RAW.iter().find(|r| name.eq_ignore_ascii_case(r)) {
            let close = find_ignore_case(rest, &format!("</{raw}")).unwrap_or(rest.len());
            if *raw == "style" {
                chars.extend(&css_content_text(&rest[..close]));
            }
            rest = &rest[close..];
        }
    }
    chars.extend_decoded(rest);
    let mut set = chars.into_set();
    set.retain(|c| !c.is_whitespace() && !c.is_control());
    set
}

/// The length of the tag at the start of `text` (`<…>`), quotes respected.
fn tag_end(text: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, b) in text.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            (None, _) => {}
        }
    }
    text.len()
}

/// The name of a start tag (`""` for end tags and declarations).
fn tag_name(tag: &str) -> &str {
    let inner = &tag[1..];
    let end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(inner.len());
    &inner[..end]
}

/// The double-quoted value of an attribute (`key` is ` name="`) in a tag, as written.
fn attribute_value<'a>(tag: &'a str, key: &str) -> Option<&'a str> {
    let start = tag.find(key)? + key.len();
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
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

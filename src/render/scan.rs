//! A scanner for the HTML planbook itself writes (templates, escaped text, sanitised
//! Markdown, plotters' SVG), where `<` only ever opens a tag: text, start tags with their
//! attributes, end tags, and the content of raw-text elements, in one pass that allocates
//! nothing.
//! The link checker reads every page of a build with it, the email report's font subsetter
//! every report; `tests/it/report_file.rs` checks it against html5ever's tokenizer.

/// One piece of a page, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text between tags, character references as written.
    Text(&'a str),
    /// A start tag (comments and declarations are passed over).
    Tag(Tag<'a>),
    /// An end tag's name as written (`p` for `</p>`).
    End(&'a str),
    /// The content of one of the scanner's raw elements, up to its end tag.
    Raw {
        name: &'static str,
        content: &'a str,
    },
}

/// A start tag: its name as written, and its attributes.
#[derive(Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    pub name: &'a str,
    /// From after the name to the closing `>` (excluded).
    attributes: &'a str,
}

impl<'a> Tag<'a> {
    /// Every `name=value` attribute, the value as written (quotes removed, references
    /// kept); attributes without a value are passed over.
    pub fn attributes(&self) -> Attributes<'a> {
        Attributes {
            text: self.attributes,
            at: 0,
        }
    }

    /// Whether the tag closes itself (`<rect …/>`, as SVG writes elements without content).
    pub fn self_closing(&self) -> bool {
        self.attributes.ends_with('/')
    }
}

/// The pieces of a page; the content of the elements named `raw` (ASCII case ignored) is
/// one [`Piece::Raw`], never read as tags.
pub fn scan<'a>(html: &'a str, raw: &'static [&'static str]) -> Scanner<'a> {
    Scanner {
        html,
        at: 0,
        raw,
        in_raw: None,
    }
}

pub struct Scanner<'a> {
    html: &'a str,
    at: usize,
    raw: &'static [&'static str],
    /// The raw element whose start tag was the last piece.
    in_raw: Option<&'static str>,
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let page: &'a str = self.html;
        let html = page.as_bytes();
        if let Some(name) = self.in_raw.take() {
            let rest = &html[self.at..];
            let close = find_end_tag(rest, name).unwrap_or(rest.len());
            let content = &page[self.at..self.at + close];
            self.at += close;
            return Some(Piece::Raw { name, content });
        }
        while self.at < html.len() {
            let open = memchr::memchr(b'<', &html[self.at..]).map_or(html.len(), |o| self.at + o);
            if open > self.at {
                let text = &page[self.at..open];
                self.at = open;
                return Some(Piece::Text(text));
            }
            let after = open + 1;
            if html.get(after) == Some(&b'/') {
                let name_end = after
                    + 1
                    + html[after + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                        .count();
                self.at = memchr::memchr(b'>', &html[name_end..])
                    .map_or(html.len(), |end| name_end + end + 1);
                if name_end > after + 1 {
                    return Some(Piece::End(&page[after + 1..name_end]));
                }
                continue;
            }
            if html[after..].starts_with(b"!--") {
                self.at = memchr::memmem::find(&html[after..], b"-->")
                    .map_or(html.len(), |end| after + end + 3);
                continue;
            }
            let name_end = after
                + html[after..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                    .count();
            let mut attributes = Attributes {
                text: &page[name_end..],
                at: 0,
            };
            attributes.by_ref().for_each(drop);
            let attributes_end = name_end + attributes.at;
            self.at = (attributes_end + 1).min(html.len());
            if name_end == after {
                continue;
            }
            let name = &page[after..name_end];
            self.in_raw = self
                .raw
                .iter()
                .find(|raw| name.eq_ignore_ascii_case(raw))
                .copied();
            return Some(Piece::Tag(Tag {
                name,
                attributes: &page[name_end..attributes_end],
            }));
        }
        None
    }
}

/// The attributes of a tag, read up to its `>`.
pub struct Attributes<'a> {
    text: &'a str,
    /// Where reading stopped: at the `>` (or the end) once every attribute is read.
    at: usize,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let tag: &'a str = self.text;
        let text = tag.as_bytes();
        let skip = |mut i: usize, what: fn(u8) -> bool| {
            while i < text.len() && what(text[i]) {
                i += 1;
            }
            i
        };
        loop {
            let start = skip(self.at, |b| b.is_ascii_whitespace() || b == b'/');
            if start >= text.len() || text[start] == b'>' {
                self.at = start;
                return None;
            }
            let name_end = skip(start, |b| {
                !matches!(b, b'=' | b'>' | b'/') && !b.is_ascii_whitespace()
            });
            let equals = skip(name_end, |b| b.is_ascii_whitespace());
            if equals >= text.len() || text[equals] != b'=' {
                self.at = equals;
                continue;
            }
            let value_start = skip(equals + 1, |b| b.is_ascii_whitespace());
            let (value, next) = match text.get(value_start) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(quote, &text[value_start + 1..])
                        .map_or(text.len(), |p| value_start + 1 + p);
                    (value_start + 1..end, (end + 1).min(text.len()))
                }
                _ => {
                    let end = skip(value_start, |b| !b.is_ascii_whitespace() && b != b'>');
                    (value_start..end, end)
                }
            };
            self.at = next;
            return Some((&tag[start..name_end], &tag[value]));
        }
    }
}

/// Where `</name` first occurs in `html`, ASCII case ignored; `<` is found with memchr, so
/// skipping a large `<style>` or chart costs little more than reading it.
fn find_end_tag(html: &[u8], name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'<', &html[from..]) {
        let start = from + at;
        let after = &html[start + 1..];
        if after.len() > name.len()
            && after[0] == b'/'
            && after[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tags_end_tags_and_raw_elements_in_order_comments_passed_over() {
        let html = r#"<!doctype html><p title='a > "b"' hidden data-x=1>a&amp;b</p><!-- <i> -->
<SCRIPT src="s.js">if (a < b) "</p>";</script ><svg><text>t</text><rect x="1"/></svg>"#;
        let pieces: Vec<Piece<'_>> = scan(html, &["script"]).collect();
        let tag = |name, attributes| Piece::Tag(Tag { name, attributes });
        assert_eq!(
            pieces,
            [
                tag("p", r#" title='a > "b"' hidden data-x=1"#),
                Piece::Text("a&amp;b"),
                Piece::End("p"),
                Piece::Text("\n"),
                tag("SCRIPT", r#" src="s.js""#),
                Piece::Raw {
                    name: "script",
                    content: r#"if (a < b) "</p>";"#
                },
                Piece::End("script"),
                tag("svg", ""),
                tag("text", ""),
                Piece::Text("t"),
                Piece::End("text"),
                tag("rect", r#" x="1"/"#),
                Piece::End("svg"),
            ]
        );
        let Piece::Tag(rect) = &pieces[11] else {
            panic!("the rect")
        };
        assert!(rect.self_closing());
        let Piece::Tag(p) = &pieces[0] else {
            panic!("a tag first")
        };
        let attributes: Vec<_> = p.attributes().collect();
        assert_eq!(attributes, [("title", r#"a > "b""#), ("data-x", "1")]);
    }

    #[test]
    fn an_unclosed_tag_or_raw_element_ends_with_the_page() {
        let pieces: Vec<Piece<'_>> = scan("x<style>a{}", &["style"]).collect();
        assert_eq!(pieces.len(), 3);
        assert_eq!(
            pieces[2],
            Piece::Raw {
                name: "style",
                content: "a{}"
            }
        );
        let pieces: Vec<Piece<'_>> = scan(r#"<a href="x"#, &[]).collect();
        let Piece::Tag(a) = &pieces[0] else {
            panic!("a tag")
        };
        assert_eq!(a.attributes().collect::<Vec<_>>(), [("href", "x")]);
    }
}

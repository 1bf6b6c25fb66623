//! Thai line breaking for every rendered page: each text node of the HTML that holds Thai is
//! replaced by [`thai::marked_html`] (its words kept whole, `<wbr>` where a line may end).
//!
//! Works on the escaped output of the templates, so it covers template text, user text and
//! sanitised Markdown alike. Tags, comments and attributes pass through untouched, as do the
//! insides of `script`, `style`, `title`, `textarea` and `svg` (where markup would be
//! text or invalid). An element whose start tag carries `data-breaks="phrases"` breaks its
//! text at phrases (a title's balanced lines). A text node holding an entity it does not
//! know stays as it is. Outside `pre`, a run of whitespace that holds a line break (a
//! template's indentation) is cut to the line break: a browser shows either as one space.

use crate::thai::{self, BreakMode};
use std::borrow::Cow;

/// Elements whose content is left alone, by the name that ends them.
const LEFT_ALONE: &[&str] = &["script", "style", "title", "textarea", "svg"];

/// `html` with its Thai text nodes marked for line breaking.
pub fn mark_line_breaks(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    let mut mode = BreakMode::Words;
    let mut preformatted = false;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if preformatted {
            mark_text(text, mode, &mut out);
        } else {
            mark_text(&collapse_line_runs(text), mode, &mut out);
        }
        rest = &rest[text_end..];
        if rest.is_empty() {
            break;
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(rest.len(), |at| 4 + at + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let tag_end = tag_end(rest);
        let tag = &rest[..tag_end];
        out.push_str(tag);
        rest = &rest[tag_end..];
        if tag.starts_with("</") {
            mode = BreakMode::Words;
            if tag
                .get(..5)
                .is_some_and(|t| t.eq_ignore_ascii_case("</pre"))
            {
                preformatted = false;
            }
            continue;
        }
        if starts_element(tag, "pre") {
            preformatted = true;
        }
        mode = if tag.contains("data-breaks=\"phrases\"") {
            BreakMode::Phrases
        } else {
            BreakMode::Words
        };
        if let Some(name) = LEFT_ALONE.iter().find(|name| starts_element(tag, name)) {
            let close = format!("</{name}");
            let end = rest.find(&close).unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// `html` without the marks [`mark_line_breaks`] put in: for reading a page as text (tests)
/// and for timing the marking again (`examples/line_breaks`).
pub fn strip_line_breaks(html: &str) -> String {
    const OPEN: &str = "<span class=\"w\">";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        rest = &rest[at + OPEN.len()..];
        // A mark wraps one text node: its span closes before any other tag.
        let end = rest.find("</span>").unwrap_or(rest.len());
        out.push_str(&rest[..end].replace("<wbr>", ""));
        rest = rest.get(end + "</span>".len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// `text` with every run of whitespace that holds a line feed cut to that line feed.
fn collapse_line_runs(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let needless = bytes
        .windows(2)
        .any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && bytes.contains(&b'\n');
    if !needless {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_whitespace()) {
        out.push_str(&rest[..at]);
        let run = &rest[at..];
        let len = run.len()
            - run
                .trim_start_matches(|c: char| c.is_ascii_whitespace())
                .len();
        let run = &run[..len];
        out.push_str(if run.contains('\n') { "\n" } else { run });
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// True when `tag` opens an element named `name`.
fn starts_element(tag: &str, name: &str) -> bool {
    tag.strip_prefix('<')
        .and_then(|t| t.get(..name.len()).map(|n| (n, &t[name.len()..])))
        .is_some_and(|(n, after)| {
            n.eq_ignore_ascii_case(name)
                && after.starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
        })
}

/// The length of the tag at the start of `html` (through its `>`), quotes respected.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (at, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    html.len()
}

/// Appends the text node `text` (escaped HTML), marked when it holds Thai.
fn mark_text(text: &str, mode: BreakMode, out: &mut String) {
    // Thai letters are U+0E01..U+0E5B: UTF-8 E0 B8 xx or E0 B9 xx.
    let thai = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xE0 && matches!(w[1], 0xB8 | 0xB9));
    if !thai {
        out.push_str(text);
        return;
    }
    if !text.contains('&') {
        out.push_str(&thai::marked_html(text, mode));
        return;
    }
    match unescape(text) {
        Some(plain) => out.push_str(&thai::marked_html(&plain, mode)),
        None => out.push_str(text),
    }
}

/// The text of an escaped text node; `None` for an entity this does not know.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';')?;
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => {
                let number = entity.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_text_nodes_and_nothing_else() {
        let html = "<p title=\"ส่งเสริมสหกรณ์\">ส่งเสริมสหกรณ์ &amp; ฝึกอบรม</p>\
            <style>p::after{content:\"ส่งเสริมสหกรณ์\"}</style><title>ส่งเสริมสหกรณ์</title>\
            <svg><text>ส่งเสริมสหกรณ์</text></svg><!-- ส่งเสริมสหกรณ์ -->";
        let marked = mark_line_breaks(html);
        assert!(
            marked.starts_with("<p title=\"ส่งเสริมสหกรณ์\"><span class=\"w\">"),
            "{marked}"
        );
        assert!(marked.contains("&amp;"), "{marked}");
        assert_eq!(marked.matches("<span class=\"w\">").count(), 1, "{marked}");
        assert!(marked.ends_with(
            "</p><style>p::after{content:\"ส่งเสริมสหกรณ์\"}</style><title>ส่งเสริมสหกรณ์</title>\
            <svg><text>ส่งเสริมสหกรณ์</text></svg><!-- ส่งเสริมสหกรณ์ -->"
        ));
        assert_eq!(strip_line_breaks(&marked), html);
    }

    #[test]
    fn indentation_is_cut_to_its_line_break_outside_pre() {
        let html = "<ul>\n    <li>a  b</li>\n  \n</ul><pre>x\n    y</pre>\n\t<p>\n  ส่งเสริม\n  </p>";
        assert_eq!(
            mark_line_breaks(html),
            "<ul>\n<li>a  b</li>\n</ul><pre>x\n    y</pre>\n<p>\n<span class=\"w\">ส่งเสริม\n</span></p>"
        );
    }

    #[test]
    fn escaped_markup_stays_text() {
        let marked = mark_line_breaks("<td>&lt;script&gt;ส่งเสริม&#39;สหกรณ์&#x27;</td>");
        assert!(!marked.contains("<script"), "{marked}");
        assert!(marked.contains("&lt;script&gt;"), "{marked}");
        // An entity it does not know leaves the node as it was.
        let odd = "<td>&hellip;ส่งเสริมสหกรณ์</td>";
        assert_eq!(mark_line_breaks(odd), odd);
    }

    #[test]
    fn phrase_titles() {
        let marked = mark_line_breaks(
            "<p data-breaks=\"phrases\">แผนงานยุทธศาสตร์เพื่อสนับสนุนด้านการสร้างโอกาสและความเสมอภาคทางสังคม</p>",
        );
        assert!(
            marked.contains("ด้านการสร้างโอกาส<wbr>และความเสมอภาคทางสังคม</span></p>"),
            "{marked}"
        );
    }
}

//! Inline Markdown for the plan document's conditions and approval terms (untrusted text).
//!
//! Only inline markup survives (emphasis, code, links, line breaks): a line that would open
//! a block (a list, a heading, a quote, a rule) is escaped so its text prints as written,
//! and the HTML goes through ammonia with an inline-only allow-list. Thai digits, when asked
//! for, replace the digits of the text only, never those of a link's address.

use crate::thai::digits_if;
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// Tags an inline fragment may keep.
const INLINE_TAGS: [&str; 12] = [
    "a", "b", "br", "code", "del", "em", "i", "s", "strong", "sub", "sup", "u",
];

/// `text` (inline Markdown) as sanitised HTML, digits Thai when `thai`.
pub fn inline_html(text: &str, thai: bool) -> String {
    let source = text
        .lines()
        .map(|line| escape_block_start(line.trim_start()))
        .collect::<Vec<_>>()
        .join("\n");
    let events = Parser::new(&source).filter_map(|event| match event {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::SoftBreak => Some(Event::Text(CowStr::Borrowed(" "))),
        Event::Text(t) => Some(Event::Text(digits_if(&t, thai).into())),
        Event::Code(t) => Some(Event::Code(digits_if(&t, thai).into())),
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::empty()
        .tags(INLINE_TAGS.iter().copied().collect::<HashSet<_>>())
        .clean(html.trim())
        .to_string()
}

/// A backslash where `line` would open a Markdown block, so it stays text.
fn escape_block_start(line: &str) -> String {
    let first = line.chars().next();
    let rule = !line.is_empty()
        && line
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '));
    let bullet = ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m)) || line == "-";
    let heading = line.starts_with('#') && {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        line[hashes..].is_empty() || line[hashes..].starts_with(' ')
    };
    let fence = line.starts_with("```") || line.starts_with("~~~");
    if rule || bullet || heading || fence || first == Some('>') {
        return format!("\\{line}");
    }
    // `12. text` or `3) text`: escape the punctuation after the number.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    if (1..=9).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
    {
        return format!("{}\\{}", &line[..digits], rest);
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_thai_text_is_unchanged_but_escaped() {
        assert_eq!(
            inline_html("ภายใน 60 วัน (Action Plan) & <ต่อ>", false),
            "ภายใน 60 วัน (Action Plan) &amp; &lt;ต่อ&gt;"
        );
        assert_eq!(inline_html("ภายใน 60 วัน", true), "ภายใน ๖๐ วัน");
    }

    #[test]
    fn inline_markup_survives_and_scripts_do_not() {
        assert_eq!(
            inline_html(
                "**สำคัญ** ดู [ระเบียบ 2562](https://example.go.th/r/2562)",
                true
            ),
            "<strong>สำคัญ</strong> ดู <a href=\"https://example.go.th/r/2562\" rel=\"noopener noreferrer\">ระเบียบ ๒๕๖๒</a>"
        );
        assert_eq!(
            inline_html(
                "ก <script>alert(1)</script><img src=x onerror=alert(1)>ข",
                false
            ),
            "ก ข"
        );
        assert_eq!(
            inline_html("[x](javascript:alert(1))", false),
            "<a rel=\"noopener noreferrer\">x</a>"
        );
    }

    #[test]
    fn block_syntax_prints_as_written() {
        assert_eq!(inline_html("1. ข้อแรก", false), "1. ข้อแรก");
        assert_eq!(inline_html("- ข้อ", false), "- ข้อ");
        assert_eq!(inline_html("# หัวข้อ", false), "# หัวข้อ");
        assert_eq!(inline_html("> อ้าง", false), "&gt; อ้าง");
        assert_eq!(inline_html("บรรทัดหนึ่ง\n---", false), "บรรทัดหนึ่ง ---");
        assert_eq!(inline_html("    ย่อหน้า", false), "ย่อหน้า");
        assert_eq!(inline_html("บรรทัด\nสอง", false), "บรรทัด สอง");
    }
}

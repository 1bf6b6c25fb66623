//! Markdown written by users (narratives, problems, free pages) to safe HTML.
//!
//! User text is untrusted: pulldown-cmark renders it, then ammonia keeps only harmless tags
//! and attributes. Text with nothing but plain structure (paragraphs, lists, emphasis,
//! headings, code: no raw HTML, link, image or table) skips ammonia, which would keep
//! pulldown-cmark's escaped output of it as it is; that is most narratives, and ammonia
//! costs five times the rendering. Nothing may leave the site folder, so links to the internet become their
//! text followed by the address, and images become their alt text. A standalone file (the
//! email report) keeps no link at all: `to_standalone_html` also turns site links and
//! `mailto:` into text.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::LazyLock;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .rm_tags(["img"])
        .url_schemes(HashSet::from(["mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// For a file that must refer to nothing outside itself: no URL survives, not even a
/// relative one or `mailto:` (an `<a>` left by raw HTML loses its `href`).
static STANDALONE: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .rm_tags(["img"])
        .url_schemes(HashSet::new())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(None);
    builder
});

/// Renders Markdown to sanitised HTML, ready to place in a page as it is.
pub fn to_html(markdown: &str) -> String {
    render(markdown, false, &SANITIZER)
}

/// Like [`to_html`], for a standalone file: every link becomes its text, followed by the
/// address for `mailto:` and internet links.
pub fn to_standalone_html(markdown: &str) -> String {
    render(markdown, true, &STANDALONE)
}

fn render(markdown: &str, standalone: bool, sanitizer: &ammonia::Builder<'static>) -> String {
    let markdown = without_control_characters(markdown);
    let events = events(&markdown, standalone);
    let plain = events.iter().all(is_plain);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if plain {
        html
    } else {
        sanitizer.clean(&html).to_string()
    }
}

/// The text with U+0000 replaced by U+FFFD, as CommonMark requires, and so every other
/// control character but tab and line breaks, which no page can show: before any path
/// (plain or sanitised) sees it.
fn without_control_characters(markdown: &str) -> std::borrow::Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if markdown.contains(unwanted) {
        std::borrow::Cow::Owned(markdown.replace(unwanted, "\u{fffd}"))
    } else {
        std::borrow::Cow::Borrowed(markdown)
    }
}

/// Whether pulldown-cmark writes `event` as tags of ammonia's allowed set with no attribute
/// but `<ol start>`, and text escaped: no raw HTML, URL, class or style can come of it.
fn is_plain(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::Rule
        | Event::End(_) => true,
        Event::Start(tag) => match tag {
            Tag::Paragraph
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::List(_)
            | Tag::Item
            | Tag::BlockQuote(None)
            | Tag::CodeBlock(CodeBlockKind::Indented) => true,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => info.is_empty(),
            Tag::Heading {
                id, classes, attrs, ..
            } => id.is_none() && classes.is_empty() && attrs.is_empty(),
            _ => false,
        },
        _ => false,
    }
}

/// The events of `markdown` (with tables and strikethrough), links already resolved.
fn events(markdown: &str, standalone: bool) -> Vec<Event<'_>> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    without_external_links(Parser::new_ext(markdown, options), standalone)
}

/// Links that leave the folder become text plus the address; images become their alt text.
/// `standalone`: links inside the site become their text, `mailto:` text plus the address.
fn without_external_links<'a>(parser: Parser<'a>, standalone: bool) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    // For each open link or image: the address to append after its text, if dropped.
    let mut open: Vec<Option<CowStr<'a>>> = Vec::new();
    for event in parser {
        match event {
            Event::Start(Tag::Link { ref dest_url, .. }) => match kind(dest_url) {
                Kind::Inside if standalone => {
                    let url = dest_url.trim();
                    let mail = url
                        .get(..7)
                        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
                    open.push(Some(match url.get(7..) {
                        Some(address) if mail => CowStr::from(address.to_string()),
                        _ => CowStr::Borrowed(""),
                    }));
                }
                Kind::Inside => {
                    open.push(None);
                    out.push(event);
                }
                Kind::Internet => open.push(Some(dest_url.clone())),
                Kind::Refused => open.push(Some(CowStr::Borrowed(""))),
            },
            Event::End(TagEnd::Link) => match open.pop().flatten() {
                Some(url) if url.is_empty() => {}
                Some(url) => out.push(Event::Text(format!(" ({url})").into())),
                None => out.push(event),
            },
            Event::Start(Tag::Image { .. }) => open.push(Some(CowStr::Borrowed(""))),
            Event::End(TagEnd::Image) => {
                open.pop();
            }
            other => out.push(other),
        }
    }
    out
}

enum Kind {
    /// A relative link or `mailto:`: kept.
    Inside,
    /// `http(s)://` or `//host`: shown as text.
    Internet,
    /// Any other scheme (`javascript:`, `file:`, …): dropped.
    Refused,
}

fn kind(url: &str) -> Kind {
    let url = url.trim();
    if url.starts_with("//") {
        return Kind::Internet;
    }
    let Some((scheme, _)) = url.split_once(':') else {
        return Kind::Inside;
    };
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !is_scheme || scheme.eq_ignore_ascii_case("mailto") {
        Kind::Inside
    } else if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        Kind::Internet
    } else {
        Kind::Refused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_control_character_reaches_the_html_on_any_path() {
        let inputs = [
            "plain \u{0} text",                           // the fast path, no sanitiser
            "**bold**\u{0}\n\n- item \u{1}",              // plain structure too
            "[link](/pages/a/)\u{0} <b>raw</b>\u{7f}",    // through ammonia
            "`code \u{0}`\n\n```\nblock\u{0}\u{85}\n```", // code spans and blocks
        ];
        for input in inputs {
            for html in [to_html(input), to_standalone_html(input)] {
                assert!(
                    !html.contains(|c: char| c.is_control() && c != '\n'),
                    "{input:?} -> {html:?}"
                );
                assert!(html.contains('\u{fffd}'), "{input:?} -> {html:?}");
            }
        }
        assert_eq!(to_html("a\u{0}b"), "<p>a\u{fffd}b</p>\n");
    }

    #[test]
    fn markdown_renders_and_hostile_markup_is_removed() {
        assert_eq!(
            to_html("**หนา** _เอียง_"),
            "<p><strong>หนา</strong> <em>เอียง</em></p>\n"
        );
        let html = to_html("<script>alert(1)</script>\n\n\"><img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        let html = to_html("[click](javascript:alert(1)) <a href=\"javascript:x\">y</a>");
        assert!(!html.contains("javascript:"), "{html}");
        let html = to_html("<a href=\"#\" onclick=\"alert(1)\" style=\"x\">z</a>");
        assert!(
            !html.contains("onclick") && !html.contains("style"),
            "{html}"
        );
    }

    /// What ammonia's serializer writes differently from pulldown-cmark for the same tree.
    fn as_ammonia_writes(html: &str) -> String {
        html.replace("<br />", "<br>")
            .replace("<hr />", "<hr>")
            .replace("&quot;", "\"")
    }

    #[test]
    fn plain_markdown_skips_ammonia_which_would_change_nothing() {
        let plain = [
            "ผลการดำเนินงาน\n\n- สนับสนุน 49 ราย\n- ติดตาม 1 ครั้ง\n\nเบิกจ่าย 18,892 บาท",
            "# หัวข้อ\n\n## ย่อย\n\n1. หนึ่ง\n2. สอง\n\n3. สาม\n4. สี่",
            "**หนา** _เอียง_ ~~ขีด~~ `<script>alert(\"x\")</script>` a & b < c > d \"q\" 'a'",
            "บรรทัด  \nใหม่\n\n---\n\n> อ้างอิง\n\n    code <b>\n\n```\nfenced & <i>\n```",
            "&lt;img src=x onerror=alert(1)&gt; &#60;script&#62; &amp;",
            "* [ ] not a task list\n* ข้อ\n  * ซ้อน",
            "ดู <https://x.test/a?b=1&c=\"2\"> และ ![ภาพ](p.png)",
        ];
        for markdown in plain {
            let events = events(markdown, false);
            assert!(events.iter().all(is_plain), "not plain: {markdown}");
            let fast = to_html(markdown);
            let mut raw = String::new();
            pulldown_cmark::html::push_html(&mut raw, events.into_iter());
            assert_eq!(fast, raw, "plain text is not sanitised again");
            assert_eq!(
                SANITIZER.clean(&fast).to_string(),
                as_ammonia_writes(&fast),
                "ammonia would have changed {markdown:?}"
            );
            assert_eq!(to_standalone_html(markdown), fast);
        }
        for marked in [
            "<b>raw</b>",
            "a <i>x</i> b",
            "[a](x.html)",
            "|a|b|\n|:-|-:|\n|1|2|",
            "```rust\nfn x() {}\n```",
        ] {
            let events = events(marked, false);
            assert!(!events.iter().all(is_plain), "plain: {marked}");
        }
    }

    #[test]
    fn links_out_of_the_site_become_text_with_the_address() {
        let html = to_html("ดู [กรม](https://www.cpd.go.th) และ <https://x.test/a>");
        assert!(!html.contains("href=\"http"), "{html}");
        assert!(html.contains("กรม (https://www.cpd.go.th)"), "{html}");
        let html = to_html("![แผนที่](http://x.test/a.png)");
        assert_eq!(html, "<p>แผนที่</p>\n");
        let html = to_html("[เกี่ยวกับ](../about/index.html) [mail](mailto:a@b.th)");
        assert!(html.contains("href=\"../about/index.html\""), "{html}");
        assert!(html.contains("href=\"mailto:a@b.th\""), "{html}");
    }

    #[test]
    fn standalone_html_keeps_no_link_at_all() {
        let html = to_standalone_html(
            "[เกี่ยวกับ](../about/index.html) [เขียนถึง](mailto:a@b.th) [กรม](https://x.test) <a href=\"../y.html\">raw</a> <a href=\"mailto:c@d.th\">m</a>",
        );
        assert!(!html.contains("href"), "{html}");
        assert!(
            html.contains("เกี่ยวกับ เขียนถึง (a@b.th) กรม (https://x.test)"),
            "{html}"
        );
        assert!(html.contains(">raw</a>"), "{html}");
    }
}

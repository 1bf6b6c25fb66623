//! The characters a rendered report shows, read the way a browser reads the HTML: text
//! content (inline SVG text included, entities decoded), the quoted strings of CSS `content`
//! (labels the phone layout adds before cells) and `data-label` values a theme may show
//! through `attr()`. Scripts and the tab title are skipped: the page's font does not draw
//! them.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{Rawtext, ScriptData};
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

/// Attributes whose values the report's CSS shows as text.
const SHOWN_ATTRIBUTES: [&str; 1] = ["data-label"];

struct Shown {
    chars: RefCell<BTreeSet<char>>,
    /// Inside `<style>`, `<script>`, `<title>` or `<textarea>`: not drawn with the font.
    hidden: Cell<bool>,
    in_style: Cell<bool>,
    styles: RefCell<String>,
}

impl TokenSink for Shown {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) if self.in_style.get() => {
                self.styles.borrow_mut().push_str(&text);
            }
            Token::CharacterTokens(text) if !self.hidden.get() => {
                self.chars.borrow_mut().extend(text.chars());
            }
            Token::TagToken(tag) => {
                let raw = matches!(&*tag.name, "style" | "script" | "title" | "textarea");
                if tag.kind == TagKind::EndTag {
                    if raw {
                        self.hidden.set(false);
                        self.in_style.set(false);
                    }
                    return TokenSinkResult::Continue;
                }
                for attribute in &tag.attrs {
                    if SHOWN_ATTRIBUTES.contains(&&*attribute.name.local) {
                        self.chars.borrow_mut().extend(attribute.value.chars());
                    }
                }
                if raw && !tag.self_closing {
                    self.hidden.set(true);
                    self.in_style.set(&*tag.name == "style");
                    return if &*tag.name == "script" {
                        TokenSinkResult::RawData(ScriptData)
                    } else {
                        TokenSinkResult::RawData(Rawtext)
                    };
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Every character `html` shows, whitespace and controls left out.
pub fn shown_chars(html: &str) -> BTreeSet<char> {
    let sink = Shown {
        chars: RefCell::new(BTreeSet::new()),
        hidden: Cell::new(false),
        in_style: Cell::new(false),
        styles: RefCell::new(String::new()),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut chars = tokenizer.sink.chars.take();
    chars.extend(css_content_chars(&tokenizer.sink.styles.take()));
    chars.retain(|c| !c.is_whitespace() && !c.is_control());
    chars
}

/// The characters of the quoted strings in CSS `content:` declarations.
fn css_content_chars(css: &str) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    for declaration in css.split("content:").skip(1) {
        let value = declaration.split([';', '}']).next().unwrap_or_default();
        for (i, part) in value.split('"').enumerate() {
            if i % 2 == 1 {
                out.extend(part.chars());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_svg_text_and_labels_count_styles_and_titles_do_not() {
        let html = r#"<!doctype html><html><head><title>QQ</title><style>b{color:red}p::before{content: "ฉ" attr(x) "ช";}</style></head>
<body><p>ก&amp;ข&#x0E04;</p><svg><text>ง</text></svg><td data-label="จ">1</td>
<script>var w = "W";</script></body></html>"#;
        let chars: String = shown_chars(html).into_iter().collect();
        assert_eq!(chars, "&1กขคงจฉช");
    }
}

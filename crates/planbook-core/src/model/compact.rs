//! Users' free texts (narratives, problems) held in one byte a Thai character.

use encoding_rs::WINDOWS_874;
use std::borrow::Cow;

/// A free text as the model holds it. Thai and ASCII text (nearly every narrative) is kept
/// in Windows-874, the Thai Windows code page (TIS-620 and a few punctuation marks): one
/// byte a character where UTF-8 takes three for Thai, a third of the memory for a year of
/// monthly narratives. A text that code page cannot hold exactly (an emoji, say) stays UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompactText {
    Thai(Box<[u8]>),
    Utf8(Box<str>),
}

impl CompactText {
    pub fn new(text: &str) -> CompactText {
        let (bytes, _, unmappable) = WINDOWS_874.encode(text);
        if !unmappable {
            let (back, malformed) = WINDOWS_874.decode_without_bom_handling(&bytes);
            if !malformed && back == text {
                return CompactText::Thai(bytes.into_owned().into_boxed_slice());
            }
        }
        CompactText::Utf8(text.into())
    }

    /// The text as written.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            CompactText::Thai(bytes) => WINDOWS_874.decode_without_bom_handling(bytes).0,
            CompactText::Utf8(text) => Cow::Borrowed(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_takes_a_byte_a_character_and_comes_back_as_written() {
        let text = "ผลการดำเนินงาน ๑๒ ราย\n- เบิกจ่าย 18,892.50 บาท “ครบ” … ฿";
        let compact = CompactText::new(text);
        assert!(matches!(&compact, CompactText::Thai(b) if b.len() == text.chars().count()));
        assert_eq!(compact.text(), text);
    }

    #[test]
    fn other_text_stays_utf8_and_comes_back_as_written() {
        for text in ["สวัสดี 😀", "Ünïcödé", "中文", "\u{e01}\u{200b}x", ""] {
            let compact = CompactText::new(text);
            assert_eq!(compact.text(), text, "{text:?}");
        }
        assert!(matches!(CompactText::new("สวัสดี 😀"), CompactText::Utf8(_)));
        assert!(matches!(CompactText::new("abc"), CompactText::Thai(_)));
    }
}

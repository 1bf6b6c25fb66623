//! The words of a text as the search index keys them: Thai split between words by ICU's Thai
//! dictionary ([`crate::thai::word_offsets`], as browsers' `Intl.Segmenter('th')` split a
//! query), every text split at spaces and punctuation, Latin lower-cased, Thai digits read
//! as ASCII.
//!
//! `themes/default/static/js/search.js` normalises a query the same way (`normalise`,
//! `isWordChar`), so a word typed in the browser meets the word indexed.

use crate::thai::word_offsets;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// Words too common in narratives to tell one plan from another: a query for them would
/// match nearly every plan, and their postings would fill the index.
const NARRATIVE_STOP_WORDS: &[&str] = &[
    "และ",
    "หรือ",
    "ที่",
    "ซึ่ง",
    "ของ",
    "ใน",
    "การ",
    "ความ",
    "ได้",
    "มี",
    "เป็น",
    "ให้",
    "จาก",
    "โดย",
    "เพื่อ",
    "กับ",
    "แล้ว",
    "ไป",
    "มา",
    "จะ",
    "ไม่",
    "ยัง",
    "อยู่",
    "แก่",
    "ต่อ",
    "ตาม",
    "ถึง",
    "ทั้ง",
    "นี้",
    "นั้น",
    "คือ",
    "ว่า",
    "เดือน",
    "จำนวน",
    "ราย",
    "แห่ง",
    "ครั้ง",
    "บาท",
    "ร้อยละ",
    "คน",
];

/// True for a character that belongs to a word: letters, digits and the Thai vowel and
/// tone marks written above or below a letter; not the Thai repetition and abbreviation
/// marks (ๆ ฯ), which stand after a word.
pub fn is_word_char(c: char) -> bool {
    if matches!(c, 'ๆ' | 'ฯ') {
        return false;
    }
    c.is_alphanumeric()
        || matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// `text` lower-cased, with Thai digits as ASCII digits (an officer types either).
pub fn normalise(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
            c => c,
        })
        .collect()
}

/// The words of `text`, normalised, in order, repeats kept; words of one character left out
/// (a Thai consonant alone, the letters of an abbreviation).
pub fn words(text: &str) -> Vec<String> {
    let text = normalise(text);
    let mut out = Vec::new();
    let mut from = 0;
    for at in word_offsets(&text) {
        for word in text[from..at].split(|c: char| !is_word_char(c)) {
            if word.chars().nth(1).is_some() {
                out.push(word.to_string());
            }
        }
        from = at;
    }
    out
}

/// Texts cut so far in this process, a bound on how many: a `serve` session's rebuild
/// indexes every plan again, nearly all with the texts it had.
const CUT_LIMIT: usize = 200_000;

/// Text → its words.
type Cuts = HashMap<Box<str>, Arc<[String]>>;

static CUT: LazyLock<Mutex<Cuts>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// [`words`], remembered for the process: the same text is cut once.
pub fn words_cached(text: &str) -> Arc<[String]> {
    let cache = || {
        CUT.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some(hit) = cache().get(text) {
        return Arc::clone(hit);
    }
    let cut: Arc<[String]> = words(text).into();
    let mut cache = cache();
    if cache.len() >= CUT_LIMIT {
        cache.clear();
    }
    cache.insert(text.into(), Arc::clone(&cut));
    cut
}

/// The words of a narrative worth indexing: [`words`] without stop words and bare numbers
/// (amounts and counts, which a search would not find a plan by).
pub fn narrative_words(text: &str) -> Vec<String> {
    words_cached(text)
        .iter()
        .filter(|w| is_narrative_word(w))
        .cloned()
        .collect()
}

/// True for a word of a narrative worth indexing: not a stop word nor a bare number.
pub fn is_narrative_word(word: &str) -> bool {
    !word.chars().all(|c| c.is_ascii_digit()) && !NARRATIVE_STOP_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_is_split_between_words_and_latin_at_punctuation() {
        let found = words("กิจกรรมหลักแก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกร");
        // สมาชิกสหกรณ์ is two words here, one for the line-break model.
        for word in ["กิจกรรม", "หนี้", "สหกรณ์", "เกษตรกร", "สมาชิก"]
        {
            assert!(found.iter().any(|w| w == word), "{word} not in {found:?}");
        }
        assert!(found.iter().all(|w| !w.contains('/')), "{found:?}");
        assert_eq!(words("Debt-Relief  NPL"), ["debt", "relief", "npl"]);
        // Vowel and tone marks stay in their word; ๆ does not.
        assert_eq!(words("ต่างๆ"), ["ต่าง"]);
    }

    #[test]
    fn thai_digits_read_as_ascii_and_one_letter_words_are_dropped() {
        assert_eq!(words("รหัส ๐๗๐๑ a"), ["รหัส", "0701"]);
        assert_eq!(normalise("ABC ๒๕๖๖"), "abc 2566");
    }

    #[test]
    fn narratives_lose_stop_words_and_numbers() {
        let found = narrative_words("สหกรณ์เป้าหมาย 3 แห่ง ได้รับการส่งเสริม และเบิกจ่าย 18,900 บาท");
        assert!(found.iter().any(|w| w == "เสริม"), "{found:?}");
        assert!(
            found.iter().all(|w| w != "และ" && w != "แห่ง" && w != "บาท"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .all(|w| !w.starts_with(|c: char| c.is_ascii_digit())),
            "{found:?}"
        );
    }
}

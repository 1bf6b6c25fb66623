//! Where a line of Thai text may end: UAX #14 line breaking with ICU4X's Thai word model
//! (`icu_segmenter`'s LSTM; its dictionary segmenter garbles a sentence after a word it
//! lacks: `เป็นก|ลไ|กใ|นก|า|ร` for เป็นกลไกในการ), then kept whole where the model splits
//! what an officer reads as one word (ส่งเสริม, งบประมาณ, ไม่น้อยกว่า …) and where an abbreviation or a unit word
//! leads a number (พ.ศ. ๒๕๕๕, ข้อ ๒๓, ร้อยละ ๑๐).
//!
//! Offsets are byte offsets into the text, always on character boundaries, never 0 nor the
//! text's length. Thai text has no spaces between words, so a browser left to itself breaks
//! wherever its own dictionary says (ส่ง/เสริม); [`marked_html`] turns these offsets into markup that
//! leaves it no other choice.

use icu_segmenter::options::{LineBreakOptions, WordBreakInvariantOptions};
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed, WordSegmenter, WordSegmenterBorrowed};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

/// Words the segmenter splits but an officer reads as one, in plan documents and reports:
/// a line never ends inside them.
const KEEP_WHOLE: &[&str] = &[
    "ส่งเสริม",
    "เป้าหมาย",
    "งบประมาณ",
    "ฝึกอบรม",
    "ความเสมอภาค",
    "ค่าตอบแทน",
    "รายจ่าย",
    "ผลงาน",
    "ผลผลิต",
    "ร้อยละ",
    "คงเหลือ",
    "ธุรกิจ",
    "แปรรูป",
    "ไม่น้อยกว่า",
    "ไม่เกิน",
    "รับผิดชอบ",
    "มิฉะนั้น",
    "ขับเคลื่อน",
    "ออนไลน์",
    "ออฟไลน์",
    "ความสามารถ",
    "ใช้จ่าย",
    "เบิกจ่าย",
    "ถัวจ่าย",
    "ผูกพัน",
    "ตัวชี้วัด",
    "ประสิทธิภาพ",
    "ผลสัมฤทธิ์",
    "กลุ่มเกษตรกร",
    "สหกรณ์",
    "ปฏิบัติงาน",
    "ยุทธศาสตร์",
    "ฟื้นฟู",
    "หนี้สิน",
    "ดำเนินงาน",
    "ดำเนินการ",
    "ประจำปี",
    "ประจำงวด",
    "หน่วยงาน",
    "ส่วนราชการ",
    "พ.ศ.",
    "ค.ศ.",
];

/// Words that stay on the line of the number after them (`พ.ศ. 2562`, `ข้อ 23`).
const LEAD_A_NUMBER: &[&str] = &[
    "พ.ศ.",
    "ค.ศ.",
    "ข้อ",
    "ฉบับที่",
    "มาตรา",
    "ร้อยละ",
    "ไม่เกิน",
    "ไม่น้อยกว่า",
    "ระดับ",
    "ปี",
    "วันที่",
    "ภายใน",
];

/// Words a title's line may start with when it breaks at phrases (`… การสร้างโอกาส` /
/// `และความเสมอภาคทางสังคม`).
const PHRASE_STARTS: &[&str] = &["และ", "หรือ", "เพื่อ", "ด้วย", "โดย", "ของ", "สำหรับ", "ตาม"];

/// Where lines may break.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BreakMode {
    /// Between words.
    Words,
    /// Between phrases only: at spaces, after `/`, and before the words of
    /// [`PHRASE_STARTS`]; for a title's few balanced lines.
    Phrases,
}

static SEGMENTER: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_lstm(LineBreakOptions::default()));

/// Words for search, not line breaks: ICU's Thai dictionary, the one browsers' `Intl.Segmenter`
/// uses, so a query and the index it meets are cut alike. (The line model keeps compounds
/// whole, `สมาชิกสหกรณ์`, where a search for `สหกรณ์` must find them.)
static WORDS: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

/// Where the words of `text` end (and the spaces and punctuation between them), as byte
/// offsets, ending with the text's length: for the search index.
pub fn word_offsets(text: &str) -> Vec<usize> {
    WORDS.segment_str(text).filter(|&at| at > 0).collect()
}

/// True when `text` holds a letter of the Thai block.
pub fn has_thai(text: &str) -> bool {
    text.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c))
}

/// HTML's whitespace (space, tab, line feed, form feed, carriage return): where a line may
/// break anyway. A no-break space is no such break.
fn is_html_space(c: char) -> bool {
    c.is_ascii_whitespace()
}

/// The segmenter's break opportunities in `text`, before any word is kept whole: after
/// each run of whitespace, and inside each whitespace-free chunk as the model says. Chunks (a Thai
/// phrase, a name, a unit) recur far more often than whole texts, so each chunk's breaks
/// are cached on this thread.
fn segmenter_breaks(text: &str) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let word = rest.find(is_html_space).unwrap_or(rest.len());
        let spaces = rest[word..].len() - rest[word..].trim_start_matches(is_html_space).len();
        let chunk = &rest[..word];
        breaks.extend(chunk_breaks(chunk).iter().map(|at| start + at));
        start += word + spaces;
        // As UAX #14 (LB13): no line starts with closing punctuation (`ส่วนราชการ : กรม`).
        let closing =
            text[start..].starts_with([':', ';', ',', '.', ')', ']', '}', '!', '?', '%', '/']);
        if spaces > 0 && start < text.len() && !closing {
            breaks.push(start);
        }
    }
    breaks
}

/// Chunks seen on this thread and their breaks, up to a bound.
const CHUNK_CACHE_LIMIT: usize = 100_000;

thread_local! {
    static CHUNKS: RefCell<HashMap<Box<str>, Rc<[usize]>>> = RefCell::new(HashMap::new());
}

/// The model's breaks inside one space-free chunk, cached.
fn chunk_breaks(chunk: &str) -> Rc<[usize]> {
    if let Some(hit) = CHUNKS.with(|cache| cache.borrow().get(chunk).cloned()) {
        return hit;
    }
    let breaks: Rc<[usize]> = SEGMENTER
        .segment_str(chunk)
        .filter(|&at| at > 0 && at < chunk.len())
        .collect();
    CHUNKS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CHUNK_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(chunk.into(), Rc::clone(&breaks));
    });
    breaks
}

/// Where a line of `text` may end, as byte offsets, in `mode`.
pub fn break_offsets(text: &str, mode: BreakMode) -> Vec<usize> {
    let mut breaks = segmenter_breaks(text);
    let mut inside = |start: usize, end: usize| breaks.retain(|&at| at <= start || at >= end);
    for word in KEEP_WHOLE {
        for (start, _) in text.match_indices(word) {
            inside(start, start + word.len());
        }
    }
    for word in LEAD_A_NUMBER {
        for (start, _) in text.match_indices(word) {
            let after = start + word.len();
            let rest = &text[after..];
            let gap = rest.len() - rest.trim_start().len();
            if rest[gap..].starts_with(is_digit) {
                inside(start, after + gap + 1);
            }
        }
    }
    if mode == BreakMode::Phrases {
        breaks.retain(|&at| {
            let before = text[..at].chars().next_back();
            before.is_some_and(|c| c.is_whitespace() || c == '/')
                || PHRASE_STARTS.iter().any(|w| text[at..].starts_with(w))
        });
    }
    breaks
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('๐'..='๙').contains(&c)
}

/// Texts marked so far on this thread: the same names, units and terms recur on every page.
const CACHE_LIMIT: usize = 20_000;

thread_local! {
    /// Text → the text marked, one map for each mode (looked up without allocating).
    static MARKED: RefCell<[HashMap<Box<str>, Rc<str>>; 2]> = RefCell::new([HashMap::new(), HashMap::new()]);
}

/// `text` (plain, unescaped) as HTML a browser breaks only where [`break_offsets`] allows:
/// escaped, its pieces joined by `<wbr>` inside `<span class="w">` (which the theme sets
/// `white-space: nowrap`). Whitespace before the words stays outside the span (a line may
/// end after it anyway, so it needs no mark); whitespace after them stays inside, unmarked,
/// so that the text stays on the line of what follows it (`ส่วนต่าง -6.12`). Text
/// without Thai is only escaped. The markup goes in after escaping, so no user
/// text becomes markup. Repeated texts come from a per-thread cache.
pub fn marked_html(text: &str, mode: BreakMode) -> Rc<str> {
    let slot = mode as usize;
    if let Some(hit) = MARKED.with(|cache| cache.borrow()[slot].get(text).cloned()) {
        return hit;
    }
    let marked: Rc<str> = mark(text, mode).into();
    MARKED.with(|cache| {
        let cache = &mut cache.borrow_mut()[slot];
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(text.into(), Rc::clone(&marked));
    });
    marked
}

fn mark(text: &str, mode: BreakMode) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    if !has_thai(text) {
        escape_into(text, &mut out);
        return out;
    }
    let words = text.trim_start_matches(is_html_space);
    out.push_str(&text[..text.len() - words.len()]);
    // Even one word is wrapped: the browser's dictionary may split what the model keeps.
    out.push_str("<span class=\"w\">");
    let mut from = 0;
    for at in break_offsets(words, mode) {
        escape_into(&words[from..at], &mut out);
        out.push_str("<wbr>");
        from = at;
    }
    escape_into(&words[from..], &mut out);
    out.push_str("</span>");
    out
}

/// Escapes `text` for an HTML text node.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, mode: BreakMode) -> Vec<&str> {
        let mut out = Vec::new();
        let mut from = 0;
        for at in break_offsets(text, mode) {
            out.push(&text[from..at]);
            from = at;
        }
        out.push(&text[from..]);
        out
    }

    #[test]
    fn breaks_between_words_never_inside_the_listed_ones() {
        // Every listed word, run together as Thai is written, after a word it may follow.
        let text: String = KEEP_WHOLE.iter().flat_map(|w| ["การ", w]).collect();
        let breaks = break_offsets(&text, BreakMode::Words);
        assert!(
            breaks.len() > KEEP_WHOLE.len(),
            "{:?}",
            pieces(&text, BreakMode::Words)
        );
        let mut start = 0;
        for word in KEEP_WHOLE.iter().flat_map(|w| ["การ", w]) {
            let end = start + word.len();
            assert!(
                breaks.iter().all(|&at| at <= start || at >= end),
                "{word} split: {:?}",
                pieces(&text, BreakMode::Words)
            );
            start = end;
        }
    }

    #[test]
    fn abbreviations_stay_with_their_number() {
        let text = "ตามระเบียบว่าด้วยการบริหารงบประมาณ พ.ศ. 2562 ข้อ 23 ภายใน ๖๐ วัน";
        let found = pieces(text, BreakMode::Words);
        assert!(
            found.iter().any(|p| p.starts_with("พ.ศ. 2562")),
            "{found:?}"
        );
        assert!(found.iter().any(|p| p.starts_with("ข้อ 23")), "{found:?}");
        assert!(found.iter().any(|p| p.starts_with("ภายใน ๖๐")), "{found:?}");
        // A word that merely begins like an abbreviation breaks as usual.
        assert!(!pieces("ข้อมูลของสมาชิก", BreakMode::Words).is_empty());
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let text = "ส่วนราชการ : กรมส่งเสริมสหกรณ์ (ถัวจ่าย) ได้ ?";
        let found = pieces(text, BreakMode::Words);
        assert!(
            found.iter().all(|p| !p.starts_with([':', '?'])),
            "{found:?}"
        );
        assert!(found.iter().any(|p| p.starts_with('(')), "{found:?}");
    }

    #[test]
    fn titles_break_at_phrases() {
        let title = "แผนงานยุทธศาสตร์เพื่อสนับสนุนด้านการสร้างโอกาสและความเสมอภาคทางสังคม";
        assert_eq!(
            pieces(title, BreakMode::Phrases),
            [
                "แผนงานยุทธศาสตร์",
                "เพื่อสนับสนุนด้านการสร้างโอกาส",
                "และความเสมอภาคทางสังคม"
            ]
        );
        let project = "โครงการแก้ไขปัญหาหนี้สินและพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/กลุ่มเกษตรกรด้วยระบบสหกรณ์";
        assert_eq!(
            pieces(project, BreakMode::Phrases),
            [
                "โครงการแก้ไขปัญหาหนี้สิน",
                "และพัฒนาคุณภาพชีวิตสมาชิกสหกรณ์/",
                "กลุ่มเกษตรกร",
                "ด้วยระบบสหกรณ์"
            ]
        );
    }

    #[test]
    fn marks_go_in_after_escaping() {
        let html = marked_html("<b>ส่งเสริม</b>สหกรณ์ & ฝึกอบรม", BreakMode::Words);
        assert!(html.starts_with("<span class=\"w\">&lt;b&gt;"), "{html}");
        assert!(html.ends_with("</span>"), "{html}");
        assert!(html.contains("&amp;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("<wbr>"), "{html}");
        let plain = html.replace("<wbr>", "");
        assert!(plain.contains("ส่งเสริม") && plain.contains("ฝึกอบรม"));
        // No Thai: only escaped. One Thai word: kept whole.
        assert_eq!(&*marked_html("a < b", BreakMode::Words), "a &lt; b");
        assert_eq!(
            &*marked_html("เป้าหมาย", BreakMode::Words),
            "<span class=\"w\">เป้าหมาย</span>"
        );
        // Whitespace before the words (a template's indentation) stays outside the mark,
        // whitespace after them inside and unmarked, and a run of it between words gives
        // one break, not one a line.
        assert_eq!(
            &*marked_html("\n    เป้าหมาย\n    \n  ", BreakMode::Words),
            "\n    <span class=\"w\">เป้าหมาย\n    \n  </span>"
        );
        assert_eq!(
            &*marked_html("ส่งเสริม\n\t สหกรณ์", BreakMode::Words),
            "<span class=\"w\">ส่งเสริม\n\t <wbr>สหกรณ์</span>"
        );
        // Cached: the same text gives the same string.
        let again = marked_html("<b>ส่งเสริม</b>สหกรณ์ & ฝึกอบรม", BreakMode::Words);
        assert!(Rc::ptr_eq(&html, &again));
    }
}

//! Thai digits: maps ASCII 0-9 to ๐-๙, leaving every other character alone.

/// The Thai digits ๐..๙ (U+0E50..U+0E59), indexed by value.
const THAI_DIGITS: [char; 10] = ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'];

/// Replaces every ASCII digit `0`-`9` with the Thai digit of the same value
/// (`"2566-01"` → `"๒๕๖๖-๐๑"`); all other characters are unchanged.
pub fn thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            // ok: to_digit(10) only returns 0..=9, so the index is in bounds.
            Some(d) if c.is_ascii_digit() => THAI_DIGITS[d as usize],
            _ => c,
        })
        .collect()
}

/// [`thai_digits`] when `thai` is true, otherwise `text` unchanged.
pub fn digits_if(text: &str, thai: bool) -> String {
    if thai {
        thai_digits(text)
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_ascii_digit() {
        assert_eq!(thai_digits("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
        assert_eq!(thai_digits("2566-01"), "๒๕๖๖-๐๑");
    }

    #[test]
    fn leaves_other_characters_alone() {
        assert_eq!(thai_digits(""), "");
        assert_eq!(
            thai_digits("ต.ค. 65, 1,234.50 บาท"),
            "ต.ค. ๖๕, ๑,๒๓๔.๕๐ บาท"
        );
        assert_eq!(thai_digits("๒๕๖๖ already"), "๒๕๖๖ already");
        // Full-width and Arabic-Indic digits are not ASCII digits.
        assert_eq!(thai_digits("１٢"), "１٢");
        assert_eq!(thai_digits("a-b_c"), "a-b_c");
    }

    #[test]
    fn digits_if_switches() {
        assert_eq!(digits_if("29 ก.ย. 2565", true), "๒๙ ก.ย. ๒๕๖๕");
        assert_eq!(digits_if("29 ก.ย. 2565", false), "29 ก.ย. 2565");
    }
}

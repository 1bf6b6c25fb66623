//! Outline numbering as Thai officials number budget lines: `1.` / `1.1` / `(1)` / `1.` / `1)` / `ก.` / `ก)`.
//!
//! Labels are ASCII digits (pass them through `digits_if` for Thai digits); Thai letters
//! are used from the sixth level down. Every input gives a label, never a panic.

/// The 41 Thai consonants used to letter list items, in order: officials skip the obsolete
/// ฃ and ฅ and the rare ฆ (ค. is followed by ง.).
const LETTERS: [char; 41] = [
    'ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'ช', 'ซ', 'ฌ', 'ญ', 'ฎ', 'ฏ', 'ฐ', 'ฑ', 'ฒ', 'ณ', 'ด', 'ต', 'ถ',
    'ท', 'ธ', 'น', 'บ', 'ป', 'ผ', 'ฝ', 'พ', 'ฟ', 'ภ', 'ม', 'ย', 'ร', 'ล', 'ว', 'ศ', 'ษ', 'ส', 'ห',
    'ฬ', 'อ', 'ฮ',
];

/// The Thai letter for ordinal `n` (1 = ก); past the 41st letter, the number itself.
pub fn thai_letter(n: usize) -> String {
    match n.checked_sub(1).and_then(|i| LETTERS.get(i)) {
        Some(c) => c.to_string(),
        None => n.to_string(),
    }
}

/// The label of a line whose 1-based ordinals from the top level down are `path`:
///
/// | depth | label | example |
/// | --- | --- | --- |
/// | 1 | `n.` | `1. งบดำเนินงาน` |
/// | 2 | `p.n` (p: the level-1 ordinal) | `1.1 ค่าตอบแทน ใช้สอยและวัสดุ` |
/// | 3 | `(n)` | `(2) ค่าใช้จ่ายในการสัมมนาและฝึกอบรม` |
/// | 4 | `n.` | `1. ประชุมเชิงปฏิบัติการ…` (the seed's details under an `(n)` item) |
/// | 5 | `n)` | `1) …` |
/// | 6 | Thai letter and a dot | `ก. …` |
/// | 7 and deeper | Thai letter and a bracket | `ก) …` |
///
/// An empty path has no label.
pub fn outline_label(path: &[usize]) -> String {
    let Some(&n) = path.last() else {
        return String::new();
    };
    match path.len() {
        1 => format!("{n}."),
        2 => format!("{}.{n}", path[0]),
        3 => format!("({n})"),
        4 => format!("{n}."),
        5 => format!("{n})"),
        6 => format!("{}.", thai_letter(n)),
        _ => format!("{})", thai_letter(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_budget_lines_are_numbered_as_in_the_document() {
        assert_eq!(outline_label(&[1]), "1.");
        assert_eq!(outline_label(&[1, 1]), "1.1");
        assert_eq!(outline_label(&[1, 1, 1]), "(1)");
        assert_eq!(outline_label(&[1, 1, 2]), "(2)");
        // The details line under item (2).
        assert_eq!(outline_label(&[1, 1, 2, 1]), "1.");
    }

    #[test]
    fn second_level_carries_the_first_level_number() {
        assert_eq!(outline_label(&[2]), "2.");
        assert_eq!(outline_label(&[2, 3]), "2.3");
        assert_eq!(outline_label(&[12, 10]), "12.10");
        // The third level restarts under each second-level line and does not carry it.
        assert_eq!(outline_label(&[2, 3, 4]), "(4)");
    }

    #[test]
    fn deeper_levels_use_brackets_then_thai_letters() {
        assert_eq!(outline_label(&[1, 1, 1, 2, 3]), "3)");
        assert_eq!(outline_label(&[1, 1, 1, 1, 1, 1]), "ก.");
        assert_eq!(outline_label(&[1, 1, 1, 1, 1, 3]), "ค.");
        assert_eq!(outline_label(&[1, 1, 1, 1, 1, 1, 2]), "ข)");
        assert_eq!(outline_label(&[1, 1, 1, 1, 1, 1, 1, 4]), "ง)");
    }

    #[test]
    fn letters_skip_obsolete_consonants_and_fall_back_to_numbers() {
        assert_eq!(thai_letter(1), "ก");
        assert_eq!(thai_letter(3), "ค"); // not ฃ
        assert_eq!(thai_letter(4), "ง"); // not ฅ or ฆ
        assert_eq!(thai_letter(41), "ฮ");
        assert_eq!(thai_letter(42), "42");
        assert_eq!(thai_letter(0), "0");
    }

    #[test]
    fn empty_path_has_no_label() {
        assert_eq!(outline_label(&[]), "");
    }
}

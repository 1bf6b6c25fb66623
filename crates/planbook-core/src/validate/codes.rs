//! Budget codes (`code`, `activity_code`, `program_code`): GFMIS budget codes such as
//! `07012140002001000000` or activity codes such as `Q1049`, read as the text written
//! (leading zeros kept), shown after a name and never used as an id.

use super::fields::Fields;
use crate::diag::Diagnostics;
use crate::load::raw::Text;
use std::sync::Arc;

/// The longest code accepted; GFMIS budget codes have 20 characters.
const MAX_CODE_LENGTH: usize = 40;

/// An optional code: letters, digits, `-`, `.` and `/`; empty counts as absent.
pub fn code(f: Fields, value: &Option<Text>, diags: &mut Diagnostics) -> Option<Arc<str>> {
    let text = value.as_ref()?;
    let code = text.value.trim();
    if code.is_empty() {
        return None;
    }
    if let Some(problem) = problem(code) {
        diags.error(
            f.at(text),
            crate::msg!("code-invalid", code = code, problem = problem),
        );
        return None;
    }
    Some(f.names.get(code))
}

/// Why `code` is not a code, if it is not.
fn problem(code: &str) -> Option<crate::i18n::Message> {
    if code.chars().count() > MAX_CODE_LENGTH {
        return Some(crate::msg!("code-too-long", max = MAX_CODE_LENGTH));
    }
    let bad = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/')))?;
    Some(crate::msg!("code-bad-character", bad = bad))
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn codes_are_letters_digits_and_separators() {
        assert_eq!(problem("07012140002001000000"), None);
        assert_eq!(problem("Q1049"), None);
        assert_eq!(problem("P1234-01/2566.1"), None);
        assert!(problem("=HYPERLINK(1)").is_some_and(|p| p.english().contains("`=`")));
        assert!(problem("รหัส").is_some());
        assert!(problem(&"1".repeat(41)).is_some());
    }
}

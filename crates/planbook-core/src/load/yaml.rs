//! Parsing one YAML text into a raw type, with resource limits and located, friendly errors.

use crate::diag::{Diagnostics, FileId, Loc, Said};
use crate::i18n::Message;
use crate::msg;
use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DefaultMessageFormatter, Error, Location, MessageFormatter, Options};

/// Nesting deeper than this is refused: a budget tree 10 levels deep needs about 22.
const MAX_DEPTH: usize = 40;
/// Alias expansions in one file; plans never need many, bombs need millions.
const MAX_REPLAYED_EVENTS: usize = 10_000;

/// The location of a parsed value in `file`.
pub fn loc(file: FileId, location: &Location) -> Loc {
    Loc {
        file,
        line: location.line().max(1) as u32,
        col: location.column().max(1) as u32,
        len: location.span().len().clamp(1, u64::from(u32::MAX)) as u32,
    }
}

/// The start of a file, for findings about the file as a whole.
pub fn file_start(file: FileId) -> Loc {
    Loc {
        file,
        line: 1,
        col: 1,
        len: 1,
    }
}

fn options() -> Options {
    let mut options = Options::default();
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = 1_000;
    budget.max_nodes = 2_000_000;
    budget.max_events = 4_000_000;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    options.with_snippet = false;
    options
}

/// True when the text holds nothing but blanks and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// Parses `text` as `T`, reporting any problem into `diags` at its place.
pub fn parse<T: DeserializeOwned>(file: FileId, text: &str, diags: &mut Diagnostics) -> Option<T> {
    if is_blank(text) {
        diags.error(file_start(file), msg!("yaml-empty-file"));
        return None;
    }
    match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(value) => Some(value),
        Err(error) => {
            report(file, &error, diags);
            report_further_unknown_keys::<T>(file, text, &error, diags);
            None
        }
    }
}

/// At most this many unknown keys are reported per file.
const MAX_UNKNOWN_KEYS: usize = 50;

/// The parser stops at the first unknown key; the others of the file are found by blanking
/// each unknown key (with its value) and parsing again, while the next problem is another
/// unknown key. Blanking keeps every other line and column where it was. A key in a flow
/// mapping (`{ a: 1, b: 2 }`) is not blanked: the keys after it are not looked at.
fn report_further_unknown_keys<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    first: &Error,
    diags: &mut Diagnostics,
) {
    let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
    let mut latest: Option<Error> = None;
    let mut seen = Vec::new();
    while seen.len() < MAX_UNKNOWN_KEYS {
        let error = latest.as_ref().unwrap_or(first).without_snippet();
        let Error::SerdeUnknownField { .. } = error else {
            return;
        };
        let Some(at) = error.location().filter(|l| l.line() > 0 && l.column() > 0) else {
            return;
        };
        let place = (at.line() as usize - 1, at.column() as usize - 1);
        if seen.contains(&place) || !blank_block_entry(&mut lines, place) {
            return;
        }
        seen.push(place);
        let blanked: String = lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        match serde_saphyr::from_str_with_options::<T>(&blanked, options()) {
            Err(next @ Error::SerdeUnknownField { .. }) => {
                report(file, &next, diags);
                latest = Some(next);
            }
            _ => return,
        }
    }
}

/// Replaces the block-mapping entry whose key starts at `(line, column)` (0-based, in
/// characters), with its value on the lines below, by spaces. False when the key is not
/// the first thing on its line (after `- ` item marks): a flow mapping.
fn blank_block_entry(lines: &mut [Vec<char>], (line, column): (usize, usize)) -> bool {
    let Some(key_line) = lines.get(line) else {
        return false;
    };
    if column > key_line.len() || !key_line[..column].iter().all(|c| matches!(c, ' ' | '-')) {
        return false;
    }
    let is_blank = |l: &[char]| l.iter().all(|c| c.is_whitespace());
    let value_on_key_line = {
        let rest: String = key_line[column..].iter().collect();
        rest.split_once(':')
            .is_some_and(|(_, value)| !value.trim().is_empty() && !value.trim().starts_with('#'))
    };
    blank(&mut lines[line][column..]);
    for below in lines.iter_mut().skip(line + 1) {
        let indent = below.iter().take_while(|c| **c == ' ').count();
        let item_at_key_column = indent == column
            && below.get(indent) == Some(&'-')
            && below.get(indent + 1).is_none_or(|c| c.is_whitespace());
        let belongs = is_blank(below)
            || indent > column
            || (item_at_key_column && !value_on_key_line)
            || below.get(indent) == Some(&'#');
        if !belongs {
            break;
        }
        blank(below);
    }
    true
}

/// Spaces for every character but the carriage return of a CRLF line end.
fn blank(chars: &mut [char]) {
    for c in chars.iter_mut().filter(|c| **c != '\r') {
        *c = ' ';
    }
}

fn report(file: FileId, error: &Error, diags: &mut Diagnostics) {
    let error = error.without_snippet();
    let at = error
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| loc(file, &l))
        .unwrap_or_else(|| file_start(file));
    diags.error(at, message(error));
}

/// The parser's finding in the words of the content: no Rust type or serde term reaches
/// the user.
fn message(error: &Error) -> Said {
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_key_message(field, expected).into(),
        Error::SerdeMissingField { field, .. } => msg!("field-missing", name = field).into(),
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => {
            msg!("yaml-null-value").into()
        }
        Error::InvalidBooleanStrict { .. } => msg!("yaml-expected-bool").into(),
        Error::SerdeInvalidType { expected, .. } | Error::SerdeInvalidValue { expected, .. } => {
            expected_here(expected).into()
        }
        Error::InvalidScalar { ty, .. } => expected_here(ty).into(),
        Error::Unexpected { expected, .. } => expected_here(expected).into(),
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::InvalidBinaryBase64 { .. } => msg!("yaml-tagged-value").into(),
        Error::UnknownAnchor { .. } => msg!("yaml-unknown-anchor").into(),
        _ => {
            let text = DefaultMessageFormatter.format_message(error).into_owned();
            let text = text.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
            if text.starts_with("budget breached: Depth") {
                msg!("yaml-too-deep", depth = MAX_DEPTH).into()
            } else if text.starts_with("budget breached") {
                msg!("yaml-over-limits", detail = text).into()
            } else if text.contains("expected mapping start") {
                msg!("yaml-expected-mapping").into()
            } else if text.contains("expected string scalar") {
                msg!("yaml-expected-single").into()
            } else if let Some(key) = text.strip_prefix("duplicate mapping key: ") {
                msg!("yaml-duplicate-key", key = key).into()
            } else {
                // The parser's own words (a syntax error): shown as they are.
                text.into()
            }
        }
    }
}

/// What serde or the parser expected, said in terms of the YAML a person writes.
fn expected_here(expected: &str) -> Message {
    let expected = expected.to_lowercase();
    if expected.contains("map") || expected.contains("struct") {
        msg!("yaml-expected-mapping")
    } else if expected.contains("seq") {
        msg!("yaml-expected-list")
    } else if expected.contains("bool") {
        msg!("yaml-expected-bool")
    } else if expected.contains("str") || expected.contains("scalar") || expected.contains("char") {
        msg!("yaml-expected-single")
    } else {
        msg!("yaml-expected-other")
    }
}

/// "unknown key `amout`; did you mean `amount`?" or the list of keys allowed here.
pub fn unknown_key_message(field: &str, expected: &[&str]) -> Message {
    match closest(field, expected) {
        Some(best) => msg!("unknown-key-suggest", field = field, best = best),
        None if expected.is_empty() => msg!("unknown-key-none-allowed", field = field),
        None => msg!(
            "unknown-key-list",
            field = field,
            keys = expected.join(", ")
        ),
    }
}

/// The candidate closest to `word` when it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), *c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::RawAdjustment;

    fn findings(text: &str) -> Vec<String> {
        let mut diags = Diagnostics::default();
        let parsed = parse::<RawAdjustment>(FileId(0), text, &mut diags);
        assert!(parsed.is_none());
        diags
            .findings()
            .iter()
            .map(|f| format!("{}:{}: {}", f.loc.line, f.loc.col, f.message))
            .collect()
    }

    #[test]
    fn unknown_keys_suggest_the_closest_known_key() {
        assert_eq!(
            findings("id: a\namout: 5\n"),
            ["2:1: unknown key `amout`; did you mean `amount`?"]
        );
        assert_eq!(
            findings("zzz: 5\n"),
            ["1:1: unknown key `zzz`; the keys allowed here are: id, amount, reason"]
        );
    }

    #[test]
    fn every_unknown_key_of_a_file_is_reported() {
        assert_eq!(
            findings("amout: 5\nid: a\nresaon: x\nzzz:\n  - 1\n  - 2\n"),
            [
                "1:1: unknown key `amout`; did you mean `amount`?",
                "3:1: unknown key `resaon`; did you mean `reason`?",
                "4:1: unknown key `zzz`; the keys allowed here are: id, amount, reason",
            ]
        );
        // Nested mappings and list items, CRLF line ends, a list at the key's own indent.
        let mut diags = Diagnostics::default();
        let text = "title: t\r\ntitel: u\r\nthai_digts:\r\n- a\r\n# note\r\nas_of: 2023-01\r\nbase_pth: /\r\n";
        assert!(parse::<crate::load::raw::RawSite>(FileId(0), text, &mut diags).is_none());
        let lines: Vec<(u32, u32)> = diags
            .findings()
            .iter()
            .map(|f| (f.loc.line, f.loc.col))
            .collect();
        assert_eq!(lines, [(2, 1), (3, 1), (7, 1)], "{diags:?}");
    }

    #[test]
    fn empty_and_non_mapping_files_are_errors() {
        assert_eq!(
            findings("# only a comment\n"),
            ["1:1: the file is empty: expected `key: value` lines"]
        );
        assert_eq!(
            findings("- 1\n- 2\n"),
            ["1:1: expected a mapping of `key: value` lines here"]
        );
    }

    #[test]
    fn duplicate_keys_are_errors() {
        assert_eq!(
            findings("id: a\nid: b\n"),
            ["2:1: duplicate mapping key: id"]
        );
    }

    #[test]
    fn no_message_speaks_of_serde_or_rust_types() {
        use crate::load::raw::{RawPlan, RawProgress, RawSite};
        let plans = [
            "office: ~\nactivity: a\nbudget: []\n",
            "office: x\nactivity: [a]\nbudget: []\n",
            "office: x\nactivity: a\nbudget: 5\n",
            "office: x\nactivity: a\nbudget:\n  - ~\n",
            "office: x\nactivity: a\nbudget:\n  - { id: a, amount: ~ }\n",
            "office: x\nactivity: a\nbudget:\n  - { id: a, flexible: maybe }\n",
            "office: x\nactivity: a\nbudget:\n  - { id: a, items: { b: 1 } }\n",
            "office: x\nactivity: a\nbudget: []\nkpis: { a: 1 }\n",
            "office: x\nactivity: a\nbudget: []\nobjectives: [~, [a]]\n",
            "office: x\nactivity: a\nbudget: []\nspending_plan: [1, 2]\n",
            "office: x\nactivity: a\nbudget: []\nstrategy: national\n",
            "office: x\nactivity: a\nbudget: []\nrevisions: [{ changes: 5 }]\n",
            "office: !!binary aGVsbG8=\nactivity: a\nbudget: []\n",
        ];
        let entries = [
            "month: 2022-10\ndisbursed:\n  staff: ~\n",
            "month: 2022-10\ndisbursed: [1]\n",
            "month: 2022-10\nevents: 5\n",
            "month: 2022-10\nevents: [5]\n",
            "month: 2022-10\nadjustment: { a: 1 }\n",
            "month: [2022-10]\n",
            "month: 2022-10\ntasks: { a: { b: 1 } }\n",
            "month: 2022-10\nnarrative: *missing\n",
        ];
        let sites = ["thai_digits: 3\n", "thai_digits: ~\n", "title: { a: 1 }\n"];
        let leaks = [
            "Option<",
            "deserializ",
            "Raw",
            "struct",
            "serde",
            "Spanned",
            "Pairs",
            "sequence",
            "variant",
            "invalid type",
        ];
        let mut messages = Vec::new();
        // Some of these parse and are refused later, by validation: the rest are the parser's.
        let mut collect = |text: &str, diags: Diagnostics| {
            for finding in diags.findings() {
                messages.push((text.to_string(), finding.message.clone()));
            }
        };
        for text in plans {
            let mut diags = Diagnostics::default();
            parse::<RawPlan>(FileId(0), text, &mut diags);
            collect(text, diags);
        }
        for text in entries {
            let mut diags = Diagnostics::default();
            parse::<RawProgress>(FileId(0), text, &mut diags);
            collect(text, diags);
        }
        for text in sites {
            let mut diags = Diagnostics::default();
            parse::<RawSite>(FileId(0), text, &mut diags);
            collect(text, diags);
        }
        let leaked: Vec<_> = messages
            .iter()
            .filter(|(_, m)| leaks.iter().any(|leak| m.contains(leak)))
            .collect();
        assert!(leaked.is_empty(), "{leaked:#?}");
        assert!(messages.len() >= 18, "{messages:#?}");
    }
}

//! Parsing one YAML text into a raw type, with resource limits and located, friendly errors.

use crate::diag::{Diagnostics, FileId, Loc};
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
        diags.error(
            file_start(file),
            "the file is empty: expected `key: value` lines",
        );
        return None;
    }
    match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(value) => Some(value),
        Err(error) => {
            report(file, &error, diags);
            None
        }
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
fn message(error: &Error) -> String {
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_key_message(field, expected),
        Error::SerdeMissingField { field, .. } => format!("missing required field `{field}`"),
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => {
            "this value is empty (`~` or `null`): write a value, or leave the key out".to_string()
        }
        Error::InvalidBooleanStrict { .. } => "expected `true` or `false` here".to_string(),
        Error::SerdeInvalidType { expected, .. } | Error::SerdeInvalidValue { expected, .. } => {
            expected_here(expected)
        }
        Error::InvalidScalar { ty, .. } => expected_here(ty),
        Error::Unexpected { expected, .. } => expected_here(expected),
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::InvalidBinaryBase64 { .. } => {
            "a tagged value (`!!…`) cannot be used here: write the value without its tag"
                .to_string()
        }
        Error::UnknownAnchor { .. } => {
            "this alias (`*name`) refers to no anchor (`&name`) written above it".to_string()
        }
        _ => {
            let text = DefaultMessageFormatter.format_message(error).into_owned();
            let text = text.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
            if text.starts_with("budget breached: Depth") {
                format!("nested more than {MAX_DEPTH} levels deep")
            } else if text.starts_with("budget breached") {
                format!("the file exceeds planbook's safety limits for YAML ({text})")
            } else if text.contains("expected mapping start") {
                "expected a mapping of `key: value` lines here".to_string()
            } else if text.contains("expected string scalar") {
                "expected a single value here, not a list or mapping".to_string()
            } else {
                text
            }
        }
    }
}

/// What serde or the parser expected, said in terms of the YAML a person writes.
fn expected_here(expected: &str) -> String {
    let expected = expected.to_lowercase();
    let words = if expected.contains("map") || expected.contains("struct") {
        "a mapping of `key: value` lines here"
    } else if expected.contains("seq") {
        "a list (lines starting with `- `) here"
    } else if expected.contains("bool") {
        "`true` or `false` here"
    } else if expected.contains("str") || expected.contains("scalar") || expected.contains("char") {
        "a single value here, not a list or mapping"
    } else {
        "another kind of value here"
    };
    format!("expected {words}")
}

/// "unknown key `amout`; did you mean `amount`?" or the list of keys allowed here.
pub fn unknown_key_message(field: &str, expected: &[&str]) -> String {
    match closest(field, expected) {
        Some(best) => format!("unknown key `{field}`; did you mean `{best}`?"),
        None if expected.is_empty() => format!("unknown key `{field}`: no keys are allowed here"),
        None => format!(
            "unknown key `{field}`; the keys allowed here are: {}",
            expected.join(", ")
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

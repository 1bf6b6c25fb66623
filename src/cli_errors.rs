//! clap's refusals of a command line, said in the catalog's words: the cause from the
//! error's context, clap's tips, the usage line and where to read more.
//!
//! English runs keep clap's own text (the English catalog mirrors it); in any other
//! language [`localized`] builds the same message from the catalog.

use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The text to print for `error` in `lang`, or `None` where clap's own output is right:
/// English, and the help and version texts (which are output, not refusals).
pub fn localized(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let text = |id: &str, args: &[(&str, String)]| crate::i18n::text(lang, id, args);
    let mut out = format!("{}: {}", text("diag-error", &[]), cause(error, &text));
    let tips = tips(error, &text);
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str("\n  ");
            out.push_str(&tip);
        }
    }
    if let Some(usage) = get(error, ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n\n{} {usage}", text("help-usage", &[])));
    }
    out.push_str("\n\n");
    out.push_str(&text("cli-more", &[("help", "--help".to_string())]));
    out.push('\n');
    Some(out)
}

type Text<'a> = dyn Fn(&str, &[(&str, String)]) -> String + 'a;

/// The first sentence: what was wrong, in the words of `cli-<kind>`.
fn cause(error: &clap::Error, text: &Text) -> String {
    let arg = || get(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = || get(error, ContextKind::InvalidValue).unwrap_or_default();
    let subcommand = || get(error, ContextKind::InvalidSubcommand).unwrap_or_default();
    match error.kind() {
        ErrorKind::UnknownArgument => text("cli-unknown-argument", &[("arg", arg())]),
        ErrorKind::InvalidSubcommand => text("cli-invalid-subcommand", &[("name", subcommand())]),
        ErrorKind::InvalidValue if value().is_empty() => {
            text("cli-value-required", &[("arg", arg())])
        }
        ErrorKind::InvalidValue => {
            let mut said = text("cli-invalid-value", &[("arg", arg()), ("value", value())]);
            if let Some(values) = get(error, ContextKind::ValidValue) {
                said.push_str(&format!(
                    " [{}]",
                    text("cli-possible-values", &[("values", values)])
                ));
            }
            said
        }
        ErrorKind::ValueValidation => text(
            "cli-value-validation",
            &[
                ("arg", arg()),
                ("value", value()),
                (
                    "reason",
                    std::error::Error::source(error)
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
            ],
        ),
        ErrorKind::NoEquals => text("cli-no-equals", &[("arg", arg())]),
        ErrorKind::TooManyValues => {
            text("cli-too-many-values", &[("arg", arg()), ("value", value())])
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => text(
            "cli-wrong-number-of-values",
            &[
                ("arg", arg()),
                (
                    "expected",
                    get(error, ContextKind::ExpectedNumValues)
                        .or_else(|| get(error, ContextKind::MinValues))
                        .unwrap_or_default(),
                ),
                (
                    "actual",
                    get(error, ContextKind::ActualNumValues).unwrap_or_default(),
                ),
            ],
        ),
        ErrorKind::ArgumentConflict => match get(error, ContextKind::PriorArg) {
            Some(prior) => text("cli-conflict", &[("arg", arg()), ("prior", prior)]),
            None => text("cli-conflict-many", &[("arg", arg())]),
        },
        ErrorKind::MissingRequiredArgument => text("cli-missing-required", &[("args", arg())]),
        ErrorKind::MissingSubcommand => text("cli-missing-subcommand", &[("name", subcommand())]),
        ErrorKind::InvalidUtf8 => text("cli-invalid-utf8", &[]),
        _ => text("cli-other", &[("said", clap_said(error))]),
    }
}

/// clap's own sentence without its `error:` and the lines after it.
fn clap_said(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// The tips under the cause: similar names, and clap's advice on `--`, each in the
/// catalog's words; advice of a form this module does not know stays as clap says it.
fn tips(error: &clap::Error, text: &Text) -> Vec<String> {
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        let names = match error.get(kind) {
            Some(ContextValue::String(name)) => vec![name.clone()],
            Some(ContextValue::Strings(names)) => names.clone(),
            _ => Vec::new(),
        };
        if !names.is_empty() {
            let names = names
                .iter()
                .map(|name| format!("'{name}'"))
                .collect::<Vec<_>>()
                .join(", ");
            tips.push(text(
                "cli-did-you-mean",
                &[("what", what.to_string()), ("names", names)],
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(advice)) = error.get(ContextKind::Suggested) {
        for said in advice {
            let said = said.to_string();
            let tip = advice_in_catalog_words(&said, text).unwrap_or(said);
            tips.push(text("cli-tip", &[("tip", tip)]));
        }
    }
    tips
}

/// clap's three pieces of advice (clap_builder's `error/mod.rs`), read back into their
/// parts and said with `cli-advice-*`.
fn advice_in_catalog_words(said: &str, text: &Text) -> Option<String> {
    if let Some(rest) = said.strip_prefix("to pass '") {
        let (value, rest) = rest.split_once("' as a value, use '")?;
        let usage = rest.strip_suffix('\'')?;
        return Some(text(
            "cli-advice-value",
            &[("value", value.to_string()), ("usage", usage.to_string())],
        ));
    }
    if let Some(rest) = said.strip_prefix("subcommand '") {
        let (name, rest) = rest.split_once('\'')?;
        return rest
            .starts_with("; to use it, remove the '--'")
            .then(|| text("cli-advice-no-dashes", &[("name", name.to_string())]));
    }
    let quoted = said.strip_prefix('\'')?.strip_suffix("' exists")?;
    Some(text("cli-advice-exists", &[("usage", quoted.to_string())]))
}

/// A piece of the error's context as plain text (lists joined with commas).
fn get(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::StyledStrs(texts) => Some(
            texts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn refusal(args: &[&str]) -> clap::Error {
        Command::new("planbook")
            .subcommand(
                Command::new("check")
                    .arg(Arg::new("content").long("content"))
                    .arg(Arg::new("strict").long("strict").num_args(0)),
            )
            .subcommand(Command::new("build"))
            .try_get_matches_from(args)
            .expect_err("the command line is wrong")
    }

    #[test]
    fn english_keeps_clap_and_help_is_no_refusal() {
        assert_eq!(localized(&refusal(&["planbook", "chek"]), Lang::En), None);
        assert_eq!(localized(&refusal(&["planbook", "--help"]), Lang::Th), None);
    }

    #[test]
    fn a_misspelt_subcommand_is_refused_in_thai_with_the_nearest_name() {
        let said = localized(&refusal(&["planbook", "chek"]), Lang::Th).expect("Thai");
        assert!(said.starts_with("ข้อผิดพลาด: "), "{said}");
        assert!(said.contains("'chek'"), "{said}");
        assert!(said.contains("'check'"), "{said}");
        assert!(said.contains("--help"), "{said}");
        assert!(!said.contains("unrecognized"), "{said}");
    }

    #[test]
    fn an_unknown_option_and_a_missing_value_are_said_in_thai() {
        let unknown =
            localized(&refusal(&["planbook", "check", "--contnet", "x"]), Lang::Th).expect("Thai");
        assert!(unknown.contains("'--contnet'"), "{unknown}");
        assert!(unknown.contains("'--content'"), "{unknown}");
        assert!(unknown.contains("วิธีใช้: planbook check"), "{unknown}");
        assert!(!unknown.contains("Usage"), "{unknown}");
        let missing =
            localized(&refusal(&["planbook", "check", "--content"]), Lang::Th).expect("Thai");
        assert!(missing.contains("--content"), "{missing}");
        assert!(!missing.contains("a value is required"), "{missing}");
    }

    #[test]
    fn clap_advice_on_dashes_is_read_back_into_the_catalog() {
        let text = |id: &str, args: &[(&str, String)]| crate::i18n::text(Lang::Th, id, args);
        let said = advice_in_catalog_words("to pass '-x' as a value, use '-- -x'", &text)
            .expect("known advice");
        assert!(said.contains("'-x'") && said.contains("'-- -x'"), "{said}");
        assert!(!said.contains("as a value"), "{said}");
        assert_eq!(advice_in_catalog_words("something new", &text), None);
    }
}

//! Messages in Thai or English, from the Fluent catalogs `i18n/th/planbook.ftl` and
//! `i18n/en/planbook.ftl` (embedded in the binary).
//!
//! The language is chosen once per run: `PLANBOOK_LANG` (`th`/`en`), else the locale
//! (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: `th…` is Thai, another language is English;
//! `C` and `POSIX` decide nothing), else the content's `site.yaml` (`language: th`), else
//! English. Code names a message by its id with [`msg!`](crate::msg) (a [`Message`] kept
//! with a finding and rendered when printed) or [`tr!`](crate::tr) (text in the chosen
//! language at once); a test checks that every id used exists in both catalogs.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language planbook speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Th,
    En,
}

impl Lang {
    /// `th`, `th_TH.UTF-8`, `TH` → Thai; `en`, `en_GB` … → English; anything else: none.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let language = code.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match language {
            "th" => Some(Lang::Th),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The catalogs, English first: the order of [`Lang::index`].
const CATALOGS: [(&str, &str); 2] = [
    ("en", include_str!("../i18n/en/planbook.ftl")),
    ("th", include_str!("../i18n/th/planbook.ftl")),
];

impl Lang {
    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Th => 1,
        }
    }
}

/// The language an environment decides, reading variables through `var`: `PLANBOOK_LANG`,
/// then the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty.
pub fn lang_from_vars(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    if let Some(chosen) = var("PLANBOOK_LANG").and_then(|v| Lang::from_code(&v)) {
        return Some(chosen);
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|value| !value.trim().is_empty())?;
    if locale.to_ascii_lowercase().starts_with("th") {
        return Some(Lang::Th);
    }
    let language = locale.split(['_', '.', '@']).next().unwrap_or_default();
    let decides = language.len() >= 2
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && !matches!(language, "C" | "POSIX");
    decides.then_some(Lang::En)
}

/// 0: nothing decided yet; 1 + index: decided by the environment; 3 + index: by the content.
static CHOSEN: AtomicU8 = AtomicU8::new(0);
const BY_ENV: u8 = 1;
const BY_CONTENT: u8 = 3;

/// Reads the language from the process environment; called once, before the command line
/// is parsed (so `--help` speaks it too).
pub fn choose_from_env() {
    if let Some(lang) = lang_from_vars(|name| std::env::var(name).ok()) {
        CHOSEN.store(BY_ENV + lang.index() as u8, Ordering::Relaxed);
    }
}

/// The content's `language:`, used when the environment decided nothing.
pub fn choose_from_content(language: Option<Lang>) {
    let Some(lang) = language else {
        return;
    };
    let _ = CHOSEN.compare_exchange(
        0,
        BY_CONTENT + lang.index() as u8,
        Ordering::Relaxed,
        Ordering::Relaxed,
    );
}

/// The language of this run (English until something decides).
pub fn current() -> Lang {
    match CHOSEN.load(Ordering::Relaxed) {
        n if n == BY_ENV + 1 || n == BY_CONTENT + 1 => Lang::Th,
        _ => Lang::En,
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| CATALOGS.map(|(code, text)| bundle(code, text)))
}

fn bundle(code: &str, text: &str) -> FluentBundle<FluentResource> {
    let langid = code
        .parse()
        .expect("the catalogs' language codes are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No bidi isolation marks around placeables: they would show in a terminal.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, _)| resource);
    // A message id given twice keeps its first text; the catalog test refuses both mistakes.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The text of message `id` in `lang` with `args` (values as they are shown), falling back
/// to English, then to the id itself.
pub fn text(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    format_in(lang, id, args)
        .or_else(|| format_in(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// The text of message `id` in `lang` exactly, without arguments; `None` when that
/// catalog has no such message.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    format_in(lang, id, &[])
}

fn format_in(lang: Lang, id: &str, args: &[(&str, String)]) -> Option<String> {
    let bundle = &bundles()[lang.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        // Whole counts go in as numbers, so that `[one]`/`*[other]` variants can select on
        // them; they print back as the same digits. Everything else stays text.
        match value.parse::<u32>() {
            Ok(count) if value.bytes().all(|b| b.is_ascii_digit()) && !value.starts_with('0') => {
                fluent_args.set(*name, count)
            }
            _ => fluent_args.set(*name, value.as_str()),
        }
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned(),
    )
}

/// A message by id with its arguments, rendered in a language when shown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message: a value shown as it is, or a message of its own (the reason
/// inside "`x` is not a number: …"), rendered in the same language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Message(Box<Message>),
}

/// What [`msg!`](crate::msg) takes as an argument: anything shown with `Display`, or a
/// [`Message`].
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl<T: std::fmt::Display> IntoArg for T {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(Box::new(self))
    }
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

/// Why a file could not be read or written, for a message's `reason`: the system's causes
/// in the catalog's words (one `io-error` message selecting on the kind), any other as the
/// system says it after the catalog's "the system says". An error made with a text of its
/// own carries that text, which is already in the language of the run.
pub fn io_reason(error: Option<&std::io::Error>, said: &dyn std::fmt::Display) -> Arg {
    match error {
        Some(error) if error.get_ref().is_some() => Arg::Text(said.to_string()),
        Some(error) => Arg::Message(Box::new(crate::msg!(
            "io-error",
            kind = io_kind_key(error.kind()),
            said = said
        ))),
        None => Arg::Text(said.to_string()),
    }
}

/// The `io-error` message's selector for an I/O error's kind.
fn io_kind_key(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::PermissionDenied => "permission-denied",
        K::NotFound => "not-found",
        K::AlreadyExists => "already-exists",
        K::IsADirectory => "is-a-directory",
        K::NotADirectory => "not-a-directory",
        K::DirectoryNotEmpty => "directory-not-empty",
        K::StorageFull => "storage-full",
        K::QuotaExceeded => "quota-exceeded",
        K::ReadOnlyFilesystem => "read-only",
        K::FileTooLarge => "file-too-large",
        K::InvalidFilename => "invalid-filename",
        K::ResourceBusy | K::ExecutableFileBusy => "busy",
        K::CrossesDevices => "crosses-devices",
        K::TimedOut => "timed-out",
        K::Interrupted => "interrupted",
        K::OutOfMemory => "out-of-memory",
        K::AddrInUse => "address-in-use",
        K::AddrNotAvailable => "address-not-available",
        K::ConnectionRefused | K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => {
            "connection"
        }
        K::UnexpectedEof => "unexpected-eof",
        K::InvalidData => "invalid-data",
        K::Unsupported => "unsupported",
        _ => "other",
    }
}

/// [`io_reason`] of an I/O error, in the language of this run.
pub fn io_said(error: &std::io::Error) -> String {
    match io_reason(Some(error), error) {
        Arg::Text(text) => text,
        Arg::Message(message) => message.render(current()),
    }
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }

    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => text.clone(),
                    Arg::Message(message) => message.render(lang),
                };
                (*name, value)
            })
            .collect();
        text(lang, self.id, &args)
    }

    /// The English text (what tests and logs compare).
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

/// `msg!("unknown-key", field = name)`: a [`Message`]; an argument is shown with `Display`
/// or is a [`Message`] itself.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),*],
        )
    };
}

/// `tr!("check-ok", plans = n)`: the message's text in the language of this run.
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),*],
        )
        .render($crate::i18n::current())
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use std::collections::BTreeSet;

    fn ids(text: &str) -> Vec<String> {
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
            panic!("a catalog does not parse: {errors:?}");
        });
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_catalogs_hold_the_same_ids_once_each() {
        let english = ids(CATALOGS[0].1);
        let thai = ids(CATALOGS[1].1);
        let english_set: BTreeSet<_> = english.iter().cloned().collect();
        let thai_set: BTreeSet<_> = thai.iter().cloned().collect();
        assert_eq!(english.len(), english_set.len(), "an id twice in en");
        assert_eq!(thai.len(), thai_set.len(), "an id twice in th");
        let only_en: Vec<_> = english_set.difference(&thai_set).collect();
        let only_th: Vec<_> = thai_set.difference(&english_set).collect();
        assert!(only_en.is_empty(), "missing in th: {only_en:?}");
        assert!(only_th.is_empty(), "missing in en: {only_th:?}");
        assert!(english.len() > 20);
    }

    /// Every `msg!("id"` and `tr!("id"` in the sources names a message of both catalogs.
    #[test]
    fn every_id_used_in_the_code_is_in_the_catalogs() {
        let catalog: BTreeSet<String> = ids(CATALOGS[0].1).into_iter().collect();
        // Both crates' sources: planbook-core's and planbook's, two folders up.
        let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = BTreeSet::new();
        for entry in [core.join("src"), core.join("../../src")]
            .iter()
            .flat_map(walkdir::WalkDir::new)
            .filter_map(Result::ok)
        {
            // This file names the macros in its docs; every other source file uses them.
            if entry.path().extension().is_none_or(|x| x != "rs")
                || entry.path().ends_with("i18n.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("read a source file");
            for marker in ["msg!(", "tr!("] {
                for (at, _) in text.match_indices(marker) {
                    let whole_word = text[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    let rest = text[at + marker.len()..].trim_start();
                    let (true, Some(literal)) = (whole_word, rest.strip_prefix('"')) else {
                        continue;
                    };
                    let id: String = literal.chars().take_while(|c| *c != '"').collect();
                    used.insert((entry.path().display().to_string(), id));
                }
            }
        }
        let missing: Vec<_> = used
            .iter()
            .filter(|(_, id)| !catalog.contains(id))
            .collect();
        assert!(missing.is_empty(), "ids not in the catalogs: {missing:?}");
        assert!(used.len() > 20, "{used:?}");
    }

    #[test]
    fn every_message_formats_in_both_languages_without_errors() {
        for (index, (_, text)) in CATALOGS.iter().enumerate() {
            let bundle = &bundles()[index];
            for id in ids(text) {
                let message = bundle.get_message(&id).expect("added");
                let pattern = message.value().expect("a message has a value");
                let mut errors = Vec::new();
                let args = FluentArgs::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                // Missing arguments are the only errors allowed here (none are given).
                assert!(
                    errors
                        .iter()
                        .all(|e| format!("{e:?}").contains("Reference(Variable")),
                    "{id}: {errors:?}"
                );
            }
        }
    }

    #[test]
    fn the_environment_decides_in_order() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            lang_from_vars(vars(&[("PLANBOOK_LANG", "th")])),
            Some(Lang::Th)
        );
        assert_eq!(
            lang_from_vars(vars(&[("PLANBOOK_LANG", "en"), ("LANG", "th_TH.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_vars(vars(&[("LANG", "th_TH.UTF-8")])),
            Some(Lang::Th)
        );
        assert_eq!(
            lang_from_vars(vars(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "th_TH.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_vars(vars(&[("LC_MESSAGES", "th_TH"), ("LANG", "en_US")])),
            Some(Lang::Th)
        );
        assert_eq!(lang_from_vars(vars(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(lang_from_vars(vars(&[("LANG", "POSIX")])), None);
        assert_eq!(lang_from_vars(vars(&[])), None);
    }

    #[test]
    fn placeables_carry_no_bidi_isolation_marks() {
        let text = text(
            Lang::Th,
            "unknown-key-suggest",
            &[("field", "amout".into()), ("best", "amount".into())],
        );
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{text:?}"
        );
        assert!(text.contains("amout") && text.contains("amount"), "{text}");
    }

    #[test]
    fn system_errors_are_said_in_thai_and_own_texts_kept() {
        use std::io::{Error, ErrorKind};
        let thai = |error: &Error| match io_reason(Some(error), error) {
            Arg::Message(message) => message.render(Lang::Th),
            Arg::Text(text) => text,
        };
        let full = Error::from(ErrorKind::StorageFull);
        assert!(thai(&full).starts_with("ดิสก์เต็ม"), "{}", thai(&full));
        assert_eq!(
            match io_reason(Some(&full), &full) {
                Arg::Message(message) => message.english(),
                Arg::Text(text) => text,
            },
            full.to_string()
        );
        // A kind the catalog does not name: the system's words after the catalog's.
        let odd = Error::from(ErrorKind::TooManyLinks);
        assert_eq!(thai(&odd), format!("ระบบแจ้งว่า: {odd}"));
        // An error made with its own text keeps it.
        let own = Error::new(ErrorKind::InvalidInput, "ข้อความเอง");
        assert_eq!(thai(&own), "ข้อความเอง");
    }
}

//! The `planbook` binary: parse the command line and hand over to the library.

fn main() -> std::process::ExitCode {
    planbook::i18n::choose_from_env();
    planbook::cli::run(planbook::cli::parse())
}

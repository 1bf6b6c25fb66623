//! The `planbook` binary: parse the command line and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    planbook::cli::run(planbook::cli::Cli::parse())
}

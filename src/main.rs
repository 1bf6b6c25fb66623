//! The `planbook` binary: parse the command line and hand over to the library.

/// mimalloc rather than glibc's malloc: parsing and validation allocate many small values.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    planbook::i18n::choose_from_env();
    planbook::cli::run(planbook::cli::parse())
}

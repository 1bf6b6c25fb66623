//! planbook's integration tests, in one binary (mdBook's layout): one module per subject,
//! the helpers they share (`common`, `site_support`, `report_support`, `serve_support`), and
//! the benchmark corpus generator (`examples/synth.rs`), included once.
//!
//! Two tiers: `cargo test` runs the fast one; tests of more than a couple of seconds (soak,
//! limits, kills, browsers, PDF, serve under load) are `#[ignore = "slow tier: run by
//! .ci/run"]`, run by `cargo test -- --ignored`, which CI runs after the fast tier.
//! A new test file `tests/it/foo.rs` is added with `mod foo;` below.

mod common;
mod report_support;
mod serve_support;
mod site_support;

#[allow(dead_code)]
#[path = "../../examples/synth.rs"]
mod synth;

mod accepted_input;
mod bad_input;
mod check_agrees;
mod document_pdf;
mod document_view;
mod example_build;
mod figures;
mod harden_kill;
mod harden_limits;
mod harden_xss;
mod import;
mod incremental;
mod keep_going;
mod monthly_cycle;
mod mount_publish;
mod mutations;
mod new_command;
mod output_guard;
mod register;
mod report_browser;
mod report_command;
mod report_file;
mod search_browser;
mod search_index;
mod serve_limits;
mod serve_live;
mod serve_load;
mod serve_safety;
mod session;
mod site_axe;
mod site_browser;
mod site_hostile;
mod site_links;
mod site_snapshots;
mod site_sort;
mod site_stack_labels;
mod site_theme;
mod site_web;
mod synth_corpus;
mod thai_everywhere;
mod thai_messages;
mod typed_input;

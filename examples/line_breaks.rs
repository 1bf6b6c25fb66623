//! Times the Thai line breaking of a built site: every `.html` under a folder, its marks
//! taken off, marked again with `render::line_breaks` as the build does, on one thread.
//!
//! `cargo run --release --example line_breaks -- OUTPUT_DIR`

use planbook::render::line_breaks::{mark_line_breaks, strip_line_breaks};
use std::time::Instant;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: line_breaks OUTPUT_DIR");
        std::process::exit(2);
    };
    let pages: Vec<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .map(|html| strip_line_breaks(&html))
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let started = Instant::now();
    let mut marked = 0;
    for page in &pages {
        marked += mark_line_breaks(page).len();
    }
    let elapsed = started.elapsed();
    println!(
        "{} pages, {:.1} MB in, {:.1} MB out, {:.2} s on one thread ({:.1} MB/s)",
        pages.len(),
        bytes as f64 / 1e6,
        marked as f64 / 1e6,
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64()
    );
}

//! The search index of a content folder, without building the site: `cargo run --release
//! --example search_size -- CONTENT OUT.js` checks and computes the content as `build` does,
//! writes the index `build` would write to `search/index.js`, and prints its documents,
//! words and bytes (`gzip -9 < OUT.js | wc -c` gives what a server sends compressed).

use planbook::render::views::SiteContext;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: search_size CONTENT OUT.js");
        std::process::exit(2);
    };
    let checked = match planbook::build::check(&content) {
        Ok(checked) if !checked.has_errors() => checked,
        _ => {
            eprintln!("search_size: {} does not check clean", content.display());
            std::process::exit(1);
        }
    };
    let figures = planbook::compute::execute(&checked.content, None);
    let context = SiteContext::new(&checked.content, &figures);
    let started = std::time::Instant::now();
    let index = planbook::render::search::site_index(&context);
    let script = index.to_script();
    let elapsed = started.elapsed();
    let (documents, words) = index.counts();
    if let Err(error) = std::fs::write(&out, &script) {
        eprintln!("search_size: {}: {error}", out.display());
        std::process::exit(2);
    }
    println!(
        "{} plans: {documents} documents, {words} words, {} bytes, built in {:.2} s",
        checked.content.plans.len(),
        script.len(),
        elapsed.as_secs_f64()
    );
}

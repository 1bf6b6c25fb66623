//! Where a built site's bytes go, a plan at a time: for each kind of file (plan pages,
//! documents, registers, email reports, exports, the rest), its files and bytes, and for
//! HTML the text the pages show (what is left with every tag, style and script taken out and
//! each run of whitespace made one space): bytes that no markup, style or chart change can
//! take away, only leaving out something a reader sees.
//!
//! `cargo run --release --example output_weight -- SITE`

use planbook::render::scan::{Piece, scan};
use std::collections::BTreeMap;
use std::path::Path;
use walkdir::WalkDir;

/// Elements whose content a reader does not see as text.
const NOT_SHOWN: &[&str] = &["style", "script", "title"];

#[derive(Default)]
struct Weight {
    files: u64,
    bytes: u64,
    text: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let site = std::env::args().nth(1).ok_or("usage: output_weight SITE")?;
    let site = Path::new(&site);
    let mut kinds: BTreeMap<&'static str, Weight> = BTreeMap::new();
    for entry in WalkDir::new(site) {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(site)?
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(entry.path())?;
        let weight = kinds.entry(kind(&relative)).or_default();
        weight.files += 1;
        weight.bytes += bytes.len() as u64;
        if relative.ends_with(".html") {
            weight.text += shown_text_bytes(&String::from_utf8_lossy(&bytes));
        }
    }
    let plans = kinds.get("plan pages").map_or(0, |w| w.files).max(1);
    println!("{plans} plans; KB a plan (1,000 bytes), over the whole site:");
    println!(
        "{:<16} {:>7} {:>9} {:>11}",
        "kind", "files", "bytes", "shown text"
    );
    let per_plan = |bytes: u64| bytes as f64 / plans as f64 / 1000.0;
    let mut total = Weight::default();
    for (kind, weight) in &kinds {
        println!(
            "{kind:<16} {:>7} {:>9.1} {:>11.1}",
            weight.files,
            per_plan(weight.bytes),
            per_plan(weight.text)
        );
        total.files += weight.files;
        total.bytes += weight.bytes;
        total.text += weight.text;
    }
    println!(
        "{:<16} {:>7} {:>9.1} {:>11.1}",
        "all",
        total.files,
        per_plan(total.bytes),
        per_plan(total.text)
    );
    Ok(())
}

/// The kind of an output file, by where the build puts it.
fn kind(relative: &str) -> &'static str {
    let parts: Vec<&str> = relative.split('/').collect();
    match parts.as_slice() {
        [_, "plans", _, _, "index.html"] => "plan pages",
        [_, "plans", _, _, "plan.html"] => "documents",
        [_, "offices", _, "register", _, "index.html"] => "register pages",
        [_, "reports", _, name] if *name != "index.html" => "email reports",
        ["data", _, "registers", ..] => "register xlsx",
        ["data", _, "plans", ..] => "plan exports",
        ["data", ..] => "year exports",
        [_, "offices", _, "index.html"] => "office pages",
        _ => "the rest",
    }
}

/// The bytes of the text `html` shows, each run of whitespace counted as one space.
fn shown_text_bytes(html: &str) -> u64 {
    let mut bytes = 0;
    let mut after_space = true;
    for piece in scan(html, NOT_SHOWN) {
        let Piece::Text(text) = piece else {
            continue;
        };
        for c in text.chars() {
            if c.is_whitespace() {
                if !after_space {
                    bytes += 1;
                }
                after_space = true;
            } else {
                bytes += c.len_utf8() as u64;
                after_space = false;
            }
        }
    }
    bytes
}

//! The weight of a first view: what headless Chromium loads to show a page of a built site
//! (the HTML, then every stylesheet, script and font the page asks for, from the browser's
//! resource timing), summed from the files' sizes on disk, uncompressed.
//!
//! `cargo run --example page_weight -- SITE [PAGE …]` (pages relative to SITE; default the
//! home page and the example's plan page). Needs Chromium (`PLANBOOK_BROWSER` or on PATH).

use headless_chrome::{Browser, LaunchOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Waits for the page's fonts.
const FONTS_READY: &str = "document.fonts.ready.then(function () { return true; })";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let site = PathBuf::from(args.next().ok_or("usage: page_weight SITE [PAGE …]")?);
    let site = std::path::absolute(site)?;
    let mut pages: Vec<String> = args.collect();
    if pages.is_empty() {
        pages = vec![
            "index.html".into(),
            "2566/plans/samut-prakan/debt-relief/index.html".into(),
        ];
    }
    let browser = Browser::new(
        LaunchOptions::default_builder()
            .path(Some(planbook::pdf::browser::find_browser()?))
            .headless(true)
            .sandbox(false)
            .window_size(Some((1280, 900)))
            .idle_browser_timeout(Duration::from_secs(60))
            .build()?,
    )?;
    let tab = browser.new_tab()?;
    // Every response the page received (the DevTools Network domain), page included.
    let responses = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen = std::sync::Arc::clone(&responses);
    tab.register_response_handling(
        "page_weight",
        Box::new(move |event, _| {
            if let Ok(mut seen) = seen.lock() {
                seen.push(event.response.url.clone());
            }
        }),
    )?;
    for page in pages {
        let path = site.join(&page);
        responses.lock().map_err(|_| "poisoned")?.clear();
        tab.navigate_to(&format!("file://{}", path.display()))?;
        tab.wait_until_navigated()?;
        tab.evaluate(FONTS_READY, true)?;
        std::thread::sleep(Duration::from_millis(500));
        let urls: Vec<String> = responses.lock().map_err(|_| "poisoned")?.clone();
        let mut total = 0;
        println!("{page}");
        for url in urls {
            let file = url_path(&url);
            let bytes = size(&file);
            total += bytes;
            let shown = file
                .strip_prefix(&site)
                .unwrap_or(&file)
                .display()
                .to_string();
            println!("  {bytes:>9} {shown}");
        }
        println!(
            "  {total:>9} bytes in all ({:.1} KB)",
            total as f64 / 1024.0
        );
    }
    Ok(())
}

/// The file a `file://` URL names (its query dropped, its escapes decoded).
fn url_path(url: &str) -> PathBuf {
    let path = url.trim_start_matches("file://");
    let path = path.split(['?', '#']).next().unwrap_or_default();
    PathBuf::from(
        percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned(),
    )
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

//! One headless browser, driven over the DevTools protocol (`headless_chrome`), printing
//! HTML files to PDF one after another in one tab: A4 or whatever the document's `@page`
//! says (portrait and landscape pages alike), no browser header or footer, fonts loaded
//! before printing.

use headless_chrome::types::PrintToPdfOptions;
use headless_chrome::{Browser, LaunchOptions, Tab};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How long one document may take to load and print.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

/// A failure of the browser, with its cause.
pub type BrowserError = Box<dyn std::error::Error + Send + Sync>;

pub struct Printer {
    // Kept alive: the browser closes when dropped.
    _browser: Browser,
    tab: Arc<Tab>,
}

impl Printer {
    /// Starts the browser at `program`, headless, with one tab.
    pub fn launch(program: &Path) -> Result<Printer, BrowserError> {
        let options = LaunchOptions::default_builder()
            .path(Some(program.to_path_buf()))
            .headless(true)
            // Chromium refuses to run sandboxed as root (containers, CI); it only ever opens
            // the documents planbook has just written.
            .sandbox(!running_as_root())
            .idle_browser_timeout(PRINT_TIMEOUT)
            .build()?;
        let browser = Browser::new(options)?;
        let tab = browser.new_tab()?;
        tab.set_default_timeout(PRINT_TIMEOUT);
        Ok(Printer {
            _browser: browser,
            tab,
        })
    }

    /// Prints the HTML file at `page` (an absolute path) and returns the PDF's bytes.
    pub fn print(&self, page: &Path) -> Result<Vec<u8>, BrowserError> {
        self.tab.navigate_to(&file_url(page))?;
        self.tab.wait_until_navigated()?;
        self.tab
            .evaluate("document.fonts.ready.then(() => true)", true)?;
        let options = PrintToPdfOptions {
            display_header_footer: Some(false),
            prefer_css_page_size: Some(true),
            print_background: Some(true),
            ..PrintToPdfOptions::default()
        };
        Ok(self.tab.print_to_pdf(Some(options))?)
    }
}

fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        rustix::process::geteuid().is_root()
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// `file://` URL of an absolute path, each byte outside the unreserved set percent-encoded.
pub fn file_url(path: &Path) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b':');
    let text = path.to_string_lossy().replace('\\', "/");
    let encoded = percent_encoding::utf8_percent_encode(&text, KEEP).to_string();
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        format!("file:///{encoded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/แผน.html")),
            "file:///tmp/a%20b/%E0%B9%81%E0%B8%9C%E0%B8%99.html"
        );
        assert_eq!(
            file_url(Path::new(r"C:\Users\x\plan.html")),
            "file:///C:/Users/x/plan.html"
        );
    }
}

//! Content types of the files a built site holds, by file extension; text types say
//! `charset=utf-8`, since every text file planbook writes is UTF-8.

use std::path::Path;

/// The `Content-Type` of a file, from its extension (case-insensitive); unknown types are
/// sent as `application/octet-stream`.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Whether responses of this type are HTML pages, which get the live-reload script.
pub fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_files_get_their_types_and_text_says_utf_8() {
        for (name, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("static/css/site.css", "text/css; charset=utf-8"),
            ("static/js/sort.js", "text/javascript; charset=utf-8"),
            ("chart.SVG", "image/svg+xml; charset=utf-8"),
            ("data/index.json", "application/json; charset=utf-8"),
            ("data/2566/offices.csv", "text/csv; charset=utf-8"),
            ("static/fonts/Sarabun-Regular.ttf", "font/ttf"),
            ("static/fonts/sarabun.woff2", "font/woff2"),
            ("logo.png", "image/png"),
            ("plan.pdf", "application/pdf"),
            ("LICENSE", "application/octet-stream"),
            ("archive.tar.gz", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
        assert!(is_html(content_type(Path::new("a/b/index.html"))));
        assert!(!is_html(content_type(Path::new("a.css"))));
    }
}

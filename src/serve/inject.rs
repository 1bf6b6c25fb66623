//! The live-reload script, added to HTML responses at serve time only (never to `build`
//! output): a `<script>` tag before the last `</body>`, or at the end when there is none.

/// Where the server answers with the script itself.
pub const SCRIPT_PATH: &str = "/__planbook/reload.js";

/// The script: server-sent events, reload after a good rebuild, the error overlay.
pub const SCRIPT: &str = include_str!("reload.js");

const TAG: &str = "<script src=\"/__planbook/reload.js\"></script>\n";

/// `html` with the script tag added before its last `</body>` (any case).
pub fn inject(mut html: Vec<u8>) -> Vec<u8> {
    let at = rfind_ascii_case_insensitive(&html, b"</body").unwrap_or(html.len());
    html.splice(at..at, TAG.bytes());
    html
}

fn rfind_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn injected(html: &str) -> String {
        String::from_utf8(inject(html.as_bytes().to_vec())).unwrap()
    }

    #[test]
    fn the_tag_goes_before_the_last_closing_body() {
        assert_eq!(
            injected("<body><p>ไทย</p></body>\n</html>"),
            format!("<body><p>ไทย</p>{TAG}</body>\n</html>")
        );
        assert_eq!(
            injected("<pre>&lt;/body&gt;</pre></BODY></html>"),
            format!("<pre>&lt;/body&gt;</pre>{TAG}</BODY></html>")
        );
        assert_eq!(
            injected("<p>a</body><p>b</body>"),
            format!("<p>a</body><p>b{TAG}</body>")
        );
    }

    #[test]
    fn without_a_body_the_tag_is_appended() {
        assert_eq!(injected("<p>fragment"), format!("<p>fragment{TAG}"));
        assert_eq!(injected(""), TAG);
    }

    #[test]
    fn the_script_never_puts_text_into_markup() {
        assert!(!SCRIPT.contains("innerHTML"));
        assert!(!SCRIPT.contains("insertAdjacentHTML"));
        assert!(!SCRIPT.contains("document.write"));
        assert!(SCRIPT.contains("textContent"));
    }
}

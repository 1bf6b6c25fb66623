//! Writing YAML scalars safely: quoted exactly when YAML needs it.

/// One scalar as YAML, on one line.
pub fn scalar(text: &str) -> String {
    if text.contains('\n') || text.contains('\r') {
        return serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into());
    }
    serde_saphyr::to_string(&text)
        .map(|s| s.trim_end().to_string())
        .unwrap_or_else(|_| serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()))
}

/// A `# comment`, kept on one line.
pub fn comment(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(scalar("ค่าใช้สอย"), "ค่าใช้สอย");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("x\ny"), "\"x\\ny\"");
    }
}

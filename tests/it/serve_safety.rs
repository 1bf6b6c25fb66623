//! `planbook serve` answers only from its output folder: raw requests (sent over a
//! TcpStream so no client normalises them) that try to leave it are refused; the rest get
//! the right status, content type and the Thai 404 page; only GET and HEAD are served.

use crate::serve_support;

use serve_support::{Events, Served, example_content_in, raw, request};
use std::time::Duration;

#[test]
fn traversal_is_refused_and_files_get_their_types() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_content_in(dir.path());
    // A file beside the served folder's parent that traversal would reach.
    std::fs::write(dir.path().join("Cargo.toml"), "secret").unwrap();
    let served = Served::start(&content, &[], Duration::from_secs(60));
    let port = served.port;

    for target in [
        "/../Cargo.toml",
        "/../../../../../../etc/passwd",
        "/%2e%2e/",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/static/..%2f..%2fetc/passwd",
        "/static/..%5c..%5cetc/passwd",
        "/static\\..\\..\\etc\\passwd",
        "//etc/passwd",
        "/index.html%00.css",
        "http://127.0.0.1/../Cargo.toml",
        "http://127.0.0.1/%2e%2e/Cargo.toml",
        "/%252e%252e/Cargo.toml",
        "/%252e%252e%252fCargo.toml",
        "/static/%252e%252e/%252e%252e/Cargo.toml",
        "/..%2fCargo.toml",
        "/..%2FCargo.toml",
        "/static/..%2f..%2fCargo.toml",
        "/%2e%2e%5cCargo.toml",
        "/..\\Cargo.toml",
        "/static\\..\\..\\Cargo.toml",
        "/.%2e/Cargo.toml",
        "/%2e./Cargo.toml",
        "//etc/passwd",
        "///etc/passwd",
        "//../Cargo.toml",
        "/%2f%2fetc/passwd",
        "/%2fetc/passwd",
    ] {
        let response = request(port, "GET", target).unwrap();
        assert!(
            matches!(response.status, 400 | 403 | 404),
            "{target}: {}",
            response.head
        );
        let body = response.text();
        assert!(
            !body.contains("secret") && !body.contains("root:"),
            "{target}"
        );
    }
    // Those that reach the server as a path are refused as leaving the folder; the rest
    // (backslashes, NUL) are not even valid request targets (400).
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/static/..%2f..%2fCargo.toml",
        "/%2e%2e%5cCargo.toml",
        "/.%2e/Cargo.toml",
        "//etc/passwd",
        "/%2fetc/passwd",
        "http://127.0.0.1/../Cargo.toml",
    ] {
        assert_eq!(
            request(port, "GET", target).unwrap().status,
            403,
            "{target}"
        );
    }
    // Encoded twice, `%252e` is a literal `%2e` in a name, which no file has.
    assert_eq!(
        request(port, "GET", "/%252e%252e/Cargo.toml")
            .unwrap()
            .status,
        404
    );

    for (target, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/2566/", "text/html; charset=utf-8"),
        ("/static/css/site.css", "text/css; charset=utf-8"),
        ("/static/js/sort.js", "text/javascript; charset=utf-8"),
        ("/static/fonts/Sarabun-Regular.ttf", "font/ttf"),
        ("/data/index.json", "application/json; charset=utf-8"),
        ("/data/2566/offices.csv", "text/csv; charset=utf-8"),
        ("/__planbook/reload.js", "text/javascript; charset=utf-8"),
        ("/__planbook/status", "application/json; charset=utf-8"),
    ] {
        let response = request(port, "GET", target).unwrap();
        assert_eq!(response.status, 200, "{target}");
        assert_eq!(
            response.header("content-type").as_deref(),
            Some(content_type),
            "{target}"
        );
    }
    let css = request(port, "GET", "/static/css/site.css").unwrap();
    assert!(
        !css.text().contains("__planbook"),
        "only HTML gets the script"
    );

    let folder = request(port, "GET", "/2566").unwrap();
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("location").as_deref(), Some("/2566/"));

    let missing = request(port, "GET", "/no/such/page.html").unwrap();
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("ไม่พบหน้านี้"));
    assert!(missing.text().contains("/__planbook/reload.js"));

    let head = request(port, "HEAD", "/static/css/site.css").unwrap();
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(css.body.len().to_string())
    );

    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let response = request(port, method, "/").unwrap();
        assert_eq!(response.status, 405, "{method}");
        assert_eq!(response.header("allow").as_deref(), Some("GET, HEAD"));
    }

    // Garbage and a request cut short leave the server answering.
    let _ = raw(port, b"\x00\x01garbage\r\n\r\n");
    let _ = raw(port, b"GET / HTTP/1.1\r\nHost");
    assert_eq!(request(port, "GET", "/").unwrap().status, 200);
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn event_streams_do_not_hold_up_other_requests() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_content_in(dir.path());
    let served = Served::start(&content, &[], Duration::from_secs(60));
    // More open streams than the server has worker threads.
    let streams: Vec<_> = (0..20).map(|_| served.events()).collect();
    for stream in &streams {
        assert!(
            stream
                .next_named("hello", Duration::from_secs(10))
                .is_some()
        );
    }
    let started = std::time::Instant::now();
    for _ in 0..20 {
        assert_eq!(served.get("/").status, 200);
    }
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn closed_event_streams_do_not_use_up_the_streams_of_new_pages() {
    // Many more streams than the server keeps at once (64), each closed again as a page is
    // left, with no build in between to reveal the closed ones: every new page gets its own.
    let dir = tempfile::tempdir().unwrap();
    let content = example_content_in(dir.path());
    let served = Served::start(&content, &[], Duration::from_secs(60));
    for n in 0..200 {
        let events = Events::try_open(served.port).unwrap();
        assert!(
            events.head.starts_with("HTTP/1.1 200 "),
            "stream {n}: {}",
            events.head
        );
        assert!(
            events
                .next_named("hello", Duration::from_secs(10))
                .is_some(),
            "stream {n}"
        );
    }
}

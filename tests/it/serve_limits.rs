//! `planbook serve` keeps answering whatever a client does: the real binary on a copy of
//! the example content, hostile clients on 127.0.0.1 (idle connections, a client that
//! pipelines requests and never reads, one that sends its request a byte at a time, huge
//! request heads), and a normal client that must still be answered within a second. Every
//! loop is bounded in count and time, and every helper thread stops by itself.

use crate::serve_support;

use serve_support::{Served, example_content_in, raw, request};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const START: Duration = Duration::from_secs(60);
/// The office's email report: some 120 KB, so pipelined answers fill the socket buffers.
const LARGE_PAGE: &str = "/2566/reports/2023-01/samut-prakan-2023-01.html";

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream
}

/// A connection whose receive buffer holds a few kilobytes.
fn connect_reading_little(port: u16) -> TcpStream {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("a socket");
    socket.set_recv_buffer_size(4096).expect("a small buffer");
    socket
        .set_write_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    socket.connect(&address.into()).expect("connect");
    socket.into()
}

/// Asks for `target` and says how long the whole answer took, or `None` when there was
/// none within 10 s.
fn timed_get(port: u16, target: &str) -> (Option<u16>, Duration) {
    let started = Instant::now();
    let status = request(port, "GET", target).ok().map(|r| r.status);
    (status, started.elapsed())
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn idle_pipelining_and_slow_clients_do_not_keep_a_page_from_being_answered() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_content_in(dir.path());
    let mut served = Served::start(&content, &[], START);
    let port = served.port;
    let large = served.get(LARGE_PAGE);
    assert_eq!(large.status, 200);
    // Large enough that a hundred answers are far more than the sockets take in (a 4 KB
    // receive buffer here, the kernel's send buffer a few hundred KB at first).
    assert!(large.body.len() > 32 * 1024, "{} bytes", large.body.len());

    let idle: Vec<TcpStream> = (0..64).map(|_| connect(port)).collect();

    // Clients that pipeline 100 requests for a large page each and never read an answer,
    // with small receive buffers, so the server's writes stall at once. Sixteen of them:
    // twice the worker threads of the server this one replaced, which they all blocked.
    let pipelined = format!("GET {LARGE_PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").repeat(100);
    let never_read: Vec<TcpStream> = (0..16)
        .map(|_| {
            let mut stream = connect_reading_little(port);
            // The server reads a request at a time, so this write may stall: never mind.
            let _ = stream.write_all(pipelined.as_bytes());
            stream
        })
        .collect();

    // Sends its request head a byte every 100 ms, for 10 s at most.
    let stop = Arc::new(AtomicBool::new(false));
    let slowloris = {
        let stop = Arc::clone(&stop);
        let mut slow = connect(port);
        std::thread::spawn(move || {
            let head = format!(
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: {}",
                "x".repeat(200)
            );
            for byte in head.bytes().take(100) {
                if stop.load(Ordering::Relaxed) || slow.write_all(&[byte]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    // Time for the answers to fill the buffers.
    std::thread::sleep(Duration::from_secs(1));

    for target in ["/", "/__planbook/status", "/2566/", "/static/css/site.css"] {
        let (status, took) = timed_get(port, target);
        assert_eq!(status, Some(200), "{target} after {took:?}");
        assert!(took < Duration::from_secs(1), "{target} took {took:?}");
    }
    stop.store(true, Ordering::Relaxed);
    slowloris.join().expect("the slow client's thread");
    drop(idle);
    drop(never_read);
    assert!(served.is_running(), "{}", served.output());
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn an_oversized_request_head_gets_431_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_content_in(dir.path());
    let served = Served::start(&content, &[], START);
    let port = served.port;

    // A header line of 1 MiB (of the 100 MB a hostile client might send): the server stops
    // reading at its limit and answers 431.
    let mut stream = connect(port);
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: ");
        let block = vec![b'x'; 64 * 1024];
        for _ in 0..16 {
            if writer.write_all(&block).is_err() {
                return;
            }
        }
        let _ = writer.write_all(b"\r\n\r\n");
    });
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    sender.join().expect("the sender thread");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer:?}");

    // Many headers that add up past the limit, and a request line past it.
    let many: String = (0..400)
        .map(|n| format!("X-Header-{n}: {}\r\n", "y".repeat(40)))
        .collect();
    let response = raw(
        port,
        format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}Connection: close\r\n\r\n").as_bytes(),
    )
    .unwrap();
    assert_eq!(response.status, 431);
    let long_line = format!("/{}", "a".repeat(20 * 1024));
    assert_eq!(request(port, "GET", &long_line).unwrap().status, 431);
    let long_target = format!("/{}", "a".repeat(8 * 1024));
    assert_eq!(request(port, "GET", &long_target).unwrap().status, 414);

    assert_eq!(served.get("/").status, 200);
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn the_absolute_form_is_served_like_the_origin_form() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_content_in(dir.path());
    let served = Served::start(&content, &[], START);
    let port = served.port;
    let origin = request(port, "GET", "/index.html").unwrap();
    assert_eq!(origin.status, 200);
    for target in [
        format!("http://127.0.0.1:{port}/index.html"),
        format!("http://localhost:{port}/index.html?x=1"),
    ] {
        let absolute = request(port, "GET", &target).unwrap();
        assert_eq!(absolute.status, 200, "{target}");
        assert_eq!(absolute.body, origin.body, "{target}");
    }
    let folder = request(port, "GET", &format!("http://127.0.0.1:{port}/2566")).unwrap();
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("location").as_deref(), Some("/2566/"));
}

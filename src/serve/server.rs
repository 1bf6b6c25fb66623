//! The preview server: the [`routes`](super::routes) on hyper's HTTP/1 connections, on a
//! tokio runtime of its own, with limits that keep it answering whatever a client does.
//! Each connection is its own task, so a client that never reads, or sends its request a
//! byte a minute, costs its own connection and nobody else's:
//!
//! - a request head is at most [`Limits::max_head_bytes`] (hyper answers 431 beyond) and
//!   must arrive within [`Limits::head_timeout`], also between requests on a kept-alive
//!   connection (hyper's `header_read_timeout`);
//! - a write that makes no progress for [`Limits::write_timeout`] closes the connection
//!   (tokio-io-timeout around the socket);
//! - at most [`Limits::max_connections`] connections are served at once (a semaphore);
//!   further ones wait in the listen queue until one ends;
//! - stopping ends the event streams, lets answers under way finish (for a second at most)
//!   and closes everything.

use super::routes;
use super::state::Shared;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Semaphore, oneshot};
use tokio_io_timeout::TimeoutStream;

/// How many ports above the asked one are tried when it is taken.
pub const PORT_TRIES: u16 = 10;
/// How long stopping waits for answers under way.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// What one client may cost the server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Request line and headers together, in bytes (at least 8 KiB, hyper's minimum).
    pub max_head_bytes: usize,
    /// Time to send a whole request head, from the connection's start or the end of the
    /// previous answer.
    pub head_timeout: Duration,
    /// Time a write may wait for the client to take bytes.
    pub write_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_head_bytes: 16 * 1024,
            head_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(15),
            max_connections: 256,
        }
    }
}

/// Binds `interface:port`, or the next free port up to `port + 10` (port 0: any free port).
pub fn bind(interface: IpAddr, port: u16) -> io::Result<TcpListener> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    let mut in_use = None;
    for candidate in port..=last {
        match TcpListener::bind(SocketAddr::new(interface, candidate)) {
            Ok(listener) => return Ok(listener),
            Err(error) if error.kind() == io::ErrorKind::AddrInUse => in_use = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(in_use.unwrap_or_else(|| io::Error::from(io::ErrorKind::AddrInUse)))
}

/// A running server; [`Server::stop`] ends it.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    stop: oneshot::Sender<()>,
    accepting: tokio::task::JoinHandle<()>,
    shared: Arc<Shared>,
}

/// Starts serving `listener` on a runtime of two worker threads.
pub fn start(listener: TcpListener, shared: Arc<Shared>, limits: Limits) -> io::Result<Server> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(16)
        .thread_name("planbook-serve")
        .enable_all()
        .build()?;
    listener.set_nonblocking(true)?;
    let listener = {
        let _entered = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    let (stop, stopped) = oneshot::channel();
    let router = routes::router(Arc::clone(&shared));
    let accepting = runtime.spawn(accept(listener, router, limits, stopped));
    Ok(Server {
        runtime,
        stop,
        accepting,
        shared,
    })
}

impl Server {
    /// Stops accepting, ends the event streams, waits a moment for answers under way and
    /// closes every connection.
    pub fn stop(self) {
        let Server {
            runtime,
            stop,
            accepting,
            shared,
        } = self;
        let _ = stop.send(());
        shared.hub.close_all();
        let _ = runtime.block_on(accepting);
        runtime.shutdown_timeout(STOP_GRACE);
    }
}

async fn accept(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    limits: Limits,
    mut stopped: oneshot::Receiver<()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    let head_bytes = limits.max_head_bytes.max(8 * 1024);
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout)
        .max_buf_size(head_bytes)
        .max_header_size(head_bytes);
    loop {
        let slot = tokio::select! {
            _ = &mut stopped => break,
            slot = Arc::clone(&slots).acquire_owned() => slot,
        };
        let Ok(slot) = slot else { break };
        let accepted = tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => accepted,
        };
        let socket = match accepted {
            Ok((socket, _)) => socket,
            // Accepting failed (e.g. too many open files): wait a little and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = socket.set_nodelay(true);
        let mut socket = TimeoutStream::new(socket);
        socket.set_write_timeout(Some(limits.write_timeout));
        let connection = builder.serve_connection(
            TokioIo::new(Box::pin(socket)),
            TowerToHyperService::new(router.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that went away or broke the protocol: nothing to do about it.
            let _ = connection.await;
            drop(slot);
        });
    }
    let _ = tokio::time::timeout(STOP_GRACE, graceful.shutdown()).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Instant;

    const LOCAL: std::net::Ipv4Addr = std::net::Ipv4Addr::LOCALHOST;

    /// A server on a loopback port over a small site with a 4 MiB file.
    fn serve(limits: Limits) -> (tempfile::TempDir, Server, u16) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "<body>home</body>").unwrap();
        std::fs::write(root.join("big.css"), vec![b'p'; 4 << 20]).unwrap();
        let listener = bind(IpAddr::from(LOCAL), 0).unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = start(listener, Arc::new(Shared::new(root)), limits).unwrap();
        (dir, server, port)
    }

    fn connect(port: u16) -> TcpStream {
        let stream = TcpStream::connect((LOCAL, port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// The whole answer to `request` (sent with `Connection: close`).
    fn exchange(port: u16, request: &[u8]) -> String {
        let mut stream = connect(port);
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    fn get_home(port: u16) -> String {
        exchange(
            port,
            b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
    }

    /// Reads until the server closes the connection; how long that took.
    fn time_to_close(stream: &mut TcpStream) -> Duration {
        let started = Instant::now();
        let mut sink = [0; 64 * 1024];
        loop {
            match stream.read(&mut sink) {
                Ok(0) | Err(_) => return started.elapsed(),
                Ok(_) => {}
            }
        }
    }

    fn quick() -> Limits {
        Limits {
            head_timeout: Duration::from_millis(400),
            write_timeout: Duration::from_millis(400),
            ..Limits::default()
        }
    }

    #[test]
    fn a_taken_port_moves_to_the_next_one() {
        let local = IpAddr::from(LOCAL);
        let first = bind(local, 0).unwrap();
        let taken = first.local_addr().unwrap().port();
        if taken > u16::MAX - PORT_TRIES {
            return;
        }
        let next = bind(local, taken).unwrap();
        let port = next.local_addr().unwrap().port();
        assert!(
            port > taken && port <= taken + PORT_TRIES,
            "{taken} → {port}"
        );
    }

    #[test]
    fn a_client_that_never_reads_loses_its_connection_and_nobody_else_waits() {
        let (_dir, server, port) = serve(quick());
        let mut reader_never = connect(port);
        let pipelined = "GET /big.css HTTP/1.1\r\nHost: a\r\n\r\n".repeat(40);
        reader_never.write_all(pipelined.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        assert!(get_home(port).starts_with("HTTP/1.1 200 "));
        // Its writes stall; after the write timeout the server closes the connection, long
        // before 40 answers of 4 MiB are through.
        std::thread::sleep(Duration::from_secs(2));
        let mut taken = 0;
        let mut sink = [0; 64 * 1024];
        while let Ok(read @ 1..) = reader_never.read(&mut sink) {
            taken += read;
        }
        assert!(
            taken < 40 * (4 << 20),
            "{taken} bytes: the connection stayed open"
        );
        server.stop();
    }

    #[test]
    fn a_slow_request_head_is_cut_off() {
        let (_dir, server, port) = serve(quick());
        let mut slow = connect(port);
        slow.write_all(b"GET / HTTP/1.1\r\nHost: a\r\nX-Slow: ")
            .unwrap();
        let mut idle = connect(port);
        assert!(get_home(port).starts_with("HTTP/1.1 200 "));
        let closed = time_to_close(&mut slow);
        assert!(closed < Duration::from_secs(5), "{closed:?}");
        let closed = time_to_close(&mut idle);
        assert!(
            closed < Duration::from_secs(5),
            "an idle connection: {closed:?}"
        );
        server.stop();
    }

    #[test]
    fn an_oversized_request_head_gets_431() {
        let (_dir, server, port) = serve(Limits::default());
        let big = format!(
            "GET / HTTP/1.1\r\nHost: a\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
            "x".repeat(20 * 1024)
        );
        let answer = exchange(port, big.as_bytes());
        assert!(answer.starts_with("HTTP/1.1 431 "), "{answer:?}");
        let fits = format!(
            "GET / HTTP/1.1\r\nHost: a\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
            "x".repeat(12 * 1024)
        );
        assert!(exchange(port, fits.as_bytes()).starts_with("HTTP/1.1 200 "));
        server.stop();
    }

    #[test]
    fn connections_beyond_the_cap_wait_for_a_free_one() {
        let limits = Limits {
            max_connections: 2,
            ..Limits::default()
        };
        let (_dir, server, port) = serve(limits);
        let first = connect(port);
        let _second = connect(port);
        let mut third = connect(port);
        third
            .write_all(b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            .unwrap();
        third
            .set_read_timeout(Some(Duration::from_millis(300)))
            .unwrap();
        let mut answer = [0; 16];
        assert!(third.read(&mut answer).is_err(), "answered beyond the cap");
        drop(first);
        third
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut answer = Vec::new();
        let _ = third.read_to_end(&mut answer);
        assert!(answer.starts_with(b"HTTP/1.1 200 "), "{answer:?}");
        server.stop();
    }

    #[test]
    fn stopping_ends_event_streams_and_closes_connections() {
        let (_dir, server, port) = serve(Limits::default());
        let mut stream = connect(port);
        stream
            .write_all(b"GET /__planbook/events HTTP/1.1\r\nHost: a\r\n\r\n")
            .unwrap();
        let mut head = [0; 15];
        stream.read_exact(&mut head).unwrap();
        assert_eq!(&head, b"HTTP/1.1 200 OK");
        let mut idle = connect(port);
        let started = Instant::now();
        server.stop();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(time_to_close(&mut stream) < Duration::from_secs(5));
        assert!(time_to_close(&mut idle) < Duration::from_secs(5));
        assert!(
            TcpStream::connect((LOCAL, port)).is_err(),
            "still listening"
        );
    }
}

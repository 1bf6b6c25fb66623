//! Helpers for the `planbook serve` tests (a test declares `mod common;` too): start the real binary on a copy of the example
//! content, talk raw HTTP/1.1 over a TcpStream (so nothing normalises the paths), follow the
//! live-reload event stream, and poll with deadlines. Only 127.0.0.1; every wait is bounded.

#![allow(dead_code)]

use crate::common::{copy_tree, example_content};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Copies the example content into `<dir>/content`.
pub fn example_content_in(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(&example_content(), &content);
    content
}

/// A free loopback port at the time of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Polls `done` every 50 ms until it holds or `limit` passes; true if it held.
pub fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A running `planbook serve`, stopped (SIGTERM, then SIGKILL) when dropped, also on panic.
pub struct Served {
    child: Option<Child>,
    pub port: u16,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Served {
    /// Starts `planbook serve --content DIR --port PORT EXTRA…` and waits (up to `limit`)
    /// until it prints its URL and answers.
    pub fn start(content: &Path, extra: &[&str], limit: Duration) -> Served {
        Served::start_on(free_port(), content, extra, limit)
    }

    /// Like `start`, asking for `port`.
    pub fn start_on(port: u16, content: &Path, extra: &[&str], limit: Duration) -> Served {
        let child = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .arg("serve")
            .arg("--content")
            .arg(content)
            .args(["--port", &port.to_string()])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start planbook serve");
        let mut served = Served {
            child: Some(child),
            port,
            stdout: Arc::default(),
            stderr: Arc::default(),
        };
        let child = served.child.as_mut().expect("child");
        collect_lines(child.stdout.take().expect("stdout"), &served.stdout);
        collect_lines(child.stderr.take().expect("stderr"), &served.stderr);
        let started = wait_until(limit, || served.line_starting("serving http://").is_some());
        assert!(started, "serve did not start: {}", served.output());
        let url = served.line_starting("serving http://").expect("url");
        served.port = url
            .trim_start_matches("serving http://127.0.0.1:")
            .trim_end_matches('/')
            .parse()
            .expect("the port in the URL");
        assert!(
            wait_until(limit, || try_get(served.port, "/__planbook/status").is_ok()),
            "serve does not answer: {}",
            served.output()
        );
        served
    }

    pub fn line_starting(&self, prefix: &str) -> Option<String> {
        lock(&self.stdout)
            .iter()
            .find(|l| l.starts_with(prefix))
            .cloned()
    }

    pub fn stdout(&self) -> String {
        lock(&self.stdout).join("\n")
    }

    pub fn stderr(&self) -> String {
        lock(&self.stderr).join("\n")
    }

    /// Both streams, for failure messages.
    pub fn output(&self) -> String {
        format!(
            "--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        )
    }

    pub fn get(&self, target: &str) -> Response {
        get(self.port, target)
    }

    pub fn status(&self) -> serde_json::Value {
        serde_json::from_str(&self.get("/__planbook/status").text()).expect("status JSON")
    }

    pub fn generation(&self) -> u64 {
        self.status()["generation"].as_u64().expect("generation")
    }

    pub fn events(&self) -> Events {
        Events::open(self.port)
    }

    /// The server's process id (for /proc/PID/status).
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// Whether the server process has not exited.
    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|child| matches!(child.try_wait(), Ok(None)))
    }

    /// Sends SIGTERM and waits up to `limit` for the exit; true if it exited successfully.
    pub fn terminate(&mut self, limit: Duration) -> bool {
        let Some(mut child) = self.child.take() else {
            return false;
        };
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let mut exited = None;
        wait_until(limit, || {
            exited = child.try_wait().ok().flatten();
            exited.is_some()
        });
        match exited {
            Some(status) => status.success(),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                false
            }
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if self.child.is_some() {
            self.terminate(Duration::from_secs(5));
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn collect_lines(stream: impl Read + Send + 'static, lines: &Arc<Mutex<Vec<String>>>) {
    let lines = Arc::clone(lines);
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            lock(&lines).push(line);
        }
    });
}

/// A raw HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

/// Sends `request` as raw bytes and reads the whole answer (the server closes).
pub fn raw(port: u16, request: &[u8]) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request)?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no response head"))?;
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status in {head:?}")))?;
    Ok(Response {
        status,
        head,
        body: bytes[split + 4..].to_vec(),
    })
}

/// `METHOD target` exactly as given, with `Connection: close`.
pub fn request(port: u16, method: &str, target: &str) -> std::io::Result<Response> {
    raw(
        port,
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
}

pub fn try_get(port: u16, target: &str) -> std::io::Result<Response> {
    request(port, "GET", target)
}

pub fn get(port: u16, target: &str) -> Response {
    try_get(port, target).unwrap_or_else(|e| panic!("GET {target}: {e}"))
}

/// One server-sent event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub data: String,
}

/// An open `/__planbook/events` stream, read on its own thread; dropping it closes the
/// connection.
pub struct Events {
    pub head: String,
    events: Receiver<Event>,
    connection: TcpStream,
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = self.connection.shutdown(std::net::Shutdown::Both);
    }
}

impl Events {
    pub fn open(port: u16) -> Events {
        Events::try_open(port).expect("open the event stream")
    }

    /// Connects, asks for the stream and reads the response head (status line and headers).
    pub fn try_open(port: u16) -> std::io::Result<Events> {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.write_all(b"GET /__planbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")?;
        stream.set_read_timeout(Some(Duration::from_secs(60)))?;
        let connection = stream.try_clone()?;
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            let read = reader.read_line(&mut line)?;
            if read == 0 || line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let chunked = head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked");
        let body: Box<dyn BufRead + Send> = if chunked {
            Box::new(BufReader::new(Dechunked {
                inner: reader,
                left: 0,
            }))
        } else {
            Box::new(reader)
        };
        let (sender, events) = channel();
        std::thread::spawn(move || {
            let reader = body;
            let mut event = Event {
                name: String::from("message"),
                data: String::new(),
            };
            for line in reader.lines() {
                let Ok(line) = line else { return };
                if line.is_empty() {
                    if sender.send(event.clone()).is_err() {
                        return;
                    }
                    event = Event {
                        name: String::from("message"),
                        data: String::new(),
                    };
                } else if let Some(name) = line.strip_prefix("event: ") {
                    event.name = name.to_string();
                } else if let Some(data) = line.strip_prefix("data: ") {
                    event.data.push_str(data);
                }
            }
        });
        Ok(Events {
            head,
            events,
            connection,
        })
    }

    /// The next event named `name` within `limit`, skipping others.
    pub fn next_named(&self, name: &str, limit: Duration) -> Option<Event> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.events.recv_timeout(left) {
                Ok(event) if event.name == name => return Some(event),
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }
}

/// The body of a `Transfer-Encoding: chunked` answer, without its chunk framing.
struct Dechunked<R> {
    inner: R,
    /// Bytes left in the current chunk.
    left: usize,
}

impl<R: BufRead> Read for Dechunked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            let mut line = String::new();
            self.inner.read_line(&mut line)?;
            if line == "\r\n" {
                // The end of the previous chunk's data.
                line.clear();
                self.inner.read_line(&mut line)?;
            }
            let size = line.trim().split(';').next().unwrap_or("");
            self.left = usize::from_str_radix(size, 16)
                .map_err(|_| std::io::Error::other(format!("bad chunk size {line:?}")))?;
            if self.left == 0 {
                return Ok(0);
            }
        }
        let wanted = buf.len().min(self.left);
        let read = self.inner.read(&mut buf[..wanted])?;
        self.left -= read;
        Ok(read)
    }
}

/// Replaces `from` by `to` in a file the way editors save: write a temporary file, rename.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    let temporary = path.with_extension("yaml.tmp");
    std::fs::write(&temporary, text.replacen(from, to, 1)).expect("write");
    std::fs::rename(&temporary, path).expect("rename");
}

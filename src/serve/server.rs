//! The preview server: tiny_http on one port (the first free one of `port..=port+10`), a
//! few worker threads answering from the served folder, and one thread per live-reload
//! stream so a stream never holds up other requests. Each request is answered inside
//! `catch_unwind`: a bug answers 500 and the server goes on. Only GET and HEAD are served.

use super::state::Shared;
use super::{events, inject, mime, pages, paths};
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Method, Request};

/// Worker threads answering ordinary requests.
const WORKERS: usize = 8;
/// How many ports above the asked one are tried when it is taken.
pub const PORT_TRIES: u16 = 10;

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

/// Starts the worker threads on `listener`; they run until the process ends.
pub fn start(listener: TcpListener, shared: Arc<Shared>) -> io::Result<()> {
    let server = tiny_http::Server::from_listener(listener, None).map_err(io::Error::other)?;
    let server = Arc::new(server);
    for n in 0..WORKERS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name(format!("planbook-serve-{n}"))
            .spawn(move || work(&server, &shared))?;
    }
    Ok(())
}

fn work(server: &tiny_http::Server, shared: &Arc<Shared>) {
    loop {
        match server.recv() {
            Ok(request) => {
                if catch_unwind(AssertUnwindSafe(|| handle(request, shared))).is_err() {
                    eprintln!("warning: answering a request failed (a bug); the server goes on");
                }
            }
            // Accepting failed (e.g. too many open files): wait a little and go on.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// An answer built in memory.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type,
            body,
            location: None,
        }
    }

    fn page(status: u16, body: Vec<u8>) -> Reply {
        Reply::new(status, "text/html; charset=utf-8", body)
    }
}

enum Route {
    /// `GET /__planbook/events`: a stream on its own thread.
    Events,
    Reply(Reply),
}

fn handle(request: Request, shared: &Arc<Shared>) {
    let target = request.url().to_string();
    let method = request.method().clone();
    let route = catch_unwind(AssertUnwindSafe(|| route(shared, &method, &target)))
        .unwrap_or_else(|_| Route::Reply(Reply::page(500, pages::internal_error())));
    match route {
        Route::Events => open_stream(request, shared),
        Route::Reply(reply) => respond(request, reply),
    }
}

fn route(shared: &Shared, method: &Method, target: &str) -> Route {
    if !matches!(method, Method::Get | Method::Head) {
        return Route::Reply(Reply::page(405, pages::method_not_allowed()));
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let reply = match path {
        "/__planbook/events" if *method == Method::Get => return Route::Events,
        "/__planbook/events" => Reply::new(200, "text/event-stream; charset=utf-8", Vec::new()),
        "/__planbook/status" => Reply::new(
            200,
            "application/json; charset=utf-8",
            shared.status().to_json().into_bytes(),
        ),
        inject::SCRIPT_PATH => Reply::new(
            200,
            "text/javascript; charset=utf-8",
            inject::SCRIPT.as_bytes().to_vec(),
        ),
        _ if path.starts_with("/__planbook/") => Reply::page(404, pages::not_found()),
        _ => site_file(shared, target),
    };
    Route::Reply(reply)
}

/// A file of the built site; HTML pages get the live-reload script.
fn site_file(shared: &Shared, target: &str) -> Reply {
    match paths::locate(&shared.site_root, target) {
        paths::Located::File(path) => match std::fs::read(&path) {
            Ok(bytes) => {
                let content_type = mime::content_type(&path);
                let body = if mime::is_html(content_type) {
                    inject::inject(bytes)
                } else {
                    bytes
                };
                Reply::new(200, content_type, body)
            }
            // Swapped away by a rebuild between finding and reading it.
            Err(_) => Reply::page(404, pages::not_found()),
        },
        paths::Located::Redirect(location) => Reply {
            location: Some(location),
            ..Reply::new(301, "text/plain; charset=utf-8", Vec::new())
        },
        paths::Located::NotFound => Reply::page(404, pages::not_found()),
        paths::Located::Forbidden => Reply::page(403, pages::forbidden()),
    }
}

fn respond(request: Request, reply: Reply) {
    // Always a Content-Length, never chunked: the body is in memory.
    let mut response = tiny_http::Response::from_data(reply.body)
        .with_status_code(reply.status)
        .with_chunked_threshold(usize::MAX);
    let mut headers = vec![
        ("Content-Type", reply.content_type.to_string()),
        ("Cache-Control", "no-cache".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
    ];
    if let Some(location) = reply.location {
        headers.push(("Location", location));
    }
    if reply.status == 405 {
        headers.push(("Allow", "GET, HEAD".to_string()));
    }
    for (name, value) in headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // The client may have gone; nothing to do about it.
    let _ = request.respond(response);
}

fn open_stream(request: Request, shared: &Arc<Shared>) {
    let listener = shared.hub.subscribe();
    let shared = Arc::clone(shared);
    let spawned = std::thread::Builder::new()
        .name("planbook-serve-events".into())
        .spawn(move || {
            let _ = catch_unwind(AssertUnwindSafe(|| {
                events::stream(request, &shared, listener)
            }));
        });
    if let Err(error) = spawned {
        eprintln!("warning: cannot open a live-reload stream: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_port_moves_to_the_next_one() {
        let local = IpAddr::from([127, 0, 0, 1]);
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
    fn routes_answer_status_script_and_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let shared = Shared::new(dir.path().join("site"));
        let reply = |method: Method, target: &str| match route(&shared, &method, target) {
            Route::Reply(reply) => reply,
            Route::Events => panic!("{target}: unexpected stream"),
        };
        assert!(matches!(
            route(&shared, &Method::Get, "/__planbook/events"),
            Route::Events
        ));
        let status = reply(Method::Get, "/__planbook/status?t=1");
        assert_eq!(status.status, 200);
        assert_eq!(status.body, br#"{"ok":true,"generation":0}"#);
        assert_eq!(reply(Method::Get, inject::SCRIPT_PATH).status, 200);
        assert_eq!(reply(Method::Head, "/__planbook/events").status, 200);
        assert_eq!(reply(Method::Get, "/__planbook/other").status, 404);
        assert_eq!(reply(Method::Post, "/").status, 405);
        assert_eq!(reply(Method::Get, "/").status, 404);
        assert_eq!(reply(Method::Get, "/../x").status, 403);
    }
}

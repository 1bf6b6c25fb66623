//! `planbook serve`: builds the site into a private temporary folder, serves it on a
//! loopback port, watches `content/` and `themes/`, rebuilds what changed through the build
//! [`Session`](crate::session::Session) and reloads the browser. A layer on top of the
//! build: nothing else depends on it, and `planbook build` output is never touched.
//!
//! - [`server`]: the HTTP server (hyper on tokio) and its limits; [`routes`]: what it
//!   answers (axum, tower-http);
//! - [`paths`]: request targets to files, refusing anything that leaves the folder;
//! - [`mime`]: content types; [`pages`]: the server's own Thai pages;
//! - [`inject`] and `reload.js`: the live-reload script, added to HTML at serve time only;
//! - [`events`]: server-sent events; [`state`]: what the threads share;
//! - [`watch`]: notify and its debouncer; [`poll`]: scanning for `--poll`;
//!   [`rebuild`]: the loop that rebuilds and reports;
//! - [`browser`] opens the site for `--open`.

pub mod browser;
pub mod events;
pub mod inject;
pub mod mime;
pub mod pages;
pub mod paths;
pub mod poll;
pub mod rebuild;
pub mod routes;
pub mod server;
pub mod state;
pub mod watch;

use crate::build::BuildOptions;
use crate::model::Month;
use crate::tr;
use rebuild::{Message, Rebuilder};
use state::Shared;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};

/// What `planbook serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub content_dir: PathBuf,
    /// The first port tried; the next ten are tried when it is taken.
    pub port: u16,
    /// Loopback unless asked otherwise.
    pub interface: IpAddr,
    /// Open the site in the desktop's browser.
    pub open: bool,
    /// Scan for changes instead of waiting for events (network drives).
    pub poll: bool,
    pub as_of: Option<Month>,
}

/// Why serving could not start. Bad content is never one: it is shown and served around.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}", crate::tr!("no-content-folder", path = .0.display()))]
    NoContent(PathBuf),
    #[error("{what}: {}", crate::i18n::io_said(.source))]
    Io { what: String, source: io::Error },
    #[error("{}", crate::tr!("serve-cannot-watch", reason = .0))]
    Watch(#[source] notify::Error),
}

impl crate::diag::Failure for ServeError {}

fn io_error(what: impl Into<String>) -> impl FnOnce(io::Error) -> ServeError {
    let what = what.into();
    move |source| ServeError::Io { what, source }
}

/// Serves until Ctrl-C or a termination signal; the private output folder is then removed.
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    let content_dir = std::fs::canonicalize(&options.content_dir)
        .ok()
        .filter(|dir| dir.is_dir())
        .ok_or_else(|| ServeError::NoContent(options.content_dir.clone()))?;
    let mut watched = vec![content_dir.clone()];
    watched.extend(
        content_dir
            .parent()
            .map(|parent| parent.join("themes"))
            .filter(|themes| themes.is_dir()),
    );
    let output = tempfile::Builder::new()
        .prefix("planbook-serve-")
        .tempdir()
        .map_err(io_error(tr!("serve-cannot-make-folder")))?;
    let site_root = output.path().join("site");
    let listener = server::bind(options.interface, options.port).map_err(io_error(tr!(
        "serve-cannot-listen",
        interface = options.interface,
        first = options.port,
        last = options.port.saturating_add(server::PORT_TRIES)
    )))?;
    let address = listener
        .local_addr()
        .map_err(io_error(tr!("serve-cannot-read-address")))?;

    let (sender, messages) = channel::<Message>();
    let _watching = start_watching(&watched, options.poll, &sender)?;
    stop_on_signal(sender, output.path().to_path_buf());

    let shared = Arc::new(Shared::new(site_root));
    println!(
        "{}",
        tr!("serve-building-into", path = output.path().display())
    );
    let mut rebuilder = Rebuilder::new(BuildOptions {
        content_dir,
        output_dir: shared.site_root.clone(),
        as_of: options.as_of,
    });
    rebuilder.first(&shared);
    let server = server::start(listener, Arc::clone(&shared), server::Limits::default())
        .map_err(io_error(tr!("serve-cannot-start")))?;

    let url = url(address);
    if options.port != 0 && address.port() != options.port {
        println!(
            "{}",
            tr!(
                "serve-port-taken",
                wanted = options.port,
                port = address.port()
            )
        );
    }
    println!("{}", tr!("serve-serving", url = &url));
    if !address.ip().is_loopback() {
        eprintln!(
            "{}: {}",
            tr!("note"),
            tr!("serve-public", address = address)
        );
    }
    println!("{}", tr!("serve-watching", folders = folder_list(&watched)));
    if options.open {
        browser::open(&url);
    }
    rebuilder.run(&shared, &messages);
    server.stop();

    let removed = output.path().display().to_string();
    output
        .close()
        .map_err(io_error(tr!("serve-cannot-remove", path = &removed)))?;
    println!("{}", tr!("serve-stopped", path = &removed));
    Ok(())
}

/// Native change events, or scanning when asked, or when the system refuses more watches
/// (Linux's `fs.inotify.max_user_watches` on a large site).
fn start_watching(
    folders: &[PathBuf],
    poll: bool,
    sender: &Sender<Message>,
) -> Result<watch::WatchGuard, ServeError> {
    if poll {
        return watch::start(folders, true, sender.clone()).map_err(ServeError::Watch);
    }
    match watch::start(folders, false, sender.clone()) {
        Ok(guard) => Ok(guard),
        Err(error) => {
            eprintln!(
                "{}: {}",
                tr!("diag-warning"),
                tr!("serve-polling", reason = error)
            );
            watch::start(folders, true, sender.clone()).map_err(ServeError::Watch)
        }
    }
}

/// The URL to print and open: loopback when listening on every interface.
fn url(address: SocketAddr) -> String {
    let mut shown = address;
    if address.ip().is_unspecified() {
        shown.set_ip(match address {
            SocketAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
            SocketAddr::V6(_) => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
        });
    }
    format!("http://{shown}/")
}

fn folder_list(folders: &[PathBuf]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    folders
        .iter()
        .map(|f| display_folder(f, &cwd))
        .reduce(|first, second| tr!("serve-folder-and", first = first, second = second))
        .unwrap_or_default()
}

fn display_folder(folder: &Path, cwd: &Path) -> String {
    match folder.strip_prefix(cwd) {
        Ok(relative) => format!("{}/", crate::diag::display_relative(relative)),
        Err(_) => format!("{}/", folder.display()),
    }
}

/// Ctrl-C, SIGTERM and SIGHUP stop the loop, so the private folder is removed; the loop
/// sees it once the build under way is done. A second signal does not wait: it removes the
/// folder and exits at once (130, as a shell reports Ctrl-C).
fn stop_on_signal(sender: Sender<Message>, private: PathBuf) {
    let signals = AtomicUsize::new(0);
    let handled = ctrlc::set_handler(move || {
        if signals.fetch_add(1, Ordering::SeqCst) == 0 {
            eprintln!("{}", tr!("serve-stopping"));
            let _ = sender.send(Message::Stop);
        } else {
            let _ = std::fs::remove_dir_all(&private);
            std::process::exit(130);
        }
    });
    if let Err(error) = handled {
        eprintln!(
            "{}: {}",
            tr!("diag-warning"),
            tr!("serve-no-ctrl-c", reason = error)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_show_loopback_for_every_interface() {
        assert_eq!(
            url("127.0.0.1:1111".parse().unwrap()),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(
            url("0.0.0.0:1112".parse().unwrap()),
            "http://127.0.0.1:1112/"
        );
        assert_eq!(url("[::]:1113".parse().unwrap()), "http://[::1]:1113/");
        assert_eq!(url("[::1]:1114".parse().unwrap()), "http://[::1]:1114/");
    }
}

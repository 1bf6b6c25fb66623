//! Server-sent events at `/__planbook/events`: each open page holds one stream, written on
//! its own thread and flushed per event, with a comment every 15 s to keep it alive.
//! A stream says `hello` (server id and build generation) when it opens, then `reload`
//! after a good rebuild or `failed` after a failed one.

use super::state::Shared;
use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Streams open at once, at most (each holds a thread). A new stream beyond them closes
/// the oldest: a closed page's stream is noticed only when a write to it fails (at the next
/// event or keep-alive, sometimes the one after), so refusing new streams instead would
/// leave pages opened after quick browsing without live reload for up to half a minute.
/// A page whose stream is closed this way reconnects by itself (`retry: 1000`).
const MAX_LISTENERS: usize = 64;
const KEEP_ALIVE: Duration = Duration::from_secs(15);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A build succeeded: pages reload.
    Reload(u64),
    /// A build failed: pages fetch the status and show the error.
    Failed(u64),
}

impl Event {
    fn to_frame(self) -> String {
        match self {
            Event::Reload(generation) => format!("event: reload\ndata: {generation}\n\n"),
            Event::Failed(generation) => format!("event: failed\ndata: {generation}\n\n"),
        }
    }
}

/// The open streams, each fed through a channel.
#[derive(Default)]
pub struct Hub {
    listeners: Mutex<Vec<Sender<Event>>>,
}

impl Hub {
    /// A new listener; when `MAX_LISTENERS` are open, the oldest is let go (its stream
    /// ends as soon as its thread sees the channel closed).
    pub fn subscribe(&self) -> Receiver<Event> {
        let mut listeners = self
            .listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if listeners.len() >= MAX_LISTENERS {
            let excess = listeners.len() + 1 - MAX_LISTENERS;
            listeners.drain(..excess);
        }
        let (sender, receiver) = channel();
        listeners.push(sender);
        receiver
    }

    /// Sends `event` to every listener, forgetting those whose stream has closed.
    pub fn publish(&self, event: Event) {
        self.listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|listener| listener.send(event).is_ok());
    }
}

/// Answers one events request: the response head, `hello`, then events until the client
/// goes away. Runs on the stream's own thread.
pub fn stream(request: tiny_http::Request, shared: &Shared, events: Receiver<Event>) {
    let mut writer = request.into_writer();
    let status = shared.status();
    let hello = serde_json::json!({
        "server": shared.server_id,
        "generation": status.generation,
        "ok": status.error.is_none(),
    });
    let head = format!(
        "HTTP/1.1 200 OK\r\n\
         Content-Type: text/event-stream; charset=utf-8\r\n\
         Cache-Control: no-cache\r\n\
         X-Content-Type-Options: nosniff\r\n\
         Connection: close\r\n\
         \r\n\
         retry: 1000\n\
         event: hello\ndata: {hello}\n\n"
    );
    if send(&mut writer, &head).is_err() {
        return;
    }
    loop {
        let frame = match events.recv_timeout(KEEP_ALIVE) {
            Ok(event) => event.to_frame(),
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut writer, &frame).is_err() {
            return;
        }
    }
}

fn send(writer: &mut dyn Write, text: &str) -> std::io::Result<()> {
    writer.write_all(text.as_bytes())?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_listeners_are_forgotten_and_the_count_is_bounded() {
        let hub = Hub::default();
        let kept = hub.subscribe();
        drop(hub.subscribe());
        hub.publish(Event::Reload(1));
        assert_eq!(hub.listeners.lock().unwrap().len(), 1);
        assert_eq!(kept.recv().unwrap(), Event::Reload(1));
        let many: Vec<_> = (1..MAX_LISTENERS).map(|_| hub.subscribe()).collect();
        assert_eq!(hub.listeners.lock().unwrap().len(), MAX_LISTENERS);
        // One more: the newest is served, the oldest let go, the count stays.
        let newest = hub.subscribe();
        assert_eq!(hub.listeners.lock().unwrap().len(), MAX_LISTENERS);
        assert_eq!(
            kept.try_recv(),
            Err(std::sync::mpsc::TryRecvError::Disconnected)
        );
        hub.publish(Event::Failed(2));
        assert_eq!(newest.try_recv(), Ok(Event::Failed(2)));
        assert!(many.iter().all(|l| l.try_recv() == Ok(Event::Failed(2))));
    }

    #[test]
    fn frames_are_sse() {
        assert_eq!(Event::Reload(7).to_frame(), "event: reload\ndata: 7\n\n");
        assert_eq!(Event::Failed(8).to_frame(), "event: failed\ndata: 8\n\n");
    }
}

//! Server-sent events at `/__planbook/events`: each open page holds one stream (axum's
//! [`Sse`], a comment every 15 s to keep it alive), fed by the rebuild loop through the
//! [`Hub`]. A stream says `hello` (server id and build generation) when it opens, then
//! `reload` after a good rebuild or `failed` after a failed one.

use super::state::Shared;
use axum::response::sse::{self, KeepAlive, Sse};
use std::convert::Infallible;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio_stream::wrappers::UnboundedReceiverStream;
use tokio_stream::{Stream, StreamExt};

/// Streams open at once, at most. A new stream beyond them closes the oldest: a closed
/// page's stream is noticed only when a write to it fails (at the next event or
/// keep-alive), so refusing new streams instead would leave pages opened after quick
/// browsing without live reload for up to half a minute. A page whose stream is closed
/// this way reconnects by itself (`retry: 1000`).
pub const MAX_LISTENERS: usize = 64;
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long a page waits before reconnecting a closed stream.
const RETRY: Duration = Duration::from_millis(1000);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A build succeeded: pages reload.
    Reload(u64),
    /// A build failed: pages fetch the status and show the error.
    Failed(u64),
}

impl Event {
    fn to_sse(self) -> sse::Event {
        match self {
            Event::Reload(generation) => sse::Event::default()
                .event("reload")
                .data(generation.to_string()),
            Event::Failed(generation) => sse::Event::default()
                .event("failed")
                .data(generation.to_string()),
        }
    }
}

/// The open streams, each fed through a channel.
#[derive(Default)]
pub struct Hub {
    listeners: Mutex<Vec<UnboundedSender<Event>>>,
}

impl Hub {
    /// A new listener; when `MAX_LISTENERS` are open, the oldest is let go (its stream
    /// ends as soon as it sees the channel closed).
    pub fn subscribe(&self) -> UnboundedReceiver<Event> {
        let mut listeners = self
            .listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        listeners.retain(|listener| !listener.is_closed());
        if listeners.len() >= MAX_LISTENERS {
            let excess = listeners.len() + 1 - MAX_LISTENERS;
            listeners.drain(..excess);
        }
        let (sender, receiver) = unbounded_channel();
        listeners.push(sender);
        receiver
    }

    /// Ends every stream (the server is stopping).
    pub fn close_all(&self) {
        self.listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// Sends `event` to every listener, forgetting those whose stream has closed.
    pub fn publish(&self, event: Event) {
        self.listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|listener| listener.send(event).is_ok());
    }
}

/// Answers one events request: `hello`, then the events of the builds to come, until the
/// client goes away or the stream is let go.
pub fn stream(shared: &Shared) -> Sse<impl Stream<Item = Result<sse::Event, Infallible>> + use<>> {
    let listener = shared.hub.subscribe();
    let status = shared.status();
    let hello = serde_json::json!({
        "server": shared.server_id,
        "generation": status.generation,
        "ok": status.error.is_none(),
    });
    let hello = sse::Event::default()
        .event("hello")
        .retry(RETRY)
        .data(hello.to_string());
    let builds = UnboundedReceiverStream::new(listener).map(Event::to_sse);
    Sse::new(tokio_stream::once(hello).chain(builds).map(Ok))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_listeners_are_forgotten_and_the_count_is_bounded() {
        let hub = Hub::default();
        let mut kept = hub.subscribe();
        drop(hub.subscribe());
        hub.publish(Event::Reload(1));
        assert_eq!(hub.listeners.lock().unwrap().len(), 1);
        assert_eq!(kept.try_recv(), Ok(Event::Reload(1)));
        let mut many: Vec<_> = (1..MAX_LISTENERS).map(|_| hub.subscribe()).collect();
        assert_eq!(hub.listeners.lock().unwrap().len(), MAX_LISTENERS);
        // One more: the newest is served, the oldest let go, the count stays.
        let mut newest = hub.subscribe();
        assert_eq!(hub.listeners.lock().unwrap().len(), MAX_LISTENERS);
        assert_eq!(
            kept.try_recv(),
            Err(tokio::sync::mpsc::error::TryRecvError::Disconnected)
        );
        hub.publish(Event::Failed(2));
        assert_eq!(newest.try_recv(), Ok(Event::Failed(2)));
        assert!(
            many.iter_mut()
                .all(|l| l.try_recv() == Ok(Event::Failed(2)))
        );
        hub.close_all();
        assert_eq!(
            newest.try_recv(),
            Err(tokio::sync::mpsc::error::TryRecvError::Disconnected)
        );
    }

    #[tokio::test]
    async fn a_stream_says_hello_then_each_build() {
        use axum::response::IntoResponse;
        let shared = Shared::new(std::path::PathBuf::from("site"));
        let mut body = stream(&shared)
            .into_response()
            .into_body()
            .into_data_stream();
        shared.finish_build(None);
        shared.finish_build(Some("broken".into()));
        let mut frames = Vec::new();
        for _ in 0..3 {
            let frame = body.next().await.expect("a frame").expect("no error");
            frames.push(String::from_utf8(frame.to_vec()).expect("UTF-8"));
        }
        let hello = format!(
            "event: hello\nretry: 1000\ndata: {{\"server\":\"{}\",\"generation\":0,\"ok\":true}}\n\n",
            shared.server_id
        );
        assert_eq!(frames[0], hello);
        assert_eq!(frames[1], "event: reload\ndata: 1\n\n");
        assert_eq!(frames[2], "event: failed\ndata: 2\n\n");
        shared.hub.close_all();
        assert!(body.next().await.is_none(), "the stream ends when let go");
    }
}

//! What the server threads share with the rebuild loop: the served folder, the outcome of
//! the last build (shown by `/__planbook/status`) and the hub of live-reload listeners.

use super::events::{Event, Hub};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

/// The outcome of the last build. `generation` counts builds, good or failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub generation: u64,
    /// The findings of the last build, when it failed; the last good site is still served.
    pub error: Option<String>,
}

impl Status {
    /// `{"ok":true,"generation":3}` or `{"ok":false,"generation":4,"error":"…"}`.
    pub fn to_json(&self) -> String {
        let value = match &self.error {
            None => serde_json::json!({ "ok": true, "generation": self.generation }),
            Some(error) => serde_json::json!({
                "ok": false,
                "generation": self.generation,
                "error": error,
            }),
        };
        value.to_string()
    }
}

pub struct Shared {
    /// The served folder (the private output of this serve process).
    pub site_root: PathBuf,
    /// Differs between runs, so a page can tell that the server restarted.
    pub server_id: String,
    pub hub: Hub,
    status: Mutex<Status>,
}

impl Shared {
    pub fn new(site_root: PathBuf) -> Shared {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        Shared {
            site_root,
            server_id: format!("{}-{started}", std::process::id()),
            hub: Hub::default(),
            status: Mutex::new(Status::default()),
        }
    }

    pub fn status(&self) -> Status {
        self.status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Records a build's outcome and tells every open page: reload, or show the error.
    pub fn finish_build(&self, error: Option<String>) {
        let failed = error.is_some();
        let generation = {
            let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
            status.generation += 1;
            status.error = error;
            status.generation
        };
        self.hub.publish(if failed {
            Event::Failed(generation)
        } else {
            Event::Reload(generation)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_json_escapes_the_error_text() {
        let ok = Status {
            generation: 3,
            error: None,
        };
        assert_eq!(ok.to_json(), r#"{"ok":true,"generation":3}"#);
        let failed = Status {
            generation: 4,
            error: Some("a.yaml:1:2: error: \"x\" <script>\n".into()),
        };
        let value: serde_json::Value = serde_json::from_str(&failed.to_json()).unwrap();
        assert_eq!(value["ok"], false);
        assert_eq!(value["error"], "a.yaml:1:2: error: \"x\" <script>\n");
    }

    #[test]
    fn each_build_counts_and_tells_the_listeners() {
        let shared = Shared::new(PathBuf::from("site"));
        let mut listener = shared.hub.subscribe();
        shared.finish_build(Some("broken".into()));
        shared.finish_build(None);
        assert_eq!(listener.try_recv(), Ok(Event::Failed(1)));
        assert_eq!(listener.try_recv(), Ok(Event::Reload(2)));
        assert_eq!(shared.status().generation, 2);
        assert_eq!(shared.status().error, None);
    }
}

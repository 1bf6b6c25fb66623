//! One shared copy of each short text that repeats across plans: names, units, ids, terms.
//!
//! Thousands of plans of one department repeat the same department, program, task, budget
//! item and KPI names; the checked model holds them as `Arc<str>` handed out here, so each
//! distinct text is stored once per check. Narratives and other free texts are not interned.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// The texts handed out so far; shared by every plan checked in parallel.
#[derive(Debug, Default)]
pub struct Names {
    seen: Mutex<HashSet<Arc<str>>>,
}

impl Names {
    /// The shared copy of `text`.
    pub fn get(&self, text: &str) -> Arc<str> {
        // A panic elsewhere while holding the lock leaves the set whole: keep using it.
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(name) = seen.get(text) {
            return Arc::clone(name);
        }
        let name: Arc<str> = Arc::from(text);
        seen.insert(Arc::clone(&name));
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_copy() {
        let names = Names::default();
        let a = names.get("กองแผนงาน");
        let b = names.get("กองแผนงาน");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*names.get("other"), "other");
    }
}

//! Plan-wide id uniqueness: budget nodes, tasks and KPIs share one namespace.

use crate::diag::{Diagnostics, Loc};
use std::collections::HashMap;

#[derive(Default)]
pub struct IdRegistry {
    seen: HashMap<String, Loc>,
}

impl IdRegistry {
    /// Records `id`, reporting a duplicate with the place of the first.
    pub fn claim(&mut self, id: &str, at: Loc, diags: &mut Diagnostics) {
        if let Some(first) = self.seen.get(id) {
            diags.error(at, crate::msg!("id-duplicate", id = id, line = first.line));
        } else {
            self.seen.insert(id.to_string(), at);
        }
    }
}

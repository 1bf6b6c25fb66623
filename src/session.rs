//! A build session: the state a long-running process (`planbook serve`) keeps between
//! builds, so that a change rebuilds only what it touches.
//!
//! A change to plan folders that already exist is rebuilt incrementally: only those
//! folders are read and checked again, only their plans' figures are recomputed (with the
//! roll-ups that hold them), and only the pages that show them are rendered and written,
//! each file replaced atomically in the live output folder. A plan read again compares
//! with the one before: unchanged (a comment, spacing), nothing is rendered; an entry
//! changed, its office's email reports and registers of that month and later are, not earlier
//! ones (an entry removed rebuilds everything: a register may go). Anything else (site.yaml, a fiscal
//! year, pages, the theme, a plan added or removed, a change of as-of month, of office or
//! group names) falls back to a full build, published by swapping the whole folder.
//!
//! `rebuild` answers with what it did (pages rendered, files written, plans checked), so
//! tests prove a change re-renders only the pages it affects.

use crate::build::{self, BuildError, BuildOptions, Built};
use crate::check::Checked;
use crate::compute::{self, Figures};
use crate::export::rows::PlanRows;
use crate::load;
use crate::model::{Month, Plan, PlanId};
use crate::output::{InPlace, absolute};
use crate::pipeline::{self, Changes, LinkChecked, PageOptions, Selection};
use crate::render::theme::Theme;
use crate::site::Progress;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What one build or rebuild did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RebuildStats {
    /// Pages rendered from templates (site pages and plan documents).
    pub pages_rendered: usize,
    /// Email report files (one per office and month) rendered.
    pub reports_written: usize,
    /// Files written to the output folder.
    pub files_written: usize,
    /// Plan folders read and checked again.
    pub plans_checked: usize,
    /// Whether everything was rebuilt (rather than what the change touched).
    pub full: bool,
    pub elapsed: Duration,
    /// Warnings, rendered as `path:line:col: warning: …`.
    pub warnings: String,
}

/// What the last good build knew, and the folders changed since it.
struct State {
    checked: Checked,
    figures: Figures,
    rows: PlanRows,
    theme: Theme,
    written: HashSet<String>,
    /// Plan folders re-checked since the last good build, with their newest check.
    pending: BTreeMap<String, Option<Plan>>,
}

/// Keeps what the last good build knew.
pub struct Session {
    options: BuildOptions,
    state: Option<State>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            state: None,
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// A full build into the output folder (published atomically).
    pub fn full(&mut self) -> Result<RebuildStats, BuildError> {
        let started = Instant::now();
        let built = build::build_full(&self.options)?;
        let Built {
            summary,
            checked,
            figures,
            rows,
            theme,
            written,
            ..
        } = built;
        let stats = RebuildStats {
            pages_rendered: summary.pages + checked.content.plans.len(),
            reports_written: summary.reports,
            files_written: summary.files,
            plans_checked: checked.content.plans.len(),
            full: true,
            elapsed: started.elapsed(),
            warnings: summary.warnings,
        };
        self.state = Some(State {
            checked,
            figures,
            rows,
            theme,
            written,
            pending: BTreeMap::new(),
        });
        Ok(stats)
    }

    /// Rebuilds after `changed` files or folders changed (absolute, or relative to the
    /// current directory). On error the output folder is left as the last good build
    /// wrote it, and the error is returned.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<RebuildStats, BuildError> {
        let started = Instant::now();
        let Some(folders) = self.changed_folders(changed) else {
            return self.full();
        };
        let Some(state) = self.state.as_mut() else {
            return self.full();
        };
        if folders.is_empty() {
            // Nothing the content is made of changed: the warnings stand as they were.
            return Ok(RebuildStats {
                warnings: state.checked.render(),
                elapsed: started.elapsed(),
                ..RebuildStats::default()
            });
        }
        let content_dir = self.options.content_dir.clone();
        let mut timings = crate::timings::Timings::start();
        for plan_id in &folders {
            let plan = state.checked.recheck_folder(&content_dir, plan_id);
            state.pending.insert(plan_id.clone(), plan);
        }
        timings.phase("rebuild: check");
        state.checked.refuse_errors()?;
        let warnings = state.checked.render();
        match apply_pending(state, &self.options) {
            Applied::Incremental(mut stats) => {
                stats.elapsed = started.elapsed();
                stats.warnings = warnings;
                Ok(stats)
            }
            Applied::NeedsFull => self.full(),
            Applied::Failed(error) => Err(error),
        }
    }

    /// The existing plan folders the change touches; `None` when it touches anything else.
    fn changed_folders(&self, changed: &[PathBuf]) -> Option<BTreeSet<String>> {
        let state = self.state.as_ref()?;
        let content_dir = absolute(&self.options.content_dir);
        let mut folders = BTreeSet::new();
        for path in changed {
            let relative = absolute(path)
                .strip_prefix(&content_dir)
                .ok()?
                .to_path_buf();
            let plan_id = load::plan_folder_of(&relative)?;
            let known = state.checked.folder_diagnostics.contains_key(&plan_id)
                && content_dir
                    .join("plans")
                    .join(&plan_id)
                    .join("plan.yaml")
                    .is_file();
            if !known {
                return None;
            }
            folders.insert(plan_id);
        }
        Some(folders)
    }
}

/// The first month whose figures or entry differ between two readings of a plan: its
/// fiscal year's first month when the plan itself changed, `None` when nothing did.
fn first_changed_month(old: &Plan, new: &Plan) -> Option<Month> {
    let without_entries = |plan: &Plan| Plan {
        entries: Vec::new(),
        ..plan.clone()
    };
    if without_entries(old) != without_entries(new) {
        return Some(new.id.fiscal_year.first_month());
    }
    fn entry(plan: &Plan, month: Month) -> Option<&crate::model::ProgressEntry> {
        plan.entries.iter().find(|e| e.month == month)
    }
    old.entries
        .iter()
        .chain(&new.entries)
        .map(|e| e.month)
        .filter(|&month| entry(old, month) != entry(new, month))
        .min()
}

enum Applied {
    Incremental(RebuildStats),
    NeedsFull,
    Failed(BuildError),
}

/// Puts the pending plans into the model and renders what they touch.
fn apply_pending(state: &mut State, options: &BuildOptions) -> Applied {
    let pending = std::mem::take(&mut state.pending);
    let plans_checked = pending.len();
    let mut changed: HashSet<PlanId> = HashSet::new();
    // The earliest month whose figures or entry the changes touch.
    let mut from: Option<Month> = None;
    let mut search_texts_changed = false;
    for (plan_id, plan) in pending {
        let Some(plan) = plan else {
            return Applied::NeedsFull;
        };
        let Some(slot) = state
            .checked
            .content
            .plans
            .iter_mut()
            .find(|p| p.id.to_string() == plan_id)
        else {
            return Applied::NeedsFull;
        };
        // Names that place a plan in the site's lists: when they change, so do other pages.
        let same_place = slot.office_name == plan.office_name
            && slot.project == plan.project
            && slot.program == plan.program
            && slot.strategy.national == plan.strategy.national;
        // An entry removed may leave its office's register of that month without an entry:
        // that register's files go, which only a full build (a fresh output) does.
        let entry_removed = slot
            .entries
            .iter()
            .any(|old| !plan.entries.iter().any(|new| new.month == old.month));
        if !same_place || entry_removed {
            return Applied::NeedsFull;
        }
        let Some(first) = first_changed_month(slot, &plan) else {
            continue;
        };
        search_texts_changed |= crate::render::search::indexed_texts(slot)
            != crate::render::search::indexed_texts(&plan);
        from = Some(from.map_or(first, |f| f.min(first)));
        changed.insert(plan.id.clone());
        *slot = plan;
    }
    let Some(from) = from else {
        // Saved without a change that shows (a comment, spacing, an error undone): the
        // output already shows these plans as they are.
        return Applied::Incremental(RebuildStats {
            plans_checked,
            ..RebuildStats::default()
        });
    };
    let content = &state.checked.content;
    let previous = std::mem::take(&mut state.figures);
    let old_as_of: Vec<_> = previous.years.iter().map(|y| (y.year, y.as_of)).collect();
    let old_ranks: Vec<Vec<String>> = previous
        .years
        .iter()
        .map(|y| y.offices.iter().map(|(_, o)| o.key.clone()).collect())
        .collect();
    let is_changed = |plan: &Plan| changed.contains(&plan.id);
    let mut timings = crate::timings::Timings::start();
    state.figures = compute::execute_reusing(content, options.as_of, previous, &is_changed);
    timings.phase("rebuild: compute");
    let new_as_of: Vec<_> = state
        .figures
        .years
        .iter()
        .map(|y| (y.year, y.as_of))
        .collect();
    if new_as_of != old_as_of {
        return Applied::NeedsFull;
    }
    let ranks_changed = state
        .figures
        .years
        .iter()
        .map(|y| {
            y.offices
                .iter()
                .map(|(_, o)| o.key.clone())
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        != old_ranks;
    let changes = Changes {
        plans: changed,
        from,
        ranks_changed,
        search_texts_changed,
    };
    match render_changed(state, options, changes) {
        Ok(stats) => Applied::Incremental(stats),
        Err(error) => Applied::Failed(error),
    }
}

/// Writes what `changes` touch, each file in place.
fn render_changed(
    state: &mut State,
    options: &BuildOptions,
    changes: Changes,
) -> Result<RebuildStats, BuildError> {
    let plans_checked = changes.plans.len();
    let selection = Selection::Changed(changes);
    let live = InPlace::new(&options.output_dir);
    let sink = LinkChecked::new(&live, &state.checked.content.site.base_path);
    let written_out = pipeline::write(
        &sink,
        &state.theme,
        &state.checked.content,
        &state.figures,
        &selection,
        &mut state.rows,
        PageOptions::default(),
        &Progress::hidden(),
    )?;
    let (links, written) = sink.finish();
    let files_written = written.len();
    state.written.extend(written);
    let broken = links.broken(&state.written);
    if !broken.is_empty() {
        return Err(BuildError::BrokenLinks(broken));
    }
    Ok(RebuildStats {
        pages_rendered: written_out.pages + plans_checked,
        reports_written: written_out.reports,
        files_written,
        plans_checked,
        full: false,
        elapsed: Duration::ZERO,
        warnings: String::new(),
    })
}

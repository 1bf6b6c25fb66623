//! The guard of the incremental rebuild: random edits of every kind (an entry's amount, a
//! new entry, a deleted entry, a plan's field, a revision, the settings, a theme file, a new
//! plan, a removed plan) to a synthetic corpus, rebuilt through a build session as
//! `planbook serve` rebuilds them, and after each round the session's output compared byte
//! for byte with a full build of the same content into another folder. When an edit leaves
//! the content invalid, both must refuse it; the round is then undone.
//!
//! The seed is printed; `PLANBOOK_SEED=N` replays a run, `PLANBOOK_ROUNDS=N` runs longer.

use crate::common;

use crate::synth;

use common::{built_files, copy_tree};
use planbook::build::{BuildError, BuildOptions};
use planbook::session::Session;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use synth::rng::Rng;

/// Plans in the content at the start (two of them in one office), and one more in the
/// generated pool to add as a new plan: small, since every round builds the site in full.
const PLANS: usize = 3;
const SPARE: usize = 1;

#[derive(Clone, Copy, Debug)]
enum Edit {
    EntryAmount,
    NewEntry,
    DeletedEntry,
    PlanField,
    Revision,
    Settings,
    ThemeFile,
    NewPlan,
    RemovedPlan,
}

const EDITS: [Edit; 9] = [
    Edit::EntryAmount,
    Edit::NewEntry,
    Edit::DeletedEntry,
    Edit::PlanField,
    Edit::Revision,
    Edit::Settings,
    Edit::ThemeFile,
    Edit::NewPlan,
    Edit::RemovedPlan,
];

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// A content folder beside its `themes/`, the generated pool it came from, and a copy of
/// both taken before each round (to undo a round that made the content invalid).
struct Corpus {
    dir: tempfile::TempDir,
    round: usize,
}

impl Corpus {
    fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }
    fn themes(&self) -> PathBuf {
        self.dir.path().join("themes")
    }
    fn pool(&self) -> PathBuf {
        self.dir.path().join("pool")
    }
    fn year(&self) -> PathBuf {
        self.content().join("plans/2566")
    }

    /// Generates `PLANS + SPARE` plans (two of them in one office), keeps the first
    /// `PLANS` as the content, and leaves the last months of some plans not yet filed.
    fn generate(seed: u64, rng: &mut Rng) -> Corpus {
        let corpus = Corpus {
            dir: common::scratch(),
            round: 0,
        };
        let pool = corpus.pool();
        synth::generate(&synth::Options {
            plans: PLANS + SPARE,
            out: pool.clone(),
            seed,
        })
        .expect("the generator writes its corpus");
        let year = pool.join("plans/2566");
        std::fs::rename(
            year.join("office-02/activity-0001"),
            year.join("office-01/activity-0002"),
        )
        .expect("move a plan into the first office");
        std::fs::remove_dir(year.join("office-02")).expect("remove the emptied office");
        copy_tree(&pool, &corpus.content());
        for index in PLANS..PLANS + SPARE {
            let (office, _, _) = synth::plan_place(index);
            std::fs::remove_dir_all(corpus.year().join(office)).expect("remove a spare plan");
        }
        for folder in corpus.plan_folders() {
            for month in ["2023-09", "2023-08"] {
                if rng.chance(0.4) {
                    let _ = std::fs::remove_file(folder.join(format!("progress/{month}.yaml")));
                }
            }
        }
        corpus
    }

    fn plan_folders(&self) -> Vec<PathBuf> {
        plan_folders(&self.year())
    }

    /// Applies one edit; the paths it touched (as a file watcher reports them), or `None`
    /// when it does not apply now (no entry left to add, say).
    fn apply(&mut self, edit: Edit, rng: &mut Rng) -> Option<Vec<PathBuf>> {
        let mark = format!("รอบ {}", self.round);
        let plans = self.plan_folders();
        let plan = rng.pick(&plans).clone();
        match edit {
            Edit::EntryAmount => {
                let entries: Vec<PathBuf> = entries(&plan)
                    .into_iter()
                    .filter(|e| read(e).contains("\ndisbursed:\n"))
                    .collect();
                let entry = pick(rng, &entries)?;
                let text = read(&entry);
                let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                let heading = lines.iter().position(|l| l == "disbursed:")?;
                let line = &mut lines[heading + 1];
                let (key, value) = line.split_once(':')?;
                let amount: Decimal = value
                    .trim()
                    .trim_matches('"')
                    .replace(',', "")
                    .parse()
                    .ok()?;
                let lower = (amount * Decimal::from(rng.below(10)) / Decimal::from(10)).trunc();
                *line = format!("{key}: {lower}");
                write(&entry, &(lines.join("\n") + "\n"));
                Some(vec![entry])
            }
            Edit::NewEntry => {
                let missing: Vec<(PathBuf, PathBuf)> = plans
                    .iter()
                    .flat_map(|folder| {
                        let relative = folder.strip_prefix(self.content()).expect("inside");
                        entries(&self.pool().join(relative))
                            .into_iter()
                            .map(|from| {
                                (
                                    from.clone(),
                                    folder
                                        .join("progress")
                                        .join(from.file_name().expect("a file")),
                                )
                            })
                            .filter(|(_, to)| !to.exists())
                            .collect::<Vec<_>>()
                    })
                    .collect();
                let (from, to) = pick(rng, &missing)?;
                std::fs::copy(&from, &to).expect("copy an entry");
                Some(vec![to])
            }
            Edit::DeletedEntry => {
                let entry = pick(rng, &entries(&plan))?;
                std::fs::remove_file(&entry).expect("remove an entry");
                Some(vec![entry])
            }
            Edit::PlanField => {
                let path = plan.join("plan.yaml");
                let text = read(&path);
                let own_project = value_of(&text, "project:");
                let other_project = plans
                    .iter()
                    .filter_map(|p| value_of(&read(&p.join("plan.yaml")), "project:"))
                    .find(|p| Some(p) != own_project.as_ref());
                let edited = match rng.below(8) {
                    0 => append_to_value(&text, "activity:", &mark),
                    // A placeholder left from `planbook new plan`: a warning at its place.
                    7 => append_to_value(&text, "job_no:", "(กรอก)"),
                    1 => append_to_value(&text, "job_no:", &mark),
                    2 => append_to_value(&text, "office:", &mark),
                    3 => match other_project {
                        Some(project) => replace_value(&text, "project:", &project),
                        None => append_to_value(&text, "project:", &mark),
                    },
                    4 => append_to_value(&text, "objectives:\n  -", &mark),
                    5 => {
                        let target = 1 + rng.below(100);
                        let kpis = text.find("\nkpis:\n")?;
                        let at = kpis + text[kpis..].find("    target: ")?;
                        let end = at + text[at..].find('\n')?;
                        Some(format!(
                            "{}    target: {target}{}",
                            &text[..at],
                            &text[end..]
                        ))
                    }
                    _ => {
                        // A leaf's amount up: where a total is written above it, the
                        // content becomes invalid, which both builds must refuse.
                        let at = text.find("amount: ")?;
                        let end = at + text[at..].find('\n')?;
                        let amount: Decimal = text[at + 8..end].trim().parse().ok()?;
                        Some(format!(
                            "{}amount: {}{}",
                            &text[..at],
                            amount + Decimal::from(500),
                            &text[end..]
                        ))
                    }
                }?;
                write(&path, &edited);
                Some(vec![path])
            }
            Edit::Revision => {
                let path = plan.join("plan.yaml");
                let text = read(&path);
                let month = rng.below(12);
                let (y, m) = if month < 3 {
                    (2022, month + 10)
                } else {
                    (2023, month - 2)
                };
                let date = format!("{y}-{m:02}-15");
                let edited = if text.contains("\nrevisions:\n") {
                    if rng.chance(0.5) {
                        append_to_value(&text, "reference:", &mark)?
                    } else {
                        let at = text.find("  - date: ")? + "  - date: ".len();
                        format!("{}{date}{}", &text[..at], &text[at + 10..])
                    }
                } else {
                    let leaves = leaf_ids(&text);
                    if leaves.len() < 2 {
                        return None;
                    }
                    let pair = rng.sample(leaves.len(), 2);
                    format!(
                        "{text}\nrevisions:\n  - date: {date}\n    reference: ที่ กษ 1101/ว {}\n    reason: โอนเปลี่ยนแปลงระหว่างรายการ {mark}\n    changes: {{ {}: -1, {}: 1 }}\n",
                        self.round, leaves[pair[0]], leaves[pair[1]]
                    )
                };
                write(&path, &edited);
                Some(vec![path])
            }
            Edit::Settings => {
                let (path, edited) = if rng.chance(0.5) {
                    let path = self.content().join("site.yaml");
                    let edited = append_to_value(&read(&path), "title:", &mark)?;
                    (path, edited)
                } else {
                    let path = self.content().join("fiscal-years/2566.yaml");
                    let edited = append_to_value(&read(&path), "conditions:\n  -", &mark)?;
                    (path, edited)
                };
                write(&path, &edited);
                Some(vec![path])
            }
            Edit::ThemeFile => {
                let file = *rng.pick(&[
                    "templates/base.html",
                    "templates/email.html",
                    "templates/plan.html",
                    "static/css/site.css",
                ]);
                let path = self.themes().join("default").join(file);
                let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
                    read(&common::repo_root().join("themes/default").join(file))
                });
                let comment = if file.ends_with(".css") {
                    format!("/* {mark} */\n")
                } else {
                    format!("<!-- {mark} -->\n")
                };
                std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
                write(&path, &format!("{text}{comment}"));
                Some(vec![path])
            }
            Edit::NewPlan => {
                let spare: Vec<PathBuf> = plan_folders(&self.pool().join("plans/2566"))
                    .into_iter()
                    .filter(|p| {
                        !self
                            .content()
                            .join(p.strip_prefix(self.pool()).expect("inside"))
                            .exists()
                    })
                    .collect();
                let from = pick(rng, &spare)?;
                let to = self
                    .content()
                    .join(from.strip_prefix(self.pool()).expect("inside"));
                copy_tree(&from, &to);
                Some(files_and_folders(&to))
            }
            Edit::RemovedPlan => {
                if plans.len() <= 2 {
                    return None;
                }
                let touched = files_and_folders(&plan);
                std::fs::remove_dir_all(&plan).expect("remove a plan");
                Some(touched)
            }
        }
    }

    /// Keeps a copy of the content and themes, to undo this round.
    fn save(&self) {
        let saved = self.dir.path().join("saved");
        let _ = std::fs::remove_dir_all(&saved);
        for (from, name) in [(self.content(), "content"), (self.themes(), "themes")] {
            if from.exists() {
                copy_tree(&from, &saved.join(name));
            }
        }
    }

    fn restore(&self) {
        let saved = self.dir.path().join("saved");
        for (to, name) in [(self.content(), "content"), (self.themes(), "themes")] {
            let _ = std::fs::remove_dir_all(&to);
            if saved.join(name).exists() {
                copy_tree(&saved.join(name), &to);
            }
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn pick<T: Clone>(rng: &mut Rng, items: &[T]) -> Option<T> {
    (!items.is_empty()).then(|| rng.pick(items).clone())
}

/// The plan folders under a fiscal year's folder, in name order.
fn plan_folders(year: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = walkdir::WalkDir::new(year)
        .min_depth(2)
        .max_depth(2)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.join("plan.yaml").is_file())
        .collect();
    folders.sort();
    folders
}

/// A plan's progress entries, in name order.
fn entries(plan: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(plan.join("progress"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    entries.sort();
    entries
}

/// A folder and everything under it.
fn files_and_folders(folder: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Where the first line starting with `key` starts.
fn line_start(text: &str, key: &str) -> Option<usize> {
    if text.starts_with(key) {
        return Some(0);
    }
    text.find(&format!("\n{key}")).map(|at| at + 1)
}

/// The text after the first line starting `key` (e.g. `title:`), as written.
fn value_of(text: &str, key: &str) -> Option<String> {
    let at = line_start(text, key)? + key.len();
    let end = at + text[at..].find('\n')?;
    Some(text[at..end].trim().to_string())
}

/// `key` (at the start of a line) with `value` in place of its own.
fn replace_value(text: &str, key: &str, value: &str) -> Option<String> {
    let at = line_start(text, key)? + key.len();
    let end = at + text[at..].find('\n')?;
    Some(format!("{} {value}{}", &text[..at], &text[end..]))
}

/// `key`'s value (a plain scalar) with ` mark` added.
fn append_to_value(text: &str, key: &str, mark: &str) -> Option<String> {
    let value = value_of(text, key)?;
    if value.starts_with(['"', '\'', '|', '>']) || value.is_empty() {
        return None;
    }
    replace_value(text, key, &format!("{value} {mark}"))
}

/// The ids of a plan's budget leaves (the nodes with an `amount:`).
fn leaf_ids(text: &str) -> Vec<String> {
    let mut leaves = Vec::new();
    let mut last_id = None;
    for line in text.lines() {
        let line = line.trim_start();
        if let Some(id) = line.strip_prefix("- id: ") {
            last_id = Some(id.trim().to_string());
        } else if line.starts_with("amount: ")
            && let Some(id) = last_id.take()
        {
            leaves.push(id);
        }
    }
    leaves
}

fn full_build(content: &Path, output: &Path) -> Result<planbook::build::BuildSummary, BuildError> {
    planbook::build::build(&BuildOptions {
        content_dir: content.to_path_buf(),
        output_dir: output.to_path_buf(),
        as_of: None,
    })
}

/// The files whose bytes differ between two output folders, and those in one only.
fn differences(incremental: &Path, full: &Path) -> Vec<String> {
    let incremental = built_files(incremental);
    let full = built_files(full);
    let mut names: Vec<&String> = incremental.keys().chain(full.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|name| incremental.get(*name) != full.get(*name))
        .map(
            |name| match (incremental.contains_key(name), full.contains_key(name)) {
                (true, false) => format!("{name} (only in the incremental output)"),
                (false, true) => format!("{name} (missing from the incremental output)"),
                _ => name.clone(),
            },
        )
        .collect()
}

/// Where the two builds of `name` part, for the failure message.
fn first_difference(incremental: &Path, full: &Path, name: &str) -> String {
    let (Ok(a), Ok(b)) = (
        std::fs::read(incremental.join(name)),
        std::fs::read(full.join(name)),
    ) else {
        return String::new();
    };
    let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let excerpt = |bytes: &[u8]| {
        String::from_utf8_lossy(&bytes[at.saturating_sub(200)..(at + 200).min(bytes.len())])
            .into_owned()
    };
    format!(
        "{name} from byte {at}:\n--- incremental\n{}\n--- full\n{}",
        excerpt(&a),
        excerpt(&b)
    )
}

#[test]
fn random_edits_rebuilt_incrementally_give_what_a_full_build_gives() {
    random_rounds(3);
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn many_random_edits_rebuilt_incrementally_give_what_a_full_build_gives() {
    random_rounds(25);
}

/// Rounds of random edits (`PLANBOOK_ROUNDS` of them when set) from `PLANBOOK_SEED` or a
/// new seed, each compared with a full build.
fn random_rounds(rounds: usize) {
    let seed = env_number("PLANBOOK_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let rounds = env_number("PLANBOOK_ROUNDS").map_or(rounds, |n| n as usize);
    eprintln!("incremental vs full: seed {seed} (replay with PLANBOOK_SEED={seed})");
    let mut rng = Rng::for_item(seed, 0);
    let mut corpus = Corpus::generate(seed, &mut rng);
    let output = corpus.dir.path().join("site");
    let mut session = Session::new(BuildOptions {
        content_dir: corpus.content(),
        output_dir: output.clone(),
        as_of: None,
    });
    session
        .full()
        .unwrap_or_else(|e| panic!("seed {seed}: the first build failed: {e:?}"));
    let fresh = corpus.dir.path().join("fresh");
    for round in 1..=rounds {
        corpus.round = round;
        corpus.save();
        let mut done = Vec::new();
        let mut changed = Vec::new();
        // One to three edits of a round are rebuilt together, as serve's batches are.
        for _ in 0..1 + rng.below(3) {
            let edit = *rng.pick(&EDITS);
            if let Some(paths) = corpus.apply(edit, &mut rng) {
                done.push(edit);
                changed.extend(paths);
            }
        }
        let what = format!("seed {seed}, round {round}, edits {done:?}");
        let _ = std::fs::remove_dir_all(&fresh);
        let full = full_build(&corpus.content(), &fresh);
        let incremental = session.rebuild(&changed);
        match (&full, &incremental) {
            (Ok(summary), Ok(stats)) => {
                assert_eq!(stats.warnings, summary.warnings, "{what}: warnings");
            }
            (Err(BuildError::Content { .. }), Err(BuildError::Content { .. })) => {
                // Both refuse the content: undo the round, which must rebuild again.
                corpus.restore();
                session
                    .rebuild(&changed)
                    .unwrap_or_else(|e| panic!("{what}: undone, the rebuild failed: {e:?}"));
                let _ = std::fs::remove_dir_all(&fresh);
                full_build(&corpus.content(), &fresh)
                    .unwrap_or_else(|e| panic!("{what}: undone, the full build failed: {e:?}"));
            }
            _ => {
                panic!("{what}: the full build gave {full:?}, the incremental one {incremental:?}")
            }
        }
        let differing = differences(&output, &fresh);
        assert!(
            differing.is_empty(),
            "{what}: the incremental output differs from a full build in {} files: {:?}\n{}",
            differing.len(),
            &differing[..differing.len().min(20)],
            first_difference(&output, &fresh, &differing[0])
        );
    }
}

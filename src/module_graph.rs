//! The one-way rule, checked: the crate's top-level modules must depend on each other
//! without a cycle. Every `crate::…` path of every source file (comments aside) is an edge
//! from the file's top-level module to the module the path names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules it refers to, with a file that does.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

/// The code of a source file without its comments (`//…` to the end of the line, `/*…*/`);
/// string literals are kept, which only errs towards more edges.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |end| &after[end..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |end| &after[end + 2..]);
        } else {
            let next = rest.chars().next().expect("rest is not empty");
            out.push(next);
            rest = &rest[next.len_utf8()..];
        }
    }
    out
}

/// The top-level modules `code` names through `crate::`: `crate::a::…` and every item
/// of `crate::{a, b::c}`.
fn referenced(code: &str) -> BTreeSet<String> {
    let ident = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') {
            continue;
        }
        let after = &code[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.insert(ident(&group[item_start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(ident(&group[item_start..i]));
                        item_start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(after));
        }
    }
    found.remove("");
    found
}

/// The graph of the top-level modules of `files` (path relative to `src/`, source).
fn graph<'a>(files: impl IntoIterator<Item = (String, &'a str)>) -> Graph {
    let mut graph = Graph::new();
    for (path, source) in files {
        let top = path
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let edges = graph.entry(top.clone()).or_default();
        for target in referenced(&without_comments(source)) {
            if target != top {
                edges.entry(target).or_insert_with(|| path.clone());
            }
        }
    }
    graph
}

/// A cycle of `graph`, as the modules along it (the first repeated at the end), if any.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        graph: &Graph,
        node: &str,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| n == node).unwrap_or(0);
                let mut found = path[start..].to_vec();
                found.push(node.to_string());
                return Some(found);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|edges| edges.keys()) {
            if let Some(found) = visit(graph, next, marks, path) {
                return Some(found);
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut marks, &mut Vec::new()))
}

/// Every `.rs` file under `dir`, relative to it, with its text.
fn sources(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.expect("the source folder is readable"))
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "rs"))
        .map(|entry| {
            let relative = entry
                .path()
                .strip_prefix(dir)
                .expect("walked under dir")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(entry.path()).expect("a source file is UTF-8");
            (relative, text)
        })
        .collect()
}

/// The graph of the crate whose sources are in `dir`; fails naming a cycle and the files
/// that make each step of it.
pub(crate) fn assert_one_way(dir: &Path) {
    let files = sources(dir);
    let graph = graph(
        files
            .iter()
            .map(|(path, text)| (path.clone(), text.as_str())),
    );
    assert!(graph.len() > 5, "no modules found under {}", dir.display());
    if let Some(found) = cycle(&graph) {
        let steps: Vec<String> = found
            .windows(2)
            .map(|step| format!("{} → {} ({})", step[0], step[1], graph[&step[0]][&step[1]]))
            .collect();
        panic!(
            "the modules of {} depend on each other in a cycle:\n{}",
            dir.display(),
            steps.join("\n")
        );
    }
}

#[test]
fn the_top_level_modules_depend_one_way() {
    assert_one_way(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
}

#[test]
fn the_core_modules_depend_one_way() {
    assert_one_way(&Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/planbook-core/src"));
}

#[test]
fn a_cycle_through_three_modules_is_found_and_comments_are_not_edges() {
    let files = [
        ("a/mod.rs", "use crate::b::Thing;\n// crate::c in a comment"),
        ("b.rs", "use crate::{c::{self, X}, d};"),
        ("c/x.rs", "/* crate::d */ fn f() { crate::a::g() }"),
        ("d.rs", "use std::fmt;"),
    ];
    let graph = graph(files.map(|(path, text)| (path.to_string(), text)));
    assert_eq!(
        graph["b"].keys().collect::<Vec<_>>(),
        ["c", "d"],
        "both items of a use group"
    );
    assert_eq!(
        cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let without_back_edge = [
        ("a/mod.rs", "use crate::b::Thing;"),
        ("b.rs", "use crate::{c::{self, X}, d};"),
        ("c/x.rs", "// crate::a::g()\nfn f() {}"),
    ];
    assert_eq!(
        cycle(&graph_of(&without_back_edge)),
        None,
        "a comment is not an edge"
    );
}

#[cfg(test)]
fn graph_of(files: &[(&str, &str)]) -> Graph {
    graph(files.iter().map(|(path, text)| (path.to_string(), *text)))
}

//! No `--output` may replace the content or the themes, whatever way the path is spelt:
//! relative, absolute, through `..`, through symlinks, with a trailing slash. Each is
//! refused before any work (exit 2, both paths named) and nothing on disk changes.

use crate::common;

use common::{copy_tree, repo_root, snapshot_tree, stderr};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output};

/// `repo/content` (the base fixture, with one error in it so a build that ran would say so),
/// `repo/themes/mine/`, a file, and symlinks to the content and the repository.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    copy_tree(
        &repo_root().join("tests/it/fixtures/base"),
        &repo.join("content"),
    );
    std::fs::create_dir_all(repo.join("themes/mine/templates")).unwrap();
    std::fs::write(repo.join("themes/mine/templates/keep.html"), "mine").unwrap();
    std::fs::write(repo.join("notes.txt"), "a file").unwrap();
    symlink(repo.join("content"), repo.join("content-link")).unwrap();
    symlink(&repo, dir.path().join("repo-link")).unwrap();
    symlink(repo.join("themes"), repo.join("themes-link")).unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    symlink(dir.path().join("elsewhere"), repo.join("elsewhere-link")).unwrap();
    dir
}

fn build_in(cwd: &Path, content: &str, output: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbook"))
        .current_dir(cwd)
        .args(["build", "--content", content, "--output", output])
        .output()
        .expect("run planbook")
}

#[test]
fn every_way_of_pointing_the_output_at_the_content_or_themes_is_refused() {
    let dir = repository();
    let top = dir.path();
    let repo = top.join("repo");
    let abs_content = repo.join("content");
    let abs = abs_content.to_str().unwrap().to_string();
    let plans = abs_content.join("plans");
    // (working folder, --content, --output, a path the message must name)
    #[rustfmt::skip]
    let named: [(&Path, &str, &str, &str); 33] = [
        (&repo, "content", "content", "content folder"),
        (&repo, "content", "content/", "content folder"),
        (&repo, "content", "./content/.", "content folder"),
        (&repo, "content", ".", "holds the content folder"),
        (&repo, "content", "./", "holds the content folder"),
        (&repo, "content", "..", "holds the content folder"),
        (&repo, "content", "/", "this is /"),
        (&repo, "content", "content/plans", "inside the content folder"),
        (&repo, "content", "content/site", "inside the content folder"),
        (&repo, "content", "content/new/deeper/", "inside the content folder"),
        (&repo, "content", "missing/../content", "content folder"),
        (&repo, "content", "themes/../content/x/..", "content folder"),
        (&repo, "content", "../repo/content", "content folder"),
        (&repo, "content", "../repo-link/content", "content folder"),
        (&repo, "content", "content-link/site", "inside the content folder"),
        (&repo, "content-link", "content", "content folder"),
        (&repo, "content-link/", "content/../content", "content folder"),
        (&repo, "content", "content-link", "content folder"),
        (&repo, "content", "../repo-link", "holds the content folder"),
        (&repo, "content", "elsewhere-link", "symlink"),
        (&repo, "content", "elsewhere-link/", "symlink"),
        (&repo, "content", "../repo-link/", "holds the content folder"),
        (&repo, "content", "themes", "themes folder"),
        (&repo, "content", "themes/", "themes folder"),
        (&repo, "content", "themes/mine", "inside the themes folder"),
        (&repo, "content", "themes-link/new", "inside the themes folder"),
        (&repo, "content", "content/../themes/mine/..", "themes folder"),
        (&repo, "content", "notes.txt", "not a folder"),
        (&repo, "content", "notes.txt/site", "not a folder"),
        (&abs_content, ".", ".", "content folder"),
        (&abs_content, ".", "plans/..", "content folder"),
        (&abs_content, ".", "../..", "holds the content folder"),
        (&plans, "..", "../../themes", "themes folder"),
    ];
    let mut cases: Vec<(&Path, String, String, &str)> = named
        .into_iter()
        .map(|(cwd, content, output, expect)| (cwd, content.into(), output.into(), expect))
        .collect();
    cases.push((&repo, "content".into(), abs.clone(), "content folder"));
    cases.push((&repo, abs.clone(), "content".into(), "content folder"));
    let long_name = "x".repeat(240);
    cases.push((&repo, "content".into(), long_name, "its name is too long"));
    let before = snapshot_tree(top);
    let mut failures = Vec::new();
    for (cwd, content, output, expect) in &cases {
        let out = build_in(cwd, content, output);
        let report = stderr(&out);
        let named_output = report.contains(&format!("refusing to write to {output}"));
        let ok = out.status.code() == Some(2)
            && named_output
            && report.contains(expect)
            && report.lines().count() == 1
            && out.stdout.is_empty()
            && snapshot_tree(top) == before
            && std::fs::read_dir(cwd).unwrap().flatten().all(|e| {
                !e.file_name()
                    .to_string_lossy()
                    .starts_with(".planbook-staging")
            });
        if !ok {
            failures.push(format!(
                "in {} --content {content} --output {output}: exit {:?}, expected `{expect}`, got: {report}",
                cwd.display(),
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_refusal_names_the_protected_folder_resolved() {
    let dir = repository();
    let repo = dir.path().join("repo");
    let out = build_in(&repo, "content", "../repo-link/content/x");
    let report = stderr(&out);
    let content = std::fs::canonicalize(repo.join("content")).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        report.trim_end(),
        format!(
            "error: refusing to write to ../repo-link/content/x (that is {}/x): it is inside the content folder {}; choose another --output",
            content.display(),
            content.display()
        )
    );
}

#[test]
fn a_folder_beside_the_content_is_built_and_rebuilt() {
    let dir = repository();
    let repo = dir.path().join("repo");
    for output in ["site", "site/", "./content/../site", "../site-outside"] {
        let out = build_in(&repo, "content", output);
        assert_eq!(out.status.code(), Some(0), "{output}: {}", stderr(&out));
    }
    assert!(repo.join("site/index.html").is_file());
    assert!(dir.path().join("site-outside/index.html").is_file());
    assert!(repo.join("content/site.yaml").is_file());
}

#[test]
fn a_report_file_is_never_written_into_the_content_or_themes() {
    let dir = repository();
    let repo = dir.path().join("repo");
    let before = snapshot_tree(dir.path());
    for output in [
        "content/site.yaml",
        "content-link/plans/2566/office-a/act/plan.yaml",
        "themes/mine/templates/keep.html",
        "content/new.html",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .current_dir(&repo)
            .args([
                "report",
                "2566/office-a",
                "--content",
                "content",
                "--output",
                output,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{output}: {}", stderr(&out));
        assert!(stderr(&out).contains("inside the"), "{}", stderr(&out));
    }
    assert_eq!(snapshot_tree(dir.path()), before);
}

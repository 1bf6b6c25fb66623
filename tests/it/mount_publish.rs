//! Publishing into a folder that cannot be renamed (a mount point): the contents are swapped
//! and the result is the complete site, as a build into a fresh folder makes it. A tmpfs is
//! mounted where the machine allows it (root, as in CI); the injected EBUSY runs everywhere.

use crate::common;

use common::{example_content, snapshot_tree, stderr};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixed clock, so two builds of the same content are equal byte for byte.
const EPOCH: &str = "1700000000";

fn build(content: &Path, out: &Path, inject: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_planbook"));
    command
        .args(["build", "--content"])
        .arg(content)
        .arg("--output")
        .arg(out)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env_remove("PLANBOOK_INJECT_SWAP_ERROR");
    if let Some(errno) = inject {
        command.env("PLANBOOK_INJECT_SWAP_ERROR", errno);
    }
    command.output().expect("run planbook")
}

/// Content whose site differs from the example's: a plan gone, a page changed.
fn changed_content(dir: &Path) -> PathBuf {
    let content = dir.join("changed");
    common::copy_tree(&example_content(), &content);
    std::fs::remove_dir_all(content.join("plans/2566/nonthaburi")).unwrap();
    let site = content.join("site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, text.replace("title: ", "title: ฉบับใหม่ ")).unwrap();
    content
}

/// Publishes the example into `out`, then the changed content over it (the swap refused
/// as `inject` says), and checks `out` against a fresh build of the changed content.
fn publish_over(dir: &Path, out: &Path, inject: Option<&str>) {
    let first = build(&example_content(), out, inject);
    assert!(first.status.success(), "{}", stderr(&first));
    std::fs::create_dir_all(out.join(".git")).unwrap();
    std::fs::write(out.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let content = changed_content(dir);
    let second = build(&content, out, inject);
    assert!(second.status.success(), "{}", stderr(&second));

    let fresh = dir.join("fresh");
    let reference = build(&content, &fresh, None);
    assert!(reference.status.success(), "{}", stderr(&reference));
    let mut expected = snapshot_tree(&fresh);
    expected.insert(
        0,
        (
            PathBuf::from(".git/HEAD"),
            b"ref: refs/heads/main\n".to_vec(),
        ),
    );
    let published = snapshot_tree(out);
    assert_eq!(
        published.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        expected.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        "the same files, nothing left from the old site, no temporary file"
    );
    assert!(published == expected, "the same bytes");
    assert!(!out.join("2566/plans/nonthaburi").exists());
    let leftovers: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".planbook-staging")
        })
        .collect();
    assert!(leftovers.is_empty(), "no staging folder left");
}

#[test]
fn an_injected_ebusy_swaps_the_contents_into_a_complete_site() {
    let dir = tempfile::tempdir().unwrap();
    publish_over(dir.path(), &dir.path().join("site"), Some("EBUSY"));
}

#[test]
fn an_injected_exdev_swaps_the_contents_too() {
    let dir = tempfile::tempdir().unwrap();
    publish_over(dir.path(), &dir.path().join("site"), Some("EXDEV"));
}

/// Unmounts on drop, so a failing test leaves no mount behind.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
#[ignore = "slow tier: run by .ci/run"]
fn a_real_mount_point_gets_a_complete_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    std::fs::create_dir(&out).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64m", "planbook-test"])
        .arg(&out)
        .output();
    let Some(mounted) = mounted.ok().filter(|m| m.status.success()) else {
        eprintln!(
            "skipped: this machine cannot mount a tmpfs here (the injected EBUSY tests cover the path)"
        );
        return;
    };
    let _guard = Mounted(out.clone());
    assert!(mounted.status.success());
    // The mount is real: renaming the folder is refused.
    let refused = std::fs::rename(&out, dir.path().join("elsewhere")).unwrap_err();
    assert_eq!(refused.raw_os_error(), Some(16), "EBUSY");
    // The folder itself cannot be renamed: the build must still publish into it.
    publish_over(dir.path(), &out, None);
}

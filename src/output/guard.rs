//! Where the output may go: never onto, into or around the user's content or themes, `/`,
//! or a file. Checked before a build reads anything, on paths resolved the way the file
//! system will (`..`, symlinks, relative paths), so no spelling of a path gets around it.

use std::path::{Component, Path, PathBuf};

/// Why an output path was refused: what it collides with, both paths resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", refusal(.output, .resolved, .reason))]
pub struct OutputRefused {
    /// The output as given on the command line.
    pub output: PathBuf,
    /// Where it resolves to.
    pub resolved: PathBuf,
    pub reason: Collision,
}

/// What the output would destroy or cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Collision {
    /// The output is this protected folder.
    Is(Protected),
    /// The output lies inside this protected folder.
    Inside(Protected),
    /// The output holds this protected folder, which the swap would take away.
    Holds(Protected),
    /// The output is the root of the file system.
    Root,
    /// The output, or a folder on its way, exists and is not a folder.
    NotAFolder(PathBuf),
    /// The output is a symlink, which the swap would replace by a folder.
    Symlink(PathBuf),
    /// The output's name leaves no room for the staging folder's name beside it.
    NameTooLong { bytes: usize },
}

/// A folder of the user's that a build must never replace.
/// Which of the folders a build reads an output may not touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtectedFolder {
    Content,
    Themes,
}

impl ProtectedFolder {
    fn label(self) -> String {
        match self {
            ProtectedFolder::Content => crate::tr!("guard-content-folder"),
            ProtectedFolder::Themes => crate::tr!("guard-themes-folder"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    /// `content folder` or `themes folder`.
    pub what: ProtectedFolder,
    pub path: PathBuf,
}

/// The refusal, in the language of the run.
fn refusal(output: &Path, resolved: &Path, reason: &Collision) -> String {
    let shown = if resolved == output {
        String::new()
    } else {
        crate::tr!("guard-that-is", path = resolved.display())
    };
    let why = match reason {
        Collision::Is(p) => {
            crate::tr!("guard-is", what = p.what.label(), path = p.path.display())
        }
        Collision::Inside(p) => {
            crate::tr!(
                "guard-inside",
                what = p.what.label(),
                path = p.path.display()
            )
        }
        Collision::Holds(p) => {
            crate::tr!(
                "guard-holds",
                what = p.what.label(),
                path = p.path.display()
            )
        }
        Collision::Root => crate::tr!("guard-root"),
        Collision::NotAFolder(path) if path == resolved => {
            crate::tr!("guard-not-a-folder")
        }
        Collision::NotAFolder(path) => {
            crate::tr!("guard-part-not-a-folder", path = path.display())
        }
        Collision::NameTooLong { bytes } => crate::tr!(
            "guard-name-too-long",
            bytes = *bytes,
            limit = crate::paths::MAX_FILE_NAME_BYTES
        ),
        Collision::Symlink(_) => crate::tr!("guard-symlink"),
    };
    crate::tr!(
        "guard-refused",
        output = output.display(),
        resolved = shown,
        why = why
    )
}

/// Refuses an output folder that is, holds or lies inside the content folder or the
/// `themes/` folder beside it, that is `/`, or that is (or passes through) a file or a
/// symlink rather than a folder. Returns the output resolved, the path to build into.
pub fn check_output(output: &Path, content_dir: &Path) -> Result<PathBuf, OutputRefused> {
    let refuse = |resolved: PathBuf, reason: Collision| OutputRefused {
        output: output.to_path_buf(),
        resolved,
        reason,
    };
    let resolved = resolve_output(output)?;
    if resolved.parent().is_none() {
        return Err(refuse(resolved, Collision::Root));
    }
    for protected in protected_folders(content_dir) {
        let reason = if resolved == protected.path {
            Collision::Is(protected)
        } else if resolved.starts_with(&protected.path) {
            Collision::Inside(protected)
        } else if protected.path.starts_with(&resolved) {
            Collision::Holds(protected)
        } else {
            continue;
        };
        return Err(refuse(resolved, reason));
    }
    let staging = resolved.file_name().map_or(0, |name| {
        let name = name.to_string_lossy();
        let staging = super::staging_name(&name, u32::MAX);
        let previous = super::previous_name(&name, u32::MAX, u32::MAX);
        (staging.len() + super::swap::ASIDE_SUFFIX.len()).max(previous.len())
    });
    if staging > crate::paths::MAX_FILE_NAME_BYTES {
        return Err(refuse(resolved, Collision::NameTooLong { bytes: staging }));
    }
    // Without a trailing `/`, which would follow a symlink.
    let lexical: PathBuf = super::absolute(output).components().collect();
    if let Ok(metadata) = std::fs::symlink_metadata(&lexical) {
        if metadata.is_symlink() {
            return Err(refuse(resolved, Collision::Symlink(lexical)));
        }
        if !metadata.is_dir() {
            return Err(refuse(resolved.clone(), Collision::NotAFolder(resolved)));
        }
    }
    Ok(resolved)
}

/// Refuses a single output file (`planbook report --output`) inside the content folder or
/// `themes/`, where it could overwrite a plan or a template.
pub fn check_output_file(output: &Path, content_dir: &Path) -> Result<(), OutputRefused> {
    let refuse = |resolved: PathBuf, reason: Collision| OutputRefused {
        output: output.to_path_buf(),
        resolved,
        reason,
    };
    let resolved = resolve_output(output)?;
    for protected in protected_folders(content_dir) {
        if resolved.starts_with(&protected.path) {
            return Err(refuse(resolved, Collision::Inside(protected)));
        }
    }
    Ok(())
}

/// `output` resolved, or refused when a folder on its way is a file.
fn resolve_output(output: &Path) -> Result<PathBuf, OutputRefused> {
    resolve(output).map_err(|NotAFolder { resolved, file }| OutputRefused {
        output: output.to_path_buf(),
        resolved,
        reason: Collision::NotAFolder(file),
    })
}

/// The content folder and the `themes/` folder beside it, each resolved (both spellings of
/// `themes/` when the content folder is reached through a symlink).
fn protected_folders(content_dir: &Path) -> Vec<Protected> {
    let mut folders = Vec::new();
    let mut add = |what: ProtectedFolder, path: &Path| {
        if let Ok(path) = resolve(path)
            && !folders.iter().any(|p: &Protected| p.path == path)
        {
            folders.push(Protected { what, path });
        }
    };
    add(ProtectedFolder::Content, content_dir);
    let lexical = super::absolute(content_dir);
    if let Some(parent) = lexical.parent() {
        add(ProtectedFolder::Themes, &parent.join("themes"));
    }
    if let Ok(content) = resolve(content_dir)
        && let Some(parent) = content.parent()
    {
        add(ProtectedFolder::Themes, &parent.join("themes"));
    }
    folders
}

/// A path could not be resolved because part of it is a file.
#[derive(Debug)]
struct NotAFolder {
    resolved: PathBuf,
    file: PathBuf,
}

/// The absolute path `path` names, with every `..` and symlink resolved as the file system
/// will when the folder is created: existing parts are canonicalized one by one, the parts
/// that do not exist yet are appended (and a `..` after them removes them again).
fn resolve(path: &Path) -> Result<PathBuf, NotAFolder> {
    let absolute = super::absolute(path);
    let mut resolved = PathBuf::from("/");
    let mut exists = true;
    for component in absolute.components() {
        match component {
            Component::Prefix(prefix) => resolved = PathBuf::from(prefix.as_os_str()),
            Component::RootDir => resolved.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                if exists && resolved.exists() && !resolved.is_dir() {
                    return Err(NotAFolder {
                        file: resolved.clone(),
                        resolved: resolved.join(name),
                    });
                }
                let next = resolved.join(name);
                match (exists, std::fs::canonicalize(&next)) {
                    (true, Ok(canonical)) => resolved = canonical,
                    _ => {
                        // A dangling symlink is created through, like a missing folder: follow
                        // its target's spelling no further, but refuse to build through it.
                        if exists && std::fs::symlink_metadata(&next).is_ok() {
                            return Err(NotAFolder {
                                file: next.clone(),
                                resolved: next,
                            });
                        }
                        exists = false;
                        resolved = next;
                    }
                }
            }
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolving_follows_symlinks_and_dot_dot_past_missing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(root.join("real")).unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("link")).unwrap();
        assert_eq!(
            resolve(&root.join("link/new")).unwrap(),
            root.join("real/new")
        );
        assert_eq!(
            resolve(&root.join("link/new/deeper/../../x")).unwrap(),
            root.join("real/x")
        );
        assert_eq!(
            resolve(&root.join("real/../real/.")).unwrap(),
            root.join("real")
        );
    }

    #[test]
    fn a_path_through_a_file_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(root.join("file"), "x").unwrap();
        let refused = check_output(&root.join("file/site"), &root.join("content")).unwrap_err();
        assert_eq!(refused.reason, Collision::NotAFolder(root.join("file")));
        let refused = check_output(&root.join("file"), &root.join("content")).unwrap_err();
        assert_eq!(refused.reason, Collision::NotAFolder(root.join("file")));
    }
}

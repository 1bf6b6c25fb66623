//! `--open`: hands the URL to the desktop's opener (`xdg-open`, `open`, `explorer`);
//! failing to open one is only a note, since the URL is printed anyway.

use std::process::{Command, Stdio};

pub fn open(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = Command::new(program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        // Reap the opener when it exits, without waiting for it here.
        Ok(mut child) => {
            let _ = std::thread::Builder::new()
                .name("planbook-open".into())
                .spawn(move || child.wait());
        }
        Err(error) => eprintln!(
            "{}: {}",
            crate::tr!("note"),
            crate::tr!("serve-no-browser", program = program, reason = error)
        ),
    }
}

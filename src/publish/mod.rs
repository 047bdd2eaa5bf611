//! `civic publish`'s library: deploy a finished build to a target atomically and incrementally,
//! keep its release history, roll back, and log every change. The command (`cmd/publish.rs`)
//! and, later, the browser desk call exactly [`plan`], [`run`], [`rollback`] and [`list`];
//! nothing here prints: progress goes to a [`Progress`] and the result is a plain [`Report`].
//!
//! The layout on every target (the folder, or `remote_path` on an SSH server):
//! `releases/<id>/` one complete build, `releases/<id>.json` its [`Record`] and manifest (beside
//! the release, so the web server does not serve it), `current` a symlink
//! to the live release (the web server's document root), `publish-log.jsonl` the log. A new
//! release is written as `releases/<id>.partial/` (unchanged files hard-linked from the live
//! release, changed ones uploaded), renamed to `<id>` when complete, and made live by renaming
//! a new symlink over `current`: a visitor sees the old site or the new one, never a mix.

mod changes;
mod connect;
mod error;
mod folder;
mod history;
mod lock;
mod log;
mod preflight;
mod report;
mod run;
mod ssh;
pub mod target;
mod transport;
mod verify;

pub use changes::Plan;
pub use error::PublishError;
pub use history::{list, rollback};
pub use preflight::{Preflight, gate, preflight};
pub use report::{
    Blocker, Options, Progress, Record, Release, Report, RollbackReport, Silent, Step,
    VerifyOptions, VerifyResult,
};
pub use run::{plan, run};
pub use target::{Place, SshPlace, Target};

/// The OS user, for the log when the target names no publisher.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .or_else(|| {
            let out = std::process::Command::new("id").arg("-un").output().ok()?;
            let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
            (!name.is_empty()).then_some(name)
        })
        .unwrap_or_else(|| "?".into())
}

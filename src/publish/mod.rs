//! `civic publish`'s library: deploy a finished build to a target atomically and incrementally,
//! keep its release history, roll back, and log every change. The command (`cmd/publish.rs`) and,
//! later, the browser desk call exactly [`publish()`], [`rollback`] and [`releases`]; nothing here
//! prints: progress goes to a [`Progress`] callback and the result is a plain [`PublishReport`].
//!
//! A publish: preflight ([`Request::blockers`] must be empty), read the live release's manifest,
//! [`plan::Plan`] the difference, stop if it deletes too much, link the unchanged files into a
//! new release folder on the target, upload the changed ones, then switch `current` in one
//! rename. Until that rename the live site is the old one; an interrupted publish leaves a
//! `releases/<id>.partial` folder that the next publish removes and starts over.

mod error;
mod folder;
mod history;
pub mod plan;
mod ssh;
pub mod target;
mod transport;

pub use error::PublishError;
pub use history::{Release, RollbackReport, releases, rollback};
pub use target::{Place, Target};

use crate::integrity::Manifest;
use crate::messages::Text;
use serde::Serialize;
use std::path::{Path, PathBuf};
use transport::Transport;

/// A reason not to publish, gathered by the caller before [`publish()`]: today the command layer
/// turns the build's errors into blockers; the review gate (`src/review/`, 三审三校) adds its
/// unsigned pages here once merged. The library only refuses when the list is not empty.
#[derive(Clone, Debug, Serialize)]
pub struct Blocker {
    /// The site-relative file that blocks (e.g. `content/news/a.md`), or "" for the whole site.
    pub file: String,
    #[serde(skip)]
    pub reason: Text,
}

/// What the caller hands over: a finished build and who publishes it.
pub struct Request<'a> {
    /// The built output folder, with its `civic-manifest.json`.
    pub output: &'a Path,
    pub build_date: String,
    /// Who publishes: the target's configured `publisher`, else the OS user.
    pub publisher: String,
    /// Deleting more than the target's share of live files was confirmed (`--yes`).
    pub confirmed: bool,
    pub blockers: Vec<Blocker>,
    /// The local copy of the publish log (`<site>/.civic/publish-log.jsonl`).
    pub local_log: PathBuf,
}

/// Steps reported while publishing; [`Progress::cancelled`] is asked between steps, so a desk's
/// "stop" button (or Ctrl+C) ends a publish before the switch with the live site untouched.
#[derive(Clone, Debug)]
pub enum Step {
    Planned {
        upload: usize,
        unchanged: usize,
        delete: usize,
    },
    Linked,
    Uploaded {
        files: usize,
    },
    Switched {
        release: String,
    },
}

pub trait Progress {
    fn step(&mut self, step: &Step);
    fn cancelled(&self) -> bool {
        false
    }
}

/// A [`Progress`] that ignores everything.
pub struct Silent;
impl Progress for Silent {
    fn step(&mut self, _: &Step) {}
}

#[derive(Clone, Debug, Serialize)]
pub struct PublishReport {
    pub target: String,
    pub release: String,
    pub previous: Option<String>,
    pub uploaded: Vec<String>,
    pub unchanged: usize,
    pub deleted: Vec<String>,
    pub manifest_sha256: String,
    pub pruned: Vec<String>,
    /// Filled in by the caller after the switch (`civic verify` of the live address).
    pub verify: Option<VerifyResult>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyResult {
    /// The live address answered (otherwise nothing was checked).
    pub reached: bool,
    pub clean: bool,
    /// What was checked or why nothing was, in the reader's language.
    pub summary: String,
}

/// The record of a release, stored beside it as `releases/<id>.json` and logged.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Record {
    pub release: String,
    pub published_at: String,
    pub publisher: String,
    pub build_date: String,
    pub manifest_sha256: String,
}

/// Publishes `request.output` to `target`.
pub fn publish(
    request: &Request,
    target: &Target,
    progress: &mut dyn Progress,
) -> Result<PublishReport, PublishError> {
    if !request.blockers.is_empty() {
        return Err(PublishError::Blocked(request.blockers.clone()));
    }
    let manifest_path = request.output.join(crate::integrity::MANIFEST_FILE);
    let manifest_bytes = std::fs::read(&manifest_path).map_err(|e| PublishError::NoBuild {
        path: manifest_path.display().to_string(),
        reason: e.to_string(),
    })?;
    let manifest = parse_manifest(&manifest_bytes, &manifest_path.display().to_string())?;
    let mut transport = open(target);
    let t = transport.as_mut();
    let live = t.live()?;
    let live_manifest = match &live {
        Some(id) => t
            .read(&format!(
                "{}/{id}/{}",
                transport::RELEASES,
                crate::integrity::MANIFEST_FILE
            ))?
            .and_then(|bytes| parse_manifest(&bytes, id).ok()),
        None => None,
    };
    let plan = plan::Plan::new(live_manifest.as_ref(), &manifest);
    progress.step(&Step::Planned {
        upload: plan.upload.len(),
        unchanged: plan.unchanged.len(),
        delete: plan.delete.len(),
    });
    if plan.delete_percent() > f64::from(target.max_delete_percent) && !request.confirmed {
        return Err(PublishError::TooManyDeletions {
            delete: plan.delete.len(),
            live: plan.live_files,
            percent: target.max_delete_percent,
        });
    }
    let record = Record {
        release: history::new_id(&t.list_releases()?),
        published_at: history::now(),
        publisher: request.publisher.clone(),
        build_date: request.build_date.clone(),
        manifest_sha256: crate::digest::sha256_hex(&manifest_bytes),
    };
    let id = record.release.clone();
    check_cancel(progress)?;
    t.prepare(
        &id,
        live_manifest.as_ref().and(live.as_deref()),
        &plan.not_linked(),
    )?;
    progress.step(&Step::Linked);
    check_cancel(progress)?;
    t.upload(&id, request.output, &plan.upload)?;
    progress.step(&Step::Uploaded {
        files: plan.upload.len(),
    });
    check_cancel(progress)?;
    let record_json = serde_json::to_vec_pretty(&record).unwrap_or_default();
    t.finish(&id, &record_json)?;
    t.switch(&id)?;
    progress.step(&Step::Switched {
        release: id.clone(),
    });
    let pruned = history::prune(t, target.keep, &id)?;
    let report = PublishReport {
        target: target.name.clone(),
        release: id,
        previous: live,
        uploaded: plan.upload,
        unchanged: plan.unchanged.len(),
        deleted: plan.delete,
        manifest_sha256: record.manifest_sha256.clone(),
        pruned,
        verify: None,
    };
    log(
        t,
        &request.local_log,
        &log_line("publish", &record, Some(&report)),
    )?;
    Ok(report)
}

fn check_cancel(progress: &dyn Progress) -> Result<(), PublishError> {
    if progress.cancelled() {
        Err(PublishError::Cancelled)
    } else {
        Ok(())
    }
}

fn parse_manifest(bytes: &[u8], path: &str) -> Result<Manifest, PublishError> {
    serde_json::from_slice(bytes).map_err(|e| PublishError::NoBuild {
        path: path.to_string(),
        reason: e.to_string(),
    })
}

fn open(target: &Target) -> Box<dyn Transport> {
    match &target.place {
        Place::Folder(path) => Box::new(folder::Folder::new(path)),
        Place::Ssh(place) => Box::new(ssh::Ssh::new(place)),
    }
}

/// One line of the publish log: what happened, the release's record, and the files it changed.
fn log_line(action: &str, record: &Record, report: Option<&PublishReport>) -> String {
    let mut value = serde_json::json!({ "action": action, "record": record });
    if let Some(report) = report {
        value["uploaded"] = serde_json::json!(report.uploaded);
        value["deleted"] = serde_json::json!(report.deleted);
        value["previous"] = serde_json::json!(report.previous);
    }
    value.to_string()
}

/// Appends a line to both logs: the target's and the site's own.
fn log(t: &mut dyn Transport, local: &Path, line: &str) -> Result<(), PublishError> {
    t.append_log(line)?;
    folder::append_line(local, line)
}

/// Records the live verification of a publish in the local log (the target's log has the publish).
pub fn log_verify(local: &Path, release: &str, verify: &VerifyResult) -> Result<(), PublishError> {
    let line = serde_json::json!({ "action": "verify", "release": release, "verify": verify });
    folder::append_line(local, &line.to_string())
}

/// The OS user, for the log when the target names no publisher.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "?".into())
}

//! The plain values the publish API takes and returns: what the caller hands over, the steps it
//! hears about, and the reports. Nothing here does anything; the desk can show them as they are.

use crate::messages::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A reason not to publish, gathered by the caller before [`super::run`]: the command layer
/// turns the build's errors into blockers; the review gate (三审三校) adds its unsigned pages
/// here once merged. The library refuses whenever the list is not empty.
#[derive(Clone, Debug, Serialize)]
pub struct Blocker {
    /// The site-relative file that blocks (e.g. `content/news/a.md`), or "" for the whole site.
    pub file: String,
    #[serde(skip)]
    pub reason: Text,
}

/// What the caller hands over: a finished build, who publishes it, and how to check it.
#[derive(Clone, Debug)]
pub struct Options {
    /// The built output folder, with its `civic-manifest.json`.
    pub output: PathBuf,
    /// Who publishes: the target's configured `publisher`, else the OS user.
    pub publisher: String,
    /// Deleting more than the target's share of the live files was confirmed (`--yes`).
    pub confirmed: bool,
    pub blockers: Vec<Blocker>,
    /// The site's own copy of the publish log (`<site>/.civic/publish-log.jsonl`).
    pub local_log: PathBuf,
    /// Check the live address after the switch; None skips it (`--no-verify`).
    pub verify: Option<VerifyOptions>,
}

#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// The site's `base_url`: the address visitors reach the target at.
    pub base_url: String,
    /// How many pages `civic verify` fetches.
    pub sample: usize,
    /// The language of the verify summary kept in the report and the log.
    pub lang: Lang,
}

/// Steps reported while publishing; [`Progress::cancelled`] is asked between steps, so a desk's
/// "stop" button ends a publish before the switch with the live site untouched.
#[derive(Clone, Debug)]
pub enum Step {
    /// First connection to an SSH server: its host key is now pinned.
    HostKeyPinned {
        host: String,
        fingerprint: String,
        known_hosts: String,
    },
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
    Verifying {
        base_url: String,
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

/// What a publish did.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub target: String,
    pub release: String,
    pub previous: Option<String>,
    /// Files that travelled (new or changed), site-relative.
    pub uploaded: Vec<String>,
    pub unchanged: usize,
    /// Files of the previous release the new one no longer has.
    pub deleted: Vec<String>,
    pub manifest_sha256: String,
    /// Old releases removed to keep the target's `keep`.
    pub pruned: Vec<String>,
    /// `civic verify` of the live address, unless it was skipped.
    pub verify: Option<VerifyResult>,
}

impl Report {
    /// What the publish did and what the verify found, in `civic publish`'s words (the command
    /// prints it, the desk shows it).
    pub fn summary(&self) -> Text {
        let verify = match &self.verify {
            None => crate::text!("publish-verify-off"),
            Some(v) if !v.reached => {
                crate::text!("publish-verify-unreached", why = v.summary.as_str())
            }
            Some(v) if v.clean => {
                crate::text!("publish-verify-clean", summary = v.summary.as_str())
            }
            Some(v) => crate::text!("publish-verify-failed", summary = v.summary.as_str()),
        };
        crate::text!(
            "publish-done",
            release = self.release.as_str(),
            uploaded = self.uploaded.len(),
            unchanged = self.unchanged,
            deleted = self.deleted.len(),
            verify = verify
        )
    }

    /// The HTML pages this publish added, changed or removed: what the log calls changed pages.
    pub fn changed_pages(&self) -> Vec<&str> {
        let html = |p: &&String| p.ends_with(".html");
        self.uploaded
            .iter()
            .chain(&self.deleted)
            .filter(html)
            .map(String::as_str)
            .collect()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VerifyResult {
    /// The live address answered (otherwise nothing was checked).
    pub reached: bool,
    pub clean: bool,
    /// What was checked or why nothing was, in the reader's language.
    pub summary: String,
}

/// The record of a release, stored beside it as `releases/<id>.json`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub release: String,
    /// When it was published (UTC).
    pub published_at: String,
    pub publisher: String,
    /// When the published build was made (UTC): its manifest's modification time.
    pub build_date: String,
    pub manifest_sha256: String,
}

/// A release on a target, for `--list`.
#[derive(Clone, Debug, Serialize)]
pub struct Release {
    pub id: String,
    pub live: bool,
    /// None for a release whose record is missing or unreadable.
    pub record: Option<Record>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RollbackReport {
    pub target: String,
    pub from: String,
    pub to: String,
}

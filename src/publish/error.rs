//! Why a publish stopped, each with what to do, in both languages (`messages/*/publish.ftl`).

use super::report::Blocker;
use crate::messages::Text;
use crate::text;

#[derive(Debug)]
pub enum PublishError {
    /// The preflight found blockers (build errors; with review on, unsigned pages).
    Blocked(Vec<Blocker>),
    NoBuild {
        path: String,
        reason: String,
    },
    TooManyDeletions {
        delete: usize,
        live: usize,
        percent: u8,
    },
    Io {
        path: String,
        reason: String,
    },
    Ssh {
        host: String,
        reason: String,
    },
    HostKeyChanged {
        host: String,
        known_hosts: String,
        pinned: String,
        offered: String,
    },
    /// Another publish or rollback holds the target's lock.
    Busy {
        by: String,
        since: String,
    },
    /// Stopped by the caller before the switch: the live site is as it was.
    Cancelled,
    NothingToRollBack,
    NoSuchRelease(String),
}

impl PublishError {
    pub fn text(&self) -> Text {
        match self {
            PublishError::Blocked(b) => text!("publish-blocked", count = b.len()),
            PublishError::NoBuild { path, reason } => {
                text!(
                    "publish-no-build",
                    path = path.as_str(),
                    reason = reason.as_str()
                )
            }
            PublishError::TooManyDeletions {
                delete,
                live,
                percent,
            } => text!(
                "publish-too-many-deletions",
                delete = *delete,
                live = *live,
                percent = u64::from(*percent)
            ),
            PublishError::Io { path, reason } => {
                text!("publish-io", path = path.as_str(), reason = reason.as_str())
            }
            PublishError::Ssh { host, reason } => {
                text!(
                    "publish-ssh",
                    host = host.as_str(),
                    reason = reason.as_str()
                )
            }
            PublishError::HostKeyChanged {
                host,
                pinned,
                offered,
                ..
            } => text!(
                "publish-host-key-changed",
                host = host.as_str(),
                pinned = pinned.as_str(),
                offered = offered.as_str()
            ),
            PublishError::Busy { by, since } => {
                text!("publish-busy", by = by.as_str(), since = since.as_str())
            }
            PublishError::Cancelled => text!("publish-cancelled"),
            PublishError::NothingToRollBack => text!("publish-nothing-to-roll-back"),
            PublishError::NoSuchRelease(id) => text!("publish-no-such-release", id = id.as_str()),
        }
    }

    pub fn help(&self) -> Option<Text> {
        Some(match self {
            PublishError::Blocked(_) => text!("publish-blocked-help"),
            PublishError::NoBuild { .. } => text!("publish-no-build-help"),
            PublishError::TooManyDeletions { .. } => text!("publish-too-many-deletions-help"),
            PublishError::Io { .. } | PublishError::Cancelled => text!("publish-live-untouched"),
            PublishError::Ssh { .. } => text!("publish-ssh-help"),
            PublishError::Busy { .. } => text!("publish-busy-help"),
            PublishError::HostKeyChanged {
                host, known_hosts, ..
            } => text!(
                "publish-host-key-changed-help",
                host = host.as_str(),
                known_hosts = known_hosts.as_str()
            ),
            PublishError::NothingToRollBack | PublishError::NoSuchRelease(_) => {
                text!("publish-list-help")
            }
        })
    }
}

//! One publish or rollback at a time on a target. Two editors pressing "publish" together would
//! otherwise remove each other's half-written release (`prepare` starts over by deleting
//! `releases/*.partial`) and switch `current` in an order nobody chose.
//!
//! The lock is the folder `BASE/.publish-lock/`, made by one `mkdir` (atomic on every file system
//! and over SSH), holding `holder.json`: who took it and when. A lock older than an hour is left
//! over from a publish that was killed, and so is one whose process is gone from the machine
//! that took it; the next publish takes it over instead of waiting for someone to log into the
//! server.

use super::error::PublishError;
use super::transport::Transport;

const STALE_AFTER_SECONDS: i64 = 3600;

#[derive(serde::Serialize, serde::Deserialize)]
struct Holder {
    by: String,
    since: String,
    /// The machine and process that publish from: a lock whose process is gone from this very
    /// machine (the publish was killed) is taken over at once.
    #[serde(default)]
    machine: String,
    #[serde(default)]
    pid: u32,
}

impl Holder {
    fn is_stale(&self) -> bool {
        let old = self
            .since
            .parse::<jiff::Timestamp>()
            .is_ok_and(|t| (jiff::Timestamp::now() - t).get_seconds() > STALE_AFTER_SECONDS);
        old || (self.machine == machine() && self.pid != 0 && !process_alive(self.pid))
    }
}

/// This machine's name, as the lock records it.
fn machine() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .or_else(|_| std::env::var("HOSTNAME"))
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .unwrap_or_default()
}

/// Whether process `pid` still runs here. Where that cannot be known, it is taken to run, and
/// only the hour makes the lock stale.
fn process_alive(pid: u32) -> bool {
    let proc = std::path::Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Runs `body` holding the target's lock, and releases it whatever `body` returned.
pub fn with_lock<T>(
    t: &mut dyn Transport,
    who: &str,
    body: impl FnOnce(&mut dyn Transport) -> Result<T, PublishError>,
) -> Result<T, PublishError> {
    take(t, who)?;
    let result = body(t);
    let released = t.unlock();
    let value = result?;
    released?;
    Ok(value)
}

fn take(t: &mut dyn Transport, who: &str) -> Result<(), PublishError> {
    let mine = Holder {
        by: who.to_string(),
        since: super::log::now(),
        machine: machine(),
        pid: std::process::id(),
    };
    let note = serde_json::to_string(&mine).unwrap_or_default();
    let Some(other) = t.lock(&note)? else {
        return Ok(());
    };
    let other: Option<Holder> = serde_json::from_slice(&other).ok();
    if other.as_ref().is_none_or(Holder::is_stale) {
        t.unlock()?;
        if t.lock(&note)?.is_none() {
            return Ok(());
        }
    }
    let other = other.unwrap_or(Holder {
        by: "?".into(),
        since: "?".into(),
        machine: String::new(),
        pid: 0,
    });
    Err(PublishError::Busy {
        by: other.by,
        since: other.since,
    })
}

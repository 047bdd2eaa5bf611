//! One publish or rollback at a time on a target. Two editors pressing "publish" together would
//! otherwise remove each other's half-written release (`prepare` starts over by deleting
//! `releases/*.partial`) and switch `current` in an order nobody chose.
//!
//! The lock is the folder `BASE/.publish-lock/`, made by one `mkdir` (atomic on every file system
//! and over SSH), holding `holder.json`: who took it and when. A lock older than an hour is left
//! over from a publish that was killed; the next publish takes it over instead of waiting forever
//! for someone to log into the server.

use super::error::PublishError;
use super::transport::Transport;

const STALE_AFTER_SECONDS: i64 = 3600;

#[derive(serde::Serialize, serde::Deserialize)]
struct Holder {
    by: String,
    since: String,
}

impl Holder {
    fn is_stale(&self) -> bool {
        self.since
            .parse::<jiff::Timestamp>()
            .is_ok_and(|t| (jiff::Timestamp::now() - t).get_seconds() > STALE_AFTER_SECONDS)
    }
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
    });
    Err(PublishError::Busy {
        by: other.by,
        since: other.since,
    })
}

//! Releases on a target: their ids, records, pruning the old ones, listing and rolling back.

use super::connect::open;
use super::error::PublishError;
use super::report::{Release, RollbackReport, Silent};
use super::target::Target;
use super::transport::{PARTIAL, RELEASES, Transport};
use std::path::Path;

/// A release id: the UTC time of the publish (sortable), with a suffix if two share a second.
pub fn new_id(existing: &[String]) -> String {
    let base = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let taken = |id: &str| {
        existing
            .iter()
            .any(|e| e == id || e.starts_with(&format!("{id}.")))
    };
    let mut id = base.clone();
    let mut n = 1;
    while taken(&id) {
        n += 1;
        id = format!("{base}-{n:02}");
    }
    id
}

/// Complete release ids, oldest first (ids sort by time).
pub fn ids(t: &mut dyn Transport) -> Result<Vec<String>, PublishError> {
    let mut ids: Vec<String> = t
        .list_releases()?
        .into_iter()
        .filter(|n| !n.ends_with(".json") && !n.ends_with(PARTIAL) && !n.starts_with('.'))
        .collect();
    ids.sort();
    Ok(ids)
}

/// The releases on `target`, newest first.
pub fn list(target: &Target) -> Result<Vec<Release>, PublishError> {
    let mut transport = open(target, &mut Silent)?;
    let t = transport.as_mut();
    let live = t.live()?;
    let mut out = Vec::new();
    for id in ids(t)?.into_iter().rev() {
        let record = t
            .read(&format!("{RELEASES}/{id}.json"))?
            .and_then(|b| serde_json::from_slice(&b).ok());
        out.push(Release {
            live: live.as_deref() == Some(&id),
            id,
            record,
        });
    }
    Ok(out)
}

/// Removes all but the `keep` newest releases, never the live one. The removed ids.
pub fn prune(t: &mut dyn Transport, keep: usize, live: &str) -> Result<Vec<String>, PublishError> {
    let all = ids(t)?;
    let old = all.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for id in all.into_iter().take(old).filter(|id| id != live) {
        t.remove_release(&id)?;
        removed.push(id);
    }
    Ok(removed)
}

/// Switches `current` back to the release before the live one (or to `to`), in one rename, and
/// logs it on the target and in `local_log`.
pub fn rollback(
    target: &Target,
    to: Option<&str>,
    publisher: &str,
    local_log: &Path,
) -> Result<RollbackReport, PublishError> {
    let mut transport = open(target, &mut Silent)?;
    super::lock::with_lock(transport.as_mut(), publisher, |t| {
        rollback_locked(t, target, to, publisher, local_log)
    })
}

fn rollback_locked(
    t: &mut dyn Transport,
    target: &Target,
    to: Option<&str>,
    publisher: &str,
    local_log: &Path,
) -> Result<RollbackReport, PublishError> {
    let all = ids(t)?;
    let live = t.live()?.ok_or(PublishError::NothingToRollBack)?;
    let dest = match to {
        Some(to) if all.iter().any(|id| id == to) => to.to_string(),
        Some(to) => return Err(PublishError::NoSuchRelease(to.to_string())),
        None => {
            let before = all.iter().take_while(|id| **id != live).last();
            before.cloned().ok_or(PublishError::NothingToRollBack)?
        }
    };
    t.switch(&dest)?;
    let line = serde_json::json!({
        "action": "rollback", "target": target.name, "at": super::log::now(), "publisher": publisher,
        "from": live, "to": dest,
    });
    super::log::write(t, local_log, &line)?;
    Ok(RollbackReport {
        target: target.name.clone(),
        from: live,
        to: dest,
    })
}

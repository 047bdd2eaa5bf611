//! The publish log: one JSON object a line, appended (never rewritten) on the target
//! (`BASE/publish-log.jsonl`) and in the site (`.civic/publish-log.jsonl`).

use super::error::PublishError;
use super::transport::Transport;
use std::io::Write;
use std::path::Path;

/// Appends `line` to both logs: the target's and the site's own.
pub fn write(
    t: &mut dyn Transport,
    local: &Path,
    line: &serde_json::Value,
) -> Result<(), PublishError> {
    let line = line.to_string();
    t.append_log(&line)?;
    append_line(local, &line)
}

/// Appends a line to a JSON-lines file, creating it (and its folder) if needed.
pub fn append_line(path: &Path, line: &str) -> Result<(), PublishError> {
    let io = |e: std::io::Error| PublishError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io)?;
    // One write call per line: appends of whole lines do not interleave.
    file.write_all(format!("{line}\n").as_bytes()).map_err(io)
}

/// Now, UTC, as the log and the records write it.
pub fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

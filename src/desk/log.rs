//! The desk's append-only record of who did what: every sign-in, failed sign-in, save, new
//! page, sign-off and publish, one JSON line each in the site's `.civic/desk-log.jsonl`. Lines
//! are only ever appended (the file is opened for appending, never truncated or rewritten).

use std::io::Write;
use std::path::Path;

pub const FILE: &str = ".civic/desk-log.jsonl";

/// Appends `{at, user, action, …details}`; a log that cannot be written is reported on stderr
/// and does not stop the editor's work.
pub fn append(root: &Path, user: &str, action: &str, details: serde_json::Value) {
    let mut line = serde_json::json!({
        "at": jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "user": user,
        "action": action,
    });
    if let (Some(map), serde_json::Value::Object(more)) = (line.as_object_mut(), details) {
        map.extend(more);
    }
    let path = root.join(FILE);
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
        })
        .and_then(|mut f| writeln!(f, "{line}"));
    if let Err(e) = written {
        eprintln!("{}: {e}", path.display());
    }
}

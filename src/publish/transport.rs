//! What publishing needs from a target, as few operations as possible, each safe to interrupt:
//! nothing here touches `current` except [`Transport::switch`], one rename.
//!
//! The layout on every target (`BASE` is the folder or `remote_path`):
//! `BASE/releases/<id>/` a release, `BASE/releases/<id>.json` its record, `BASE/current` the
//! symlink the web server serves, `BASE/publish-log.jsonl` the log. A release being written is
//! `BASE/releases/<id>.partial/`; it becomes `<id>` only when complete.

use super::error::PublishError;
use std::path::Path;

pub const RELEASES: &str = "releases";
pub const CURRENT: &str = "current";
pub const LOG: &str = "publish-log.jsonl";
pub const PARTIAL: &str = ".partial";
/// One publish at a time: `BASE/.publish-lock/holder.json` names who holds it (see lock.rs).
pub const LOCK: &str = ".publish-lock";
pub const HOLDER: &str = "holder.json";

pub trait Transport {
    /// A file under BASE, or None if it does not exist.
    fn read(&mut self, rel: &str) -> Result<Option<Vec<u8>>, PublishError>;
    /// Names in `BASE/releases/` (folders and records).
    fn list_releases(&mut self) -> Result<Vec<String>, PublishError>;
    /// The release `current` points to.
    fn live(&mut self) -> Result<Option<String>, PublishError>;
    /// Starts `releases/<id>.partial` over: removes a left-over one, then hard-links (or copies)
    /// the release `from` into it, leaving out `skip` (changed and deleted files).
    fn prepare(
        &mut self,
        id: &str,
        from: Option<&str>,
        skip: &[String],
    ) -> Result<(), PublishError>;
    /// Copies `files` (paths relative to `local`) into `releases/<id>.partial`, each as a new file.
    fn upload(&mut self, id: &str, local: &Path, files: &[String]) -> Result<(), PublishError>;
    /// Renames `releases/<id>.partial` to `releases/<id>` and writes its record beside it.
    fn finish(&mut self, id: &str, record: &[u8]) -> Result<(), PublishError>;
    /// Points `current` at `releases/<id>`: a new symlink renamed over the old one.
    fn switch(&mut self, id: &str) -> Result<(), PublishError>;
    /// Removes a release and its record.
    fn remove_release(&mut self, id: &str) -> Result<(), PublishError>;
    /// Makes `BASE/.publish-lock/` and writes `holder` into it, in one step that fails when the
    /// folder exists: None when taken, else the present holder's note.
    fn lock(&mut self, holder: &str) -> Result<Option<Vec<u8>>, PublishError>;
    /// Removes `BASE/.publish-lock/` (no error when it is not there).
    fn unlock(&mut self) -> Result<(), PublishError>;
    /// Appends one line to `BASE/publish-log.jsonl`.
    fn append_log(&mut self, line: &str) -> Result<(), PublishError>;
}

//! Stage 4: rendered files → the output folder. Everything is written into a staging folder
//! beside the output and swapped into place only when the whole build succeeded, so a failed build
//! leaves the previous site exactly as it was.

pub mod interrupt;
pub mod place;
pub mod served;

use crate::error::Problem;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::built::FileEntry;
/// Defined below render, which makes them; named here too, where they are written.
pub use crate::built::OutputFile;

/// A folder being filled with a new build. Thread-safe: pages are written from rayon workers.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    made_dirs: Mutex<HashSet<PathBuf>>,
    /// Each file written, with its manifest entry.
    written: Mutex<Vec<(String, FileEntry)>>,
    seen: Mutex<HashSet<String>>,
    /// Held from start to swap: a second build of the same output at the same time fails.
    _lock: OutputLock,
}

impl Staging {
    /// Start a build that will replace `target` (e.g. `output/`), taking its lock.
    pub fn new(target: &Path) -> Result<Staging, Problem> {
        Staging::locked(target, OutputLock::take(target)?)
    }

    /// Start a build that will replace `target`, whose lock the caller took (a build takes it
    /// before loading the site, so that a second build says so at once). Removes the staging
    /// folders that interrupted builds of this output left behind.
    pub fn locked(target: &Path, lock: OutputLock) -> Result<Staging, Problem> {
        let (parent, name) = beside(target);
        let prefix = format!(".{name}.civic-staging-");
        remove_stale(parent, &prefix);
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| io_problem(&dir, e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| io_problem(&dir, e))?;
        interrupt::register(&dir);
        let staging = Staging {
            dir,
            target: target.to_path_buf(),
            made_dirs: Mutex::new(HashSet::new()),
            written: Mutex::new(Vec::new()),
            seen: Mutex::new(HashSet::new()),
            _lock: lock,
        };
        staging.write(&OutputFile {
            path: place::STAMP_FILE.to_string(),
            bytes: place::STAMP_TEXT.as_bytes().to_vec(),
        })?;
        Ok(staging)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn write(&self, file: &OutputFile) -> Result<(), Problem> {
        check_path(&file.path)?;
        if interrupt::interrupted() {
            return Err(Problem::error(
                "interrupted",
                crate::text!("output-interrupted"),
            ));
        }
        if !self
            .seen
            .lock()
            .map_or(true, |mut s| s.insert(file.path.clone()))
        {
            return Err(Problem::error(
                "output-clash",
                crate::text!("output-clash", path = &file.path),
            )
            .help(crate::text!("output-clash-help")));
        }
        let path = self.dir.join(&file.path);
        let parent = path.parent().unwrap_or(&self.dir);
        let fresh = self
            .made_dirs
            .lock()
            .map_or(true, |mut d| d.insert(parent.to_path_buf()));
        if fresh {
            std::fs::create_dir_all(parent).map_err(|e| io_problem(parent, e))?;
        }
        let written = match std::fs::write(&path, &file.bytes) {
            // Another thread claimed this folder and may not have made it yet: make it here
            // too (`create_dir_all` is safe to race) and try again.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !fresh => {
                std::fs::create_dir_all(parent).map_err(|e| io_problem(parent, e))?;
                std::fs::write(&path, &file.bytes)
            }
            other => other,
        };
        written.map_err(|e| io_problem(&path, e))?;
        let entry = (file.path.clone(), FileEntry::of(&file.bytes));
        if let Ok(mut w) = self.written.lock() {
            w.push(entry);
        }
        Ok(())
    }

    /// Write a file that is not itself part of the manifest (the manifest).
    pub fn write_unrecorded(&self, path: &str, bytes: &[u8]) -> Result<(), Problem> {
        if self.seen.lock().is_ok_and(|s| s.contains(path)) {
            return Err(Problem::error(
                "output-clash",
                crate::text!("output-reserved", path = path),
            )
            .help(crate::text!("output-reserved-help")));
        }
        let full = self.dir.join(path);
        std::fs::write(&full, bytes).map_err(|e| io_problem(&full, e))
    }

    /// Everything written so far, sorted by path.
    pub fn written(&self) -> Vec<(String, FileEntry)> {
        let mut list = self.written.lock().map(|w| w.clone()).unwrap_or_default();
        list.sort();
        list
    }

    /// Replace the target with the staged build.
    pub fn commit(self) -> Result<(), Problem> {
        let old = self.dir.with_file_name(format!(
            "{}.civic-old",
            self.dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("output")
        ));
        interrupt::unregister_with(&self.dir, || {
            if self.target.exists() {
                if old.exists() {
                    let _ = std::fs::remove_dir_all(&old);
                }
                std::fs::rename(&self.target, &old).map_err(|e| io_problem(&self.target, e))?;
            }
            if let Err(e) = std::fs::rename(&self.dir, &self.target) {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&old, &self.target);
                let _ = std::fs::remove_dir_all(&self.dir);
                return Err(io_problem(&self.target, e));
            }
            Ok(())
        })?;
        remove_tree(&old);
        Ok(())
    }

    /// Throw the staged build away (the previous output is untouched).
    pub fn abandon(self) {
        interrupt::unregister_with(&self.dir, || {
            let _ = std::fs::remove_dir_all(&self.dir);
        });
    }
}

/// The lock of one output folder: a file beside it, locked by the operating system (so the lock
/// ends with the process, however it ends) and removed when the build is done.
pub struct OutputLock {
    path: PathBuf,
    _file: std::fs::File,
}

/// The folder `target` sits in and its name: where its lock and staging folders go.
fn beside(target: &Path) -> (&Path, &str) {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    (parent, name)
}

impl OutputLock {
    /// Lock the output folder `target` for one build; fails, saying so, while another build of
    /// the same output runs.
    pub fn take(target: &Path) -> Result<OutputLock, Problem> {
        let (parent, name) = beside(target);
        std::fs::create_dir_all(parent).map_err(|e| io_problem(parent, e))?;
        OutputLock::take_file(&parent.join(format!(".{name}.civic-lock")), target)
    }

    // `File::try_lock` is std since Rust 1.89 (the toolchain here is newer, and the code already
    // needs 1.88 for let-chains); Cargo.toml's rust-version still says 1.85 because raising it
    // makes clippy ask for let-chains all over src/guard/, which is being rewritten.
    #[allow(clippy::incompatible_msrv)]
    fn take_file(path: &Path, target: &Path) -> Result<OutputLock, Problem> {
        loop {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)
                .map_err(|e| io_problem(path, e))?;
            match file.try_lock() {
                // The file may have been removed by the build that held it just before: a lock
                // on a removed file locks nothing, so take the lock of the file now there.
                Ok(()) if !same_file(&file, path) => continue,
                Ok(()) => {
                    return Ok(OutputLock {
                        path: path.to_path_buf(),
                        _file: file,
                    });
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(Problem::error(
                        "build-running",
                        crate::text!("output-build-running", output = target),
                    )
                    .help(crate::text!("output-build-running-help")));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io_problem(path, e)),
            }
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked, so no other build can lock this file in between.
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &std::fs::File, path: &Path) -> bool {
    path.exists()
}

/// Remove staging folders (and half-swapped old outputs) that earlier builds of the same output
/// left when they were killed. Only called with the output's lock held, so none is in use.
fn remove_stale(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let is_stale = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(prefix))
            && entry.file_type().is_ok_and(|t| t.is_dir());
        if is_stale {
            remove_tree(&entry.path());
        }
    }
}

/// Remove a folder and everything in it, the files in parallel: the previous output of a large
/// site is tens of thousands of small files, and deleting them one by one took about a second of
/// a 20,000-page rebuild.
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.par_iter().for_each(|f| {
        let _ = std::fs::remove_file(f);
    });
    let _ = std::fs::remove_dir_all(dir);
}

/// Copy a folder's files (theme or site `static/`) as output files, keyed by relative path.
pub fn read_tree(dir: &Path) -> Result<Vec<OutputFile>, Problem> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| unreadable(dir, &e.to_string()))?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let bytes = std::fs::read(entry.path()).map_err(|e| io_problem(entry.path(), e))?;
        files.push(OutputFile {
            path: crate::error::display_path(rel),
            bytes,
        });
    }
    Ok(files)
}

/// A relative output path must stay inside the output folder: no `..`, no empty segment.
pub fn check_path(path: &str) -> Result<(), Problem> {
    if path.split('/').any(|part| part == ".." || part.is_empty()) {
        return Err(Problem::error(
            "output-path",
            crate::text!("output-outside", path = path),
        ));
    }
    Ok(())
}

pub fn io_problem(path: &Path, e: std::io::Error) -> Problem {
    Problem::error(
        "io",
        crate::text!("output-cannot-write", path = path, reason = e.to_string()),
    )
    .help(crate::text!("output-cannot-write-help"))
}

/// Render reports an unreadable theme file with it too, so it lives in `error`.
pub use crate::error::unreadable;

#[cfg(test)]
mod tests {
    use super::{OutputFile, Staging};
    use rayon::prelude::*;

    #[test]
    fn parallel_writes_into_new_folders_all_land() {
        // Many threads write into the same fresh folders at once (a search index is written
        // this way): whichever thread claims a folder, none may find it missing.
        let root = tempfile::tempdir().expect("temp dir");
        let target = root.path().join("out");
        let files: Vec<OutputFile> = (0..4000)
            .map(|i| OutputFile {
                path: format!("search/l{}/d{}/{i}.json", i % 3, i % 97),
                bytes: i.to_string().into_bytes(),
            })
            .collect();
        for _ in 0..3 {
            let staging = Staging::new(&target).expect("staging");
            let results: Vec<_> = files.par_iter().map(|f| staging.write(f)).collect();
            assert!(
                results.iter().all(Result::is_ok),
                "{:?}",
                results.iter().find(|r| r.is_err())
            );
            // Every file, and the stamp that marks the folder as Civic's output.
            assert_eq!(staging.written().len(), files.len() + 1);
            staging.commit().expect("commit");
        }
        let back =
            std::fs::read_to_string(target.join("search/l1/d30/1000.json")).expect("written");
        assert_eq!(back, "1000");
    }
}

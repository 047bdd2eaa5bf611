//! `civic serve` marks the output folder it serves, so that `civic build` on the same folder says
//! so instead of swapping the folder out from under the preview (whose incremental writes would
//! then land in a folder the build just replaced).
//!
//! The mark is a file beside the output, locked by the operating system for as long as serve
//! runs (so a crashed serve leaves no stale mark) and holding the preview's address.

use super::{beside, io_problem};
use crate::error::Problem;
use crate::text;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub struct ServeLock {
    path: PathBuf,
    _file: std::fs::File,
}

fn lock_path(target: &Path) -> PathBuf {
    let (parent, name) = beside(target);
    parent.join(format!(".{name}.civic-serve"))
}

fn open(path: &Path) -> Result<std::fs::File, Problem> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| io_problem(path, e))
}

/// The preview address written in a held mark.
fn holder(file: &mut std::fs::File) -> String {
    let mut address = String::new();
    let _ = file.read_to_string(&mut address);
    address.trim().to_string()
}

impl ServeLock {
    /// Mark `target` as served at `address` for the life of the returned value.
    // `File::try_lock` is std since Rust 1.89; see `OutputLock::take_file`.
    #[allow(clippy::incompatible_msrv)]
    pub fn take(target: &Path, address: &str) -> Result<ServeLock, Problem> {
        let path = lock_path(target);
        let mut file = open(&path)?;
        if file.try_lock().is_err() {
            return Err(Problem::error(
                "output-served",
                text!(
                    "output-served-twice",
                    output = target,
                    address = holder(&mut file)
                ),
            )
            .help(text!("output-served-twice-help")));
        }
        file.set_len(0).map_err(|e| io_problem(&path, e))?;
        file.write_all(address.as_bytes())
            .map_err(|e| io_problem(&path, e))?;
        Ok(ServeLock { path, _file: file })
    }

    /// Fails, naming the preview's address, while a `civic serve` serves `target`.
    #[allow(clippy::incompatible_msrv)]
    pub fn check_free(target: &Path) -> Result<(), Problem> {
        let path = lock_path(target);
        let Ok(mut file) = std::fs::File::open(&path) else {
            return Ok(());
        };
        match file.try_lock_shared() {
            Ok(()) => Ok(()),
            Err(_) => Err(Problem::error(
                "output-served",
                text!(
                    "output-being-served",
                    output = target,
                    address = holder(&mut file)
                ),
            )
            .help(text!("output-being-served-help"))),
        }
    }
}

impl Drop for ServeLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

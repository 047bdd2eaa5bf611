//! `civic verify DIR`: a folder (the deployed copy, or a copy of it) compared with a manifest.

use super::findings::{Finding, Kind, Report};
use super::{IntegrityError, MANIFEST_FILE, Manifest, io_err, load_manifest};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Compare `dir` with the manifest found in it (`dir/civic-manifest.json`).
pub fn verify(dir: &Path) -> Result<Report, IntegrityError> {
    verify_against(dir, &dir.join(MANIFEST_FILE))
}

/// Compare `dir` with a manifest kept elsewhere (safer: an attacker who can change the site
/// can change a manifest stored beside it).
pub fn verify_against(dir: &Path, manifest_path: &Path) -> Result<Report, IntegrityError> {
    let manifest = load_manifest(manifest_path)?;
    verify_with(dir, &manifest)
}

pub fn verify_with(dir: &Path, manifest: &Manifest) -> Result<Report, IntegrityError> {
    if !dir.is_dir() {
        return Err(IntegrityError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let mut report = Report::default();
    let present = walk(dir)?;
    for (path, entry) in &present {
        match (entry, manifest.files.get(path)) {
            (Entry::Special(what), built) => {
                let mut finding = Finding::new(Kind::Special)
                    .at_path(path)
                    .message(crate::text!("verify-special-file", what = what.clone()));
                if let Some(built) = built {
                    finding = finding.expected(built);
                }
                report.findings.push(finding);
            }
            (Entry::File(file), built) => {
                let (sha256, size) = hash_file(file)?;
                match built {
                    None => report
                        .findings
                        .push(Finding::new(Kind::Added).at_path(path).got(sha256, size)),
                    Some(e) if e.size != size || e.sha256 != sha256 => report.findings.push(
                        Finding::new(Kind::Changed)
                            .at_path(path)
                            .expected(e)
                            .got(sha256, size),
                    ),
                    Some(_) => report.unchanged_count += 1,
                }
            }
        }
    }
    for (path, entry) in &manifest.files {
        if !present.contains_key(path) {
            report
                .findings
                .push(Finding::new(Kind::Missing).at_path(path).expected(entry));
        }
    }
    report.sort();
    Ok(report)
}

/// The file's SHA-256 and size, read in chunks: a 6 GB file must not be read whole (issue 24).
fn hash_file(file: &Path) -> Result<(String, u64), IntegrityError> {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    let mut reader = std::fs::File::open(file).map_err(io_err(file))?;
    let size = std::io::copy(&mut reader, &mut hasher).map_err(io_err(file))?;
    Ok((crate::digest::hex(&hasher.finalize()), size))
}

enum Entry {
    File(PathBuf),
    /// What it is instead ("a FIFO (named pipe)", "a symlink to nowhere", …).
    Special(crate::messages::Text),
}

/// Everything under `dir` except folders and the manifest at its root, by relative path
/// with `/`. Symlinks are followed (a deployment may use them); what is not a regular file is
/// listed but never opened, since reading a FIFO would block forever.
fn walk(dir: &Path) -> Result<BTreeMap<String, Entry>, IntegrityError> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let (path, kind) = match entry {
            Ok(entry) if entry.file_type().is_dir() => continue,
            Ok(entry) => {
                let kind = if entry.file_type().is_file() {
                    Entry::File(entry.path().to_path_buf())
                } else {
                    Entry::Special(special_kind(&entry.file_type()))
                };
                (entry.path().to_path_buf(), kind)
            }
            // A dangling symlink: walkdir cannot follow it, but it is something to report.
            Err(e)
                if e.path()
                    .and_then(|p| p.symlink_metadata().ok())
                    .is_some_and(|m| m.file_type().is_symlink()) =>
            {
                let path = e.path().unwrap_or(dir).to_path_buf();
                (
                    path,
                    Entry::Special(crate::text!("verify-special-dangling-symlink")),
                )
            }
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                return Err(IntegrityError::Io {
                    path,
                    source: e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("file system loop")),
                });
            }
        };
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel != MANIFEST_FILE {
            found.insert(rel, kind);
        }
    }
    Ok(found)
}

#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> crate::messages::Text {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        crate::text!("verify-special-fifo")
    } else if t.is_socket() {
        crate::text!("verify-special-socket")
    } else if t.is_block_device() || t.is_char_device() {
        crate::text!("verify-special-device")
    } else {
        crate::text!("verify-special-other")
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> crate::messages::Text {
    crate::text!("verify-special-other")
}

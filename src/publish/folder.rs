//! A folder target: a local folder or a share mounted on this machine.

use super::error::PublishError;
use super::transport::{CURRENT, HOLDER, LOCK, LOG, PARTIAL, RELEASES, Transport};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub struct Folder {
    base: PathBuf,
}

impl Folder {
    pub fn new(base: &Path) -> Folder {
        Folder {
            base: base.to_path_buf(),
        }
    }

    fn release(&self, id: &str) -> PathBuf {
        self.base.join(RELEASES).join(id)
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> PublishError + '_ {
    move |e| PublishError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Hard-links every file of `from` into `to` (copies when linking is impossible, e.g. across
/// file systems), leaving out `skip`.
fn link_tree(from: &Path, to: &Path, skip: &HashSet<&str>) -> Result<(), PublishError> {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.map_err(|e| PublishError::Io {
            path: from.display().to_string(),
            reason: e.to_string(),
        })?;
        let Ok(rel) = entry.path().strip_prefix(from) else {
            continue;
        };
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).map_err(io(&dest))?;
        } else if !skip.contains(rel_text.as_str())
            && std::fs::hard_link(entry.path(), &dest).is_err()
        {
            std::fs::copy(entry.path(), &dest).map_err(io(&dest))?;
        }
    }
    Ok(())
}

impl Transport for Folder {
    fn read(&mut self, rel: &str) -> Result<Option<Vec<u8>>, PublishError> {
        let path = self.base.join(rel);
        match std::fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io(&path)(e)),
        }
    }

    fn list_releases(&mut self) -> Result<Vec<String>, PublishError> {
        let dir = self.base.join(RELEASES);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(Vec::new());
        };
        Ok(entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect())
    }

    fn live(&mut self) -> Result<Option<String>, PublishError> {
        let link = self.base.join(CURRENT);
        Ok(std::fs::read_link(&link)
            .ok()
            .and_then(|t| t.file_name().map(|n| n.to_string_lossy().into_owned())))
    }

    fn prepare(
        &mut self,
        id: &str,
        from: Option<&str>,
        skip: &[String],
    ) -> Result<(), PublishError> {
        // An interrupted publish left its partial release: start over.
        for name in self.list_releases()? {
            if name.ends_with(PARTIAL) {
                let stale = self.release(&name);
                std::fs::remove_dir_all(&stale).map_err(io(&stale))?;
            }
        }
        let partial = self.release(&format!("{id}{PARTIAL}"));
        std::fs::create_dir_all(&partial).map_err(io(&partial))?;
        if let Some(from) = from {
            let skip: HashSet<&str> = skip.iter().map(String::as_str).collect();
            link_tree(&self.release(from), &partial, &skip)?;
        }
        Ok(())
    }

    fn upload(&mut self, id: &str, local: &Path, files: &[String]) -> Result<(), PublishError> {
        let partial = self.release(&format!("{id}{PARTIAL}"));
        for rel in files {
            let dest = partial.join(rel);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            // A new file, never written through a hard link shared with the live release.
            match std::fs::remove_file(&dest) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&dest)(e)),
                _ => {}
            }
            std::fs::copy(local.join(rel), &dest).map_err(io(&dest))?;
        }
        Ok(())
    }

    fn finish(&mut self, id: &str, record: &[u8]) -> Result<(), PublishError> {
        let partial = self.release(&format!("{id}{PARTIAL}"));
        let done = self.release(id);
        std::fs::rename(&partial, &done).map_err(io(&done))?;
        let record_path = self.release(&format!("{id}.json"));
        std::fs::write(&record_path, record).map_err(io(&record_path))
    }

    fn switch(&mut self, id: &str) -> Result<(), PublishError> {
        let tmp = self.base.join(format!(".{CURRENT}.{id}.tmp"));
        let _ = std::fs::remove_file(&tmp);
        symlink(&format!("{RELEASES}/{id}"), &tmp)?;
        let current = self.base.join(CURRENT);
        std::fs::rename(&tmp, &current).map_err(io(&current))
    }

    fn remove_release(&mut self, id: &str) -> Result<(), PublishError> {
        let dir = self.release(id);
        std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        let _ = std::fs::remove_file(self.release(&format!("{id}.json")));
        Ok(())
    }

    fn lock(&mut self, holder: &str) -> Result<Option<Vec<u8>>, PublishError> {
        std::fs::create_dir_all(&self.base).map_err(io(&self.base))?;
        let lock = self.base.join(LOCK);
        match std::fs::create_dir(&lock) {
            Ok(()) => {
                let note = lock.join(HOLDER);
                std::fs::write(&note, holder).map_err(io(&note))?;
                Ok(None)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Ok(Some(std::fs::read(lock.join(HOLDER)).unwrap_or_default()))
            }
            Err(e) => Err(io(&lock)(e)),
        }
    }

    fn unlock(&mut self) -> Result<(), PublishError> {
        let lock = self.base.join(LOCK);
        match std::fs::remove_dir_all(&lock) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&lock)(e)),
            _ => Ok(()),
        }
    }

    fn append_log(&mut self, line: &str) -> Result<(), PublishError> {
        super::log::append_line(&self.base.join(LOG), line)
    }
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) -> Result<(), PublishError> {
    std::os::unix::fs::symlink(target, link).map_err(io(link))
}

#[cfg(not(unix))]
fn symlink(_target: &str, link: &Path) -> Result<(), PublishError> {
    Err(PublishError::Io {
        path: link.display().to_string(),
        reason: "symbolic links are needed for atomic publishing".into(),
    })
}

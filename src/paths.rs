//! Where a path from an argument or from site.yaml really points. Every path an editor (or an
//! attacker with an editor's account) can name is resolved here before Civic reads or writes it,
//! so `..`, absolute paths and symlinks cannot lead outside the site.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute, with the symlinks of its existing part resolved and `.`/`..` of the rest
/// applied by name. The path itself need not exist (an output folder or a new page often does
/// not yet).
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Walk forward as the operating system does: a symlink is replaced by where it points before
    // the next component (so `link/..` is the link target's parent, not the link's folder).
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                let is_link =
                    std::fs::symlink_metadata(&resolved).is_ok_and(|m| m.file_type().is_symlink());
                if is_link {
                    // A dangling link is an error: where it would lead is not known.
                    resolved = std::fs::canonicalize(&resolved)?;
                }
            }
        }
    }
    Ok(resolved)
}

/// Whether the resolved `path` is `base` or lies inside it (both already resolved).
pub fn is_within(path: &Path, base: &Path) -> bool {
    path.starts_with(base)
}

/// A relative path given in a command or in site.yaml, checked to stay inside `base` (resolved).
/// Returns the resolved path, or the resolved place it would reach outside `base`.
pub fn inside(base: &Path, relative: &Path) -> Result<PathBuf, PathBuf> {
    let base = resolve(base).unwrap_or_else(|_| base.to_path_buf());
    let joined = resolve(&base.join(relative)).unwrap_or_else(|_| base.join(relative));
    if is_within(&joined, &base) {
        Ok(joined)
    } else {
        Err(joined)
    }
}

/// A path that site.yaml gives relative to the site (`guard.extra_rules`, a theme's name): never
/// absolute, never climbing out with `..`, normalised to `/`-separated parts without `.`. It is
/// the one place such a path is checked; [`SitePath::open_in`] then follows symlinks and refuses
/// where they lead outside the site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SitePath(String);

/// Why a path from site.yaml or an argument cannot be read; `PathProblem::text` (in error.rs,
/// since messages sit above paths) says it in the catalogue's words.
#[derive(Debug)]
pub enum PathProblem {
    Absolute,
    Climbs,
    Outside(PathBuf),
    NotAFile,
    TooLarge(u64),
    Io(std::io::Error),
}

impl SitePath {
    pub fn parse(given: &str) -> Result<SitePath, PathProblem> {
        let path = Path::new(given);
        let mut parts = Vec::new();
        for component in path.components() {
            match component {
                Component::Prefix(_) | Component::RootDir => return Err(PathProblem::Absolute),
                Component::ParentDir => return Err(PathProblem::Climbs),
                Component::CurDir => {}
                Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
            }
        }
        // `\\server\x` or `C:\x` are not absolute on Unix but are meant to be.
        if given.starts_with('\\') || given.get(1..2) == Some(":") {
            return Err(PathProblem::Absolute);
        }
        Ok(SitePath(parts.join("/")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the path leads under `root`, symlinks followed; refused when that is outside.
    pub fn open_in(&self, root: &Path) -> Result<PathBuf, PathProblem> {
        inside(root, Path::new(&self.0)).map_err(PathProblem::Outside)
    }

    /// The file's bytes, read only if it lies inside `root` and is a regular file of at most
    /// `limit` bytes.
    pub fn read_in(&self, root: &Path, limit: u64) -> Result<Vec<u8>, PathProblem> {
        read_regular(&self.open_in(root)?, limit)
    }
}

/// One mebibyte, for limits stated in messages.
pub const MB: u64 = 1024 * 1024;

/// The most a configuration or rule file may hold.
pub const CONFIG_LIMIT: u64 = 8 * MB;

/// Read `path` only if it is a regular file (a FIFO or device would block or never end) of at
/// most `limit` bytes; the read itself stops at the limit, in case the file grows meanwhile.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, PathProblem> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(PathProblem::Io)?;
    if !meta.is_file() {
        return Err(PathProblem::NotAFile);
    }
    if meta.len() > limit {
        return Err(PathProblem::TooLarge(limit));
    }
    let file = std::fs::File::open(path).map_err(PathProblem::Io)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(PathProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(PathProblem::TooLarge(limit));
    }
    Ok(bytes)
}

/// `path` as editors read it in messages: `/` between components on every platform.
pub fn display(path: &Path) -> String {
    let shown = path
        .components()
        .map(|c| match c {
            // Joined with `/` below, an empty first part gives the leading slash.
            Component::RootDir => std::borrow::Cow::Borrowed(""),
            c => c.as_os_str().to_string_lossy(),
        })
        .collect::<Vec<_>>()
        .join("/");
    // `/` alone is one empty part, which joins to nothing.
    if shown.is_empty() && path.has_root() {
        return "/".to_string();
    }
    shown
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over it: a
/// reader (a build, another browser of the desk) sees the old file or the new one, never half.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Unique per process and thread: two threads of one build may write the same cache entry.
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    let tmp = dir.join(format!(".{name}.civic-tmp-{}-{thread}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_paths_resolve_by_name_and_dot_dots_are_applied() {
        let dir = tempfile::tempdir().expect("tmp");
        let real = std::fs::canonicalize(dir.path()).expect("canon");
        std::fs::create_dir(real.join("a")).expect("mkdir");
        assert_eq!(
            resolve(&real.join("a/new/../other")).expect("resolve"),
            real.join("a/other")
        );
        assert_eq!(
            inside(&real.join("a"), Path::new("../..")),
            Err(real.parent().expect("parent").to_path_buf())
        );
        assert_eq!(
            inside(&real.join("a"), Path::new("x/y")),
            Ok(real.join("a/x/y"))
        );
    }

    #[test]
    fn symlinks_are_followed_to_where_they_point() {
        let dir = tempfile::tempdir().expect("tmp");
        let real = std::fs::canonicalize(dir.path()).expect("canon");
        std::fs::create_dir(real.join("site")).expect("mkdir");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&real, real.join("site/up")).expect("symlink");
            assert!(inside(&real.join("site"), Path::new("up/x")).is_err());
        }
    }

    #[test]
    fn paths_read_with_one_slash_between_parts() {
        assert_eq!(
            super::display(Path::new("/tmp/site/output")),
            "/tmp/site/output"
        );
        assert_eq!(
            super::display(Path::new("content/news/a.md")),
            "content/news/a.md"
        );
    }

    #[test]
    fn site_paths_stay_inside_and_read_only_small_regular_files() {
        for bad in ["/etc/shadow", "../x", "a/../../x", "\\\\host\\x", "C:\\x"] {
            assert!(SitePath::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            SitePath::parse("./rules//a.txt").expect("ok").as_str(),
            "rules/a.txt"
        );
        let dir = tempfile::tempdir().expect("tmp");
        let site = dir.path().join("site");
        std::fs::create_dir(&site).expect("mkdir");
        std::fs::write(dir.path().join("secret"), "s").expect("write");
        std::os::unix::fs::symlink(dir.path().join("secret"), site.join("link")).expect("ln");
        std::os::unix::fs::symlink("/dev/zero", site.join("zero")).expect("ln");
        std::fs::write(site.join("big"), vec![b'x'; 11]).expect("write");
        let read = |p: &str, limit| SitePath::parse(p).expect(p).read_in(&site, limit);
        assert!(matches!(read("link", MB), Err(PathProblem::Outside(_))));
        assert!(matches!(read("zero", MB), Err(PathProblem::Outside(_))));
        assert!(matches!(read("big", 10), Err(PathProblem::TooLarge(10))));
        assert_eq!(read("big", 11).expect("fits").len(), 11);
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), MB),
            Err(PathProblem::NotAFile)
        ));
    }
}

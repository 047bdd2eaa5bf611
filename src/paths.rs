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

/// `path` as editors read it in messages: `/` between components on every platform.
pub fn display(path: &Path) -> String {
    path.components()
        .map(|c| match c {
            // Joined with `/` below, an empty first part gives the leading slash.
            Component::RootDir => std::borrow::Cow::Borrowed(""),
            c => c.as_os_str().to_string_lossy(),
        })
        .collect::<Vec<_>>()
        .join("/")
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
}

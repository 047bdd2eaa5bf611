//! Where a build may write. A build replaces its output folder whole, so an output folder that
//! is, holds or lies inside the site's sources would delete an editor's work, and a folder Civic
//! did not make may hold someone else's files. Both are refused before anything is written.

use crate::messages::Text;
use crate::paths;
use crate::text;
use std::path::{Path, PathBuf};

/// The small file that marks a folder as Civic's output (written into every build).
pub const STAMP_FILE: &str = ".civic-output";
pub const STAMP_TEXT: &str =
    "This folder is the output of `civic build`: each build replaces it whole.\n";

/// The site's own files and folders, which no build may replace or write into.
const SOURCES: &[&str] = &[
    "content",
    "static",
    "templates",
    "themes",
    "site.yaml",
    ".civic-cache",
];

/// Check that `output` may be replaced by a build of the site at `root`; the resolved (absolute)
/// output path on success, else why not and what to do, for a usage error.
pub fn check(root: &Path, output: &Path, force: bool) -> Result<PathBuf, Text> {
    let shown = crate::paths::display(output);
    let root = paths::resolve(root)
        .map_err(|e| text!("place-no-site-folder", root = root, reason = e.to_string()))?;
    let out = paths::resolve(output).map_err(|e| {
        text!(
            "place-unresolvable",
            output = &shown,
            reason = e.to_string()
        )
    })?;
    let refuse = |what: Text| Err(text!("place-refused", output = &shown, what = what));
    if out == root {
        return refuse(text!("place-is-site"));
    }
    if paths::is_within(&root, &out) {
        return refuse(text!("place-contains-site"));
    }
    for name in SOURCES {
        let source = paths::resolve(&root.join(name)).unwrap_or_else(|_| root.join(name));
        if out == source {
            return refuse(text!("place-is-source", name = name));
        }
        if paths::is_within(&out, &source) {
            return refuse(text!("place-inside-source", name = name));
        }
        if paths::is_within(&source, &out) {
            return refuse(text!("place-contains-source", name = name));
        }
    }
    if is_system_folder(&out) {
        return refuse(text!("place-system-folder"));
    }
    match std::fs::symlink_metadata(&out) {
        Err(_) => Ok(out),
        Ok(meta) if !meta.is_dir() => Err(text!("place-is-file", output = &shown)),
        Ok(_) if is_stamped(&out) || is_empty(&out) => Ok(out),
        // `--force` widens nothing (issue 24): it only gets the message that says so.
        Ok(_) if force => Err(text!(
            "place-force-foreign",
            output = &shown,
            stamp = STAMP_FILE
        )),
        Ok(_) => Err(text!("place-foreign-folder", output = &shown)),
    }
}

/// `/`, the home folder and the top-level folders of the system: never an output, whatever
/// they hold (a stamp file can be copied).
fn is_system_folder(out: &Path) -> bool {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    out.parent().is_none_or(|p| p.parent().is_none())
        || home.is_some_and(|h| paths::resolve(&h).is_ok_and(|h| h == out))
}

/// A folder a build made: every build writes the stamp into its output.
fn is_stamped(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(STAMP_FILE)).is_ok_and(|m| m.is_file())
}

fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_foreign_folders_are_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/news")).expect("mkdir");
        std::fs::write(root.join("site.yaml"), "x").expect("write");
        for bad in [
            "content",
            "content/news",
            "site.yaml",
            ".",
            "..",
            "content/../",
        ] {
            let err = check(&root, &root.join(bad), false).expect_err(bad);
            assert!(err.to_string().contains("--output"), "{err}");
        }
        assert!(check(&root, &root.join("output"), false).is_ok());
        let foreign = dir.path().join("photos");
        std::fs::create_dir(&foreign).expect("mkdir");
        assert!(
            check(&root, &foreign, false).is_ok(),
            "an empty folder is fine"
        );
        std::fs::write(foreign.join("a.jpg"), "x").expect("write");
        assert!(check(&root, &foreign, false).is_err());
        assert!(
            check(&root, &foreign, true).is_err(),
            "--force empties only Civic's folders"
        );
        std::fs::write(foreign.join(crate::built::MANIFEST_FILE), "x").expect("write");
        assert!(
            check(&root, &foreign, true).is_err(),
            "a manifest alone is not the stamp"
        );
        std::fs::write(foreign.join(STAMP_FILE), STAMP_TEXT).expect("write");
        assert!(check(&root, &foreign, false).is_ok());
        for system in ["/", "/etc", "/bin"] {
            let err = check(&root, Path::new(system), true).expect_err(system);
            assert!(
                err.to_string().contains(&format!("--output {system} "))
                    || err.to_string().contains(&format!("--output {system}:")),
                "{err}"
            );
        }
    }
}

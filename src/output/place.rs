//! Where a build may write. A build replaces its output folder whole, so an output folder that
//! is, holds or lies inside the site's sources would delete an editor's work, and a folder Civic
//! did not make may hold someone else's files. Both are refused before anything is written.

use crate::paths;
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
pub fn check(root: &Path, output: &Path, force: bool) -> Result<PathBuf, String> {
    let shown = output.display();
    let root = paths::resolve(root)
        .map_err(|e| format!("cannot find the site's folder {}: {e}", root.display()))?;
    let out = paths::resolve(output).map_err(|e| format!("--output {shown}: {e}"))?;
    let refuse = |what: String| {
        Err(format!(
            "--output {shown}: {what}; a build replaces its output folder whole, so this would \
             delete the site's files\nhelp: choose a folder of its own, e.g. --output output"
        ))
    };
    if out == root {
        return refuse("is the site's folder itself".to_string());
    }
    if paths::is_within(&root, &out) {
        return refuse("contains the site's folder".to_string());
    }
    for name in SOURCES {
        let source = paths::resolve(&root.join(name)).unwrap_or_else(|_| root.join(name));
        if out == source {
            return refuse(format!("is the site's {name}"));
        }
        if paths::is_within(&out, &source) {
            return refuse(format!("lies inside the site's {name}"));
        }
        if paths::is_within(&source, &out) {
            return refuse(format!("contains the site's {name}"));
        }
    }
    match std::fs::symlink_metadata(&out) {
        Err(_) => Ok(out),
        Ok(meta) if !meta.is_dir() => Err(format!(
            "--output {shown} is a file, not a folder; the build would replace it\n\
             help: choose a folder, e.g. --output output"
        )),
        Ok(_) if force || is_civic_output(&out) || is_empty(&out) => Ok(out),
        Ok(_) => Err(format!(
            "--output {shown} is a folder Civic did not create, and a build replaces its \
             output folder whole: its files would be deleted\n\
             help: choose a new or empty folder, or pass --force to replace this one"
        )),
    }
}

/// A folder a build made: it has the stamp, or (built before the stamp existed) the manifest.
fn is_civic_output(dir: &Path) -> bool {
    dir.join(STAMP_FILE).is_file() || dir.join(crate::integrity::MANIFEST_FILE).is_file()
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
            assert!(err.contains("--output"), "{err}");
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
        assert!(check(&root, &foreign, true).is_ok());
        std::fs::write(foreign.join(STAMP_FILE), STAMP_TEXT).expect("write");
        assert!(check(&root, &foreign, false).is_ok());
    }
}

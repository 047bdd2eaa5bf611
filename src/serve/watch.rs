//! Watching the site's files. notify reports every event (including reads); the debouncer groups
//! a burst of them (an editor's save is often several) into one batch, and [`classify`] turns a
//! batch into what the rebuild needs to know. Reads and anything inside the output folder or the
//! image cache are ignored, or the rebuild's own reads and writes would trigger it again forever.

use super::live::Changes;
use notify::EventKind;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

pub type WatchHandle = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// Start watching `root`'s content/, themes/, templates/, static/ and site.yaml; each debounced
/// batch of relevant changes is sent to `tx`.
pub fn start(root: &Path, output: &Path, tx: Sender<Changes>) -> Result<WatchHandle, String> {
    let root =
        std::fs::canonicalize(root).map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    let output = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    let watch_root = root.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(60),
        None,
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let paths = events
                .iter()
                .filter(|e| !matches!(e.event.kind, EventKind::Access(_) | EventKind::Other))
                .flat_map(|e| e.event.paths.iter().cloned());
            let changes = classify(&watch_root, &output, paths);
            if changes != Changes::default() {
                let _ = tx.send(changes);
            }
        },
    )
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for dir in source_dirs(&root) {
        debouncer
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    }
    // site.yaml is watched through its folder (editors replace the file on save), non-recursively.
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    Ok(debouncer)
}

/// The site's folders that exist now, each watched with everything inside it.
fn source_dirs(root: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    ["content", "themes", "templates", "static"]
        .into_iter()
        .map(|name| root.join(name))
        .filter(|dir| dir.is_dir())
}

/// Watch the site's folders again. A folder deleted and re-created (by `git checkout`, `rsync`
/// or a restore) is a new folder that the old watch does not see; watching a folder that is
/// still watched changes nothing. Called before each full rebuild.
pub fn rewatch(handle: &mut WatchHandle, root: &Path) {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    for dir in source_dirs(&root) {
        let _ = handle.watch(&dir, RecursiveMode::Recursive);
    }
}

fn ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Sort changed paths into Markdown files (by content-relative path) and full-build triggers.
pub fn classify(root: &Path, output: &Path, paths: impl Iterator<Item = PathBuf>) -> Changes {
    let mut changes = Changes::default();
    for path in paths {
        if path.starts_with(output) || path.starts_with(root.join(".civic-cache")) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.iter().any(|p| ignored(p)) || parts.is_empty() {
            continue;
        }
        match parts[0].as_str() {
            "content" if parts.len() > 1 => {
                let rel = parts[1..].join("/");
                if rel.ends_with(".md") {
                    changes.markdown.insert(rel);
                } else {
                    changes.full = true;
                }
            }
            "content" => changes.full = true,
            "themes" | "templates" | "static" => changes.full = true,
            "site.yaml" => changes.full = true,
            _ => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_changes_and_ignores_output_and_editor_files() {
        let root = Path::new("/s");
        let out = Path::new("/s/output");
        let paths = [
            "/s/content/news/a.md",
            "/s/content/news/.a.md.swp",
            "/s/output/index.html",
            "/s/.civic-cache/images/x.jpg",
            "/s/README.md",
        ]
        .map(PathBuf::from);
        let c = classify(root, out, paths.into_iter());
        assert_eq!(
            c.markdown.into_iter().collect::<Vec<_>>(),
            vec!["news/a.md".to_string()]
        );
        assert!(!c.full);
        let c = classify(root, out, [PathBuf::from("/s/site.yaml")].into_iter());
        assert!(c.full);
        let c = classify(
            root,
            out,
            [PathBuf::from("/s/content/news/p.jpg")].into_iter(),
        );
        assert!(c.full);
    }
}

//! Finding the site's files under `content/` and naming what each one is.

use crate::error::Problem;
use crate::lang::Lang;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CONTENT_DIR: &str = "content";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocName {
    /// `_index.md`: the section of the folder it sits in.
    SectionIndex,
    /// `x.md`, or `x/index.md` in a folder bundle.
    Page(String),
}

#[derive(Clone, Debug)]
pub struct MarkdownFile {
    /// Content-relative path, `/`-separated: `role-models/li-mei.en.md`.
    pub rel: String,
    pub path: PathBuf,
    /// Content-relative folder of the section the document belongs to (`""` for the root).
    pub dir: String,
    pub name: DocName,
    pub lang: Lang,
    /// For a folder bundle, its content-relative folder (`role-models/wang-jun`).
    pub bundle: Option<String>,
}

#[derive(Clone, Debug)]
pub struct AssetFile {
    pub rel: String,
    pub path: PathBuf,
}

#[derive(Default)]
pub struct Walked {
    pub markdown: Vec<MarkdownFile>,
    pub assets: Vec<AssetFile>,
    /// Symlinks, which are not followed (one could point anywhere on the machine).
    pub warnings: Vec<Problem>,
    /// Content-relative paths of those symlinks, so a page naming one is told why it is missing.
    pub symlinks: Vec<String>,
}

pub fn walk(root: &Path) -> Result<Walked, Vec<Problem>> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(vec![
            Problem::error("no-content", crate::text!("content-no-folder"))
                .in_file(CONTENT_DIR)
                .help(crate::text!("content-no-folder-help")),
        ]);
    }
    // walkdir follows a symlinked root even without follow_links: content/ itself a link was
    // published while its warning said it was skipped (issue 24). It is refused instead.
    if std::fs::symlink_metadata(&content).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(vec![
            Problem::error("symlink", crate::text!("content-folder-symlink"))
                .in_file(CONTENT_DIR)
                .help(crate::text!("content-folder-symlink-help")),
        ]);
    }
    let mut walked = Walked::default();
    let mut problems = Vec::new();
    let entries = WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_ignored(e.file_name().to_str().unwrap_or("")));
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::error(
                    "unreadable",
                    crate::text!("content-unreadable-entry", reason = e.to_string()),
                ));
                continue;
            }
        };
        let rel_path = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        if entry.path_is_symlink() {
            walked
                .warnings
                .push(symlink_warning(&content, entry.path(), rel_path));
            walked.symlinks.extend(content_relative(rel_path));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = content_relative(rel_path) else {
            problems.push(
                Problem::error("bad-file-name", crate::text!("content-bad-file-name"))
                    .in_file(Path::new(CONTENT_DIR).join(rel_path))
                    .help(crate::text!("content-bad-file-name-help")),
            );
            continue;
        };
        if rel.ends_with(".md") {
            match classify(&rel) {
                Ok(md) => walked.markdown.push(MarkdownFile {
                    path: entry.path().to_path_buf(),
                    ..md
                }),
                Err(p) => problems.push(p.in_file(format!("{CONTENT_DIR}/{rel}"))),
            }
        } else {
            walked.assets.push(AssetFile {
                rel,
                path: entry.path().to_path_buf(),
            });
        }
    }
    if problems.is_empty() {
        Ok(walked)
    } else {
        Err(problems)
    }
}

/// A content-relative path with `/` separators; `None` when a name is not UTF-8 or holds a
/// backslash (`role-models\li-mei.md` would be read as a path and shadow the real page).
fn content_relative(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    let parts = parts?;
    if parts.iter().any(|p| p.contains('\\')) {
        return None;
    }
    Some(parts.join("/"))
}

/// A symlink under content/ is skipped; say so, and say when it points outside the site's
/// content (a build must never publish files from elsewhere on the machine).
fn symlink_warning(content: &Path, path: &Path, rel: &Path) -> Problem {
    let shown = format!("{CONTENT_DIR}/{}", crate::error::display_path(rel));
    let inside = match (std::fs::canonicalize(content), std::fs::canonicalize(path)) {
        (Ok(content), Ok(target)) => target.starts_with(content),
        _ => false,
    };
    let message = if inside {
        crate::text!("content-symlink-inside")
    } else {
        crate::text!("content-symlink-outside")
    };
    Problem::warning("symlink", message)
        .in_file(shown)
        .help(crate::text!("content-symlink-help"))
}

fn is_ignored(name: &str) -> bool {
    // `*.review.yaml`: a page's 三审三校 record (crate::review), kept beside it, never published.
    name.ends_with(".review.yaml")
        || name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Work out what a Markdown file is from its content-relative path.
pub fn classify(rel: &str) -> Result<MarkdownFile, Problem> {
    let (folder, file) = rel.rsplit_once('/').unwrap_or(("", rel));
    let stem = file.trim_end_matches(".md");
    let (stem, lang) = match stem.rsplit_once('.') {
        Some((base, suffix)) => match Lang::from_file_suffix(suffix) {
            Some(lang) => (base, lang),
            None if suffix.len() <= 3 && suffix.chars().all(|c| c.is_ascii_alphabetic()) => {
                return Err(Problem::error(
                    "unknown-language",
                    crate::text!("content-unknown-language", suffix = suffix),
                )
                .help(crate::text!("content-unknown-language-help")));
            }
            None => (stem, Lang::Zh),
        },
        None => (stem, Lang::Zh),
    };
    let (dir, name, bundle) = match stem {
        "_index" => (folder.to_string(), DocName::SectionIndex, None),
        "index" => {
            let (parent, bundle_name) = folder.rsplit_once('/').unwrap_or(("", folder));
            if bundle_name.is_empty() {
                return Err(Problem::error(
                    "misplaced-index",
                    crate::text!("content-misplaced-index"),
                )
                .help(crate::text!("content-misplaced-index-help")));
            }
            (
                parent.to_string(),
                DocName::Page(bundle_name.to_string()),
                Some(folder.to_string()),
            )
        }
        _ => (folder.to_string(), DocName::Page(stem.to_string()), None),
    };
    Ok(MarkdownFile {
        rel: rel.to_string(),
        path: PathBuf::new(),
        dir,
        name,
        lang,
        bundle,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pages_sections_bundles_and_twins() {
        let p = classify("role-models/li-mei.en.md").unwrap();
        assert_eq!(
            (p.dir.as_str(), &p.name, p.lang),
            ("role-models", &DocName::Page("li-mei".into()), Lang::En)
        );
        let s = classify("news/_index.md").unwrap();
        assert_eq!((s.dir.as_str(), &s.name), ("news", &DocName::SectionIndex));
        let b = classify("role-models/wang-jun/index.md").unwrap();
        assert_eq!(b.dir, "role-models");
        assert_eq!(b.name, DocName::Page("wang-jun".into()));
        assert_eq!(b.bundle.as_deref(), Some("role-models/wang-jun"));
        assert!(classify("about.fr.md").is_err());
    }
}

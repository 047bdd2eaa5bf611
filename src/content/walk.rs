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
}

pub fn walk(root: &Path) -> Result<Walked, Vec<Problem>> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(vec![
            Problem::error("no-content", "there is no content/ folder")
                .in_file(CONTENT_DIR)
                .help("create content/_index.md, or pass --root with the site's folder"),
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
                problems.push(Problem::error("unreadable", format!("cannot read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel_path = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        let Some(rel) = rel_path.to_str().map(|s| s.replace('\\', "/")) else {
            problems.push(
                Problem::error("bad-file-name", "a file name is not valid UTF-8")
                    .in_file(entry.path())
                    .help("rename the file using letters, digits and `-`"),
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

fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp")
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
                    format!("`.{suffix}.md` is not a language of this site"),
                )
                .help("English twins end in `.en.md`; Chinese pages have no language suffix"));
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
                    "index.md at the top of content/ is ambiguous",
                )
                .help("the home page is content/_index.md"));
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

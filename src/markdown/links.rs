//! Resolving links written as paths to Markdown files (`../role-models/li-mei.md`,
//! `@/handbook/_index.md`) and to files beside a page (`poster.jpg`) into site URLs.

use crate::lang::Lang;
use std::collections::{HashMap, HashSet};

/// Every linkable document and file of the site. Built by the site stage from the loaded content;
/// plain data, read-only while Markdown renders in parallel.
#[derive(Debug, Default)]
pub struct LinkTable {
    /// Logical document key (`role-models/li-mei`, `news/_index`) → URL per language.
    pub docs: HashMap<String, [Option<String>; 2]>,
    /// Content-relative paths of non-Markdown files (`role-models/li-mei.jpg`).
    pub assets: HashSet<String>,
    /// Path part of base_url, prefixed to every URL (`""` or `/portal`).
    pub base_path: String,
    /// Keys of the drafts the build leaves out: a link to one is broken, and says why.
    pub drafts: HashSet<String>,
    /// Content-relative paths of symlinks the build skipped: a link to one says so.
    pub symlinks: HashSet<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Leave the link as written (external, anchor-only, site-absolute).
    Keep,
    Url(String),
    /// Why, with the link as written in `dest`.
    Broken(crate::messages::Text),
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

impl LinkTable {
    pub fn url_of(&self, key: &str, lang: Lang) -> Option<&str> {
        let urls = self.docs.get(key)?;
        urls[lang_index(lang)]
            .as_deref()
            .or(urls[lang_index(Lang::Zh)].as_deref())
            .or(urls[lang_index(Lang::En)].as_deref())
    }

    /// Resolve `dest` written in a document whose folder is `from_dir` (content-relative).
    pub fn resolve(&self, dest: &str, from_dir: &str, lang: Lang) -> Resolved {
        if is_external(dest) || dest.starts_with('#') || dest.starts_with('/') || dest.is_empty() {
            return Resolved::Keep;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let joined = match path.strip_prefix("@/") {
            Some(rest) => normalize(rest),
            None => normalize(&format!("{from_dir}/{path}")),
        };
        let Some(joined) = joined else {
            return Resolved::Broken(crate::text!("link-outside-content", dest = dest));
        };
        let with_fragment = |url: &str| match fragment {
            Some(f) => format!("{url}#{f}"),
            None => url.to_string(),
        };
        if let Some(md) = joined.strip_suffix(".md") {
            let (key, explicit) = doc_key(md);
            return match self.url_of(&key, explicit.unwrap_or(lang)) {
                Some(url) => Resolved::Url(with_fragment(url)),
                None if self.drafts.contains(&key) => {
                    Resolved::Broken(crate::text!("link-draft-page", dest = dest))
                }
                None => Resolved::Broken(crate::text!("link-missing-page", dest = dest)),
            };
        }
        if self.assets.contains(&joined) {
            return Resolved::Url(with_fragment(&format!("{}/{}", self.base_path, joined)));
        }
        if self.through_symlink(&joined) {
            return Resolved::Broken(crate::text!("link-symlink-file", dest = dest));
        }
        if joined.ends_with('/') || !joined.rsplit('/').next().unwrap_or("").contains('.') {
            return Resolved::Broken(crate::text!("link-not-a-file", dest = dest));
        }
        Resolved::Broken(crate::text!("link-missing-file", dest = dest))
    }
}

impl LinkTable {
    /// Whether the content-relative `path` is, or lies in a folder that is, a symlink the walk
    /// skipped.
    pub fn through_symlink(&self, path: &str) -> bool {
        !self.symlinks.is_empty()
            && path
                .match_indices('/')
                .map(|(i, _)| &path[..i])
                .chain(std::iter::once(path))
                .any(|prefix| self.symlinks.contains(prefix))
    }

    /// The content-relative path of the site file a resolved URL points to, if it is one.
    pub fn file_of<'u>(&self, url: &'u str) -> Option<&'u str> {
        let path = url
            .strip_prefix(self.base_path.as_str())?
            .strip_prefix('/')?;
        let path = path.split_once('#').map_or(path, |(p, _)| p);
        self.assets.contains(path).then_some(path)
    }
}

/// Whether a file is a picture the build resizes (JPEG, PNG, WebP).
pub fn is_picture(file: &str) -> bool {
    file.rsplit_once('.').is_some_and(|(_, ext)| {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "jpg" | "jpeg" | "png" | "webp"
        )
    })
}

pub fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.')
        })
}

/// Collapse `.` and `..` in a `/`-separated relative path; `None` if it climbs above the root.
pub fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Logical key of a Markdown path without `.md`: drops a language infix and a bundle's `index`.
/// Returns the explicit language, if the path names one.
pub fn doc_key(path: &str) -> (String, Option<Lang>) {
    let (path, lang) = match path.rsplit_once('.') {
        Some((base, suffix)) => match Lang::from_file_suffix(suffix) {
            Some(lang) => (base, Some(lang)),
            None => (path, None),
        },
        None => (path, None),
    };
    let key = match path.strip_suffix("/index") {
        Some(bundle) => bundle,
        None if path == "index" => "",
        None => path,
    };
    (key.to_string(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> LinkTable {
        let mut t = LinkTable::default();
        t.docs.insert(
            "role-models/li-mei".into(),
            [
                Some("/role-models/li-mei/".into()),
                Some("/en/role-models/li-mei/".into()),
            ],
        );
        t.docs
            .insert("news/_index".into(), [Some("/news/".into()), None]);
        t.assets.insert("role-models/li-mei.jpg".into());
        t
    }

    #[test]
    fn resolves_relative_and_rooted_markdown_links_per_language() {
        let t = table();
        assert_eq!(
            t.resolve("../role-models/li-mei.md#story", "handbook", Lang::En),
            Resolved::Url("/en/role-models/li-mei/#story".into())
        );
        assert_eq!(
            t.resolve("@/role-models/li-mei.en.md", "", Lang::Zh),
            Resolved::Url("/en/role-models/li-mei/".into())
        );
        // No English news index: fall back to the Chinese one rather than a dead link.
        assert_eq!(
            t.resolve("@/news/_index.md", "", Lang::En),
            Resolved::Url("/news/".into())
        );
        assert_eq!(
            t.resolve("li-mei.jpg", "role-models", Lang::Zh),
            Resolved::Url("/role-models/li-mei.jpg".into())
        );
    }

    #[test]
    fn reports_missing_targets_and_keeps_external_ones() {
        let t = table();
        assert!(matches!(
            t.resolve("nobody.md", "role-models", Lang::Zh),
            Resolved::Broken(_)
        ));
        assert!(matches!(
            t.resolve("../../x.md", "a", Lang::Zh),
            Resolved::Broken(_)
        ));
        assert_eq!(
            t.resolve("https://www.gov.cn/", "", Lang::Zh),
            Resolved::Keep
        );
        assert_eq!(t.resolve("mailto:a@b.cn", "", Lang::Zh), Resolved::Keep);
        assert_eq!(t.resolve("#top", "", Lang::Zh), Resolved::Keep);
    }
}

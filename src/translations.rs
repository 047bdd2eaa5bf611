//! Translation status. An English twin records, in its front matter key `source_hash`, a short
//! hash of the Chinese source's text as it was when the translation was last reviewed. The hash
//! lives in the file, so it survives a git checkout (file dates do not). `civic translations mark`
//! writes it after a review; `civic check` and `civic translations` compare it with the source.
//!
//! `mark` also keeps the source text it marked against in `.civic/translation-sources/HASH.md`
//! (small, kept with the site so a colleague sees the same), so that `civic translations diff`
//! can show what changed in the Chinese text since, without git.

use crate::content::frontmatter;
use crate::lang::Lang;
use crate::messages::Text;
use crate::site::{Page, Site};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where `mark` keeps the Chinese text it marked against, by source hash.
pub const SOURCES_DIR: &str = ".civic/translation-sources";

/// The source text as the hash sees it: no BOM, `\n` line ends, no trailing spaces or blank lines.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out: String = text
        .lines()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out
}

/// Short hash of a Chinese source file's normalized text (front matter and body).
pub fn source_hash(text: &str) -> String {
    crate::digest::sha256_hex(normalize(text).as_bytes())[..12].to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Freshness {
    /// No English twin.
    Missing,
    UpToDate,
    /// The source changed after the translation was reviewed.
    Outdated,
    /// The twin has no `source_hash` yet.
    Unreviewed,
}

/// How the English twin of a Chinese page stands.
pub fn freshness(site: &Site, zh: &Page) -> Freshness {
    let Some(en) = zh.translation.map(|t| site.page(t)) else {
        return Freshness::Missing;
    };
    match &en.doc.common.source_hash {
        None => Freshness::Unreviewed,
        Some(h) if *h == source_hash(&zh.doc.source.text) => Freshness::UpToDate,
        Some(_) => Freshness::Outdated,
    }
}

/// One Chinese page and how its English twin stands, for the translations table.
#[derive(Serialize)]
pub struct Row {
    pub file: String,
    pub twin: Option<String>,
    pub status: Freshness,
    pub words_zh: usize,
    pub words_en: Option<usize>,
}

/// Every Chinese page of the site with its twin's status, by file name.
pub fn rows(site: &Site) -> Vec<Row> {
    let mut rows: Vec<Row> = site
        .pages_in(Lang::Zh)
        .map(|p| {
            let en = p.translation.map(|t| site.page(t));
            Row {
                file: p.doc.source.file.clone(),
                twin: en.map(|e| e.doc.source.file.clone()),
                status: freshness(site, p),
                words_zh: p.body.words.headline(Lang::Zh),
                words_en: en.map(|e| e.body.words.headline(Lang::En)),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.file.cmp(&b.file));
    rows
}

/// The English twin and Chinese source of `file` (either one may be given).
fn pair(root: &Path, file: &Path) -> Result<(PathBuf, PathBuf), Text> {
    // A relative path names a file of the site (under --root) first, as the help shows it.
    let path = if file.is_absolute() || (!root.join(file).exists() && file.exists()) {
        file.to_path_buf()
    } else {
        root.join(file)
    };
    // Only pages of this site's content/ may be rewritten, whatever the path says.
    let content = root.join(crate::content::CONTENT_DIR);
    let path = crate::paths::inside(&content, &crate::paths::resolve(&path).unwrap_or(path))
        .map_err(|outside| {
            crate::text!(
                "translations-not-in-content",
                file = file.display().to_string(),
                outside = outside.display().to_string()
            )
        })?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let (zh, en) = if let Some(stem) = name.strip_suffix(".en.md") {
        (path.with_file_name(format!("{stem}.md")), path.clone())
    } else if let Some(stem) = name.strip_suffix(".md") {
        (path.clone(), path.with_file_name(format!("{stem}.en.md")))
    } else {
        return Err(crate::text!(
            "translations-not-markdown",
            file = file.display().to_string()
        ));
    };
    // The twin is written: it must not be a link leading out of content/ either.
    let en = crate::paths::inside(&content, &en).map_err(|outside| {
        crate::text!(
            "translations-twin-outside",
            twin = en.display().to_string(),
            outside = outside.display().to_string()
        )
    })?;
    if !zh.is_file() {
        return Err(crate::text!(
            "translations-no-source",
            file = file.display().to_string(),
            source = zh.display().to_string()
        ));
    }
    if !en.is_file() {
        return Err(crate::text!(
            "translations-no-twin",
            file = file.display().to_string(),
            twin = en.display().to_string()
        ));
    }
    Ok((zh, en))
}

/// Write the source's current hash into the twin's front matter, changing only that line.
pub fn mark(root: &Path, file: &Path) -> Result<Text, Text> {
    let (zh, en) = pair(root, file)?;
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| cannot_read(p, &e));
    let zh_text = read(&zh)?;
    let hash = source_hash(&zh_text);
    keep_source(root, &hash, &zh_text)?;
    let text = read(&en)?;
    let updated = set_source_hash(&text, &hash).ok_or_else(|| {
        crate::text!(
            "translations-no-front-matter",
            twin = en.display().to_string()
        )
    })?;
    if updated != text {
        std::fs::write(&en, updated).map_err(|e| {
            crate::text!(
                "translations-cannot-write",
                path = en.display().to_string(),
                reason = e.to_string()
            )
        })?;
    }
    Ok(crate::text!(
        "translations-marked",
        twin = en.display().to_string(),
        source = zh.display().to_string(),
        hash = hash
    ))
}

fn cannot_read(path: &Path, e: &std::io::Error) -> Text {
    crate::text!(
        "translations-cannot-read",
        path = path.display().to_string(),
        reason = e.to_string()
    )
}

/// `mark --all`: for every twin already up to date with its Chinese source, keep that source's
/// text so `diff` has a baseline (sites made before `mark` kept them, and the sample's pages).
/// A twin that is outdated or never marked is left alone — marking it would say it was
/// reviewed — and returned, as (twin, source), for the editor to review and mark.
pub fn keep_baselines(root: &Path) -> Result<(usize, Vec<(String, String)>), Text> {
    let content = root.join(crate::content::CONTENT_DIR);
    let twins = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(".en.md"));
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| cannot_read(p, &e));
    let (mut kept, mut left) = (0, Vec::new());
    for twin in twins {
        let Ok((zh, en)) = pair(root, twin.path()) else {
            continue;
        };
        let zh_text = read(&zh)?;
        let hash = source_hash(&zh_text);
        if recorded_hash(&read(&en)?).as_deref() == Some(hash.as_str()) {
            keep_source(root, &hash, &zh_text)?;
            kept += 1;
        } else {
            let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
            left.push((shown(&en), shown(&zh)));
        }
    }
    Ok((kept, left))
}

/// Keep the Chinese text a twin is marked against, for `diff`. Named by its hash, so marking
/// many twins of one source, or marking again, writes it once.
fn keep_source(root: &Path, hash: &str, zh_text: &str) -> Result<(), Text> {
    let dir = root.join(SOURCES_DIR);
    let path = dir.join(format!("{hash}.md"));
    if path.is_file() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(&path, normalize(zh_text) + "\n"))
        .map_err(|e| {
            crate::text!(
                "translations-cannot-keep",
                path = path.display().to_string(),
                reason = e.to_string()
            )
        })
}

/// The `source_hash:` a twin's front matter records, if any.
fn recorded_hash(text: &str) -> Option<String> {
    let split = frontmatter::split(text).ok()?;
    split.yaml.lines().find_map(|l| {
        l.strip_prefix("source_hash:")
            .map(|h| h.trim().trim_matches(['"', '\'']).to_string())
            .filter(|h| !h.is_empty())
    })
}

/// What changed in the Chinese source of `file` since its English twin was marked, line by
/// line, in words an editor reads: `- ` for a line taken out, `+ ` for a line put in.
pub fn diff(root: &Path, file: &Path, lang: Lang) -> Result<String, Text> {
    let (zh_path, en_path) = pair(root, file)?;
    // Paths as the editor wrote them: from the site's folder.
    let base = crate::paths::resolve(root).unwrap_or_else(|_| root.to_path_buf());
    let shown = |p: &Path| p.strip_prefix(&base).unwrap_or(p).display().to_string();
    let (zh, en) = (shown(&zh_path), shown(&en_path));
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| cannot_read(p, &e));
    let zh_now = normalize(&read(&zh_path)?);
    let Some(hash) = recorded_hash(&read(&en_path)?) else {
        return Err(crate::text!(
            "translations-never-marked",
            twin = &en,
            source = &zh
        ));
    };
    if hash == source_hash(&zh_now) {
        let same = crate::text!("translations-nothing-changed", twin = &en, source = &zh);
        return Ok(format!("{}\n", same.in_lang(lang)));
    }
    let kept = root.join(SOURCES_DIR).join(format!("{hash}.md"));
    let zh_then = read(&kept).map_err(|_| {
        crate::text!(
            "translations-not-kept",
            twin = &en,
            hash = &hash,
            folder = SOURCES_DIR,
            source = &zh
        )
    })?;
    // Both end with a line end: text added at the end must not show the last line as changed.
    let zh_then = normalize(&zh_then) + "\n";
    let zh_now = zh_now + "\n";
    let heading = crate::text!("translations-diff-heading", source = &zh, twin = &en);
    let mut out = format!("{}\n", heading.in_lang(lang));
    let changes = similar::TextDiff::from_lines(&zh_then, &zh_now);
    for group in changes.grouped_ops(1) {
        let first_new_line = group
            .iter()
            .find(|op| op.tag() != similar::DiffTag::Equal)
            .map_or(0, |op| op.new_range().start)
            + 1;
        let at = crate::text!("translations-diff-at-line", line = first_new_line);
        out.push_str(&format!("\n{}\n", at.in_lang(lang)));
        for op in &group {
            for change in changes.iter_changes(op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "- ",
                    similar::ChangeTag::Insert => "+ ",
                    similar::ChangeTag::Equal => "  ",
                };
                out.push_str(sign);
                out.push_str(change.value().trim_end_matches('\n'));
                out.push('\n');
            }
        }
    }
    let footer = crate::text!("translations-diff-footer", twin = &en);
    out.push_str(&format!("\n{}\n", footer.in_lang(lang)));
    Ok(out)
}

/// Replace the `source_hash:` line of the front matter, or add one at its end.
pub fn set_source_hash(text: &str, hash: &str) -> Option<String> {
    let split = frontmatter::split(text).ok()?;
    let base = text.as_ptr() as usize;
    let yaml_start = split.yaml.as_ptr() as usize - base;
    let yaml_end = yaml_start + split.yaml.len();
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut offset = yaml_start;
    for line in split.yaml.split_inclusive('\n') {
        if line.starts_with("source_hash:") {
            let ending = if line.ends_with("\r\n") {
                "\r\n"
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            return Some(format!(
                "{}source_hash: {hash}{ending}{}",
                &text[..offset],
                &text[offset + line.len()..]
            ));
        }
        offset += line.len();
    }
    let needs_break = !split.yaml.is_empty() && !split.yaml.ends_with('\n');
    Some(format!(
        "{}{}source_hash: {hash}{eol}{}",
        &text[..yaml_end],
        if needs_break { eol } else { "" },
        &text[yaml_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_line_endings_and_trailing_space() {
        assert_eq!(
            source_hash("---\ntitle: a\n---\nbody\n"),
            source_hash("---\r\ntitle: a  \r\n---\r\nbody\r\n\r\n")
        );
        assert_ne!(
            source_hash("---\ntitle: a\n---\nbody\n"),
            source_hash("---\ntitle: b\n---\nbody\n")
        );
    }

    #[test]
    fn marking_changes_only_the_hash_line() {
        let text =
            "---\ntitle: Li Mei\n# reviewed by Wang\nsource_hash: old\nname: Li Mei\n---\nBody\n";
        let out = set_source_hash(text, "abc").unwrap();
        assert_eq!(
            out,
            "---\ntitle: Li Mei\n# reviewed by Wang\nsource_hash: abc\nname: Li Mei\n---\nBody\n"
        );
        let out = set_source_hash("---\ntitle: A\n---\nB\n", "abc").unwrap();
        assert_eq!(out, "---\ntitle: A\nsource_hash: abc\n---\nB\n");
    }
}

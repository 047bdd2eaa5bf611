//! Re-reading one page file without reloading the whole site: `civic serve`'s fast path for an
//! edit. Uses exactly the same parsing and validation as a full load, so a page validated here is
//! the page a full build would produce.

pub use super::is_dropped;
use super::{
    DocName, PageDoc, Parsed, Rejected, Source, kinds, parse_bytes, parse_file, parse_yaml,
    validate_page, walk, yaml_problem,
};
use crate::config::SiteConfig;
use crate::error::Problem;
use crate::lang::Lang;
use frontmatter::RawPage;
use kinds::Kind;
use std::collections::HashMap;
use std::path::Path;

use super::frontmatter;

/// What a re-read file turned out to be.
pub enum Reloaded {
    Page(Box<PageDoc>),
    /// A section index (`_index.md`): the caller reloads the whole site.
    Section,
}

/// Re-read `rel` (content-relative, `news/x.md`) and validate it as a page of the section it sits
/// in. `zh_source` is the Chinese source page when `rel` is an English twin (it inherits from it).
pub fn reload_page(
    root: &Path,
    rel: &str,
    config: &SiteConfig,
    section_kinds: &HashMap<&str, Kind>,
    zh_source: Option<&Source>,
) -> Result<Reloaded, Vec<Problem>> {
    read_page(root, rel, None, (config, section_kinds), zh_source)
}

/// [`reload_page`] of `text` instead of the file's bytes: the page as it would be if `rel`
/// held `text` (the desk's preview while the editor types; nothing is written).
pub fn page_from_text(
    root: &Path,
    rel: &str,
    text: &str,
    config: &SiteConfig,
    section_kinds: &HashMap<&str, Kind>,
    zh_source: Option<&Source>,
) -> Result<Reloaded, Vec<Problem>> {
    read_page(root, rel, Some(text), (config, section_kinds), zh_source)
}

fn read_page(
    root: &Path,
    rel: &str,
    text: Option<&str>,
    (config, section_kinds): (&SiteConfig, &HashMap<&str, Kind>),
    zh_source: Option<&Source>,
) -> Result<Reloaded, Vec<Problem>> {
    let mut md =
        walk::classify(rel).map_err(|p| vec![p.in_file(format!("{}/{rel}", walk::CONTENT_DIR))])?;
    md.path = root.join(walk::CONTENT_DIR).join(rel);
    // A link is never read through (it could lead anywhere): the full reload reports it.
    let is_link = std::fs::symlink_metadata(&md.path).is_ok_and(|m| m.file_type().is_symlink());
    if md.name == DocName::SectionIndex || is_link {
        return Ok(Reloaded::Section);
    }
    let parsed = match text {
        Some(text) => parse_bytes(md, text.as_bytes().to_vec(), &config.limits)?,
        None => parse_file(md, &config.limits)?,
    };
    let (md, raw, source) = match parsed {
        Parsed::Page(md, raw, source) => (md, raw, source),
        Parsed::Section(..) => return Ok(Reloaded::Section),
    };
    let twin_raw = match zh_source {
        Some(zh) if md.lang != Lang::Zh => Some(
            parse_yaml::<RawPage>(zh.yaml(), &config.limits)
                .map_err(|e| vec![yaml_problem(zh, e)])?,
        ),
        _ => None,
    };
    let zh = twin_raw.as_ref().zip(zh_source);
    match validate_page(&md, raw, source, zh, section_kinds, config) {
        Ok(doc) => Ok(Reloaded::Page(Box::new(doc))),
        Err(Rejected::Invalid(problems) | Rejected::Unfinished(problems)) => Err(problems),
    }
}

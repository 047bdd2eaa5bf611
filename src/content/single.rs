//! Re-reading one page file without reloading the whole site: `civic serve`'s fast path for an
//! edit. Uses exactly the same parsing and validation as a full load, so a page validated here is
//! the page a full build would produce.

use super::{
    DocName, LoadOptions, PageDoc, Parsed, Source, doc_name, invalid_to_problem, kinds,
    owning_section, parse_file, parse_yaml, placeholder_problems, walk,
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
    let mut md =
        walk::classify(rel).map_err(|p| vec![p.in_file(format!("{}/{rel}", walk::CONTENT_DIR))])?;
    md.path = root.join(walk::CONTENT_DIR).join(rel);
    // A link is never read through (it could lead anywhere): the full reload reports it.
    let is_link = std::fs::symlink_metadata(&md.path).is_ok_and(|m| m.file_type().is_symlink());
    if md.name == DocName::SectionIndex || is_link {
        return Ok(Reloaded::Section);
    }
    let (md, mut raw, source) = match parse_file(md, &config.limits)? {
        Parsed::Page(md, raw, source) => (md, raw, source),
        Parsed::Section(..) => return Ok(Reloaded::Section),
    };
    let twin_raw = match zh_source {
        Some(zh) if md.lang != Lang::Zh => Some(
            parse_yaml::<RawPage>(zh.yaml(), &config.limits).map_err(|e| {
                let mut p = zh
                    .problem("front-matter", e.message)
                    .at(e.line + zh.yaml_line - 1, e.column);
                p.help = e.help.map(Box::new);
                vec![p]
            })?,
        ),
        _ => None,
    };
    if let Some(zh_raw) = &twin_raw {
        raw.inherit_from(zh_raw);
    }
    let (section_dir, kind) = owning_section(&md.dir, section_kinds);
    let name = doc_name(&md);
    match kinds::page_meta(*raw, kind, &name, config) {
        Ok(meta) => {
            let unfinished = placeholder_problems(&meta.0, &source);
            if !unfinished.is_empty() {
                return Err(unfinished);
            }
            Ok(Reloaded::Page(Box::new(PageDoc::new(
                &md,
                section_dir,
                name,
                meta,
                source,
            ))))
        }
        Err(invalids) => {
            let fallback = zh_source.filter(|_| md.lang != Lang::Zh);
            Err(invalids
                .into_iter()
                .map(|i| invalid_to_problem(i, &source, fallback))
                .collect())
        }
    }
}

/// Whether a page would be left out of a build with these options.
pub fn is_dropped(doc: &PageDoc, options: LoadOptions) -> bool {
    !options.drafts && doc.common.draft
}
